/*
 * The record the two equal-priority spinners keep in "shared", and the
 * spin loop they both run (a.c and b.c differ only in their index).
 */
#ifndef RR_H
#define RR_H

#include "counter.h"

#define SWITCHES    20  /* hand-overs between a and b before they stop */
#define DEADLINE_MS 200 /* a spinner gives up after this long (round-robin broken) */

struct rr {
    seL4_Word runs[2];    /* loop iterations of a and b */
    seL4_Word done[2];    /* a, b stopped spinning */
    seL4_Word last;       /* 1 + index of the spinner that ran last, 0 at first */
    seL4_Word switches;   /* times one spinner found the CPU last the other's */
    seL4_Word since;      /* counter when the current spinner took over */
    seL4_Word slice_min;  /* shortest and longest slice seen, counter ticks */
    seL4_Word slice_max;
};

uintptr_t shared;

/*
 * Spins until SWITCHES hand-overs happened. The first iteration after the
 * other spinner ran closes its slice: the time since it took over. That
 * check is repeated there because the other may have run only to count the
 * last hand-over and stop, which is no slice.
 */
static inline void spin(unsigned me)
{
    volatile struct rr *rr = (volatile struct rr *)shared;
    seL4_Word stop = counter() + counter_freq() / 1000 * DEADLINE_MS;

    while (rr->switches < SWITCHES && counter() < stop) {
        rr->runs[me]++;
        if (rr->last == me + 1)
            continue;
        if (rr->switches >= SWITCHES)
            break;
        seL4_Word t = counter();
        if (rr->last != 0) {
            seL4_Word slice = t - rr->since;
            if (rr->switches == 0 || slice < rr->slice_min)
                rr->slice_min = slice;
            if (slice > rr->slice_max)
                rr->slice_max = slice;
            rr->switches++;
        }
        rr->since = t;
        rr->last = me + 1;
    }
    rr->done[me] = 1;
}

#endif
