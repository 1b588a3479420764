/*
 * Time: budgets, periods and round-robin slices (docs/concepts.md, "Scheduling").
 * The EL1 virtual timer (INTID 27) is the kernel's; the physical timer is
 * left to PDs (docs/board.md, timers). In a system with virtual machines the
 * guests own the virtual timer, and the kernel's is the EL2 physical timer
 * (INTID 26), programmed through EL2 (arch/aarch64/vm_boot.c).
 *
 * Each PD has a scheduling context: `budget` ticks of CPU in every `period`.
 * A PD with budget < period is "timed": the time it runs is charged to it,
 * and when its budget is spent it is parked (throttled_on) until its next
 * period begins (periodic replenishment; indistinguishable from seL4's
 * sporadic servers when budget == period). A passive PD runs on the budget
 * of the PD that called it.
 *
 * Round-robin: among PDs of equal priority the running one gets a slice (its
 * budget, 1000 us by default) and then goes behind the others. A slice is
 * used up only while its PD runs: being preempted does not renew it.
 *
 * All of this costs the IPC paths nothing unless the system needs it: the
 * per-switch accounting runs only when some PD is timed, two PDs share a
 * priority or the system has domains ("timing").
 *
 * Domains (core/domain.c): the end of the current schedule entry is one more
 * deadline; timer_tick hands it to domain_tick.
 */
#include "kernel.h"
#include "sched.h"
#include "sysreg.h"
#include "gic.h"
#include "vgic.h"
#include <minikit/board.h>


int timing;                  /* any timed PD or equal priorities: account on switches */
static int budgets;          /* any timed PD */
static int slicing;          /* some priority has two PDs */
static struct pd *on_cpu;    /* the PD running since dispatched_at (NULL: idle) */
static struct pd *on_cpu_sc; /* whose budget (and slice) it runs on */
static u64 dispatched_at;

static u64 now(void)
{
    return read_sysreg(cntvct_el0);
}

static u64 us_to_ticks(u64 us, u64 freq)
{
    return us * (freq / 1000000) + us * (freq % 1000000) / 1000000;
}

/* A passive PD serving a call runs on its caller's budget (transitively). */
static struct pd *sc_of(struct pd *p)
{
    while (p->passive && p->caller)
        p = p->caller;
    return p;
}

/* Start a new period if the current one is over. */
static void replenish_if_due(struct pd *sc, u64 t)
{
    if (t < sc->period_end)
        return;
    u64 missed = (t - sc->period_end) / sc->period;
    sc->period_end += (missed + 1) * sc->period;
    sc->remaining = (int64_t)sc->budget;
}

/* Charge the PD on the CPU for the time since it was dispatched. */
static void charge(u64 t)
{
    if (on_cpu) {
        on_cpu_sc->slice_left -= (int64_t)(t - dispatched_at);
        if (on_cpu_sc->timed) {
            replenish_if_due(on_cpu_sc, t);
            on_cpu_sc->remaining -= (int64_t)(t - dispatched_at);
        }
    }
    dispatched_at = t;
}

static u64 until(int64_t ticks_left)
{
    return dispatched_at + (u64)(ticks_left > 0 ? ticks_left : 0);
}

/* The next moment the kernel must act: a slice ends, a budget runs out, a period begins. */
static void timer_program(void)
{
    u64 deadline = ~0ULL;

    if (on_cpu && slicing)
        deadline = until(on_cpu_sc->slice_left);
    if (on_cpu && on_cpu_sc->timed && until(on_cpu_sc->remaining) < deadline)
        deadline = until(on_cpu_sc->remaining);
    if (budgets)
        for (unsigned i = 0; i < npds; i++)
            if (pds[i].throttled_on == &pds[i] && pds[i].period_end < deadline)
                deadline = pds[i].period_end;
    if (domains && domain_end < deadline)
        deadline = domain_end; /* the current domain's entry ends (core/domain.c) */
#ifdef MK_CONFIG_DEBUG
    if (watchdog_deadline() < deadline)
        deadline = watchdog_deadline(); /* core/watchdog.c's next look */
#endif
    if (vms) {
        arch_timer_el2_set(deadline); /* ~0: off */
        return;
    }
    if (deadline == ~0ULL) {
        write_sysreg(cntv_ctl_el0, 2); /* masked */
        return;
    }
    write_sysreg(cntv_cval_el0, deadline);
    write_sysreg(cntv_ctl_el0, 1);
}

void timer_init(void)
{
    u64 freq = read_sysreg(cntfrq_el0), t = now();
    u64 prios_seen[NUM_PRIOS / 64] = { 0 };

    for (unsigned i = 0; i < npds; i++) {
        struct pd *p = &pds[i];
        p->budget = us_to_ticks(p->desc->budget_us, freq);
        p->period = us_to_ticks(p->desc->period_us, freq);
        if (p->desc->budget_us < MK_MIN_BUDGET_US || p->period == 0 || p->budget > p->period)
            panic(BAD_TABLE "PD %u has budget %lu us, period %lu us", i, p->desc->budget_us,
                  p->desc->period_us);
        p->timed = p->budget < p->period;
        p->remaining = (int64_t)p->budget;
        p->slice_left = (int64_t)p->budget;
        p->period_end = t + p->period;
        budgets |= p->timed;
        slicing |= (int)(prios_seen[p->prio / 64] >> (p->prio % 64)) & 1; /* a second PD at this priority */
        prios_seen[p->prio / 64] |= 1ULL << (p->prio % 64);
    }
    timing = budgets || slicing || domains;
    unsigned intid = vms ? VGIC_HYPTIMER_INTID : MK_IRQ_KERNEL_TIMER; /* core/irq.c knows both */
    switch_hooks_init(timing || vms); /* vCPUs are entered from the switch hooks' path (entry.S) */
#ifdef MK_CONFIG_DEBUG
    /* The watchdog (core/watchdog.c) needs the timer in every debug system. */
    gic_configure(intid, 0);
    gic_unmask(intid);
    timer_program();
#else
    if (timing) {
        gic_configure(intid, 0);
        gic_unmask(intid);
    }
#endif
}

/* A switch (switch_hooks): `next` takes the CPU (NULL: the kernel goes idle). */
void timer_switch(struct pd *next)
{
    charge(now());
    on_cpu = next;
    if (next)
        on_cpu_sc = sc_of(next);
    timer_program();
}

/*
 * The PD on the CPU may now run on another budget without a switch: a
 * passive PD took its next caller (or a notification, on its own budget)
 * in the wait that answered the previous one, a poll gave it a caller, or a
 * restart or stop took a caller out of its chain. timer_switch looks the
 * scheduling context up only at switches; without this the time until the
 * next switch was charged to the PD just answered, whose budget could then
 * run out while it sat in a ready queue (a parked PD in a ready queue: run
 * anyway, or queued twice at its next period). The time so far goes to the
 * old context, the rest to the new one.
 */
void timer_rebind(void)
{
    if (!timing || !on_cpu)
        return;
    struct pd *sc = sc_of(on_cpu);
    if (sc == on_cpu_sc)
        return;
    charge(now());
    on_cpu_sc = sc;
    timer_program();
}

/* Park the running PD and everything on the budget it spent. */
static void throttle(struct pd *sc)
{
    TRACE(TR_EXHAUSTED, sc, NULL, 0, 0);
    sc->throttled_on = sc;
    on_cpu->throttled_on = sc;
}

/* Wake what waited for budgets replenished by now. */
static void release_due(u64 t)
{
    for (unsigned i = 0; i < npds; i++) {
        struct pd *sc = &pds[i];
        if (sc->throttled_on != sc || t < sc->period_end)
            continue;
        replenish_if_due(sc, t);
        TRACE(TR_REPLENISHED, sc, NULL, 0, 0);
        for (unsigned j = 0; j < npds; j++)
            if (pds[j].throttled_on == sc) {
                pds[j].throttled_on = domain_gate(&pds[j]); /* NULL, or parked for its domain */
                if (pds[j].state == PD_RUNNABLE && &pds[j] != on_cpu)
                    sched_enqueue(&pds[j]);
            }
    }
}

/*
 * The kernel timer fired while `self` ran (NULL: idle). Returns what to do
 * with self: TIMER_KEEP, TIMER_ROTATE (slice over) or TIMER_PARK (budget spent).
 */
int timer_tick(struct pd *self)
{
    u64 t = now();
    int verdict = TIMER_KEEP;

    charge(t);
    if (budgets)
        release_due(t);
    if (self && on_cpu == self) {
        if (on_cpu_sc->timed && on_cpu_sc->remaining <= 0) {
            throttle(on_cpu_sc);
            on_cpu = NULL; /* off the CPU: don't arm the timer for its spent budget */
            verdict = TIMER_PARK;
        } else if (slicing && on_cpu_sc->slice_left <= 0) {
            on_cpu_sc->slice_left = (int64_t)on_cpu_sc->budget;
            verdict = TIMER_ROTATE;
        }
    }
    /*
     * The verdict follows self's state, not only what this tick did: a PD
     * parked before (by an earlier tick) must never be told "keep". The
     * kernel of the first property-test run took every pending interrupt
     * in one exception; the kernel timer was pending again within the loop,
     * and the second tick kept the PD the first had parked: it ran on while
     * parked and was later queued while running (tests/system/park-on-tick).
     */
    if (self && self->throttled_on)
        verdict = TIMER_PARK;
    if (domains && t >= domain_end && domain_tick(t, verdict == TIMER_PARK ? NULL : self, verdict == TIMER_ROTATE))
        verdict = self ? TIMER_PARK : verdict; /* self's domain has ended: parked until it comes back */
#ifdef MK_CONFIG_DEBUG
    watchdog_tick(verdict == TIMER_PARK ? NULL : self, t);
#endif
    timer_program();
    return verdict;
}

/*
 * seL4_Yield by `self` (running). Returns 1 if self gave up a budget and is
 * parked until its next period, 0 if it only goes behind its equals (with a
 * new slice).
 */
int timer_yield(struct pd *self)
{
    if (!timing || on_cpu != self)
        return 0;
    charge(now());
    if (on_cpu_sc->timed) {
        on_cpu_sc->remaining = 0;
        throttle(on_cpu_sc);
        on_cpu = NULL;
        timer_program();
        return 1;
    }
    on_cpu_sc->slice_left = (int64_t)on_cpu_sc->budget;
    return 0;
}

/* The kernel is about to idle: stop charging the PD that ran last. */
void timer_idle(void)
{
    if (timing)
        timer_switch(NULL);
}

/* timer_idle_end(): inline in kernel.h */
