/*
 * Domain a, budget 100 us every 1000 us: spins through 5 ms of counter time
 * (getting a tenth of a's slots), notifies b (domain b) and stops. The
 * kernel must not power off then: b is runnable, only waiting for its domain.
 */
#include "../domains-order/clock.h"

void init(void)
{
    seL4_Word t0 = now();

    while (us(now() - t0) < 5000)
        ;
    microkit_dbg_puts("a: spun 5 ms on 100 us per 1000 us, notifying b\n");
    microkit_notify(1);
}

void notified(microkit_channel ch)
{
    (void)ch;
}
