#!/bin/sh
# run.sh FUZZ_DIR SECONDS ELF_DIR: run both fuzz targets one after the other
# for SECONDS each, corpora seeded from the tool's test files, and print
# libFuzzer's final figures. Crashes land in FUZZ_DIR/crashes/.
set -eu
dir=$1 secs=$2 elfs=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir/corpus/sdf" "$dir/corpus/elf" "$dir/crashes"
cp "$root"/tests/tool/good/*.system "$root"/tests/tool/bad/*.system "$dir/corpus/sdf/"
cp "$elfs"/*.elf "$root"/tests/tool/data/* "$dir/corpus/elf/" 2>/dev/null || true
export ASAN_OPTIONS=detect_leaks=0
for t in sdf elf; do
    echo "fuzz_$t: ${secs}s"
    # -fork=1: the model is freed at exit only, so a long run restarts its worker to bound memory.
    "$dir/fuzz_$t" -fork=1 -max_total_time="$secs" -close_fd_mask=2 -max_len=65536 -rss_limit_mb=4096 \
        -artifact_prefix="$dir/crashes/$t-" "$dir/corpus/$t" 2>&1 |
        grep -E 'DONE|ERROR|SUMMARY|crash' | tail -n 12
done
