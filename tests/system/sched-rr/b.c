/* Spinner 1 of two at the same priority (rr.h). */
#include "rr.h"

void init(void)
{
    microkit_dbg_puts("b: spinning\n");
    spin(1);
    microkit_dbg_puts("b: stopped\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
