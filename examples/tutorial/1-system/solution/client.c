/*
 * The client, tutorial step 1 (solution): it waits for the server's
 * notification.
 */
#include <stdint.h>
#include <microkit.h>
#include <microkit_gen/client.h>

void init(void)
{
    microkit_dbg_puts("client: initializing\n");
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("client: notified by ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
}
