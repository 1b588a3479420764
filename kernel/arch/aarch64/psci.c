/*
 * Calls to the firmware. QEMU's virt board has no EL3 firmware: QEMU answers
 * PSCI calls itself, through the conduit its device tree declares: SMC when
 * it emulates EL2 (virtualization=on), HVC otherwise (an HVC from EL1 with
 * no EL2 present, or an SMC with no EL3, would otherwise be undefined).
 * The kernel powers off with PSCI SYSTEM_OFF and forwards PDs' SMCs (smc.c)
 * the same way.
 */
#include "kernel.h"

#define PSCI_SYSTEM_OFF 0x84000008u

static int use_smc;

void psci_init(unsigned boot_el)
{
    use_smc = boot_el >= 2;
}

/* One SMC Calling Convention call: x[0..8) in, x[0..8) out. */
void firmware_call(u64 x[8])
{
    register u64 r0 __asm__("x0") = x[0], r1 __asm__("x1") = x[1], r2 __asm__("x2") = x[2],
                 r3 __asm__("x3") = x[3], r4 __asm__("x4") = x[4], r5 __asm__("x5") = x[5],
                 r6 __asm__("x6") = x[6], r7 __asm__("x7") = x[7];

    if (use_smc)
        __asm__ volatile("smc #0"
                         : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7)
                         :
                         : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17", "memory");
    else
        __asm__ volatile("hvc #0"
                         : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7)
                         :
                         : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17", "memory");
    x[0] = r0, x[1] = r1, x[2] = r2, x[3] = r3, x[4] = r4, x[5] = r5, x[6] = r6, x[7] = r7;
}

void plat_poweroff(void)
{
    u64 x[8] = { PSCI_SYSTEM_OFF };

    firmware_call(x);
    for (;;)
        __asm__ volatile("wfi");
}
