/*
 * Waits with garbage: a reply flag with nobody to reply to and an unknown
 * deferred operation. The kernel may return an error, fault this PD or let
 * it wait; nothing else may happen.
 */
#include <microkit.h>

void init(void)
{
    seL4_Word badge;
    seL4_MessageInfo_t tag = { { ~0ULL } };

    microkit_dbg_puts("waiter: waiting with garbage\n");
    mk_sys_wait(tag, ~0ULL, 77, ~0ULL, &badge);
    microkit_dbg_puts("waiter: the wait returned\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
