/* Lowest priority: runs once everything else is blocked, then tells parent. */
#include <microkit.h>

void init(void)
{
    microkit_notify(0);
}

void notified(microkit_channel ch)
{
    (void)ch;
}
