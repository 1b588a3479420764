/*
 * Fixed-priority scheduling: one FIFO ready queue per priority and a
 * two-level bitmap of the non-empty ones (a summary word with one bit per
 * 64 priorities), so "is anything ready" is one load and "the highest ready
 * priority" two count-leading-zeros. The running PD is never in a queue, so a
 * direct switch (call, reply) touches no queue at all.
 */
#include "kernel.h"

static struct pd *ready_head[NUM_PRIOS], *ready_tail[NUM_PRIOS];
u64 ready_bits[NUM_PRIOS / 64];
u64 ready_summary; /* bit w set <=> ready_bits[w] != 0 */

static void mark_ready(unsigned prio)
{
    ready_bits[prio / 64] |= 1ULL << (prio % 64);
    ready_summary |= 1ULL << (prio / 64);
}

/* A PD whose budget is spent stays parked until core/timer.c releases it. */
void sched_enqueue(struct pd *p)
{
    if (p->throttled_on)
        return;
    p->next = NULL;
    if (ready_tail[p->prio])
        ready_tail[p->prio]->next = p;
    else
        ready_head[p->prio] = p;
    ready_tail[p->prio] = p;
    mark_ready(p->prio);
}

/* A preempted PD resumes before the others of its priority: it was not done. */
void sched_enqueue_front(struct pd *p)
{
    if (p->throttled_on)
        return;
    p->next = ready_head[p->prio];
    if (!p->next)
        ready_tail[p->prio] = p;
    ready_head[p->prio] = p;
    mark_ready(p->prio);
}

/* Take p out of its ready queue (p must be in it). Rare: stopping and restarting PDs. */
void sched_remove(struct pd *p)
{
    struct pd **pp = &ready_head[p->prio], *prev = NULL;

    while (*pp != p) {
        prev = *pp;
        pp = &(*pp)->next;
    }
    *pp = p->next;
    if (ready_tail[p->prio] == p)
        ready_tail[p->prio] = prev;
    if (!ready_head[p->prio]) {
        ready_bits[p->prio / 64] &= ~(1ULL << (p->prio % 64));
        if (!ready_bits[p->prio / 64])
            ready_summary &= ~(1ULL << (p->prio / 64));
    }
    p->next = NULL;
}

/* Take the first PD of the highest ready priority out of its queue, or NULL. */
struct pd *sched_pick(void)
{
    if (!ready_summary)
        return NULL;
    unsigned prio = sched_highest_ready();
    struct pd *p = ready_head[prio];

    ready_head[prio] = p->next;
    if (!p->next) {
        ready_tail[prio] = NULL;
        ready_bits[prio / 64] &= ~(1ULL << (prio % 64));
        if (!ready_bits[prio / 64])
            ready_summary &= ~(1ULL << (prio / 64));
    }
    p->next = NULL;
    return p;
}
