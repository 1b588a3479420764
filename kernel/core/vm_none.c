/*
 * Virtual machines in a kernel built without VM support (minikit.elf; not
 * MK_CONFIG_VM: core/vm.h). It has no EL2 world switch, vCPU, stage-2 or
 * virtual GIC code; in their place, this file:
 *
 *   - a system table that has VMs stops the kernel at boot, saying why and
 *     which kernel to use (the tool picks minikit-vm.elf for a system with
 *     a <virtual_machine>: only an SDK mix-up, --override-kernel or an
 *     edited image get here; tests/system/vm-no-vm-kernel);
 *   - MK_SYS_VCPU names no vCPU, whatever it is given, as before the
 *     kernel ran VMs: seL4_InvalidCapability.
 */
#include "kernel.h"

/* One message for both ways a table can say it has VMs: every byte of it is in every debug image. */
void vm_unsupported(const char *what)
{
    panic("this system has virtual machines (%s), but this kernel was built without VM support: use the SDK's "
          "minikit-vm.elf, which microkit picks for a system with a <virtual_machine>", what);
}

void vm_boot_check(const struct mk_systable *t, unsigned boot_el)
{
    (void)boot_el;
    if (t->flags & MK_FLAG_VMS)
        vm_unsupported("MK_FLAG_VMS");
}

SYSCALL(sys_vcpu)
{
    (void)a0, (void)a1, (void)a2, (void)a3;
    self->regs.x[0] = MK_EINVALID_CAP;
    self->regs.x[1] = 0;
    return self;
}
