#!/bin/sh
# Builds the Linux guest of the vm example from Debian packages:
#
#   guest-assets.sh OUTDIR [INIT]
#
# writes OUTDIR/Image (Debian's arm64 kernel, linux-image-cloud-arm64, as a
# raw arm64 Image) and OUTDIR/initramfs.cpio (busybox-static for arm64 and
# INIT as /init (default: this example's guest/init), a newc cpio archive made
# by guest/mkinitramfs.py).
#
# The .deb files come from deb.debian.org (bookworm, arm64) through a private
# apt state in the cache directory, so the host's apt configuration and
# architecture list stay untouched and no root is needed:
#   $MINIKIT_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/minikit
# Once downloaded, the packages are reused from there (delete the cache
# directory to fetch the newest ones).
#
# Exit status 0: the assets are built. Exit status 77: the packages could not
# be downloaded (no network, mirror down); OUTDIR/SKIPPED then says why, and
# OUTDIR/Image and OUTDIR/initramfs.cpio are empty, so the example still builds
# (its VMM says the guest is missing) and the test reports a skip. Any other
# status: a real error.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 OUTDIR [INIT]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
out=$1
init=${2:-$here/guest/init}
[ -f "$init" ] || { echo "guest-assets: no init script at '$init'" >&2; exit 2; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
cache=${MINIKIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/minikit}/debian-bookworm-arm64
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
rm -f "$out/SKIPPED"

skip() {
    msg="the Debian arm64 packages linux-image-cloud-arm64 and busybox-static could not be downloaded from $mirror ($1); the Linux guest is skipped"
    echo "guest-assets: SKIP: $msg" >&2
    printf '%s\n' "$msg" >"$out/SKIPPED"
    : >"$out/Image"
    : >"$out/initramfs.cpio"
    exit 77
}

# The private apt state: its own sources list, lists, status file, archive
# cache and configuration directory, for arm64 only.
apt=$cache/apt
mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/etc/apt.conf.d" \
    "$apt/etc/preferences.d" "$apt/etc/sources.list.d" "$cache/debs"
[ -f "$apt/status" ] || : >"$apt/status"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
echo "deb [arch=arm64 signed-by=$keyring] $mirror bookworm main" >"$apt/etc/sources.list"
set -- -q -o Dir::Etc="$apt/etc" -o Dir::Etc::sourcelist="$apt/etc/sources.list" \
    -o Dir::Etc::sourceparts="$apt/etc/sources.list.d" -o Dir::Etc::parts="$apt/etc/apt.conf.d" \
    -o Dir::Etc::preferencesparts="$apt/etc/preferences.d" -o Dir::State="$apt" \
    -o Dir::State::lists="$apt/lists" -o Dir::State::status="$apt/status" -o Dir::Cache="$apt" \
    -o Dir::Cache::archives="$apt/archives" -o APT::Architecture=arm64 -o APT::Architectures=arm64 \
    -o Debug::NoLocking=1 -o Acquire::Retries=1 -o Acquire::http::Timeout=30 \
    -o APT::Sandbox::User="$(id -un)"

# The newest cached .deb of a package (the version sorts after the name).
cached() {
    ls "$cache/debs/$1"_*_arm64.deb 2>/dev/null | sort -V | tail -n 1
}

kdeb=$(ls "$cache"/debs/linux-image-*-cloud-arm64_*_arm64.deb 2>/dev/null | grep -v -- '-unsigned_' | sort -V | tail -n 1 || true)
bdeb=$(cached busybox-static)
if [ -z "$kdeb" ] || [ -z "$bdeb" ]; then
    command -v apt-get >/dev/null 2>&1 || skip "apt-get is not installed"
    [ -f "$keyring" ] || skip "$keyring is missing (Debian package debian-archive-keyring)"
    echo "guest-assets: fetching the arm64 package lists from $mirror (private apt state in $apt)"
    # apt-get update exits 0 when a mirror cannot be reached: its log says so.
    if ! apt-get "$@" update >"$cache/apt-update.log" 2>&1 ||
        grep -q -e '^Err:' -e '^[WE]: Failed to fetch' "$cache/apt-update.log"; then
        skip "apt-get update failed: $(grep -m 1 -e '^Err:' -e '^[WE]:' "$cache/apt-update.log" | cut -c 1-200)"
    fi
    # linux-image-cloud-arm64 is a metapackage: its one dependency is the
    # real kernel package, linux-image-<abi>-cloud-arm64.
    real=$(apt-cache "$@" depends linux-image-cloud-arm64 2>/dev/null |
        sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-cloud-arm64\)$/\1/p' | head -n 1)
    [ -n "$real" ] || skip "no linux-image-cloud-arm64 with a linux-image-*-cloud-arm64 dependency in the package lists"
    echo "guest-assets: downloading $real and busybox-static (arm64)"
    (cd "$cache/debs" && apt-get "$@" download "$real" busybox-static) >"$cache/apt-download.log" 2>&1 ||
        skip "apt-get download failed: $(tail -n 1 "$cache/apt-download.log")"
    kdeb=$(cached "$real")
    bdeb=$(cached busybox-static)
    [ -n "$kdeb" ] && [ -n "$bdeb" ] || skip "apt-get download left no .deb in $cache/debs"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$kdeb" "$tmp/kernel"
dpkg-deb -x "$bdeb" "$tmp/busybox"

# The kernel: Debian's arm64 vmlinuz is a raw arm64 Image ("ARMd" at offset
# 0x38); some kernels ship it gzip-compressed instead, which a VMM cannot boot
# as is, so that case is unpacked here.
vmlinuz=$(ls "$tmp"/kernel/boot/vmlinuz-* | head -n 1)
magic() { od -A n -t x1 -j "$2" -N "$3" "$1" | tr -d ' \n'; }
if [ "$(magic "$vmlinuz" 0 2)" = 1f8b ]; then
    gzip -dc <"$vmlinuz" >"$tmp/Image"
else
    cp "$vmlinuz" "$tmp/Image"
fi
if [ "$(magic "$tmp/Image" 56 4)" != 41524d64 ]; then
    echo "guest-assets: $vmlinuz (from $(basename "$kdeb")) is neither a raw arm64 Image nor a gzip-compressed one (no ARMd magic at 0x38)" >&2
    exit 1
fi

python3 "$here/guest/mkinitramfs.py" "$tmp/initramfs.cpio" "$tmp/busybox/bin/busybox" "$init"
mv "$tmp/Image" "$out/Image"
mv "$tmp/initramfs.cpio" "$out/initramfs.cpio"
echo "guest-assets: $out/Image from $(basename "$kdeb"), $out/initramfs.cpio with $(basename "$bdeb")"
