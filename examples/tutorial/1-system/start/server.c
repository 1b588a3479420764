/*
 * The server, tutorial step 1 (start): it only says it has started.
 */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("server: initializing\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
