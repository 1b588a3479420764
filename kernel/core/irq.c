/*
 * IRQs (docs/concepts.md, "Interrupts"). Each <irq> binds a GIC INTID to a PD's id. When
 * it fires the kernel masks it, ends it at the GIC and signals the id like a
 * notification; it stays masked until the PD acknowledges it
 * (microkit_irq_ack, or the deferred ack of the next wait). Every IRQ starts
 * masked: libmicrokit acknowledges each once after init().
 */
#include "kernel.h"
#include "sched.h"
#include "gic.h"
#include "vgic.h"
#include <minikit/board.h>

/* Which PD id an INTID signals; pd == NULL for INTIDs nobody owns. */
static struct {
    struct pd *pd;
    u8 id;
} irq_owner[GIC_MAX_INTID];

void irqs_init(const struct mk_systable *t)
{
    const struct mk_irq *irq = (const void *)((const char *)t + t->irqs_off);

    gic_init();
    for (unsigned i = 0; i < t->nirqs; i++, irq++) {
        unsigned intid = irq->irq;

        /* The UART's IRQ 33 is a PD's like any other: the kernel only ever writes to the UART. */
        if (intid < MK_IRQ_FIRST || intid >= MK_IRQ_END || intid == MK_IRQ_KERNEL_TIMER)
            panic(BAD_TABLE "IRQ %u cannot be given to a PD (SGI, out of range or the kernel's)", intid);
        if (vms && (intid == VGIC_MAINT_INTID || intid == VGIC_HYPTIMER_INTID))
            panic(BAD_TABLE "IRQ %u cannot be given to a PD in a system with virtual machines (the kernel's)",
                  intid);
        if (irq->pd >= t->npds || irq->id >= MK_MAX_IDS || irq_owner[intid].pd)
            panic(BAD_TABLE "IRQ %u has a bad or second owner", intid);
        struct pd *p = &pds[irq->pd];
        if (p->ch[irq->id].peer || p->irq[irq->id])
            panic(BAD_TABLE "PD %u uses id %u twice", irq->pd, irq->id);
        irq_owner[intid].pd = p;
        irq_owner[intid].id = irq->id;
        p->irq[irq->id] = (uint16_t)intid;
        gic_configure(intid, irq->trigger == MK_IRQ_EDGE);
    }
    kprintf("minikit| GICv%u, %u IRQs bound\n", gic_version(), t->nirqs);
}

/* Unmask: the PD has dealt with its device. */
int irq_ack(struct pd *self, u64 id)
{
    if (id >= MK_MAX_IDS || !self->irq[id])
        return MK_EINVALID_CAP;
    gic_unmask(self->irq[id]);
    return MK_OK;
}

SYSCALL(sys_irq_ack)
{
    (void)a1, (void)a2, (void)a3;
    self->regs.x[0] = (u64)irq_ack(self, a0);
    return self;
}

/*
 * Take the pending interrupt: mask it (unless it is the kernel's timer),
 * end it, signal its PD. One per exception: another one pending brings the
 * CPU straight back (an IRQ exception on the ERET to EL0, or WFI returning
 * at once in idle), so the common case of one reads the acknowledge
 * register once. Returns the timer's verdict on `self` (timer.c). Runs with
 * interrupts masked. `vm` is a constant: irq_dispatch (no VMs) compiles to
 * the code it always was, irq_dispatch_vm has the VM PPIs.
 */
static inline __attribute__((always_inline)) int irq_take(struct pd *self, const int vm)
{
    unsigned intid = gic_take(MK_IRQ_KERNEL_TIMER);

    if (intid == MK_IRQ_KERNEL_TIMER && !vm)
        return timer_tick(self);
    if (intid != GIC_SPURIOUS && irq_owner[intid].pd) {
        TRACE(TR_IRQ, irq_owner[intid].pd, NULL, intid, irq_owner[intid].id);
        struct pd *t = notify_pd(irq_owner[intid].pd, irq_owner[intid].id);
        if (t)
            sched_enqueue(t);
    } else if (vm && intid != GIC_SPURIOUS) {
        return vm_irq_take(self, intid); /* plat/qemu_virt/vgic.c */
    }
    return TIMER_KEEP;
}

/*
 * An interrupt arrived while `self` ran (NULL: while idle). A woken PD of
 * higher priority preempts self; at the end of a slice self goes behind the
 * ready PDs of its own priority (round-robin).
 */
static inline __attribute__((always_inline)) struct pd *dispatch(struct pd *self, const int vm)
{
    int verdict = irq_take(self, vm);

    if (!self)
        return NULL;
    if (verdict == TIMER_PARK)
        return schedule_next(); /* parked: budget spent or domain slot over (timer_tick) */
    if (!sched_any_ready())
        return self;
    unsigned top = sched_highest_ready();
    if (top > self->prio) {
        struct pd *p = sched_pick(); /* first, so that self may take the slot */
        sched_enqueue_front_picked(self);
        return p;
    }
    if (verdict == TIMER_ROTATE && top == self->prio) {
        sched_enqueue(self);
        return sched_pick();
    }
    return self;
}

struct pd *irq_dispatch(struct pd *self)
{
    return dispatch(self, 0);
}

#ifdef MK_CONFIG_VM
/* The same in a system with virtual machines (entry.S's VM vectors, idle, vcpu.c). */
struct pd *irq_dispatch_vm(struct pd *self)
{
    return dispatch(self, 1);
}
#endif
