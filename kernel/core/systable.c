/*
 * Boot-time validation of the system table. The tool is trusted for nothing:
 * every count, offset, index and physical range the kernel relies on is
 * checked here, once, so that the rest of the kernel can use the table
 * without checks.
 */
#include "kernel.h"
#include "memlayout.h"
#include <minikit/board.h>

extern char __kernel_start[], __kernel_end[], __kernel_ram_start[], __kernel_ram_end[];

const struct mk_pd *systable_pds(const struct mk_systable *t)
{
    return (const void *)((const char *)t + t->pds_off);
}

const struct mk_map *systable_maps(const struct mk_systable *t)
{
    return (const void *)((const char *)t + t->maps_off);
}

const struct mk_channel *systable_channels(const struct mk_systable *t)
{
    return (const void *)((const char *)t + t->channels_off);
}

/* Is the array [off, off + n * size) inside the table and 8-byte aligned? */
static int array_ok(const struct mk_systable *t, u32 off, u32 n, u32 size)
{
    return off % 8 == 0 && off >= sizeof(*t) && off <= t->size &&
           (u64)n * size <= t->size - off;
}

static int overlaps(u64 a, u64 a_end, u64 b, u64 b_end)
{
    return a < b_end && b < a_end;
}

/*
 * Memory a PD map must never reach: the kernel, the table, the page tables,
 * and the GIC frames the kernel drives (minikit/board.h). Every other device
 * is the PDs' to map, cached or not, as on seL4 (the UART too: the debug
 * kernel prints beside a PD that drives it). The tool refuses all of these
 * at build time; these panics only catch a table it did not write.
 */
static void check_map_target(const struct mk_systable *t, u64 tpa, const struct mk_map *m, unsigned i)
{
    static const struct mk_kept_range kept[MK_NKEPT_DEVICES] = MK_KEPT_DEVICES;
    u64 end = m->paddr + m->size;
    u64 kernel_pa = KVA_TO_PA(__kernel_start), kernel_end_pa = KVA_TO_PA(__kernel_end);
    u64 bss_pa = KVA_TO_PA(__kernel_ram_start), bss_end_pa = KVA_TO_PA(__kernel_ram_end);

    if (end < m->paddr || end > MK_PA_END)
        panic(BAD_TABLE "map %u [0x%lx..0x%lx) is outside the %u-bit physical address space", i, m->paddr,
              end, MK_PA_BITS);
    if (overlaps(m->paddr, end, kernel_pa, kernel_end_pa) || overlaps(m->paddr, end, bss_pa, bss_end_pa) ||
        overlaps(m->paddr, end, tpa, tpa + t->size) || overlaps(m->paddr, end, t->kmem_base, t->kmem_end))
        panic(BAD_TABLE "map %u [0x%lx..0x%lx) covers kernel memory", i, m->paddr, end);
    if (!overlaps(m->paddr, end, MK_KEPT_DEVICES_BASE, MK_KEPT_DEVICES_END))
        return; /* RAM and most devices: boot time counts (make bench-ipc) */
    for (unsigned k = 0; k < MK_NKEPT_DEVICES; k++)
        if (overlaps(m->paddr, end, kept[k].base, kept[k].end))
            panic(BAD_TABLE "map %u [0x%lx..0x%lx) covers the %s, which the kernel keeps", i, m->paddr, end,
                  kept[k].name);
}

static void check_maps(const struct mk_systable *t, u64 tpa)
{
    const struct mk_map *maps = systable_maps(t);

    for (unsigned i = 0; i < t->nmaps; i++) {
        const struct mk_map *m = &maps[i];
        u64 page = 1ULL << (m->page_bits & 63);

        if (m->page_bits != MK_PAGE_BITS && m->page_bits != MK_LARGE_PAGE_BITS)
            panic(BAD_TABLE "map %u has page size 2^%u", i, m->page_bits);
        if ((m->vaddr | m->paddr | m->size) & (page - 1) || m->size == 0)
            panic(BAD_TABLE "map %u is not page aligned", i);
        if (m->vaddr + m->size < m->vaddr || m->vaddr + m->size > MK_USER_VSPACE_TOP + 1)
            panic(BAD_TABLE "map %u [0x%lx..) leaves the user address space", i, m->vaddr);
        check_map_target(t, tpa, m, i);
    }
}

#ifdef MK_CONFIG_VM
/*
 * A vCPU (docs/kernel.md, "Virtual machines"): a child of a PD (its VMM) in
 * a system flagged as having VMs; all vCPUs of one VM share its VMM and its
 * maps, whose guest-physical addresses fit stage 2's 39 bits. Here rather
 * than in vm_boot.c: inlined into check_pds, it keeps the VM debug kernel's
 * text under 36 KiB.
 */
static void check_vcpu(const struct mk_systable *t, unsigned i)
{
    const struct mk_pd *all = systable_pds(t), *p = &all[i];
    const struct mk_map *maps = systable_maps(t);

    if (!(t->flags & MK_FLAG_VMS))
        panic(BAD_TABLE "entry %u is a vCPU but the table does not say the system has VMs", i);
    if (p->parent == MK_NO_PARENT || p->parent >= i || all[p->parent].kind != MK_PD_KIND_PD)
        panic(BAD_TABLE "vCPU %u (VM '%.64s') has no PD as its parent (its VMM)", i, p->name);
    if (p->vm >= MK_MAX_PDS)
        panic(BAD_TABLE "vCPU %u has VM index %u", i, p->vm);
    for (unsigned j = 0; j < i; j++)
        if (all[j].kind == MK_PD_KIND_VCPU && all[j].vm == p->vm &&
            (all[j].parent != p->parent || all[j].map_first != p->map_first || all[j].map_count != p->map_count))
            panic(BAD_TABLE "vCPUs %u and %u of VM %u differ in VMM or maps", j, i, p->vm);
    for (u32 k = 0; k < p->map_count; k++) {
        const struct mk_map *m = &maps[p->map_first + k];
        if (m->vaddr + m->size > (1ULL << MK_GUEST_PA_BITS))
            panic(BAD_TABLE "VM map %u [0x%lx..) is beyond the %u-bit guest-physical space",
                  p->map_first + k, m->vaddr, MK_GUEST_PA_BITS);
    }
}

#else
/* A kernel without VM support refuses every vCPU entry (core/vm_none.c). */
static void check_vcpu(const struct mk_systable *t, unsigned i)
{
    (void)t, (void)i;
    vm_unsupported("a vCPU entry");
}
#endif

static void check_pds(const struct mk_systable *t)
{
    const struct mk_pd *p = systable_pds(t);

    for (unsigned i = 0; i < t->npds; i++, p++) {
        if (p->kind != MK_PD_KIND_PD && p->kind != MK_PD_KIND_VCPU)
            panic(BAD_TABLE "PD %u has unknown kind %u", i, p->kind);
        if ((u64)p->map_first + p->map_count > t->nmaps)
            panic(BAD_TABLE "PD %u maps out of range", i);
        if (p->priority > 254)
            panic(BAD_TABLE "PD %u priority %u out of range", i, p->priority);
        if (p->parent != MK_NO_PARENT && (p->parent >= i || p->child_id >= MK_MAX_IDS))
            panic(BAD_TABLE "PD %u has a bad parent", i);
        if (p->kind == MK_PD_KIND_VCPU) {
            check_vcpu(t, i);
            continue;
        }
        if (p->ipcbuf_paddr < RAM_BASE || p->ipcbuf_paddr + 4096 > RAM_END || p->ipcbuf_paddr & 0xfff)
            panic(BAD_TABLE "PD %u IPC buffer at 0x%lx is not a RAM page", i, p->ipcbuf_paddr);
    }
}

static void check_channels(const struct mk_systable *t)
{
    const struct mk_channel *c = systable_channels(t);
    const struct mk_pd *p = systable_pds(t);

    for (unsigned i = 0; i < t->nchannels; i++, c++) {
        for (int e = 0; e < 2; e++)
            if (c->pd[e] >= t->npds || c->id[e] >= MK_MAX_IDS)
                panic(BAD_TABLE "channel %u end %d out of range", i, e);
        /* A PPC must go to a strictly higher priority: that keeps call chains acyclic. */
        for (int e = 0; e < 2; e++)
            if ((c->flags[e] & MK_END_PP) && p[c->pd[e]].priority >= p[c->pd[!e]].priority)
                panic(BAD_TABLE "channel %u: PPC to a PD of no higher priority", i);
    }
}

const struct mk_systable *systable_check(u64 paddr)
{
    const struct mk_systable *t = PA_TO_KVA(paddr);

    if (paddr < RAM_BASE || paddr + sizeof(*t) > RAM_END || paddr % 8)
        panic("system table address 0x%lx is not in RAM", paddr);
    if (t->magic != MK_SYSTABLE_MAGIC)
        panic("no system table at 0x%lx (bad magic): was loader.img built by this SDK's microkit tool?", paddr);
    if (t->version != MK_SYSTABLE_VERSION)
        panic("system table version %u, kernel expects %u: tool and kernel come from different SDKs",
              t->version, MK_SYSTABLE_VERSION);
    if (t->size < sizeof(*t) || paddr + t->size > RAM_END)
        panic("system table size %u is invalid", t->size);
    if (t->npds == 0 || t->npds > MK_MAX_PDS)
        panic(BAD_TABLE "%u PDs (1..%u supported)", t->npds, MK_MAX_PDS);
    if (!array_ok(t, t->pds_off, t->npds, sizeof(struct mk_pd)) ||
        !array_ok(t, t->maps_off, t->nmaps, sizeof(struct mk_map)) ||
        !array_ok(t, t->channels_off, t->nchannels, sizeof(struct mk_channel)) ||
        !array_ok(t, t->irqs_off, t->nirqs, sizeof(struct mk_irq)))
        panic(BAD_TABLE "an array lies outside the table");
    if ((t->zero_base | t->zero_end | t->kmem_base | t->kmem_end) & 0xfff ||
        t->zero_base < KVA_TO_PA(__kernel_end) || t->zero_end > RAM_END || t->zero_base > t->zero_end ||
        t->kmem_base < t->zero_base || t->kmem_end > t->zero_end || t->kmem_base > t->kmem_end ||
        overlaps(t->zero_base, t->zero_end, paddr, paddr + t->size))
        panic(BAD_TABLE "bad zero region [0x%lx..0x%lx) or page-table pool", t->zero_base, t->zero_end);
    check_pds(t);
    check_maps(t, paddr);
    check_channels(t);
    return t;
}
