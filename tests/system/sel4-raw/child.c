/*
 * The client's child: counts its runs (memory survives a restart) and
 * reports notifications, so the client can see a restart by
 * seL4_TCB_WriteRegisters and a notification held back by seL4_TCB_Suspend.
 */
#include <microkit.h>
#include "proto.h"

static unsigned runs;

void init(void)
{
    microkit_dbg_puts("child: init, run ");
    microkit_dbg_put32(++runs);
    microkit_dbg_puts("\n");
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("child: notified on ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
}
