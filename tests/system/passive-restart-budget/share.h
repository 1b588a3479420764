#ifndef SHARE_H
#define SHARE_H

#include <microkit.h>

#define WORK_US 2000

struct share {
    seL4_Word faulted;              /* set by the child before its one fault */
    seL4_Word work_start, work_end; /* counter ticks, set by the parent around its work after the restart */
};

uintptr_t shared;

static inline seL4_Word counter(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
    return v;
}

static inline void spin_us(seL4_Word us)
{
    seL4_Word freq, start = counter();

    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    while (counter() < start + freq / 1000000 * us)
        ;
}

#endif
