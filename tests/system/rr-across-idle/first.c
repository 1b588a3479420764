/* Round-robin with an equal-priority spinner after idle resumed it (common/waker.h). */
#define NAME "first"
#include "waker.h"

static void measured(seL4_Word ran, seL4_Word first, seL4_Word total, seL4_Word freq)
{
    /* Half the time, and no slice longer than 1000 us (plus a little). */
    if (ran * 100 < total * 40 || ran * 100 > total * 60 || first > freq / 1000000 * 1050)
        microkit_dbg_puts("first: TEST_FAIL: round-robin stopped after idle\n");
    else
        microkit_dbg_puts("first: TEST_PASS\n");
}
