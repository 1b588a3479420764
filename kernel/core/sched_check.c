/*
 * Debug builds: the scheduler's invariants, checked on every exit from the
 * kernel to a PD (entry.S), after each vCPU exit (arch/aarch64/vcpu.c) and
 * after each interrupt taken while idle. A violation is a kernel bug: it
 * panics at once with the rule's number and the PD, instead of surfacing
 * much later as a PD resumed with a stale result (a PPC "failing" with its
 * own message tag, a PD run twice, a lost wake-up). The ready queues and
 * the call queues share a PD's `next` link, so each PD may be in at most
 * one queue. The rules, as numbered in the panic message
 * ("sched_check: rule N, PD 'name' state S prio P parked X"):
 *
 *   1  a PD is in two queues, or twice in one (a corrupt `next` link)
 *   2  a PD in a ready queue is of another priority than that queue, not
 *      PD_RUNNABLE, parked (budget spent, or its domain away) or not of the
 *      current domain (the message's fields tell which)
 *   3  a PD in a call queue is neither PD_SENDING to that PD nor its
 *      faulted child
 *   4  the PD about to run is not PD_RUNNABLE, or is parked
 *   5  the PD about to run is still in a queue
 *   6  a PD_SENDING PD is in no call queue
 *   7  a PD_RUNNABLE PD, not parked and not about to run, is in no ready
 *      queue: it would never run again
 *   8  a PD being served (some PD's `caller`) is neither PD_CALLING to it
 *      nor its faulted child
 *   9  a PD is served by two PDs at once
 * and, without a PD ("sched_check: rule N, priority P"):
 *  10  a priority is marked ready but its queue is empty
 *  11  a ready queue's tail is not its last PD
 *  12  the slot (core/sched.c) and its bit in ready_summary disagree, or a
 *      queued PD outranks the slot's (P: the highest queued priority)
 *  13  a ready PD outranks the PD about to run (P: its priority); the fast
 *      paths rely on this (a preempted PD takes the slot, a call's callee
 *      runs next)
 * (A link or `caller` pointing outside the PD table is not tested for: the
 * walk then faults in the kernel, which panics as well.)
 *
 * The fast paths (fastpath.S) are not checked themselves, only the state
 * they leave, at the next exit through C. Release and benchmark kernels do
 * not contain this file's code. It is kept small on purpose (short messages,
 * few branches): every byte here is in every debug image.
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

static __attribute__((noreturn)) void broken_prio(unsigned rule, unsigned prio)
{
    panic("sched_check: rule %u, priority %u", rule, prio);
}

/* Mark p as queued; a PD seen before is in two queues or a loop. */
static void mark(const struct pd *p, u64 *seen)
{
    if ((*seen >> p->index) & 1)
        broken(p, 1);
    *seen |= 1ULL << p->index;
}

/* The ready queues of the priorities the bitmap names (a PD queued elsewhere breaks rule 7). */
static u64 check_ready_queues(u64 *seen)
{
    u64 ready = 0;

    for (unsigned w = 0; w < NUM_PRIOS / 64; w++) {
        for (u64 bits = ready_bits[w]; bits; bits &= bits - 1) {
            unsigned prio = w * 64 + (unsigned)__builtin_ctzll(bits);
            const struct pd *last = NULL;
            if (!ready_head[prio])
                broken_prio(10, prio);
            for (const struct pd *p = ready_head[prio]; p; p = p->next) {
                mark(p, seen);
                ready |= 1ULL << p->index;
                if (p->prio != prio || p->state != PD_RUNNABLE || p->throttled_on ||
                    p->domain != cur_domain) /* 0 == 0 without domains */
                    broken(p, 2);
                last = p;
            }
            if (last != ready_tail[prio])
                broken_prio(11, prio);
        }
    }
    const struct pd *s = ready_slot;
    if (!(ready_summary & READY_SLOT) != !s)
        broken_prio(12, 0);
    if (s) {
        mark(s, seen);
        ready |= 1ULL << s->index;
        if (s->state != PD_RUNNABLE || s->throttled_on || s->domain != cur_domain)
            broken(s, 2);
        if ((ready_summary & ~READY_SLOT) && sched_queued_highest() > s->prio)
            broken_prio(12, sched_queued_highest());
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
                broken(p, 3);
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
        if (next->state != PD_RUNNABLE || next->throttled_on)
            broken(next, 4);
        if (((ready | queued) >> next->index) & 1)
            broken(next, 5);
        if (sched_any_ready() && sched_highest_ready() > next->prio)
            broken_prio(13, sched_highest_ready());
    }
    for (unsigned i = 0; i < npds; i++) {
        const struct pd *p = &pds[i];
        if (p->state == PD_SENDING && !((queued >> i) & 1))
            broken(p, 6);
        if (p->state == PD_RUNNABLE && !p->throttled_on && p != next && !((ready >> i) & 1))
            broken(p, 7);
        const struct pd *c = p->caller;
        if (!c)
            continue;
        if (!(c->state == PD_CALLING && c->callee == p) && !(c->state == PD_FAULTED && c->parent == p))
            broken(c, 8);
        if ((served >> c->index) & 1)
            broken(c, 9);
        served |= 1ULL << c->index;
    }
}

#endif
