/* Clearing memory at boot with DC ZVA: one instruction per cache block. */
#include "kernel.h"
#include "memlayout.h"
#include "sysreg.h"

void arch_zero(u64 pa, u64 end_pa)
{
    u64 dczid = read_sysreg(dczid_el0);

    if (dczid & (1u << 4)) { /* DC ZVA prohibited */
        memset(PA_TO_KVA(pa), 0, end_pa - pa);
        return;
    }
    u64 block = 4ULL << (dczid & 0xf);
    for (u64 p = pa; p < end_pa; p += block)
        __asm__ volatile("dc zva, %0" ::"r"(PA_TO_KVA(p)) : "memory");
    dsb(ish);
}
