/* No budget limit. Woken by the server during a's call, it calls the server (and is queued). */
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
    microkit_ppcall(1, microkit_msginfo_new(0, 0));
    microkit_dbg_puts("b: call returned\n");
}
