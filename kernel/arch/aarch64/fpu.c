/*
 * Lazy FP/SIMD switching: a PD's FP registers are loaded only when it first
 * touches FP after another PD did. Until then EL0 FP use traps (CPACR_EL1.FPEN
 * = 01), so IPC between PDs that never use FP costs nothing here.
 */
#include "kernel.h"
#include "sysreg.h"

#define CPACR_FP_TRAP_EL0 (1ULL << 20)
#define CPACR_FP_ON       (3ULL << 20)

void fpu_save(struct fpregs *f);          /* fpu_regs.S */
void fpu_load(const struct fpregs *f);

static struct pd *fp_owner;    /* whose state the FP registers hold */
static u64 cpacr = CPACR_FP_ON; /* boot.S left FP enabled */

static void set_cpacr(u64 v)
{
    if (v != cpacr) {
        cpacr = v;
        write_sysreg(cpacr_el1, v);
    }
}

void fpu_switch(struct pd *next)
{
    set_cpacr(next == fp_owner ? CPACR_FP_ON : CPACR_FP_TRAP_EL0);
}

struct pd *fpu_trap(struct pd *self)
{
    set_cpacr(CPACR_FP_ON);
    isb();
    if (fp_owner)
        fpu_save(&fp_owner->fp);
    fpu_load(&self->fp);
    fp_owner = self;
    return self;
}
