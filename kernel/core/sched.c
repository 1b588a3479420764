/*
 * Fixed-priority scheduling: one FIFO ready queue per priority and a
 * two-level bitmap of the non-empty ones (a summary word with one bit per
 * 64 priorities), so "is anything ready" is one load and "the highest ready
 * priority" two count-leading-zeros. The running PD is never in a queue, so a
 * direct switch (call, reply) touches no queue at all.
 *
 * The slot: a preempted PD that would be the first to run (its priority at
 * least that of every queued PD) is kept in ready_slot instead of at the
 * front of its queue, with bit READY_SLOT_BIT of ready_summary set. It is
 * logically the head of its priority's queue: sched_pick takes it first, a
 * PD queued above its priority or put in front of it sends it to its queue
 * (sched_slot_flush), sched_remove knows it. The common notify round trip
 * (a wake that preempts the sender, then the woken PD's wait) thus puts the
 * sender aside and takes it back with no queue or bitmap update
 * (fastpath.S does the same in its case). Only this file, sched.h and
 * fastpath.S change the queues and the slot; watchdog.c and sched_check.c
 * read both.
 */
#include "kernel.h"
#include "sched.h"

struct pd *ready_head[NUM_PRIOS], *ready_tail[NUM_PRIOS];
u64 ready_bits[NUM_PRIOS / 64];
u64 ready_summary; /* bit w set <=> ready_bits[w] != 0; READY_SLOT <=> ready_slot != NULL */
struct pd *ready_slot;

/* Empty the occupied slot: its PD goes first in its queue, where it logically was. */
__attribute__((noinline)) void sched_slot_flush(void)
{
    ready_summary &= ~READY_SLOT;
    sched_queue_front(ready_slot);
    ready_slot = NULL;
}

/* The slot's PD goes to its queue if a PD of priority prio is queued above it. */
void sched_slot_flush_below(unsigned prio)
{
    if (prio > ready_slot->prio)
        sched_slot_flush();
}

/* sched_pick() when the slot is occupied: its PD is the first to run. */
struct pd *sched_slot_take(void)
{
    struct pd *s = ready_slot;

    ready_summary &= ~READY_SLOT;
    ready_slot = NULL;
    return s;
}

/*
 * A preempted PD resumes before the others of its priority: it was not done.
 * It takes the slot when it would be the first PD to run, else the front of
 * its queue; a PD in the slot that p now precedes goes to its queue first.
 */
void sched_enqueue_front(struct pd *p)
{
    if (p->throttled_on)
        return;
    if (ready_summary & READY_SLOT) {
        if (ready_slot->prio > p->prio) {
            sched_queue_front(p);
            return;
        }
        sched_slot_flush();
    }
    sched_enqueue_front_picked(p); /* the slot is empty now */
}

/*
 * sched_enqueue_front(self) with the slot empty, as right after sched_pick()
 * chose the PD that preempts self (the pick takes the slot first): only the
 * queues are left to compare with.
 */
void sched_enqueue_front_picked(struct pd *self)
{
    if (self->throttled_on)
        return;
    if (ready_summary && sched_words_highest(ready_summary) > self->prio) {
        sched_queue_front(self);
        return;
    }
    ready_slot = self;
    ready_summary |= READY_SLOT;
}

/*
 * Take p out of its ready queue, if it is there (a runnable PD parked for its
 * budget is not). Rare: stopping and restarting PDs.
 */
void sched_remove(struct pd *p)
{
    struct pd **pp = &ready_head[p->prio], *prev = NULL;

    if ((ready_summary & READY_SLOT) && ready_slot == p) {
        sched_slot_take();
        return;
    }

    while (*pp != p) {
        if (!*pp)
            return;
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


/*
 * seL4_Yield (MCS): self goes behind the other ready PDs of its priority
 * with a fresh round-robin slice; a PD with a budget below its period gives
 * up the rest of this period's budget and waits for its next period, as an
 * MCS thread gives up its current refill.
 */
SYSCALL(sys_yield)
{
    (void)a0, (void)a1, (void)a2, (void)a3;
    if (timer_yield(self))
        return schedule_next();
    sched_enqueue(self);
    return sched_pick();
}
