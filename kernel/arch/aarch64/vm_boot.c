/*
 * Virtual machines at boot (docs/kernel.md, "Virtual machines"). A system
 * with VMs (MK_FLAG_VMS) needs the CPU to start at EL2, where boot.S left
 * el2.S's vectors before dropping to EL1, and a GICv2 with the
 * virtualization extension; without either the kernel stops with the reason.
 * A system without VMs never calls into EL2 and runs at EL1 or EL2, on GICv2
 * or GICv3, exactly as before. Only the kernel with VM support
 * (MK_CONFIG_VM, minikit-vm.elf) has this file; core/vm_none.c stands in
 * for it in the others.
 */
#include "vcpu.h"
#include "memlayout.h"
#include "sysreg.h"
#include "pte.h"

int vms;

extern char exception_vectors_vm[]; /* entry.S */

/* EL2's page table: the identity map of the first 3 GiB in 1 GiB blocks (devices, then RAM). */
static u64 el2_pt[512] __attribute__((aligned(4096), section(".bss.pd_table"))); /* not cleared at boot: vms_init writes it all */

#define EL2_AP1 (1ULL << 6) /* RES1 in the EL2 regime */
#define EL2_DEVICE (PTE_AF | EL2_AP1 | (ATTR_DEVICE << PTE_ATTR_SHIFT) | PTE_UXN | PTE_BLOCK)
#define EL2_RAM    (PTE_AF | EL2_AP1 | PTE_SH_IS | (ATTR_NORMAL << PTE_ATTR_SHIFT) | PTE_BLOCK)

void vm_boot_check(const struct mk_systable *t, unsigned boot_el)
{
    if (!(t->flags & MK_FLAG_VMS))
        return;
    if (boot_el < 2)
        panic("this system has virtual machines, which need EL2, but the kernel was started at EL%u "
              "(QEMU: -machine virt,virtualization=on)", boot_el);
    if ((read_sysreg(id_aa64pfr0_el1) >> 24) & 0xf)
        panic("this system has virtual machines, which need a GICv2 with the virtualization extension, but the "
              "board has a GICv3 (QEMU: leave out gic-version=3)");
    vms = 1;
}

/* The kernel's timer while it has VMs: CNTHP, which only EL2 reaches. */
void arch_timer_el2_set(u64 deadline)
{
    el2_call(EL2_TIMER, deadline);
}

/* After irqs_init: EL2's MMU, the virtual GIC, the kernel's timer at EL2. */
void vms_init(void)
{
    if (!vms)
        return;
    memset(el2_pt, 0, sizeof(el2_pt));
    el2_pt[0] = 0x00000000ULL | EL2_DEVICE;
    el2_pt[1] = 0x40000000ULL | EL2_RAM;
    el2_pt[2] = 0x80000000ULL | EL2_RAM;
    dsb(ish);
    if (el2_call(EL2_INIT, KVA_TO_PA(el2_pt)) != 0)
        panic("EL2 did not take the kernel's call: was the kernel started at EL2 by this image's boot code?");
    vgic_init();
    write_sysreg(vbar_el1, (u64)exception_vectors_vm); /* IRQs through irq_dispatch_vm */
    isb();
}
