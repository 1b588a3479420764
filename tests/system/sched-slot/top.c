/* Priority 60: preempts hi whenever hi notifies it. */
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
    microkit_dbg_puts("top: notified\n");
}
