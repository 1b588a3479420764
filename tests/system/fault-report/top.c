/* Calls middle once; middle's callee faults, so the call is never answered. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("top: calling middle\n");
    microkit_ppcall(1, microkit_msginfo_new(0, 0));
    microkit_dbg_puts("top: TEST_FAIL: the call returned\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
