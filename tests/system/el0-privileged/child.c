/*
 * Runs case next_case (runner-info.h): one instruction EL0 must not execute. Each
 * case is a label in the table below, the instruction first: the fault's
 * PC must be the label's address.
 *
 * Not here: the debug communication channel (MDCCSR_EL0, DBGDTR*_EL0). The
 * kernel closes it to EL0 (MDSCR_EL1.TDCC), but QEMU 7.2 does not implement
 * that trap and its DCC registers are inert, so there is nothing to observe.
 */
#include <microkit.h>
#include "runner-info.h"

uintptr_t info;

#define CASES(X) \
    X(mrs_sctlr_el1,     "mrs x0, sctlr_el1") \
    X(msr_sctlr_el1,     "msr sctlr_el1, xzr") \
    X(mrs_ttbr0_el1,     "mrs x0, ttbr0_el1") \
    X(msr_ttbr1_el1,     "msr ttbr1_el1, xzr") \
    X(msr_vbar_el1,      "msr vbar_el1, xzr") \
    X(mrs_tpidr_el1,     "mrs x0, tpidr_el1") \
    X(mrs_elr_el1,       "mrs x0, elr_el1") \
    X(msr_spsr_el1,      "msr spsr_el1, xzr") \
    X(mrs_esr_el1,       "mrs x0, esr_el1") \
    X(msr_mair_el1,      "msr mair_el1, xzr") \
    X(msr_tcr_el1,       "msr tcr_el1, xzr") \
    X(msr_cpacr_el1,     "msr cpacr_el1, xzr") \
    X(msr_cntkctl_el1,   "msr cntkctl_el1, xzr") \
    X(msr_mdscr_el1,     "msr mdscr_el1, xzr") \
    X(msr_oslar_el1,     "msr oslar_el1, xzr") \
    X(mrs_currentel,     "mrs x0, currentel") \
    X(msr_daifset,       "msr daifset, #2") \
    X(msr_daifclr,       "msr daifclr, #2") \
    X(mrs_daif,          "mrs x0, daif") \
    X(msr_spsel,         "msr spsel, #1") \
    X(msr_tpidrro_el0,   "msr tpidrro_el0, xzr") \
    X(smc,               "smc #0") \
    X(hvc,               "hvc #0") \
    X(eret,              "eret") \
    X(hlt,               "hlt #0") \
    X(dc_ivac,           "dc ivac, x0") \
    X(dc_isw,            "dc isw, xzr") \
    X(dc_cisw,           "dc cisw, xzr") \
    X(ic_iallu,          "ic iallu") \
    X(ic_ialluis,        "ic ialluis") \
    X(tlbi_vmalle1,      "tlbi vmalle1") \
    X(tlbi_vae1,         "tlbi vae1, x0") \
    X(tlbi_aside1is,     "tlbi aside1is, xzr") \
    X(at_s1e1r,          "at s1e1r, x0") \
    X(at_s1e0r,          "at s1e0r, x0") \
    X(mrs_pmccntr_el0,   "mrs x0, pmccntr_el0") \
    X(mrs_pmcr_el0,      "mrs x0, pmcr_el0") \
    X(msr_pmcr_el0,      "msr pmcr_el0, xzr") \
    X(msr_pmcntenset_el0, "msr pmcntenset_el0, x0") \
    X(mrs_pmevcntr0_el0, "mrs x0, pmevcntr0_el0") \
    X(mrs_cntv_ctl_el0,  "mrs x0, cntv_ctl_el0") \
    X(msr_cntv_cval_el0, "msr cntv_cval_el0, xzr") \
    X(msr_cntv_ctl_el0,  "msr cntv_ctl_el0, xzr") \
    X(mrs_icc_iar1_el1,  "mrs x0, s3_0_c12_c12_0") \
    X(msr_icc_pmr_el1,   "msr s3_0_c4_c6_0, xzr")

/* Each case: its instruction, then (if it did not fault) a report. */
#define EMIT(name, insn) ".global case_" #name "\ncase_" #name ":\n " insn "\n b case_survived\n"
__asm__(".text\n.balign 4\n" CASES(EMIT));

#define DECL(name, insn) extern char case_##name[];
CASES(DECL)

static const struct {
    const char *name;
    char *pc;
} cases[] = {
#define ENTRY(name, insn) { insn, case_##name },
    CASES(ENTRY)
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

void survived(void)
{
    volatile struct info *in = (volatile struct info *)info;

    microkit_dbg_puts("child: TEST_FAIL: executed at EL0 without a fault: ");
    microkit_dbg_puts((const char *)in->name);
    microkit_dbg_puts("\n");
}
__asm__(".global case_survived\ncase_survived:\n bl survived\n udf #0\n");

void init(void)
{
    volatile struct info *in = (volatile struct info *)info;
    seL4_Word i = in->next_case, local = 0;

    in->ncases = NCASES;
    if (i >= NCASES)
        return;
    in->label = seL4_Fault_UserException;
    in->ip = (seL4_Word)cases[i].pc;
    in->checks = CHECK_IP;
    for (unsigned k = 0; k < NAME_LEN; k++) {
        in->name[k] = cases[i].name[k];
        if (!cases[i].name[k])
            break;
    }
    in->name[NAME_LEN - 1] = 0;
    /* x0: a mapped address of its own, for the instructions that take one. */
    register seL4_Word x0 __asm__("x0") = (seL4_Word)&local;
    __asm__ volatile("blr %1" : "+r"(x0) : "r"(cases[i].pc) : "x30", "memory");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
