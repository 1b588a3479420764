/*
 * Programs the EL1 physical timer for a 10 ms expiry, TICKS times. On each
 * notification it checks the timer has really fired, then leaves the line
 * asserted for another 10 ms to see that no second notification comes
 * while the IRQ is masked, rearms and acknowledges (alternately with
 * microkit_irq_ack and microkit_deferred_irq_ack).
 */
#include <microkit.h>

#define TIMER_IRQ 5
#define TICKS     5

#define CTL_ENABLE  (1u << 0)
#define CTL_ISTATUS (1u << 2)

static unsigned ticks;
static seL4_Word period; /* counter ticks in 10 ms */
static bool in_handler;

static seL4_Word counter(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
    return v;
}

static void arm(void)
{
    __asm__ volatile("msr cntp_tval_el0, %0" :: "r"(period));
    __asm__ volatile("msr cntp_ctl_el0, %0; isb" :: "r"((seL4_Word)CTL_ENABLE));
}

static seL4_Word timer_ctl(void)
{
    seL4_Word v;
    __asm__ volatile("mrs %0, cntp_ctl_el0" : "=r"(v));
    return v;
}

void init(void)
{
    seL4_Word freq;

    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    period = freq / 100;
    arm();
    microkit_dbg_puts("ticker: timer armed\n");
}

void notified(microkit_channel ch)
{
    if (ch != TIMER_IRQ || in_handler) {
        microkit_dbg_puts("ticker: TEST_FAIL: unexpected notification\n");
        return;
    }
    if (!(timer_ctl() & CTL_ISTATUS)) {
        microkit_dbg_puts("ticker: TEST_FAIL: notified but the timer has not fired\n");
    }
    ticks++;
    microkit_dbg_puts("ticker: tick ");
    microkit_dbg_put32(ticks);
    microkit_dbg_puts("\n");

    /* The line is still asserted: a masked IRQ must not be delivered again. */
    seL4_Word until = counter() + period;
    while (counter() < until) {
    }

    if (ticks == TICKS) {
        __asm__ volatile("msr cntp_ctl_el0, %0; isb" :: "r"((seL4_Word)0));
        microkit_dbg_puts("ticker: TEST_PASS\n");
        return;
    }
    arm();
    if (ticks % 2) {
        microkit_irq_ack(TIMER_IRQ);
    } else {
        microkit_deferred_irq_ack(TIMER_IRQ);
    }
}
