/*
 * MK_SYS_VCPU: the VMM's operations on its vCPUs. Virtual machines are not
 * run by this kernel yet (the boot check refuses vCPU entries), so no PD has
 * a vCPU and every operation names none.
 */
#include "kernel.h"

SYSCALL(sys_vcpu)
{
    (void)a0, (void)a1, (void)a2, (void)a3;
    self->regs.x[0] = MK_EINVALID_CAP;
    return self;
}
