/*
 * Physical memory of QEMU's `virt` board (-m 2G) as Minikit uses it.
 *
 *   0x0800_0000  GIC distributor (GICv2; CPU interface at 0x0801_0000)
 *   0x0900_0000  PL011 UART (INTID 33): the debug console; a PD may drive it too
 *   0x4000_0000  RAM start
 *   0x6fe0_0000  kernel .bss: boot stack, PD table, boot page tables (below the image)
 *   0x7000_0000  loader.img: kernel text/data, system table, PD pages, prefill data
 *   image end    zero region: page-table pool, PD stacks/IPC buffers/.bss pages, MRs
 *   0xc000_0000  RAM end
 *
 * The kernel sees all of it through one linear map at KERNEL_VBASE + pa
 * (TTBR1); TTBR0 holds the running PD's address space.
 */
#ifndef PLAT_MEMLAYOUT_H
#define PLAT_MEMLAYOUT_H

#define KERNEL_VBASE   0xffff000000000000ULL
#define RAM_BASE       0x40000000ULL
#define RAM_END        0xc0000000ULL
#define KERNEL_BSS_PA  0x6fe00000ULL
#define IMAGE_BASE_PA  0x70000000ULL

#define UART_PA        0x09000000ULL
#define GICD_PA        0x08000000ULL

/* The boot page tables map [0, LINEAR_MAP_END) at KERNEL_VBASE + pa (boot.S). */
#define LINEAR_MAP_END 0xc0000000ULL

#define PA_TO_KVA(pa)  ((void *)((unsigned long)(pa) + KERNEL_VBASE))
#define KVA_TO_PA(va)  ((unsigned long)(va) - KERNEL_VBASE)

#endif
