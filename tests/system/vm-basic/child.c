/* A PD child of the VMM: its id (1) must not work as a vCPU id, nor the vCPU's (0) as a PD child's. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("child: init\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
