/* Priority 0, the lowest: runs only when checker (254) no longer can. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("low: priority 0 runs last\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
