/*
 * Lowest priority: runs only when everything else is blocked or parked,
 * never in the middle of the parent's work after the restart.
 */
#include "share.h"

void init(void)
{
    volatile struct share *s = (volatile struct share *)shared;
    seL4_Word ran_in_work = 0;

    while (!s->work_end)
        if (s->work_start && !ran_in_work)
            ran_in_work = counter();
    if (ran_in_work && ran_in_work < s->work_end)
        microkit_dbg_puts("low: TEST_FAIL: ran in the middle of the parent's work (charged to the child's budget)\n");
    else
        microkit_dbg_puts("low: the parent's work after the restart ran on its own budget: TEST_PASS\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
