/*
 * The EL2 world switch: the only code that runs at EL2 (docs/kernel.md,
 * "Virtual machines"). The kernel stays at EL1; boot.S installs these
 * vectors before dropping there. Like KVM's non-VHE mode, EL2 holds no
 * policy: the kernel asks, with hvc #0 and x0 =
 *
 *   EL2_INIT  x1 = identity page table (PA): EL2's MMU and caches on,
 *             stage-2 translation control; called once, at boot, by a
 *             kernel whose system has virtual machines.
 *   EL2_TIMER x1 = deadline: the EL2 physical timer (CNTHP, PPI 26), the
 *             kernel's own timer in a system with virtual machines (the
 *             guests own the EL1 virtual timer).
 *   EL2_RUN   x1 = struct vcpu (PA, vcpu_layout.h): save the kernel's EL1
 *             state, load the vCPU's, enter the guest at EL1; the first
 *             exception the guest causes at EL2 (HCR_EL2 traps, stage-2
 *             faults, every physical interrupt) saves it, restores the
 *             kernel and returns from the hvc with x0 = EXIT_*. Clobbers
 *             x1..x30 (the caller, vcpu_enter.S, saves what it needs).
 *
 * EL2 runs at physical addresses (its page table is the identity), so the
 * PC-relative adr/adrp give physical addresses here. While a guest runs,
 * TPIDR_EL2 holds its struct vcpu; 0 while the kernel runs, which is how a
 * lower-EL synchronous exception tells an hvc of the kernel from a guest exit.
 */
#include "vcpu_layout.h"
#include "pd_layout.h"
#include "frame.h"

#define EC_HVC64 0x16
#define EC_IABT_LOW 0x20
#define EC_DABT_LOW 0x24

/* HCR_EL2 for a guest: stage 2 (VM), set/way invalidation as clean+invalidate
 * (SWIO), physical FIQ/IRQ/SError to EL2 (FMO, IMO, AMO: virtual ones from
 * the GIC's virtual interface go to the guest), trap WFI, WFE and SMC (TWI,
 * TWE, TSC: VCPU faults as on seL4), EL1 AArch64 (RW). */
#define HCR_GUEST ((1 << 0) | (1 << 1) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 13) | (1 << 14) | (1 << 19) | (1 << 31))
#define HCR_HOST  (1 << 31)
/* CNTHCTL_EL2: the kernel may use the physical counter and timer; a guest
 * only the counter: its CNTP_* accesses trap (the EL1 physical timer may
 * belong to a PD). */
#define CNTHCTL_HOST  3
#define CNTHCTL_GUEST 1
/* MDCR_EL2 traps for a guest, added to the kernel's value: the PMU (TPM,
 * TPMCR), which is the kernel's and the benchmark PDs'. Debug registers do
 * not trap (a guest kernel writes MDSCR_EL1 and the OS lock at boot): the
 * kernel never enables debug exceptions, and MDSCR_EL1 is switched. */
#define MDCR_GUEST_TRAPS ((1 << 5) | (1 << 6))

/* EL2's own translation: MAIR attr0 normal write-back, attr1 device nGnRnE;
 * TCR_EL2 T0SZ 25 (39 bits, start at level 1), write-back inner-shareable
 * walks, 4 KiB granule, PS 40 bits, RES1 bits 23 and 31; SCTLR_EL2 M, C, SA,
 * I and its RES1 bits. */
#define MAIR_EL2_VALUE  0xff
#define TCR_EL2_VALUE   (25 | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1 << 23) | (1 << 31))
#define SCTLR_EL2_VALUE ((1 << 0) | (1 << 2) | (1 << 3) | (1 << 12) | 0x30c50830)
/* VTCR_EL2: 39-bit IPA (T0SZ 25), start level 1 (SL0 1), write-back
 * inner-shareable walks, 4 KiB granule, 40-bit PA, RES1 bit 31. */
#define VTCR_EL2_VALUE  (25 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1 << 31))

/* The kernel's EL1 state while a guest runs (el2_host below): byte offsets. */
#define H_ELR      0
#define H_SPSR     8
#define H_MDCR     16
#define H_SP_EL1   24
#define H_SYS      32  /* then the registers of sysregs_common, in order */

/* EL1/EL0 registers both worlds have, saved and loaded the same way. */
.macro host_sysregs op, base
    \op sp_el1,         \base, H_SYS + 0
    \op sctlr_el1,      \base, H_SYS + 8
    \op ttbr0_el1,      \base, H_SYS + 16
    \op ttbr1_el1,      \base, H_SYS + 24
    \op tcr_el1,        \base, H_SYS + 32
    \op mair_el1,       \base, H_SYS + 40
    \op amair_el1,      \base, H_SYS + 48
    \op contextidr_el1, \base, H_SYS + 56
    \op vbar_el1,       \base, H_SYS + 64
    \op tpidr_el1,      \base, H_SYS + 72
    \op elr_el1,        \base, H_SYS + 80
    \op spsr_el1,       \base, H_SYS + 88
    \op esr_el1,        \base, H_SYS + 96
    \op far_el1,        \base, H_SYS + 104
    \op afsr0_el1,      \base, H_SYS + 112
    \op afsr1_el1,      \base, H_SYS + 120
    \op par_el1,        \base, H_SYS + 128
    \op cpacr_el1,      \base, H_SYS + 136
    \op cntkctl_el1,    \base, H_SYS + 144
    \op actlr_el1,      \base, H_SYS + 152
    \op csselr_el1,     \base, H_SYS + 160
    \op sp_el0,         \base, H_SYS + 168
    \op tpidr_el0,      \base, H_SYS + 176
    \op tpidrro_el0,    \base, H_SYS + 184
    \op mdscr_el1,      \base, H_SYS + 192
.endm
#define H_SIZE (H_SYS + 200)

/* The guest's: the seL4_VCPUReg_* ones (not ISR: read only) and the rest. */
.macro guest_sysregs op, base
    \op sctlr_el1,      \base, VR_SCTLR
    \op ttbr0_el1,      \base, VR_TTBR0
    \op ttbr1_el1,      \base, VR_TTBR1
    \op tcr_el1,        \base, VR_TCR
    \op mair_el1,       \base, VR_MAIR
    \op amair_el1,      \base, VR_AMAIR
    \op contextidr_el1, \base, VR_CIDR
    \op actlr_el1,      \base, VR_ACTLR
    \op cpacr_el1,      \base, VR_CPACR
    \op afsr0_el1,      \base, VR_AFSR0
    \op afsr1_el1,      \base, VR_AFSR1
    \op esr_el1,        \base, VR_ESR
    \op far_el1,        \base, VR_FAR
    \op vbar_el1,       \base, VR_VBAR
    \op tpidr_el1,      \base, VR_TPIDR_EL1
    \op sp_el1,         \base, VR_SP_EL1
    \op elr_el1,        \base, VR_ELR_EL1
    \op spsr_el1,       \base, VR_SPSR_EL1
    \op cntkctl_el1,    \base, VR_CNTKCTL
    \op par_el1,        \base, VCPU_PAR
    \op csselr_el1,     \base, VCPU_CSSELR
    \op tpidrro_el0,    \base, VCPU_TPIDRRO
    \op mdscr_el1,      \base, VCPU_MDSCR
    \op vmpidr_el2,     \base, VR_VMPIDR
    \op cntvoff_el2,    \base, VR_CNTVOFF
    \op cntv_cval_el0,  \base, VR_CNTV_CVAL
    \op cntv_ctl_el0,   \base, VR_CNTV_CTL
.endm

.macro save reg, base, off
    mrs     x3, \reg
    str     x3, [\base, #(\off)]
.endm

.macro load reg, base, off
    ldr     x3, [\base, #(\off)]
    msr     \reg, x3
.endm

    .section .text.vectors, "ax"     /* beside entry.S's tables (kernel.ld) */
    .balign 2048
    .global el2_vectors
el2_vectors:
    /* EL2 with SP_EL0: never used. */
    .org    el2_vectors + 0x000
    b       el2_fatal
    .org    el2_vectors + 0x080
    b       el2_fatal
    .org    el2_vectors + 0x100
    b       el2_fatal
    .org    el2_vectors + 0x180
    b       el2_fatal
    /* EL2 with SP_EL2: an exception in this file's own code. */
    .org    el2_vectors + 0x200
    b       el2_fatal
    .org    el2_vectors + 0x280
    b       el2_fatal
    .org    el2_vectors + 0x300
    b       el2_fatal
    .org    el2_vectors + 0x380
    b       el2_fatal
    /* Lower EL, AArch64: the kernel's hvc, or a guest exit. */
    .org    el2_vectors + 0x400
    stp     x0, x1, [sp, #-16]!
    mrs     x0, tpidr_el2
    cbz     x0, host_call
    b       guest_sync
    .org    el2_vectors + 0x480
    stp     x0, x1, [sp, #-16]!
    b       guest_irq
    .org    el2_vectors + 0x500
    stp     x0, x1, [sp, #-16]!
    b       guest_irq               /* FIQ: also the kernel's to take */
    .org    el2_vectors + 0x580
    stp     x0, x1, [sp, #-16]!
    b       guest_serror
    /* Lower EL, AArch32: a guest's EL0 may run AArch32; the same exits. */
    .org    el2_vectors + 0x600
    stp     x0, x1, [sp, #-16]!
    b       guest_sync
    .org    el2_vectors + 0x680
    stp     x0, x1, [sp, #-16]!
    b       guest_irq
    .org    el2_vectors + 0x700
    stp     x0, x1, [sp, #-16]!
    b       guest_irq
    .org    el2_vectors + 0x780
    stp     x0, x1, [sp, #-16]!
    b       guest_serror
    .org    el2_vectors + 0x800

    .text

/* The kernel's hvc: x0, x1 are on the stack. */
host_call:
    ldp     x0, x1, [sp], #16
    mrs     x2, esr_el2
    lsr     x2, x2, #26
    cmp     x2, #EC_HVC64
    b.ne    el2_fatal               /* the kernel traps nothing else to EL2 */
    cmp     x0, #EL2_RUN
    b.eq    el2_run
    cmp     x0, #EL2_TIMER
    b.eq    el2_timer
    cmp     x0, #EL2_INIT
    b.eq    el2_init
    mov     x0, #EL2_BAD_CALL
    eret

el2_timer:
    cmn     x1, #1
    b.eq    1f
    msr     cnthp_cval_el2, x1
    mov     x0, #1                  /* enabled, not masked */
    msr     cnthp_ctl_el2, x0
    mov     x0, #0
    eret
1:  msr     cnthp_ctl_el2, xzr
    mov     x0, #0
    eret

el2_init:
    ldr     x2, =MAIR_EL2_VALUE
    msr     mair_el2, x2
    ldr     x2, =TCR_EL2_VALUE
    msr     tcr_el2, x2
    msr     ttbr0_el2, x1
    isb
    tlbi    alle2
    dsb     nsh
    isb
    ldr     x2, =SCTLR_EL2_VALUE
    msr     sctlr_el2, x2
    isb
    ldr     x2, =VTCR_EL2_VALUE
    msr     vtcr_el2, x2
    msr     vttbr_el2, xzr
    tlbi    alle1
    dsb     nsh
    isb
    mov     x0, #0
    eret

/* x1 = struct vcpu (PA). */
el2_run:
    adrp    x2, el2_host
    add     x2, x2, :lo12:el2_host
    mrs     x3, elr_el2
    mrs     x4, spsr_el2
    stp     x3, x4, [x2, #H_ELR]
    mrs     x3, mdcr_el2
    str     x3, [x2, #H_MDCR]
    host_sysregs save, x2

    msr     tpidr_el2, x1
    guest_sysregs load, x1
    ldr     x3, [x1, #VCPU_VTTBR]
    msr     vttbr_el2, x3
    ldr     x3, =HCR_GUEST
    msr     hcr_el2, x3
    mov     x3, #CNTHCTL_GUEST
    msr     cnthctl_el2, x3
    ldr     x3, [x2, #H_MDCR]
    mov     x4, #MDCR_GUEST_TRAPS
    orr     x3, x3, x4
    msr     mdcr_el2, x3

    ldr     x2, [x1, #VCPU_REGS_PA]
    ldr     x3, [x2, #PD_TPIDR]
    msr     tpidr_el0, x3
    ldr     x3, [x2, #REGS_SP]
    msr     sp_el0, x3
    ldp     x3, x4, [x2, #REGS_PC]
    msr     elr_el2, x3
    msr     spsr_el2, x4
    ldp     x0, x1, [x2, #X(0)]
    ldp     x3, x4, [x2, #X(3)]
    ldp     x5, x6, [x2, #X(5)]
    ldp     x7, x8, [x2, #X(7)]
    ldp     x9, x10, [x2, #X(9)]
    ldp     x11, x12, [x2, #X(11)]
    ldp     x13, x14, [x2, #X(13)]
    ldp     x15, x16, [x2, #X(15)]
    ldp     x17, x18, [x2, #X(17)]
    ldp     x19, x20, [x2, #X(19)]
    ldp     x21, x22, [x2, #X(21)]
    ldp     x23, x24, [x2, #X(23)]
    ldp     x25, x26, [x2, #X(25)]
    ldp     x27, x28, [x2, #X(27)]
    ldp     x29, x30, [x2, #X(29)]
    ldr     x2, [x2, #X(2)]
    eret

/* A guest exit: x0 = struct vcpu; the guest's x0, x1 on the stack. Saves its
 * x2..x30 and then x0, x1 into its struct pd; leaves x1 = that pd. */
.macro save_guest_gprs
    ldr     x1, [x0, #VCPU_REGS_PA]
    stp     x2, x3, [x1, #X(2)]
    stp     x4, x5, [x1, #X(4)]
    stp     x6, x7, [x1, #X(6)]
    stp     x8, x9, [x1, #X(8)]
    stp     x10, x11, [x1, #X(10)]
    stp     x12, x13, [x1, #X(12)]
    stp     x14, x15, [x1, #X(14)]
    stp     x16, x17, [x1, #X(16)]
    stp     x18, x19, [x1, #X(18)]
    stp     x20, x21, [x1, #X(20)]
    stp     x22, x23, [x1, #X(22)]
    stp     x24, x25, [x1, #X(24)]
    stp     x26, x27, [x1, #X(26)]
    stp     x28, x29, [x1, #X(28)]
    str     x30, [x1, #X(30)]
    ldp     x2, x3, [sp], #16
    stp     x2, x3, [x1, #X(0)]
.endm

guest_sync:
    mrs     x0, tpidr_el2
    cbz     x0, el2_fatal           /* AArch32 at EL1 is the kernel's: never here */
    save_guest_gprs
    mov     x19, #EXIT_SYNC
    b       guest_exit

guest_irq:
    mrs     x0, tpidr_el2
    cbz     x0, el2_fatal           /* the kernel runs with IMO clear: never here */
    save_guest_gprs
    mov     x19, #EXIT_IRQ
    b       guest_exit

guest_serror:
    mrs     x0, tpidr_el2
    cbz     x0, el2_fatal
    save_guest_gprs
    mov     x19, #EXIT_SERROR
    /* fall through */

/* x0 = struct vcpu, x1 = its pd, x19 = the exit reason. */
guest_exit:
    mrs     x2, sp_el0
    str     x2, [x1, #REGS_SP]
    mrs     x2, elr_el2
    mrs     x3, spsr_el2
    stp     x2, x3, [x1, #REGS_PC]
    mrs     x2, tpidr_el0
    str     x2, [x1, #PD_TPIDR]
    guest_sysregs save, x0
    msr     cntv_ctl_el0, xzr       /* its timer is off while it is out: PPI 27 drops */
    mrs     x4, esr_el2
    mrs     x5, far_el2
    stp     x4, x5, [x0, #VCPU_ESR]
    cmp     x19, #EXIT_SYNC
    b.ne    2f
    lsr     x6, x4, #26
    and     x6, x6, #~(EC_DABT_LOW ^ EC_IABT_LOW)
    cmp     x6, #EC_IABT_LOW        /* 0x20 or 0x24: an abort */
    b.ne    2f
    /* An abort: the guest-physical address. HPFAR_EL2 holds it for
     * translation and access-flag faults (and any fault on a stage-1 walk);
     * for a permission fault it is UNKNOWN, so translate FAR with the
     * guest's stage 1 (its registers are still loaded; PAR_EL1 was saved). */
    mrs     x6, hpfar_el2
    lsr     x6, x6, #4
    lsl     x6, x6, #12
    and     x7, x4, #0x3c
    cmp     x7, #0x0c
    b.ne    1f
    tbnz    x4, #7, 1f              /* S1PTW */
    at      s1e1r, x5
    isb
    mrs     x7, par_el1
    tbnz    x7, #0, 1f
    and     x6, x7, #0xfffffffff000
1:  and     x7, x5, #0xfff
    orr     x6, x6, x7
    str     x6, [x0, #VCPU_IPA]

2:  msr     tpidr_el2, xzr
    adrp    x2, el2_host
    add     x2, x2, :lo12:el2_host
    host_sysregs load, x2
    ldr     x3, [x2, #H_MDCR]
    msr     mdcr_el2, x3
    mov     x3, #CNTHCTL_HOST
    msr     cnthctl_el2, x3
    ldr     x3, =HCR_HOST
    msr     hcr_el2, x3
    msr     vttbr_el2, xzr
    msr     cntvoff_el2, xzr
    mrs     x3, mpidr_el1
    msr     vmpidr_el2, x3
    ldp     x3, x4, [x2, #H_ELR]
    msr     elr_el2, x3
    msr     spsr_el2, x4
    mov     x0, x19
    eret

/*
 * An exception taken by this file's own code, or an hvc the kernel cannot
 * have made: a kernel bug. Say so on the UART (EL2's identity map reaches
 * it) and stop.
 */
el2_fatal:
    mov     x0, #0x09000000
    adr     x1, el2_fatal_msg
1:  ldrb    w2, [x1], #1
    cbz     w2, 2f
    str     w2, [x0]
    b       1b
2:  wfe
    b       2b

el2_fatal_msg:
    .asciz  "minikit| EL2: unexpected exception (kernel bug); stopped\n"
    .balign 4

/*
 * EL1 side: u64 el2_vcpu_run(u64 vcpu_pa) enters the guest and returns its
 * exit reason. The world switch keeps SP_EL1 and the EL1 system registers,
 * not the general registers: the AAPCS callee-saved ones are kept here.
 */
    .global el2_vcpu_run
el2_vcpu_run:
    stp     x29, x30, [sp, #-96]!
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    stp     x23, x24, [sp, #48]
    stp     x25, x26, [sp, #64]
    stp     x27, x28, [sp, #80]
    mov     x1, x0
    mov     x0, #EL2_RUN
    hvc     #0
    ldp     x19, x20, [sp, #16]
    ldp     x21, x22, [sp, #32]
    ldp     x23, x24, [sp, #48]
    ldp     x25, x26, [sp, #64]
    ldp     x27, x28, [sp, #80]
    ldp     x29, x30, [sp], #96
    ret

    .bss
    .balign 16
el2_host:
    .space  H_SIZE
    .balign 16
el2_stack:
    .space  512
    .global el2_stack_top
el2_stack_top:
