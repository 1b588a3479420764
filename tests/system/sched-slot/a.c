/*
 * Priority 10, ahead of b in the same queue. Each notify wakes hi, which
 * preempts a; a must resume before b ever runs, and only after every PD
 * above priority 10 that became ready meanwhile.
 */
#include <microkit.h>

void init(void)
{
    for (unsigned round = 1; round <= 4; round++) {
        microkit_dbg_puts("a: round ");
        microkit_dbg_put32(round);
        microkit_dbg_puts("\n");
        microkit_notify(0);
        microkit_dbg_puts("a: back ");
        microkit_dbg_put32(round);
        microkit_dbg_puts("\n");
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
    microkit_dbg_puts("a: TEST_FAIL unexpected notification\n");
}
