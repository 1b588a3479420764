/* The PD symbol table of debug images; see symtab.h and include/minikit/symtab.h. */
#include "symtab.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "minikit/symtab.h"
#include "minikit/systable.h"

struct fsym {
    uint64_t addr, size;
    const char *name; /* the image's */
};

static int by_addr(const void *a, const void *b)
{
    const struct fsym *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* The defined function symbols of a loaded image, by address. */
static struct fsym *functions(const struct elf_image *img, size_t *n)
{
    struct fsym *out = NULL;
    *n = 0;
    for (size_t i = 0; i < img->nsyms; i++) {
        if (!img->syms[i].func)
            continue;
        struct fsym *s = VEC_PUSH(out, *n);
        s->addr = img->syms[i].value;
        s->size = img->syms[i].size;
        s->name = img->syms[i].name;
    }
    if (*n)
        qsort(out, *n, sizeof(*out), by_addr);
    return out;
}

uint64_t symtab_symbol_offset(const struct elf_image *k)
{
    const struct elf_sym *sym = NULL;
    if (elf_find_symbol(k, MK_SYMTAB_SYMBOL, &sym) != 1 || sym->size != 8)
        diag_fatal("kernel '%s': symbol '%s' must be defined once, 8 bytes", k->path, MK_SYMTAB_SYMBOL);
    for (size_t i = 0; i < k->nsegs; i++) {
        const struct elf_seg *s = &k->segs[i];
        if (sym->value >= s->vaddr && sym->value + 8 <= s->vaddr + s->filesz)
            return s->paddr + (sym->value - s->vaddr) - MK_IMAGE_BASE;
    }
    diag_fatal("kernel '%s': symbol '%s' is not in a segment with file bytes", k->path, MK_SYMTAB_SYMBOL);
}

uint8_t *symtab_build(const struct system *sys, const struct elf_image *kernel, size_t *size)
{
    const struct elf_sym *ks = NULL;
    *size = 0;
    if (elf_find_symbol(kernel, MK_SYMTAB_SYMBOL, &ks) == 0)
        return NULL;

    /* Per system-table entry: a vCPU (no image of its own) has no symbols. */
    size_t n = sys->nentries;
    struct fsym **per = xcalloc(n ? n : 1, sizeof(*per));
    size_t *counts = xcalloc(n ? n : 1, sizeof(*counts));
    size_t nsyms = 0, strsize = 0;
    for (size_t p = 0; p < sys->npds; p++) {
        size_t i = sys->pds[p]->index;
        per[i] = functions(sys->pds[p]->elf, &counts[i]);
        nsyms += counts[i];
        for (size_t k = 0; k < counts[i]; k++)
            strsize += strlen(per[i][k].name) + 1;
    }
    size_t syms_off = sizeof(struct mk_symtab) + n * sizeof(struct mk_symtab_pd);
    syms_off = (syms_off + 7) & ~(size_t)7;
    size_t strs_off = syms_off + nsyms * sizeof(struct mk_sym);
    size_t total = (strs_off + strsize + 7) & ~(size_t)7;
    if (total > MK_SYMTAB_MAX) {
        /* Too big to be worth it: the kernel prints raw PCs (microkit-symbolize still works). */
        nsyms = 0;
        strsize = 0;
        memset(counts, 0, n * sizeof(*counts));
        strs_off = syms_off;
        total = (strs_off + 7) & ~(size_t)7;
    }

    uint8_t *t = xcalloc(1, total);
    struct mk_symtab *h = (struct mk_symtab *)t;
    h->magic = MK_SYMTAB_MAGIC;
    h->version = MK_SYMTAB_VERSION;
    h->size = (uint32_t)total;
    h->npds = (uint32_t)n;
    h->nsyms = (uint32_t)nsyms;
    h->syms_off = (uint32_t)syms_off;
    h->strs_off = (uint32_t)strs_off;
    struct mk_symtab_pd *pds = (struct mk_symtab_pd *)(t + sizeof(*h));
    struct mk_sym *syms = (struct mk_sym *)(t + syms_off);
    size_t at = 0, str = 0;
    for (size_t i = 0; i < n; i++) {
        pds[i].first = (uint32_t)at;
        pds[i].count = (uint32_t)counts[i];
        for (size_t k = 0; k < counts[i]; k++, at++) {
            size_t len = strlen(per[i][k].name) + 1;
            syms[at].addr = per[i][k].addr;
            syms[at].size = per[i][k].size > UINT32_MAX ? 0 : (uint32_t)per[i][k].size;
            syms[at].name = (uint32_t)str;
            memcpy(t + strs_off + str, per[i][k].name, len);
            str += len;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(per[i]);
    free(per);
    free(counts);
    *size = total;
    return t;
}
