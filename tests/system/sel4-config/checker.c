/*
 * gen_config.h's promises, one check each (docs/kernel.md lists them):
 *   CONFIG_AARCH64_USER_CACHE_ENABLE  DC CVAC/CVAU/CIVAC, IC IVAU at EL0 don't fault,
 *                                     and code rewritten through them runs
 *   CONFIG_L1_CACHE_LINE_SIZE_BITS    CTR_EL0 (readable at EL0) says 64-byte lines
 *   CONFIG_EXPORT_PCNT_USER / VCNT    CNTPCT_EL0 / CNTVCT_EL0 readable, advancing
 *   CONFIG_EXPORT_PTMR_USER           CNTP_CVAL/CTL_EL0 writable and readable at EL0
 *   CONFIG_HAVE_FPU                   FP/SIMD instructions work
 *   CONFIG_PRINTING                   seL4_DebugPutChar prints
 *   the seL4_ARM_VSpace_* cache invocations and their errors
 * A failed check prints TEST_FAIL; an EL0 trap would print a fault report.
 */
#include <microkit.h>

#if !defined(CONFIG_AARCH64_USER_CACHE_ENABLE) || !defined(CONFIG_L1_CACHE_LINE_SIZE_BITS) || \
    !defined(CONFIG_EXPORT_PCNT_USER) || !defined(CONFIG_EXPORT_PTMR_USER) || !defined(CONFIG_HAVE_FPU) || \
    !defined(CONFIG_ARCH_AARCH64) || !defined(CONFIG_ARCH_ARM) || !defined(CONFIG_KERNEL_MCS) || \
    !defined(CONFIG_ALLOW_SMC_CALLS) || !defined(CONFIG_PRINTING) || !defined(CONFIG_DEBUG_BUILD)
#error "gen_config.h lacks a define this test checks"
#endif
#if CONFIG_WORD_SIZE != 64 || CONFIG_NUM_PRIORITIES != 256 || CONFIG_MAX_NUM_NODES != 1
#error "gen_config.h has a wrong value"
#endif

seL4_Word code_rw, code_rx, buf, large;

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        microkit_dbg_puts("checker: TEST_FAIL: ");
        microkit_dbg_puts(what);
        microkit_dbg_puts("\n");
        failures++;
    }
}

#define SYSREG(r) ({ seL4_Word v_; __asm__ volatile("isb; mrs %0, " #r : "=r"(v_)); v_; })

static void cache_line(void)
{
    seL4_Word ctr = SYSREG(ctr_el0);
    seL4_Word dline = 4UL << ((ctr >> 16) & 0xf), iline = 4UL << (ctr & 0xf);

    check(dline == 1UL << CONFIG_L1_CACHE_LINE_SIZE_BITS, "CTR_EL0 D-cache line is not 1 << L1_CACHE_LINE_SIZE_BITS");
    check(iline <= dline * 4, "odd CTR_EL0 I-cache line");
    microkit_dbg_puts("checker: CTR_EL0 read at EL0: ");
    microkit_dbg_put32((seL4_Uint32)dline);
    microkit_dbg_puts("-byte lines\n");
}

/* Write "mov w0, #n; ret" through the writable alias, make it visible, run it through the executable one. */
static seL4_Word run_code(seL4_Word n, int use_invocation)
{
    volatile seL4_Uint32 *w = (volatile seL4_Uint32 *)code_rw;
    seL4_Word (*f)(void) = (seL4_Word(*)(void))code_rx;

    w[0] = 0x52800000u | (seL4_Uint32)(n << 5); /* movz w0, #n */
    w[1] = 0xd65f03c0u;                         /* ret */
    if (use_invocation) {
        check(seL4_ARM_VSpace_Unify_Instruction(3, code_rw, code_rw + 8) == seL4_NoError, "Unify_Instruction");
    } else {
        __asm__ volatile("dc cvau, %0; dsb ish; ic ivau, %1; dsb ish; isb" ::"r"(code_rw), "r"(code_rx) : "memory");
    }
    return f();
}

static void user_cache(void)
{
    seL4_Word line = 1UL << CONFIG_L1_CACHE_LINE_SIZE_BITS;
    volatile seL4_Word *b = (volatile seL4_Word *)buf;

    for (seL4_Word a = buf; a < buf + 0x2000; a += line) {
        __asm__ volatile("dc cvac, %0" ::"r"(a) : "memory");
        __asm__ volatile("dc cvau, %0" ::"r"(a) : "memory");
        __asm__ volatile("dc civac, %0" ::"r"(a) : "memory");
    }
    __asm__ volatile("dsb sy" ::: "memory");
    b[0] = 0x1234;
    __asm__ volatile("dc civac, %0; dsb sy" ::"r"(buf) : "memory");
    check(b[0] == 0x1234, "data lost by DC CIVAC");
    check(run_code(42, 0) == 42, "code written and made visible with DC CVAU / IC IVAU did not run");
    check(run_code(43, 1) == 43, "code made visible with seL4_ARM_VSpace_Unify_Instruction did not run");
    microkit_dbg_puts("checker: DC CVAC, DC CVAU, DC CIVAC, IC IVAU work at EL0\n");
}

static void vspace_invocations(void)
{
    volatile seL4_Word *b = (volatile seL4_Word *)buf;

    b[1] = 77;
    check(seL4_ARM_VSpace_Clean_Data(3, buf, buf + 0x1000) == seL4_NoError, "Clean_Data of a page");
    check(seL4_ARM_VSpace_CleanInvalidate_Data(3, buf + 8, buf + 16) == seL4_NoError, "CleanInvalidate_Data");
    check(b[1] == 77, "CleanInvalidate lost data");
    check(seL4_ARM_VSpace_Invalidate_Data(3, buf + 0x1000, buf + 0x2000) == seL4_NoError, "Invalidate_Data");
    check(seL4_ARM_VSpace_Invalidate_Data(3, buf + 3, buf + 100) == seL4_NoError, "Invalidate_Data, unaligned");
    check(seL4_ARM_VSpace_Clean_Data(3, large + 0x1000, large + 0x5000) == seL4_NoError,
          "Clean_Data across 4 KiB boundaries inside a 2 MiB page");
    check(seL4_ARM_VSpace_Clean_Data(3, buf + 0xff8, buf + 0x1008) == seL4_RangeError,
          "a range crossing a 4 KiB page is not seL4_RangeError");
    check(seL4_ARM_VSpace_Clean_Data(3, large + 0x1ff000, large + 0x200008) == seL4_RangeError,
          "a range leaving a 2 MiB page is not seL4_RangeError");
    check(seL4_ARM_VSpace_Clean_Data(3, buf, buf) == seL4_InvalidArgument, "start == end is not seL4_InvalidArgument");
    check(seL4_ARM_VSpace_Clean_Data(3, buf + 8, buf) == seL4_InvalidArgument, "end < start is not seL4_InvalidArgument");
    check(seL4_ARM_VSpace_Clean_Data(3, 0xfffffff000, 0x10000000000) == seL4_IllegalOperation,
          "end above seL4_UserTop is not seL4_IllegalOperation");
    check(seL4_ARM_VSpace_Clean_Data(3, 0x10000, 0x10040) == seL4_NoError, "an unmapped range is not a silent success");
    check(seL4_ARM_VSpace_Clean_Data(4, buf, buf + 8) == seL4_InvalidCapability,
          "another handle than the own VSpace (3) is not seL4_InvalidCapability");
    microkit_dbg_puts("checker: VSpace cache invocations and their errors as seL4\n");
}

static void counters_and_timer(void)
{
    seL4_Word p0 = SYSREG(cntpct_el0), v0 = SYSREG(cntvct_el0);
    for (volatile int i = 0; i < 1000; i++) {
    }
    check(SYSREG(cntpct_el0) > p0, "CNTPCT_EL0 does not advance");
    check(SYSREG(cntvct_el0) > v0, "CNTVCT_EL0 does not advance");

    seL4_Word cval = SYSREG(cntpct_el0) + 1000000000;
    __asm__ volatile("msr cntp_cval_el0, %0; msr cntp_ctl_el0, %1; isb" ::"r"(cval), "r"(2UL)); /* IMASK: no interrupt */
    check(SYSREG(cntp_cval_el0) == cval, "CNTP_CVAL_EL0 did not keep its value");
    check((SYSREG(cntp_ctl_el0) & 3) == 2, "CNTP_CTL_EL0 did not keep its value");
    __asm__ volatile("msr cntp_ctl_el0, xzr; isb");
    microkit_dbg_puts("checker: CNTPCT_EL0, CNTVCT_EL0 and the EL1 physical timer work at EL0\n");
}

static void fpu(void)
{
    double x = 1.5, y = 2.25, z;
    __asm__ volatile("fmul %d0, %d1, %d2" : "=w"(z) : "w"(x), "w"(y));
    check(z == 3.375, "fmul");
    float v[4] = { 1, 2, 3, 4 };
    __asm__ volatile("ld1 {v0.4s}, [%0]; fadd v0.4s, v0.4s, v0.4s; st1 {v0.4s}, [%0]" ::"r"(v) : "v0", "memory");
    check(v[0] == 2 && v[3] == 8, "SIMD fadd");
    microkit_dbg_puts("checker: FP and SIMD work\n");
}

void init(void)
{
    const char *s = "checker: seL4_DebugPutChar prints (CONFIG_PRINTING)\n";
    while (*s) {
        seL4_DebugPutChar(*s++);
    }
    cache_line();
    user_cache();
    vspace_invocations();
    counters_and_timer();
    fpu();
    if (!failures) {
        microkit_dbg_puts("checker: TEST_PASS\n");
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
