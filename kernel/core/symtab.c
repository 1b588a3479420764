/*
 * Debug builds: PD function names for the fault report (`pc 0x2000a8 in
 * protected+0x1c`), from the table the tool packs into debug images
 * (include/minikit/symtab.h) and whose physical address it writes into
 * minikit_symtab_paddr. Only the fault paths read it, and they check every
 * field on every use: a missing or damaged table means raw PCs, never a
 * panic. Other configurations have none of this file, so the tool packs
 * no table into their images.
 */
#include "kernel.h"
#include "memlayout.h"
#include <minikit/symtab.h>

#ifdef MK_CONFIG_DEBUG

/*
 * Written into the image by the tool (MK_SYMTAB_SYMBOL); 0 without a table.
 * Read-only data with file bytes, like minikit_systable_paddr (boot.S): in C,
 * GCC would put a const volatile object in writable data.
 */
__asm__(".pushsection .rodata, \"a\"\n"
        ".balign 8\n"
        ".global minikit_symtab_paddr\n"
        ".type minikit_symtab_paddr, %object\n"
        ".size minikit_symtab_paddr, 8\n"
        "minikit_symtab_paddr: .quad 0\n"
        ".popsection\n");
extern const volatile u64 minikit_symtab_paddr;

/* The table, if it is there and sound; NULL otherwise. */
static const struct mk_symtab *table(void)
{
    u64 pa = minikit_symtab_paddr;
    const struct mk_symtab *h;

    if (!pa || pa % 8 || pa < RAM_BASE || pa + sizeof(*h) > RAM_END)
        return NULL;
    h = PA_TO_KVA(pa);
    u64 size = h->size, hpds = h->npds, nsyms = h->nsyms, syms_off = h->syms_off, strs_off = h->strs_off;
    if (h->magic != MK_SYMTAB_MAGIC || h->version != MK_SYMTAB_VERSION || size > MK_SYMTAB_MAX ||
        size < sizeof(*h) || pa + size > RAM_END || hpds != npds)
        return NULL;
    if (sizeof(*h) + hpds * sizeof(struct mk_symtab_pd) > syms_off || syms_off % 8 ||
        syms_off + nsyms * sizeof(struct mk_sym) > strs_off || strs_off > size)
        return NULL;
    return h;
}

int symtab_lookup(unsigned pd, u64 pc, char *name, unsigned len, u64 *off)
{
    const struct mk_symtab *h = table();

    if (!h || pd >= h->npds || len == 0)
        return 0;
    const struct mk_symtab_pd *e = (const void *)((const char *)h + sizeof(*h));
    u64 first = e[pd].first, count = e[pd].count, nsyms = h->nsyms;
    if (first > nsyms || count > nsyms - first)
        return 0;
    const struct mk_sym *s = (const void *)((const char *)h + h->syms_off);
    const struct mk_sym *best = NULL;
    for (u64 i = first; i < first + count; i++)
        if (s[i].addr <= pc && (!best || s[i].addr >= best->addr) && (s[i].size == 0 || pc - s[i].addr < s[i].size))
            best = &s[i];
    if (!best)
        return 0;
    const char *strs = (const char *)h + h->strs_off;
    u64 strsize = h->size - h->strs_off, at = best->name;
    unsigned n = 0;
    while (at + n < strsize && n + 1 < len && strs[at + n])
        name[n] = strs[at + n], n++;
    if (n == 0)
        return 0;
    name[n] = '\0';
    *off = pc - best->addr;
    return 1;
}

#endif
