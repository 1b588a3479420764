/* Checks the user-exception and unknown-syscall messages of its children. */
#include <microkit.h>
#include "info.h"

#define STACK_BOTTOM 0xffffffc000ULL /* default 8 KiB stack (docs/system-format.md, <protection_domain>) */
#define STACK_TOP    0xffffffe000ULL
#define SPSR_MODE    0xfULL          /* M[3:0]: 0 = EL0t */

uintptr_t info;

static bool failed;

static void check(bool ok, const char *what)
{
    if (!ok) {
        microkit_dbg_puts("parent: TEST_FAIL: ");
        microkit_dbg_puts(what);
        microkit_dbg_puts("\n");
        failed = true;
    }
}

static bool sp_in_stack(seL4_Word sp)
{
    return sp > STACK_BOTTOM && sp <= STACK_TOP;
}

static void check_user_exception(microkit_msginfo msginfo)
{
    volatile struct info *shared = (volatile struct info *)info;

    check(microkit_msginfo_get_label(msginfo) == seL4_Fault_UserException, "undef: label is not 3");
    check(microkit_msginfo_get_count(msginfo) == seL4_UserException_Length, "undef: count is not 5");
    check(microkit_mr_get(seL4_UserException_FaultIP) == shared->undef_pc, "undef: MR 0 is not the udf address");
    check(sp_in_stack(microkit_mr_get(seL4_UserException_SP)), "undef: MR 1 (SP) is not in the stack");
    check((microkit_mr_get(seL4_UserException_SPSR) & SPSR_MODE) == 0, "undef: MR 2 (SPSR) is not EL0t");
    microkit_dbg_puts("parent: undef: user exception, number ");
    microkit_dbg_put32(microkit_mr_get(seL4_UserException_Number));
    microkit_dbg_puts(", code ");
    microkit_dbg_put32(microkit_mr_get(seL4_UserException_Code));
    microkit_dbg_puts("\n");
}

static void check_unknown_syscall(microkit_msginfo msginfo)
{
    volatile struct info *shared = (volatile struct info *)info;
    seL4_Word ip = microkit_mr_get(8);

    check(microkit_msginfo_get_label(msginfo) == seL4_Fault_UnknownSyscall, "badsys: label is not 2");
    check(microkit_msginfo_get_count(msginfo) == 13, "badsys: count is not 13");
    for (int i = 0; i < 8; i++) {
        check(microkit_mr_get(i) == MARKER_X0 + (seL4_Word)i, "badsys: MRs 0..7 are not x0..x7");
    }
    /* The svc itself, or the instruction after it: where seL4 would resume. */
    check(ip == shared->svc_pc || ip == shared->svc_pc + 4, "badsys: MR 8 (IP) is not at the svc");
    check(sp_in_stack(microkit_mr_get(9)), "badsys: MR 9 (SP) is not in the stack");
    check(microkit_mr_get(10) == MARKER_LR, "badsys: MR 10 (LR) is not x30");
    check((microkit_mr_get(11) & SPSR_MODE) == 0, "badsys: MR 11 (SPSR) is not EL0t");
    check(microkit_mr_get(12) == BAD_SYSCALL, "badsys: MR 12 is not the syscall number");
    microkit_dbg_puts("parent: badsys: unknown syscall ");
    microkit_dbg_put32(microkit_mr_get(12));
    microkit_dbg_puts("\n");
}

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
    if (child == UNDEF_CHILD) {
        check_user_exception(msginfo);
    } else if (child == BADSYS_CHILD) {
        check_unknown_syscall(msginfo);
    } else {
        check(false, "fault from an unknown child");
    }
    if (!failed) {
        microkit_dbg_puts("parent: fault message checked\n");
    }
    return seL4_False;
}
