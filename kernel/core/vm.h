/*
 * What generic kernel code sees of virtual machines (docs/kernel.md,
 * "Virtual machines" and "Variants"). Every configuration's kernel is built
 * twice (kernel/kernel.mk):
 *
 *   minikit-vm.elf  MK_CONFIG_VM: arch/aarch64/el2.S, vcpu.c, stage2.c,
 *                   vm_boot.c, plat/qemu_virt/vgic.c, core/vcpu_sys.c
 *   minikit.elf     none of them: core/vm_none.c instead, which refuses a
 *                   system with VMs at boot and answers MK_SYS_VCPU with
 *                   an invalid capability
 *
 * and the tool picks the first exactly for a system with a
 * <virtual_machine>. Without MK_CONFIG_VM, `vms` is the constant 0 and the
 * hooks below are inline no-ops, so the compiler drops every VM branch of
 * the generic code: that kernel holds no VM code at all.
 */
#ifndef CORE_VM_H
#define CORE_VM_H

/* Both kernels: vm_boot.c, or vm_none.c (which stops: no VM support). */
void vm_boot_check(const struct mk_systable *t, unsigned boot_el); /* after systable_check */

#ifdef MK_CONFIG_VM

extern int vms; /* the system has virtual machines (MK_FLAG_VMS) */

/* arch/aarch64/vm_boot.c */
void vms_init(void);
void arch_timer_el2_set(u64 deadline);

/* arch/aarch64/vcpu.c */
void vcpu_create(struct pd *p, const struct mk_pd *d);
u64 vcpu_sanitise_spsr(u64 spsr);
u64 vcpu_reg_read(struct vcpu *v, u64 reg, int *err);
int vcpu_reg_write(struct vcpu *v, u64 reg, u64 value);
int vcpu_ack_vppi(struct vcpu *v, u64 irq);
u64 vcpu_reg_read_tpidrro(const struct vcpu *v);
void vcpu_reg_write_tpidrro(struct vcpu *v, u64 value);

/* plat/qemu_virt/vgic.c */
int vgic_inject(struct vcpu *v, uint64_t packed);
int vm_irq_take(struct pd *self, unsigned intid); /* an interrupt no PD owns: the VM PPIs */

/* core/irq.c: irq_dispatch with the VM PPIs (entry.S's VM vectors, idle, vcpu.c) */
struct pd *irq_dispatch_vm(struct pd *self);

static inline int pd_is_vcpu(const struct pd *p)
{
    return p->vcpu != NULL;
}

static inline int desc_is_vcpu(const struct mk_pd *d)
{
    return d->kind == MK_PD_KIND_VCPU;
}

#else /* no VM support: a system with VMs never gets past vm_boot_check */

enum { vms = 0 };

/* core/vm_none.c: stop, the system has VMs (`what` says how the table shows it) */
__attribute__((noreturn)) void vm_unsupported(const char *what);

static inline void vms_init(void)
{
}

static inline void arch_timer_el2_set(u64 deadline)
{
    (void)deadline;
}

static inline void vcpu_create(struct pd *p, const struct mk_pd *d)
{
    (void)p, (void)d;
}

static inline int vm_irq_take(struct pd *self, unsigned intid)
{
    (void)self, (void)intid;
    return TIMER_KEEP;
}

static inline struct pd *irq_dispatch_vm(struct pd *self)
{
    return irq_dispatch(self);
}

static inline int pd_is_vcpu(const struct pd *p)
{
    (void)p;
    return 0;
}

static inline u64 vcpu_sanitise_spsr(u64 spsr)
{
    return spsr;
}

static inline int desc_is_vcpu(const struct mk_pd *d)
{
    (void)d;
    return 0;
}

#endif
#endif
