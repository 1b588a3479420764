/* Every 5 ms for 40 ticks, never more than 2 ms late, whatever the guest does (vm-storm.system). */
#include <microkit.h>
#include "ptimer.h"

#define TIMER 2
#define VMM   1
#define TICKS 40

uintptr_t progress;

static unsigned ticks;
static seL4_Word due, period, worst;

void init(void)
{
    period = counter_freq() / 200;
    due = counter() + period;
    timer_at(due);
}

void notified(microkit_channel ch)
{
    seL4_Word now = counter(), late;

    if (ch != TIMER) {
        return;
    }
    late = now > due ? now - due : 0;
    if (late > worst) {
        worst = late;
    }
    if (++ticks == TICKS) {
        timer_off();
        microkit_dbg_puts("ticker: 40 ticks, the latest ");
        microkit_dbg_put32((seL4_Uint32)(worst * 1000000 / counter_freq()));
        microkit_dbg_puts(" us late\n");
        if (worst > counter_freq() / 500) {
            microkit_dbg_puts("ticker: TEST_FAIL: more than 2 ms late\n");
        }
        if (*(volatile seL4_Word *)progress == 0) {
            microkit_dbg_puts("ticker: TEST_FAIL: the low-priority PD never ran\n");
        } else {
            microkit_dbg_puts("ticker: the low-priority PD ran beside the storming guest\n");
        }
        microkit_notify(VMM);
        return;
    }
    due += period;
    timer_at(due);
    microkit_deferred_irq_ack(TIMER);
}
