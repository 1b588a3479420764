/* Spins in init for 3 s of the generic timer (readable from EL0). */
#include <stdint.h>
#include <microkit.h>

static uint64_t counter(void)
{
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}

void init(void)
{
    uint64_t freq, start = counter();

    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    microkit_dbg_puts("hog: spinning for 3 s\n");
    while (counter() - start < 3 * freq)
        ;
    microkit_dbg_puts("hog: done\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
