/* Spins once woken: it takes whatever the timed PD's budget leaves. */
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
    for (;;) {
        __asm__ volatile("" ::: "memory");
    }
}
