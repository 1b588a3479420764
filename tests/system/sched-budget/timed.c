/* Priority 150, 250 us every 1000 us: opens the window and spins through it. */
#include "share.h"

void init(void)
{
    volatile struct share *s = (volatile struct share *)shared;

    s->start = counter();
    s->end = s->start + WINDOW_MS * 1000 * ticks_per_us();
    microkit_dbg_puts("timed: spinning for 40 ms\n");
    measure(TIMED);
}

void notified(microkit_channel ch)
{
    (void)ch;
}
