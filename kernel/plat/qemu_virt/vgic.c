/*
 * GICv2 virtualization (docs/kernel.md, "Virtual machines"): the kernel, at
 * EL1, drives the virtual interface control frame (GICH) through its device
 * mapping; the guest talks to the virtual CPU interface (GICV), which the
 * VMM maps where the guest expects its CPU interface, and the VMM emulates
 * the distributor. As on seL4:
 *
 *   - seL4_ARM_VCPU_InjectIRQ writes a list register, pending, with the
 *     EOI-maintenance bit: the guest's EOI of it raises the maintenance
 *     interrupt (PPI 25), which the kernel turns into a VGIC maintenance
 *     fault naming that list register;
 *   - the list registers, VMCR and APR belong to the vCPU that last ran
 *     ("loaded"); another vCPU's are kept in its struct vcpu until it runs.
 *
 * GICH_HCR.En stays on once a vCPU has run: virtual interrupts reach a
 * guest only while HCR_EL2.IMO routes physical ones to EL2, i.e. only while
 * it runs, and the maintenance interrupt needs a guest's EOI.
 */
#include "vcpu.h"
#include "memlayout.h"
#include "gic.h"

#define GICH_PA    0x08030000ULL
#define GICH_HCR   0x000
#define GICH_VTR   0x004
#define GICH_VMCR  0x008
#define GICH_MISR  0x010
#define GICH_EISR0 0x020
#define GICH_APR   0x0f0
#define GICH_LR    0x100

#define HCR_EN     (1u << 0)
#define MISR_EOI   (1u << 0)
#define LR_EOI     (1u << 19)          /* maintenance interrupt when the guest EOIs it (HW = 0) */
#define LR_STATE   (3u << 28)          /* 0: invalid, 1: pending, 2: active, 3: both */
#define LR_PENDING (1u << 28)

static unsigned nlrs;
static struct vcpu *loaded;            /* whose state the GICH holds */
static int maint_on, vtimer_on;        /* PPIs 25 and 27 enabled at the distributor */

static volatile uint32_t *gich(unsigned off)
{
    return (volatile uint32_t *)((char *)PA_TO_KVA(GICH_PA) + off);
}

void vgic_init(void)
{
    nlrs = (*gich(GICH_VTR) & 0x3f) + 1;
    if (nlrs > VGIC_MAX_LRS)
        nlrs = VGIC_MAX_LRS;
    *gich(GICH_HCR) = 0;
    for (unsigned i = 0; i < nlrs; i++)
        *gich(GICH_LR + 4 * i) = 0;
    gic_configure(VGIC_MAINT_INTID, 0);
    gic_unmask(VGIC_MAINT_INTID);
    maint_on = 1;
    gic_configure(VGIC_VTIMER_INTID, 0); /* masked until a vCPU whose VPPI is not out runs */
    kprintf("minikit| GICv2 virtualization: %u list registers\n", nlrs);
}

void vgic_vtimer_enable(int on)
{
    if (on == vtimer_on)
        return;
    vtimer_on = on;
    if (on)
        gic_unmask(VGIC_VTIMER_INTID);
    else
        gic_mask(VGIC_VTIMER_INTID);
}

/*
 * An interrupt no PD owns, in a system with virtual machines (core/irq.c's
 * irq_dispatch_vm): the kernel's timer is INTID 26 there (gic_take masked
 * it: unmask it), 27 the guests' virtual timer and 25 the GIC's maintenance
 * interrupt, for which arch/aarch64/vcpu.c reads the cause itself after a
 * guest's exit. gic_take masked 25 and 27: note it. Returns the timer's
 * verdict on self, as irq.c's irq_take.
 */
int vm_irq_take(struct pd *self, unsigned intid)
{
    if (intid == VGIC_HYPTIMER_INTID) {
        gic_unmask(intid);
        return timer_tick(self);
    }
    if (intid == VGIC_VTIMER_INTID) {
        gic_mask(intid);
        vtimer_on = 0;
    } else if (intid == VGIC_MAINT_INTID) {
        maint_on = 0;
    }
    return TIMER_KEEP;
}

void vgic_load(struct vcpu *v)
{
    if (loaded != v) {
        if (loaded) {
            for (unsigned i = 0; i < nlrs; i++)
                loaded->vgic.lr[i] = *gich(GICH_LR + 4 * i);
            loaded->vgic.vmcr = *gich(GICH_VMCR);
            loaded->vgic.apr = *gich(GICH_APR);
        }
        for (unsigned i = 0; i < nlrs; i++)
            *gich(GICH_LR + 4 * i) = v->vgic.lr[i];
        *gich(GICH_VMCR) = v->vgic.vmcr;
        *gich(GICH_APR) = v->vgic.apr;
        *gich(GICH_HCR) = HCR_EN;
        loaded = v;
    }
    if (!maint_on) {
        maint_on = 1;
        gic_unmask(VGIC_MAINT_INTID);
    }
    vgic_vtimer_enable(!v->vppi_masked);
}

static uint32_t lr_read(struct vcpu *v, unsigned i)
{
    return v == loaded ? *gich(GICH_LR + 4 * i) : v->vgic.lr[i];
}

static void lr_write(struct vcpu *v, unsigned i, uint32_t lr)
{
    if (v == loaded)
        *gich(GICH_LR + 4 * i) = lr;
    else
        v->vgic.lr[i] = lr;
}

/*
 * seL4_ARM_VCPU_InjectIRQ (packed as abi.h says): seL4's checks and errors.
 * A list register still pending or active is refused (seL4_DeleteFirst):
 * overwriting it would lose an interrupt the guest has not finished.
 */
int vgic_inject(struct vcpu *v, uint64_t packed)
{
    unsigned virq = packed & 0xffff, prio = (packed >> 16) & 0xff, group = (packed >> 24) & 0xff;
    unsigned idx = (packed >> 32) & 0xff;

    if (virq >= 1024 || prio >= 32 || group > 1 || idx >= nlrs)
        return MK_ERANGE;
    if (lr_read(v, idx) & LR_STATE)
        return MK_EDELETE_FIRST;
    lr_write(v, idx, virq | LR_EOI | prio << 23 | LR_PENDING | group << 30);
    return MK_OK;
}

/*
 * After an IRQ exit of v: did the guest EOI an injected interrupt? Then the
 * list register's EOI bit is cleared (the maintenance interrupt drops) and
 * *idx is its index (-1 if the hardware names none), as seL4's VGIC
 * maintenance fault. Returns 0 when there is nothing to report.
 */
int vgic_maintenance(struct vcpu *v, int64_t *idx)
{
    if (v != loaded || !(*gich(GICH_MISR) & MISR_EOI))
        return 0;
    uint32_t eisr = *gich(GICH_EISR0) & ((1u << nlrs) - 1); /* only list registers that exist */
    if (!eisr) {
        *idx = -1;
        return 1;
    }
    unsigned i = (unsigned)__builtin_ctz(eisr);
    *gich(GICH_LR + 4 * i) &= ~LR_EOI;
    *idx = i;
    return 1;
}
