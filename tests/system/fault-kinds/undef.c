/* Executes an undefined instruction (udf #0) in init(). */
#include <microkit.h>
#include "info.h"

uintptr_t info;

extern char undef_insn[];

void init(void)
{
    ((volatile struct info *)info)->undef_pc = (seL4_Word)undef_insn;
    microkit_dbg_puts("undef: executing udf #0\n");
    __asm__ volatile(".global undef_insn\nundef_insn: udf #0" ::: "memory");
    microkit_dbg_puts("undef: TEST_FAIL: the undefined instruction did not fault\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
