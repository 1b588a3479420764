/*
 * Debug builds: the scheduler's invariants, checked on every exit from the
 * kernel to a PD (entry.S) and after each interrupt taken while idle. A
 * violation is a kernel bug: it panics at once, naming the PD and the rule,
 * instead of surfacing much later as a PD resumed with a stale result (a
 * PPC "failing" with its own message tag, a PD run twice, a lost wake-up).
 *
 * The rules (a PD's `next` link serves both the ready queues and the call
 * queues, so each PD may be in at most one queue):
 *   - the PD about to run is PD_RUNNABLE, not parked, in no queue;
 *   - a PD in a ready queue is PD_RUNNABLE, not parked, of that priority and
 *     of the current domain; the bitmap and the tails agree with the queues;
 *   - a PD in a call queue is PD_SENDING to that callee, or PD_FAULTED with
 *     that callee as its parent;
 *   - every PD_SENDING PD is in its callee's call queue;
 *   - every PD_RUNNABLE PD that is not parked and not about to run is in a
 *     ready queue (else it would never run again);
 *   - a PD being served (some PD's `caller`) is PD_CALLING to that PD, or
 *     PD_FAULTED with it as its parent, and is served by one PD only.
 * The fast paths (fastpath.S) are not checked themselves, only the state
 * they leave, at the next exit through C. Release and benchmark kernels do
 * not contain this file's code.
 */
#include "kernel.h"
#include "sched.h"

#ifdef MK_CONFIG_DEBUG

_Static_assert(MK_MAX_PDS <= 64, "sched_check: one bit per PD in a u64");

static void broken(const struct pd *p, const char *rule)
{
    panic("scheduler invariant broken: PD '%.64s' (index %u, state %u, prio %u%s): %s", p->desc->name, p->index,
          p->state, p->prio, p->throttled_on ? ", parked" : "", rule);
}

static int valid_pd(const struct pd *p)
{
    return p >= &pds[0] && p < &pds[npds];
}

/* Mark p as queued; panics on a PD seen before (a loop, or a PD in two queues). */
static void mark(const struct pd *p, u64 *seen)
{
    if (!valid_pd(p))
        panic("scheduler invariant broken: a queue link points outside the PD table (%p)", (const void *)p);
    if ((*seen >> p->index) & 1)
        broken(p, "in two queues, or twice in one (the shared `next` link is corrupt)");
    *seen |= 1ULL << p->index;
}

/* The ready queues: only the priorities the bitmap names are walked (the others must be empty). */
static u64 check_ready_queues(u64 *seen)
{
    u64 ready = 0, words = 0;

    for (unsigned w = 0; w < NUM_PRIOS / 64; w++)
        words |= (u64)(ready_bits[w] != 0) << w;
    if (words != ready_summary)
        panic("scheduler invariant broken: ready_summary 0x%lx, but the non-empty ready_bits words are 0x%lx",
              ready_summary, words);
    for (unsigned w = 0; w < NUM_PRIOS / 64; w++) {
        for (u64 bits = ready_bits[w]; bits; bits &= bits - 1) {
            unsigned prio = w * 64 + (unsigned)__builtin_ctzll(bits);
            const struct pd *last = NULL;
            if (!ready_head[prio])
                panic("scheduler invariant broken: priority %u is marked ready but its queue is empty", prio);
            for (const struct pd *p = ready_head[prio]; p; p = p->next) {
                mark(p, seen);
                ready |= 1ULL << p->index;
                if (p->prio != prio)
                    broken(p, "in the ready queue of another priority");
                if (p->state != PD_RUNNABLE)
                    broken(p, "in a ready queue but not PD_RUNNABLE");
                if (p->throttled_on)
                    broken(p, "in a ready queue but parked (budget or domain)");
                if (domains && p->domain != cur_domain)
                    broken(p, "in a ready queue but its domain is not current");
                last = p;
            }
            if (last != ready_tail[prio])
                panic("scheduler invariant broken: ready_tail of priority %u is not its last PD", prio);
        }
    }
    return ready;
}

/* Every PD in a call queue is calling (or faulted to) that PD. */
static u64 check_call_queues(u64 *seen)
{
    u64 queued = 0;

    for (unsigned i = 0; i < npds; i++) {
        const struct pd *callee = &pds[i];
        for (const struct pd *p = callee->callq; p; p = p->next) {
            mark(p, seen);
            queued |= 1ULL << p->index;
            if (!(p->state == PD_SENDING && p->callee == callee) && !(p->state == PD_FAULTED && p->parent == callee))
                broken(p, "in a call queue but neither PD_SENDING to that PD nor its faulted child");
        }
    }
    return queued;
}

/* next: the PD about to run (NULL: the kernel stays idle). */
void sched_check(const struct pd *next)
{
    u64 seen = 0, served = 0;
    u64 ready = check_ready_queues(&seen);
    u64 queued = check_call_queues(&seen);

    if (next) {
        if (next->state != PD_RUNNABLE)
            broken(next, "about to run but not PD_RUNNABLE");
        if (next->throttled_on)
            broken(next, "about to run but parked (budget or domain)");
        if (((ready | queued) >> next->index) & 1)
            broken(next, "about to run but still in a queue");
    }
    for (unsigned i = 0; i < npds; i++) {
        const struct pd *p = &pds[i];
        if (p->state == PD_SENDING && !((queued >> i) & 1))
            broken(p, "PD_SENDING but in no call queue");
        if (p->state == PD_RUNNABLE && !p->throttled_on && p != next && !((ready >> i) & 1))
            broken(p, "PD_RUNNABLE, not parked, not running and in no ready queue: it would never run");
        const struct pd *c = p->caller;
        if (!c)
            continue;
        if (!valid_pd(c))
            broken(p, "its caller points outside the PD table");
        if (!(c->state == PD_CALLING && c->callee == p) && !(c->state == PD_FAULTED && c->parent == p))
            broken(c, "being served but neither PD_CALLING to its server nor the server's faulted child");
        if ((served >> c->index) & 1)
            broken(c, "served by two PDs at once");
        served |= 1ULL << c->index;
    }
}

#endif
