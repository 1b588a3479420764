/*
 * Power off through PSCI. QEMU's virt board answers PSCI calls itself: by SMC
 * when it emulates EL2 (virtualization=on), by HVC otherwise.
 */
#include "kernel.h"

#define PSCI_SYSTEM_OFF 0x84000008u

static int use_smc;

void psci_init(unsigned boot_el)
{
    use_smc = boot_el >= 2;
}

void plat_poweroff(void)
{
    register u64 x0 __asm__("x0") = PSCI_SYSTEM_OFF;

    if (use_smc)
        __asm__ volatile("smc #0" : "+r"(x0) :: "memory");
    else
        __asm__ volatile("hvc #0" : "+r"(x0) :: "memory");
    for (;;)
        __asm__ volatile("wfi");
}
