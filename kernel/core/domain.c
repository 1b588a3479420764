/*
 * Scheduling domains (docs/kernel.md, "Scheduling domains"), only when the system declares
 * <domains> (MK_FLAG_DOMAINS); otherwise nothing here runs.
 *
 * The kernel's schedule is a table of MK_NUM_DOMAIN_SCHEDULES slots: the
 * tool's entries sit at [shift, shift + n), every other slot is an end
 * marker. Starting at shift + start_index, each entry makes its domain
 * current for its duration (microseconds are converted to ticks of the
 * counter, CNTFRQ_EL0 per second, to the nearest tick); an end marker sends
 * the walk back to the start entry. So index_shift changes where the entries
 * sit, never the order in which they run. Only
 * PDs of the current domain run; priorities apply within it; when it has
 * nothing to run the CPU idles until the entry ends.
 *
 * How PDs of other domains are kept off the CPU without a single extra
 * instruction on the notify, call and reply paths: they are parked like a
 * PD whose budget is spent, with throttled_on = PARKED_FOR_DOMAIN. Those
 * paths already test throttled_on, so a notification or a call to such a PD
 * is delivered (it becomes PD_RUNNABLE) but it is not queued. The ready
 * queues hold the current domain's PDs only: at a domain switch the old
 * domain's queues are emptied (each PD remembers its place in them, so a
 * preempted domain resumes in the same order) and the new domain's runnable
 * PDs are queued.
 *
 * A PD's domain is its thread's, whatever scheduling context it runs on, as
 * on seL4 MCS: a passive server called from another domain serves the call
 * (on its caller's budget) when its own domain is current; so does an active
 * one, on its own budget. The caller waits for the reply meanwhile.
 *
 * Time: the schedule keeps its own clock. An entry ends `duration` ticks
 * after the previous one ended (so a cycle lasts exactly the sum of its
 * durations), unless the kernel is late by more than a whole entry (tiny
 * durations): then that entry runs its full duration from when it starts.
 * core/timer.c arms the timer for the end of the entry, with its budgets and
 * slices, and calls domain_tick when it is due.
 */
#include "kernel.h"
#include "sched.h"
#include "sysreg.h"

#define MAX_DURATION (1ULL << 62) /* ticks; longer durations saturate (146 years at 1 GHz) */

int domains;    /* a domain schedule runs */
u8 cur_domain;  /* the current domain; 0 without domains */
u64 domain_end; /* counter value at which the current entry ends */

/*
 * The schedule: the system table's entries (checked at boot), which are the
 * kernel's table slots [shift, shift + n); the slots around them are end
 * markers, so the walk needs only the entries' own indices. Few words on
 * purpose: every .bss byte is cleared at boot, domains or not.
 */
static const struct mk_sched_entry *sched;
static unsigned sched_n, sched_start, sched_idx; /* indices into sched[] */
static uint16_t cycle_domains; /* the domains the cycle from the start entry ever makes current */
static u64 freq;               /* CNTFRQ_EL0 */

/* Microseconds to ticks of a counter running at freq Hz (CNTFRQ_EL0: 32 bits), nearest tick, at least 1. */
static u64 us_to_ticks_nearest(u64 us)
{
    u64 s = us / 1000000, frac = us % 1000000;

    if (freq && s > MAX_DURATION / freq)
        return MAX_DURATION;
    u64 t = s * freq + (frac * freq + 500000) / 1000000;
    return t ? t : 1;
}

/* Is entry i an end marker? Past the last entry is the implied one. */
static int is_marker(unsigned i)
{
    return i >= sched_n || sched[i].unit == MK_SCHED_END_MARKER;
}

/* The length of entry i (not a marker), in ticks. */
static u64 entry_ticks(unsigned i)
{
    u64 d = sched[i].duration;

    if (sched[i].unit == MK_SCHED_TICKS)
        return d > MAX_DURATION ? MAX_DURATION : d;
    return us_to_ticks_nearest(d);
}

/* Check the table's schedule: the tool is trusted for nothing. */
static void schedule_check(const struct mk_systable *t)
{
    const struct mk_sched_entry *e = (const void *)((const char *)t + t->sched_off);

    if (t->sched_off % 8 || t->sched_off < sizeof(*t) || t->sched_off > t->size ||
        (u64)t->nsched * sizeof(*e) > t->size - t->sched_off)
        panic(BAD_TABLE "the domain schedule lies outside the table");
    if (t->nsched == 0 || t->sched_shift >= MK_NUM_DOMAIN_SCHEDULES ||
        t->nsched >= MK_NUM_DOMAIN_SCHEDULES - t->sched_shift || t->sched_start >= t->nsched)
        panic(BAD_TABLE "domain schedule of %u entries at slot %u, start %u, does not fit %u slots",
              t->nsched, t->sched_shift, t->sched_start, MK_NUM_DOMAIN_SCHEDULES);
    for (unsigned i = 0; i < t->nsched; i++)
        if (e[i].unit != MK_SCHED_END_MARKER &&
            (e[i].domain >= MK_NUM_DOMAINS || e[i].duration == 0 ||
             (e[i].unit != MK_SCHED_US && e[i].unit != MK_SCHED_TICKS)))
            panic(BAD_TABLE "domain schedule entry %u is invalid", i);
    sched = e;
    sched_n = t->nsched;
    sched_start = t->sched_start;
    if (is_marker(sched_start))
        panic(BAD_TABLE "the domain schedule starts at an end marker");
    for (unsigned i = sched_start; !is_marker(i); i++)
        cycle_domains |= (uint16_t)(1u << sched[i].domain);
}

/*
 * Boot, after pds_create and before timer_init: read each PD's domain, make
 * the start entry's domain current and park the other domains' PDs.
 */
void domains_init(const struct mk_systable *t)
{
    const struct mk_pd *d = systable_pds(t);

    freq = read_sysreg(cntfrq_el0);
    schedule_check(t);
    for (unsigned i = 0; i < npds; i++) {
        if (d[i].domain >= MK_NUM_DOMAINS)
            panic(BAD_TABLE "PD %u in domain %u (0..%u)", i, d[i].domain, MK_NUM_DOMAINS - 1);
        pds[i].domain = d[i].domain;
    }
    domains = 1;
    sched_idx = sched_start;
    cur_domain = sched[sched_idx].domain;
    domain_end = read_sysreg(cntvct_el0) + entry_ticks(sched_idx);
    /* pds_create queued every PD but the vCPUs (stopped until their VMM restarts them): keep the current
     * domain's, in the same order. */
    struct pd *p;
    while ((p = sched_pick()))
        p->throttled_on = PARKED_FOR_DOMAIN;
    for (unsigned i = 0; i < npds; i++)
        if (pds[i].domain == cur_domain) {
            pds[i].throttled_on = NULL;
            if (pds[i].state == PD_RUNNABLE)
                sched_enqueue(&pds[i]);
        }
}

/* What a PD whose budget was just replenished is parked on now: nothing, or its domain. */
struct pd *domain_gate(const struct pd *p)
{
    return domains && p->domain != cur_domain ? PARKED_FOR_DOMAIN : NULL;
}

/*
 * Could parked p still run one day (core/idle.c, for --exit-when-idle)? A
 * budget is always replenished; a PD parked for its domain runs once that
 * domain is current if it is runnable and the cycle ever makes it current.
 */
int parked_can_wake(const struct pd *p)
{
    if (p->throttled_on != PARKED_FOR_DOMAIN)
        return 1;
    return p->state == PD_RUNNABLE && (cycle_domains >> p->domain & 1);
}

/* Park the current domain: empty the ready queues, each PD remembering its place. */
static void domain_leave(struct pd *running, int rotate)
{
    unsigned rank = 1;
    struct pd *p;

    if (running && !rotate)
        running->resume_rank = (u8)rank++; /* preempted: first again among its equals */
    while ((p = sched_pick()))
        p->resume_rank = (u8)rank++;
    if (running && rotate)
        running->resume_rank = (u8)rank++; /* its slice ended too: behind its equals */
    for (unsigned i = 0; i < npds; i++)
        if (pds[i].domain == cur_domain && !pds[i].throttled_on)
            pds[i].throttled_on = PARKED_FOR_DOMAIN;
}

/* Make the new domain's PDs schedulable; queue the runnable ones in their old order. */
static void domain_enter(void)
{
    struct pd *by_rank[MK_MAX_PDS + 1] = {0};

    for (unsigned i = 0; i < npds; i++) {
        struct pd *p = &pds[i];
        if (p->domain != cur_domain || p->throttled_on != PARKED_FOR_DOMAIN)
            continue;
        p->throttled_on = NULL;
        if (p->state == PD_RUNNABLE && p->resume_rank && p->resume_rank <= MK_MAX_PDS && !by_rank[p->resume_rank])
            by_rank[p->resume_rank] = p;
        else if (p->state == PD_RUNNABLE)
            sched_enqueue(p); /* became runnable while its domain was away: after those it was behind */
        p->resume_rank = 0;
    }
    for (unsigned r = MK_MAX_PDS; r > 0; r--)
        if (by_rank[r])
            sched_enqueue_front(by_rank[r]);
}

/*
 * The current entry has ended (core/timer.c, at time t). Move to the next
 * entry, or back to the start one at an end marker. If that changes the
 * domain, `running` (the PD on the CPU, NULL when idle; `rotate` if its
 * slice ended as well) is parked with the rest of its domain and 1 is
 * returned: the caller must pick another PD.
 */
int domain_tick(u64 t, struct pd *running, int rotate)
{
    if (is_marker(++sched_idx))
        sched_idx = sched_start;
    u64 ticks = entry_ticks(sched_idx);
    domain_end += ticks;
    if (domain_end <= t)
        domain_end = t + ticks;
    if (sched[sched_idx].domain == cur_domain)
        return 0;
    domain_leave(running, rotate);
    cur_domain = sched[sched_idx].domain;
    domain_enter();
    return 1;
}
