/* The EL1 physical timer from EL0 (CONFIG_EXPORT_PTMR_USER), INTID 30. */
#ifndef IDLE_TIMER_H
#define IDLE_TIMER_H

#include "counter.h"

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
