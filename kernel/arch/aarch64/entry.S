/*
 * Exception vectors and the user <-> kernel crossing.
 *
 * While a PD runs, SP_EL1 points at its struct pd, whose first member is
 * struct regs: the entry code stores the PD's registers straight into it,
 * then moves to the kernel stack. The C handler returns the PD to run next,
 * whose registers are then restored. One path for syscalls, faults and IRQs.
 */
#define REGS_SP   (31 * 8)
#define REGS_PC   (32 * 8)

.macro save_user
    stp     x0, x1, [sp, #16 * 0]
    stp     x2, x3, [sp, #16 * 1]
    stp     x4, x5, [sp, #16 * 2]
    stp     x6, x7, [sp, #16 * 3]
    stp     x8, x9, [sp, #16 * 4]
    stp     x10, x11, [sp, #16 * 5]
    stp     x12, x13, [sp, #16 * 6]
    stp     x14, x15, [sp, #16 * 7]
    stp     x16, x17, [sp, #16 * 8]
    stp     x18, x19, [sp, #16 * 9]
    stp     x20, x21, [sp, #16 * 10]
    stp     x22, x23, [sp, #16 * 11]
    stp     x24, x25, [sp, #16 * 12]
    stp     x26, x27, [sp, #16 * 13]
    stp     x28, x29, [sp, #16 * 14]
    mrs     x21, sp_el0
    stp     x30, x21, [sp, #16 * 15]
    mrs     x22, elr_el1
    mrs     x23, spsr_el1
    stp     x22, x23, [sp, #16 * 16]
    mov     x0, sp                  /* x0 = the PD */
    adrp    x1, boot_stack_top
    add     x1, x1, :lo12:boot_stack_top
    mov     sp, x1
.endm

    .text
    .balign 2048
    .global exception_vectors
exception_vectors:
    /* Current EL with SP_EL0: never used. */
    .balign 128
    b       kernel_trap
    .balign 128
    b       kernel_trap
    .balign 128
    b       kernel_trap
    .balign 128
    b       kernel_trap
    /* Current EL with SP_ELx: a kernel bug, or an IRQ while idle. */
    .balign 128
    b       kernel_trap
    .balign 128
    b       kernel_irq
    .balign 128
    b       kernel_trap
    .balign 128
    b       kernel_trap
    /* Lower EL, AArch64: the PDs. */
    .balign 128
    save_user
    mrs     x1, esr_el1
    bl      trap_sync
    b       arch_enter_user
    .balign 128
    save_user
    bl      trap_irq
    b       arch_enter_user
    .balign 128
    b       kernel_trap
    .balign 128
    b       kernel_trap
    /* Lower EL, AArch32: PDs are AArch64 only. */
    .balign 128
    b       kernel_trap
    .balign 128
    b       kernel_trap
    .balign 128
    b       kernel_trap
    .balign 128
    b       kernel_trap

/* arch_enter_user(struct pd *p): restore p's registers and run it. */
    .global arch_enter_user
arch_enter_user:
    mov     sp, x0
    ldp     x22, x23, [sp, #16 * 16]
    msr     elr_el1, x22
    msr     spsr_el1, x23
    ldp     x30, x21, [sp, #16 * 15]
    msr     sp_el0, x21
    ldp     x0, x1, [sp, #16 * 0]
    ldp     x2, x3, [sp, #16 * 1]
    ldp     x4, x5, [sp, #16 * 2]
    ldp     x6, x7, [sp, #16 * 3]
    ldp     x8, x9, [sp, #16 * 4]
    ldp     x10, x11, [sp, #16 * 5]
    ldp     x12, x13, [sp, #16 * 6]
    ldp     x14, x15, [sp, #16 * 7]
    ldp     x16, x17, [sp, #16 * 8]
    ldp     x18, x19, [sp, #16 * 9]
    ldp     x20, x21, [sp, #16 * 10]
    ldp     x22, x23, [sp, #16 * 11]
    ldp     x24, x25, [sp, #16 * 12]
    ldp     x26, x27, [sp, #16 * 13]
    ldp     x28, x29, [sp, #16 * 14]
    eret

kernel_trap:
    mrs     x0, esr_el1
    mrs     x1, elr_el1
    mrs     x2, far_el1
    bl      kernel_fault            /* does not return */

kernel_irq:
    /* Only the idle loop runs with IRQs unmasked in the kernel. */
    sub     sp, sp, #16 * 10
    stp     x0, x1, [sp, #16 * 0]
    stp     x2, x3, [sp, #16 * 1]
    stp     x4, x5, [sp, #16 * 2]
    stp     x6, x7, [sp, #16 * 3]
    stp     x8, x9, [sp, #16 * 4]
    stp     x10, x11, [sp, #16 * 5]
    stp     x12, x13, [sp, #16 * 6]
    stp     x14, x15, [sp, #16 * 7]
    stp     x16, x17, [sp, #16 * 8]
    stp     x18, x30, [sp, #16 * 9]
    bl      idle_irq
    ldp     x0, x1, [sp, #16 * 0]
    ldp     x2, x3, [sp, #16 * 1]
    ldp     x4, x5, [sp, #16 * 2]
    ldp     x6, x7, [sp, #16 * 3]
    ldp     x8, x9, [sp, #16 * 4]
    ldp     x10, x11, [sp, #16 * 5]
    ldp     x12, x13, [sp, #16 * 6]
    ldp     x14, x15, [sp, #16 * 7]
    ldp     x16, x17, [sp, #16 * 8]
    ldp     x18, x30, [sp, #16 * 9]
    add     sp, sp, #16 * 10
    eret
