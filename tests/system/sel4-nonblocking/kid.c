/* Faults at once with known registers: x0 = 0x10 (the address), x19 = 0x1919, x28 = 0x2828. */
#include <microkit.h>

void init(void)
{
    __asm__ volatile("mov x19, #0x1919\n"
                     "mov x28, #0x2828\n"
                     "mov x0, #0x10\n"
                     "str xzr, [x0]\n" ::: "x0", "x19", "x28", "memory");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
