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

extern struct pd *fpu_owner; /* whose state the FP registers hold */
extern u64 fpu_cpacr;        /* the CPACR_EL1 value in force */

static inline void fpu_set_cpacr(u64 v)
{
    if (v != fpu_cpacr) {
        fpu_cpacr = v;
        write_sysreg(cpacr_el1, v);
    }
}

/* Called on every PD switch. */
static inline void fpu_switch(struct pd *next)
{
    fpu_set_cpacr(next == fpu_owner ? CPACR_FP_ON : CPACR_FP_TRAP_EL0);
}

#endif
