/*
 * The slow exits from a PD into the kernel: faults, the lazy FP trap, bad
 * syscall numbers and interrupts. entry.S has saved the whole frame; the
 * syscall fast path does not come here.
 */
#include "kernel.h"
#include "sysreg.h"
#include "fpu.h"

struct pd *trap_slow(struct pd *self, u64 esr)
{
    struct pd *next;

    if (ESR_EC(esr) == EC_SVC64)
        next = fault_unknown_syscall(self);
    else if (ESR_EC(esr) == EC_FP)
        next = fpu_trap(self);
    else
        next = fault_raise(self, esr, read_sysreg(far_el1));
    return next == self ? self : kernel_switch(next, self);
}

/* An interrupt while a PD ran (entry.S saved its whole frame). */
struct pd *trap_irq(struct pd *self)
{
    struct pd *next = irq_dispatch(self);

    return next == self ? self : kernel_switch(next, self);
}

/* Switch the per-PD CPU state that the register frame does not hold. */
struct pd *kernel_switch(struct pd *next, struct pd *prev)
{
    if (prev)
        prev->tpidr = read_sysreg(tpidr_el0);
    write_sysreg(tpidr_el0, next->tpidr);
    write_sysreg(ttbr0_el1, next->ttbr0); /* ERET synchronises: no ISB needed */
    fpu_switch(next, prev);
    if (timing)
        timer_switch(next);
    return next;
}

/* A synchronous exception in the kernel itself. */
void kernel_fault(u64 esr, u64 elr, u64 far)
{
    panic("kernel exception: esr 0x%lx (class 0x%lx) at pc 0x%lx, address 0x%lx", esr, ESR_EC(esr), elr, far);
}
