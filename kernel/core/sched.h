/*
 * The ready queues (core/sched.c explains them). Inline: they sit on the
 * notify, call and reply paths.
 */
#ifndef SCHED_H
#define SCHED_H

#include "kernel.h"

extern struct pd *ready_head[NUM_PRIOS], *ready_tail[NUM_PRIOS];

/* core/sched.c, out of line: rare on the C paths, and kept out of every inlined queue operation */
void sched_slot_flush(void); /* the slot is occupied */
void sched_slot_flush_below(unsigned prio);
struct pd *sched_slot_take(void);
void sched_enqueue_front(struct pd *p);
void sched_enqueue_front_picked(struct pd *self);

static inline void sched_mark_ready(unsigned prio)
{
    ready_bits[prio / 64] |= 1ULL << (prio % 64);
    ready_summary |= 1ULL << (prio / 64);
}

/* p goes first in its priority's queue (no slot, no parking: the callers below see to those). */
static inline void sched_queue_front(struct pd *p)
{
    p->next = ready_head[p->prio];
    if (!p->next)
        ready_tail[p->prio] = p;
    ready_head[p->prio] = p;
    sched_mark_ready(p->prio);
}

/* A PD whose budget is spent stays parked until core/timer.c releases it. */
static inline void sched_enqueue(struct pd *p)
{
    if (p->throttled_on)
        return;
    if (ready_summary & READY_SLOT)
        sched_slot_flush_below(p->prio); /* the slot's PD would no longer be the first to run */
    p->next = NULL;
    if (ready_tail[p->prio])
        ready_tail[p->prio]->next = p;
    else
        ready_head[p->prio] = p;
    ready_tail[p->prio] = p;
    sched_mark_ready(p->prio);
}

/* Take the first PD of the highest ready priority (the slot's, if any) out, or NULL. */
static inline struct pd *sched_pick(void)
{
    if (!ready_summary)
        return NULL;
    if (ready_summary & READY_SLOT)
        return sched_slot_take();
    unsigned prio = sched_words_highest(ready_summary); /* READY_SLOT is clear here */
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

/* Who runs after `self` made something else runnable and may continue itself. */
static inline struct pd *keep_or_preempt(struct pd *self)
{
    if (sched_any_ready() && sched_highest_ready() > self->prio) {
        struct pd *p = sched_pick(); /* first, so that self may take the slot */
        sched_enqueue_front_picked(self);
        return p;
    }
    return self;
}

/* The PD to run when the current one blocks: the first of the highest priority, or idle. */
static inline struct pd *schedule_next(void)
{
    struct pd *p = sched_pick();

    return p ? p : idle();
}

/* `self` (running) made p runnable: p preempts self only if its priority is higher. */
static inline struct pd *make_runnable(struct pd *self, struct pd *p)
{
    p->state = PD_RUNNABLE;
    if (p->prio > self->prio && !p->throttled_on) {
        sched_enqueue_front(self);
        return p;
    }
    sched_enqueue(p);
    return self;
}

#endif
