/* Answers emu's faults by emulation, through the reply's message registers (seL4's handleFaultReply). */
#include <microkit.h>

#define EMU 1

static void fail(const char *what)
{
    microkit_dbg_puts("parent: TEST_FAIL: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts("\n");
}

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

/* Resume after the svc with x0 = value: X0..X7 and FaultIP (9 registers). */
static void reply_syscall_x0(microkit_msginfo *reply, seL4_Word value)
{
    seL4_Word ip = microkit_mr_get(seL4_UnknownSyscall_FaultIP);

    microkit_mr_set(seL4_UnknownSyscall_X0, value);
    microkit_mr_set(seL4_UnknownSyscall_FaultIP, ip + 4);
    *reply = microkit_msginfo_new(0, seL4_UnknownSyscall_FaultIP + 1);
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply)
{
    static int udf_faults;
    seL4_Word label = microkit_msginfo_get_label(msginfo);

    if (child != EMU) {
        fail("a fault of another child");
        return seL4_False;
    }
    if (label == seL4_Fault_UserException) {
        if (++udf_faults > 1) {
            fail("the udf ran again: the reply's FaultIP was not applied");
            return seL4_False;
        }
        microkit_mr_set(seL4_UserException_FaultIP, microkit_mr_get(seL4_UserException_FaultIP) + 4);
        *reply = microkit_msginfo_new(0, 1);
        return seL4_True;
    }
    if (label != seL4_Fault_UnknownSyscall) {
        fail("an unexpected fault label");
        return seL4_False;
    }
    switch (microkit_mr_get(seL4_UnknownSyscall_Syscall)) {
    case 99:
        reply_syscall_x0(reply, 0x1234);
        return seL4_True;
    case 98:
        /* All 12 registers back as received, the PC past the svc, and a hostile SPSR: EL1h, DAIF masked. */
        microkit_mr_set(seL4_UnknownSyscall_FaultIP, microkit_mr_get(seL4_UnknownSyscall_FaultIP) + 4);
        microkit_mr_set(seL4_UnknownSyscall_SPSR, 0x3c5);
        *reply = microkit_msginfo_new(0, seL4_UnknownSyscall_SPSR + 1);
        return seL4_True;
    case 97:
        microkit_dbg_puts("parent: replying with label 1\n");
        reply_syscall_x0(reply, 0);
        *reply = microkit_msginfo_new(1, seL4_UnknownSyscall_FaultIP + 1);
        return seL4_True;
    default:
        fail("an unexpected syscall number");
        return seL4_False;
    }
}
