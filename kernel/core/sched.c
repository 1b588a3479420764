/*
 * Fixed-priority scheduling: one FIFO ready queue per priority and a
 * two-level bitmap of the non-empty ones (a summary word with one bit per
 * 64 priorities), so "is anything ready" is one load and "the highest ready
 * priority" two count-leading-zeros. The running PD is never in a queue, so a
 * direct switch (call, reply) touches no queue at all.
 */
#include "kernel.h"
#include "sched.h"

struct pd *ready_head[NUM_PRIOS], *ready_tail[NUM_PRIOS];
u64 ready_bits[NUM_PRIOS / 64];
u64 ready_summary; /* bit w set <=> ready_bits[w] != 0 */

/*
 * Take p out of its ready queue, if it is there (a runnable PD parked for its
 * budget is not). Rare: stopping and restarting PDs.
 */
void sched_remove(struct pd *p)
{
    struct pd **pp = &ready_head[p->prio], *prev = NULL;

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
