/*
 * Where things are in the guest's physical address space and in the VMM's
 * address space. vm.system maps the guest RAM region at GUEST_RAM_BASE in
 * the VM and at guest_ram_vaddr (a setvar) in the VMM; vm.dts is filled in
 * with the same numbers (the Makefile passes them through the C preprocessor).
 */
#ifndef VM_LAYOUT_H
#define VM_LAYOUT_H

/* As on a real QEMU virt board: RAM from 1 GiB. */
#define GUEST_RAM_BASE 0x40000000
#define GUEST_RAM_SIZE 0x8000000 /* 128 MiB: the size of guest_ram in vm.system */

/*
 * The arm64 boot protocol: the Image goes text_offset (from its header)
 * above a 2 MiB-aligned base; the device tree anywhere 8-byte aligned (below
 * 512 MiB of RAM start for old kernels); the initramfs anywhere else.
 */
#define GUEST_IMAGE_BASE  (GUEST_RAM_BASE + 0x200000)
#define GUEST_DTB_ADDR    (GUEST_RAM_BASE + 0x3e00000) /* 2 MiB below the initramfs */
#define GUEST_INITRD_ADDR (GUEST_RAM_BASE + 0x4000000) /* 64 MiB in: above the kernel's image_size */

/* The emulated GICv2 distributor, and the QEMU virt devices the guest sees. */
#define GICD_BASE 0x08000000
#define GICD_SIZE 0x10000
#define UART_IRQ  33 /* PL011, SPI 1 */

#endif
