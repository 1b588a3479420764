/*
 * Build-time rules: load each PD's ELF (search path, format), then the rules
 * that need it: segments sharing a page, maps over segments, and every symbol
 * the tool must patch (libmicrokit variables first, then the user's setvars).
 * On success every patch has its vaddr and has been written into the image.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "attr.h"
#include "plural.h"
#include "check.h"
#include "elf.h"
#include "output.h"
#include "minikit/systable.h"

char *check_find_file(const struct system *sys, const char *path)
{
    struct stat st;
    if (path[0] == '/')
        return stat(path, &st) == 0 ? xstrdup(path) : NULL;
    for (size_t i = 0; i < sys->nsearch; i++) {
        char *full = xasprintf("%s/%s", sys->search_paths[i], path);
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
            return full;
    }
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) ? xstrdup(path) : NULL;
}

/* "DIR, DIR, " for messages. */
static char *searched(const struct system *sys)
{
    char *list = xstrdup("");
    for (size_t i = 0; i < sys->nsearch; i++)
        list = xasprintf("%s%s, ", list, sys->search_paths[i]);
    return list;
}

void check_read_prefill(const struct system *sys, struct mr *mr)
{
    char *found = check_find_file(sys, mr->prefill_path);
    if (!found)
        attr_error(mr->node, "prefill_path", NULL, "prefill file '%s' not found (searched: %sthe current directory)",
                   mr->prefill_path, searched(sys));
    output_input(xasprintf("prefill file of memory_region '%s'", mr->name), found);
    FILE *f = fopen(found, "rb");
    if (!f)
        attr_error(mr->node, "prefill_path", NULL, "cannot open prefill file '%s': %s", found, strerror(errno));
    size_t cap = 0;
    mr->prefill_len = 0;
    for (;;) {
        if (mr->prefill_len == cap) {
            cap = cap ? cap * 2 : 65536;
            mr->prefill = xrealloc(mr->prefill, cap);
        }
        size_t got = fread(mr->prefill + mr->prefill_len, 1, cap - mr->prefill_len, f);
        if (!got)
            break;
        mr->prefill_len += got;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad)
        attr_error(mr->node, "prefill_path", NULL, "cannot read prefill file '%s'", found);
    if (!mr->prefill_len)
        attr_error(mr->node, "prefill_path", NULL, "prefill file '%s' is empty", found);
}

static struct elf_image *load(const struct system *sys, const struct pd *pd, const char *attr)
{
    const char *path = attr_opt(pd->image_node, attr);
    char *found = check_find_file(sys, path);
    if (!found)
        attr_error(pd->image_node, attr, NULL,
                   "protection_domain '%s': program image '%s' not found (searched: %sthe current directory)",
                   pd->name, path, searched(sys));
    output_input(xasprintf("program image of protection_domain '%s'", pd->name), found);
    /* PDs often run one program: each file is read once, and each PD gets a copy of its own to patch. */
    static struct loaded {
        char *path;
        struct elf_image *img;
    } *loaded;
    static size_t nloaded;
    for (size_t i = 0; i < nloaded; i++)
        if (!strcmp(loaded[i].path, found))
            return elf_copy(loaded[i].img);
    char *err;
    struct elf_image *img = elf_load(found, &err);
    if (!img)
        attr_error(pd->image_node, attr, NULL, "protection_domain '%s': '%s': %s", pd->name, found, err);
    struct loaded *l = VEC_PUSH(loaded, nloaded);
    l->path = found;
    l->img = img;
    return elf_copy(img);
}

/* Two segments in one 4 KiB page would need two sets of rights for one page. */
static void rule_segments_disjoint(struct system *sys, struct pd *pd)
{
    (void)sys;
    struct elf_image *img = pd->elf;
    for (size_t i = 0; i < img->nsegs; i++)
        for (size_t j = 0; j < i; j++) {
            struct elf_seg *a = &img->segs[j], *b = &img->segs[i];
            if (a->base < b->base + b->len && b->base < a->base + a->len)
                node_error(pd->image_node, "link the image with microkit.ld, which page-aligns the segments",
                           "protection_domain '%s': '%s': segments [0x%llx..0x%llx) and [0x%llx..0x%llx) share a "
                           "4 KiB page",
                           pd->name, img->path, (unsigned long long)a->vaddr,
                           (unsigned long long)(a->vaddr + a->memsz), (unsigned long long)b->vaddr,
                           (unsigned long long)(b->vaddr + b->memsz));
        }
}

/* Segments must also stay below the stack (they share the PD's address space with it). */
static void rule_segments_below_stack(struct system *sys, struct pd *pd)
{
    (void)sys;
    uint64_t limit = MK_IPCBUF_VADDR - 0x1000 - pd->stack_size;
    for (size_t i = 0; i < pd->elf->nsegs; i++) {
        struct elf_seg *s = &pd->elf->segs[i];
        if (s->base + s->len > limit)
            node_error(pd->image_node, NULL,
                       "protection_domain '%s': '%s': segment [0x%llx..0x%llx) reaches the stack at 0x%llx",
                       pd->name, pd->elf->path, (unsigned long long)s->vaddr,
                       (unsigned long long)(s->vaddr + s->memsz), (unsigned long long)limit);
    }
}

/* The PD starts at e_entry: it must be in one of its own executable segments, or the PD faults at once. */
static void rule_entry(struct system *sys, struct pd *pd)
{
    (void)sys;
    const struct elf_image *img = pd->elf;
    const struct elf_seg *s = elf_seg_at(img, img->entry, 4);
    if (!s)
        node_error(pd->image_node, "link the program with microkit.ld, whose ENTRY is _start",
                   "protection_domain '%s': '%s': entry point 0x%llx is outside every loadable segment", pd->name,
                   img->path, (unsigned long long)img->entry);
    if (!(s->flags & ELF_SEG_X))
        node_error(pd->image_node, "link the program with microkit.ld, whose ENTRY is _start",
                   "protection_domain '%s': '%s': entry point 0x%llx is in the non-executable segment "
                   "[0x%llx..0x%llx)",
                   pd->name, img->path, (unsigned long long)img->entry, (unsigned long long)s->vaddr,
                   (unsigned long long)(s->vaddr + s->memsz));
    if (img->entry & 3)
        node_error(pd->image_node, NULL, "protection_domain '%s': '%s': entry point 0x%llx is not 4-byte aligned",
                   pd->name, img->path, (unsigned long long)img->entry);
}

static void map_vs_segments(struct pd *pd, struct map *m)
{
    for (size_t i = 0; i < pd->elf->nsegs; i++) {
        struct elf_seg *s = &pd->elf->segs[i];
        uint64_t end = s->base + s->len;
        if (m->vaddr < end && s->vaddr < m->vaddr + m->mr->size)
            node_error(m->node, "choose a vaddr outside the program image",
                       "map of '%s' [0x%llx..0x%llx) overlaps the ELF segment [0x%llx..0x%llx) of '%s' in "
                       "protection_domain '%s'",
                       m->mr->name, (unsigned long long)m->vaddr, (unsigned long long)(m->vaddr + m->mr->size),
                       (unsigned long long)s->vaddr, (unsigned long long)end, pd->elf->path, pd->name);
    }
}

static void rule_maps_vs_segments(struct system *sys, struct pd *pd)
{
    (void)sys;
    for (volatile size_t k = 0; k < pd->nmaps; k++)
        DIAG_UNIT(map_vs_segments(pd, &pd->maps[k]));
}

static const struct elf_image *symbol_image(struct system *sys, struct pd *pd)
{
    static struct pd *cached_pd;
    static struct elf_image *cached;
    if (!pd->path_for_symbols)
        return pd->elf;
    if (cached_pd != pd) {
        cached = load(sys, pd, "path_for_symbols");
        cached_pd = pd;
    }
    return cached;
}

/* Find the symbol, check it, record its address; errors point at the patch's element (or the PD). */
static void resolve(struct system *sys, struct pd *pd, struct patch *p)
{
    const struct elf_image *img = symbol_image(sys, pd);
    const struct sdf_node *at = p->node ? p->node : pd->node;
    const struct elf_sym *sym = NULL;
    size_t n = elf_find_symbol(img, p->symbol, &sym);
    if (n == 0)
        node_error(at, p->user ? "declare it as a non-static global, e.g. uintptr_t NAME;"
                               : "link the program with libmicrokit (-lmicrokit)",
                   "symbol '%s' not found in '%s' of protection_domain '%s'", p->symbol, img->path, pd->name);
    if (n > 1)
        node_error(at, NULL, "symbol '%s' is defined %zu times in '%s' of protection_domain '%s'", p->symbol, n,
                   img->path, pd->name);
    uint64_t need = p->kind == PATCH_WORD ? 8 : p->kind == PATCH_BYTE ? 1 : p->nbytes;
    if (p->user && sym->size != 8)
        node_error(at, "declare it as uint64_t, uintptr_t or a pointer",
                   "symbol '%s' in '%s' of protection_domain '%s' is %llu %s, expected 8", p->symbol, img->path,
                   pd->name, (unsigned long long)sym->size, plural(sym->size, "byte", "bytes"));
    if (sym->size < need)
        node_error(at, NULL, "symbol '%s' in '%s' of protection_domain '%s' is %llu %s, expected %llu",
                   p->symbol, img->path, pd->name, (unsigned long long)sym->size, plural(sym->size, "byte", "bytes"),
                   (unsigned long long)need);
    if (!elf_seg_at(pd->elf, sym->value, need))
        node_error(at, NULL, "symbol '%s' at 0x%llx is not inside a loadable segment of '%s' (protection_domain '%s')",
                   p->symbol, (unsigned long long)sym->value, pd->elf->path, pd->name);
    p->vaddr = sym->value;
}

static void apply(struct system *sys, struct pd *pd, struct patch *p)
{
    resolve(sys, pd, p);
    if (p->kind == PATCH_BYTES)
        elf_patch(pd->elf, p->vaddr, p->bytes, p->nbytes);
    else
        elf_patch_le(pd->elf, p->vaddr, p->value, p->kind == PATCH_BYTE ? 1 : 8);
}

/* Libmicrokit's variables (docs/libmicrokit.md, "Variables"), written before the user's setvars. */
static void rule_symbols(struct system *sys, struct pd *pd)
{
    uint64_t irqs = 0;
    for (size_t i = 0; i < pd->nirqs; i++)
        irqs |= 1ULL << pd->irqs[i].id;
    size_t namelen = strlen(pd->name);
    struct patch lib[] = {
        {.symbol = "microkit_name", .kind = PATCH_BYTES, .bytes = pd->name,
         .nbytes = namelen < MK_PD_NAME_LEN ? namelen : MK_PD_NAME_LEN},
        {.symbol = "microkit_passive", .kind = PATCH_BYTE, .value = pd->passive},
        {.symbol = "microkit_irqs", .kind = PATCH_WORD, .value = irqs},
        {.symbol = "microkit_notifications", .kind = PATCH_WORD, .value = pd->notify_ids},
        {.symbol = "microkit_pps", .kind = PATCH_WORD, .value = pd->pp_ids},
        {.symbol = "microkit_ioports", .kind = PATCH_WORD, .value = 0},
    };
    size_t nuser = pd->npatches;
    for (size_t i = 0; i < sizeof(lib) / sizeof(lib[0]); i++)
        *VEC_PUSH(pd->patches, pd->npatches) = lib[i];
    /* Keep the order "libmicrokit first": rotate the new entries to the front. */
    struct patch *all = vec_alloc(sizeof(*all), pd->npatches);
    memcpy(all, pd->patches + nuser, (pd->npatches - nuser) * sizeof(*all));
    memcpy(all + (pd->npatches - nuser), pd->patches, nuser * sizeof(*all));
    free(pd->patches);
    pd->patches = all;
    const struct elf_image *img = symbol_image(sys, pd);
    if (!img->has_symtab)
        node_error(pd->image_node, "keep the symbol table, or name an unstripped copy in path_for_symbols",
                   "protection_domain '%s': '%s' has no symbol table (is it stripped?)", pd->name, img->path);
    for (size_t i = 0; i < pd->npatches; i++)
        DIAG_UNIT(apply(sys, pd, &pd->patches[i]));
}

static void (*const rules[])(struct system *, struct pd *) = {
    rule_segments_disjoint,
    rule_segments_below_stack,
    rule_entry,
    rule_maps_vs_segments,
    rule_symbols,
};

static void check_image(struct system *sys, struct pd *pd)
{
    pd->elf = load(sys, pd, "path");
    for (size_t r = 0; r < sizeof(rules) / sizeof(rules[0]); r++)
        DIAG_UNIT(rules[r](sys, pd));
}

void check_images(struct system *sys)
{
    for (volatile size_t i = 0; i < sys->npds; i++)
        DIAG_UNIT(check_image(sys, sys->pds[i]));
}
