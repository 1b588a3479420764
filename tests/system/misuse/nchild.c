/* Has no children, yet restarts one: libmicrokit crashes on the error. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("nchild: restarting child 4, which is not mine\n");
    microkit_pd_restart(4, 0x200000);
    microkit_dbg_puts("nchild: TEST_FAIL: pd_restart of a non-child returned\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
