/*
 * AArch64 stage-1 translation descriptors (4 KiB granule), named bits.
 * Used by boot.S (the kernel's tables), vspace.c (the PDs') and
 * vspace_check.c (the debug walk of both). Assembler-safe.
 */
#ifndef ARCH_PTE_H
#define ARCH_PTE_H

#ifdef __ASSEMBLER__
#define PTE_BIT(n) (1 << (n))
#define PTE_BIT_HI(n) (1 << (n))
#else
#define PTE_BIT(n) (1ULL << (n))
#define PTE_BIT_HI(n) (1ULL << (n))
#endif

#define PTE_VALID   PTE_BIT(0)
#define PTE_TABLE   PTE_BIT(1)  /* levels 0-2: next-level table; level 3: a page (not a block) */
#define PTE_TYPE    (PTE_VALID | PTE_TABLE)
#define PTE_BLOCK   PTE_VALID                 /* levels 1-2 leaf */
#define PTE_PAGE    (PTE_VALID | PTE_TABLE)   /* level 3 leaf */
#define PTE_ATTR_SHIFT 2                      /* AttrIndx[2:0]: MAIR index */
#define PTE_ATTR_MASK  (7 << PTE_ATTR_SHIFT)
#define PTE_AP_EL0  PTE_BIT(6)  /* AP[1]: EL0 may access */
#define PTE_AP_RO   PTE_BIT(7)  /* AP[2]: read-only (at every EL) */
#define PTE_SH_IS   (3 << 8)    /* inner shareable */
#define PTE_AF      PTE_BIT(10) /* access flag (no access-flag faults) */
#define PTE_NG      PTE_BIT(11) /* not global: tagged with the ASID */
#define PTE_PXN     PTE_BIT_HI(53) /* never executable at EL1 */
#define PTE_UXN     PTE_BIT_HI(54) /* never executable at EL0 */
#define PTE_ADDR    0x0000fffffffff000

/* MAIR_EL1 indexes (boot.S writes MAIR_EL1). */
#define ATTR_NORMAL 0 /* normal write-back */
#define ATTR_DEVICE 1 /* device nGnRnE */

#endif
