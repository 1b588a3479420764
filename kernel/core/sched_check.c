/*
 * Debug builds: the scheduler's invariants, checked on every exit from the
 * kernel to a PD (entry.S), after each vCPU exit (arch/aarch64/vcpu.c) and
 * after each interrupt taken while idle. A
 * violation is a kernel bug: it panics at once with the rule's number and
 * the PD, instead of surfacing much later as a PD resumed with a stale
 * result (a PPC "failing" with its own message tag, a PD run twice, a lost
 * wake-up). The ready queues and the call queues share a PD's `next` link,
 * so each PD may be in at most one queue. The rules, as numbered in the
 * panic message ("sched_check: rule N, PD 'name' state S prio P parked X"):
 *
 *   1  a PD is in two queues, or twice in one (a corrupt `next` link)
 *   2  a queue link points outside the PD table
 *   3  a PD in a ready queue is of another priority than that queue
 *   4  a PD in a ready queue is not PD_RUNNABLE
 *   5  a PD in a ready queue is parked (budget spent, or its domain away)
 *   6  a PD in a ready queue is not of the current domain
 *   7  a PD in a call queue is neither PD_SENDING to that PD nor its faulted child
 *   8  the PD about to run is not PD_RUNNABLE
 *   9  the PD about to run is parked
 *  10  the PD about to run is still in a queue
 *  11  a PD_SENDING PD is in no call queue
 *  12  a PD_RUNNABLE PD, not parked and not about to run, is in no ready
 *      queue: it would never run again
 *  13  a PD being served (some PD's `caller`) is neither PD_CALLING to it
 *      nor its faulted child
 *  14  a PD is served by two PDs at once
 *  15  a server's `caller` points outside the PD table
 * and, without a PD ("sched_check: rule N, priority or word W"):
 *  20  ready_summary disagrees with the non-empty ready_bits words
 *  21  a priority is marked ready but its queue is empty
 *  22  a ready queue's tail is not its last PD
 *   2  (as above) a ready queue's head points outside the PD table
 *
 * The fast paths (fastpath.S) are not checked themselves, only the state
 * they leave, at the next exit through C. Release and benchmark kernels do
 * not contain this file's code. The messages are short on purpose: every
 * byte here is in every debug image.
 */
#include "kernel.h"
#include "sched.h"

#ifdef MK_CONFIG_DEBUG

_Static_assert(MK_MAX_PDS <= 64, "sched_check: one bit per PD in a u64");

static __attribute__((noreturn)) void broken(const struct pd *p, unsigned rule)
{
    panic("sched_check: rule %u, PD '%.64s' state %u prio %u parked %p", rule, p->desc->name, p->state, p->prio,
          (const void *)p->throttled_on);
}

static __attribute__((noreturn)) void broken_table(unsigned rule, u64 where)
{
    panic("sched_check: rule %u, priority or word %lu", rule, where);
}

static int valid_pd(const struct pd *p)
{
    return p >= &pds[0] && p < &pds[npds];
}

/* Mark p, reached from `from` (NULL: a ready queue's head), as queued; a PD seen before is in two queues or a loop. */
static void mark(const struct pd *p, const struct pd *from, u64 *seen)
{
    if (!valid_pd(p)) {
        if (from)
            broken(from, 2);
        broken_table(2, (u64)p);
    }
    if ((*seen >> p->index) & 1)
        broken(p, 1);
    *seen |= 1ULL << p->index;
}

/* The ready queues: only the priorities the bitmap names are walked (the others must be empty: rule 12). */
static u64 check_ready_queues(u64 *seen)
{
    u64 ready = 0, words = 0;

    for (unsigned w = 0; w < NUM_PRIOS / 64; w++)
        words |= (u64)(ready_bits[w] != 0) << w;
    if (words != ready_summary)
        broken_table(20, ready_summary);
    for (unsigned w = 0; w < NUM_PRIOS / 64; w++) {
        for (u64 bits = ready_bits[w]; bits; bits &= bits - 1) {
            unsigned prio = w * 64 + (unsigned)__builtin_ctzll(bits);
            const struct pd *last = NULL;
            if (!ready_head[prio])
                broken_table(21, prio);
            for (const struct pd *p = ready_head[prio]; p; p = p->next) {
                mark(p, last, seen);
                ready |= 1ULL << p->index;
                if (p->prio != prio)
                    broken(p, 3);
                if (p->state != PD_RUNNABLE)
                    broken(p, 4);
                if (p->throttled_on)
                    broken(p, 5);
                if (domains && p->domain != cur_domain)
                    broken(p, 6);
                last = p;
            }
            if (last != ready_tail[prio])
                broken_table(22, prio);
        }
    }
    return ready;
}

/* Every PD in a call queue is calling (or faulted to) that PD. */
static u64 check_call_queues(u64 *seen)
{
    u64 queued = 0;

    for (unsigned i = 0; i < npds; i++) {
        const struct pd *callee = &pds[i], *from = callee;
        for (const struct pd *p = callee->callq; p; from = p, p = p->next) {
            mark(p, from, seen);
            queued |= 1ULL << p->index;
            if (!(p->state == PD_SENDING && p->callee == callee) && !(p->state == PD_FAULTED && p->parent == callee))
                broken(p, 7);
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
            broken(next, 8);
        if (next->throttled_on)
            broken(next, 9);
        if (((ready | queued) >> next->index) & 1)
            broken(next, 10);
    }
    for (unsigned i = 0; i < npds; i++) {
        const struct pd *p = &pds[i];
        if (p->state == PD_SENDING && !((queued >> i) & 1))
            broken(p, 11);
        if (p->state == PD_RUNNABLE && !p->throttled_on && p != next && !((ready >> i) & 1))
            broken(p, 12);
        const struct pd *c = p->caller;
        if (!c)
            continue;
        if (!valid_pd(c))
            broken(p, 15);
        if (!(c->state == PD_CALLING && c->callee == p) && !(c->state == PD_FAULTED && c->parent == p))
            broken(c, 13);
        if ((served >> c->index) & 1)
            broken(c, 14);
        served |= 1ULL << c->index;
    }
}

#endif
