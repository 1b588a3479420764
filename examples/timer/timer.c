/*
 * A timer driver on the ARM generic timer: it asks for an interrupt every
 * second and prints the time when each arrives, for ever.
 */
#include <stdint.h>
#include <microkit.h>

#define TIMER_IRQ 0

#define CNTP_CTL_ENABLE (1u << 0)

static uint64_t frequency; /* counter ticks per second */

static uint64_t counter(void)
{
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
    return v;
}

/* Arms a one-shot expiry after `ticks`; a level interrupt until rearmed. */
static void timer_set_timeout(uint64_t ticks)
{
    __asm__ volatile("msr cntp_tval_el0, %0" :: "r"(ticks));
    __asm__ volatile("msr cntp_ctl_el0, %0; isb" :: "r"((uint64_t)CNTP_CTL_ENABLE));
}

static void put_seconds(uint64_t ticks)
{
    uint64_t ms = ticks / (frequency / 1000);

    microkit_dbg_put32(ms / 1000);
    microkit_dbg_puts(".");
    microkit_dbg_putc('0' + (ms / 100) % 10);
    microkit_dbg_putc('0' + (ms / 10) % 10);
    microkit_dbg_putc('0' + ms % 10);
    microkit_dbg_puts(" s");
}

void init(void)
{
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(frequency));
    microkit_dbg_puts("TIMER: starting, now ");
    put_seconds(counter());
    microkit_dbg_puts(", one tick per second\n");
    timer_set_timeout(frequency);
}

void notified(microkit_channel ch)
{
    static unsigned ticks;

    if (ch != TIMER_IRQ) {
        microkit_dbg_puts("TIMER: unexpected notification\n");
        return;
    }
    /* Rearming clears the interrupt condition before it is unmasked. */
    timer_set_timeout(frequency);
    microkit_irq_ack(ch);
    microkit_dbg_puts("TIMER: tick ");
    microkit_dbg_put32(++ticks);
    microkit_dbg_puts(", now ");
    put_seconds(counter());
    microkit_dbg_puts("\n");
}
