/*
 * Two bare-metal guests (EL1, MMU off, copied to guest-physical 0x4000_0000
 * by their VMMs), one blob, two entry points:
 *
 *   A (attacker, entry GUEST_A): tries what a malicious guest kernel can:
 *     EL2/EL3-only registers and instructions (each must UNDEF to its own
 *     EL1 vector, never reach EL2 state), set/way cache maintenance, TLBI,
 *     AT, hardware breakpoints and watchpoints on the VMM's code and data,
 *     on the kernel's addresses and on EL2's, odd GICV accesses (bytes, EOI and
 *     deactivation of the kernel's interrupts), MMIO the kernel cannot
 *     decode (writeback, pair: ISV = 0), an unaligned access; then leaves
 *     everything behind it can: EL1 registers set to a marker, FP registers,
 *     an acknowledged but never ended interrupt, its virtual timer firing,
 *     and spins for ever on a budget (the kernel's timer must still work),
 *     checking that its own breakpoints and watchpoints stay as it set them.
 *   B (victim, entry GUEST_B): reports, before it does anything else, every
 *     register and GICV state it starts with: nothing of A's or the kernel's
 *     may show.
 *
 * Reports are stores to unmapped guest-physical MMIO (VM faults); x28 is
 * that window, x26 the GICV (CPU interface).
 */
#define GUEST_ENTRY 0x40000000UL
#define MMIO        0x10000000UL
#define R_EL        0x08 /* A: CurrentEL */
#define R_UNDEF     0x10 /* A: how many EL2/EL3 accesses took its own EL1 vector */
#define R_UNDEF_EC  0x18 /* A: the OR of their exception classes (0: unknown) */
#define R_ALIGN     0x20 /* A: exceptions after an unaligned device access (0 or 1) */
#define R_IAR       0x28 /* A: the INTID it acknowledged */
#define R_FAIL      0x30 /* either: an unexpected vector (value: which) */
#define R_DBG_LOST  0x38 /* A: its breakpoint/watchpoint registers changed under it */
#define R_ISV0      0x100 /* A: writeback store and pair load here: ISV = 0 */
#define R_B         0x200 /* B: report i at R_B + 8 * i */
#define B_REPORTS   38
#define MARKER      0xdead5ec0UL

/* HVC x0 codes of guest A. */
#define H_DEBUG_ARMED 0x40 /* breakpoints/watchpoints set: the VMM runs its code */
#define H_IMM         0x41 /* hvc #0xffff */
#define H_INJECT      0x42 /* the VMM injects 45 (list register 0) and 46 (1) */
#define H_LEFT        0x43 /* all state left behind: the VMM lets B run */

#define GUEST_STR(x) #x
#define BAD_VECTOR(n) \
    "    .balign 128\n" \
    "    mov   x9, #" GUEST_STR(n) "\n" \
    "    str   x9, [x28, #0x30]\n" \
    "    b     .\n"

__asm__(
    "    .section .rodata.guest, \"a\"\n"
    "    .balign 4096\n"
    "    .global guest_start, guest_end, guest_b\n"
    "guest_start:\n"
    /* ---- guest A ---- x1 = the VMM's function, x2 = the VMM's variable */
    "    mov   x28, #0x10000000\n"
    "    mov   x26, #0x08010000\n"
    "    mov   x24, x1\n"
    "    mov   x25, x2\n"
    "    mrs   x9, CurrentEL\n"
    "    str   x9, [x28, #0x08]\n"          /* R_EL */
    "    adr   x9, a_vectors\n"
    "    msr   vbar_el1, x9\n"
    "    isb\n"
    /* hardware breakpoint on the VMM's function, watchpoints on its variable and on
     * the kernel's first 2 GiB of virtual addresses, EL0 and EL1, debug on */
    "    msr   oslar_el1, xzr\n"
    "    msr   dbgbvr0_el1, x24\n"
    "    mov   x10, #0x1e7\n"               /* E, PMC EL0+EL1, BAS 0xf */
    "    msr   dbgbcr0_el1, x10\n"
    "    msr   dbgwvr0_el1, x25\n"
    "    mov   x10, #0x1fff\n"              /* E, PAC EL0+EL1, LSC load+store, BAS 0xff */
    "    msr   dbgwcr0_el1, x10\n"
    "    movz  x10, #0xffff, lsl #48\n"
    "    msr   dbgwvr1_el1, x10\n"
    "    mov   x10, #0x1fff\n"
    "    movk  x10, #0x1f00, lsl #16\n"     /* MASK 31: 2 GiB */
    "    msr   dbgwcr1_el1, x10\n"
    /* and one on the first 2 GiB of physical addresses at EL2 too (HMC, SSC 01): EL2's
     * identity map, where the world switch saves the kernel's registers */
    "    msr   dbgwvr2_el1, xzr\n"
    "    mov   x10, #0x1fff\n"
    "    movk  x10, #0x1f00, lsl #16\n"
    "    orr   x10, x10, #0x6000\n"          /* HMC, SSC 01 */
    "    msr   dbgwcr2_el1, x10\n"
    "    mov   x10, #0xa000\n"              /* MDSCR_EL1: MDE, KDE */
    "    msr   mdscr_el1, x10\n"
    "    isb\n"
    "    mov   x0, #0x40\n"                 /* H_DEBUG_ARMED */
    "    hvc   #0\n"
    /* EL2- and EL3-only registers and instructions: each UNDEF at EL1 */
    "    mov   x20, #0\n"
    "    mov   x22, #0\n"
    "    mrs   x0, hcr_el2\n"
    "    msr   hcr_el2, xzr\n"
    "    msr   vttbr_el2, xzr\n"
    "    msr   vbar_el2, xzr\n"
    "    mrs   x0, tpidr_el2\n"
    "    msr   tpidr_el2, xzr\n"
    "    msr   sctlr_el2, xzr\n"
    "    msr   mdcr_el2, xzr\n"
    "    msr   cnthctl_el2, xzr\n"
    "    msr   cnthp_ctl_el2, xzr\n"
    "    msr   cnthp_cval_el2, xzr\n"
    "    msr   vtcr_el2, xzr\n"
    "    msr   cptr_el2, xzr\n"
    "    msr   elr_el2, xzr\n"
    "    msr   spsr_el2, xzr\n"
    "    mrs   x0, esr_el2\n"
    "    msr   vmpidr_el2, xzr\n"
    "    msr   cntvoff_el2, xzr\n"
    "    msr   sp_el1, xzr\n"
    "    mrs   x0, scr_el3\n"
    "    msr   vbar_el3, xzr\n"
    "    tlbi  alle2\n"
    "    tlbi  alle1\n"
    "    tlbi  alle1is\n"
    "    tlbi  vmalls12e1\n"
    "    at    s12e1r, x28\n"
    "    at    s1e2r, x28\n"
    "    str   x20, [x28, #0x10]\n"         /* R_UNDEF: 27 */
    "    str   x22, [x28, #0x18]\n"         /* R_UNDEF_EC: 0 */
    /* HVC and SMC with the largest immediates */
    "    mov   x0, #0x41\n"
    "    hvc   #0xffff\n"
    "    smc   #0xffff\n"
    /* cache maintenance by set/way over L1 and L2, TLB and instruction cache by the guest, AT */
    "    mov   x9, #0\n"
    "1:  lsl   x10, x9, #6\n"
    "    bfi   x10, x9, #30, #2\n"
    "    dc    isw, x10\n"
    "    dc    cisw, x10\n"
    "    dc    csw, x10\n"
    "    orr   x10, x10, #2\n"              /* level 2 */
    "    dc    isw, x10\n"
    "    dc    cisw, x10\n"
    "    add   x9, x9, #1\n"
    "    cmp   x9, #2048\n"
    "    b.ne  1b\n"
    "    tlbi  vmalle1\n"
    "    tlbi  vmalle1is\n"
    "    tlbi  aside1is, xzr\n"
    "    tlbi  vae1is, x28\n"
    "    ic    iallu\n"
    "    ic    ialluis\n"
    "    dsb   sy\n"
    "    isb\n"
    "    at    s1e1r, x28\n"
    "    at    s1e0w, x28\n"
    "    isb\n"
    /* odd GICV accesses: sizes, and ending/deactivating interrupts that are the kernel's */
    "    mov   x20, #0\n"
    "    mov   x22, #0\n"
    "    ldr   w10, [x26, #1]\n"            /* unaligned, device memory: its own alignment fault */
    "    str   x20, [x28, #0x20]\n"         /* R_ALIGN: 0 or 1 */
    "    ldrb  w10, [x26, #4]\n"
    "    ldrh  w10, [x26, #4]\n"
    "    ldp   w10, w11, [x26, #0]\n"
    "    mov   w10, #26\n"                  /* the kernel's timer, the maintenance PPI, the virtual timer, the UART */
    "    str   w10, [x26, #0x10]\n"         /* GICV_EOIR */
    "    str   w10, [x26, #0x1000]\n"       /* GICV_DIR */
    "    mov   w10, #25\n"
    "    str   w10, [x26, #0x10]\n"
    "    str   w10, [x26, #0x1000]\n"
    "    mov   w10, #27\n"
    "    str   w10, [x26, #0x10]\n"
    "    str   w10, [x26, #0x1000]\n"
    "    mov   w10, #33\n"
    "    str   w10, [x26, #0x10]\n"
    "    str   w10, [x26, #0x1000]\n"
    "    mov   w10, #0xffffffff\n"
    "    str   w10, [x26, #0xd0]\n"         /* GICV_APR */
    "    str   wzr, [x26, #0xd0]\n"
    /* MMIO the kernel cannot decode: writeback, pair (ISV = 0 VM faults) */
    "    add   x9, x28, #0x100\n"
    "    str   x10, [x9, #8]!\n"
    "    ldp   x10, x11, [x28, #0x110]\n"
    /* an interrupt acknowledged and never ended; another left pending */
    "    mov   w9, #1\n"
    "    str   w9, [x26, #0x0]\n"           /* GICV_CTLR */
    "    mov   w9, #0xff\n"
    "    str   w9, [x26, #0x4]\n"           /* GICV_PMR */
    "    mov   x0, #0x42\n"                 /* H_INJECT */
    "    hvc   #0\n"
    "    ldr   w10, [x26, #0xc]\n"          /* GICV_IAR: 45, now active */
    "    str   x10, [x28, #0x28]\n"         /* R_IAR */
    /* its virtual timer firing */
    "    mrs   x9, cntvct_el0\n"
    "    msr   cntv_cval_el0, x9\n"
    "    mov   x9, #1\n"
    "    msr   cntv_ctl_el0, x9\n"
    "    isb\n"
    "2:  mrs   x9, cntv_ctl_el0\n"
    "    tbz   x9, #2, 2b\n"
    /* EL1 registers, EL0 registers, FP: a marker everywhere */
    "    movz  x9, #0x5ec0\n"
    "    movk  x9, #0xdead, lsl #16\n"
    "    msr   tpidr_el1, x9\n"
    "    msr   contextidr_el1, x9\n"
    "    msr   ttbr0_el1, x9\n"
    "    msr   ttbr1_el1, x9\n"
    "    msr   tpidrro_el0, x9\n"
    "    msr   tpidr_el0, x9\n"
    "    msr   sp_el0, x9\n"
    "    msr   mair_el1, x9\n"
    "    msr   amair_el1, x9\n"
    "    msr   afsr0_el1, x9\n"
    "    msr   far_el1, x9\n"
    "    msr   esr_el1, x9\n"
    "    msr   elr_el1, x9\n"
    "    mov   x10, #0x3c5\n"
    "    msr   spsr_el1, x10\n"
    "    mov   x10, #3\n"
    "    msr   cntkctl_el1, x10\n"
    "    mov   x10, #2\n"
    "    msr   csselr_el1, x10\n"
    "    fmov  d0, x9\n"
    "    fmov  d31, x9\n"
    "    mov   x10, #0x00c00000\n"
    "    msr   fpcr, x10\n"
    "    at    s1e1r, x28\n"                /* PAR_EL1: its translation */
    "    mov   sp, x9\n"
    "    mov   x0, #0x43\n"                 /* H_LEFT */
    "    hvc   #0\n"
    /* and spin, on its budget, checking that its own breakpoints and watchpoints stay
     * set while guest B runs in between */
    "3:  mrs   x9, dbgbvr0_el1\n"
    "    mrs   x10, dbgwvr0_el1\n"
    "    mrs   x11, dbgwcr1_el1\n"
    "    mov   x12, #0x1fff\n"
    "    movk  x12, #0x1f00, lsl #16\n"
    "    cmp   x9, x24\n"
    "    ccmp  x10, x25, #0, eq\n"
    "    ccmp  x11, x12, #0, eq\n"
    "    b.eq  3b\n"
    "    str   x9, [x28, #0x38]\n"         /* R_DBG_LOST */
    "    b     3b\n"

    /* guest A's vectors: only the synchronous one of its own EL is expected */
    "    .balign 2048\n"
    "a_vectors:\n"
    BAD_VECTOR(0) BAD_VECTOR(1) BAD_VECTOR(2) BAD_VECTOR(3)
    "    .balign 128\n"
    "    mrs   x23, esr_el1\n"
    "    lsr   x23, x23, #26\n"
    "    cmp   x23, #0x25\n"                /* the alignment fault is counted apart */
    "    b.eq  4f\n"
    "    orr   x22, x22, x23\n"
    "4:  add   x20, x20, #1\n"
    "    mrs   x23, elr_el1\n"
    "    add   x23, x23, #4\n"
    "    msr   elr_el1, x23\n"
    "    eret\n"
    BAD_VECTOR(5) BAD_VECTOR(6) BAD_VECTOR(7)
    BAD_VECTOR(8) BAD_VECTOR(9) BAD_VECTOR(10) BAD_VECTOR(11)
    BAD_VECTOR(12) BAD_VECTOR(13) BAD_VECTOR(14) BAD_VECTOR(15)

    /* ---- guest B ---- */
    "    .balign 128\n"
    "guest_b:\n"
    "    orr   x29, x29, x0\n"
    "    orr   x29, x29, x1\n    orr   x29, x29, x2\n    orr   x29, x29, x3\n"
    "    orr   x29, x29, x4\n    orr   x29, x29, x5\n    orr   x29, x29, x6\n"
    "    orr   x29, x29, x7\n    orr   x29, x29, x8\n    orr   x29, x29, x9\n"
    "    orr   x29, x29, x10\n   orr   x29, x29, x11\n   orr   x29, x29, x12\n"
    "    orr   x29, x29, x13\n   orr   x29, x29, x14\n   orr   x29, x29, x15\n"
    "    orr   x29, x29, x16\n   orr   x29, x29, x17\n   orr   x29, x29, x18\n"
    "    orr   x29, x29, x19\n   orr   x29, x29, x20\n   orr   x29, x29, x21\n"
    "    orr   x29, x29, x22\n   orr   x29, x29, x23\n   orr   x29, x29, x24\n"
    "    orr   x29, x29, x25\n   orr   x29, x29, x26\n   orr   x29, x29, x27\n"
    "    orr   x29, x29, x28\n   orr   x29, x29, x30\n"
    "    mov   x28, #0x10000000\n"
    "    add   x28, x28, #0x200\n"          /* R_B */
    "    mov   x26, #0x08010000\n"
    "    str   x29, [x28, #0]\n"
    "    mrs   x9, tpidr_el1\n      str x9, [x28, #8]\n"
    "    mrs   x9, contextidr_el1\n str x9, [x28, #16]\n"
    "    mrs   x9, ttbr0_el1\n      str x9, [x28, #24]\n"
    "    mrs   x9, ttbr1_el1\n      str x9, [x28, #32]\n"
    "    mrs   x9, par_el1\n        str x9, [x28, #40]\n"
    "    mrs   x9, tpidrro_el0\n    str x9, [x28, #48]\n"
    "    mrs   x9, tpidr_el0\n      str x9, [x28, #56]\n"
    "    mrs   x9, sp_el0\n         str x9, [x28, #64]\n"
    "    mrs   x9, vbar_el1\n       str x9, [x28, #72]\n"
    "    mrs   x9, cntv_ctl_el0\n   str x9, [x28, #80]\n"
    "    mrs   x9, mdscr_el1\n      str x9, [x28, #88]\n"
    "    mrs   x9, dbgbvr0_el1\n    str x9, [x28, #96]\n"
    "    mrs   x9, dbgbcr0_el1\n    str x9, [x28, #104]\n"
    "    mrs   x9, dbgwvr0_el1\n    str x9, [x28, #112]\n"
    "    mrs   x9, dbgwcr0_el1\n    str x9, [x28, #120]\n"
    "    mrs   x9, dbgwcr1_el1\n    str x9, [x28, #128]\n"
    "    mrs   x9, fpcr\n           str x9, [x28, #136]\n"
    "    fmov  x9, d0\n             str x9, [x28, #144]\n"
    "    fmov  x9, d31\n            str x9, [x28, #152]\n"
    "    mrs   x9, mair_el1\n       str x9, [x28, #160]\n"
    "    mrs   x9, amair_el1\n      str x9, [x28, #168]\n"
    "    mrs   x9, afsr0_el1\n      str x9, [x28, #176]\n"
    "    mrs   x9, esr_el1\n        str x9, [x28, #184]\n"
    "    mrs   x9, far_el1\n        str x9, [x28, #192]\n"
    "    mrs   x9, cntkctl_el1\n    str x9, [x28, #200]\n"
    "    mrs   x9, csselr_el1\n     str x9, [x28, #208]\n"
    "    mov   x9, sp\n             str x9, [x28, #216]\n"
    "    mrs   x9, elr_el1\n        str x9, [x28, #224]\n"
    "    mrs   x9, spsr_el1\n       str x9, [x28, #232]\n"
    "    ldr   w9, [x26, #0x0]\n    str x9, [x28, #240]\n"   /* GICV_CTLR */
    "    ldr   w9, [x26, #0x4]\n    str x9, [x28, #248]\n"   /* GICV_PMR */
    "    ldr   w9, [x26, #0x14]\n   str x9, [x28, #256]\n"   /* GICV_RPR: idle */
    "    ldr   w9, [x26, #0xd0]\n   str x9, [x28, #264]\n"   /* GICV_APR */
    "    mov   w9, #1\n             str w9, [x26, #0x0]\n"
    "    mov   w9, #0xff\n          str w9, [x26, #0x4]\n"
    "    ldr   w9, [x26, #0xc]\n    str x9, [x28, #272]\n"   /* GICV_IAR: nothing pending */
    "    mrs   x10, cntvct_el0\n"
    "    isb\n"
    "    mrs   x9, cntpct_el0\n"
    "    sub   x9, x9, x10\n"
    "    lsr   x9, x9, #32\n        str x9, [x28, #280]\n"   /* no offset of A's */
    "    mrs   x9, CurrentEL\n      str x9, [x28, #288]\n"
    "    mrs   x9, oslsr_el1\n"
    "    ubfx  x9, x9, #1, #1\n      str x9, [x28, #296]\n"   /* OSLK: locked, as out of reset */
    "    mov   x0, #0x50\n"
    "    hvc   #0\n"
    "5:  b     5b\n"
    "    .balign 8\n"
    "guest_end:\n"
    "    .text\n");

extern const char guest_start[], guest_end[], guest_b[];
