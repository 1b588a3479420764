/* Passes top's call on to server. */
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    (void)ch;
    microkit_dbg_puts("middle: calling server\n");
    microkit_ppcall(3, msginfo);
    microkit_dbg_puts("middle: TEST_FAIL: the call returned\n");
    return microkit_msginfo_new(0, 0);
}
