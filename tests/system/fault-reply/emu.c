/* The child: faults the parent answers by emulation (fault-reply.system). */
#include <microkit.h>

/* An unknown syscall: x8 = nr (include/minikit/abi.h has none that high); the parent's reply sets x0. */
static seL4_Word bad_syscall(seL4_Word nr)
{
    register seL4_Word x0 __asm__("x0") = 0;
    register seL4_Word x8 __asm__("x8") = nr;

    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x8)
                     :
                     : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
                       "x16", "x17", "x18", "memory");
    return x0;
}

void init(void)
{
    seL4_Word x0 = bad_syscall(99);
    microkit_dbg_puts(x0 == 0x1234 ? "emu: syscall 99 emulated: x0 = 0x1234, resumed after the svc\n"
                                   : "emu: TEST_FAIL: syscall 99: x0 is not the reply's\n");
    __asm__ volatile("udf #0" ::: "memory");
    microkit_dbg_puts("emu: udf skipped by the reply's FaultIP\n");
    (void)bad_syscall(98);
    microkit_dbg_puts("emu: still running at EL0 after a reply with SPSR EL1h\n");
    (void)bad_syscall(97);
    microkit_dbg_puts("emu: resumed after a label-1 reply\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
