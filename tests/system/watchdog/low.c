#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("low: running\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
