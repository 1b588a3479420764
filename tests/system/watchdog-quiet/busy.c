#include <stdint.h>
#include <microkit.h>

static uint64_t start, freq;
static unsigned rounds;

static uint64_t counter(void)
{
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}

static void work(void)
{
    uint64_t t = counter();

    while (counter() - t < freq / 50) /* 20 ms */
        ;
    rounds++;
    if (counter() - start < 3 * freq) {
        microkit_notify(1);
    } else {
        microkit_dbg_puts("busy: 3 s of work done\n");
    }
}

void init(void)
{
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    start = counter();
    microkit_dbg_puts("busy: working\n");
    work();
}

void notified(microkit_channel ch)
{
    (void)ch;
    work();
}
