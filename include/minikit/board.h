/*
 * What the kernel keeps to itself on QEMU `virt` (qemu_virt_aarch64), shared
 * by the tool (which refuses, at build time, a system that gives any of it to
 * a PD) and the kernel (which checks the same at boot and would otherwise
 * panic). Everything else on the board is the PDs' to map, as on seL4: the
 * PL011 UART at 0x0900_0000 and its IRQ 33 included, although the debug
 * kernel also prints there.
 */
#ifndef MINIKIT_BOARD_H
#define MINIKIT_BOARD_H

#include <stdint.h>

/* RAM: QEMU virt's RAM starts at 1 GiB; Minikit images are run with -m 2G. */
#define MK_RAM_BASE 0x40000000ULL
#define MK_RAM_END  0xc0000000ULL

/* Physical addresses: the kernel's page tables use a 40-bit output address (TCR_EL1.IPS). */
#define MK_PA_BITS 40
#define MK_PA_END  (1ULL << MK_PA_BITS)

/*
 * The GIC frames the kernel drives. QEMU decides at run time whether the
 * board has a GICv2 or a GICv3 (gic-version=3), so the tool refuses the
 * frames of both: v2 distributor and CPU interface, the virtualization
 * control frame (reserved for the kernel's VM support), and the whole v3
 * redistributor region. The GICv2m MSI frame (0x0802_0000), the virtual CPU
 * interface (0x0804_0000) and the ITS (0x0808_0000) stay mappable.
 */
struct mk_kept_range {
    uint64_t base, end;
    const char *name;
};
#define MK_KEPT_DEVICES                                                            \
    {                                                                              \
        {0x08000000ULL, 0x08010000ULL, "GIC distributor"},                         \
        {0x08010000ULL, 0x08020000ULL, "GICv2 CPU interface"},                     \
        {0x08030000ULL, 0x08040000ULL, "GICv2 virtualization control interface"}, \
        {0x080a0000ULL, 0x09000000ULL, "GICv3 redistributors"},                    \
    }
#define MK_NKEPT_DEVICES 4
#define MK_KEPT_DEVICES_BASE 0x08000000ULL /* all of them lie in [BASE, END): one test rules out the rest */
#define MK_KEPT_DEVICES_END  0x09000000ULL

/* Interrupts: SGIs (0..15) are the kernel's; so is the EL1 virtual timer it schedules with. */
#define MK_IRQ_FIRST        16
#define MK_IRQ_END          1020 /* INTIDs 1020..1023 are special */
#define MK_IRQ_KERNEL_TIMER 27

#endif
