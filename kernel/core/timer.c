/*
 * Time: the EL1 virtual timer (INTID 27) is the kernel's; the physical timer
 * is left to PDs (semantics.md §7).
 *
 * Round-robin among equal priorities: a tick every time slice (the default
 * budget, 1000 us) moves the running PD behind the other ready PDs of its
 * priority. The tick runs only when two PDs share a priority, so systems
 * without equal priorities take no timer interrupts at all.
 */
#include "kernel.h"
#include "sysreg.h"
#include "gic.h"

#define SLICE_US 1000

static u64 slice_ticks;
static int ticking;

static void timer_arm(void)
{
    write_sysreg(cntv_tval_el0, slice_ticks);
    write_sysreg(cntv_ctl_el0, 1); /* enabled, not masked */
}

void timer_init(void)
{
    slice_ticks = read_sysreg(cntfrq_el0) / 1000000 * SLICE_US;
    for (unsigned i = 0; i < npds && !ticking; i++)
        for (unsigned j = i + 1; j < npds; j++)
            if (pds[i].prio == pds[j].prio) {
                ticking = 1;
                break;
            }
    if (ticking) {
        gic_configure(27, 0);
        gic_unmask(27);
        timer_arm();
    }
}

/* A slice is over; irq.c rotates the running PD behind its equals. */
void timer_tick(void)
{
    timer_arm();
}
