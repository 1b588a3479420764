/* Domain b: waits for a's notification, then stops too. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("b: init, waiting\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
    microkit_dbg_puts("b: notified\n");
}
