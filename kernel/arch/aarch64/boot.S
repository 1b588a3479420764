/*
 * The first instructions: loader.img's first byte, at physical 0x7000_0000,
 * MMU off, at EL2 (QEMU virtualization=on) or EL1.
 *
 *   1. drop from EL2 to EL1 if needed (the kernel always runs at EL1),
 *      leaving EL2 the world switch's vectors (el2.S) for virtual machines
 *      in the kernel with VM support (MK_CONFIG_VM; without it EL2 keeps
 *      nothing: the kernel never calls it);
 *   2. build the kernel's page tables: the first 3 GiB of physical memory at
 *      KERNEL_VBASE + pa (TTBR1), also reachable at its identity address
 *      through TTBR0 for the instant the MMU turns on (kmain drops that:
 *      vspace_leave_boot);
 *   3. turn the MMU and caches on, jump to the linked (high) address, call kmain.
 *
 * Permissions (docs/kernel.md, "Memory permissions"): every kernel mapping
 * is EL1-only (AP[1] clear), global, and never executable at EL0 (UXN).
 * Only the kernel's text is executable at EL1, and it is read-only; its
 * read-only data is read-only and PXN; everything else (RAM, devices) is
 * read-write and PXN. So the 2 MiB holding the image is mapped with 4 KiB
 * pages (one level-3 table), the rest of RAM with 2 MiB blocks, the devices
 * with one 1 GiB block:
 *
 *   L1[0] 0..1 GiB       device block                RW, UXN, PXN
 *   L1[1] 1..2 GiB    -> L2: 2 MiB blocks            RW, UXN, PXN
 *         L2[384] 0x7000_0000 -> L3: 4 KiB pages
 *             [image, __text_end)                    RO, UXN          (text)
 *             [__text_end, __kernel_ro_end)          RO, UXN, PXN     (rodata, table)
 *             [__kernel_ro_end, +2 MiB)              RW, UXN, PXN
 *   L1[2] 2..3 GiB       normal block                RW, UXN, PXN
 *
 * Until the jump only PC-relative addressing (adr/adrp) is used, so the
 * code works at its physical address though linked high.
 */
#include "pte.h"

#define KERNEL_VBASE 0xffff000000000000

#define K_NORMAL      (PTE_AF | PTE_SH_IS | (ATTR_NORMAL << PTE_ATTR_SHIFT))
#define BLOCK_RAM     (K_NORMAL | PTE_UXN | PTE_PXN | PTE_BLOCK)
#define BLOCK_DEVICE  (PTE_AF | (ATTR_DEVICE << PTE_ATTR_SHIFT) | PTE_UXN | PTE_PXN | PTE_BLOCK)
#define PAGE_TEXT     (K_NORMAL | PTE_AP_RO | PTE_UXN | PTE_PAGE)
#define PAGE_RO       (K_NORMAL | PTE_AP_RO | PTE_UXN | PTE_PXN | PTE_PAGE)
#define PAGE_RW       (K_NORMAL | PTE_UXN | PTE_PXN | PTE_PAGE)
#define IMAGE_L2_SLOT ((0x70000000 - 0x40000000) >> 21)

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

    /* EL2 -> EL1. With VM support, EL2 keeps only el2.S's vectors and
     * stack (physical addresses: EL2 runs at them), for a system with
     * virtual machines. */
#ifdef MK_CONFIG_VM
    adr     x0, el2_vectors
    msr     vbar_el2, x0
    adrp    x0, el2_stack_top
    add     x0, x0, :lo12:el2_stack_top
    mov     sp, x0
    msr     tpidr_el2, xzr
#endif
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

    /* Clear the level-0 and level-1 tables (physical addresses,
     * PC-relative; 64 bytes a step). The level-2 and level-3 tables are
     * written whole below. The rest of .bss is cleared by kmain with DC
     * ZVA, which needs the MMU on. */
    adrp    x0, boot_pt_l0
    add     x1, x0, #8192
2:  stp     xzr, xzr, [x0]
    stp     xzr, xzr, [x0, #16]
    stp     xzr, xzr, [x0, #32]
    stp     xzr, xzr, [x0, #48]
    add     x0, x0, #64
    cmp     x0, x1
    b.lo    2b

    adrp    x0, boot_pt_l0
    adrp    x1, boot_pt_l1
    orr     x2, x1, #3              /* table descriptor */
    str     x2, [x0]
    ldr     x2, =BLOCK_DEVICE       /* 0 - 1 GiB: devices */
    str     x2, [x1, #0]
    adrp    x2, boot_pt_l2          /* 1 - 2 GiB: level 2 */
    orr     x2, x2, #3
    str     x2, [x1, #8]
    ldr     x2, =(0x80000000 | BLOCK_RAM)
    str     x2, [x1, #16]

    /* Level 2: 512 blocks of 2 MiB from 1 GiB, then the image's slot. */
    adrp    x0, boot_pt_l2
    add     x1, x0, #4096
    ldr     x2, =(0x40000000 | BLOCK_RAM)
    mov     x4, #(1 << 21)
    bl      boot_fill
    adrp    x0, boot_pt_l2
    adrp    x1, boot_pt_l3
    orr     x1, x1, #3
    str     x1, [x0, #(IMAGE_L2_SLOT * 8)]

    /* Level 3: the image's 2 MiB in pages, by permission. x0 runs on. */
    adrp    x0, boot_pt_l3
    adrp    x5, __text_end          /* page-aligned: adrp is exact */
    adrp    x6, __kernel_ro_end
    mov     x4, #(1 << 12)
    mov     x7, #0x70000000
    sub     x1, x5, x7
    add     x1, x0, x1, lsr #9      /* slot of __text_end */
    ldr     x2, =(0x70000000 | PAGE_TEXT)
    bl      boot_fill
    adrp    x1, boot_pt_l3
    sub     x3, x6, x7
    add     x1, x1, x3, lsr #9      /* slot of __kernel_ro_end */
    ldr     x2, =PAGE_RO
    orr     x2, x2, x5
    bl      boot_fill
    adrp    x1, boot_pt_l3
    add     x1, x1, #4096
    ldr     x2, =PAGE_RW
    orr     x2, x2, x6
    bl      boot_fill

    ldr     x2, =MAIR_VALUE
    msr     mair_el1, x2
    ldr     x2, =TCR_VALUE
    msr     tcr_el1, x2
    adrp    x0, boot_pt_l0
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

/*
 * boot_fill: descriptors x2, x2 + x4, x2 + 2 * x4, ... into [x0, x1)
 * (x1 > x0, 8-byte entries), two a store after an odd first one. x0 ends at
 * x1; x2, x3, x9 are clobbered. A leaf: returns with ret.
 */
boot_fill:
    sub     x3, x1, x0
    tbz     x3, #3, 1f              /* an even number of entries */
    str     x2, [x0], #8
    add     x2, x2, x4
    cmp     x0, x1
    b.hs    3f
1:  add     x3, x2, x4
    lsl     x9, x4, #1
2:  stp     x2, x3, [x0], #16
    add     x2, x2, x9
    add     x3, x3, x9
    cmp     x0, x1
    b.lo    2b
3:  ret

/*
 * The system table's physical address, written into the image by the tool
 * (MK_SYSTABLE_SYMBOL) and only read by the kernel (core/main.c): read-only
 * data, so the image has no writable page.
 */
    .section .rodata, "a"
    .balign 8
    .global minikit_systable_paddr
    .type   minikit_systable_paddr, %object
    .size   minikit_systable_paddr, 8
minikit_systable_paddr:
    .quad   0

    .section .boot_bss, "aw", %nobits
    .balign 4096
    .global boot_pt_l0, boot_pt_l1, boot_pt_l2, boot_pt_l3
boot_pt_l0: .space 4096     /* also TTBR0's while the MMU turns on */
boot_pt_l1: .space 4096
boot_pt_l2: .space 4096
boot_pt_l3: .space 4096
    .balign 16
boot_stack: .space 16384
    .global boot_stack_top
boot_stack_top:
