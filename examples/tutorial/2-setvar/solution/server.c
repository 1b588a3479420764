/*
 * The server, tutorial step 2 (solution): it prints where the tool says the
 * shared regions are mapped and tells the client it is ready.
 */
#include <stdint.h>
#include <microkit.h>
#include <microkit_gen/server.h>
#include "print.h"

/* Patched by the tool (setvar_vaddr in shared-memory.system). */
uintptr_t region_a_vaddr;
uintptr_t region_b_vaddr;

void init(void)
{
    microkit_dbg_puts("server: initializing\n");
    put_line_hex("server: region_a = ", region_a_vaddr);
    put_line_hex("server: region_b = ", region_b_vaddr);
    microkit_dbg_puts("server: notifying client\n");
    microkit_notify(CH_CLIENT);
}

void notified(microkit_channel ch)
{
    (void)ch;
}
