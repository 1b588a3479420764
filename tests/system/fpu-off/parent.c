/* Checks the fault its fpu="false" child gets for an FP instruction. */
#include <microkit.h>
#include "info.h"

uintptr_t info;

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    (void)reply_msginfo;
    volatile struct info *shared = (volatile struct info *)info;

    if (child == NOFP_CHILD && microkit_msginfo_get_label(msginfo) == seL4_Fault_UserException &&
        microkit_mr_get(seL4_UserException_FaultIP) == shared->fp_pc)
        microkit_dbg_puts("parent: nofp: user exception at its FP instruction\n");
    else
        microkit_dbg_puts("parent: TEST_FAIL: unexpected fault message\n");
    microkit_notify(1); /* fpuser: check your FP state */
    return seL4_False;
}
