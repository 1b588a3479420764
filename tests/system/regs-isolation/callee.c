/*
 * A raw event loop: reply and wait in one MK_SYS_WAIT, with every scratch
 * register (x4..x7, x9..x18) and d8 holding MARK at the moment of the svc.
 */
#include <microkit.h>
#include "marker.h"

void init(void)
{
    register seL4_Word x0 __asm__("x0") = 0;
    register seL4_Word x1 __asm__("x1") = 0;
    register seL4_Word x2 __asm__("x2") = MK_DEFER_NONE;
    register seL4_Word x3 __asm__("x3") = 0;
    register seL4_Word x8 __asm__("x8") = MK_SYS_WAIT;

    microkit_dbg_puts("callee: waiting with marked registers\n");
    for (;;) {
        seL4_Word mark = MARK;
        __asm__ volatile(
            "fmov d8, %[m]\n"
            "mov x4, %[m]\n mov x5, %[m]\n mov x6, %[m]\n mov x7, %[m]\n"
            "mov x9, %[m]\n mov x10, %[m]\n mov x11, %[m]\n mov x12, %[m]\n mov x13, %[m]\n"
            "mov x14, %[m]\n mov x15, %[m]\n mov x16, %[m]\n mov x17, %[m]\n mov x18, %[m]\n"
            "svc #0"
            : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x8)
            : [m] "r"(mark)
            : "x4", "x5", "x6", "x7", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",
              "x18", "d8", "memory", "cc");
        /* Every wake-up is a PPC from the caller: reply with an empty message. */
        x0 = 0;
        x1 = MK_WAIT_REPLY;
        x2 = MK_DEFER_NONE;
        x8 = MK_SYS_WAIT;
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
