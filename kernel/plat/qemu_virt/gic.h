/* The interrupt controller, as the kernel core sees it (GICv2 or GICv3, found at boot). */
#ifndef PLAT_GIC_H
#define PLAT_GIC_H

#include <stdint.h>

#define GIC_SPURIOUS 1023
#define GIC_MAX_INTID 1020

void gic_init(void);
void gic_configure(unsigned intid, int edge); /* leaves it masked, routed to this CPU */
void gic_mask(unsigned intid);
void gic_unmask(unsigned intid);
unsigned gic_acknowledge(void); /* the pending INTID, or GIC_SPURIOUS */
void gic_end(unsigned intid);
unsigned gic_take(unsigned keep); /* acknowledge, mask unless keep, end: the INTID or GIC_SPURIOUS */
unsigned gic_version(void);

#endif
