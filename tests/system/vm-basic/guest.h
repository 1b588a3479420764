/*
 * The bare-metal test guest: AArch64 code run at EL1 with its MMU off
 * (guest-physical = what it uses), position independent, copied by the VMM
 * to guest-physical GUEST_ENTRY. It walks through every kind of exit in
 * order; the VMM (vmm.c) checks each and reports. Its "console" is MMIO to
 * unmapped guest-physical addresses at 0x1000_0000 (VM faults the VMM
 * emulates). x28 = that window, x26 = the GICV (its CPU interface).
 */
#define GUEST_ENTRY 0x40000000UL
#define MMIO        0x10000000UL
#define R_RUN       0x10 /* write: run count */
#define R_MAGIC     0x08 /* read: the VMM answers MAGIC */
#define R_ECHO      0x18 /* write: what R_MAGIC read */
#define R_HVC       0x20 /* write: x0 after the HVC */
#define R_SMC       0x28 /* write: x0 after PSCI_VERSION */
#define R_WFI       0x30 /* write: after the WFI */
#define R_SYSREG    0x38 /* write: PMCR_EL0 as the VMM emulated it */
#define R_X22       0x40 /* write: x22 as the VMM set it */
#define R_TPIDR     0x48 /* write: TPIDR_EL1 as the VMM set it */
#define R_VTIMER    0x50 /* write: the INTID the guest took for its virtual timer */
#define R_IRQ       0x58 /* write: the INTID of the injected interrupt */
#define R_FAIL      0x60 /* write: something went wrong (value says what) */
#define R_FP        0x68 /* write: d16 (caller-saved: the VMM does not preserve it) after the VMM used the FP registers itself */
#define MAGIC       0x123456789abcdef0UL

__asm__(
    "    .section .rodata.guest, \"a\"\n"
    "    .balign 4096\n"
    "    .global guest_start, guest_end\n"
    "guest_start:\n"
    "    mov   x28, #0x10000000\n"
    "    mov   x26, #0x08010000\n"
    "    adr   x27, guest_runs\n"
    "    ldr   x0, [x27]\n"
    "    add   x0, x0, #1\n"
    "    str   x0, [x27]\n"
    "    str   x0, [x28, #0x10]\n"          /* R_RUN */
    "    cmp   x0, #1\n"
    "    b.ne  guest_second_run\n"
    /* MMIO read, emulated */
    "    ldr   x5, [x28, #0x08]\n"          /* R_MAGIC */
    "    str   x5, [x28, #0x18]\n"          /* R_ECHO */
    /* HVC: an unknown syscall */
    "    mov   x0, #0x1111\n"
    "    mov   x7, #0x77\n"
    "    hvc   #0\n"
    "    str   x0, [x28, #0x20]\n"          /* R_HVC */
    /* SMC: PSCI_VERSION, a VCPU fault */
    "    mov   x0, #0x84000000\n"
    "    smc   #0\n"
    "    str   x0, [x28, #0x28]\n"          /* R_SMC */
    "    wfi\n"
    "    str   xzr, [x28, #0x30]\n"         /* R_WFI */
    /* trapped system registers: the physical timer (the kernel's and PDs'), the PMU */
    "    mov   x3, #1\n"
    "    msr   cntp_ctl_el0, x3\n"
    "    mrs   x4, pmcr_el0\n"
    "    str   x4, [x28, #0x38]\n"          /* R_SYSREG */
    /* registers: the VMM reads these and sets x22 and TPIDR_EL1 */
    "    mov   x19, #0x1919\n"
    "    mov   x21, #0x2121\n"
    "    mov   x9, #0xe0e0\n"
    "    msr   tpidr_el0, x9\n"
    "    mov   x9, #0x1234\n"
    "    fmov  d16, x9\n"                    /* the guest's FP registers survive the VMM's use of its own */
    "    mov   x0, #2\n"
    "    hvc   #0\n"
    "    fmov  x9, d16\n"
    "    str   x9, [x28, #0x68]\n"          /* R_FP */
    "    str   x22, [x28, #0x40]\n"         /* R_X22 */
    "    mrs   x9, tpidr_el1\n"
    "    str   x9, [x28, #0x48]\n"          /* R_TPIDR */
    /* the GIC: enable the CPU interface (GICV), write the distributor (not mapped: emulated) */
    "    mov   w9, #1\n"
    "    str   w9, [x26, #0x0]\n"           /* GICV_CTLR */
    "    mov   w9, #0xff\n"
    "    str   w9, [x26, #0x4]\n"           /* GICV_PMR */
    "    mov   x25, #0x08000000\n"
    "    mov   w9, #1\n"
    "    str   w9, [x25]\n"                 /* GICD_CTLR */
    /* the virtual timer: VPPI event, the VMM injects 27, EOI: maintenance */
    "    mrs   x9, cntvct_el0\n"
    "    add   x9, x9, #0x1000\n"
    "    msr   cntv_cval_el0, x9\n"
    "    mov   x9, #1\n"
    "    msr   cntv_ctl_el0, x9\n"
    "1:  ldr   w10, [x26, #0xc]\n"          /* GICV_IAR */
    "    and   w11, w10, #0x3ff\n"
    "    cmp   w11, #1023\n"
    "    b.eq  1b\n"
    "    msr   cntv_ctl_el0, xzr\n"
    "    str   w10, [x26, #0x10]\n"         /* GICV_EOIR */
    "    str   x11, [x28, #0x50]\n"         /* R_VTIMER */
    /* an injected interrupt */
    "    mov   x0, #3\n"
    "    hvc   #0\n"
    "2:  ldr   w10, [x26, #0xc]\n"
    "    and   w11, w10, #0x3ff\n"
    "    cmp   w11, #1023\n"
    "    b.eq  2b\n"
    "    str   w10, [x26, #0x10]\n"
    "    str   x11, [x28, #0x58]\n"         /* R_IRQ */
    /* memory outside the VM's maps: the kernel image's physical address */
    "    mov   x9, #0x70000000\n"
    "    ldr   x10, [x9]\n"
    /* its read-only, non-executable page: a write, then a jump there (stage-2 permission faults) */
    "    mov   x9, #0x41000000\n"
    "    mov   x10, #5\n"
    "    str   x10, [x9, #0x10]\n"
    "    adr   x30, 4f\n"
    "    br    x9\n"
    "4:\n"
    /* stop and restart */
    "    mov   x0, #4\n"
    "    hvc   #0\n"
    "    mov   x9, #1\n"
    "    str   x9, [x28, #0x60]\n"          /* R_FAIL: not restarted */
    "guest_second_run:\n"
    "    mov   x0, #5\n"
    "    hvc   #0\n"
    "    mov   x9, #2\n"
    "    str   x9, [x28, #0x60]\n"          /* R_FAIL: not stopped */
    "3:  b     3b\n"
    "    .balign 8\n"
    "guest_runs:\n"
    "    .quad 0\n"
    "guest_end:\n"
    "    .text\n");

extern const char guest_start[], guest_end[];
