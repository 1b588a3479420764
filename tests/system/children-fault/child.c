/*
 * Counts its runs (memory survives a restart) and stores to an unmapped
 * address. The store is labelled so the parent can check the fault's PC.
 */
#include <microkit.h>
#include "info.h"

uintptr_t info;

extern char child_bad_store[];

void init(void)
{
    volatile struct info *shared = (volatile struct info *)info;

    shared->run++;
    shared->fault_pc = (seL4_Word)child_bad_store;
    microkit_dbg_puts("child: init, run ");
    microkit_dbg_put32(shared->run);
    microkit_dbg_puts("\n");
    __asm__ volatile(".global child_bad_store\n"
                     "child_bad_store: str %0, [%1]"
                     :: "r"(shared->run), "r"((seL4_Word)BAD_ADDRESS) : "memory");
    microkit_dbg_puts("child: TEST_FAIL: the store to an unmapped address did not fault\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
