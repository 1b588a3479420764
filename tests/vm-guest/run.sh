#!/bin/sh
# Host tests of the vm example's guest build (examples/vm/guest-assets.sh)
# and of the system-test runner's skip_if, without booting anything:
#   assets-skip      an unreachable mirror and an empty cache: exit 77, a
#                    SKIPPED file saying why, empty Image and initramfs (the
#                    example still builds), nothing else
#   assets-bad-init  a missing /init script: a usage error naming it
#   assets-cached    with the packages already cached, the guest is built
#                    with no mirror at all (skipped when the cache is empty)
#   runner-skip      tests/system/run.py skips vm when its build wrote
#                    guest/SKIPPED, shows the reason, counts nothing
# Prints "PASS name" / "FAIL name: why" and ends with "N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ASSETS=$ROOT/examples/vm/guest-assets.sh
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
NOWHERE=http://127.0.0.1:9/debian # nothing listens on port 9 (discard)

pass=0
fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1: $2"; fail=$((fail + 1)); }

# ---------------------------------------------------------------- assets-skip
MINIKIT_CACHE=$TMP/empty-cache DEBIAN_MIRROR=$NOWHERE "$ASSETS" "$TMP/skip" >"$TMP/skip.log" 2>&1
rc=$?
if [ $rc -ne 77 ]; then
    ko assets-skip "exit $rc, expected 77: $(tail -n 1 "$TMP/skip.log")"
elif ! grep -q "could not be downloaded from $NOWHERE" "$TMP/skip/SKIPPED" 2>/dev/null; then
    ko assets-skip "no SKIPPED file naming the mirror: $(cat "$TMP/skip/SKIPPED" 2>&1)"
elif [ ! -f "$TMP/skip/Image" ] || [ -s "$TMP/skip/Image" ] || [ ! -f "$TMP/skip/initramfs.cpio" ] ||
    [ -s "$TMP/skip/initramfs.cpio" ]; then
    ko assets-skip "Image and initramfs.cpio must exist and be empty: $(ls -l "$TMP/skip")"
elif ! grep -q "SKIP:" "$TMP/skip.log"; then
    ko assets-skip "no SKIP line on stderr: $(cat "$TMP/skip.log")"
else
    ok assets-skip
fi

# ---------------------------------------------------------------- assets-bad-init
"$ASSETS" "$TMP/bad-init" "$TMP/no-such-init" >"$TMP/bad-init.log" 2>&1
rc=$?
if [ $rc -eq 2 ] && grep -q "no init script at '$TMP/no-such-init'" "$TMP/bad-init.log"; then
    ok assets-bad-init
else
    ko assets-bad-init "exit $rc (expected 2): $(cat "$TMP/bad-init.log")"
fi

# ---------------------------------------------------------------- assets-cached
cache=${MINIKIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/minikit}
if ls "$cache"/debian-bookworm-arm64/debs/linux-image-*-cloud-arm64_*.deb >/dev/null 2>&1 &&
    ls "$cache"/debian-bookworm-arm64/debs/busybox-static_*.deb >/dev/null 2>&1; then
    MINIKIT_CACHE=$cache DEBIAN_MIRROR=$NOWHERE "$ASSETS" "$TMP/cached" >"$TMP/cached.log" 2>&1
    rc=$?
    magic=$(od -A n -t x1 -j 56 -N 4 "$TMP/cached/Image" 2>/dev/null | tr -d ' \n')
    # A newc archive starts "070701"; ours holds /init.
    if [ $rc -ne 0 ]; then
        ko assets-cached "exit $rc: $(tail -n 1 "$TMP/cached.log")"
    elif [ "$magic" != 41524d64 ]; then
        ko assets-cached "Image has no arm64 magic at 0x38 ($magic)"
    elif [ "$(head -c 6 "$TMP/cached/initramfs.cpio")" != 070701 ] || ! grep -qa "guest: /init running" "$TMP/cached/initramfs.cpio"; then
        ko assets-cached "initramfs.cpio is not a newc archive with the example's /init"
    elif [ -e "$TMP/cached/SKIPPED" ]; then
        ko assets-cached "SKIPPED written although the packages were cached"
    else
        ok assets-cached
    fi
else
    echo "SKIP assets-cached: no Debian packages cached in $cache yet (make -C examples/vm downloads them)"
fi

# ---------------------------------------------------------------- runner-skip
mkdir -p "$TMP/build/examples/vm/guest"
echo "the reason, first line" >"$TMP/build/examples/vm/guest/SKIPPED"
echo "second line" >>"$TMP/build/examples/vm/guest/SKIPPED"
python3 "$ROOT/tests/system/run.py" --build "$TMP/build" vm >"$TMP/runner.log" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q '^SKIP vm\[el2/cortex-a53\]: the reason, first line$' "$TMP/runner.log" &&
    tail -n 1 "$TMP/runner.log" | grep -q '^0 passed, 0 failed$'; then
    ok runner-skip
else
    ko runner-skip "exit $rc: $(tr '\n' '|' <"$TMP/runner.log")"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
