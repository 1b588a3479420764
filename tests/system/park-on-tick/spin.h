#ifndef SPIN_H
#define SPIN_H

#include <microkit.h>

#define RESUMPTIONS 200 /* times a spinner must get the CPU back (about a second) */
#define GAP_US      100 /* a longer jump of the counter: it was off the CPU */

/* Written by mid, read by low, which prints for both (one console writer at a time). */
struct share {
    seL4_Word mid_done;
};

uintptr_t shared;

static inline seL4_Word counter(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
    return v;
}

/* Spin until the CPU was taken away and given back n times. */
static inline void spin_until_resumed(unsigned n)
{
    seL4_Word freq, last = counter();

    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    while (n) {
        seL4_Word now = counter();
        if (now - last > freq / 1000000 * GAP_US)
            n--;
        last = now;
    }
}

#endif
