/* Holds server (child 0) stopped after its first fault until z says go. */
#include <microkit.h>

#define SERVER 0

void init(void)
{
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    (void)child;
    (void)msginfo;
    (void)reply_msginfo;
    microkit_dbg_puts("ctl: server faulted, holding it\n");
    return seL4_False;
}

void notified(microkit_channel ch)
{
    (void)ch;
    microkit_dbg_puts("ctl: restarting server\n");
    microkit_pd_restart(SERVER, 0x200000);
}
