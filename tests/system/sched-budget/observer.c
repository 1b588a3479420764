/*
 * Lowest priority: waits until timed and low have stopped. timed must have
 * had about 25% of the window (its budget over its period), in about one
 * run per period, and low most of the rest.
 */
#include "share.h"

#define TIMED_MIN 20 /* percent */
#define TIMED_MAX 30
#define LOW_MIN   65
#define LOW_MAX   80

static void fail(const char *what)
{
    microkit_dbg_puts("observer: TEST_FAIL: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts("\n");
}

void init(void)
{
    volatile struct share *s = (volatile struct share *)shared;

    /* At the end of the window timed may be parked for its next period while
     * low has finished: wait for both (they outrank us, so they get the CPU;
     * if one never finishes, the test times out). */
    while (!s->done[TIMED] || !s->done[LOW])
        ;
    seL4_Word window = s->end - s->start;
    seL4_Word timed = s->ran[TIMED] * 100 / window, low = s->ran[LOW] * 100 / window;

    microkit_dbg_puts("observer: timed ran ");
    microkit_dbg_put32(timed);
    microkit_dbg_puts("% in ");
    microkit_dbg_put32(s->gaps[TIMED] + 1);
    microkit_dbg_puts(" runs, low ");
    microkit_dbg_put32(low);
    microkit_dbg_puts("%\n");

    if (timed < TIMED_MIN || timed > TIMED_MAX) {
        fail("timed's share is not about its budget / period (25%)");
    } else if (s->gaps[TIMED] + 1 < WINDOW_MS - 1 || s->gaps[TIMED] + 1 > WINDOW_MS + 1) {
        fail("timed did not run once per 1000 us period");
    } else if (low < LOW_MIN || low > LOW_MAX) {
        fail("low did not get the time timed may not use");
    } else {
        microkit_dbg_puts("observer: TEST_PASS\n");
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
