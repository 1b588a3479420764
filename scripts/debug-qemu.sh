#!/bin/sh
# Debugs a Minikit image: QEMU started halted with its GDB stub, and
# gdb-multiarch attached with the kernel's symbols, every PD's, and the
# Minikit GDB extension (info pds, pd-break, per-PD symbols at every stop).
# The SDK carries it as bin/microkit-debug; `make debug` runs it.
#
#   microkit-debug IMG KERNEL_ELF REPORT [gdb args...]
#
# KERNEL_ELF is the kernel the report's "kernel:" line names (the SDK's
# board/<board>/<config>/elf/minikit.elf, or minikit-vm.elf), REPORT the
# tool's -r report (it names each PD's ELF). Extra arguments go to GDB, e.g.
# -batch -x FILE to run a script non-interactively.
#
# Environment: as bin/microkit-run (QEMU_MACHINE, QEMU_CPU, QEMU_ICOUNT);
# GDB (default gdb-multiarch). QEMU's console goes to the terminal, mixed
# with GDB's; QEMU stops when GDB exits.
set -eu

if [ $# -lt 3 ]; then
    echo "usage: $0 IMG KERNEL_ELF REPORT [gdb args...]" >&2
    exit 2
fi
img=$1 kernel=$2 report=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
# In the SDK: bin/microkit-run and share/minikit/gdb/minikit.py; in the
# repository: scripts/run-qemu.sh and scripts/gdb/minikit.py.
if [ -f "$here/../share/minikit/gdb/minikit.py" ]; then
    ext=$here/../share/minikit/gdb/minikit.py run=$here/microkit-run
else
    ext=$here/gdb/minikit.py run=$here/run-qemu.sh
fi
for f in "$img" "$kernel" "$report"; do
    if [ ! -f "$f" ]; then
        echo "$0: no file '$f' (build the image first)" >&2
        exit 2
    fi
done
gdb=${GDB:-gdb-multiarch}
if ! command -v "$gdb" >/dev/null 2>&1; then
    echo "$0: $gdb not found (scripts/install-deps.sh installs gdb-multiarch)" >&2
    exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/minikit-debug.XXXXXX")
sock=$dir/gdb.sock
qemu_pid=
cleanup() {
    if [ -n "$qemu_pid" ]; then
        kill "$qemu_pid" 2>/dev/null || true
        wait "$qemu_pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

# A Unix socket, not a TCP port: several debug sessions (tests) never collide.
# The console is QEMU's stdout; its stdin is not the terminal (GDB's is).
# setsid: the terminal's Ctrl-C is for GDB (it interrupts the target), not QEMU.
setsid "$run" "$img" -S -gdb "unix:$sock,server=on,wait=off" </dev/null &
qemu_pid=$!
i=0
while [ ! -S "$sock" ]; do
    i=$((i + 1))
    if [ $i -gt 100 ] || ! kill -0 "$qemu_pid" 2>/dev/null; then
        echo "$0: QEMU did not start its GDB stub" >&2
        exit 1
    fi
    sleep 0.1
done

status=0
"$gdb" -q -nx -ex 'set pagination off' -ex 'set confirm off' -x "$ext" \
    -ex "minikit-setup $kernel $report" -ex "target remote $sock" "$@" || status=$?
exit $status
