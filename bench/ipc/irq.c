/*
 * IRQ latency: from the deadline of a timer interrupt to the first
 * instruction of notified(). This PD drives the EL1 physical timer (INTID
 * 30) from EL0. When bench notifies it, it takes ROUNDS_IRQ interrupts and
 * reports their mean latency; bench either waits (the kernel is idle when
 * the timer fires) or spins (the interrupt preempts it).
 *
 * The deadline is a counter value (ticks of 16 instructions); the moment
 * notified() starts is read from the PMU cycle counter, which under
 * -icount shift=0 counts instructions (counter.h). init() finds the offset
 * between the two to within +-2 instructions.
 */
#include <microkit.h>
#include "counter.h"

#define IRQ_TIMER  0
#define CH_BENCH   1
#define ROUNDS_IRQ 200
#define DELAY      400 /* ticks from arming to the deadline: past the idle loop's exit-when-idle scan */

static seL4_Word offset; /* instructions: virtual time = cycles() + offset */
static seL4_Word cval, sum, count, phase;

static void arm(void)
{
    seL4_Word now;

    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(now));
    cval = now + DELAY;
    __asm__ volatile("msr cntp_cval_el0, %0; msr cntp_ctl_el0, %1; isb" ::"r"(cval), "r"(1UL));
}

void init(void)
{
    seL4_Word c0 = counter(), c, p;

    /* The iteration that first sees the next tick read it within 5
     * instructions after the tick began (a loop pass is 5), and the cycle
     * counter one instruction after that read. */
    __asm__ volatile("1: isb\n mrs %0, cntvct_el0\n mrs %1, pmccntr_el0\n cmp %0, %2\n b.eq 1b"
                     : "=&r"(c), "=&r"(p) : "r"(c0) : "cc");
    offset = c * INSNS_PER_TICK + 3 - p;
}

void notified(microkit_channel ch)
{
    seL4_Word now = cycles() + offset;

    if (ch == IRQ_TIMER) {
        seL4_Word ctl;
        __asm__ volatile("mrs %0, cntp_ctl_el0" : "=r"(ctl));
        if (!(ctl & 4) || now < cval * INSNS_PER_TICK) {
            bench_fail("IRQ: notified before the timer fired, round", count);
            return;
        }
        sum += now - cval * INSNS_PER_TICK;
        if (++count < ROUNDS_IRQ) {
            arm();
        } else {
            __asm__ volatile("msr cntp_ctl_el0, xzr; isb");
            report_insns(phase == 1 ? "IRQ latency, idle" : "IRQ latency, preempting a running PD", sum, count);
            microkit_notify(CH_BENCH);
        }
        microkit_irq_ack(IRQ_TIMER);
        return;
    }
    phase++;
    sum = count = 0;
    arm();
}
