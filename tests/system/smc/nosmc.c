/* A PD without smc="true": its SMC must be refused (and libmicrokit crashes it, as upstream). */
#include <microkit.h>

void init(void)
{
    seL4_ARM_SMCContext args = { .x0 = 0x84000000u }, res = { 0 };

    microkit_dbg_puts("nosmc: calling SMC\n");
    microkit_arm_smc_call(&args, &res);
    microkit_dbg_puts("nosmc: TEST_FAIL: the SMC went through\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
