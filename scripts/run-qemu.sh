#!/bin/sh
# Boots a Minikit image in QEMU the way Microkit images are booted. The SDK
# carries it as bin/microkit-run.
#
#   microkit-run IMG [extra qemu args...]   (scripts/run-qemu.sh in the repository)
#
# Environment:
#   QEMU_MACHINE  machine (default virt,virtualization=on: starts in EL2; plain
#                 "virt" starts in EL1)
#   QEMU_CPU      CPU model (default cortex-a53; also cortex-a57, cortex-a72)
#   QEMU_ICOUNT=1 deterministic instruction counting, for benchmarks
#
# Quit QEMU with Ctrl-a x.
set -eu

if [ $# -lt 1 ]; then
    echo "usage: $0 IMG [extra qemu args...]" >&2
    exit 2
fi
img=$1
shift
if [ ! -f "$img" ]; then
    echo "$0: no image at '$img' (build it first, e.g. make examples)" >&2
    exit 2
fi

machine=${QEMU_MACHINE:-virt,virtualization=on}
cpu=${QEMU_CPU:-cortex-a53}
if [ "${QEMU_ICOUNT:-0}" = 1 ]; then
    set -- -icount shift=0,align=off,sleep=off "$@"
fi

# -nic none: the virt board would otherwise add a virtio network card, whose
# option ROM (efi-virtio.rom, Debian package ipxe-qemu) a minimal machine lacks;
# no Minikit system uses a network card QEMU adds by itself.
# exec: the caller's signals (and a test harness's kill) reach QEMU itself.
exec qemu-system-aarch64 -machine "$machine" -cpu "$cpu" -m size=2G -nographic -nic none \
    -serial mon:stdio -device loader,file="$img",addr=0x70000000,cpu-num=0 "$@"
