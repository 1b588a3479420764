/* Never waits: always ready below everyone else. */
#pragma GCC target("general-regs-only")
#include <microkit.h>

void init(void)
{
    for (;;)
        __asm__ volatile("" ::: "memory");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
