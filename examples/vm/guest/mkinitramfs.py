#!/usr/bin/env python3
"""Writes the vm example's initramfs: a newc cpio archive (the format Linux
unpacks into its root file system at boot) holding busybox and /init.

    mkinitramfs.py OUT.cpio BUSYBOX INIT

Written in Python rather than with cpio(1) so that /dev/console can be a
character device without root (mknod): Linux opens it for /init's standard
input and output before /init runs.
"""
import stat
import sys


def entry(out, ino, name, mode, data=b"", rdev=(0, 0)):
    name_b = name.encode() + b"\0"
    fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0]
    out.write(b"070701" + b"".join(b"%08X" % f for f in fields))
    out.write(name_b)
    out.write(b"\0" * (-(110 + len(name_b)) % 4))
    out.write(data)
    out.write(b"\0" * (-len(data) % 4))


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: mkinitramfs.py OUT.cpio BUSYBOX INIT")
    out_path, busybox, init = sys.argv[1:]
    with open(busybox, "rb") as f:
        busybox_data = f.read()
    with open(init, "rb") as f:
        init_data = f.read()
    items = [
        ("bin", stat.S_IFDIR | 0o755, b"", (0, 0)),
        ("bin/busybox", stat.S_IFREG | 0o755, busybox_data, (0, 0)),
        ("bin/sh", stat.S_IFLNK | 0o777, b"busybox", (0, 0)),
        ("dev", stat.S_IFDIR | 0o755, b"", (0, 0)),
        ("dev/console", stat.S_IFCHR | 0o600, b"", (5, 1)),
        ("proc", stat.S_IFDIR | 0o755, b"", (0, 0)),
        ("sys", stat.S_IFDIR | 0o755, b"", (0, 0)),
        ("init", stat.S_IFREG | 0o755, init_data, (0, 0)),
    ]
    with open(out_path, "wb") as out:
        for ino, (name, mode, data, rdev) in enumerate(items, start=1):
            entry(out, ino, name, mode, data, rdev)
        entry(out, 0, "TRAILER!!!", 0)
        out.write(b"\0" * (-out.tell() % 512))


if __name__ == "__main__":
    main()
