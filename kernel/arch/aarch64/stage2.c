/*
 * Stage-2 translation: a VM's guest-physical address space. 4 KiB granule,
 * 39-bit IPA, the walk starting at level 1 (VTCR_EL2 in el2.S), tables out
 * of the page-table pool the tool sized (systable.h). Built once at boot from
 * the VM's maps, shared by its vCPUs, never changed after; each VM has its
 * own VMID (its index + 1; 0 is the kernel's), so no TLB maintenance is
 * needed beyond the one at EL2_INIT.
 */
#include "vcpu.h"
#include "memlayout.h"
#include "sysreg.h"

#define S2_VALID    (1ULL << 0)
#define S2_TABLE    (1ULL << 1)  /* levels 1-2: next table; level 3: page */
#define S2_NORMAL   (0xfULL << 2) /* MemAttr: normal, inner and outer write-back */
#define S2_DEVICE   (0x0ULL << 2) /* MemAttr: device nGnRnE */
#define S2_READ     (1ULL << 6)  /* S2AP[0] */
#define S2_WRITE    (1ULL << 7)  /* S2AP[1] */
#define S2_SH_IS    (3ULL << 8)
#define S2_AF       (1ULL << 10)
#define S2_XN       (1ULL << 54)
#define S2_ADDR     0x0000fffffffff000ULL

u64 stage2_create(unsigned vmid)
{
    return pt_alloc() | (u64)vmid << 48;
}

/* Stage-2 descriptor bits of a map: r/w/x are the guest's permissions; uncached is device memory. */
static u64 stage2_bits(u32 attrs)
{
    u64 bits = S2_AF;

    if (attrs & MK_MAP_R)
        bits |= S2_READ;
    if (attrs & MK_MAP_W)
        bits |= S2_WRITE;
    if (!(attrs & MK_MAP_X) || (attrs & MK_MAP_UNCACHED))
        bits |= S2_XN;
    bits |= (attrs & MK_MAP_UNCACHED) ? S2_DEVICE : S2_NORMAL | S2_SH_IS;
    return bits;
}

static u64 *next_table(u64 *table, unsigned idx)
{
    if (!table[idx])
        table[idx] = pt_alloc() | S2_TABLE | S2_VALID;
    else if ((table[idx] & 3) != (S2_TABLE | S2_VALID))
        panic(BAD_TABLE "a VM map overlaps a large-page map");
    return PA_TO_KVA(table[idx] & S2_ADDR);
}

void stage2_map(u64 vttbr, const struct mk_map *m)
{
    u64 *l1 = PA_TO_KVA(vttbr & S2_ADDR);
    u64 bits = stage2_bits(m->attrs);
    u64 page = 1ULL << m->page_bits;

    for (u64 off = 0; off < m->size; off += page) {
        u64 gpa = m->vaddr + off, pa = m->paddr + off;
        u64 *l2 = next_table(l1, (gpa >> 30) & 0x1ff), *slot;

        if (m->page_bits == MK_LARGE_PAGE_BITS) {
            slot = &l2[(gpa >> 21) & 0x1ff];
            if (*slot)
                panic(BAD_TABLE "VM maps overlap at guest-physical 0x%lx", gpa);
            *slot = pa | bits | S2_VALID;
        } else {
            slot = &next_table(l2, (gpa >> 21) & 0x1ff)[(gpa >> 12) & 0x1ff];
            if (*slot)
                panic(BAD_TABLE "VM maps overlap at guest-physical 0x%lx", gpa);
            *slot = pa | bits | S2_TABLE | S2_VALID;
        }
    }
    dsb(ishst);
}
