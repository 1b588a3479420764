/*
 * PD address spaces: 4 KiB-granule page tables, 40-bit user addresses, the
 * walk starting at level 0. Built once at boot from the system table's maps,
 * out of the page-table pool the tool sized (systable.h gives the formula),
 * and never changed after; each PD has its own ASID, so switching is one
 * register write and no TLB maintenance.
 */
#include "kernel.h"
#include "memlayout.h"
#include "sysreg.h"

#include "pte.h"

#define PTE_ATTR(i) ((u64)(i) << PTE_ATTR_SHIFT)

static u64 pool_next, pool_end;

void vspace_init_pool(u64 base_pa, u64 end_pa)
{
    pool_next = base_pa;
    pool_end = end_pa;
}

/* A zeroed page-table page (the whole pool was cleared at boot); stage2.c's too. */
u64 pt_alloc(void)
{
    if (pool_next >= pool_end)
        panic("page-table pool exhausted: the tool sized it for fewer tables than the maps need");
    u64 pa = pool_next;
    pool_next += MK_PT_SIZE;
    return pa;
}

u64 vspace_create(unsigned asid)
{
    return pt_alloc() | (u64)asid << 48;
}

/* The next-level table under table[idx], created on first use. */
static u64 *table_walk(u64 *table, unsigned idx)
{
    if (!table[idx])
        table[idx] = pt_alloc() | PTE_TABLE | PTE_VALID;
    else if ((table[idx] & 3) != (PTE_TABLE | PTE_VALID))
        panic(BAD_TABLE "a map overlaps a large-page map");
    return PA_TO_KVA(table[idx] & PTE_ADDR);
}

/*
 * Descriptor bits from map permissions (docs/concepts.md, "Memory regions and maps"), the user
 * invariants of docs/kernel.md ("Memory permissions"): never executable at
 * EL1 (PXN), not global (nG), executable at EL0 only with x and cached.
 */
u64 vspace_pte_bits(u32 attrs)
{
    u64 bits = PTE_AF | PTE_NG | PTE_PXN;

    if (attrs & MK_MAP_R)
        bits |= PTE_AP_EL0 | ((attrs & MK_MAP_W) ? 0 : PTE_AP_RO);
    if (!(attrs & MK_MAP_X) || (attrs & MK_MAP_UNCACHED))
        bits |= PTE_UXN;
    if (attrs & MK_MAP_UNCACHED)
        bits |= PTE_ATTR(ATTR_DEVICE);
    else
        bits |= PTE_ATTR(ATTR_NORMAL) | PTE_SH_IS;
    return bits;
}

void vspace_map(u64 ttbr0, const struct mk_map *m)
{
    u64 *l0 = PA_TO_KVA(ttbr0 & PTE_ADDR);
    u64 bits = vspace_pte_bits(m->attrs);
    u64 page = 1ULL << m->page_bits;

    for (u64 off = 0; off < m->size; off += page) {
        u64 va = m->vaddr + off, pa = m->paddr + off;
        u64 *l2 = table_walk(table_walk(l0, (va >> 39) & 0x1ff), (va >> 30) & 0x1ff);
        u64 *slot;

        if (m->page_bits == MK_LARGE_PAGE_BITS) {
            slot = &l2[(va >> 21) & 0x1ff];
            if (*slot)
                panic(BAD_TABLE "maps overlap at 0x%lx", va);
            *slot = pa | bits | PTE_VALID;
        } else {
            slot = &table_walk(l2, (va >> 21) & 0x1ff)[(va >> 12) & 0x1ff];
            if (*slot)
                panic(BAD_TABLE "maps overlap at 0x%lx", va);
            *slot = pa | bits | PTE_TABLE | PTE_VALID;
        }
    }
    dsb(ishst);
}

/*
 * After boot.S, TTBR0 still holds the kernel's own tables (the identity map
 * the MMU was turned on with), global and executable at EL1. Point it at an
 * empty table and drop every TLB entry the identity map left behind, so no
 * address below the kernel's half reaches kernel memory until a PD's
 * tables are switched in.
 */
static u64 empty_l0[512] __attribute__((aligned(4096))); /* .bss: cleared by kmain */

void vspace_leave_boot(void)
{
    write_sysreg(ttbr0_el1, KVA_TO_PA(empty_l0));
    isb();
    __asm__ volatile("tlbi vmalle1\n dsb nsh\n isb" ::: "memory");
}

/* ERET synchronises the context, so the new TTBR0 is in force for the PD. */
void vspace_activate(struct pd *p)
{
    write_sysreg(ttbr0_el1, p->ttbr0);
}

/*
 * The frame mapped at user address va in the address space ttbr0: returns
 * its size (4 KiB or 2 MiB) and sets *pa to its base, or returns 0 if
 * nothing is mapped there. Only the kernel's own walk, for the VSpace cache
 * invocations (vspace_cache.c): the tables never change after boot.
 */
u64 vspace_lookup(u64 ttbr0, u64 va, u64 *pa)
{
    u64 *table = PA_TO_KVA(ttbr0 & PTE_ADDR);
    u64 e;

    if (va > MK_USER_VSPACE_TOP)
        return 0;
    for (unsigned shift = 39; shift > 21; shift -= 9) {
        e = table[(va >> shift) & 0x1ff];
        if ((e & 3) != (PTE_TABLE | PTE_VALID))
            return 0; /* levels 0 and 1 hold only tables */
        table = PA_TO_KVA(e & PTE_ADDR);
    }
    e = table[(va >> 21) & 0x1ff];
    if ((e & 3) == PTE_VALID) {
        *pa = e & PTE_ADDR & ~((1ULL << MK_LARGE_PAGE_BITS) - 1);
        return 1ULL << MK_LARGE_PAGE_BITS;
    }
    if ((e & 3) != (PTE_TABLE | PTE_VALID))
        return 0;
    e = ((u64 *)PA_TO_KVA(e & PTE_ADDR))[(va >> 12) & 0x1ff];
    if ((e & 3) != (PTE_TABLE | PTE_VALID))
        return 0;
    *pa = e & PTE_ADDR;
    return 1ULL << MK_PAGE_BITS;
}
