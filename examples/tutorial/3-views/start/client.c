/*
 * The client, tutorial step 2 (solution): it prints where the tool says the
 * shared regions are mapped, then waits for the server's notification.
 */
#include <stdint.h>
#include <microkit.h>
#include <microkit_gen/client.h>
#include "print.h"

/* Patched by the tool (setvar_vaddr in shared-memory.system). */
uintptr_t region_a_vaddr;
uintptr_t region_b_vaddr;

void init(void)
{
    microkit_dbg_puts("client: initializing\n");
    put_line_hex("client: region_a = ", region_a_vaddr);
    put_line_hex("client: region_b = ", region_b_vaddr);
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("client: notified by ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
}
