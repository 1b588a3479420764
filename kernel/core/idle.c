/* What the kernel does when no PD can run. */
#include "kernel.h"

/*
 * Wait for an interrupt to make a PD runnable. With MK_FLAG_EXIT_WHEN_IDLE
 * (system tests) and no interrupt source that could wake anything, the
 * system is finished: say so and power off.
 */
struct pd *idle(void)
{
    for (;;) {
        if ((systable->flags & MK_FLAG_EXIT_WHEN_IDLE) && systable->nirqs == 0) {
            kputs("minikit| all PDs idle, powering off\n");
            plat_poweroff();
        }
        __asm__ volatile("msr daifclr, #2\n wfi\n msr daifset, #2" ::: "memory");
        struct pd *p = sched_pick();
        if (p)
            return p;
    }
}

/* No interrupt source is enabled yet, so an interrupt here is a kernel bug. */
void idle_irq(void)
{
    panic("unexpected interrupt while idle");
}
