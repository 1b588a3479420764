/* Passive, priority 200: a 1 ms call for a (which wakes b first), a 2 ms one for b. */
#include "share.h"

#define FROM_A 1
#define FROM_B 2

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

    (void)msginfo;
    if (ch == FROM_A) {
        microkit_notify(FROM_B); /* b runs, and calls, once a's budget is spent */
        spin_us(A_CALL_US);
    } else if (ch == FROM_B) {
        s->b_start = counter();
        spin_us(B_CALL_US);
        s->b_end = counter();
    }
    return microkit_msginfo_new(0, 0);
}
