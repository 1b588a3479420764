/* Lowest priority: runs when every misbehaving PD is done. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("observer: kernel and other PDs still running\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
