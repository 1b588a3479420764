#!/bin/sh
# run.sh TOOL SYSTEM ELF_DIR RUNS: time the tool RUNS times on SYSTEM; print the median wall time and
# the median of each phase (the tool's own MICROKIT_TIMING lines, see tool/timing.h).
set -eu
tool=$1 system=$2 elfs=$3 runs=$4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 - "$tool" "$system" "$elfs" "$runs" "$out" <<'PY'
import os, statistics, subprocess, sys, time
tool, system, elfs, runs, out = sys.argv[1:6]
runs = int(runs)
cmd = [tool, system, "--board", "qemu_virt_aarch64", "--config", "debug", "--search-path", elfs,
       "-o", out + "/loader.img", "-r", out + "/report.txt"]
env = dict(os.environ)
times, phases, order = [], {}, []
# The first run is a warm-up (page cache, the dynamic linker's cache): not counted.
for i in range(runs + 1):
    t = time.monotonic_ns()
    env["MICROKIT_TIMING"] = str(t)
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = (time.monotonic_ns() - t) / 1e6
    if r.returncode:
        sys.exit("tool failed:\n" + r.stderr.decode())
    if i == 0:
        continue
    times.append(wall)
    inside = 0.0
    for line in r.stderr.decode().splitlines():
        if line.startswith("microkit: timing: "):
            name, ms = line[len("microkit: timing: "):].rsplit(" ", 1)
            if name not in phases:
                order.append(name)
                phases[name] = []
            phases[name].append(float(ms))
            inside += float(ms)
    name = "exit (the process ends, the harness sees it)"
    if name not in phases:
        order.append(name)
        phases[name] = []
    phases[name].append(wall - inside)
# What starting any process costs here: a program that does nothing, run the same way.
true = []
for i in range(runs + 1):
    t = time.monotonic_ns()
    subprocess.run(["/bin/true"])
    if i:
        true.append((time.monotonic_ns() - t) / 1e6)
med = statistics.median(times)
print(f"bench-tool: {system}: median {med:.1f} ms over {runs} runs "
      f"(min {min(times):.1f}, max {max(times):.1f}; target <= 25 ms)")
print("bench-tool: median of each phase (ms; the medians need not add up to the median run):")
for name in order:
    print(f"  {statistics.median(phases[name]):7.2f}  {name}")
print(f"  ({statistics.median(true):.2f} ms: /bin/true started the same way, for comparison)")
PY
