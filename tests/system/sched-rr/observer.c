/*
 * Lowest priority: runs only when a and b have both stopped. Checks that
 * they handed the CPU over SWITCHES times, each after a slice close to the
 * 1000 us default budget.
 */
#include "rr.h"

#define SLICE_MIN_US 900
#define SLICE_MAX_US 1100

static void fail(const char *what)
{
    microkit_dbg_puts("observer: TEST_FAIL: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts("\n");
}

void init(void)
{
    volatile struct rr *rr = (volatile struct rr *)shared;
    seL4_Word per_us = counter_freq() / 1000000;
    seL4_Word min_us = rr->slice_min / per_us, max_us = rr->slice_max / per_us;

    microkit_dbg_puts("observer: ");
    microkit_dbg_put32(rr->switches);
    microkit_dbg_puts(" switches, slices ");
    microkit_dbg_put32(min_us);
    microkit_dbg_puts("..");
    microkit_dbg_put32(max_us);
    microkit_dbg_puts(" us\n");

    if (!rr->done[0] || !rr->done[1]) {
        fail("a spinner has not stopped, yet the lowest priority runs");
    } else if (rr->runs[0] == 0 || rr->runs[1] == 0) {
        fail("a spinner never ran");
    } else if (rr->switches < SWITCHES) {
        fail("the spinners did not alternate: no round-robin");
    } else if (min_us < SLICE_MIN_US || max_us > SLICE_MAX_US) {
        fail("a slice is not about the 1000 us budget");
    } else {
        microkit_dbg_puts("observer: TEST_PASS\n");
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
