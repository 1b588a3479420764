/* Priority 254 in domain a: spins forever. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("hog: spinning forever\n");
    for (;;)
        __asm__ volatile("" ::: "memory");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
