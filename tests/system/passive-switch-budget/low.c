/*
 * Lowest priority: runs only when everything else is blocked or parked.
 * It may run in the middle of a's call (parked on a's budget), never in
 * the middle of b's (b's budget is unlimited).
 */
#include "share.h"

void init(void)
{
    volatile struct share *s = (volatile struct share *)shared;
    seL4_Word ran_in_b_call = 0;

    while (!s->b_end)
        if (s->b_start && !ran_in_b_call)
            ran_in_b_call = counter();
    if (ran_in_b_call && ran_in_b_call < s->b_end)
        microkit_dbg_puts("low: TEST_FAIL: ran in the middle of b's call (the server was charged to a's budget)\n");
    else
        microkit_dbg_puts("low: b's call ran straight through on b's budget: TEST_PASS\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
