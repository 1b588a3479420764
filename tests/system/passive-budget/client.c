/* 250 us of budget every 1000 us; makes one long call. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("client: calling the passive server\n");
    microkit_ppcall(1, microkit_msginfo_new(0, 0));
    microkit_dbg_puts("client: call returned\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
