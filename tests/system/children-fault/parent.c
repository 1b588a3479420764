/*
 * Checks each VM fault of child 3 and drives it through reply, restart,
 * stop and resume, printing the sequence.
 */
#include <microkit.h>
#include "info.h"

#define CHILD  3
#define TICKER 1
#define ESR_EC_SHIFT     26
#define ESR_EC_DABT_LOW  0x24 /* data abort from EL0 */
#define ESR_WNR          (1u << 6)

uintptr_t info;

static unsigned faults;
static bool stopped;

static void fail(const char *what)
{
    microkit_dbg_puts("parent: TEST_FAIL: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts("\n");
}

static void check_vm_fault(microkit_child child, microkit_msginfo msginfo)
{
    volatile struct info *shared = (volatile struct info *)info;
    seL4_Word esr = microkit_mr_get(seL4_VMFault_FSR);

    if (child != CHILD) {
        fail("fault() got the wrong child id");
    }
    if (microkit_msginfo_get_label(msginfo) != seL4_Fault_VMFault) {
        fail("label is not seL4_Fault_VMFault (6)");
    }
    if (microkit_msginfo_get_count(msginfo) != seL4_VMFault_Length) {
        fail("a VM fault message must have 4 MRs");
    }
    if (microkit_mr_get(seL4_VMFault_IP) != shared->fault_pc) {
        fail("MR 0 (IP) is not the address of the faulting store");
    }
    if (microkit_mr_get(seL4_VMFault_Addr) != BAD_ADDRESS) {
        fail("MR 1 (Addr) is not the address stored to");
    }
    if (microkit_mr_get(seL4_VMFault_PrefetchFault) != 0) {
        fail("MR 2 (PrefetchFault) must be 0 for a data access");
    }
    if ((esr >> ESR_EC_SHIFT) != ESR_EC_DABT_LOW || !(esr & ESR_WNR)) {
        fail("MR 3 (FSR) is not an ESR of a data abort from EL0 on a write");
    }
}

static void say(const char *what)
{
    volatile struct info *shared = (volatile struct info *)info;

    microkit_dbg_puts("parent: fault ");
    microkit_dbg_put32(faults);
    microkit_dbg_puts(" (child run ");
    microkit_dbg_put32(shared->run);
    microkit_dbg_puts("): ");
    microkit_dbg_puts(what);
    microkit_dbg_puts("\n");
}

void init(void)
{
    microkit_dbg_puts("parent: init\n");
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    volatile struct info *shared = (volatile struct info *)info;

    faults++;
    check_vm_fault(child, msginfo);
    if (stopped) {
        fail("a stopped child ran");
    }
    switch (faults) {
    case 1:
        say("replying, the child retries the store");
        *reply_msginfo = microkit_msginfo_new(0, 0);
        return seL4_True;
    case 2:
        if (shared->run != 1) {
            fail("replying to a VM fault must retry the instruction, not rerun init");
        }
        /* fall through */
    case 3:
        say("restarting at 0x200000");
        microkit_pd_restart(CHILD, 0x200000);
        return seL4_False;
    case 4:
        say("restarting and stopping at once");
        microkit_pd_restart(CHILD, 0x200000);
        microkit_pd_stop(CHILD);
        stopped = true;
        return seL4_False;
    default:
        say("after resume, leaving the child blocked");
        microkit_dbg_puts("parent: TEST_PASS\n");
        return seL4_False;
    }
}

void notified(microkit_channel ch)
{
    if (ch != TICKER || !stopped) {
        fail("unexpected notification, or the ticker ran before the child was stopped");
        return;
    }
    microkit_dbg_puts("parent: system idle, resuming the child\n");
    stopped = false;
    microkit_pd_resume(CHILD);
}
