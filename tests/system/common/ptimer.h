/* The EL1 physical timer from EL0 (CONFIG_EXPORT_PTMR_USER), INTID 30. */
#ifndef IDLE_TIMER_H
#define IDLE_TIMER_H

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

/* Fire at counter value `when` (in the past: the line is asserted at once). */
static inline void timer_at(seL4_Word when)
{
    __asm__ volatile("msr cntp_cval_el0, %0; msr cntp_ctl_el0, %1; isb" :: "r"(when), "r"((seL4_Word)1));
}

static inline void timer_off(void)
{
    __asm__ volatile("msr cntp_ctl_el0, xzr; isb");
}

#endif
