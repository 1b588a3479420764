/* Notification partner: every notification from bench is answered with one. */
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    microkit_notify(ch);
}
