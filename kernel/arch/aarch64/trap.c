/* From an exception taken from a PD to the PD that runs next. */
#include "kernel.h"
#include "sysreg.h"

struct pd *trap_sync(struct pd *self, u64 esr)
{
    struct pd *next;

    if (__builtin_expect(ESR_EC(esr) == EC_SVC64, 1))
        next = syscall_dispatch(self);
    else if (ESR_EC(esr) == EC_FP)
        next = fpu_trap(self);
    else
        next = fault_raise(self, esr, read_sysreg(far_el1));
    return kernel_exit(next);
}

/* No interrupt source is enabled yet, so an interrupt from a PD is a kernel bug. */
struct pd *trap_irq(struct pd *self)
{
    (void)self;
    panic("unexpected interrupt");
}

/* Switch the per-PD CPU state that the register frame does not hold. */
struct pd *kernel_exit(struct pd *next)
{
    if (next != current) {
        if (current)
            current->tpidr = read_sysreg(tpidr_el0);
        write_sysreg(tpidr_el0, next->tpidr);
        vspace_activate(next);
        fpu_switch(next);
        current = next;
    }
    return next;
}

/* A synchronous exception in the kernel itself. */
void kernel_fault(u64 esr, u64 elr, u64 far)
{
    panic("kernel exception: esr 0x%lx (class 0x%lx) at pc 0x%lx, address 0x%lx", esr, ESR_EC(esr), elr, far);
}
