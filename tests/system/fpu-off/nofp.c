/* A PD with fpu="false" executes an FP instruction: it must fault there. */
#include <microkit.h>
#include "info.h"

uintptr_t info;

extern char fp_insn[];

void init(void)
{
    ((volatile struct info *)info)->fp_pc = (seL4_Word)fp_insn;
    microkit_dbg_puts("nofp: executing fmov\n");
    __asm__ volatile(".global fp_insn\nfp_insn: fmov d0, xzr" ::: "d0", "memory");
    microkit_dbg_puts("nofp: TEST_FAIL: FP worked in a PD with fpu=\"false\"\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
