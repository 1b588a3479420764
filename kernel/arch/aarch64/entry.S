/*
 * Exception vectors and the user <-> kernel crossing.
 *
 * While a PD runs, SP_EL1 points at its struct pd, whose first member is
 * struct regs, and TPIDR_EL1 holds the kernel stack top.
 *
 * Syscalls (the hot path) follow the AAPCS call convention (abi.h): x2..x18
 * are the caller's to lose, x19..x30 and sp are preserved. So the entry saves
 * only x30; the kernel's C code preserves x19..x29 by itself; and a syscall
 * that returns to the same PD restores x0..x1 (results) and x2..x18 from the
 * PD's own frame (stale values of its own, never another PD's or the
 * kernel's). Only when the kernel switches to another PD are the caller's
 * x19..x29, sp_el0, elr and spsr stored, and the next PD's whole frame loaded.
 *
 * Notify, call, wait and reply-wait usually never reach C: fastpath.S takes
 * them when nothing unusual is going on (and never while switch_hooks_on),
 * and branches to el0_svc_c otherwise.
 *
 * Everything else (faults, the FP trap, IRQs, bad syscall numbers) saves the
 * whole frame and leaves through the whole-frame restore.
 */
#include <minikit/abi.h>
#include "pd_layout.h"
#include "frame.h"

/*
 * The vector table: exception_vectors; in the kernel with VM support
 * (MK_CONFIG_VM) also exception_vectors_vm, which arch/aarch64/vm_boot.c
 * installs for a system with virtual machines, whose IRQs go to
 * irq_dispatch_vm. The choice costs nothing on the interrupt path.
 */
.macro vectors name, irq
    .balign 2048
    .global \name
\name:
    /* Current EL with SP_EL0: never used. */
    .org    \name + 0x000
    b       kernel_trap
    .org    \name + 0x080
    b       kernel_trap
    .org    \name + 0x100
    b       kernel_trap
    .org    \name + 0x180
    b       kernel_trap
    /* Current EL with SP_ELx: a kernel bug (IRQs are never unmasked at EL1). */
    .org    \name + 0x200
    b       kernel_trap
    .org    \name + 0x280
    b       kernel_irq
    .org    \name + 0x300
    b       kernel_trap
    .org    \name + 0x380
    b       kernel_trap
    /* Lower EL, AArch64: the PDs. */
    .org    \name + 0x400
    str     x30, [sp, #X(30)]
    mrs     x30, esr_el1
    lsr     x30, x30, #26
    cmp     x30, #EC_SVC64
    b.ne    el0_slow
    adrp    x9, fastpath_max_sys    /* notify, ppcall, wait: fastpath.S if it can, */
    ldr     x9, [x9, :lo12:fastpath_max_sys]
    cmp     x8, x9                  /* never while switch_hooks_on (trap.c) */
    b.hi    el0_svc_c
    cmp     x8, #MK_SYS_PPCALL
    b.eq    fast_call
    b.hi    fast_wait
    cbnz    x8, fast_notify         /* MK_SYS_NOTIFY is 1 */
    b       el0_svc_c               /* putc */
    .org    \name + 0x480
    b       \irq
    .org    \name + 0x500
    b       kernel_trap
    .org    \name + 0x580
    b       kernel_trap
    /* Lower EL, AArch32: PDs are AArch64 only. */
    .org    \name + 0x600
    b       kernel_trap
    .org    \name + 0x680
    b       kernel_trap
    .org    \name + 0x700
    b       kernel_trap
    .org    \name + 0x780
    b       kernel_trap

    .org    \name + 0x800   /* the assembler stops here if a vector overflows */
.endm

    .section .text.vectors, "ax"     /* with el2.S's: no padding between them (kernel.ld) */
    vectors exception_vectors, el0_irq
#ifdef MK_CONFIG_VM
    vectors exception_vectors_vm, el0_irq_vm
#endif

    .text

/* A syscall in C: x0..x3 and x8 as the PD left them (fastpath.S comes here
 * for every case it does not take). */
    .global el0_svc_c
el0_svc_c:
    cmp     x8, #MK_SYS_COUNT
    b.hs    el0_slow
    adr     x30, syscall_table
    ldr     x30, [x30, x8, lsl #3]
    cbz     x30, el0_slow
    mov     x4, sp                  /* handler(a0, a1, a2, a3, self) */
    mrs     x9, tpidr_el1
    mov     sp, x9
    str     x4, [sp, #-16]!
    blr     x30                     /* returns the PD to run next */
#ifdef MK_CONFIG_DEBUG
    str     x0, [sp, #8]            /* core/sched_check.c; x19..x29 survive the call */
    bl      sched_check
    ldr     x0, [sp, #8]
#endif
    ldr     x1, [sp], #16
    cmp     x0, x1
    b.ne    switch_from
    /* Back to the same PD: its x19..x29 and system registers are untouched. */
    mov     sp, x0
    ldp     x0, x1, [sp, #X(0)]
    ldp     x2, x3, [sp, #X(2)]
    ldp     x4, x5, [sp, #X(4)]
    ldp     x6, x7, [sp, #X(6)]
    ldp     x8, x9, [sp, #X(8)]
    ldp     x10, x11, [sp, #X(10)]
    ldp     x12, x13, [sp, #X(12)]
    ldp     x14, x15, [sp, #X(14)]
    ldp     x16, x17, [sp, #X(16)]
    ldr     x18, [sp, #X(18)]
    ldr     x30, [sp, #X(30)]
    eret

/* x0 = next PD, x1 = the PD that made the syscall, whose x19..x29 are live. */
switch_from:
    stp     x19, x20, [x1, #X(19)]
    stp     x21, x22, [x1, #X(21)]
    stp     x23, x24, [x1, #X(23)]
    stp     x25, x26, [x1, #X(25)]
    stp     x27, x28, [x1, #X(27)]
    str     x29, [x1, #X(29)]
    mrs     x2, sp_el0
    mrs     x3, elr_el1
    mrs     x4, spsr_el1
    str     x2, [x1, #REGS_SP]
    stp     x3, x4, [x1, #REGS_PC]
    /* fall through */

/*
 * arch_switch_to(next, prev): prev's frame is saved (prev may be NULL at
 * boot). Switch the address space (ERET synchronises it: no ISB) and
 * TPIDR_EL0, run the C hooks if any are on, and enter next.
 */
    .global arch_switch_to
arch_switch_to:
    cbz     x1, 1f
    mrs     x2, tpidr_el0
    str     x2, [x1, #PD_TPIDR]
1:  ldp     x2, x3, [x0, #PD_TTBR0]
    msr     ttbr0_el1, x2
    msr     tpidr_el0, x3
    adrp    x2, switch_hooks_on
    ldr     w2, [x2, :lo12:switch_hooks_on]
    cbz     w2, arch_enter_user
    mov     x19, x0                 /* next's x19 is reloaded from its frame */
    bl      switch_hooks
    mov     x0, x19
#ifdef MK_CONFIG_VM
    ldr     x1, [x0, #PD_VCPU]      /* a vCPU (only in a system with VMs, which */
    cbnz    x1, vcpu_enter          /* always runs the hooks): to the world switch */
#endif
    b       arch_enter_user

#ifdef MK_CONFIG_VM
/* vcpu_run(next) on a fresh kernel stack: nothing below it is live. */
vcpu_enter:
    mrs     x1, tpidr_el1
    mov     sp, x1
    b       vcpu_run
#endif

.macro save_rest                    /* everything but x30, already saved */
    stp     x0, x1, [sp, #X(0)]
    stp     x2, x3, [sp, #X(2)]
    stp     x4, x5, [sp, #X(4)]
    stp     x6, x7, [sp, #X(6)]
    stp     x8, x9, [sp, #X(8)]
    stp     x10, x11, [sp, #X(10)]
    stp     x12, x13, [sp, #X(12)]
    stp     x14, x15, [sp, #X(14)]
    stp     x16, x17, [sp, #X(16)]
    stp     x18, x19, [sp, #X(18)]
    stp     x20, x21, [sp, #X(20)]
    stp     x22, x23, [sp, #X(22)]
    stp     x24, x25, [sp, #X(24)]
    stp     x26, x27, [sp, #X(26)]
    stp     x28, x29, [sp, #X(28)]
    mrs     x21, sp_el0
    mrs     x22, elr_el1
    mrs     x23, spsr_el1
    str     x21, [sp, #REGS_SP]
    stp     x22, x23, [sp, #REGS_PC]
    mov     x0, sp                  /* x0 = the PD */
    mrs     x1, tpidr_el1
    mov     sp, x1
.endm

el0_slow:
    save_rest
    mov     x19, x0                 /* the PD; its own x19 is in its frame */
    mrs     x1, esr_el1
    bl      trap_slow               /* returns the PD to run next */
    b       slow_exit

#ifdef MK_CONFIG_VM
el0_irq_vm:
    str     x30, [sp, #X(30)]
    save_rest
    mov     x19, x0
    bl      irq_dispatch_vm
    b       slow_exit
#endif

el0_irq:
    str     x30, [sp, #X(30)]
    save_rest
    mov     x19, x0
    bl      trap_irq
    /* fall through */

/* x0 = next PD, x19 = the PD whose whole frame entry saved. */
slow_exit:
#ifdef MK_CONFIG_DEBUG
    mov     x20, x0                 /* core/sched_check.c; the whole frame is saved */
    bl      sched_check
    mov     x0, x20
#endif
    mov     x1, x19
    cmp     x0, x1
    b.eq    arch_enter_user
    b       arch_switch_to

/* arch_enter_user(struct pd *p): load p's whole frame and run it. */
    .global arch_enter_user
arch_enter_user:
    mov     sp, x0
    ldp     x0, x1, [sp, #X(0)]
    enter_rest

kernel_trap:
    mrs     x0, esr_el1
    mrs     x1, elr_el1
    mrs     x2, far_el1
    bl      kernel_fault            /* does not return */

kernel_irq:
    /* The kernel never unmasks IRQs (core/idle.c): this is a bug. */
    mrs     x0, elr_el1
    bl      kernel_irq_taken        /* does not return */
