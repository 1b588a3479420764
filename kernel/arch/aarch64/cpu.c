/* Per-CPU set-up that the PDs rely on: counters readable from EL0, FP trapping, the PMU. */
#include "kernel.h"
#include "sysreg.h"
#include "fpu.h"

#define CNTKCTL_EL0PCTEN (1u << 0) /* EL0 reads CNTPCT_EL0 */
#define CNTKCTL_EL0VCTEN (1u << 1) /* EL0 reads CNTVCT_EL0: benchmarks count with it */
#define CNTKCTL_EL0PTEN  (1u << 9) /* EL0 drives the EL1 physical timer (semantics.md §7) */

/*
 * Sleep until an interrupt, then take it. WFI runs with interrupts still
 * masked: a pending interrupt wakes it all the same, and none can be taken
 * between the caller's check for work and the sleep. (Unmasking first lost
 * wake-ups: an interrupt taken right before the WFI made a PD runnable and
 * the CPU then slept on; the virtio-blk test hit it.) Interrupts are
 * unmasked only for the moment it takes to take the pending one. The
 * syscall fast path keeps the PD's return state in ELR_EL1/SPSR_EL1 rather
 * than its frame, and taking an interrupt here overwrites both: keep them.
 */
void arch_wait_for_interrupt(void)
{
    u64 elr = read_sysreg(elr_el1), spsr = read_sysreg(spsr_el1);

    __asm__ volatile("wfi\n msr daifclr, #2\n isb\n msr daifset, #2" ::: "memory");
    write_sysreg(elr_el1, elr);
    write_sysreg(spsr_el1, spsr);
}

/*
 * Benchmark configuration: the PMU cycle counter runs and EL0 may read it
 * (PMCCNTR_EL0), so benchmarks can count without a syscall. Other
 * configurations leave the PMU closed: a counter visible to every PD is a
 * timing channel between them.
 */
static void pmu_init(void)
{
#ifdef MK_CONFIG_BENCHMARK
    write_sysreg(pmcr_el0, read_sysreg(pmcr_el0) | (1u << 0) | (1u << 2)); /* enable, reset cycles */
    write_sysreg(pmccfiltr_el0, 0);                                       /* count at EL0 and EL1 */
    write_sysreg(pmcntenset_el0, 1u << 31);                               /* the cycle counter */
    write_sysreg(pmuserenr_el0, (1u << 0) | (1u << 2));                   /* EL0 may read it */
    isb();
#endif
}

void arch_init(void)
{
    write_sysreg(cntkctl_el1, CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN | CNTKCTL_EL0PTEN);
    fpu_init();
    pmu_init();
    isb();
}
