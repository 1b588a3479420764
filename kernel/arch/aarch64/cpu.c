/* Per-CPU set-up that the PDs rely on: counters readable from EL0, FP trapping. */
#include "kernel.h"
#include "sysreg.h"
#include "fpu.h"

#define CNTKCTL_EL0PCTEN (1u << 0) /* EL0 reads CNTPCT_EL0 */
#define CNTKCTL_EL0VCTEN (1u << 1) /* EL0 reads CNTVCT_EL0: benchmarks count with it */
#define CNTKCTL_EL0PTEN  (1u << 9) /* EL0 drives the EL1 physical timer (semantics.md §7) */

/*
 * Sleep until an interrupt, with interrupts enabled just for the wait. The
 * syscall fast path keeps the PD's return state in ELR_EL1/SPSR_EL1 rather
 * than its frame, and taking an interrupt here overwrites both: keep them.
 */
void arch_wait_for_interrupt(void)
{
    u64 elr = read_sysreg(elr_el1), spsr = read_sysreg(spsr_el1);

    __asm__ volatile("msr daifclr, #2\n wfi\n msr daifset, #2" ::: "memory");
    write_sysreg(elr_el1, elr);
    write_sysreg(spsr_el1, spsr);
}

void arch_init(void)
{
    write_sysreg(cntkctl_el1, CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN | CNTKCTL_EL0PTEN);
    fpu_init();
    isb();
}
