/*
 * Domain schedule tests (domains-order, domains-start): one spinner PD per
 * domain records the stretches of time it had the CPU ("segments": a gap of
 * more than GAP_US between two counter reads ends one) in shared memory; a
 * reporter of lower priority in the first domain merges them by start time
 * once every spinner is done, prints the order of the domains and the length
 * of each stretch, and checks them against the expected cycle.
 *
 * A spinner for domain N defines ME as N before including this file. The
 * reporter defines REPORTER and the expected cycle: CYCLE_LEN, CYCLE (domain
 * ids) and CYCLE_US (each entry's duration in us, or in ticks when
 * CYCLE_TICKS has a non-zero entry there).
 */
#ifndef TRACE_H
#define TRACE_H

#include <microkit.h>

#define NSPIN    4
#define MAXSEG   48
#define WINDOW_US 30000 /* every spinner spins until 30 ms after the first one started */
#define GAP_US   50
#define TOL_PCT  3      /* a full stretch is within 3% of its entry's duration */

struct seg {
    seL4_Word start, end;
};

struct trace {
    seL4_Word t0;            /* set by the first spinner to run */
    seL4_Word started[NSPIN];
    seL4_Word done[NSPIN];
    seL4_Word nseg[NSPIN];
    struct seg seg[NSPIN][MAXSEG];
};

uintptr_t trace;

static inline seL4_Word now(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}

static inline seL4_Word freq(void)
{
    seL4_Word v;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
    return v;
}

static inline seL4_Word to_us(seL4_Word ticks)
{
    return ticks * 1000000 / freq();
}

#ifdef ME
void init(void)
{
    volatile struct trace *t = (volatile struct trace *)trace;
    seL4_Word gap = GAP_US * freq() / 1000000, prev = now(), c;
    unsigned n = 0;

    if (!t->t0)
        t->t0 = prev;
    t->started[ME] = 1;
    seL4_Word end = t->t0 + WINDOW_US * freq() / 1000000;
    t->seg[ME][0].start = prev;
    while ((c = now()) < end) {
        if (c - prev > gap && n + 1 < MAXSEG) {
            t->seg[ME][n].end = prev;
            t->seg[ME][++n].start = c;
        }
        prev = c;
    }
    t->seg[ME][n].end = prev;
    t->nseg[ME] = n + 1;
    t->done[ME] = 1;
}

void notified(microkit_channel ch)
{
    (void)ch;
}
#endif

#ifdef REPORTER
static void fail(const char *why)
{
    microkit_dbg_puts("report: TEST_FAIL: ");
    microkit_dbg_puts(why);
    microkit_dbg_puts("\n");
}

void init(void)
{
    static const unsigned cycle[CYCLE_LEN] = CYCLE;
    static const seL4_Word cycle_us[CYCLE_LEN] = CYCLE_US;
    static const seL4_Word cycle_ticks[CYCLE_LEN] = CYCLE_TICKS;
    volatile struct trace *t = (volatile struct trace *)trace;
    unsigned next[NSPIN] = {0}, order[NSPIN * MAXSEG], nord = 0;
    seL4_Word len[NSPIN * MAXSEG];

    /* Spinners that are expected to run finish; the others never start. */
    for (unsigned i = 0; i < CYCLE_LEN; i++)
        while (!t->done[cycle[i]])
            ;
    for (;;) { /* merge by start time */
        int best = -1;
        for (unsigned d = 0; d < NSPIN; d++)
            if (t->done[d] && next[d] < t->nseg[d] &&
                (best < 0 || t->seg[d][next[d]].start < t->seg[best][next[best]].start))
                best = (int)d;
        if (best < 0)
            break;
        order[nord] = (unsigned)best;
        len[nord++] = to_us(t->seg[best][next[best]].end - t->seg[best][next[best]].start);
        next[best]++;
    }
    microkit_dbg_puts("report: order");
    for (unsigned i = 0; i < nord; i++) {
        microkit_dbg_puts(" ");
        microkit_dbg_put32(order[i]);
    }
    microkit_dbg_puts("\nreport: us   ");
    for (unsigned i = 0; i < nord; i++) {
        microkit_dbg_puts(" ");
        microkit_dbg_put32((seL4_Uint32)len[i]);
    }
    microkit_dbg_puts("\n");
    for (unsigned d = 0; d < NSPIN; d++) {
        int expected = 0;
        for (unsigned i = 0; i < CYCLE_LEN; i++)
            expected |= cycle[i] == d;
        if (t->started[d] && !expected)
            return fail("a domain outside the cycle ran");
    }
    if (nord < 2 * CYCLE_LEN + 2)
        return fail("too few stretches: the domains did not take turns");
    /* The first stretch starts the cycle; the first and the last are cut by the window. */
    for (unsigned i = 0; i < nord; i++) {
        unsigned k = i % CYCLE_LEN;
        if (order[i] != cycle[k])
            return fail("the domains did not run in the schedule's order");
        seL4_Word want = cycle_ticks[k] ? to_us(cycle_ticks[k]) : cycle_us[k];
        if (i > 0 && i + 1 < nord && (len[i] * 100 < want * (100 - TOL_PCT) || len[i] * 100 > want * (100 + TOL_PCT)))
            return fail("a stretch is not its entry's duration");
    }
    microkit_dbg_puts("report: TEST_PASS\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
#endif

#endif
