/* The FP trap: give the FP registers to the PD that wants them (see fpu.h). */
#include "fpu.h"

struct pd *fpu_owner;
u64 fpu_cpacr;

struct pd *fpu_trap(struct pd *self)
{
    fpu_set_cpacr(CPACR_FP_ON);
    isb();
    if (fpu_owner)
        fpu_save(&fpu_owner->fp);
    fpu_load(&self->fp);
    fpu_owner = self;
    switch_hooks_enable(); /* from now on switches must turn FP on and off */
    return self;
}
