/* Calls the passive server, then notifies it and waits for its answer. */
#include <microkit.h>

#define SERVER 1

void init(void)
{
    microkit_dbg_puts("client: calling the passive server\n");
    microkit_mr_set(0, 21);
    microkit_msginfo reply = microkit_ppcall(SERVER, microkit_msginfo_new(41, 1));
    if (microkit_msginfo_get_label(reply) != 42 || microkit_msginfo_get_count(reply) != 1 ||
        microkit_mr_get(0) != 42) {
        microkit_dbg_puts("client: TEST_FAIL: wrong reply\n");
    }
    microkit_dbg_puts("client: reply ");
    microkit_dbg_put32(microkit_mr_get(0));
    microkit_dbg_puts(", notifying the server\n");
    microkit_notify(SERVER);
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("client: server answered on ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
}
