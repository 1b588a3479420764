/*
 * What timed and low record in "shared", and how a spinner measures the
 * time it runs: it reads the counter in a tight loop, and a step longer
 * than GAP_US means it was off the CPU for that step.
 */
#ifndef SHARE_H
#define SHARE_H

#include "counter.h"

#define WINDOW_MS 40 /* both spin from `start` to `start + WINDOW_MS` */
#define GAP_US    5

enum { TIMED, LOW };

struct share {
    seL4_Word start, end;  /* the window, counter ticks; set by timed */
    seL4_Word ran[2];      /* ticks each one ran in the window */
    seL4_Word gaps[2];     /* times each one lost the CPU in the window */
    seL4_Word done[2];
};

uintptr_t shared;

static inline seL4_Word ticks_per_us(void)
{
    return counter_freq() / 1000000;
}

/* Spin until the window ends, adding up the steps spent on the CPU. */
static inline void measure(unsigned me)
{
    volatile struct share *s = (volatile struct share *)shared;
    seL4_Word gap = GAP_US * ticks_per_us(), prev = counter(), t;

    while ((t = counter()) < s->end) {
        if (t - prev < gap)
            s->ran[me] += t - prev;
        else
            s->gaps[me]++;
        prev = t;
    }
    s->done[me] = 1;
}

#endif
