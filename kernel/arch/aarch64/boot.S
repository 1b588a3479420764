/*
 * The first instructions: loader.img's first byte, at physical 0x7000_0000,
 * MMU off, at EL2 (QEMU virtualization=on) or EL1.
 *
 *   1. drop from EL2 to EL1 if needed (the kernel always runs at EL1);
 *   2. build a boot page table of 1 GiB blocks that maps the
 *      first 3 GiB of physical memory both at its identity address (TTBR0, for
 *      the instant the MMU turns on) and at KERNEL_VBASE + pa (TTBR1);
 *   3. turn the MMU and caches on, jump to the linked (high) address, call kmain.
 *
 * Until the jump only PC-relative addressing (adr/adrp) is used, so the
 * code works at its physical address though linked high.
 */
#define KERNEL_VBASE 0xffff000000000000

/* Block descriptors: AF | inner shareable | AttrIndx, EL1-only access. */
#define BLOCK_NORMAL  ((1 << 10) | (3 << 8) | (0 << 2) | 1)
#define BLOCK_DEVICE  ((1 << 10) | (1 << 2) | 1 | (1 << 53) | (1 << 54))

#define MAIR_VALUE    0x00ff       /* attr0 normal write-back, attr1 device nGnRnE */
/* T0SZ=24 (40-bit user), T1SZ=16, 4 KiB granules, write-back walks, inner
 * shareable, IPS=40 bits, 8-bit ASIDs taken from TTBR0. */
#define TCR_VALUE     ((24 << 0) | (1 << 8) | (1 << 10) | (3 << 12) | (0 << 14) | \
                       (16 << 16) | (1 << 24) | (1 << 26) | (3 << 28) | (2 << 30) | \
                       (2 << 32))
/*
 * MMU, D-cache, SP alignment checks, I-cache; EL0 may use DC ZVA (DZE), read
 * CTR_EL0 (UCT) and clean/invalidate by VA to the point of coherency or
 * unification: DC CVAC, CVAU, CIVAC, IC IVAU (UCI), which user-level DMA
 * drivers need (CONFIG_AARCH64_USER_CACHE_ENABLE). They act only on the PD's
 * own mappings: an address it cannot read faults like a load. RES1 bits.
 */
#define SCTLR_VALUE   ((1 << 0) | (1 << 2) | (1 << 3) | (1 << 12) | (1 << 14) | (1 << 15) | \
                       (1 << 26) | \
                       (1 << 11) | (1 << 20) | (1 << 22) | (1 << 23) | (1 << 28) | (1 << 29))
#define SCTLR_MMU_OFF ((1 << 11) | (1 << 20) | (1 << 22) | (1 << 23) | (1 << 28) | (1 << 29))

    .section .text.boot, "ax"
    .global _start
_start:
    mrs     x19, CurrentEL
    lsr     x19, x19, #2            /* x19 = the EL we were started in, for kmain */
    cmp     x19, #2
    b.ne    at_el1

    /* EL2 -> EL1. */
    mov     x0, #(1 << 31)          /* HCR_EL2.RW: EL1 is AArch64; no traps to EL2 */
    msr     hcr_el2, x0
    mov     x0, #3                  /* EL1 may use the physical counter and timer */
    msr     cnthctl_el2, x0
    msr     cntvoff_el2, xzr
    mov     x0, #0x33ff             /* CPTR_EL2: RES1 bits, FP/SIMD not trapped */
    msr     cptr_el2, x0
    msr     hstr_el2, xzr
    mrs     x0, midr_el1            /* EL1 sees the real CPU id */
    msr     vpidr_el2, x0
    mrs     x0, mpidr_el1
    msr     vmpidr_el2, x0
    msr     vttbr_el2, xzr
    mrs     x0, id_aa64pfr0_el1     /* GICv3 system registers usable from EL1 */
    ubfx    x0, x0, #24, #4
    cbz     x0, 1f
    mrs     x0, S3_4_C12_C9_5       /* ICC_SRE_EL2 */
    mov     x1, #0x9                /* SRE | Enable */
    orr     x0, x0, x1
    msr     S3_4_C12_C9_5, x0
    isb
1:  ldr     x0, =SCTLR_MMU_OFF
    msr     sctlr_el1, x0
    mov     x0, #0x3c5              /* EL1h, all exceptions masked */
    msr     spsr_el2, x0
    adr     x0, at_el1
    msr     elr_el2, x0
    eret

at_el1:
    ldr     x0, =SCTLR_MMU_OFF
    msr     sctlr_el1, x0
    isb
    mov     x0, #(3 << 20)          /* CPACR_EL1.FPEN: kernel entry may touch FP regs */
    msr     cpacr_el1, x0

    /* Clear the boot page tables (physical addresses, PC-relative). The rest
     * of .bss is cleared by kmain with DC ZVA, which needs the MMU on. */
    adrp    x0, boot_pt_l0
    add     x1, x0, #8192
2:  cmp     x0, x1
    b.hs    3f
    stp     xzr, xzr, [x0], #16
    b       2b
3:
    /* Boot page table: one level-0 table, one level-1 table of 1 GiB blocks. */
    adrp    x0, boot_pt_l0
    adrp    x1, boot_pt_l1
    orr     x2, x1, #3              /* table descriptor */
    str     x2, [x0]
    ldr     x2, =BLOCK_DEVICE       /* 0 - 1 GiB: devices */
    str     x2, [x1, #0]
    ldr     x2, =(0x40000000 | BLOCK_NORMAL)
    str     x2, [x1, #8]
    ldr     x2, =(0x80000000 | BLOCK_NORMAL)
    str     x2, [x1, #16]

    ldr     x2, =MAIR_VALUE
    msr     mair_el1, x2
    ldr     x2, =TCR_VALUE
    msr     tcr_el1, x2
    msr     ttbr0_el1, x0
    msr     ttbr1_el1, x0
    isb
    tlbi    vmalle1
    dsb     nsh
    isb
    ldr     x2, =SCTLR_VALUE
    msr     sctlr_el1, x2
    isb
    ldr     x0, =high
    br      x0

high:
    ldr     x0, =boot_stack_top
    mov     sp, x0
    msr     tpidr_el1, x0           /* the kernel stack for exceptions from PDs */
    ldr     x0, =exception_vectors
    msr     vbar_el1, x0
    isb
    mov     x0, x19
    bl      kmain
4:  wfe
    b       4b

    .section .boot_bss, "aw", %nobits
    .balign 4096
    .global boot_pt_l0
boot_pt_l0: .space 4096
boot_pt_l1: .space 4096
    .balign 16
boot_stack: .space 16384
    .global boot_stack_top
boot_stack_top:
