/* A PPC on channel 7, which the .system grants for notifications only. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("wrong: calling on channel 7\n");
    microkit_ppcall(7, microkit_msginfo_new(0, 0));
    microkit_dbg_puts("wrong: done\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
