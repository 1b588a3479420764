/* Notifies its caller while the caller is blocked in the call. */
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    (void)msginfo;
    microkit_notify(ch);
    return microkit_msginfo_new(0, 0);
}
