/*
 * Supervises crasher (child id 1): each fault arrives in fault(). The first
 * few are answered with a restart at the program's entry point (0x200000,
 * where microkit.ld places _start), after that crasher is stopped for good.
 */
#include <microkit.h>

#define CRASHER      1
#define MAX_RESTARTS 3
#define ENTRY_POINT  0x200000

static unsigned restarts;

void init(void)
{
    microkit_dbg_puts("restarter: starting\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    (void)reply_msginfo;
    microkit_dbg_puts("restarter: child ");
    microkit_dbg_put32(child);
    microkit_dbg_puts(" faulted, label ");
    microkit_dbg_put32(microkit_msginfo_get_label(msginfo));
    if (microkit_msginfo_get_label(msginfo) == seL4_Fault_VMFault) {
        microkit_dbg_puts(" (VM fault at address ");
        microkit_dbg_put32(microkit_mr_get(seL4_VMFault_Addr));
        microkit_dbg_puts(")");
    }
    microkit_dbg_puts("\n");

    if (restarts < MAX_RESTARTS) {
        restarts++;
        microkit_dbg_puts("restarter: restarting it (");
        microkit_dbg_put32(restarts);
        microkit_dbg_puts(" of ");
        microkit_dbg_put32(MAX_RESTARTS);
        microkit_dbg_puts(")\n");
        microkit_pd_restart(child, ENTRY_POINT);
    } else {
        microkit_dbg_puts("restarter: giving up, stopping it\n");
        microkit_pd_stop(child);
    }
    /* Not replying: a reply would retry the faulting store. */
    return seL4_False;
}
