/*
 * The syscall ABI between libmicrokit and the kernel. Ours, not seL4's:
 * Minikit is source compatible with Microkit, not binary compatible.
 *
 *   svc #0 with the syscall number in x8, arguments in x0..x3,
 *   results in x0..x1. Like a function call under the AAPCS64: x2..x18
 *   (x8 included) may be clobbered, x19..x30 and sp are preserved, and so
 *   are the condition flags. That lets the kernel save almost nothing on a
 *   syscall that returns to the same PD (see kernel/arch/aarch64/entry.S).
 *
 * Message registers are not passed in CPU registers: the kernel copies
 * msg[0 .. length) directly from the sender's IPC buffer to the receiver's
 * (it reaches both through its linear map), which costs fewer instructions
 * than moving them through the saved register frames and back to memory.
 */
#ifndef MINIKIT_ABI_H
#define MINIKIT_ABI_H

/* Syscall numbers (plain #defines: entry.S includes this file too). */
#define MK_SYS_PUTC       0 /* x0 = character. Printed in debug configs only. */
#define MK_SYS_NOTIFY     1 /* x0 = channel id -> x0 = error */
#define MK_SYS_PPCALL     2 /* x0 = channel id, x1 = tag -> x0 = reply tag, x1 = error */
#define MK_SYS_WAIT       3 /* x0 = reply tag, x1 = MK_WAIT_* flags, x2 = deferred op,
                               x3 = deferred argument -> x0 = tag, x1 = badge */
#define MK_SYS_IRQ_ACK    4 /* x0 = irq id -> x0 = error */
#define MK_SYS_PD_RESTART 5 /* x0 = child id, x1 = pc -> x0 = error */
#define MK_SYS_PD_STOP    6 /* x0 = child id -> x0 = error */
#define MK_SYS_PD_RESUME  7 /* x0 = child id -> x0 = error */
#define MK_SYS_CACHE      8 /* x0 = MK_CACHE_* op, x1 = start, x2 = end (own VSpace) -> x0 = error */
#define MK_SYS_POLL       9 /* x0 = MK_POLL_* flags -> x0 = tag, x1 = badge (0: nothing there) */
#define MK_SYS_YIELD     10 /* -> nothing */
#define MK_SYS_READ_REGS 11 /* x0 = child id, x1 = suspend it first -> x0 = error;
                               the child's registers in IPC buffer msg[0..MK_NUM_REGS) */
#define MK_SYS_SMC       12 /* x0..x7 of the SMC in IPC buffer msg[0..8) -> x0 = error;
                               the firmware's x0..x7 in msg[0..8) */
#define MK_SYS_VCPU      13 /* x0 = MK_VCPU_* op, x1 = vCPU id, x2, x3 = op arguments
                               -> x0 = error, x1 = result (MK_VCPU_READ_REG) */
#define MK_SYS_COUNT     14

/*
 * MK_SYS_VCPU operations, on a vCPU of the caller's VM by its vcpu id (the
 * seL4 invocations on the VM's TCB, 266 + id, and vCPU, 330 + id, handles).
 */
#define MK_VCPU_RESTART    0 /* x2 = pc: set the PC and run it (seL4_TCB_WriteRegisters pc, resume) */
#define MK_VCPU_STOP       1 /* seL4_TCB_Suspend */
#define MK_VCPU_RESUME     2 /* seL4_TCB_Resume */
#define MK_VCPU_READ_TCB   3 /* x2 = suspend first -> its MK_NUM_REGS registers in the caller's IPC
                                buffer msg[0..MK_NUM_REGS), seL4_UserContext order */
#define MK_VCPU_WRITE_TCB  4 /* x2 = resume, x3 = count (1..MK_NUM_REGS): the first count registers
                                from the caller's IPC buffer msg[], seL4_UserContext order */
#define MK_VCPU_READ_REG   5 /* x2 = seL4_VCPUReg_* -> x1 = value */
#define MK_VCPU_WRITE_REG  6 /* x2 = seL4_VCPUReg_*, x3 = value */
#define MK_VCPU_INJECT_IRQ 7 /* x2 = virq | priority << 16 | group << 24 | list-register index << 32 */
#define MK_VCPU_ACK_VPPI   8 /* x2 = the PPI's INTID */
#define MK_VCPU_NUM_OPS    9

/* seL4's VCPU registers (seL4_VCPUReg_*, include/sel4/... in libmicrokit): how many. */
#define MK_VCPU_NUM_REGS 24

/* MK_SYS_CACHE operations: seL4_ARM_VSpace_*_Data / _Unify_Instruction */
#define MK_CACHE_CLEAN            0
#define MK_CACHE_INVALIDATE       1
#define MK_CACHE_CLEAN_INVALIDATE 2
#define MK_CACHE_UNIFY            3

/* MK_SYS_POLL flags */
#define MK_POLL_CALLS (1u << 0) /* a queued PPC or child fault counts too (seL4_NBRecv) */

/* MK_SYS_READ_REGS: seL4_UserContext on AArch64 has this many words */
#define MK_NUM_REGS 36

/* MK_SYS_WAIT flags */
#define MK_WAIT_REPLY (1u << 0) /* first reply with tag x0 to the PD we serve */

/* MK_SYS_WAIT deferred operation, performed before the reply and the wait */
#define MK_DEFER_NONE    0
#define MK_DEFER_NOTIFY  1
#define MK_DEFER_IRQ_ACK 2

/*
 * The badge MK_SYS_WAIT returns says what woke the PD (the seL4 encoding,
 * which is why ids stop at 61):
 *   bit 63 set: a PPC on channel (badge & 0x3f)
 *   bit 62 set: a fault of child (badge & 0xff)
 *   otherwise:  the set of notified channel / IRQ ids, bit i = id i
 */
#define MK_BADGE_PPC   (1ULL << 63)
#define MK_BADGE_FAULT (1ULL << 62)

/* Errors returned in x0 / x1 (the seL4_Error numbering). */
#define MK_OK                 0
#define MK_EINVALID_ARGUMENT  1
#define MK_EINVALID_CAP       2
#define MK_EILLEGAL_OPERATION 3
#define MK_ERANGE             4
#define MK_EDELETE_FIRST      8 /* seL4_DeleteFirst: inject into a list register in use */

/* Message-info tag layout (seL4_MessageInfo_t). */
#define MK_TAG_LENGTH_MASK 0x7fULL
#define MK_TAG_LABEL_SHIFT 12
#define MK_MSG_MAX_LENGTH  120

#endif
