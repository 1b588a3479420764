/*
 * Uses FP (allowed by default), then waits; parent notifies it after nofp's
 * FP fault, and fpuser checks its FP register kept its value (d16: caller-
 * saved, so nothing in between has reason to restore it).
 */
#include <microkit.h>

static double value(void)
{
    double d;
    __asm__ volatile("fmov %d0, d16" : "=w"(d));
    return d;
}

void init(void)
{
    __asm__ volatile("fmov d16, #1.5" ::: "d16");
    microkit_dbg_puts("fpuser: FP in use\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
    if (value() == 1.5)
        microkit_dbg_puts("fpuser: FP state intact\n");
    else
        microkit_dbg_puts("fpuser: TEST_FAIL: FP state changed\n");
}
