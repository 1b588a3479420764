/* The three servers (one ELF): record when protected() ran, answer msg[0] * 10. */
#include "share.h"

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

seL4_MessageInfo_t protected(microkit_channel ch, microkit_msginfo msginfo)
{
    seL4_Word id = microkit_mr_get(0);

    (void)ch, (void)msginfo;
    if (id >= 1 && id <= 3)
        SERVED[id] = now();
    microkit_mr_set(0, id * 10);
    return microkit_msginfo_new(0, 1);
}
