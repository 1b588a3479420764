#ifndef SPIN_H
#define SPIN_H

#include "counter.h"

#define RESUMPTIONS 200 /* times a spinner must get the CPU back (about a second) */
#define GAP_US      100 /* a longer jump of the counter: it was off the CPU */

/* Written by mid, read by low, which prints for both (one console writer at a time). */
struct share {
    seL4_Word mid_done;
};

uintptr_t shared;

/* Spin until the CPU was taken away and given back n times. */
static inline void spin_until_resumed(unsigned n)
{
    seL4_Word gap = counter_freq() / 1000000 * GAP_US, last = counter();

    while (n) {
        seL4_Word now = counter();
        if (now - last > gap)
            n--;
        last = now;
    }
}

#endif
