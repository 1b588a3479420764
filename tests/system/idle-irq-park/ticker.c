/* An IRQ pending when the kernel idles around a parked PD (idle-irq-park.system). */
#include <microkit.h>
#include "ptimer.h"

#define TIMER 2
#define ROUNDS 5

static unsigned rounds;

void init(void)
{
    timer_at(counter() + counter_freq() / 200); /* in 5 ms: the spinner is parked by then */
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
    timer_at(0);
    microkit_deferred_irq_ack(TIMER);
}
