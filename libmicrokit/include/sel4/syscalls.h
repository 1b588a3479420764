/*
 * Every kernel call libmicrokit makes, and nothing else: one stub per
 * syscall of include/minikit/abi.h. A future host backend (PDs as Linux
 * processes) replaces only this file.
 *
 * ABI: svc #0, x8 = syscall number, arguments in x0..x3, results in x0..x1;
 * like a function call, the svc may clobber x2..x18 (x8 included) and
 * preserves x19..x30 and sp, so the kernel saves almost nothing on the way in. Message registers travel
 * through the IPC buffers, which the kernel reads and writes, hence the
 * "memory" clobber on every call.
 *
 * mk_sys_notify and mk_sys_ppcall are the IPC hot path: keep them one svc
 * each, with no calls, loops or copies around it.
 */
#ifndef SEL4_SYSCALLS_H
#define SEL4_SYSCALLS_H

#include <minikit/abi.h>
#include <sel4/types.h>
#include <sel4/messageinfo.h>

#define MK_REG(name, reg, value) register seL4_Word name __asm__(reg) = (value)

/* What an svc may clobber besides its operands (x0, x1, x8 are always operands). */
#define MK_CLOBBERS_X4 "x4", "x5", "x6", "x7", "x9", "x10", "x11", "x12", "x13", "x14", "x15", \
                       "x16", "x17", "x18", "cc", "memory"
#define MK_CLOBBERS_X2 "x2", "x3", MK_CLOBBERS_X4

static inline void mk_sys_putc(char c)
{
    MK_REG(x0, "x0", (seL4_Uint8)c);
    MK_REG(x8, "x8", MK_SYS_PUTC);
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x8) :: "x1", MK_CLOBBERS_X2);
}

static inline void mk_sys_notify(seL4_Word ch)
{
    MK_REG(x0, "x0", ch);
    MK_REG(x8, "x8", MK_SYS_NOTIFY);
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x8) :: "x1", MK_CLOBBERS_X2);
}

/* Calls the peer of channel ch; returns its reply tag and sets *err. */
static inline seL4_MessageInfo_t mk_sys_ppcall(seL4_Word ch, seL4_MessageInfo_t tag, seL4_Word *err)
{
    MK_REG(x0, "x0", ch);
    MK_REG(x1, "x1", tag.words[0]);
    MK_REG(x8, "x8", MK_SYS_PPCALL);
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x1), "+r"(x8) :: MK_CLOBBERS_X2);
    *err = x1;
    return (seL4_MessageInfo_t){ { x0 } };
}

/*
 * In one step: perform the deferred operation (MK_DEFER_*, on id arg), reply
 * with tag if flags has MK_WAIT_REPLY, then block until an event arrives.
 * Returns the event's tag; *badge says what the event was (abi.h).
 */
static inline seL4_MessageInfo_t mk_sys_wait(seL4_MessageInfo_t tag, seL4_Word flags, seL4_Word op,
                                             seL4_Word arg, seL4_Word *badge)
{
    MK_REG(x0, "x0", tag.words[0]);
    MK_REG(x1, "x1", flags);
    MK_REG(x2, "x2", op);
    MK_REG(x3, "x3", arg);
    MK_REG(x8, "x8", MK_SYS_WAIT);
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x8) :: MK_CLOBBERS_X4);
    *badge = x1;
    return (seL4_MessageInfo_t){ { x0 } };
}

/* The calls below return an error code (MK_OK or an seL4_Error value). */
static inline seL4_Word mk_sys_call1(seL4_Word nr, seL4_Word a0)
{
    MK_REG(x0, "x0", a0);
    MK_REG(x8, "x8", nr);
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x8) :: "x1", MK_CLOBBERS_X2);
    return x0;
}

static inline seL4_Word mk_sys_call2(seL4_Word nr, seL4_Word a0, seL4_Word a1)
{
    MK_REG(x0, "x0", a0);
    MK_REG(x1, "x1", a1);
    MK_REG(x8, "x8", nr);
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x1), "+r"(x8) :: MK_CLOBBERS_X2);
    return x0;
}

static inline seL4_Word mk_sys_call3(seL4_Word nr, seL4_Word a0, seL4_Word a1, seL4_Word a2)
{
    MK_REG(x0, "x0", a0);
    MK_REG(x1, "x1", a1);
    MK_REG(x2, "x2", a2);
    MK_REG(x8, "x8", nr);
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x8) :: "x3", MK_CLOBBERS_X4);
    return x0;
}

static inline seL4_Word mk_sys_irq_ack(seL4_Word id)
{
    return mk_sys_call1(MK_SYS_IRQ_ACK, id);
}

static inline seL4_Word mk_sys_pd_restart(seL4_Word child, seL4_Word pc)
{
    return mk_sys_call2(MK_SYS_PD_RESTART, child, pc);
}

static inline seL4_Word mk_sys_pd_stop(seL4_Word child)
{
    return mk_sys_call1(MK_SYS_PD_STOP, child);
}

static inline seL4_Word mk_sys_pd_resume(seL4_Word child)
{
    return mk_sys_call1(MK_SYS_PD_RESUME, child);
}

/* Cache maintenance on [start, end) of the caller's own address space (MK_CACHE_*). */
static inline seL4_Word mk_sys_cache(seL4_Word op, seL4_Word start, seL4_Word end)
{
    return mk_sys_call3(MK_SYS_CACHE, op, start, end);
}

/* Like mk_sys_wait without the reply, the deferred operation or blocking: *badge 0 if nothing was there. */
static inline seL4_MessageInfo_t mk_sys_poll(seL4_Word flags, seL4_Word *badge)
{
    MK_REG(x0, "x0", flags);
    MK_REG(x1, "x1", 0);
    MK_REG(x8, "x8", MK_SYS_POLL);
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x1), "+r"(x8) :: MK_CLOBBERS_X2);
    *badge = x1;
    return (seL4_MessageInfo_t){ { x0 } };
}

static inline void mk_sys_yield(void)
{
    MK_REG(x8, "x8", MK_SYS_YIELD);
    __asm__ volatile("svc #0" : "+r"(x8) :: "x0", "x1", MK_CLOBBERS_X2);
}

/* The child's registers land in this PD's IPC buffer msg[0..MK_NUM_REGS). */
static inline seL4_Word mk_sys_read_regs(seL4_Word child, seL4_Word suspend)
{
    return mk_sys_call2(MK_SYS_READ_REGS, child, suspend);
}

/* x0..x7 in and out through IPC buffer msg[0..8). */
static inline seL4_Word mk_sys_smc(void)
{
    return mk_sys_call1(MK_SYS_SMC, 0);
}

/* One operation (MK_VCPU_*) on vCPU id of the caller's VM; the error, and *result for MK_VCPU_READ_REG. */
static inline seL4_Word mk_sys_vcpu(seL4_Word op, seL4_Word id, seL4_Word a, seL4_Word b, seL4_Word *result)
{
    MK_REG(x0, "x0", op);
    MK_REG(x1, "x1", id);
    MK_REG(x2, "x2", a);
    MK_REG(x3, "x3", b);
    MK_REG(x8, "x8", MK_SYS_VCPU);
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x8) :: MK_CLOBBERS_X4);
    *result = x1;
    return x0;
}

#undef MK_REG
#undef MK_CLOBBERS_X2
#undef MK_CLOBBERS_X4

#endif
