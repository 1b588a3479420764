/* What the kernel does when no PD can run. */
#include "kernel.h"
#include "sched.h"

/*
 * Could anything still make a PD runnable? An interrupt a waiting PD may
 * receive, the end of the period a parked PD waits for, or the domain a
 * runnable PD waits for.
 */
static int idle_can_wake(void)
{
    for (unsigned i = 0; i < npds; i++) {
        if (pds[i].throttled_on && parked_can_wake(&pds[i]))
            return 1;
        for (unsigned id = 0; id < MK_MAX_IDS; id++)
            if (pds[i].irq[id] && pds[i].state == PD_WAITING)
                return 1;
    }
    return 0;
}

/*
 * Wait for an interrupt to make a PD runnable. With MK_FLAG_EXIT_WHEN_IDLE
 * (system tests) and no interrupt source that could wake anything, the
 * system is finished: say so and power off.
 */
struct pd *idle(void)
{
    timer_idle();
    for (;;) {
        if ((systable->flags & MK_FLAG_EXIT_WHEN_IDLE) && !idle_can_wake()) {
            kputs("minikit| all PDs idle, powering off\n");
            plat_poweroff();
        }
        arch_wait_for_interrupt();
        struct pd *p = sched_pick();
        if (p)
            return p;
    }
}

/* An interrupt woke the idle loop: it may have made PDs runnable. */
void idle_irq(void)
{
    irq_dispatch(NULL);
}
