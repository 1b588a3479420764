#pragma once
/*
 * Raw syscalls with every register the PD controls marked: x3..x7 and
 * x9..x28 hold mark + n at the svc (x0, x1, x2, x8 are the arguments), and
 * all of x0..x28 are recorded after it. raw_check() then says whether the
 * kernel left anything in them that is not the PD's own.
 */
#pragma GCC target("general-regs-only")
#include <microkit.h>

struct raw {
    seL4_Word x0, x1, x2, nr; /* in */
    seL4_Word mark;
    seL4_Word out[29];        /* x0..x28 after the svc */
};

static inline void raw_svc(struct raw *r)
{
    register struct raw *p __asm__("x29") = r;

    __asm__ volatile(
        "ldr x9, [x29, #32]\n"
        "add x3, x9, #3\n add x4, x9, #4\n add x5, x9, #5\n add x6, x9, #6\n add x7, x9, #7\n"
        "add x10, x9, #10\n add x11, x9, #11\n add x12, x9, #12\n add x13, x9, #13\n add x14, x9, #14\n"
        "add x15, x9, #15\n add x16, x9, #16\n add x17, x9, #17\n add x18, x9, #18\n add x19, x9, #19\n"
        "add x20, x9, #20\n add x21, x9, #21\n add x22, x9, #22\n add x23, x9, #23\n add x24, x9, #24\n"
        "add x25, x9, #25\n add x26, x9, #26\n add x27, x9, #27\n add x28, x9, #28\n add x9, x9, #9\n"
        "ldp x0, x1, [x29, #0]\n ldp x2, x8, [x29, #16]\n"
        "svc #0\n"
        "stp x0, x1, [x29, #40]\n stp x2, x3, [x29, #56]\n stp x4, x5, [x29, #72]\n"
        "stp x6, x7, [x29, #88]\n stp x8, x9, [x29, #104]\n stp x10, x11, [x29, #120]\n"
        "stp x12, x13, [x29, #136]\n stp x14, x15, [x29, #152]\n stp x16, x17, [x29, #168]\n"
        "stp x18, x19, [x29, #184]\n stp x20, x21, [x29, #200]\n stp x22, x23, [x29, #216]\n"
        "stp x24, x25, [x29, #232]\n stp x26, x27, [x29, #248]\n str x28, [x29, #264]\n"
        :
        : "r"(p)
        : "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14",
          "x15", "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28",
          "memory", "cc");
}

static void raw_put_hex(seL4_Word v)
{
    microkit_dbg_puts("0x");
    for (int s = 60; s >= 0; s -= 4)
        microkit_dbg_putc("0123456789abcdef"[(v >> s) & 0xf]);
}

/* x2..x18 (x8: the syscall number) own or 0, x19..x28 unchanged. Prints what is not. */
static int raw_check(const char *who, const char *what, const struct raw *r)
{
    int ok = 1;

    for (int n = 2; n <= 28; n++) {
        seL4_Word v = r->out[n], own = n == 2 ? r->x2 : n == 8 ? r->nr : r->mark + (seL4_Word)n;
        if (v == own || (n <= 18 && v == 0))
            continue;
        microkit_dbg_puts(who);
        microkit_dbg_puts(": TEST_FAIL: after ");
        microkit_dbg_puts(what);
        microkit_dbg_puts(", x");
        microkit_dbg_put32((seL4_Uint32)n);
        microkit_dbg_puts(" = ");
        raw_put_hex(v);
        microkit_dbg_puts("\n");
        ok = 0;
    }
    return ok;
}

#define MARK_CLIENT 0xc1c1c1c100000000ULL
#define MARK_SERVER 0x5e5e5e5e00000000ULL
#define MARK_HI     0x4141414100000000ULL

/* server's labels: what it does before it answers */
#define L_ECHO    1 /* MR0 + 1 */
#define L_PENDING 2 /* has hi notify it first: the reply-wait finds a notification pending */
#define L_READY   3 /* notifies mid first: a ready PD outranks the caller at the reply */
#define L_LONG    4 /* a 127-register tag, answered with one: both clamped to 120 */
