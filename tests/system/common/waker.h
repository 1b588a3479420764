/*
 * The PD under test gets the CPU back from idle without a switch: its first
 * timer IRQ arrives while the other PD made the kernel idle; it then re-arms
 * the timer and waits, so that the kernel idles on *its* wait and resumes
 * *it* on the second IRQ (entry.S's exit to the same PD). From there it
 * wakes the other PD and spins for 20 ms of wall-clock time, measuring how
 * long it really ran: gaps in the counter are time the scheduler gave away.
 */
#include <microkit.h>
#include "ptimer.h"

#define TIMER 2
#define OTHER 1

static unsigned irqs;

static void put_us(seL4_Word ticks, seL4_Word freq)
{
    microkit_dbg_put32((seL4_Uint32)(ticks * 1000000 / freq));
}

/* Spin for `total` ticks; returns the ticks it ran, sets the first run's length. */
static seL4_Word spin_and_measure(seL4_Word total, seL4_Word *first_run)
{
    seL4_Word freq = counter_freq(), start = counter(), last = start, ran = 0, run_start = start;
    seL4_Word gap = freq / 50000; /* 20 us: more than one loop turn, less than any slice */

    *first_run = 0;
    for (;;) {
        seL4_Word now = counter();
        if (now - last > gap) {
            if (!*first_run)
                *first_run = last - run_start;
            ran += last - run_start;
            run_start = now;
        }
        last = now;
        if (now - start >= total)
            break;
    }
    ran += last - run_start;
    if (!*first_run)
        *first_run = ran;
    return ran;
}

void init(void)
{
    timer_at(counter() + counter_freq() / 1000);
}

static void measured(seL4_Word ran, seL4_Word first, seL4_Word total, seL4_Word freq);

void notified(microkit_channel ch)
{
    if (ch != TIMER)
        return;
    if (++irqs == 1) {
        timer_at(counter() + counter_freq() / 1000);
        microkit_irq_ack(TIMER);
        return; /* the kernel idles on this wait and resumes this PD */
    }
    timer_off();
    microkit_notify(OTHER);
    seL4_Word freq = counter_freq(), total = freq / 50, first;
    seL4_Word ran = spin_and_measure(total, &first);
    microkit_dbg_puts(NAME ": after idle, ran ");
    put_us(ran, freq);
    microkit_dbg_puts(" us of ");
    put_us(total, freq);
    microkit_dbg_puts(" us, first run ");
    put_us(first, freq);
    microkit_dbg_puts(" us\n");
    measured(ran, first, total, freq);
}
