#!/bin/sh
# Installs the Debian 12 packages Minikit needs to build, test, fuzz and run
# its examples, and only the missing ones. Quiet when everything is there.
# Run as root, or as a user with sudo.
#
# Every package is named here: nothing may come in through a Recommends
# (installs use --no-install-recommends, as on a minimal machine), and
# scripts/check-fresh.sh proves the list complete on a debootstrap minbase root.
set -eu

# What each group is for:
#   host build    make, the host C compiler and libc headers, pkg-config
#   cross build   Debian's AArch64 GCC and binutils (PD and kernel builds)
#   LLVM          clang + ld.lld (LLVM=True builds), llvm-objcopy/objdump,
#                 clang's runtimes for the fuzzers and sanitizers
#   QEMU          the virt board emulator
#   debugging     gdb-multiarch (make debug: GDB for AArch64, with Python)
#   tool          libelf (ELF reader; the .system parser is the tool's own),
#                 graphviz (`dot`: microkit --graph FILE.svg, make graph-docs)
#   tests         cmocka (tool unit tests), python3 (system-test runner),
#                 xxd (binary fixtures)
#   vm example    device-tree-compiler (dtc: the Linux guest's device tree),
#                 debian-archive-keyring (checks the arm64 packages the guest
#                 is built from; examples/vm/guest-assets.sh)
#   release       make release: zlib's static archive (libelf needs it;
#                 libelf-dev has libelf's), pandoc (the manual as one HTML
#                 page); libstdc++ for the fuzzers (libFuzzer is C++)
PACKAGES="make gcc libc6-dev pkg-config
gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
clang lld llvm libclang-rt-dev
qemu-system-arm
gdb-multiarch
libelf-dev graphviz
libcmocka-dev python3 xxd
device-tree-compiler debian-archive-keyring
zlib1g-dev libstdc++-12-dev pandoc"

missing=
for p in $PACKAGES; do
    # Installed means dpkg knows it in state "install ok installed".
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
if [ "$(id -u)" = 0 ]; then
    sudo=
elif command -v sudo >/dev/null 2>&1; then
    sudo=sudo
else
    echo "install-deps: missing packages:$missing" >&2
    echo "install-deps: run this script as root (or install sudo) to install them" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086 # word splitting of the package list is intended
$sudo apt-get install -y -qq --no-install-recommends $missing
