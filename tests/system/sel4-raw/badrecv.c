/*
 * A child that waits on an IRQ handle instead of its endpoint. seL4 raises
 * a cap fault; Minikit's seL4_Recv faults the PD at address
 * seL4_InvalidCapability, which its parent (the client) checks.
 */
#include <microkit.h>
#include "proto.h"

void init(void)
{
    seL4_Word badge;

    microkit_dbg_puts("badrecv: seL4_Recv on an IRQ handle\n");
    seL4_Recv(BASE_IRQ_CAP + 0, &badge, REPLY_CAP);
    microkit_dbg_puts("badrecv: TEST_FAIL: seL4_Recv on a bad source returned\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
