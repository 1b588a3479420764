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
    char *v = PA_TO_KVA(pa), *end = PA_TO_KVA(end_pa);

    /* Boot time is mostly this loop. Eight blocks a pass from eight
     * pointers: one DC ZVA and one add per block, the floor (DC ZVA takes
     * no offset), then one block at a time. */
    if (end - v >= (long)(8 * block)) {
        char *last = end - 8 * block; /* the last address a pass may start at */
        u64 step = 8 * block;
        char *p1 = v + block, *p2 = v + 2 * block, *p3 = v + 3 * block, *p4 = v + 4 * block;
        char *p5 = v + 5 * block, *p6 = v + 6 * block, *p7 = v + 7 * block;
        __asm__ volatile("1: dc zva, %0\n dc zva, %1\n dc zva, %2\n dc zva, %3\n"
                         "   dc zva, %4\n dc zva, %5\n dc zva, %6\n dc zva, %7\n"
                         "   add %0, %0, %8\n add %1, %1, %8\n add %2, %2, %8\n add %3, %3, %8\n"
                         "   add %4, %4, %8\n add %5, %5, %8\n add %6, %6, %8\n add %7, %7, %8\n"
                         "   cmp %0, %9\n b.ls 1b"
                         : "+r"(v), "+r"(p1), "+r"(p2), "+r"(p3), "+r"(p4), "+r"(p5), "+r"(p6), "+r"(p7)
                         : "r"(step), "r"(last) : "cc", "memory");
    }
    for (; v < end; v += block)
        __asm__ volatile("dc zva, %0" ::"r"(v) : "memory");
    dsb(ish);
}
