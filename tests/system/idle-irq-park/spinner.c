/* Spins until its budget parks it (idle-irq-park.system). */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("spinner: spinning\n");
    for (;;) {
        __asm__ volatile("" ::: "memory");
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
