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

/*
 * A vCPU (docs/kernel.md, "Virtual machines"): a child of a PD (its VMM) in
 * a system flagged as having VMs; all vCPUs of one VM share its VMM and its
 * maps, whose guest-physical addresses fit stage 2's 39 bits.
 */
void vm_check_vcpu(const struct mk_systable *t, unsigned i)
{
    const struct mk_pd *all = systable_pds(t), *p = &all[i];
    const struct mk_map *maps = systable_maps(t);

    if (!(t->flags & MK_FLAG_VMS))
        panic(BAD_TABLE "entry %u is a vCPU but the table does not say the system has VMs", i);
    if (p->parent == MK_NO_PARENT || p->parent >= i || all[p->parent].kind != MK_PD_KIND_PD)
        panic(BAD_TABLE "vCPU %u (VM '%.64s') has no PD as its parent (its VMM)", i, p->name);
    if (p->vm >= MK_MAX_PDS)
        panic(BAD_TABLE "vCPU %u has VM index %u", i, p->vm);
    for (unsigned j = 0; j < i; j++)
        if (all[j].kind == MK_PD_KIND_VCPU && all[j].vm == p->vm &&
            (all[j].parent != p->parent || all[j].map_first != p->map_first || all[j].map_count != p->map_count))
            panic(BAD_TABLE "vCPUs %u and %u of VM %u differ in VMM or maps", j, i, p->vm);
    for (u32 k = 0; k < p->map_count; k++) {
        const struct mk_map *m = &maps[p->map_first + k];
        if (m->vaddr + m->size > (1ULL << MK_GUEST_PA_BITS))
            panic(BAD_TABLE "VM map %u [0x%lx..) is beyond the %u-bit guest-physical space",
                  p->map_first + k, m->vaddr, MK_GUEST_PA_BITS);
    }
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
