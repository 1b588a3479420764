/*
 * seL4 object invocations Microkit programs use (docs/libmicrokit.md, "Raw seL4 calls and handles"), on
 * Minikit's kernel ABI. Each takes a handle (sel4/handles.h) and returns
 * seL4_InvalidCapability, without entering the kernel, if the handle is not
 * of the right kind; otherwise the kernel's answer (seL4_InvalidCapability
 * again if the id is not granted to this PD by the system description).
 *
 * TCB handles are the child handles (MK_HANDLE_CHILD_BASE + child id) and
 * the VM TCB handles (MK_HANDLE_VM_TCB_BASE + vcpu id); the vCPU handles
 * are MK_HANDLE_VCPU_BASE + vcpu id. The PD's own TCB and <cspace> handles
 * have no kernel operations behind them yet. The VSpace handle is the PD's own (MK_HANDLE_VSPACE, seL4
 * Microkit's slot 3); the SMC handle is MK_HANDLE_SMC (ARM_SMC_CAP).
 */
#ifndef SEL4_INVOCATIONS_H
#define SEL4_INVOCATIONS_H

#include <sel4/types.h>
#include <sel4/handles.h>
#include <sel4/syscalls.h>
#include <sel4/ipcbuffer.h>

static inline seL4_Error seL4_IRQHandler_Ack(seL4_IRQHandler _service)
{
    seL4_Word id;

    if (!mk_handle_id(_service, MK_HANDLE_IRQ_BASE, &id)) {
        return seL4_InvalidCapability;
    }
    return (seL4_Error)mk_sys_irq_ack(id);
}

/* Stops the child until it is resumed or restarted. */
static inline seL4_Error seL4_TCB_Suspend(seL4_TCB _service)
{
    seL4_Word child, unused;

    if (mk_handle_id(_service, MK_HANDLE_VM_TCB_BASE, &child)) {
        return (seL4_Error)mk_sys_vcpu(MK_VCPU_STOP, child, 0, 0, &unused);
    }
    if (!mk_handle_id(_service, MK_HANDLE_CHILD_BASE, &child)) {
        return seL4_InvalidCapability;
    }
    return (seL4_Error)mk_sys_pd_stop(child);
}

/* Lets a stopped child continue where it was; does nothing to a running one. */
static inline seL4_Error seL4_TCB_Resume(seL4_TCB _service)
{
    seL4_Word child, unused;

    if (mk_handle_id(_service, MK_HANDLE_VM_TCB_BASE, &child)) {
        return (seL4_Error)mk_sys_vcpu(MK_VCPU_RESUME, child, 0, 0, &unused);
    }
    if (!mk_handle_id(_service, MK_HANDLE_CHILD_BASE, &child)) {
        return seL4_InvalidCapability;
    }
    return (seL4_Error)mk_sys_pd_resume(child);
}

/*
 * On a VM TCB handle (a vCPU): the first count (1..36) registers of regs,
 * in seL4_UserContext order, replace the vCPU's; with resume_target it then
 * runs (from regs->pc if count covers it), as seL4. Legal while the vCPU
 * waits on a fault: the VMM's fault() reply then resumes it with them.
 *
 * On a child PD's handle the kernel can set the pc and restart it, nothing
 * more. So only
 * count == 1 (the pc, first in seL4_UserContext) with resume_target is
 * done: the child leaves whatever it was doing (running, waiting, calling,
 * faulted, stopped) and runs from regs->pc, other registers unchanged.
 * Anything else returns seL4_IllegalOperation and changes nothing, rather
 * than silently dropping registers the caller asked for (count > 1) or
 * letting the child run when it asked for it to stay stopped
 * (resume_target false). arch_flags is ignored, as on seL4 for AArch64.
 */
static inline seL4_Error seL4_TCB_WriteRegisters(seL4_TCB _service, seL4_Bool resume_target, seL4_Uint8 arch_flags,
                                                 seL4_Word count, seL4_UserContext *regs)
{
    seL4_Word child, unused;

    (void)arch_flags;
    if (mk_handle_id(_service, MK_HANDLE_VM_TCB_BASE, &child)) {
        if (count < 1 || count > MK_NUM_REGS) {
            return seL4_RangeError;
        }
        for (seL4_Word i = 0; i < count; i++) {
            seL4_GetIPCBuffer()->msg[i] = ((seL4_Word *)regs)[i];
        }
        return (seL4_Error)mk_sys_vcpu(MK_VCPU_WRITE_TCB, child, resume_target != 0, count, &unused);
    }
    if (!mk_handle_id(_service, MK_HANDLE_CHILD_BASE, &child)) {
        return seL4_InvalidCapability;
    }
    if (count != 1 || !resume_target) {
        return seL4_IllegalOperation;
    }
    return (seL4_Error)mk_sys_pd_restart(child, regs->pc);
}

/*
 * Reads the first `count` (1..36) registers of a child or a vCPU (VM TCB
 * handle), in seL4_UserContext order; with suspend_source it is stopped
 * first (seL4_TCB_Suspend).
 * count out of range: seL4_RangeError, as seL4. arch_flags is ignored, as on
 * seL4 for AArch64.
 */
static inline seL4_Error seL4_TCB_ReadRegisters(seL4_TCB _service, seL4_Bool suspend_source, seL4_Uint8 arch_flags,
                                                seL4_Word count, seL4_UserContext *regs)
{
    seL4_Word child;
    seL4_Word err;

    (void)arch_flags;
    if (mk_handle_id(_service, MK_HANDLE_VM_TCB_BASE, &child)) {
        if (count < 1 || count > MK_NUM_REGS) {
            return seL4_RangeError;
        }
        err = mk_sys_vcpu(MK_VCPU_READ_TCB, child, suspend_source != 0, 0, &(seL4_Word){0});
    } else if (!mk_handle_id(_service, MK_HANDLE_CHILD_BASE, &child)) {
        return seL4_InvalidCapability;
    } else if (count < 1 || count > MK_NUM_REGS) {
        return seL4_RangeError;
    } else {
        err = mk_sys_read_regs(child, suspend_source != 0);
    }
    if (err != seL4_NoError) {
        return (seL4_Error)err;
    }
    for (seL4_Word i = 0; i < count; i++) {
        ((seL4_Word *)regs)[i] = seL4_GetIPCBuffer()->msg[i];
    }
    return seL4_NoError;
}

/*
 * The VSpace cache invocations, on this PD's own address space only (the
 * handle 3, which seL4 Microkit gives every PD for its VSpace). [start, end)
 * must lie in one page of one map; errors as seL4 (the kernel's
 * arch/aarch64/vspace_cache.c): end <= start seL4_InvalidArgument, end above
 * seL4_UserTop seL4_IllegalOperation, crossing the page seL4_RangeError;
 * nothing mapped at start succeeds and does nothing.
 */
static inline seL4_Error mk_vspace_cache(seL4_ARM_VSpace _service, seL4_Word op, seL4_Word start, seL4_Word end)
{
    if (_service != MK_HANDLE_VSPACE) {
        return seL4_InvalidCapability;
    }
    return (seL4_Error)mk_sys_cache(op, start, end);
}

static inline seL4_Error seL4_ARM_VSpace_Clean_Data(seL4_ARM_VSpace _service, seL4_Word start, seL4_Word end)
{
    return mk_vspace_cache(_service, MK_CACHE_CLEAN, start, end);
}

static inline seL4_Error seL4_ARM_VSpace_Invalidate_Data(seL4_ARM_VSpace _service, seL4_Word start, seL4_Word end)
{
    return mk_vspace_cache(_service, MK_CACHE_INVALIDATE, start, end);
}

static inline seL4_Error seL4_ARM_VSpace_CleanInvalidate_Data(seL4_ARM_VSpace _service, seL4_Word start,
                                                              seL4_Word end)
{
    return mk_vspace_cache(_service, MK_CACHE_CLEAN_INVALIDATE, start, end);
}

static inline seL4_Error seL4_ARM_VSpace_Unify_Instruction(seL4_ARM_VSpace _service, seL4_Word start, seL4_Word end)
{
    return mk_vspace_cache(_service, MK_CACHE_UNIFY, start, end);
}

/*
 * Forwards an SMC (SMC Calling Convention: x0..x7 in and out) to the
 * firmware. Only a PD with smc="true" may; others get
 * seL4_InvalidCapability, as a PD without the SMC capability does on seL4.
 */
static inline seL4_Error seL4_ARM_SMC_Call(seL4_ARM_SMC _service, seL4_ARM_SMCContext *smc_args,
                                           seL4_ARM_SMCContext *smc_response)
{
    seL4_Word *mr = seL4_GetIPCBuffer()->msg;
    seL4_Word err;

    if (_service != MK_HANDLE_SMC) {
        return seL4_InvalidCapability;
    }
    mr[0] = smc_args->x0, mr[1] = smc_args->x1, mr[2] = smc_args->x2, mr[3] = smc_args->x3;
    mr[4] = smc_args->x4, mr[5] = smc_args->x5, mr[6] = smc_args->x6, mr[7] = smc_args->x7;
    err = mk_sys_smc();
    if (err != seL4_NoError) {
        return (seL4_Error)err;
    }
    smc_response->x0 = mr[0], smc_response->x1 = mr[1], smc_response->x2 = mr[2], smc_response->x3 = mr[3];
    smc_response->x4 = mr[4], smc_response->x5 = mr[5], smc_response->x6 = mr[6], smc_response->x7 = mr[7];
    return seL4_NoError;
}

/*
 * The vCPU invocations (seL4_ARM_VCPU_*), on MK_HANDLE_VCPU_BASE + vcpu id,
 * with seL4's arguments and errors (docs/libmicrokit.md).
 */
typedef struct seL4_ARM_VCPU_ReadRegs {
    int error;
    seL4_Word value;
} seL4_ARM_VCPU_ReadRegs_t;

static inline seL4_Error mk_vcpu_op(seL4_ARM_VCPU _service, seL4_Word op, seL4_Word a, seL4_Word b, seL4_Word *result)
{
    seL4_Word id;

    if (!mk_handle_id(_service, MK_HANDLE_VCPU_BASE, &id)) {
        return seL4_InvalidCapability;
    }
    return (seL4_Error)mk_sys_vcpu(op, id, a, b, result);
}

/*
 * Puts virtual IRQ virq (< 1024) pending in list register index with
 * priority (< 32: the 5-bit GICv2 list-register field) and group (0, 1);
 * the guest's EOI of it raises a VGIC maintenance fault. seL4_RangeError for
 * an argument out of range, seL4_DeleteFirst if that list register still
 * holds a pending or active IRQ.
 */
static inline seL4_Error seL4_ARM_VCPU_InjectIRQ(seL4_ARM_VCPU _service, seL4_Uint16 virq, seL4_Uint8 priority,
                                                 seL4_Uint8 group, seL4_Uint8 index)
{
    seL4_Word packed = (seL4_Word)virq | (seL4_Word)priority << 16 | (seL4_Word)group << 24 | (seL4_Word)index << 32;

    return mk_vcpu_op(_service, MK_VCPU_INJECT_IRQ, packed, 0, &(seL4_Word){0});
}

/* Unmasks the virtual PPI irq (27, the virtual timer) after its VPPI event. */
static inline seL4_Error seL4_ARM_VCPU_AckVPPI(seL4_ARM_VCPU _service, seL4_Word irq)
{
    return mk_vcpu_op(_service, MK_VCPU_ACK_VPPI, irq, 0, &(seL4_Word){0});
}

static inline seL4_ARM_VCPU_ReadRegs_t seL4_ARM_VCPU_ReadRegs(seL4_ARM_VCPU _service, seL4_Word field)
{
    seL4_ARM_VCPU_ReadRegs_t r = {0, 0};

    r.error = (int)mk_vcpu_op(_service, MK_VCPU_READ_REG, field, 0, &r.value);
    if (r.error != seL4_NoError) {
        r.value = 0;
    }
    return r;
}

static inline seL4_Error seL4_ARM_VCPU_WriteRegs(seL4_ARM_VCPU _service, seL4_Word field, seL4_Word value)
{
    return mk_vcpu_op(_service, MK_VCPU_WRITE_REG, field, value, &(seL4_Word){0});
}

#endif
