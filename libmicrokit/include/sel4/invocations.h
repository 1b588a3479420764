/*
 * seL4 object invocations Microkit programs use (pd-api.md §9.3), on
 * Minikit's kernel ABI. Each takes a handle (sel4/handles.h) and returns
 * seL4_InvalidCapability, without entering the kernel, if the handle is not
 * of the right kind; otherwise the kernel's answer (seL4_InvalidCapability
 * again if the id is not granted to this PD by the system description).
 *
 * TCB handles are the child handles (MK_HANDLE_CHILD_BASE + child id). The
 * PD's own TCB, vCPU TCBs and <cspace> handles have no kernel operations
 * behind them yet.
 *
 * Not provided: seL4_TCB_ReadRegisters (the kernel has no call that reads a
 * child's registers).
 */
#ifndef SEL4_INVOCATIONS_H
#define SEL4_INVOCATIONS_H

#include <sel4/types.h>
#include <sel4/handles.h>
#include <sel4/syscalls.h>

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
    seL4_Word child;

    if (!mk_handle_id(_service, MK_HANDLE_CHILD_BASE, &child)) {
        return seL4_InvalidCapability;
    }
    return (seL4_Error)mk_sys_pd_stop(child);
}

/* Lets a stopped child continue where it was; does nothing to a running one. */
static inline seL4_Error seL4_TCB_Resume(seL4_TCB _service)
{
    seL4_Word child;

    if (!mk_handle_id(_service, MK_HANDLE_CHILD_BASE, &child)) {
        return seL4_InvalidCapability;
    }
    return (seL4_Error)mk_sys_pd_resume(child);
}

/*
 * The kernel can set a child's pc and restart it, nothing more. So only
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
    seL4_Word child;

    (void)arch_flags;
    if (!mk_handle_id(_service, MK_HANDLE_CHILD_BASE, &child)) {
        return seL4_InvalidCapability;
    }
    if (count != 1 || !resume_target) {
        return seL4_IllegalOperation;
    }
    return (seL4_Error)mk_sys_pd_restart(child, regs->pc);
}

#endif
