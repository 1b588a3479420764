/*
 * Assembler macros shared by entry.S and fastpath.S: the layout of struct
 * regs (kernel.h) and the two halves of a PD switch.
 */
#ifndef ARCH_FRAME_H
#define ARCH_FRAME_H

#define X(n)      ((n) * 8)
#define REGS_SP   (31 * 8)
#define REGS_PC   (32 * 8)
#define EC_SVC64  0x15

/*
 * The PD at \prev made a syscall and is switched away from: store what the
 * syscall ABI says survives it and entry did not save (x19..x29, sp_el0,
 * elr, spsr, tpidr_el0; x30 is already in its frame). Clobbers x2..x5.
 */
.macro save_callee_saved prev
    stp     x19, x20, [\prev, #X(19)]
    stp     x21, x22, [\prev, #X(21)]
    stp     x23, x24, [\prev, #X(23)]
    stp     x25, x26, [\prev, #X(25)]
    stp     x27, x28, [\prev, #X(27)]
    str     x29, [\prev, #X(29)]
    mrs     x2, sp_el0
    mrs     x3, elr_el1
    mrs     x4, spsr_el1
    mrs     x5, tpidr_el0
    str     x2, [\prev, #REGS_SP]
    stp     x3, x4, [\prev, #REGS_PC]
    str     x5, [\prev, #PD_TPIDR]
.endm

/*
 * sp = the PD to enter, whose x0 and x1 are already in x0, x1: load the rest
 * of its frame (x2..x30: never another PD's values) and return to it.
 */
.macro enter_rest
    ldp     x22, x23, [sp, #REGS_PC]
    ldr     x21, [sp, #REGS_SP]
    msr     elr_el1, x22
    msr     spsr_el1, x23
    msr     sp_el0, x21
    ldp     x2, x3, [sp, #X(2)]
    ldp     x4, x5, [sp, #X(4)]
    ldp     x6, x7, [sp, #X(6)]
    ldp     x8, x9, [sp, #X(8)]
    ldp     x10, x11, [sp, #X(10)]
    ldp     x12, x13, [sp, #X(12)]
    ldp     x14, x15, [sp, #X(14)]
    ldp     x16, x17, [sp, #X(16)]
    ldp     x18, x19, [sp, #X(18)]
    ldp     x20, x21, [sp, #X(20)]
    ldp     x22, x23, [sp, #X(22)]
    ldp     x24, x25, [sp, #X(24)]
    ldp     x26, x27, [sp, #X(26)]
    ldp     x28, x29, [sp, #X(28)]
    ldr     x30, [sp, #X(30)]
    eret
.endm

#endif
