/*
 * Fixed-priority scheduling: one FIFO ready queue per priority and a bitmap
 * of the non-empty ones. The running PD is never in a queue, so a direct
 * switch (call, reply) touches no queue at all.
 */
#include "kernel.h"

struct pd *current;

static struct pd *ready_head[NUM_PRIOS], *ready_tail[NUM_PRIOS];
static u64 ready_bits[NUM_PRIOS / 64];

static void mark_ready(unsigned prio)
{
    ready_bits[prio / 64] |= 1ULL << (prio % 64);
}

void sched_enqueue(struct pd *p)
{
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
    p->next = ready_head[p->prio];
    if (!p->next)
        ready_tail[p->prio] = p;
    ready_head[p->prio] = p;
    mark_ready(p->prio);
}

int sched_any_ready(void)
{
    return (ready_bits[0] | ready_bits[1] | ready_bits[2] | ready_bits[3]) != 0;
}

/* The highest priority with a ready PD; 0 if none (check sched_any_ready). */
unsigned sched_highest_ready(void)
{
    for (int w = NUM_PRIOS / 64 - 1; w >= 0; w--)
        if (ready_bits[w])
            return (unsigned)w * 64 + 63 - (unsigned)__builtin_clzll(ready_bits[w]);
    return 0;
}

/* Take the first PD of the highest ready priority out of its queue, or NULL. */
struct pd *sched_pick(void)
{
    if (!sched_any_ready())
        return NULL;
    unsigned prio = sched_highest_ready();
    struct pd *p = ready_head[prio];

    ready_head[prio] = p->next;
    if (!p->next) {
        ready_tail[prio] = NULL;
        ready_bits[prio / 64] &= ~(1ULL << (prio % 64));
    }
    p->next = NULL;
    return p;
}
