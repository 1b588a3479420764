/* Spins for 3 ms of counter time on 100 us of budget per 1000 us. */
#include <microkit.h>

void init(void)
{
    seL4_Word freq, t0, t;

    __asm__ volatile("mrs %0, cntfrq_el0; isb; mrs %1, cntvct_el0" : "=r"(freq), "=r"(t0));
    do
        __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(t));
    while (t - t0 < freq / 1000 * 3);
    microkit_dbg_puts("solo: spun 3 ms on 100 us per ms\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
