/* A root PD with fpu="false" executes an FP instruction: the kernel reports it. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("nofp_root: executing fmov\n");
    __asm__ volatile("fmov d16, xzr" ::: "d16", "memory");
    microkit_dbg_puts("nofp_root: TEST_FAIL: FP worked in a PD with fpu=\"false\"\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
