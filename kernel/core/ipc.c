/*
 * Notifications and protected procedure calls: the kernel's hot paths.
 *
 * The fast paths (notify, call to a waiting callee, reply and wait) are
 * loop-free except the copy of the message registers, whose length the
 * sender chose; only queueing behind a busy callee walks its call queue.
 * A PD in PD_WAITING never has notifications
 * pending (a signal to a waiting PD is delivered at once), so "is the callee
 * waiting" is a single test.
 */
#include "kernel.h"
#include "sched.h"


/* Copy the tag's message registers between IPC buffers; returns the delivered tag. */
static u64 copy_mrs(struct pd *to, const struct pd *from, u64 tag)
{
    u64 len = tag & MK_TAG_LENGTH_MASK;

    if (len > MK_MSG_MAX_LENGTH) {
        len = MK_MSG_MAX_LENGTH;
        tag = (tag & ~MK_TAG_LENGTH_MASK) | len;
    }
    u64 *dst = to->ipcbuf + 1; /* msg[] follows the tag word */
    const u64 *src = from->ipcbuf + 1;
    for (u64 i = 0; i < len; i++)
        dst[i] = src[i];
    return tag & ~(u64)TAG_CAPS_MASK; /* no caps travel */
}

/* Start `callee` serving a PPC from `caller`, arriving on the callee's id `id`. */
static void deliver_call(struct pd *callee, struct pd *caller, u8 id, u64 tag)
{
    callee->regs.x[0] = copy_mrs(callee, caller, tag);
    callee->regs.x[1] = MK_BADGE_PPC | id;
    callee->caller = caller;
    callee->state = PD_RUNNABLE;
    caller->state = PD_CALLING;
}

/* Start `parent` handling the fault of its child `child`: like a call, answered by its reply. */
static void deliver_fault(struct pd *parent, struct pd *child)
{
    for (unsigned i = 0; i < child->fault_len; i++)
        parent->ipcbuf[1 + i] = child->fault_mr[i];
    parent->regs.x[0] = child->fault_label << MK_TAG_LABEL_SHIFT | child->fault_len;
    parent->regs.x[1] = MK_BADGE_FAULT | child->child_id;
    parent->caller = child;
    parent->state = PD_RUNNABLE;
}

/* Queue `caller` on `callee`, highest priority first, FIFO among equals. */
void callq_insert(struct pd *callee, struct pd *caller)
{
    struct pd **pp = &callee->callq;

    while (*pp && (*pp)->prio >= caller->prio)
        pp = &(*pp)->next;
    caller->next = *pp;
    *pp = caller;
}

/* Take `caller` off `callee`'s queue if it is there. */
void callq_remove(struct pd *callee, struct pd *caller)
{
    for (struct pd **pp = &callee->callq; *pp; pp = &(*pp)->next)
        if (*pp == caller) {
            *pp = caller->next;
            caller->next = NULL;
            return;
        }
}

/* Add id to t's pending set; returns t if that woke it (runnable, not queued). */
struct pd *notify_pd(struct pd *t, unsigned id)
{
    t->pending |= 1ULL << id;
    if (t->state != PD_WAITING)
        return NULL;
    TRACE(TR_DELIVER, t, NULL, t->pending, 0);
    t->regs.x[0] = 0;
    t->regs.x[1] = t->pending;
    t->pending = 0;
    t->state = PD_RUNNABLE;
    return t;
}

/*
 * A child faulted (fault.c filled in its message): it blocks until its parent
 * replies, restarts or stops it. The parent takes the fault like a call:
 * now if it is waiting, otherwise when it next waits.
 */
struct pd *fault_to_parent(struct pd *self)
{
    struct pd *parent = self->parent;

    self->state = PD_FAULTED;
    if (parent->state == PD_WAITING) {
        deliver_fault(parent, self);
        sched_enqueue(parent);
    } else {
        self->call_id = self->child_id;
        callq_insert(parent, self);
    }
    return schedule_next();
}

SYSCALL(sys_notify)
{
    u64 ch = a0;

    (void)a1, (void)a2, (void)a3;
    if (ch >= MK_MAX_IDS || !(self->ch[ch].flags & MK_END_NOTIFY)) {
        self->regs.x[0] = MK_EINVALID_CAP;
        return self;
    }
    self->regs.x[0] = MK_OK;
    TRACE(TR_NOTIFY, self, self->ch[ch].peer, self->ch[ch].peer_id, 0);
    struct pd *t = notify_pd(self->ch[ch].peer, self->ch[ch].peer_id);
    return t ? make_runnable(self, t) : self;
}

/* A PPC that cannot switch straight to its callee: queue for it, or wait for its budget. */
static __attribute__((noinline)) struct pd *ppcall_slow(struct pd *self, struct pd *callee, u8 id, u64 tag)
{
    if (callee->state == PD_WAITING) {
        /* Its budget is spent, or its domain is not current: it serves the
         * call when timer.c releases it or domain.c makes its domain current. */
        deliver_call(callee, self, id, tag);
        return schedule_next();
    }
    self->call_id = id;
    self->regs.x[1] = tag; /* delivered when the callee waits */
    self->state = PD_SENDING;
    callq_insert(callee, self);
    return schedule_next();
}

SYSCALL(sys_ppcall)
{
    u64 ch = a0;

    (void)a2, (void)a3;
    if (ch >= MK_MAX_IDS || !(self->ch[ch].flags & MK_END_PP)) {
        self->regs.x[0] = 0;
        self->regs.x[1] = MK_EINVALID_CAP;
        return self;
    }
    const struct ch_end *e = &self->ch[ch];
    struct pd *callee = e->peer;
    self->callee = callee;
    TRACE(TR_CALL, self, callee, e->peer_id, 0);
    if (__builtin_expect(callee->state == PD_WAITING && !callee->throttled_on, 1)) {
        /* The callee outranks self (checked at boot), and self outranked every
         * ready PD, so the callee runs next: switch directly. */
        deliver_call(callee, self, e->peer_id, a1);
        return callee;
    }
    return ppcall_slow(self, callee, e->peer_id, a1);
}

/* Deferred operations run as part of the wait: they never switch by themselves. */
static void wait_deferred(struct pd *self, u64 op, u64 arg)
{
    if (op == MK_DEFER_IRQ_ACK) {
        irq_ack(self, arg);
    } else if (op == MK_DEFER_NOTIFY && arg < MK_MAX_IDS && (self->ch[arg].flags & MK_END_NOTIFY)) {
        TRACE(TR_NOTIFY, self, self->ch[arg].peer, self->ch[arg].peer_id, 0);
        struct pd *t = notify_pd(self->ch[arg].peer, self->ch[arg].peer_id);
        if (t)
            sched_enqueue(t);
    }
}

/*
 * Answer the PD self is serving: a caller gets the reply message, a faulted
 * child resumes where it faulted. Returns it, runnable but not queued, or NULL.
 */
static inline struct pd *reply(struct pd *self, u64 tag)
{
    struct pd *c = self->caller;

    if (!c)
        return NULL;
    TRACE(TR_REPLY, self, c, 0, 0);
    self->caller = NULL;
    if (__builtin_expect(c->state == PD_CALLING, 1)) {
        c->regs.x[0] = copy_mrs(c, self, tag);
        c->regs.x[1] = MK_OK;
    } else if (!fault_reply(c, self->ipcbuf + 1, tag)) {
        c->state = PD_STOPPED; /* seL4 leaves it inactive: restart or resume it */
        return NULL;
    }
    c->state = PD_RUNNABLE;
    return c;
}

/* A passive PD's first wait: from now on it runs on its callers' budgets (timer.c). */
static void become_passive(struct pd *self)
{
    self->passive_pending = 0;
    self->passive = 1;
    kprintf("minikit| PD '%.64s' is now passive\n", self->desc->name);
}

/* The rare parts of a wait: before it, the deferred operation and becoming passive. */
static void wait_prepare(struct pd *self, u64 op, u64 arg)
{
    if (self->passive_pending)
        become_passive(self);
    if (op != MK_DEFER_NONE)
        wait_deferred(self, op, arg);
}

/* An event is already there: notifications first, then the first queued caller. */
static inline struct pd *wait_take_event(struct pd *self, struct pd *replied)
{
    if (self->pending) {
        TRACE(TR_DELIVER, self, NULL, self->pending, 0);
        self->regs.x[0] = 0;
        self->regs.x[1] = self->pending;
        self->pending = 0;
    } else {
        struct pd *c = self->callq;
        self->callq = c->next;
        if (c->state == PD_FAULTED)
            deliver_fault(self, c);
        else
            deliver_call(self, c, c->call_id, c->regs.x[1]);
    }
    if (replied)
        sched_enqueue(replied);
    if (self->passive)
        timer_rebind(); /* no switch: it now runs on the new caller's budget, or its own */
    return keep_or_preempt(self);
}

/* self blocked; the PD it answered (if any) could not be switched to directly. */
static inline struct pd *wait_block(struct pd *replied)
{
    if (replied)
        sched_enqueue(replied);
    return schedule_next();
}

/* Reply if asked, then take the next event or block. */
static inline struct pd *wait_finish(struct pd *self, u64 tag, u64 flags)
{
    struct pd *replied = NULL;

    if (flags & MK_WAIT_REPLY)
        replied = reply(self, tag);
    else
        self->caller = NULL; /* not answered: that PD stays blocked, as on seL4 */

    if (self->pending || self->callq)
        return wait_take_event(self, replied);
    self->state = PD_WAITING;
    if (replied && !replied->throttled_on && (!sched_any_ready() || replied->prio >= sched_highest_ready()))
        return replied;
    return wait_block(replied);
}

static __attribute__((noinline)) struct pd *wait_slow(struct pd *self, u64 tag, u64 flags, u64 op, u64 arg)
{
    wait_prepare(self, op, arg);
    return wait_finish(self, tag, flags);
}

/*
 * MK_SYS_WAIT: perform the deferred operation, reply, then take the next
 * event (notifications first, then queued callers) or block. The common
 * case (no deferred operation: reply, block, switch to the caller) calls
 * nothing and needs no stack frame.
 */
SYSCALL(sys_wait)
{
    if (__builtin_expect(a2 != MK_DEFER_NONE || self->passive_pending, 0))
        return wait_slow(self, a0, a1, a2, a3);
    return wait_finish(self, a0, a1);
}

/*
 * MK_SYS_POLL: seL4_Poll and seL4_NBRecv, a wait that never blocks. Pending
 * notifications first (badge = the set of ids); with MK_POLL_CALLS also the
 * first queued PPC or child fault, which self then serves as after a wait
 * (it answers with its next ReplyRecv). Nothing there: an empty tag and
 * badge 0, as seL4 returns. Separate from sys_wait so that the wait's
 * common path carries no test for it.
 */
SYSCALL(sys_poll)
{
    (void)a1, (void)a2, (void)a3;
    if (a0 & MK_POLL_CALLS)
        self->caller = NULL; /* a receive on the reply object: an unanswered PD stays blocked, as on seL4 */
    struct pd *c = self->callq;
    if (self->pending) {
        TRACE(TR_DELIVER, self, NULL, self->pending, 0);
        self->regs.x[0] = 0;
        self->regs.x[1] = self->pending;
        self->pending = 0;
    } else if ((a0 & MK_POLL_CALLS) && c) {
        self->callq = c->next;
        if (c->state == PD_FAULTED)
            deliver_fault(self, c);
        else
            deliver_call(self, c, c->call_id, c->regs.x[1]);
    } else {
        self->regs.x[0] = 0;
        self->regs.x[1] = 0;
    }
    if (self->passive)
        timer_rebind(); /* its caller changed without a switch */
    return self;
}
