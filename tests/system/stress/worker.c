/*
 * One of 62 workers on a ring. When the token arrives (notified on id 1)
 * the worker reports the step to the hub by PPC and passes the token on.
 * w0 starts the ring and, after STRESS_ROUNDS laps, asks the hub to check.
 */
#include <microkit.h>
#include "stress.h"

#define HUB  0
#define PREV 1
#define NEXT 2

static seL4_Word steps;

static bool is_first(void)
{
    return microkit_name[0] == 'w' && microkit_name[1] == '0' && microkit_name[2] == '\0';
}

static void step(void)
{
    steps++;
    microkit_mr_set(0, steps);
    microkit_msginfo reply = microkit_ppcall(HUB, microkit_msginfo_new(LABEL_STEP, 1));
    if (microkit_msginfo_get_label(reply) != 0) {
        microkit_dbg_puts(microkit_name);
        microkit_dbg_puts(": TEST_FAIL: the hub rejected a step\n");
    }
    microkit_notify(NEXT);
}

void init(void)
{
    if (is_first()) {
        microkit_dbg_puts("w0: starting the token, ");
        microkit_dbg_put32(STRESS_ROUNDS);
        microkit_dbg_puts(" rounds\n");
        step();
    }
}

void notified(microkit_channel ch)
{
    if (ch != PREV) {
        microkit_dbg_puts(microkit_name);
        microkit_dbg_puts(": TEST_FAIL: notified on an unexpected id\n");
        return;
    }
    if (is_first() && steps == STRESS_ROUNDS) {
        microkit_mr_set(0, STRESS_ROUNDS);
        microkit_ppcall(HUB, microkit_msginfo_new(LABEL_DONE, 1));
        return;
    }
    step();
}
