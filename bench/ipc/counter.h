/* Reading the counters from EL0, and printing benchmark figures. */
#pragma once
#include <microkit.h>

/* QEMU's generic timer runs at 62.5 MHz; with -icount shift=0 one
 * instruction is 1 ns, so one tick is 16 instructions. */
#define INSNS_PER_TICK 16

/* The virtual counter: one tick per 16 instructions. */
static inline seL4_Word counter(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v) :: "memory");
    return v;
}

/* The PMU cycle counter: QEMU derives it from the virtual clock at 1 GHz, so
 * under -icount shift=0 it counts instructions exactly (benchmark config only:
 * the kernel opens the PMU to EL0 there). */
static inline seL4_Word cycles(void)
{
    seL4_Word v;
    __asm__ volatile("isb; mrs %0, pmccntr_el0" : "=r"(v) :: "memory");
    return v;
}

static inline void put_u64(seL4_Word v)
{
    char buf[24];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        microkit_dbg_putc(buf[--n]);
}

/* "bench: NAME: X.YY instructions per operation (N operations)" from a total in instructions. */
static inline void report_insns(const char *name, seL4_Word insns, seL4_Word ops)
{
    seL4_Word centi = insns * 100 / ops;
    microkit_dbg_puts("bench: ");
    microkit_dbg_puts(name);
    microkit_dbg_puts(": ");
    put_u64(centi / 100);
    microkit_dbg_putc('.');
    microkit_dbg_putc((char)('0' + centi / 10 % 10));
    microkit_dbg_putc((char)('0' + centi % 10));
    microkit_dbg_puts(" instructions per operation (");
    put_u64(ops);
    microkit_dbg_puts(" operations)\n");
}

static inline void report(const char *name, seL4_Word ticks, seL4_Word ops)
{
    report_insns(name, ticks * INSNS_PER_TICK, ops);
}

static inline void bench_fail(const char *what, seL4_Word v)
{
    microkit_dbg_puts("bench: FAIL: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts(" ");
    put_u64(v);
    microkit_dbg_puts("\n");
}
