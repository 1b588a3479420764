/*
 * What the VMMs of the VM system tests share: console output prefixed with
 * the PD's name, checks that count failures and print TEST_FAIL lines, and
 * a vCPU's registers through seL4_TCB_Read/WriteRegisters. Each VMM prints
 * TEST_PASS itself when `failures` is still 0 at its end.
 */
#ifndef VMM_TEST_H
#define VMM_TEST_H

#include <microkit.h>

static int failures;

static inline void puthex(seL4_Word v)
{
    static const char hex[] = "0123456789abcdef";
    char buf[19];
    int i = 18;

    buf[i] = 0;
    do {
        buf[--i] = hex[v & 0xf];
        v >>= 4;
    } while (v && i > 2);
    buf[--i] = 'x';
    buf[--i] = '0';
    microkit_dbg_puts(&buf[i]);
}

static inline void say(const char *s)
{
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts(": ");
    microkit_dbg_puts(s);
    microkit_dbg_puts("\n");
}

static inline void say_hex(const char *s, seL4_Word v)
{
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts(": ");
    microkit_dbg_puts(s);
    puthex(v);
    microkit_dbg_puts("\n");
}

static inline void check(int ok, const char *what)
{
    if (!ok) {
        failures++;
        microkit_dbg_puts(microkit_name);
        microkit_dbg_puts(": TEST_FAIL: ");
        microkit_dbg_puts(what);
        microkit_dbg_puts("\n");
    }
}

static inline void check_eq(seL4_Word got, seL4_Word want, const char *what)
{
    if (got != want) {
        check(0, what);
        microkit_dbg_puts("    got ");
        puthex(got);
        microkit_dbg_puts(", want ");
        puthex(want);
        microkit_dbg_puts("\n");
    }
}

/* x register n of a seL4_UserContext (whose fields are not in x0..x30 order). */
static inline seL4_Word *xreg(seL4_UserContext *c, unsigned n)
{
    static const unsigned char at[31] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 17, 18, 19, 20, 21, 22, 23,
                                          12, 13, 14, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 15, 16 };
    return &((seL4_Word *)c)[at[n]];
}

static inline void vcpu_read_regs(microkit_child vcpu, seL4_UserContext *regs)
{
    check(seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + vcpu, seL4_False, 0, sizeof(*regs) / sizeof(seL4_Word), regs)
              == seL4_NoError, "seL4_TCB_ReadRegisters on the vCPU");
}

static inline void vcpu_write_regs(microkit_child vcpu, seL4_UserContext *regs)
{
    check(seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + vcpu, seL4_False, 0, sizeof(*regs) / sizeof(seL4_Word), regs)
              == seL4_NoError, "seL4_TCB_WriteRegisters on the vCPU");
}

/* Past the trapped instruction; the reply (return true) resumes the vCPU there. */
static inline void vcpu_advance(microkit_child vcpu, seL4_UserContext *regs)
{
    regs->pc += 4;
    vcpu_write_regs(vcpu, regs);
}

#endif
