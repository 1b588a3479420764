/*
 * low calls the server in init(); high1 and high2 call when z notifies
 * them. low prints its place in the service order (the reply label); the
 * others stay quiet so that equal-priority round-robin cannot interleave lines.
 */
#include <microkit.h>

#define SERVER 1

static void call(void)
{
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts(": calling server\n");
    microkit_msginfo reply = microkit_ppcall(SERVER, microkit_msginfo_new(0, 0));
    if (microkit_name[0] != 'l') {
        return;
    }
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts(": served ");
    microkit_dbg_put32(microkit_msginfo_get_label(reply));
    microkit_dbg_puts("\n");
}

void init(void)
{
    if (microkit_name[0] == 'l') {
        call();
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
    call();
}
