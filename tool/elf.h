/*
 * ELF reading (libelf): loadable segments and the symbol table of a 64-bit
 * little-endian AArch64 executable. Errors come back as text so the caller can
 * attach the PD and the position.
 */
#ifndef TOOL_ELF_H
#define TOOL_ELF_H

#include <stddef.h>
#include <stdint.h>

#include "minikit/board.h"
#include "minikit/systable.h"

/* No image can need more memory than the RAM from the image's base to the end of RAM. */
#define ELF_MAX_MEMORY (MK_RAM_END - MK_IMAGE_BASE)

enum { ELF_SEG_X = 1, ELF_SEG_W = 2, ELF_SEG_R = 4 };

struct elf_seg {
    uint64_t vaddr, paddr, filesz, memsz;
    uint32_t flags;  /* ELF_SEG_R / _W / _X (ELF's PF_R / PF_W / PF_X) */
    uint64_t base;   /* vaddr rounded down to 4 KiB */
    uint64_t len;    /* bytes from base to the end of the last page */
    uint8_t *data;   /* dlen bytes: zeros, file bytes at vaddr - base, zeros to the end of the page */
    uint64_t dlen;   /* bytes held (a page multiple, <= len); the pages from dlen to len are zero ... */
    struct elf_page *extra; /* ... except these, made by patches (setvars in .bss) */
    size_t nextra;
};

/* A page of a segment beyond its file bytes that a patch wrote to. */
struct elf_page {
    uint64_t off; /* from the segment's base, a page multiple */
    uint8_t *bytes; /* 4 KiB */
};

struct elf_sym {
    char *name;
    uint64_t value, size;
    int func; /* STT_FUNC */
};

struct elf_image {
    const char *path;
    uint64_t entry;
    struct elf_seg *segs; /* PT_LOAD with memsz > 0, in file order */
    size_t nsegs;
    struct elf_sym *syms; /* defined symbols of .symtab, in file order */
    size_t nsyms;
    size_t *by_name;      /* indices into syms sorted by name, then index: elf_find_symbol's binary search */
    int has_symtab;       /* 0: stripped, so nothing can be patched */
    int shares_symbols;   /* a clone: syms, by_name and path belong to the image it was cloned from */
};

/* Load 'path'; NULL and *err set on failure. */
struct elf_image *elf_load(const char *path, char **err);

/* Free an image (the tool keeps its images until exit; the fuzzer loads millions). */
void elf_free(struct elf_image *img);

/* A copy of img to patch on its own: the segments' bytes copied, the symbols shared (read-only). img must
 * outlive the copy. PDs that run one program image load it once and patch a clone each. */
struct elf_image *elf_copy(const struct elf_image *img);

/* Number of definitions of 'name' (0 missing, 1 fine, more: ambiguous); *sym = the first. */
size_t elf_find_symbol(const struct elf_image *img, const char *name, const struct elf_sym **sym);

/* The segment whose memory range holds [vaddr, vaddr+size), or NULL. */
struct elf_seg *elf_seg_at(const struct elf_image *img, uint64_t vaddr, uint64_t size);

/* The 4 KiB page at offset off (a page multiple below len) of segment s, or NULL if it is all zeros by construction. */
const uint8_t *elf_seg_page(const struct elf_seg *s, uint64_t off);

/* Overwrite n bytes at vaddr in the segment that holds them (caller checked it exists); holds .bss pages it writes. */
void elf_patch(struct elf_image *img, uint64_t vaddr, const void *bytes, size_t n);

/* The same for the low n bytes of value, little-endian. */
void elf_patch_le(struct elf_image *img, uint64_t vaddr, uint64_t value, size_t n);

#endif
