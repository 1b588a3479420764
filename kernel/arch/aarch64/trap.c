/*
 * The slow exits from a PD into the kernel: faults, the lazy FP trap, bad
 * syscall numbers and interrupts. entry.S has saved the whole frame; the
 * syscall fast path does not come here.
 */
#include "kernel.h"
#include "sysreg.h"
#include "fpu.h"

_Static_assert(offsetof(struct pd, ttbr0) == PD_TTBR0, "entry.S offsets");
_Static_assert(offsetof(struct pd, tpidr) == PD_TPIDR, "entry.S offsets");

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

void switch_hooks(struct pd *next, struct pd *prev)
{
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
