/* The other domain's PD of vm-domains.system: the schedule has two domains to switch between. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("other: init\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
