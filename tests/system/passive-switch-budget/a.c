/* 250 us of budget every 1000 us: one call, longer than a budget. */
#include <microkit.h>

void init(void)
{
    microkit_ppcall(1, microkit_msginfo_new(0, 0));
    microkit_dbg_puts("a: call returned\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
