/*
 * SMC forwarding (seL4_ARM_SMC_Call, microkit_arm_smc_call): a PD with
 * smc="true" has the kernel make an SMC Calling Convention call with its
 * x0..x7 and gets the firmware's x0..x7 back, both through the IPC buffer's
 * msg[0..8) (seL4 carries them in message registers too). Other PDs get
 * seL4_InvalidCapability: on seL4 they hold no SMC capability.
 *
 * Every function ID is forwarded, as seL4 does: smc="true" hands the PD
 * whatever the firmware offers, PSCI SYSTEM_OFF and SYSTEM_RESET included
 * (a system designer grants it to a trusted PD, e.g. a power manager).
 * Under QEMU the firmware is QEMU's PSCI emulation (psci.c).
 */
#include "kernel.h"

SYSCALL(sys_smc)
{
    u64 *mr = self->ipcbuf + 1;
    u64 x[8];

    (void)a0, (void)a1, (void)a2, (void)a3;
    if (!self->smc) {
        self->regs.x[0] = MK_EINVALID_CAP;
        return self;
    }
    for (unsigned i = 0; i < 8; i++)
        x[i] = mr[i];
    firmware_call(x);
    for (unsigned i = 0; i < 8; i++)
        mr[i] = x[i];
    self->regs.x[0] = MK_OK;
    return self;
}
