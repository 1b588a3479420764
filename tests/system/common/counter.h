/*
 * The generic timer's physical counter read from EL0 (CNTPCT_EL0), shared by
 * the tests that time themselves. The isb keeps the read from being done
 * ahead of the code it measures.
 */
#ifndef COUNTER_H
#define COUNTER_H

#include <microkit.h>

static inline seL4_Word counter(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
    return v;
}

static inline seL4_Word counter_freq(void)
{
    seL4_Word v;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
    return v;
}

/* Spin for `us` microseconds of counter time (time off the CPU counts too). */
static inline void spin_us(seL4_Word us)
{
    seL4_Word end = counter() + counter_freq() / 1000000 * us;

    while (counter() < end)
        ;
}

#endif
