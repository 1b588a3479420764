/* What both VMMs of vm-hostile-el1 share: output, checks, the vCPU's registers. */
#include <microkit.h>

#define VCPU 0

static int failures;
static seL4_UserContext regs;

static void puthex(seL4_Word v)
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

static void say(const char *s)
{
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts(": ");
    microkit_dbg_puts(s);
    microkit_dbg_puts("\n");
}

static void check(int ok, const char *what)
{
    if (!ok) {
        failures++;
        microkit_dbg_puts(microkit_name);
        microkit_dbg_puts(": TEST_FAIL: ");
        microkit_dbg_puts(what);
        microkit_dbg_puts("\n");
    }
}

static void check_eq(seL4_Word got, seL4_Word want, const char *what)
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

static seL4_Word *xreg(seL4_UserContext *c, unsigned n)
{
    static const unsigned char at[31] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 17, 18, 19, 20, 21, 22, 23,
                                          12, 13, 14, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 15, 16 };
    return &((seL4_Word *)c)[at[n]];
}

static void read_regs(void)
{
    check(seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, sizeof(regs) / sizeof(seL4_Word), &regs)
              == seL4_NoError, "seL4_TCB_ReadRegisters");
}

static void write_regs(void)
{
    check(seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, sizeof(regs) / sizeof(seL4_Word), &regs)
              == seL4_NoError, "seL4_TCB_WriteRegisters");
}

static void advance(void)
{
    regs.pc += 4;
    write_regs();
}

static void copy_guest(uintptr_t ram)
{
    char *dst = (char *)ram;

    for (const char *src = guest_start; src < guest_end; src++) {
        *dst++ = *src;
    }
    for (uintptr_t p = ram; p < ram + (uintptr_t)(guest_end - guest_start); p += 4096) {
        seL4_ARM_VSpace_Clean_Data(3, p, p + 4096);
    }
}
