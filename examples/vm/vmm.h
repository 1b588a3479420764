/*
 * The vm example's VMM: what its parts share. vmm.c handles the exits and
 * events, vgic.c emulates the GICv2 distributor and fills the list
 * registers, psci.c answers the guest's SMC calls, guest_boot.c puts the
 * kernel, initramfs and device tree into guest RAM.
 */
#ifndef VMM_H
#define VMM_H

#include <microkit.h>

#define GUEST_VCPU 0 /* the <vcpu id> in vm.system */
#define UART_CH    1 /* the <irq id> of the PL011's interrupt in vm.system */

/* Printing helpers (there is no printf in a PD). */
void vmm_puts(const char *s);
void vmm_puthex(seL4_Word x);
void vmm_putdec(seL4_Word x);

/* A guest register by its number (0..30; 31 is xzr: reads 0, writes vanish). */
seL4_Word ctx_get_x(const seL4_UserContext *ctx, unsigned n);
void ctx_set_x(seL4_UserContext *ctx, unsigned n, seL4_Word v);

/* guest_boot.c: copies the images into guest RAM; returns the kernel's entry or 0. */
seL4_Word guest_load(seL4_Word *dtb_gpa);

/* vgic.c */
void vgic_init(void);
/* An MMIO access to the distributor; returns false for an offset it cannot handle. */
bool vgic_dist_access(seL4_Word offset, bool write, unsigned size, seL4_Word *value);
/* A device or the timer raised irq: it becomes pending and is injected when it can be. */
void vgic_raise(unsigned irq);
/* The guest EOI'd the interrupt in list register lr (a VGIC maintenance exit). */
void vgic_maintenance(seL4_Word lr);
/*
 * Statistics: interrupts written into list registers, times one had to wait
 * for a free list register, failed injections, list registers still held.
 */
extern seL4_Word vgic_injected;
extern seL4_Word vgic_waited;
extern seL4_Word vgic_inject_errors;
unsigned vgic_lrs_in_use(void);

/* psci.c: x0..x3 of the guest's SMC in, its x0 out. Returns false when the guest is off. */
bool psci_call(seL4_UserContext *ctx);

/* vmm.c: the guest is off (PSCI SYSTEM_OFF / SYSTEM_RESET) or broken. */
void vmm_guest_stopped(const char *why);

#endif
