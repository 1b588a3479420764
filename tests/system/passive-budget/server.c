/* Passive: protected() spins for CALL_MS of counter time. */
#include "share.h"

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    volatile struct share *s = (volatile struct share *)shared;
    seL4_Word freq = counter_freq();

    (void)ch, (void)msginfo;
    s->call_start = counter();
    while (counter() < s->call_start + freq / 1000 * CALL_MS)
        ;
    s->call_end = counter();
    return microkit_msginfo_new(0, 0);
}
