/* The VMM of vm-domains.system: never starts its vCPU, so it must never hear from it. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("vmm: init, the vCPU stays suspended\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    (void)msginfo, (void)reply_msginfo;
    microkit_dbg_puts("vmm: TEST_FAIL: vCPU ");
    microkit_dbg_put32(child);
    microkit_dbg_puts(" ran before microkit_vcpu_restart\n");
    return seL4_False;
}
