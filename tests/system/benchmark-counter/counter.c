/* Reads PMCCNTR_EL0 around some work: it must advance. Spins if not. */
#include <microkit.h>

static seL4_Word cycles(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, pmccntr_el0" : "=r"(v));
    return v;
}

void init(void)
{
    seL4_Word start = cycles();
    for (volatile unsigned i = 0; i < 100000; i++) {
    }
    if (cycles() <= start) {
        for (;;) { /* keeps the system from going idle: the test times out */
        }
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
