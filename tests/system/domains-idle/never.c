/* Domain u is declared but not in the schedule's cycle: this PD never runs. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("never: TEST_FAIL: a PD of a domain outside the cycle ran\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
