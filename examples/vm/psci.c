/*
 * PSCI 1.0 for a one-vCPU guest, reached by the guest's SMC (vm.dts:
 * method "smc"; the kernel traps SMC from a guest and the VMM sees a VCPU
 * fault). Function ids and return codes: Arm DEN0022 (PSCI) and DEN0028
 * (SMC Calling Convention).
 */
#include "vmm.h"

#define PSCI_VERSION           0x84000000
#define PSCI_CPU_SUSPEND_32    0x84000001
#define PSCI_CPU_OFF           0x84000002
#define PSCI_CPU_ON_32         0x84000003
#define PSCI_AFFINITY_INFO_32  0x84000004
#define PSCI_MIGRATE_INFO_TYPE 0x84000006
#define PSCI_SYSTEM_OFF        0x84000008
#define PSCI_SYSTEM_RESET      0x84000009
#define PSCI_FEATURES          0x8400000a
#define PSCI_CPU_SUSPEND_64    0xc4000001
#define PSCI_CPU_ON_64         0xc4000003
#define PSCI_AFFINITY_INFO_64  0xc4000004

#define PSCI_SUCCESS           0
#define PSCI_NOT_SUPPORTED     (-1)
#define PSCI_INVALID_PARAMS    (-2)
#define PSCI_ALREADY_ON        (-4)
#define MIGRATE_NOT_REQUIRED   2 /* MIGRATE_INFO_TYPE: no Trusted OS to migrate */

static bool supported(seL4_Word fn)
{
    switch (fn) {
    case PSCI_VERSION:
    case PSCI_CPU_ON_32:
    case PSCI_CPU_ON_64:
    case PSCI_AFFINITY_INFO_32:
    case PSCI_AFFINITY_INFO_64:
    case PSCI_MIGRATE_INFO_TYPE:
    case PSCI_SYSTEM_OFF:
    case PSCI_SYSTEM_RESET:
    case PSCI_FEATURES:
        return true;
    default:
        return false; /* CPU_SUSPEND, CPU_OFF and SMCCC_VERSION among them: Linux copes */
    }
}

/* The one vCPU has MPIDR affinity 0. */
static seL4_Word cpu_on(seL4_Word target)
{
    return (target & 0xff00ffffff) == 0 ? (seL4_Word)PSCI_ALREADY_ON : (seL4_Word)PSCI_INVALID_PARAMS;
}

bool psci_call(seL4_UserContext *ctx)
{
    seL4_Word fn = ctx->x0 & 0xffffffff;
    seL4_Word ret = (seL4_Word)PSCI_NOT_SUPPORTED;

    switch (fn) {
    case PSCI_VERSION:
        ret = 0x10000; /* 1.0 */
        break;
    case PSCI_FEATURES:
        ret = supported(ctx->x1 & 0xffffffff) ? PSCI_SUCCESS : (seL4_Word)PSCI_NOT_SUPPORTED;
        break;
    case PSCI_CPU_ON_32:
    case PSCI_CPU_ON_64:
        /* A second CPU does not exist; the boot CPU is on. */
        ret = cpu_on(ctx->x1);
        break;
    case PSCI_AFFINITY_INFO_32:
    case PSCI_AFFINITY_INFO_64:
        ret = (ctx->x1 & 0xff00ffffff) == 0 ? 0 /* ON */ : (seL4_Word)PSCI_INVALID_PARAMS;
        break;
    case PSCI_MIGRATE_INFO_TYPE:
        ret = MIGRATE_NOT_REQUIRED;
        break;
    case PSCI_SYSTEM_OFF:
        vmm_guest_stopped("PSCI SYSTEM_OFF");
        return false;
    case PSCI_SYSTEM_RESET:
        vmm_guest_stopped("PSCI SYSTEM_RESET (a reset is not supported: the guest stays off)");
        return false;
    default:
        break; /* an unknown SMC: NOT_SUPPORTED, as SMCCC asks */
    }
    ctx->x0 = ret;
    return true;
}
