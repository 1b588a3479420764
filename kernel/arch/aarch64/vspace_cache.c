/*
 * The VSpace cache invocations of seL4 on AArch64 (seL4_ARM_VSpace_Clean_Data,
 * _Invalidate_Data, _CleanInvalidate_Data, _Unify_Instruction) on the
 * calling PD's own address space: what DMA drivers use where EL0's own
 * DC CVAC / CIVAC cannot do the job (EL0 has no invalidate-only DC IVAC).
 *
 * Checked as seL4 checks them (decodeARMVSpaceRootInvocation), in this order:
 *   end <= start                          seL4_InvalidArgument
 *   end > seL4_UserTop                    seL4_IllegalOperation
 *   nothing mapped at start               success, nothing done: nothing of
 *                                         this address space can be cached
 *   [start, end) leaves start's frame     seL4_RangeError (4 KiB or 2 MiB,
 *                                         the page size of that map)
 * Then the operation runs on the frame's physical lines through the kernel's
 * linear map (seL4 uses its kernel window the same way in hypervisor builds).
 * Device frames above the linear map (none on QEMU virt below 3 GiB) are
 * reached through the PD's own addresses, which EL1 may read but not always
 * write: there an invalidate cleans too (DC IVAC would need write access).
 */
#include "kernel.h"
#include "memlayout.h"
#include "sysreg.h"

#define DC(op, va) __asm__ volatile("dc " #op ", %0" ::"r"(va) : "memory")

/* Smallest D-cache line, from CTR_EL0.DminLine (words, log2). */
static u64 dcache_line(void)
{
    return 4ULL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
}

static void clean(u64 start, u64 end, u64 line)
{
    for (u64 va = start & ~(line - 1); va < end; va += line)
        DC(cvac, va);
}

static void clean_invalidate(u64 start, u64 end, u64 line)
{
    for (u64 va = start & ~(line - 1); va < end; va += line)
        DC(civac, va);
}

/*
 * Invalidate only: the lines wholly inside [start, end) are dropped, dirty
 * or not. The partial lines at either edge hold bytes outside the range
 * that must survive, so they are cleaned and invalidated instead (as seL4).
 */
static void invalidate(u64 start, u64 end, u64 line)
{
    if (start & (line - 1)) {
        DC(civac, start & ~(line - 1));
        start = (start | (line - 1)) + 1;
    }
    if (start < end && (end & (line - 1))) {
        DC(civac, end & ~(line - 1));
        end &= ~(line - 1);
    }
    for (u64 va = start; va < end; va += line)
        DC(ivac, va);
}

/*
 * New instructions written through the D-side become visible to fetches:
 * clean to the point of unification, then drop the I-cache. All of it:
 * the Cortex-A53's I-cache is VIPT, so invalidating by the kernel's alias
 * of the lines would not reach every copy.
 */
static void unify(u64 start, u64 end, u64 line)
{
    for (u64 va = start & ~(line - 1); va < end; va += line)
        DC(cvau, va);
    dsb(ish);
    __asm__ volatile("ic iallu" ::: "memory");
}

static u64 vspace_cache(struct pd *self, u64 op, u64 start, u64 end)
{
    u64 frame, page;

    if (op > MK_CACHE_UNIFY)
        return MK_EILLEGAL_OPERATION;
    if (end <= start)
        return MK_EINVALID_ARGUMENT;
    if (end > MK_USER_VSPACE_TOP)
        return MK_EILLEGAL_OPERATION;
    page = vspace_lookup(self->ttbr0, start, &frame);
    if (!page)
        return MK_OK;
    if ((start & ~(page - 1)) != ((end - 1) & ~(page - 1)))
        return MK_ERANGE;

    u64 pa = frame + (start & (page - 1)), len = end - start;
    u64 kva = pa + len <= LINEAR_MAP_END ? (u64)PA_TO_KVA(pa) : start, line = dcache_line();
    if (kva == start && op == MK_CACHE_INVALIDATE)
        op = MK_CACHE_CLEAN_INVALIDATE;
    switch (op) {
    case MK_CACHE_CLEAN:
        clean(kva, kva + len, line);
        break;
    case MK_CACHE_INVALIDATE:
        invalidate(kva, kva + len, line);
        break;
    case MK_CACHE_CLEAN_INVALIDATE:
        clean_invalidate(kva, kva + len, line);
        break;
    case MK_CACHE_UNIFY:
        unify(kva, kva + len, line);
        break;
    }
    dsb(sy);
    isb();
    return MK_OK;
}

SYSCALL(sys_cache)
{
    (void)a3;
    self->regs.x[0] = vspace_cache(self, a0, a1, a2);
    return self;
}
