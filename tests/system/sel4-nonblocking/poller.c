/* seL4_Poll, seL4_NBRecv and seL4_TCB_ReadRegisters (see the .system file). */
#include <microkit.h>

#define KID    7
#define HELPER 3

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        microkit_dbg_puts("poller: TEST_FAIL: ");
        microkit_dbg_puts(what);
        microkit_dbg_puts("\n");
        failures++;
    }
}

void init(void)
{
    seL4_Word badge = 123;
    seL4_MessageInfo_t tag;

    /* kid's fault is queued: Poll takes notifications only. */
    tag = seL4_Poll(INPUT_CAP, &badge);
    check(badge == 0 && seL4_MessageInfo_get_label(tag) == 0, "seL4_Poll returned something with nothing pending");

    tag = seL4_NBRecv(INPUT_CAP, &badge, REPLY_CAP);
    check(badge == ((1ULL << 62) | KID), "seL4_NBRecv did not take the queued fault of kid");
    check(seL4_MessageInfo_get_label(tag) == seL4_Fault_VMFault, "the fault is not a VM fault");
    check(seL4_GetMR(seL4_VMFault_Addr) == 0x10, "wrong fault address");
    seL4_Word fault_pc = seL4_GetMR(seL4_VMFault_IP);
    microkit_dbg_puts("poller: seL4_NBRecv took kid's fault\n");

    tag = seL4_NBRecv(INPUT_CAP, &badge, REPLY_CAP);
    check(badge == 0, "seL4_NBRecv with nothing there returned an event");

    seL4_UserContext regs = { 0 };
    check(seL4_TCB_ReadRegisters(BASE_TCB_CAP + KID, seL4_True, 0, 0, &regs) == seL4_RangeError,
          "count 0 is not seL4_RangeError");
    check(seL4_TCB_ReadRegisters(BASE_TCB_CAP + KID, seL4_True, 0, 37, &regs) == seL4_RangeError,
          "count 37 is not seL4_RangeError");
    check(seL4_TCB_ReadRegisters(BASE_TCB_CAP + 8, seL4_True, 0, 36, &regs) == seL4_InvalidCapability,
          "a child id that is not ours is not seL4_InvalidCapability");
    check(seL4_TCB_ReadRegisters(BASE_TCB_CAP + KID, seL4_True, 0, 1, &regs) == seL4_NoError && regs.pc == fault_pc &&
              regs.sp == 0,
          "count 1 read more or other than the pc");
    check(seL4_TCB_ReadRegisters(BASE_TCB_CAP + KID, seL4_True, 0, sizeof(regs) / sizeof(seL4_Word), &regs) ==
              seL4_NoError,
          "seL4_TCB_ReadRegisters failed");
    check(regs.pc == fault_pc, "pc is not the faulting pc");
    check(regs.x0 == 0x10 && regs.x19 == 0x1919 && regs.x28 == 0x2828, "x0, x19, x28 are not what kid set");
    check(regs.sp != 0 && (regs.sp & 0xf) == 0 && regs.sp <= 0xffffffe000ULL, "sp is not on kid's stack");
    microkit_dbg_puts("poller: seL4_TCB_ReadRegisters read kid's registers\n");

    /* helper notifies us while we are in the call: the notification waits for Poll. */
    microkit_ppcall(HELPER, microkit_msginfo_new(0, 0));
    tag = seL4_Poll(INPUT_CAP, &badge);
    check(badge == (1ULL << HELPER), "seL4_Poll did not return the pending notification");
    tag = seL4_Poll(INPUT_CAP, &badge);
    check(badge == 0, "seL4_Poll returned the notification twice");
    microkit_dbg_puts("poller: seL4_Poll took helper's notification once\n");
    if (!failures) {
        microkit_dbg_puts("poller: TEST_PASS\n");
    }
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("poller: TEST_FAIL: the notification was delivered twice\n");
    (void)ch;
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    (void)child, (void)msginfo, (void)reply_msginfo;
    microkit_dbg_puts("poller: TEST_FAIL: kid's fault reached fault()\n");
    return seL4_False;
}
