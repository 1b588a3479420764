/*
 * The server, tutorial step 1 (solution): it tells the client it is ready.
 */
#include <stdint.h>
#include <microkit.h>
#include <microkit_gen/server.h>

void init(void)
{
    microkit_dbg_puts("server: initializing\n");
    microkit_dbg_puts("server: notifying client\n");
    microkit_notify(CH_CLIENT);
}

void notified(microkit_channel ch)
{
    (void)ch;
}
