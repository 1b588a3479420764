/* Passive, priority 200: restarts its faulted child, then works for WORK_US. */
#include "share.h"

#define CHILD 1

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    volatile struct share *s = (volatile struct share *)shared;

    (void)child, (void)msginfo, (void)reply_msginfo;
    microkit_pd_restart(CHILD, 0x200000); /* no longer serving the child: on the parent's own budget from here */
    s->work_start = counter();
    spin_us(WORK_US);
    s->work_end = counter();
    return seL4_False;
}
