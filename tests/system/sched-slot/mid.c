/* Priority 30: woken by hi, below it; must run after hi and before a. */
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
    microkit_dbg_puts("mid: notified\n");
}
