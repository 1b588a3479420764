/*
 * Lazy FP/SIMD switching: a PD's FP registers are loaded only when it first
 * touches FP after another PD did. Until then EL0 FP use traps (CPACR_EL1.FPEN
 * = 01), so IPC between PDs that never use FP costs one compare here.
 */
#ifndef ARCH_FPU_H
#define ARCH_FPU_H

#include "kernel.h"
#include "sysreg.h"

#define CPACR_FP_TRAP_EL0 (1ULL << 20)
#define CPACR_FP_ON       (3ULL << 20)

void fpu_save(struct fpregs *f); /* fpu_regs.S */
void fpu_load(const struct fpregs *f);

extern struct pd *fpu_owner; /* whose state the FP registers hold */
extern u64 fpu_cpacr;        /* the CPACR_EL1 value in force */

static inline void fpu_set_cpacr(u64 v)
{
    if (v != fpu_cpacr) {
        fpu_cpacr = v;
        write_sysreg(cpacr_el1, v);
    }
}

/*
 * Called on every PD switch. FP is on exactly while the owner runs, so only
 * switches to or from the owner change anything; with no owner (no PD has
 * touched FP) it costs one load.
 */
static inline void fpu_switch(struct pd *next, struct pd *prev)
{
    if (__builtin_expect(!fpu_owner, 1))
        return;
    if (next == fpu_owner)
        fpu_set_cpacr(CPACR_FP_ON);
    else if (prev == fpu_owner)
        fpu_set_cpacr(CPACR_FP_TRAP_EL0);
}

/* Before the first PD runs: FP traps for everyone. */
static inline void fpu_init(void)
{
    fpu_cpacr = CPACR_FP_TRAP_EL0;
    write_sysreg(cpacr_el1, CPACR_FP_TRAP_EL0);
}

#endif
