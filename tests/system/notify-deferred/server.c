/* Two deferred notifications in one protected(): only the last is kept. */
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
    (void)ch;
    (void)msginfo;
    microkit_deferred_notify(2);
    microkit_deferred_notify(3);
    microkit_dbg_puts("server: deferred notify 2 then 3, replying\n");
    return microkit_msginfo_new(0, 0);
}
