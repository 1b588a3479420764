/*
 * Reads PMCCNTR_EL0 around some work: it must advance. Then programs event
 * counter 0 from EL0 to count CPU cycles, as seL4's
 * CONFIG_EXPORT_PMU_USER allows: it must advance too. Spins if anything is
 * wrong (a trap faults to the parent, which spins).
 */
#include <microkit.h>

static seL4_Word cycles(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, pmccntr_el0" : "=r"(v));
    return v;
}

void init(void)
{
    seL4_Word start = cycles();
    for (volatile unsigned i = 0; i < 100000; i++) {
    }
    if (cycles() <= start) {
        for (;;) { /* keeps the system from going idle: the test times out */
        }
    }

    seL4_Word before, after;
    __asm__ volatile("msr pmselr_el0, xzr\n isb\n"
                     "msr pmxevtyper_el0, %0\n" /* event 0x11: CPU cycles (QEMU counts instructions only under icount) */
                     "msr pmcntenset_el0, %1\n isb"
                     : : "r"((seL4_Word)0x11), "r"((seL4_Word)1) : "memory");
    __asm__ volatile("isb; mrs %0, pmxevcntr_el0" : "=r"(before));
    for (volatile unsigned i = 0; i < 1000; i++) {
    }
    __asm__ volatile("isb; mrs %0, pmxevcntr_el0" : "=r"(after));
    if (after <= before) {
        for (;;) {
        }
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
