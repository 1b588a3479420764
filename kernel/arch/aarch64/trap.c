/*
 * The slow exits from a PD into the kernel: faults, the lazy FP trap, bad
 * syscall numbers and interrupts. entry.S has saved the whole frame; the
 * syscall fast path does not come here.
 */
#include "kernel.h"
#include "sysreg.h"
#include "fpu.h"

#define LAYOUT(field, off) _Static_assert(offsetof(struct pd, field) == (off), "pd_layout.h: " #field)
LAYOUT(regs, 0);
LAYOUT(ipcbuf, PD_IPCBUF);
LAYOUT(ttbr0, PD_TTBR0);
LAYOUT(tpidr, PD_TPIDR);
LAYOUT(pending, PD_PENDING);
LAYOUT(next, PD_NEXT);
LAYOUT(caller, PD_CALLER);
LAYOUT(callq, PD_CALLQ);
LAYOUT(callee, PD_CALLEE);
LAYOUT(prio, PD_PRIO);
LAYOUT(state, PD_STATE);
LAYOUT(passive_pending, PD_PASSIVE_PENDING);
LAYOUT(throttled_on, PD_THROTTLED_ON);
LAYOUT(ch, PD_CH);
LAYOUT(vcpu, PD_VCPU);
_Static_assert(sizeof(struct ch_end) == 1 << CH_END_SHIFT, "pd_layout.h: ch_end size");
_Static_assert(offsetof(struct ch_end, peer) == CH_PEER, "pd_layout.h: ch_end.peer");
_Static_assert(offsetof(struct ch_end, peer_id) == CH_PEER_ID, "pd_layout.h: ch_end.peer_id");
_Static_assert(offsetof(struct ch_end, flags) == CH_FLAGS, "pd_layout.h: ch_end.flags");
_Static_assert(MK_END_NOTIFY == 1u << CH_NOTIFY_BIT && MK_END_PP == 1u << CH_PP_BIT && MK_MAX_IDS == CH_MAX_IDS, "pd_layout.h: channel constants");
_Static_assert(MK_TAG_LENGTH_MASK == TAG_LENGTH_MASK && MK_MSG_MAX_LENGTH == MSG_MAX_LENGTH &&
                   MK_BADGE_PPC == 1ULL << BADGE_PPC_BIT && MK_WAIT_REPLY == 1 && MK_DEFER_NONE == 0 && MK_OK == 0 &&
                   MK_SYS_PUTC == 0 && MK_SYS_NOTIFY == 1 && MK_SYS_PPCALL == 2 && MK_SYS_WAIT == 3,
               "pd_layout.h: ABI constants");
_Static_assert(PD_RUNNABLE == PD_STATE_RUNNABLE && PD_WAITING == PD_STATE_WAITING && PD_CALLING == PD_STATE_CALLING,
               "pd_layout.h: states");
_Static_assert(sizeof(((struct pd *)0)->state) == 1 && sizeof(((struct pd *)0)->prio) == 1 &&
                   sizeof(((struct pd *)0)->passive_pending) == 1, "pd_layout.h: byte fields");

/* Returns the PD to run next; entry.S switches to it if it is not self. */
struct pd *trap_slow(struct pd *self, u64 esr)
{
    if (ESR_EC(esr) == EC_SVC64)
        return fault_unknown_syscall(self);
    if (ESR_EC(esr) == EC_FP) /* fpu="false": FP and SIMD use is a fault, as on seL4 */
        return self->desc->fpu ? fpu_trap(self) : fault_raise(self, esr, 0);
    return fault_raise(self, esr, read_sysreg(far_el1));
}

/* An interrupt while a PD ran (entry.S saved its whole frame). */
struct pd *trap_irq(struct pd *self)
{
    return irq_dispatch(self);
}

/*
 * entry.S switches the address space and TPIDR_EL0 itself; what else a
 * switch needs is here, and called only when switch_hooks_on says some of
 * it is in use: the lazy FP switch once a PD has used FP, time accounting
 * when the system has budgets or equal priorities.
 */
u32 switch_hooks_on;

/*
 * The highest syscall number the exception vector sends to fastpath.S:
 * notify, ppcall and wait (MK_SYS_WAIT) while the hooks are off, none
 * (0 is putc, which fastpath.S sends to C) once they are on: fastpath.S
 * leaves time accounting and the FP switch to the C path. One compare in
 * the vector instead of a range check and a test of the hooks. 0 until
 * timer_init decides, before any PD runs.
 */
u64 fastpath_max_sys;

/* At boot: the hooks are on from the start if the system has time accounting. */
void switch_hooks_init(int on)
{
#ifdef MK_CONFIG_TRACE
    on = 1; /* the trace kernel records every switch: the C paths only */
#endif
    if (on)
        switch_hooks_enable();
    else
        fastpath_max_sys = MK_SYS_WAIT;
}

/*
 * A user of the hooks turns them on (bit 1: time accounting or the lazy FP
 * switch, for good; bit 2: the debug watchdog while a suspicion stands) and
 * the fast paths off, since they run no hooks; the last one off turns the
 * fast paths back on.
 */
void switch_hooks_set(u32 bit)
{
    switch_hooks_on |= bit;
    fastpath_max_sys = 0;
}

void switch_hooks_clear(u32 bit)
{
    switch_hooks_on &= ~bit;
    if (!switch_hooks_on)
        fastpath_max_sys = MK_SYS_WAIT;
}

/* Time accounting or the lazy FP switch is in use, for good: every switch runs the hooks. */
void switch_hooks_enable(void)
{
    switch_hooks_set(1);
}

void switch_hooks(struct pd *next, struct pd *prev)
{
    TRACE(TR_SWITCH, next, NULL, 0, 0);
    fpu_switch(next, prev);
    if (timing)
        timer_switch(next);
#ifdef MK_CONFIG_DEBUG
    if (watchdog_armed)
        watchdog_switch(next); /* core/watchdog.c: debug builds only */
#endif
}

/*
 * An IRQ exception at EL1. The kernel never unmasks IRQs (core/idle.c polls
 * the GIC after WFI instead), so this cannot happen unless something
 * unmasked them: stop rather than run an interrupt in the middle of kernel code.
 */
void kernel_irq_taken(u64 elr)
{
    panic("IRQ taken in the kernel at pc 0x%lx: the kernel runs with IRQs masked", elr);
}

/* A synchronous exception in the kernel itself. */
void kernel_fault(u64 esr, u64 elr, u64 far)
{
    panic("kernel exception: esr 0x%lx (class 0x%lx) at pc 0x%lx, address 0x%lx", esr, ESR_EC(esr), elr, far);
}
