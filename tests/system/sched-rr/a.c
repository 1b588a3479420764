/* Spinner 0 of two at the same priority (rr.h). */
#include "rr.h"

void init(void)
{
    microkit_dbg_puts("a: spinning\n");
    spin(0);
    microkit_dbg_puts("a: stopped\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
