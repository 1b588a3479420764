#!/bin/bash
# Runs every test suite and prints one final line "N passed, N failed":
#   tests/tool/run.sh      host tests of the microkit tool (when present)
#   tests/codec/run.sh     host tests of the postcard codec
#   tests/system/run.py    QEMU system tests
#   tests/vm-guest/run.sh  host tests of the vm example's guest build and of
#                          the system tests' skip_if
#   tests/fuzz-systems/run.py  a sample of random systems, built and booted
#   tests/debug/run.py     make debug run non-interactively: pd-break, bt,
#                          info pds in gdb-multiarch on the flagship
#   tests/release/run.py   the release tarball, unpacked under /tmp: every
#                          example built and booted from it, both compilers
#   tests/docs/run.py      the docs: tutorial fragments, the tutorial's steps
#                          built and booted, every shell block of the docs run
# Each runner ends with its own "N passed, N failed" line; they are summed
# here (and shown as "== <suite>: ..."). A runner that exits non-zero or
# prints no summary counts as one failure. Exit status 1 if anything failed.
#
# Environment: BUILD (default build) is passed on to the system tests.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1

passed=0
failed=0
summary_re='^([0-9]+) passed, ([0-9]+) failed$'

# run_suite NAME COMMAND...: stream the runner's output, add up its summary.
run_suite() {
    local name=$1 out status line p=-1 f=-1
    shift
    out=$(mktemp)
    "$@" 2>&1 | while IFS= read -r line; do
        if [[ $line =~ $summary_re ]]; then
            printf '== %s: %s\n' "$name" "$line"
        else
            printf '%s\n' "$line"
        fi
        printf '%s\n' "$line" >>"$out"
    done
    status=${PIPESTATUS[0]}
    while IFS= read -r line; do
        if [[ $line =~ $summary_re ]]; then
            p=${BASH_REMATCH[1]}
            f=${BASH_REMATCH[2]}
        fi
    done <"$out"
    rm -f "$out"
    if ((p < 0)); then
        echo "FAIL $name: runner printed no summary line (exit status $status)"
        failed=$((failed + 1))
        return
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if ((status != 0 && f == 0)); then
        echo "FAIL $name: runner exited with status $status"
        failed=$((failed + 1))
    fi
}

if [ -x tests/tool/run.sh ]; then
    run_suite tool tests/tool/run.sh
elif [ -e tests/tool/run.sh ]; then
    run_suite tool bash tests/tool/run.sh
fi
run_suite codec tests/codec/run.sh
run_suite system python3 tests/system/run.py --build "${BUILD:-build}"
run_suite vm-guest tests/vm-guest/run.sh
# A sample of the property test "a system the tool accepts boots without a panic" (make fuzz-systems: all of it).
run_suite fuzz-systems python3 tests/fuzz-systems/run.py -n "${FUZZ_SYSTEMS_SAMPLE:-50}" --seed test \
    --build "${BUILD:-build}"
run_suite debug python3 tests/debug/run.py
run_suite release python3 tests/release/run.py
run_suite docs python3 tests/docs/run.py

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
