/*
 * Debug builds: walk every page table once at boot and panic if one of the
 * memory-permission invariants of docs/kernel.md ("Memory permissions") is
 * broken. K1-K4 are the kernel's mappings (TTBR1, built by boot.S), U1-U5
 * the PDs' (TTBR0, built by vspace.c from the system table). Release and
 * benchmark builds skip the walk: the tables are built by the same code.
 */
#include "kernel.h"
#include "memlayout.h"
#include "sysreg.h"
#include "pte.h"

#ifdef MK_CONFIG_DEBUG

extern char __kernel_start[], __text_end[], __kernel_ro_end[], __kernel_ram_start[], __kernel_ram_end[];
extern u64 boot_pt_l0[];

struct walk {
    const struct mk_systable *t;
    const struct mk_pd *pd; /* NULL: the kernel's tables */
    u64 leaves;             /* 4 KiB pages seen */
    u64 text_pages;         /* kernel: pages executable at EL1 */
};

static __attribute__((noreturn)) void broken(const char *inv, const char *what, u64 va, u64 e)
{
    panic("page tables: invariant %s broken: %s at 0x%lx (descriptor 0x%lx)", inv, what, va, e);
}

static int overlaps(u64 a, u64 a_end, u64 b, u64 b_end)
{
    return a < b_end && b < a_end;
}

/* K1-K3 for one leaf of the kernel's tables. */
static void kernel_leaf(struct walk *w, u64 va, u64 size, u64 e)
{
    u64 pa = e & PTE_ADDR & ~(size - 1);
    u64 text = KVA_TO_PA(__kernel_start), text_end = KVA_TO_PA(__text_end);
    u64 ro_end = KVA_TO_PA(__kernel_ro_end);

    if (pa != KVA_TO_PA(va))
        broken("K4", "the kernel's map is not linear", va, e);
    if (!(e & PTE_UXN) || (e & PTE_AP_EL0) || (e & PTE_NG))
        broken("K1", "a kernel mapping is EL0-accessible, EL0-executable or not global", va, e);
    if (!(e & PTE_PXN)) {
        if (size != 4096 || pa < text || pa + size > text_end || !(e & PTE_AP_RO))
            broken("K2", "executable at EL1 but not a read-only page of kernel text", va, e);
        w->text_pages++;
    } else if (overlaps(pa, pa + size, text, ro_end) && (size != 4096 || !(e & PTE_AP_RO))) {
        broken("K3", "kernel text or read-only data writable", va, e);
    }
    w->leaves += size >> 12;
}

/* The map of the PD being walked that covers va, or NULL. */
static const struct mk_map *map_at(const struct walk *w, u64 va)
{
    const struct mk_map *m = systable_maps(w->t) + w->pd->map_first;

    for (unsigned i = 0; i < w->pd->map_count; i++, m++)
        if (va >= m->vaddr && va - m->vaddr < m->size)
            return m;
    return NULL;
}

/* U1-U4 for one leaf of a PD's tables. */
static void user_leaf(struct walk *w, u64 va, u64 size, u64 e)
{
    const struct mk_map *m = map_at(w, va);
    u64 pa = e & PTE_ADDR & ~(size - 1);
    u64 type = size == 4096 ? PTE_PAGE : PTE_BLOCK;

    if (!(e & PTE_PXN) || !(e & PTE_NG))
        broken("U1", "a user mapping is executable at EL1 or global", va, e);
    if (!(e & PTE_UXN) && (!m || !(m->attrs & MK_MAP_X) || (m->attrs & MK_MAP_UNCACHED)))
        broken("U2", "executable at EL0 without an x map of cached memory", va, e);
    if (!m || size != 1ULL << m->page_bits || pa != m->paddr + (va - m->vaddr) ||
        (e & ~PTE_ADDR) != (vspace_pte_bits(m->attrs) | type))
        broken("U3", "a user mapping is not exactly what its map asks for", va, e);
    if (overlaps(pa, pa + size, KVA_TO_PA(__kernel_ram_start), KVA_TO_PA(__kernel_ram_end)) ||
        overlaps(pa, pa + size, KVA_TO_PA(__kernel_start), KVA_TO_PA(__kernel_ro_end)) ||
        overlaps(pa, pa + size, KVA_TO_PA(w->t), KVA_TO_PA(w->t) + w->t->size) ||
        overlaps(pa, pa + size, w->t->kmem_base, w->t->kmem_end))
        broken("U4", "a user mapping reaches kernel memory", va, e);
    w->leaves += size >> 12;
}

static void walk(struct walk *w, const u64 *table, unsigned level, u64 va_base)
{
    unsigned shift = 39 - 9 * level;

    for (unsigned i = 0; i < 512; i++) {
        u64 e = table[i], va = va_base + ((u64)i << shift);

        if (!(e & PTE_VALID))
            continue;
        if (level < 3 && (e & PTE_TABLE)) {
            walk(w, PA_TO_KVA(e & PTE_ADDR), level + 1, va);
            continue;
        }
        if (level == 0 || (level == 3 && !(e & PTE_TABLE)))
            broken(w->pd ? "U3" : "K4", "a reserved descriptor", va, e);
        if (w->pd)
            user_leaf(w, va, 1ULL << shift, e);
        else
            kernel_leaf(w, va, 1ULL << shift, e);
    }
}

void vspace_check(const struct mk_systable *t)
{
    struct walk w = { .t = t };
    const u64 *ttbr0 = PA_TO_KVA(read_sysreg(ttbr0_el1) & PTE_ADDR);

    /* K4: after vspace_leave_boot TTBR0 holds nothing; TTBR1 the boot tables. */
    for (unsigned i = 0; i < 512; i++)
        if (ttbr0[i])
            broken("K4", "TTBR0 still maps something after boot", (u64)i << 39, ttbr0[i]);
    if ((read_sysreg(ttbr1_el1) & PTE_ADDR) != KVA_TO_PA(boot_pt_l0))
        broken("K4", "TTBR1 is not the kernel's table", 0, read_sysreg(ttbr1_el1));
    walk(&w, boot_pt_l0, 0, KERNEL_VBASE);
    if (w.text_pages != (u64)(__text_end - __kernel_start) >> 12)
        broken("K2", "not every page of kernel text is mapped executable", (u64)__kernel_start, w.text_pages);

    const struct mk_map *maps = systable_maps(t);
    for (unsigned i = 0; i < npds; i++) {
        u64 want = 0;
        if (pd_is_vcpu(&pds[i]))
            continue; /* a vCPU: its VMM's tables (and its VM's stage 2, which EL0 never uses) */
        w = (struct walk){ .t = t, .pd = pds[i].desc };
        for (unsigned j = 0; j < w.pd->map_count; j++)
            want += maps[w.pd->map_first + j].size >> 12;
        walk(&w, PA_TO_KVA(pds[i].ttbr0 & PTE_ADDR), 0, 0);
        if (w.leaves != want)
            broken("U5", "a PD's tables map more or less than its maps", i, w.leaves);
    }
    kputs("minikit| page tables checked: W^X, no kernel mapping for EL0, no user mapping for EL1\n");
}

#else
void vspace_check(const struct mk_systable *t)
{
    (void)t;
}
#endif
