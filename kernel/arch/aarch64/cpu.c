/* Per-CPU set-up that the PDs rely on: counters readable from EL0, FP trapping, the PMU. */
#include "kernel.h"
#include "sysreg.h"
#include "fpu.h"

#define CNTKCTL_EL0PCTEN (1u << 0) /* EL0 reads CNTPCT_EL0 */
#define CNTKCTL_EL0VCTEN (1u << 1) /* EL0 reads CNTVCT_EL0: benchmarks count with it */
#define CNTKCTL_EL0PTEN  (1u << 9) /* EL0 drives the EL1 physical timer (docs/board.md, timers) */

/*
 * Sleep until an interrupt is pending. IRQs stay masked (PSTATE.I) as they
 * always are in the kernel: WFI wakes on a pending interrupt whatever the
 * mask, one already pending before it included, and the caller then reads
 * it from the GIC (core/idle.c). Nothing is taken as an exception, so
 * nothing can run between the caller's check for work and the sleep, and
 * ELR_EL1/SPSR_EL1 (where the syscall fast path keeps the PD's return
 * state) are never overwritten. (The earlier idle unmasked IRQs around the
 * WFI: an interrupt taken just before it made a PD runnable and the CPU
 * then slept on for good.)
 */
void arch_wait_for_interrupt(void)
{
    __asm__ volatile("dsb sy\n wfi" ::: "memory");
}

#define PMUSERENR_EN     (1u << 0)  /* EL0 may use the whole PMU (seL4's CONFIG_EXPORT_PMU_USER) */
#define PMUSERENR_CR     (1u << 2)  /* EL0 may read PMCCNTR_EL0 */
#define MDSCR_TDCC       (1u << 12) /* EL0 access to the debug communication channel traps */

/*
 * Benchmark configuration: the PMU cycle counter runs and EL0 may use the
 * whole PMU (control, cycle and event counters), as seL4 does when it
 * defines CONFIG_EXPORT_PMU_USER, so benchmarks count without a syscall.
 * Other configurations
 * close the PMU to EL0 entirely: a counter visible to every PD is a timing
 * channel between them. PMUSERENR_EL0's reset value is architecturally
 * UNKNOWN, so it is written in every configuration.
 */
static void pmu_init(void)
{
#ifdef MK_CONFIG_BENCHMARK
    write_sysreg(pmcr_el0, read_sysreg(pmcr_el0) | (1u << 0) | (1u << 2)); /* enable, reset cycles */
    write_sysreg(pmccfiltr_el0, 0);                                       /* count at EL0 and EL1 */
    write_sysreg(pmcntenset_el0, 1u << 31);                               /* the cycle counter */
    write_sysreg(pmuserenr_el0, PMUSERENR_EN | PMUSERENR_CR);
#else
    write_sysreg(pmuserenr_el0, 0);
#endif
}

void arch_init(void)
{
    write_sysreg(cntkctl_el1, CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN | CNTKCTL_EL0PTEN);
    /* Self-hosted debug off (MDE, KDE, SS clear: no debug exceptions) and
     * the debug communication channel closed to EL0 (its reset value is
     * UNKNOWN): PDs get no debug access. */
    write_sysreg(mdscr_el1, MDSCR_TDCC);
    fpu_init();
    pmu_init();
    isb();
}
