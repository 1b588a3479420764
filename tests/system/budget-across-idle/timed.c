/* Budget 250 us / 1000 us, measured after idle resumed it (common/waker.h). */
#define NAME "timed"
#include "waker.h"

static void measured(seL4_Word ran, seL4_Word first, seL4_Word total, seL4_Word freq)
{
    /* 25% of the time, and no run longer than the budget (plus a little). */
    if (ran * 100 < total * 20 || ran * 100 > total * 30 || first > freq / 1000000 * 280)
        microkit_dbg_puts("timed: TEST_FAIL: the budget was not enforced after idle\n");
    else
        microkit_dbg_puts("timed: TEST_PASS\n");
}
