#!/bin/bash
# The fresh-root check: do the README's two commands work on a brand-new
# Debian 12 machine? Run by .ci/run after `make test`.
#
#   scripts/check-fresh.sh [--rev REV] [--refresh] [--keep]
#
# 1. A pristine Debian 12 root: `debootstrap --variant=minbase` plus make, git
#    and ca-certificates, from the mirror this machine's apt sources name
#    (read now, never stored in the repository). The root is cached as a
#    tarball between runs on the same machine (--refresh rebuilds it).
# 2. The commit under test (default HEAD; uncommitted changes are not part of
#    it) is cloned into the root's /root/minikit; this machine's apt sources,
#    their keyrings and its Acquire settings are copied in.
# 3. In a private mount namespace (`unshare -m`, so nothing stays mounted
#    whatever happens), chrooted into the root, as a new user would: the
#    README's two commands, exactly as written under its quick start.
#    `make simulate` must print the flagship's lines (the expectations of
#    tests/system/shared-memory/test.json, in order; QEMU is then stopped);
#    `make test` must end with "N passed, 0 failed".
#
# Needs root (debootstrap, chroot, mounts) and the package mirror; if the
# mirror cannot be reached the check says so and fails. Downloaded packages
# are kept in the cache too, so later runs download only what changed.
#
# Environment: MINIKIT_FRESH_CACHE (default /var/cache/minikit-fresh),
# TMPDIR (where the root is unpacked; default /var/tmp).
set -euo pipefail

SUITE=bookworm   # Debian 12
INCLUDE=make,git,ca-certificates
SIMULATE_TIMEOUT=1200
TEST_TIMEOUT=1800

repo=$(cd "$(dirname "$0")/.." && pwd)
rev=HEAD
refresh=0
keep=0
while [ $# -gt 0 ]; do
    case $1 in
        --rev) rev=$2; shift 2 ;;
        --refresh) refresh=1; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "check-fresh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done

say() { printf 'check-fresh: %s\n' "$*"; }
die() { printf 'check-fresh: FAIL: %s\n' "$*" >&2; exit 1; }
elapsed() { echo "$(( $(date +%s) - start ))s"; }
start=$(date +%s)

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot and mounts); run it as root"
for c in python3 unshare chroot tar git; do
    command -v "$c" >/dev/null || die "'$c' is missing on this machine"
done
if ! command -v debootstrap >/dev/null; then
    say "installing debootstrap on this machine"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null ||
        die "could not install debootstrap"
fi

commit=$(git -C "$repo" rev-parse --verify "$rev^{commit}") || die "no commit '$rev' in $repo"
if [ "$rev" = HEAD ] && [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
    say "note: uncommitted changes in $repo are not checked (only commit ${commit:0:12})"
fi

# ---------------------------------------------------------------- apt sources
# The mirror debootstrap uses: the first enabled "deb" source of this machine
# that carries $SUITE's main component. Read from the files apt itself reads.
mirror=$(python3 "$repo/scripts/apt-sources.py" mirror "$SUITE") ||
    die "this machine's apt sources name no Debian mirror for '$SUITE' main"
say "mirror $mirror (from this machine's apt sources)"

# Fail loudly, not silently, when the mirror is out of reach.
python3 - "$mirror/dists/$SUITE/Release" <<'EOF' || die "cannot reach the package mirror $mirror (needed to build and fill the fresh root)"
import sys, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=30).read(1)
except Exception as e:
    print(f"check-fresh: {sys.argv[1]}: {e}", file=sys.stderr)
    sys.exit(1)
EOF

# ---------------------------------------------------------------- the pristine root
cache=${MINIKIT_FRESH_CACHE:-/var/cache/minikit-fresh}
mkdir -p "$cache/debs/partial"
key=$(printf '%s\n' "$SUITE" "$mirror" minbase "$INCLUDE" | sha256sum | cut -c1-16)
tarball=$cache/root-$SUITE-minbase-$key.tar
work=$(mktemp -d "${TMPDIR:-/var/tmp}/minikit-fresh.XXXXXX")
root=$work/root

cleanup() {
    local status=$?
    # Mounts live only in the namespace of the run, gone with it; refuse to
    # delete anything that is still a mount point here, to be safe.
    if grep -q " $work/" /proc/self/mounts; then
        echo "check-fresh: something is mounted under $work; not deleting it" >&2
    elif [ "$keep" = 1 ]; then
        echo "check-fresh: kept $work" >&2
    else
        rm -rf "$work"
    fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$refresh" = 1 ] || [ ! -s "$tarball" ]; then
    say "building a pristine $SUITE minbase root (debootstrap; cached afterwards)"
    if ! debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$work/new" "$mirror" \
            >"$work/debootstrap.log" 2>&1; then
        tail -n 15 "$work/debootstrap.log" >&2
        if grep -qiE 'resolv|connect|download|Failed getting release|unable to fetch|Temporary failure' \
                "$work/debootstrap.log"; then
            die "debootstrap cannot reach the package mirror $mirror"
        fi
        die "debootstrap failed (log above)"
    fi
    tar -C "$work/new" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
    rm -rf "$work/new"
    say "pristine root cached in $tarball ($(elapsed))"
fi
mkdir "$root"
tar -C "$root" -xf "$tarball"

# ---------------------------------------------------------------- fill it
python3 "$repo/scripts/apt-sources.py" copy "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
git clone -q --no-hardlinks "$repo" "$root/root/minikit"
git -C "$root/root/minikit" checkout -q --detach "$commit"
say "commit ${commit:0:12} cloned into the root ($(elapsed))"

# The README's two commands, exactly as written: the sh block that follows
# the line "<!-- check-fresh: the two commands -->".
mapfile -t commands < <(awk '
    /<!-- check-fresh: the two commands -->/ { marked = 1; next }
    marked && /^```sh/ { inblock = 1; next }
    inblock && /^```/ { exit }
    inblock && NF { print }' "$root/root/minikit/README.md")
[ "${#commands[@]}" = 2 ] ||
    die "README.md: expected two commands in the sh block after '<!-- check-fresh: the two commands -->', found ${#commands[@]}"
case "${commands[0]}" in "make simulate"*) ;; *) die "README.md: first command is not 'make simulate': ${commands[0]}" ;; esac
case "${commands[1]}" in "make test"*) ;; *) die "README.md: second command is not 'make test': ${commands[1]}" ;; esac

# ---------------------------------------------------------------- run them
# scripts/fresh-root-run.sh runs inside the private mount namespace: it
# mounts /proc, /dev and the package cache into the root, then runs each
# command chrooted, as root, with a clean environment.
simulate_log=$work/simulate.log
test_log=$work/test.log
expect=$work/flagship.expect
python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["expect"]))' \
    "$repo/tests/system/shared-memory/test.json" >"$expect"

say "running '${commands[0]}' in the fresh root"
status=0
unshare -m --propagation private "$repo/scripts/fresh-root-run.sh" "$root" "$cache/debs" \
    simulate "${commands[0]}" "$simulate_log" "$SIMULATE_TIMEOUT" "$expect" || status=$?
if [ $status != 0 ]; then
    echo "---- last lines of make simulate:" >&2
    tail -n 30 "$simulate_log" >&2
    die "'${commands[0]}' did not print the flagship's lines (status $status)"
fi
say "make simulate printed the flagship's lines ($(elapsed))"

say "running '${commands[1]}' in the fresh root"
status=0
unshare -m --propagation private "$repo/scripts/fresh-root-run.sh" "$root" "$cache/debs" \
    test "${commands[1]}" "$test_log" "$TEST_TIMEOUT" || status=$?
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$test_log" | tail -n 1 || true)
if [ $status != 0 ] || ! [[ $summary =~ ^[0-9]+\ passed,\ 0\ failed$ ]]; then
    echo "---- failures and last lines of make test:" >&2
    grep -E '^FAIL' "$test_log" | head -n 20 >&2 || true
    tail -n 30 "$test_log" >&2
    die "'${commands[1]}' did not end with 'N passed, 0 failed' (status $status, summary '${summary:-none}')"
fi
say "make test: $summary ($(elapsed))"
# Packages no run has asked for in 60 days are old versions: let them go.
find "$cache/debs" -maxdepth 1 -name '*.deb' -mtime +60 -delete
say "PASS: the README's two commands work on a fresh Debian 12 root (commit ${commit:0:12}, $(elapsed))"
