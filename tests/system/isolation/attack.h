/* The attackers' common shape: announce, try, and report if it worked. */
#ifndef ATTACK_H
#define ATTACK_H

#include <microkit.h>

#define SECRET_VADDR 0x6000000
#define SECRET_VALUE 0x5ec2e7c0ffeeULL

static inline void announce(const char *what)
{
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts(": ");
    microkit_dbg_puts(what);
    microkit_dbg_puts("\n");
}

static inline seL4_Word read_at(seL4_Word address)
{
    return *(volatile seL4_Word *)address;
}

static inline void survived(void)
{
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts(": TEST_FAIL: the forbidden access did not fault\n");
}

#endif
