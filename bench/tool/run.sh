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
times, cpus, phases, order = [], [], {}, []
load = os.getloadavg()[0]


def run(argv, env=None):
    """Run argv; its stderr, exit status and CPU time (user + system, ms, from wait4)."""
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return err.decode(), p.returncode, (ru.ru_utime + ru.ru_stime) * 1e3


# The first run is a warm-up (page cache, the dynamic linker's cache): not counted.
for i in range(runs + 1):
    t = time.monotonic_ns()
    env["MICROKIT_TIMING"] = str(t)
    err, status, cpu = run(cmd, env)
    wall = (time.monotonic_ns() - t) / 1e6
    if status:
        sys.exit("tool failed:\n" + err)
    if i == 0:
        continue
    times.append(wall)
    cpus.append(cpu)
    inside = 0.0
    for line in err.splitlines():
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
    run(["/bin/true"])
    if i:
        true.append((time.monotonic_ns() - t) / 1e6)
med = statistics.median(times)
print(f"bench-tool: {system}: median {med:.1f} ms over {runs} runs "
      f"(min {min(times):.1f}, max {max(times):.1f}; target <= 25 ms)")
# Wall time follows the machine's load (other jobs share the cores); CPU time much less.
print(f"bench-tool: CPU time (user + system) median {statistics.median(cpus):.1f} ms; "
      f"load average {load:.2f} on {os.cpu_count()} cores when it started")
print("bench-tool: median of each phase (ms; the medians need not add up to the median run):")
for name in order:
    print(f"  {statistics.median(phases[name]):7.2f}  {name}")
print(f"  ({statistics.median(true):.2f} ms: /bin/true started the same way, for comparison)")
PY
