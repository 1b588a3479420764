/*
 * Lowest priority: runs only when everything else is blocked or parked.
 * Records whether it ran while the server's call was in progress.
 */
#include "share.h"

void init(void)
{
    volatile struct share *s = (volatile struct share *)shared;
    seL4_Word ran_in_call = 0;

    while (!s->call_end)
        if (s->call_start && !ran_in_call)
            ran_in_call = counter();
    if (ran_in_call && ran_in_call < s->call_end)
        microkit_dbg_puts("low: ran while the passive server was parked on the client's budget: TEST_PASS\n");
    else
        microkit_dbg_puts("low: TEST_FAIL: the call ran straight through (not on the client's budget)\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
