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
 *
 * No wake-up can be lost: the kernel runs with IRQs masked from every
 * exception entry to the ERET back to EL0 and never unmasks them, idle
 * included. The caller found no runnable PD with IRQs masked; WFI with IRQs
 * masked still returns as soon as an interrupt is pending (one already
 * pending before it included); and the pending interrupts are then read
 * from the GIC directly (irq_dispatch polls the acknowledge register), not
 * taken as an exception. An IRQ exception at EL1 is therefore a kernel bug
 * (entry.S: kernel_irq panics). Every path that blocks the running PD ends
 * here through schedule_next() or a fault's stop.
 *
 * When idle ends, time accounting restarts with the PD that runs next
 * (timer_idle_end): entry.S may resume that PD through an exit that does
 * not switch, so the accounting cannot wait for a switch.
 */
struct pd *idle(void)
{
    struct pd *(*dispatch)(struct pd *) = vms ? irq_dispatch_vm : irq_dispatch; /* chosen before the sleep */

    timer_idle();
    TRACE(TR_SWITCH, NULL, NULL, 0, 0);
    for (;;) {
#ifdef MK_CONFIG_TRACE
        if (!idle_can_wake())
            trace_quiescent(); /* prints the timeline, once */
#endif
        if ((systable->flags & MK_FLAG_EXIT_WHEN_IDLE) && !idle_can_wake()) {
            kputs("minikit| all PDs idle, powering off\n");
            plat_poweroff();
        }
        arch_wait_for_interrupt();
        dispatch(NULL);
#ifdef MK_CONFIG_DEBUG
        sched_check(NULL);
#endif
        struct pd *p = sched_pick();
        if (p) {
            timer_idle_end(p);
            TRACE(TR_SWITCH, p, NULL, 0, 0);
            return p;
        }
    }
}
