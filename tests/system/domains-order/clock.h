/* The counter, for the domain tests that do not use trace.h. */
#ifndef CLOCK_H
#define CLOCK_H

#include <microkit.h>

static inline seL4_Word now(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}

static inline seL4_Word us(seL4_Word ticks)
{
    seL4_Word f;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(f));
    return ticks * 1000000 / f;
}

static inline void put_us(const char *before, seL4_Word ticks, const char *after)
{
    microkit_dbg_puts(before);
    microkit_dbg_put32((seL4_Uint32)us(ticks));
    microkit_dbg_puts(after);
}

#endif
