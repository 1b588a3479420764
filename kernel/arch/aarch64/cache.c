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
    u64 p = pa;

    /* Eight blocks a step while eight fit (boot time is mostly this loop),
     * then one at a time. */
    for (; end_pa - p >= 8 * block && p < end_pa; p += 8 * block) {
        char *v = PA_TO_KVA(p);
        __asm__ volatile("dc zva, %0\n dc zva, %1\n dc zva, %2\n dc zva, %3\n"
                         "dc zva, %4\n dc zva, %5\n dc zva, %6\n dc zva, %7"
                         ::"r"(v), "r"(v + block), "r"(v + 2 * block), "r"(v + 3 * block), "r"(v + 4 * block),
                           "r"(v + 5 * block), "r"(v + 6 * block), "r"(v + 7 * block) : "memory");
    }
    for (; p < end_pa; p += block)
        __asm__ volatile("dc zva, %0" ::"r"(PA_TO_KVA(p)) : "memory");
    dsb(ish);
}
