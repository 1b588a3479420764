/*
 * Debug builds: a watchdog for starvation. When one PD has kept the CPU for
 * WATCHDOG_LIMIT_MS of timer time without waiting, while PDs of lower
 * priority were ready and got no CPU, the console gets one warning naming
 * them (once per PD). A PD spinning in init at high priority otherwise
 * starves the rest of the system in silence.
 *
 * It costs the IPC paths nothing, and release and benchmark kernels do not
 * have it at all:
 *   - the kernel timer ticks every WATCHDOG_TICK_MS for it (core/timer.c
 *     takes its deadline into account, in debug builds only);
 *   - at a tick that interrupts a PD while a lower-priority PD is ready, the
 *     watchdog starts suspecting that PD and asks for the switch hooks
 *     (switch_hooks_set, which also sends every syscall to the C path,
 *     where the hooks run); the first switch
 *     to a PD of lower priority than the suspect ends the suspicion (the
 *     suspect waited, or lower-priority work got the CPU) and turns them
 *     off again. A suspicion that lasts WATCHDOG_LIMIT_MS is a warning.
 */
#include "kernel.h"
#include "sched.h"
#include "sysreg.h"

#ifdef MK_CONFIG_DEBUG

#define WATCHDOG_TICK_MS  250
#define WATCHDOG_LIMIT_MS 2000
#define WATCHDOG_HOOK     2u /* our bit in switch_hooks_on (any non-zero value turns them on) */

int watchdog_armed;          /* a suspicion stands: switch_hooks calls watchdog_switch */
static struct pd *suspect;   /* the PD that had the CPU while lower-priority PDs waited */
static u64 suspect_since;    /* counter value when the suspicion began */
static u64 warned;           /* bit i: PD i was warned about (one warning each) */
static u64 next_tick;

static u64 ms_to_ticks(u64 ms)
{
    return read_sysreg(cntfrq_el0) / 1000 * ms;
}

/* The next moment the watchdog wants the timer (core/timer.c: timer_program). */
u64 watchdog_deadline(void)
{
    if (!next_tick)
        next_tick = read_sysreg(cntvct_el0) + ms_to_ticks(WATCHDOG_TICK_MS);
    return next_tick;
}

static void disarm(void)
{
    suspect = NULL;
    watchdog_armed = 0;
    switch_hooks_clear(WATCHDOG_HOOK); /* fpu.c and timer.c keep their own bit set */
}

/* A switch (switch_hooks) while armed: `next` takes the CPU. */
void watchdog_switch(struct pd *next)
{
    if (next && suspect && next->prio < suspect->prio)
        disarm();
}

/* Is any PD of priority below `prio` in a ready queue? */
static int lower_ready(unsigned prio)
{
    if ((ready_summary & READY_SLOT) && ready_slot->prio < prio)
        return 1;
    for (unsigned p = 0; p < prio; p++)
        if (ready_head[p])
            return 1;
    return 0;
}

static void warn(struct pd *hog, u64 t)
{
    u64 ms = (t - suspect_since) / ms_to_ticks(1);

    kprintf("minikit| watchdog: PD '%.64s' (priority %u) has run for %lu ms without waiting, while PDs of lower "
            "priority are ready:", hog->desc->name, hog->prio, ms);
    if ((ready_summary & READY_SLOT) && ready_slot->prio < hog->prio)
        kprintf(" '%.64s' (priority %u)", ready_slot->desc->name, ready_slot->prio);
    for (int p = hog->prio - 1; p >= 0; p--)
        for (struct pd *q = ready_head[p]; q; q = q->next)
            kprintf(" '%.64s' (priority %u)", q->desc->name, q->prio);
    kputs("\nminikit|   they get no CPU until it waits (returns from init, notified or protected); "
          "a busy loop there starves them\n");
}

/* The kernel timer fired while `self` ran (NULL: idle) at counter value t. */
void watchdog_tick(struct pd *self, u64 t)
{
    if (t < next_tick)
        return;
    next_tick = t + ms_to_ticks(WATCHDOG_TICK_MS);
    if (!self || !lower_ready(self->prio)) {
        disarm();
        return;
    }
    if (!suspect) {
        suspect = self;
        suspect_since = t;
        watchdog_armed = 1;
        switch_hooks_set(WATCHDOG_HOOK); /* and the fast paths off: they run no hooks */
        return;
    }
    /* Still suspected: nothing of lower priority than the suspect has run since. */
    if (t - suspect_since >= ms_to_ticks(WATCHDOG_LIMIT_MS) && !((warned >> self->index) & 1)) {
        warned |= 1ULL << self->index;
        warn(self, t);
    }
}

#endif
