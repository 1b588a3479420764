#!/usr/bin/env python3
"""hostile-elf.py GOOD.elf OUTDIR: write hostile variants of a good PD image.

Each variant keeps GOOD.elf's bytes and symbol table (so every check that
comes before the one under test passes) and changes the program headers or
the entry point. The program header table is rewritten at the end of the
file, so any number of segments can be added. Generated at build time
(tests/tool/tests.mk), never committed as binaries:

  hostile-bss40.elf      40 extra PT_LOADs of 1 GiB of bss each (87 KB file)
  hostile-bss4.elf       4 of them: 4 GiB, more than the board's RAM
  hostile-huge.elf       one segment of 2^63 bytes of bss
  hostile-offset.elf     a segment whose file offset + size overflows 64 bits
  hostile-filesz.elf     a segment with more file bytes than memory bytes
  hostile-beyond.elf     a segment whose file bytes lie past the end of the file
  hostile-vwrap.elf      a segment whose vaddr + memsz wraps around 2^64
  hostile-high.elf       a segment at 2^40, above the 40-bit user address space
  hostile-phdrs.elf      e_phoff pointing past the end of the file
  hostile-entry-data.elf e_entry in the (non-executable) data segment
  hostile-entry-none.elf e_entry outside every segment
"""
import struct
import sys

PT_LOAD = 1
PF_X, PF_W, PF_R = 1, 2, 4
GIB = 1 << 30
EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
PHDR = struct.Struct("<IIQQQQQQ")


def read(path):
    with open(path, "rb") as f:
        data = bytearray(f.read())
    eh = list(EHDR.unpack_from(data, 0))
    phoff, phnum = eh[5], eh[10]
    phdrs = [list(PHDR.unpack_from(data, phoff + i * PHDR.size)) for i in range(phnum)]
    return data, eh, phdrs


def write(path, data, eh, phdrs, phoff=None):
    data = bytearray(data)
    while len(data) % 8:
        data.append(0)
    eh = list(eh)
    eh[5] = len(data) if phoff is None else phoff
    eh[10] = len(phdrs)
    EHDR.pack_into(data, 0, *eh)
    for p in phdrs:
        data += PHDR.pack(*p)
    with open(path, "wb") as f:
        f.write(data)


def load(vaddr, memsz, filesz=0, offset=0, flags=PF_R | PF_W):
    # p_type, p_flags, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align
    return [PT_LOAD, flags, offset, vaddr, vaddr, filesz, memsz, 0x1000]


def main():
    good, out = sys.argv[1], sys.argv[2]
    data, eh, phdrs = read(good)
    loads = [p for p in phdrs if p[0] == PT_LOAD]
    text = next(p for p in loads if p[1] & PF_X)
    rw = next(p for p in loads if not p[1] & PF_X)
    base = 0x10_0000_0000  # 64 GiB: far above the PD's own segments, below the stack

    def variant(name, extra=(), **kw):
        write(f"{out}/hostile-{name}.elf", data, kw.get("eh", eh), phdrs + list(extra), kw.get("phoff"))

    variant("bss40", [load(base + i * GIB, GIB) for i in range(40)])
    variant("bss4", [load(base + i * GIB, GIB) for i in range(4)])
    variant("huge", [load(base, 1 << 63)])
    variant("offset", [load(base, 0x2000, filesz=0x1000, offset=(1 << 64) - 0x800)])
    variant("filesz", [load(base, 0x1000, filesz=0x2000, offset=0)])
    variant("beyond", [load(base, 0x2000, filesz=0x1000, offset=len(data))])
    variant("vwrap", [load((1 << 64) - 0x1000, 0x2000)])
    variant("high", [load(1 << 40, 0x1000)])
    variant("phdrs", phoff=1 << 40)
    e = list(eh)
    e[4] = rw[3]  # e_entry: the start of the data segment
    variant("entry-data", eh=e)
    e = list(eh)
    e[4] = 0x10  # e_entry: nowhere
    variant("entry-none", eh=e)
    assert text[3] != rw[3]


if __name__ == "__main__":
    main()
