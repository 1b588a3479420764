/*
 * The GICv2 virtualization extension (the GICH frame at 0x0803_0000): the
 * list registers through which the kernel hands virtual interrupts to the
 * running vCPU, and their copy while a vCPU is switched out.
 */
#ifndef PLAT_VGIC_H
#define PLAT_VGIC_H

#include <stdint.h>

#define VGIC_MAX_LRS        16
#define VGIC_MAINT_INTID    25 /* the maintenance interrupt (PPI) */
#define VGIC_VTIMER_INTID   27 /* the EL1 virtual timer: a guest's */
#define VGIC_HYPTIMER_INTID 26 /* the EL2 physical timer: the kernel's while it has VMs */

struct vgic_shadow {
    uint32_t lr[VGIC_MAX_LRS];
    uint32_t vmcr, apr;
};

struct vcpu;
void vgic_init(void);
void vgic_load(struct vcpu *v);                      /* v's state into the GICH, before it runs */
int vgic_inject(struct vcpu *v, uint64_t packed);    /* MK_VCPU_INJECT_IRQ: an seL4 error code */
int vgic_maintenance(struct vcpu *v, int64_t *idx);  /* after an IRQ exit: 1 with the EOI'd LR (or -1) */
void vgic_vtimer_enable(int on);                     /* PPI 27 at the distributor, only when it changes */

#endif
