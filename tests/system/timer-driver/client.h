/*
 * A client of the timer driver, included by slow.c and fast.c with their
 * TIMEOUT_US: asks for a timeout, checks on the notification that at least
 * that much time has passed, three times.
 */
#include <microkit.h>
#include "timer.h"

#define TIMER  0
#define ROUNDS 3

static const seL4_Word timeout_us = TIMEOUT_US;

static seL4_Word asked_at;
static unsigned round;

static seL4_Word timer_now(void)
{
    microkit_ppcall(TIMER, microkit_msginfo_new(TIMER_NOW, 0));
    return microkit_mr_get(0);
}

static void ask(void)
{
    asked_at = timer_now();
    microkit_mr_set(0, timeout_us);
    if (microkit_msginfo_get_label(microkit_ppcall(TIMER, microkit_msginfo_new(TIMER_TIMEOUT, 1))) != 0) {
        microkit_dbg_puts("client: TEST_FAIL: timeout refused\n");
    }
}

void init(void)
{
    ask();
}

void notified(microkit_channel ch)
{
    if (ch != TIMER) {
        return;
    }
    seL4_Word elapsed_us = (timer_now() - asked_at) / 1000;
    round++;
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts(": timeout ");
    microkit_dbg_put32(round);
    if (elapsed_us < timeout_us) {
        microkit_dbg_puts(" TEST_FAIL: too early\n");
        return;
    }
    microkit_dbg_puts(" after at least ");
    microkit_dbg_put32((seL4_Uint32)(timeout_us / 1000));
    microkit_dbg_puts(" ms\n");
    if (round < ROUNDS) {
        ask();
    }
}
