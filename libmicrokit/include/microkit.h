/*
 * The Microkit PD programming interface (docs/libmicrokit.md), source compatible with
 * upstream Microkit 2.3 on AArch64.
 *
 * The calls below check their id against the masks the tool patched into
 * this PD (microkit_notifications, microkit_irqs, microkit_pps) before going
 * to the kernel. A bad id prints one diagnostic line naming the PD, the
 * function and the id (debug builds) and the call does nothing.
 *
 * notify and irq_ack go through the raw seL4 calls (sel4/ipc.h,
 * sel4/invocations.h): after the check the handle decodes back to the id
 * at compile time, so they compile to the same instructions as the bare
 * mk_sys_* stubs. ppcall and the child calls use the stubs directly:
 * seL4_Call has no way to report the kernel's error, and the TCB calls
 * would add a range check the kernel does anyway.
 */
#ifndef MICROKIT_H
#define MICROKIT_H

#include <stdbool.h>
#include <stdint.h>
#include <sel4/sel4.h>

typedef unsigned int microkit_channel;
typedef unsigned int microkit_child;
typedef unsigned int microkit_ioport;
typedef seL4_MessageInfo_t microkit_msginfo;

#define MICROKIT_MAX_CHANNELS   62
#define MICROKIT_MAX_CHANNEL_ID (MICROKIT_MAX_CHANNELS - 1)
#define MICROKIT_MAX_IOPORT_ID  MICROKIT_MAX_CHANNELS
#define MICROKIT_PD_NAME_LENGTH 64
#define MICROKIT_MAX_USER_CAPS  128

/*
 * Upstream's cap-slot numbers, as the handles of the raw seL4 calls
 * (sel4/handles.h): e.g. seL4_Signal(BASE_OUTPUT_NOTIFICATION_CAP + ch)
 * notifies channel ch. INPUT_CAP and REPLY_CAP (upstream keeps them in its
 * main.c) are what a PD's own seL4_Recv / seL4_ReplyRecv loop passes.
 */
#define INPUT_CAP                    MK_HANDLE_INPUT
#define REPLY_CAP                    MK_HANDLE_REPLY
#define MONITOR_EP                   MK_HANDLE_MONITOR
#define TCB_CAP                      MK_HANDLE_OWN_TCB
#define ARM_SMC_CAP                  MK_HANDLE_SMC
#define BASE_OUTPUT_NOTIFICATION_CAP MK_HANDLE_NOTIFY_BASE
#define BASE_ENDPOINT_CAP            MK_HANDLE_PPC_BASE
#define BASE_IRQ_CAP                 MK_HANDLE_IRQ_BASE
#define BASE_TCB_CAP                 MK_HANDLE_CHILD_BASE
#define BASE_VM_TCB_CAP              MK_HANDLE_VM_TCB_BASE
#define BASE_VCPU_CAP                MK_HANDLE_VCPU_BASE
#define BASE_IOPORT_CAP              MK_HANDLE_IOPORT_BASE
/* The <cspace> root: 64 slots, slot 0 holding the blocks above, user handles from 1. */
#define PD_ROOT_CAP_BITS 6
#define PD_ROOT_CAP_SIZE (1 << PD_ROOT_CAP_BITS)
#define BASE_USER_CAPS   1

/* Entry points the PD provides. protected and fault have weak defaults. */
void init(void);
void notified(microkit_channel ch);
microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo);
seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo);

/* Written by the tool into every PD image (docs/libmicrokit.md, "Variables"). */
extern char microkit_name[MICROKIT_PD_NAME_LENGTH];
extern bool microkit_passive;
extern seL4_Word microkit_irqs;
extern seL4_Word microkit_notifications;
extern seL4_Word microkit_pps;
extern seL4_Word microkit_ioports;

/* The deferred-request slot, flushed by the event loop at the next wait. */
extern seL4_Bool microkit_have_signal;
extern seL4_CPtr microkit_signal_cap;
extern microkit_msginfo microkit_signal_msg;

void microkit_dbg_putc(int c);
void microkit_dbg_puts(const char *s);
void microkit_dbg_put8(seL4_Uint8 x);
void microkit_dbg_put32(seL4_Uint32 x);
void __assert_fail(const char *expr, const char *file, int line, const char *function);

/* Diagnostics of the inline calls, kept out of line so the fast paths stay small. */
void microkit_internal_bad_id(const char *function, const char *what, microkit_channel id);
void microkit_internal_kernel_error(const char *function, microkit_child child, seL4_Word err);
void microkit_internal_smc_error(seL4_Word err);

static inline void microkit_internal_crash(seL4_Error err)
{
    /* A store to address err: a VM fault whose address is the error code. */
    mk_fault_at(err);
}

/* Expected to hold: GCC then keeps the diagnostic off the straight-line path. */
static inline bool microkit_internal_id_ok(seL4_Word id, seL4_Word mask)
{
    return __builtin_expect(id <= MICROKIT_MAX_CHANNEL_ID && (mask & (1ULL << id)) != 0, 1);
}

static inline microkit_msginfo microkit_msginfo_new(seL4_Word label, seL4_Uint16 count)
{
    return seL4_MessageInfo_new(label, 0, 0, count);
}

static inline seL4_Word microkit_msginfo_get_label(microkit_msginfo msginfo)
{
    return seL4_MessageInfo_get_label(msginfo);
}

static inline seL4_Word microkit_msginfo_get_count(microkit_msginfo msginfo)
{
    return seL4_MessageInfo_get_length(msginfo);
}

static inline void microkit_mr_set(seL4_Uint8 mr, seL4_Word value)
{
    seL4_SetMR(mr, value);
}

static inline seL4_Word microkit_mr_get(seL4_Uint8 mr)
{
    return seL4_GetMR(mr);
}

static inline void microkit_notify(microkit_channel ch)
{
    if (!microkit_internal_id_ok(ch, microkit_notifications)) {
        microkit_internal_bad_id("microkit_notify", "channel", ch);
        return;
    }
    /* Widened before the addition, so that the decoding folds away. */
    seL4_Signal(BASE_OUTPUT_NOTIFICATION_CAP + (seL4_CPtr)ch);
}

static inline void microkit_irq_ack(microkit_channel ch)
{
    if (!microkit_internal_id_ok(ch, microkit_irqs)) {
        microkit_internal_bad_id("microkit_irq_ack", "irq", ch);
        return;
    }
    seL4_IRQHandler_Ack(BASE_IRQ_CAP + (seL4_CPtr)ch);
}

static inline microkit_msginfo microkit_ppcall(microkit_channel ch, microkit_msginfo msginfo)
{
    seL4_Word err;

    if (!microkit_internal_id_ok(ch, microkit_pps)) {
        microkit_internal_bad_id("microkit_ppcall", "channel", ch);
        return seL4_MessageInfo_new(0, 0, 0, 0);
    }
    msginfo = mk_sys_ppcall(ch, msginfo, &err);
    if (err != seL4_NoError) {
        /* The tool and the kernel disagree about this channel: not recoverable. */
        microkit_internal_kernel_error("microkit_ppcall", ch, err);
    }
    return msginfo;
}

/* Fill the one deferred slot; the event loop performs it at the next wait. */
static inline void microkit_internal_defer(seL4_Word op, microkit_channel ch)
{
    microkit_have_signal = seL4_True;
    microkit_signal_msg = seL4_MessageInfo_new(op, 0, 0, 0);
    microkit_signal_cap = ch;
}

static inline void microkit_deferred_notify(microkit_channel ch)
{
    if (!microkit_internal_id_ok(ch, microkit_notifications)) {
        microkit_internal_bad_id("microkit_deferred_notify", "channel", ch);
        return;
    }
    microkit_internal_defer(MK_DEFER_NOTIFY, ch);
}

static inline void microkit_deferred_irq_ack(microkit_channel ch)
{
    if (!microkit_internal_id_ok(ch, microkit_irqs)) {
        microkit_internal_bad_id("microkit_deferred_irq_ack", "irq", ch);
        return;
    }
    microkit_internal_defer(IRQAckIRQ, ch);
}

/* Sets only the child's PC (other registers keep their values) and runs it. */
static inline void microkit_pd_restart(microkit_child pd, seL4_Word entry_point)
{
    seL4_Word err = mk_sys_pd_restart(pd, entry_point);
    if (err != seL4_NoError) {
        microkit_internal_kernel_error("microkit_pd_restart", pd, err);
    }
}

static inline void microkit_pd_stop(microkit_child pd)
{
    seL4_Word err = mk_sys_pd_stop(pd);
    if (err != seL4_NoError) {
        microkit_internal_kernel_error("microkit_pd_stop", pd, err);
    }
}

static inline void microkit_pd_resume(microkit_child pd)
{
    seL4_Word err = mk_sys_pd_resume(pd);
    if (err != seL4_NoError) {
        microkit_internal_kernel_error("microkit_pd_resume", pd, err);
    }
}

/*
 * Virtual machines (docs/libmicrokit.md, "Virtual machines"): vcpu is the id
 * of a <vcpu> of this PD's <virtual_machine>. As upstream, a kernel error
 * (a bad id, an argument out of range) prints a line naming the call and
 * crashes the VMM at the error code.
 */
static inline void microkit_internal_vcpu_check(const char *function, microkit_child vcpu, seL4_Error err)
{
    if (err != seL4_NoError) {
        microkit_internal_kernel_error(function, vcpu, err);
    }
}

/* Sets the vCPU's PC (other registers keep their values) and runs it. */
static inline void microkit_vcpu_restart(microkit_child vcpu, seL4_Word entry_point)
{
    seL4_UserContext ctxt = {0};

    ctxt.pc = entry_point;
    microkit_internal_vcpu_check("microkit_vcpu_restart", vcpu,
                                 seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + vcpu, seL4_True, 0, 1, &ctxt));
}

static inline void microkit_vcpu_stop(microkit_child vcpu)
{
    microkit_internal_vcpu_check("microkit_vcpu_stop", vcpu, seL4_TCB_Suspend(BASE_VM_TCB_CAP + vcpu));
}

static inline void microkit_vcpu_arm_inject_irq(microkit_child vcpu, seL4_Uint16 irq, seL4_Uint8 priority,
                                                seL4_Uint8 group, seL4_Uint8 index)
{
    microkit_internal_vcpu_check("microkit_vcpu_arm_inject_irq", vcpu,
                                 seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + vcpu, irq, priority, group, index));
}

static inline void microkit_vcpu_arm_ack_vppi(microkit_child vcpu, seL4_Word irq)
{
    microkit_internal_vcpu_check("microkit_vcpu_arm_ack_vppi", vcpu,
                                 seL4_ARM_VCPU_AckVPPI(BASE_VCPU_CAP + vcpu, irq));
}

static inline seL4_Word microkit_vcpu_arm_read_reg(microkit_child vcpu, seL4_Word reg)
{
    seL4_ARM_VCPU_ReadRegs_t ret = seL4_ARM_VCPU_ReadRegs(BASE_VCPU_CAP + vcpu, reg);

    microkit_internal_vcpu_check("microkit_vcpu_arm_read_reg", vcpu, (seL4_Error)ret.error);
    return ret.value;
}

static inline void microkit_vcpu_arm_write_reg(microkit_child vcpu, seL4_Word reg, seL4_Word value)
{
    microkit_internal_vcpu_check("microkit_vcpu_arm_write_reg", vcpu,
                                 seL4_ARM_VCPU_WriteRegs(BASE_VCPU_CAP + vcpu, reg, value));
}

#if defined(CONFIG_ALLOW_SMC_CALLS)
/*
 * Has the kernel make an SMC with args->x0..x7 and returns the firmware's
 * x0..x7 in *response (docs/libmicrokit.md, "Functions"). Only for PDs with smc="true": for
 * any other the kernel refuses (seL4_InvalidCapability) and, as upstream,
 * the PD prints a line and crashes at the error code.
 */
static inline void microkit_arm_smc_call(seL4_ARM_SMCContext *args, seL4_ARM_SMCContext *response)
{
    seL4_Error err = seL4_ARM_SMC_Call(ARM_SMC_CAP, args, response);
    if (err != seL4_NoError) {
        microkit_internal_smc_error(err);
    }
}
#endif

/*
 * Extra handles from the SDF's <cspace> are not supported by the Minikit
 * kernel yet; the encoding is seL4's so that values stay distinct per slot.
 */
static inline seL4_CPtr microkit_cspace_root_slot_to_cptr(seL4_Word slot)
{
    if (slot < BASE_USER_CAPS || slot >= PD_ROOT_CAP_SIZE) {
        return seL4_CapNull;
    }
    return slot << (seL4_WordBits - PD_ROOT_CAP_BITS);
}

#endif
