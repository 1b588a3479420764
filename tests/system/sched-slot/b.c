/* Below a (sched-slot) or behind it at its priority (sched-slot-rr): runs only once a's init has returned. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("b: init\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
    microkit_dbg_puts("b: TEST_FAIL unexpected notification\n");
}
