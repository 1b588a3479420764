#!/usr/bin/env python3
"""microkit-symbolize: a Minikit console log with file:line for every PC in it.

    microkit-symbolize -r REPORT [--kernel KERNEL_ELF] [--elf PD=ELF ...] [LOG]

Reads LOG (default: standard input) and copies it to standard output; after
each line that holds a program counter (`pc 0x...`, `lr 0x...`, `x30 0x...`,
a fault address that is code, a kernel panic's `at pc 0x...`) it adds a line

    microkit-symbolize| 0x200048: protected at server.c:17

for the PD the line is about: the one named in it (`PD 'server'`), else the
one whose report or own output (`server: ...`) came last. REPORT is the tool's
-r report, which names each PD's ELF; --elf adds or overrides one. Kernel
addresses (the upper half) use the kernel the report's `kernel:` line names
(the SDK's board/<board>/<config>/elf/minikit.elf, or minikit-vm.elf for a
system with VMs); --kernel overrides it. The lookups are done by
aarch64-linux-gnu-addr2line (Debian's binutils-aarch64-linux-gnu), or
llvm-symbolizer when that is missing.
"""
import argparse
import re
import shutil
import subprocess
import sys

KERNEL_BASE = 0xFFFF000000000000
PC_RE = re.compile(r"\b(pc|lr|x30|elr|at pc|ip)\s*[:=]?\s*(0x[0-9a-fA-F]+)")
PD_NAMED = re.compile(r"PD '([^']+)'")
PD_PREFIX = re.compile(r"^([A-Za-z0-9_.-]+): ")


def parse_report(path):
    """The report's PD ELFs ({name: path}) and the kernel it packed (its
    `kernel:` line: minikit.elf, or minikit-vm.elf for a system with VMs)."""
    elfs, name, kernel = {}, None, None
    with open(path) as f:
        for line in f:
            k = re.match(r"kernel:\s+(\S.*)$", line.rstrip("\n"))
            if k and kernel is None:
                kernel = k.group(1)
                continue
            m = re.match(r"## PD \d+: (.*)$", line.rstrip("\n"))
            if m:
                name = m.group(1)
                continue
            m = re.match(r"\s+image:\s+(.*)$", line.rstrip("\n"))
            if m and name is not None:
                elfs[name] = m.group(1)
                name = None
    return elfs, kernel


class Symbolizer:
    def __init__(self):
        self.addr2line = shutil.which("aarch64-linux-gnu-addr2line")
        self.llvm = shutil.which("llvm-symbolizer")
        if not self.addr2line and not self.llvm:
            sys.exit("microkit-symbolize: neither aarch64-linux-gnu-addr2line nor llvm-symbolizer is installed "
                     "(scripts/install-deps.sh installs binutils-aarch64-linux-gnu)")
        self.cache = {}

    def lookup(self, elf, addr):
        key = (elf, addr)
        if key in self.cache:
            return self.cache[key]
        if self.addr2line:
            cmd = [self.addr2line, "-f", "-i", "-C", "-e", elf, hex(addr)]
        else:
            cmd = [self.llvm, "--obj=" + elf, "--functions=linkage", "--inlining", hex(addr)]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        lines = [l for l in r.stdout.splitlines() if l.strip()]
        frames = []
        for fn, loc in zip(lines[0::2], lines[1::2]):
            if fn == "??" and loc.startswith("??"):
                continue
            loc = re.sub(r" \(discriminator \d+\)$", "", loc)
            frames.append(f"{fn} at {loc}")
        out = " (inlined into) ".join(frames) if frames else None
        self.cache[key] = out
        return out


def main():
    ap = argparse.ArgumentParser(prog="microkit-symbolize", description=__doc__.split("\n\n")[0])
    ap.add_argument("log", nargs="?", help="console log (default: standard input)")
    ap.add_argument("-r", "--report", help="the microkit tool's report (-r): names every PD's ELF")
    ap.add_argument("--elf", action="append", default=[], metavar="PD=ELF", help="a PD's ELF")
    ap.add_argument("--kernel", help="the kernel ELF, for kernel addresses")
    a = ap.parse_args()
    elfs, kernel = parse_report(a.report) if a.report else ({}, None)
    if not a.kernel:
        a.kernel = kernel  # the kernel the tool packed, unless --kernel overrides it
    for spec in a.elf:
        if "=" not in spec:
            ap.error(f"--elf wants PD=ELF, not '{spec}'")
        pd, path = spec.split("=", 1)
        elfs[pd] = path
    if not elfs and not a.kernel:
        ap.error("give the report (-r), --elf PD=ELF or --kernel")
    sym = Symbolizer()
    src = open(a.log, errors="replace") if a.log else sys.stdin
    current = None
    for line in src:
        sys.stdout.write(line)
        text = line.rstrip("\n")
        named = PD_NAMED.search(text)
        if named and named.group(1) in elfs:
            current = named.group(1)
        else:
            m = PD_PREFIX.match(text)
            if m and m.group(1) in elfs:
                current = m.group(1)
        for m in PC_RE.finditer(text):
            addr = int(m.group(2), 16)
            if addr >= KERNEL_BASE:
                elf, who = a.kernel, "kernel"
            else:
                elf, who = elfs.get(current), current
            if not elf or addr == 0:
                continue
            # A return address (lr, x30) points after its call: look up the call.
            kind = m.group(1)
            where = sym.lookup(elf, addr - 4 if kind in ("lr", "x30") else addr)
            if where:
                sys.stdout.write(f"microkit-symbolize| {who}: 0x{addr:x}: {where}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
