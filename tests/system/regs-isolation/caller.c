/*
 * Raw PPCs with known values in x19..x28 and d8 across the call; after it,
 * dump x2..x18, x19..x28 and d8 and check them.
 */
#include <microkit.h>
#include "marker.h"

#define CALLEE_CH 3

struct after {
    seL4_Word scratch[17]; /* x2..x18 */
    seL4_Word saved[10];   /* x19..x28 */
    seL4_Word d8;
};

static void one_call(struct after *a)
{
    register seL4_Word x0 __asm__("x0") = CALLEE_CH;
    register seL4_Word x1 __asm__("x1") = 0;
    register seL4_Word x8 __asm__("x8") = MK_SYS_PPCALL;
    register struct after *p __asm__("x29") = a; /* callee-saved: survives the svc */

    __asm__ volatile(
        "mov x19, #19\n mov x20, #20\n mov x21, #21\n mov x22, #22\n mov x23, #23\n"
        "mov x24, #24\n mov x25, #25\n mov x26, #26\n mov x27, #27\n mov x28, #28\n"
        "fmov d8, #1.5\n"
        "svc #0\n"
        "stp x2, x3, [x29, #0]\n stp x4, x5, [x29, #16]\n stp x6, x7, [x29, #32]\n"
        "stp x8, x9, [x29, #48]\n stp x10, x11, [x29, #64]\n stp x12, x13, [x29, #80]\n"
        "stp x14, x15, [x29, #96]\n stp x16, x17, [x29, #112]\n str x18, [x29, #128]\n"
        "stp x19, x20, [x29, #136]\n stp x21, x22, [x29, #152]\n stp x23, x24, [x29, #168]\n"
        "stp x25, x26, [x29, #184]\n stp x27, x28, [x29, #200]\n"
        "fmov x9, d8\n str x9, [x29, #216]\n"
        : "+r"(x0), "+r"(x1), "+r"(x8)
        : "r"(p)
        : "x2", "x3", "x4", "x5", "x6", "x7", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16",
          "x17", "x18", "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "d8",
          "memory", "cc");
}

static int check(const struct after *a)
{
    int ok = 1;
    double d8;

    for (int i = 0; i < 17; i++)
        if (a->scratch[i] == MARK) {
            microkit_dbg_puts("caller: TEST_FAIL: the callee's marker leaked into x");
            microkit_dbg_put32(i + 2);
            microkit_dbg_putc('\n');
            ok = 0;
        }
    for (int i = 0; i < 10; i++)
        if (a->saved[i] != (seL4_Word)(19 + i)) {
            microkit_dbg_puts("caller: TEST_FAIL: x");
            microkit_dbg_put32(19 + i);
            microkit_dbg_puts(" not preserved across the call\n");
            ok = 0;
        }
    __builtin_memcpy(&d8, &a->d8, sizeof(d8));
    if (d8 != 1.5) {
        microkit_dbg_puts("caller: TEST_FAIL: d8 not preserved across the call (FP state mixed up)\n");
        ok = 0;
    }
    return ok;
}

void init(void)
{
    struct after a;
    int ok = 1;

    for (int r = 0; r < ROUNDS; r++) {
        one_call(&a);
        ok &= check(&a);
    }
    microkit_dbg_puts(ok ? "caller: registers isolated and preserved: TEST_PASS\n" : "caller: TEST_FAIL\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
