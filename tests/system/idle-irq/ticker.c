/* An IRQ pending before the kernel idles, ROUNDS times over (idle-irq.system). */
#include <microkit.h>
#include "ptimer.h"

#define TIMER 2
#define ROUNDS 5

static unsigned rounds;

void init(void)
{
    timer_at(0); /* pending now; libmicrokit's ack after init() lets it in */
}

void notified(microkit_channel ch)
{
    if (ch != TIMER) {
        microkit_dbg_puts("ticker: TEST_FAIL: unexpected notification\n");
        return;
    }
    rounds++;
    microkit_dbg_puts("ticker: round ");
    microkit_dbg_put32(rounds);
    microkit_dbg_puts("\n");
    if (rounds == ROUNDS) {
        timer_off();
        microkit_dbg_puts("ticker: TEST_PASS\n");
        return;
    }
    timer_at(0);                       /* still in the past: the line stays asserted */
    microkit_deferred_irq_ack(TIMER);  /* unmasked by the wait, which then idles */
}
