#!/usr/bin/env python3
"""Instruction profile of a window of a QEMU run.

QEMU's `-d in_asm,exec,nochain -D LOG` prints each translation block once
(IN: ...) and every execution of it (Trace ...). This script pairs the two,
then prints the blocks executed between the Nth and (N+1)th execution of a
marker address, with instruction counts and symbols, so a hot path can be
counted block by block.

  trace-profile.py LOG --marker PC --nth N --elf kernel.elf [--elf pd.elf ...]
"""
import argparse, re, subprocess, collections

def symbols(elf):
    out = subprocess.run(["aarch64-linux-gnu-nm", "-n", elf], capture_output=True, text=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.append((int(parts[0], 16), parts[2]))
    return syms

def lookup(syms, pc):
    best = None
    for addr, name in syms:
        if addr <= pc:
            best = (addr, name)
        else:
            break
    return f"{best[1]}+{pc - best[0]:#x}" if best else "?"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--marker", required=True, type=lambda s: int(s, 16))
    ap.add_argument("--nth", type=int, default=10)
    ap.add_argument("--elf", action="append", default=[])
    a = ap.parse_args()
    tables = [(e.split("/")[-1], symbols(e)) for e in a.elf]

    size_by_host = {}
    pending = None  # (guest pc, ninsns) of the last IN: block
    execs = []
    trace_re = re.compile(r"Trace \d+: (0x[0-9a-f]+) \[[0-9a-f]+/([0-9a-f]+)/")
    with open(a.log) as f:
        for line in f:
            if line.startswith("IN:"):
                pending = [None, 0]
            elif pending is not None and re.match(r"0x[0-9a-f]+:", line):
                if pending[0] is None:
                    pending[0] = int(line.split(":")[0], 16)
                pending[1] += 1
            elif line.startswith("Trace"):
                m = trace_re.search(line)
                host, pc = m.group(1), int(m.group(2), 16)
                if pending and pending[0] == pc:
                    size_by_host[host] = pending[1]
                pending = None
                execs.append((pc, size_by_host.get(host, 0)))

    marks = [i for i, (pc, _) in enumerate(execs) if pc == a.marker]
    if len(marks) <= a.nth + 1:
        raise SystemExit(f"marker seen {len(marks)} times")
    window = execs[marks[a.nth]:marks[a.nth + 1]]
    total = 0
    per_fn = collections.Counter()
    for pc, n in window:
        names = " | ".join(f"{t}:{lookup(s, pc)}" for t, s in tables
                           if (pc >= 0xffff000000000000) == t.startswith("minikit"))
        print(f"{pc:#018x} {n:3d}  {names}")
        total += n
        per_fn[names.split("+")[0]] += n
    print(f"total {total} instructions")
    for fn, n in per_fn.most_common():
        print(f"{n:5d} {fn}")

main()
