/* The PPC targets (active and passive): answer every call with MR0 plus one. */
#include <microkit.h>
#include "counter.h"

void init(void)
{
    /* The highest-priority active PD's init() runs first after boot. */
    if (microkit_name[0] == 'p')
        return;
    seL4_Word t = counter();
    microkit_dbg_puts("bench: reset to first init(): ");
    put_u64(t * INSNS_PER_TICK);
    microkit_dbg_puts(" instructions\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    (void)ch;
    (void)msginfo;
    microkit_mr_set(0, microkit_mr_get(0) + 1);
    return microkit_msginfo_new(0, 1);
}
