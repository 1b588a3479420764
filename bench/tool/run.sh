#!/bin/sh
# run.sh TOOL SYSTEM ELF_DIR RUNS: time the tool RUNS times on SYSTEM and print the median.
set -eu
tool=$1 system=$2 elfs=$3 runs=$4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 - "$tool" "$system" "$elfs" "$runs" "$out" <<'PY'
import statistics, subprocess, sys, time
tool, system, elfs, runs, out = sys.argv[1:6]
cmd = [tool, system, "--board", "qemu_virt_aarch64", "--config", "debug", "--search-path", elfs,
       "-o", out + "/loader.img", "-r", out + "/report.txt"]
times = []
for _ in range(int(runs)):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    times.append((time.perf_counter() - t) * 1000)
    if r.returncode:
        sys.exit("tool failed:\n" + r.stderr.decode())
print(f"bench-tool: {system}: median {statistics.median(times):.1f} ms over {runs} runs "
      f"(min {min(times):.1f}, max {max(times):.1f}; target <= 25 ms)")
PY
