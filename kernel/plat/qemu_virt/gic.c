/*
 * GICv2 and GICv3 on QEMU virt. The version is told by ID_AA64PFR0_EL1.GIC,
 * set when the CPU has a GICv3 system-register interface (QEMU's default is
 * v2; `-machine virt,gic-version=3` gives v3; the v2 distributor is too small
 * to hold the v3 ID registers, so they cannot be probed). Every interrupt is group 1 / non-secure, one priority, routed to CPU 0:
 * the kernel never nests interrupts, so priorities would buy nothing.
 */
#include "kernel.h"
#include "memlayout.h"
#include "sysreg.h"
#include "gic.h"

#define GICD_CTLR        0x000
#define GICD_IGROUPR     0x080
#define GICD_ISENABLER   0x100
#define GICD_ICENABLER   0x180
#define GICD_IPRIORITYR  0x400
#define GICD_ITARGETSR   0x800
#define GICD_ICFGR       0xc00
#define GICD_IROUTER     0x6000
#define GICD_CTLR_RWP    (1u << 31)

#define GICC_PA          0x08010000ULL /* v2 CPU interface */
#define GICC_CTLR        0x00
#define GICC_PMR         0x04
#define GICC_IAR         0x0c
#define GICC_EOIR        0x10

#define GICR_PA          0x080a0000ULL /* v3 redistributor of CPU 0 */
#define GICR_WAKER       0x14
#define GICR_SGI         0x10000       /* the SGI/PPI frame */

/* GICv3 CPU interface registers, by encoding so any assembler takes them. */
#define ICC_PMR_EL1     S3_0_C4_C6_0
#define ICC_IAR1_EL1    S3_0_C12_C12_0
#define ICC_EOIR1_EL1   S3_0_C12_C12_1
#define ICC_SRE_EL1     S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7

#define PRIORITY 0xa0

static unsigned version;

static volatile uint32_t *reg32(u64 pa, unsigned off)
{
    return (volatile uint32_t *)((char *)PA_TO_KVA(pa) + off);
}

static volatile uint8_t *reg8(u64 pa, unsigned off)
{
    return (volatile uint8_t *)((char *)PA_TO_KVA(pa) + off);
}

/* SGIs and PPIs (INTID < 32) live in the redistributor on v3, in the distributor on v2. */
static u64 banked_base(unsigned intid)
{
    return (version == 3 && intid < 32) ? GICR_PA + GICR_SGI : GICD_PA;
}

static void wait_rwp(void)
{
    while (*reg32(GICD_PA, GICD_CTLR) & GICD_CTLR_RWP)
        ;
}

unsigned gic_version(void)
{
    return version;
}

static void init_v2(void)
{
    *reg32(GICD_PA, GICD_CTLR) = 1;
    *reg32(GICC_PA, GICC_PMR) = 0xff;
    *reg32(GICC_PA, GICC_CTLR) = 1;
}

static void init_v3(void)
{
    *reg32(GICD_PA, GICD_CTLR) = 0;
    wait_rwp();
    *reg32(GICD_PA, GICD_CTLR) = (1u << 4) | (1u << 1); /* ARE, enable group 1 */
    wait_rwp();
    *reg32(GICR_PA, GICR_WAKER) &= ~(1u << 1);           /* wake the redistributor */
    while (*reg32(GICR_PA, GICR_WAKER) & (1u << 2))
        ;
    *reg32(GICR_PA + GICR_SGI, GICD_IGROUPR) = ~0u;      /* SGIs/PPIs: group 1 */
    write_sysreg(ICC_SRE_EL1, read_sysreg(ICC_SRE_EL1) | 1);
    isb();
    write_sysreg(ICC_PMR_EL1, 0xff);
    write_sysreg(ICC_IGRPEN1_EL1, 1);
    isb();
}

void gic_init(void)
{
    if ((read_sysreg(id_aa64pfr0_el1) >> 24) & 0xf) {
        version = 3;
        init_v3();
    } else {
        version = 2;
        init_v2();
    }
}

void gic_configure(unsigned intid, int edge)
{
    u64 base = banked_base(intid);
    volatile uint32_t *cfg = reg32(base, GICD_ICFGR + intid / 16 * 4);
    unsigned shift = intid % 16 * 2 + 1;

    gic_mask(intid);
    if (intid >= 32) { /* PPIs and SGIs have a fixed trigger and target */
        *cfg = (*cfg & ~(1u << shift)) | ((unsigned)!!edge << shift);
        if (version == 3) {
            *(volatile u64 *)((char *)PA_TO_KVA(GICD_PA) + GICD_IROUTER + intid * 8) = 0;
            *reg32(GICD_PA, GICD_IGROUPR + intid / 32 * 4) |= 1u << (intid % 32);
        } else {
            *reg8(GICD_PA, GICD_ITARGETSR + intid) = 1;
        }
    }
    *reg8(base, GICD_IPRIORITYR + intid) = PRIORITY;
}

void gic_mask(unsigned intid)
{
    *reg32(banked_base(intid), GICD_ICENABLER + intid / 32 * 4) = 1u << (intid % 32);
}

void gic_unmask(unsigned intid)
{
    *reg32(banked_base(intid), GICD_ISENABLER + intid / 32 * 4) = 1u << (intid % 32);
}

unsigned gic_acknowledge(void)
{
    unsigned intid = version == 3 ? (unsigned)read_sysreg(ICC_IAR1_EL1) & 0xffffff
                                   : *reg32(GICC_PA, GICC_IAR) & 0x3ff;

    return intid >= GIC_MAX_INTID ? GIC_SPURIOUS : intid;
}

void gic_end(unsigned intid)
{
    if (version == 3)
        write_sysreg(ICC_EOIR1_EL1, intid);
    else
        *reg32(GICC_PA, GICC_EOIR) = intid;
}

/*
 * The interrupt path in one call (core/irq.c): acknowledge the pending
 * interrupt, mask it unless it is `keep` (the kernel's timer), end it.
 * Returns its INTID, or GIC_SPURIOUS if none is pending.
 */
unsigned gic_take(unsigned keep)
{
    unsigned intid;

    if (version == 3) {
        intid = (unsigned)read_sysreg(ICC_IAR1_EL1) & 0xffffff;
        if (intid >= GIC_MAX_INTID)
            return GIC_SPURIOUS;
        if (intid != keep)
            gic_mask(intid);
        write_sysreg(ICC_EOIR1_EL1, intid);
        return intid;
    }
    volatile uint32_t *cpu = reg32(GICC_PA, 0);
    __asm__("" : "+r"(cpu)); /* one base register for IAR and EOIR: GCC builds each constant address anew */
    intid = cpu[GICC_IAR / 4] & 0x3ff;
    if (intid >= GIC_MAX_INTID)
        return GIC_SPURIOUS;
    if (intid != keep) /* v2: every INTID's enable bit is in the distributor */
        *reg32(GICD_PA, GICD_ICENABLER + intid / 32 * 4) = 1u << (intid % 32);
    cpu[GICC_EOIR / 4] = intid;
    return intid;
}
