/*
 * The runner's parent (runner-info.h): checks each fault of its child against what
 * the child said the case must end in, then restarts it for the next case.
 */
#include <microkit.h>
#include "runner-info.h"

uintptr_t info;
static unsigned failures;

static void put_hex(seL4_Word v)
{
    microkit_dbg_puts("0x");
    for (int s = 60; s >= 0; s -= 4)
        microkit_dbg_putc("0123456789abcdef"[(v >> s) & 0xf]);
}

static bool check(const char *what, seL4_Word got, seL4_Word want)
{
    if (got == want)
        return true;
    microkit_dbg_puts("parent: TEST_FAIL: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts(" is ");
    put_hex(got);
    microkit_dbg_puts(", expected ");
    put_hex(want);
    microkit_dbg_puts("\n");
    return false;
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
    volatile struct info *in = (volatile struct info *)info;
    seL4_Word label = microkit_msginfo_get_label(msginfo), ip, sp = 0, detail = 0;
    bool ok = true;

    (void)reply_msginfo;
    if (label == seL4_Fault_VMFault) {
        ip = microkit_mr_get(seL4_VMFault_IP);
        detail = microkit_mr_get(seL4_VMFault_FSR) >> 26;
    } else if (label == seL4_Fault_UserException) {
        ip = microkit_mr_get(seL4_UserException_FaultIP);
        sp = microkit_mr_get(seL4_UserException_SP);
        detail = microkit_mr_get(seL4_UserException_Number);
    } else {
        ip = microkit_mr_get(UNKNOWN_SYSCALL_FAULT_IP);
        sp = microkit_mr_get(UNKNOWN_SYSCALL_SP);
    }
    microkit_dbg_puts("parent: case ");
    microkit_dbg_put32((seL4_Uint32)in->next_case);
    microkit_dbg_puts(" ");
    microkit_dbg_puts((const char *)in->name);
    microkit_dbg_puts(": fault label ");
    microkit_dbg_put32((seL4_Uint32)label);
    microkit_dbg_puts(", class ");
    put_hex(detail);
    microkit_dbg_puts("\n");

    ok &= check("child id", child, CHILD);
    ok &= check("fault label", label, in->label);
    if (in->checks & CHECK_IP)
        ok &= check("fault IP", ip, in->ip);
    if (in->checks & CHECK_SP)
        ok &= check("SP", sp, in->sp);
    if (in->checks & CHECK_ADDR)
        ok &= check("fault address", microkit_mr_get(seL4_VMFault_Addr), in->addr);
    if (in->checks & CHECK_IFAULT)
        ok &= check("prefetch fault", microkit_mr_get(seL4_VMFault_PrefetchFault), 1);
    if (!ok) {
        microkit_dbg_puts("parent: TEST_FAIL: the case above\n");
        failures++;
    }

    in->next_case++;
    if (in->next_case >= in->ncases) {
        if (!failures)
            microkit_dbg_puts("parent: all cases faulted as expected; TEST_PASS\n");
        return seL4_False;
    }
    microkit_pd_restart(CHILD, in->restart_pc ? in->restart_pc : CHILD_ENTRY);
    return seL4_False;
}
