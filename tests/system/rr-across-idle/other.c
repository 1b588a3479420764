/* Spins once woken: round-robin must give it every other slice. */
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
