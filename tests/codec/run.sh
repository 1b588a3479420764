#!/bin/sh
# Codec tests: the unit and property tests, built plainly and under
# AddressSanitizer + UBSan, then the fuzz target over its seed corpus (the
# spec's vectors) as a regression check. Prints "PASS x" / "FAIL x" and ends
# with "N passed, N failed". Needs `make test-deps` first.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
DIR=$BUILD/tests/codec

pass=0
fail=0
for t in test_codec test_codec_san; do
    if [ ! -x "$DIR/$t" ]; then
        echo "FAIL $t: $DIR/$t not built (make test-deps)"
        fail=$((fail + 1))
        continue
    fi
    "$DIR/$t" >"$DIR/$t.log" 2>&1
    sed -E "s#^(PASS|FAIL) codec/#\1 $t/#" "$DIR/$t.log" | grep -v ' passed, '
    summary=$(tail -n1 "$DIR/$t.log")
    p=${summary%% passed*}
    f=${summary#*, }
    f=${f%% failed}
    case $p$f in *[!0-9]*|'') echo "FAIL $t: no summary"; fail=$((fail + 1)); continue ;; esac
    pass=$((pass + p))
    fail=$((fail + f))
done

if "$DIR/fuzz_reader" "$DIR"/seeds/* >"$DIR/seeds.log" 2>&1; then
    echo "PASS fuzz_reader/seeds"
    pass=$((pass + 1))
else
    echo "FAIL fuzz_reader/seeds: $(grep -m1 -E 'ERROR|check failed' "$DIR/seeds.log")"
    fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
