#!/usr/bin/env python3
"""Set MK_FLAG_VMS in the system table of a loader.img (a hand-edited image).

    set-vms-flag.py LOADER_IMG

The table is found by its magic (include/minikit/systable.h: struct
mk_systable starts with the magic, then version, size, flags). The image
is rewritten in place; the script fails if there is not exactly one table.
"""
import struct
import sys

MAGIC = struct.pack("<Q", 0x4C4254534B494D4D)
MK_FLAG_VMS = 1 << 2
FLAGS_OFF = 16

path = sys.argv[1]
img = bytearray(open(path, "rb").read())
at = img.find(MAGIC)
if at < 0 or img.find(MAGIC, at + 1) >= 0 or at % 8:
    sys.exit(f"{path}: not exactly one 8-byte aligned system table")
flags = struct.unpack_from("<Q", img, at + FLAGS_OFF)[0]
struct.pack_into("<Q", img, at + FLAGS_OFF, flags | MK_FLAG_VMS)
open(path, "wb").write(img)
