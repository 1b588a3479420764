#!/bin/sh
# Boots the IPC benchmark image under QEMU with deterministic instruction
# counting and prints its figures plus the image size.
#   bench/run-ipc.sh IMG
set -eu
img=$1
echo "loader.img: $(wc -c < "$img") bytes"
QEMU_ICOUNT=1 timeout 120 "$(dirname "$0")/../scripts/run-qemu.sh" "$img" </dev/null | tr -d '\r' | grep '^bench:'
