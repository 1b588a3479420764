/*
 * A timer driver PD on the EL1 physical timer, which the kernel exports to
 * EL0 (CONFIG_EXPORT_PCNT_USER, CONFIG_EXPORT_PTMR_USER): CNTPCT_EL0 for
 * the time, CNTP_CVAL_EL0 / CNTP_CTL_EL0 for the next expiry, IRQ 30.
 *
 * Clients call it (PPC): label TIMER_TIMEOUT with MR0 = microseconds asks
 * for a notification that long from now (one outstanding timeout per
 * client); label TIMER_NOW returns the time in MR0 (nanoseconds).
 */
#include <microkit.h>
#include "timer.h"

#define TIMER_IRQ 0
#define NCLIENTS  2 /* clients on channels 1 and 2 */
#define NONE      (~(seL4_Word)0)

#define CTL_ENABLE (1u << 0)

static seL4_Word freq;
static seL4_Word deadline[NCLIENTS + 1]; /* by channel, in counter ticks; NONE if idle */

static seL4_Word now(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
    return v;
}

/* Program the hardware for the earliest outstanding deadline, or switch it off. */
static void program(void)
{
    seL4_Word next = NONE;

    for (int c = 1; c <= NCLIENTS; c++) {
        if (deadline[c] < next) {
            next = deadline[c];
        }
    }
    if (next == NONE) {
        __asm__ volatile("msr cntp_ctl_el0, xzr; isb");
        return;
    }
    __asm__ volatile("msr cntp_cval_el0, %0; msr cntp_ctl_el0, %1; isb" ::"r"(next), "r"((seL4_Word)CTL_ENABLE));
}

void init(void)
{
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    for (int c = 0; c <= NCLIENTS; c++) {
        deadline[c] = NONE;
    }
    program();
    microkit_dbg_puts("timer: driver ready\n");
}

void notified(microkit_channel ch)
{
    if (ch != TIMER_IRQ) {
        return;
    }
    seL4_Word t = now();
    for (int c = 1; c <= NCLIENTS; c++) {
        if (deadline[c] <= t) {
            deadline[c] = NONE;
            microkit_notify(c);
        }
    }
    program(); /* also drops the line of the expired compare, before the ack */
    microkit_irq_ack(TIMER_IRQ);
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    switch (microkit_msginfo_get_label(msginfo)) {
    case TIMER_NOW:
        microkit_mr_set(0, now() * 1000000000ULL / freq); /* the counter runs at tens of MHz: no overflow for years */
        return microkit_msginfo_new(0, 1);
    case TIMER_TIMEOUT:
        if (ch >= 1 && ch <= NCLIENTS) {
            deadline[ch] = now() + microkit_mr_get(0) * freq / 1000000;
            program();
            return microkit_msginfo_new(0, 0);
        }
        break;
    }
    return microkit_msginfo_new(1, 0);
}
