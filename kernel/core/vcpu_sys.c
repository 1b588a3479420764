/*
 * MK_SYS_VCPU: a VMM's operations on the vCPUs of its virtual machine, by
 * vcpu id (docs/libmicrokit.md, "Virtual machines"): the seL4 invocations on
 * a VM's TCB (266 + id) and vCPU (330 + id) handles. A vCPU is a child of
 * its VMM (core/pd.c's state machine: stopped, runnable, faulted); its
 * register file is the PD frame, its EL1 system registers and virtual GIC
 * are arch/aarch64/vcpu.c's and plat/qemu_virt/vgic.c's. Bad ids, PD child
 * ids and bad arguments return seL4's errors and change nothing.
 */
#include "kernel.h"
#include "sched.h"

/* The vCPU of self named by id, or NULL (a PD child's id included). */
static struct pd *vcpu_arg(struct pd *self, u64 id)
{
    struct pd *c = id < MK_MAX_IDS ? self->children[id] : NULL;

    return c && c->vcpu ? c : NULL;
}

static void stop(struct pd *c)
{
    if (c->state != PD_STOPPED) {
        pd_cancel(c);
        c->state = PD_STOPPED;
    }
}

/* seL4_TCB_WriteRegisters: count words of seL4_UserContext from the caller's IPC buffer. */
static struct pd *write_tcb(struct pd *self, struct pd *c, u64 resume, u64 count)
{
    const u64 *mr = self->ipcbuf + 1;

    if (count < 1 || count > MK_NUM_REGS) {
        self->regs.x[0] = MK_ERANGE;
        return self;
    }
    regs_from_mrs(c, mr, (unsigned)count);
    c->regs.spsr = vcpu_sanitise_spsr(c->regs.spsr);
    if (count > 35)
        vcpu_reg_write_tpidrro(c->vcpu, mr[35]);
    self->regs.x[0] = MK_OK;
    if (!resume)
        return self; /* a faulted vCPU resumes with these at the VMM's reply */
    pd_cancel(c);
    return make_runnable(self, c);
}

SYSCALL(sys_vcpu)
{
    struct pd *c = vcpu_arg(self, a1);
    int err = MK_OK;

    self->regs.x[1] = 0;
    if (!c) {
        self->regs.x[0] = MK_EINVALID_CAP;
        return self;
    }
    switch (a0) {
    case MK_VCPU_RESTART:
        pd_cancel(c);
        c->regs.pc = a2;
        self->regs.x[0] = MK_OK;
        return make_runnable(self, c);
    case MK_VCPU_STOP:
        stop(c);
        break;
    case MK_VCPU_RESUME: /* as seL4's restart(): a stopped or faulted vCPU runs (a faulted one retries) */
        self->regs.x[0] = MK_OK;
        if (c->state != PD_STOPPED && c->state != PD_FAULTED)
            return self;
        pd_cancel(c);
        return make_runnable(self, c);
    case MK_VCPU_READ_TCB:
        if (a2)
            stop(c);
        regs_to_mrs(c, self->ipcbuf + 1);
        self->ipcbuf[1 + 35] = vcpu_reg_read_tpidrro(c->vcpu);
        break;
    case MK_VCPU_WRITE_TCB:
        return write_tcb(self, c, a2, a3);
    case MK_VCPU_READ_REG:
        self->regs.x[1] = vcpu_reg_read(c->vcpu, a2, &err);
        break;
    case MK_VCPU_WRITE_REG:
        err = vcpu_reg_write(c->vcpu, a2, a3);
        break;
    case MK_VCPU_INJECT_IRQ:
        err = vgic_inject(c->vcpu, a2);
        break;
    case MK_VCPU_ACK_VPPI:
        err = vcpu_ack_vppi(c->vcpu, a2);
        break;
    default:
        err = MK_EILLEGAL_OPERATION;
        break;
    }
    self->regs.x[0] = (u64)err;
    return self;
}
