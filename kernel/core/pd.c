/*
 * Creating the PDs at boot from the (validated) system table: address
 * spaces, channel ends, initial registers. After this nothing is allocated.
 */
#include "kernel.h"
#include "sched.h"
#include "memlayout.h"

/* Not in .bss: kmain's clear would cost a DC ZVA per 64 bytes of all
 * MK_MAX_PDS entries (about 170 KiB); pds_create clears the npds in use. */
struct pd pds[MK_MAX_PDS] __attribute__((section(".bss.pd_table")));
unsigned npds;

static void pd_create(struct pd *p, unsigned index, const struct mk_pd *d, const struct mk_map *maps)
{
    p->index = (u8)index;
    p->desc = d;
    p->prio = d->priority;
    if (desc_is_vcpu(d)) {
        /* A guest CPU: no address space or IPC buffer of its own; its VMM's
         * page tables stay in TTBR0 while the kernel runs it. */
        p->ttbr0 = pds[d->parent].ttbr0; /* created before: the parent's index is lower */
        return;
    }
    p->passive_pending = d->passive;
    p->smc = d->smc;
    p->ipcbuf = PA_TO_KVA(d->ipcbuf_paddr);
    p->ttbr0 = vspace_create(index + 1);
    for (u32 i = 0; i < d->map_count; i++)
        vspace_map(p->ttbr0, &maps[d->map_first + i]);

    /* docs/libmicrokit.md, "Start-up and the event loop": PC = entry, SP = stack top, every other register 0. */
    p->regs.pc = d->entry;
    p->regs.sp = d->stack_top;
    p->regs.spsr = 0; /* EL0t, interrupts unmasked */
    p->state = PD_RUNNABLE;
}

/* Each <channel> gives each end an entry at its own id, naming the other end. */
static void channels_connect(const struct mk_systable *t)
{
    const struct mk_channel *c = systable_channels(t);

    for (unsigned i = 0; i < t->nchannels; i++, c++) {
        for (int e = 0; e < 2; e++) {
            struct ch_end *end = &pds[c->pd[e]].ch[c->id[e]];

            if (end->peer)
                panic(BAD_TABLE "PD %u uses id %u twice", c->pd[e], c->id[e]);
            end->peer = &pds[c->pd[!e]];
            end->peer_id = c->id[!e];
            end->flags = c->flags[e];
        }
    }
}

/* Each child knows its parent (which gets its faults); each parent its children by id. */
static void children_connect(const struct mk_systable *t)
{
    const struct mk_pd *d = systable_pds(t);

    for (unsigned i = 0; i < t->npds; i++) {
        if (d[i].parent == MK_NO_PARENT)
            continue;
        struct pd *parent = &pds[d[i].parent];
        if (parent->children[d[i].child_id])
            panic(BAD_TABLE "PD %u has two children with id %u", d[i].parent, d[i].child_id);
        parent->children[d[i].child_id] = &pds[i];
        pds[i].parent = parent;
        pds[i].child_id = d[i].child_id;
    }
}

void pds_create(const struct mk_systable *t)
{
    const struct mk_pd *d = systable_pds(t);
    const struct mk_map *maps = systable_maps(t);

    npds = t->npds;
    arch_zero(KVA_TO_PA(&pds[0]), KVA_TO_PA(&pds[npds]));
    for (unsigned i = 0; i < npds; i++)
        pd_create(&pds[i], i, &d[i], maps);
    children_connect(t);
    channels_connect(t);
    for (unsigned i = 0; i < npds; i++) {
        if (desc_is_vcpu(&d[i]))
            vcpu_create(&pds[i], &d[i]); /* stopped until its VMM restarts it */
        else
            sched_enqueue(&pds[i]);
    }
}

/*
 * The child of `self` named by a syscall argument (the PD chose it: check
 * it). Sets the syscall's result: MK_OK, or MK_EINVALID_CAP with NULL.
 */
static struct pd *child_arg(struct pd *self, u64 id)
{
    struct pd *c = id < MK_MAX_IDS ? self->children[id] : NULL;

    if (c && pd_is_vcpu(c))
        c = NULL; /* a vCPU id: the vCPU calls (core/vcpu_sys.c) are for those */

    self->regs.x[0] = c ? MK_OK : MK_EINVALID_CAP;
    return c;
}

/*
 * Take a PD out of whatever it is doing (not running: only its parent calls
 * this) so that it can be restarted or stopped: out of the ready queue, off
 * a callee's queue, no longer served or awaited by anyone. A PD stopped in a
 * syscall sees it return "nothing happened" when it is resumed.
 */
static void pd_cancel_state(struct pd *c)
{
    switch (c->state) {
    case PD_RUNNABLE:
        sched_remove(c);
        return;
    case PD_SENDING:
        callq_remove(c->callee, c);
        c->regs.x[0] = 0;
        c->regs.x[1] = MK_EINVALID_CAP;
        return;
    case PD_CALLING:
        if (c->callee->caller == c)
            c->callee->caller = NULL;
        c->regs.x[0] = 0;
        c->regs.x[1] = MK_EINVALID_CAP;
        return;
    case PD_WAITING:
        c->regs.x[0] = 0;
        c->regs.x[1] = 0; /* an empty wake-up: the event loop waits again */
        return;
    case PD_FAULTED:
        if (c->parent->caller == c)
            c->parent->caller = NULL;
        else
            callq_remove(c->parent, c);
        return;
    case PD_STOPPED:
        return;
    }
}

void pd_cancel(struct pd *c)
{
    pd_cancel_state(c);
    timer_rebind(); /* c may have been the caller whose budget the running parent used */
}

/* microkit_pd_restart: new PC, everything else as it was, runnable. */
SYSCALL(sys_pd_restart)
{
    struct pd *c = child_arg(self, a0);

    (void)a2, (void)a3;
    if (!c)
        return self;
    pd_cancel(c);
    c->regs.pc = a1;
    return make_runnable(self, c);
}

/* microkit_pd_stop: no longer scheduled until restarted or resumed. */
SYSCALL(sys_pd_stop)
{
    struct pd *c = child_arg(self, a0);

    (void)a1, (void)a2, (void)a3;
    if (c && c->state != PD_STOPPED) {
        pd_cancel(c);
        c->state = PD_STOPPED;
    }
    return self;
}

/* microkit_pd_resume: a stopped child runs again from where it was. */
SYSCALL(sys_pd_resume)
{
    struct pd *c = child_arg(self, a0);

    (void)a1, (void)a2, (void)a3;
    return c && c->state == PD_STOPPED ? make_runnable(self, c) : self;
}

/*
 * seL4_TCB_ReadRegisters on a child: its registers, in seL4_UserContext
 * order (docs/libmicrokit.md, "The libsel4 subset"), into the caller's IPC buffer msg[0..MK_NUM_REGS);
 * libsel4 copies the first `count` out. With `suspend` (a1) the child is
 * stopped first, as seL4's suspendSource. A PD that is not running has its
 * whole frame saved (x0..x18 as it last left them in a syscall: the ABI
 * lets the kernel clobber them), and its TPIDR_EL0 in tpidr.
 */
/* seL4_UserContext words 3..33: which x register each holds. */
static const u8 xreg[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 29, 30, 9, 10,
                           11, 12, 13, 14, 15, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28 };
_Static_assert(3 + sizeof(xreg) + 2 == MK_NUM_REGS, "seL4_UserContext has pc, sp, spsr, 31 x, 2 tpidr");

/* c's registers as seL4_UserContext (MK_NUM_REGS words); tpidrro_el0 is a vCPU's only. */
void regs_to_mrs(const struct pd *c, u64 *mr)
{
    mr[0] = c->regs.pc;
    mr[1] = c->regs.sp;
    mr[2] = c->regs.spsr;
    for (unsigned i = 0; i < sizeof(xreg); i++)
        mr[3 + i] = c->regs.x[xreg[i]];
    mr[34] = c->tpidr;
    mr[35] = 0; /* tpidrro_el0: Minikit never sets it for a PD */
}

/* The first count (1..MK_NUM_REGS) words of a seL4_UserContext into c's registers (spsr as given: the caller sanitises). */
void regs_from_mrs(struct pd *c, const u64 *mr, unsigned count)
{
    u64 *dst[MK_NUM_REGS];

    dst[0] = &c->regs.pc;
    dst[1] = &c->regs.sp;
    dst[2] = &c->regs.spsr;
    for (unsigned i = 0; i < sizeof(xreg); i++)
        dst[3 + i] = &c->regs.x[xreg[i]];
    dst[34] = &c->tpidr;
    dst[35] = NULL;
    for (unsigned i = 0; i < count && i < MK_NUM_REGS; i++)
        if (dst[i])
            *dst[i] = mr[i];
}

SYSCALL(sys_pd_read_regs)
{
    struct pd *c = child_arg(self, a0);

    (void)a2, (void)a3;
    if (!c)
        return self;
    if (a1 && c->state != PD_STOPPED) {
        pd_cancel(c);
        c->state = PD_STOPPED;
    }
    regs_to_mrs(c, self->ipcbuf + 1);
    return self;
}
