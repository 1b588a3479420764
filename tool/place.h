/*
 * Physical and virtual layout (systable.h "Physical memory the tool lays out"):
 *
 *   0x70000000  kernel file bytes (at their p_paddr)
 *               system table (8-byte aligned)
 *               PD pages holding any non-zero byte (page aligned)   <- end of loader.img
 *   zero_base   page-table pool [kmem_base, kmem_end)
 *               PD all-zero pages, stacks, IPC buffers, memory regions
 *   zero_end    (must stay below the end of RAM, 0xC0000000)
 */
#ifndef TOOL_PLACE_H
#define TOOL_PLACE_H

#include "elf.h"
#include "minikit/systable.h"
#include "model.h"

#define RAM_BASE MK_RAM_BASE
#define RAM_END  MK_RAM_END

/* Bytes that go into loader.img at paddr. */
struct chunk {
    uint64_t paddr;
    const uint8_t *data; /* datalen bytes; the rest of size is zeros */
    uint64_t size, datalen;
};

/* A physical range and who owns it, for the report. */
struct range {
    uint64_t base, end;
    char *owner;
};

struct layout {
    struct mk_systable hdr; /* filled except for the arrays' contents */
    uint64_t table_paddr;
    uint64_t image_end;
    struct mk_pd *pds;
    struct mk_map *maps;
    size_t nmaps;
    struct mk_channel *channels;
    struct mk_irq *irqs;
    size_t nirqs;
    struct mk_sched_entry *sched; /* hdr.nsched entries: the domain schedule */
    struct chunk *chunks; /* kernel segments and PD pages (the table is written by pack.c) */
    size_t nchunks;
    struct range *ranges; /* every placed range, for the report */
    size_t nranges;
    uint64_t pt_tables;   /* page tables in the pool */
    uint64_t *tables;     /* per system-table entry: its share (a VM's stage-2 tables at its first vCPU) */
    uint8_t *symtab;      /* debug kernels: the PD symbol table (symtab.c), after the system table */
    size_t symtab_size;   /* 0: none */
    uint64_t symtab_paddr;
};

/* Lay out the system with the kernel 'kernel'; writes <setvar region_paddr> values into the PD images. */
void place(struct system *sys, const struct elf_image *kernel, uint64_t flags, struct layout *out);

#endif
