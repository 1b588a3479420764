/* Records every id it is notified on in "seen" (a bit per id). */
#include <microkit.h>

uintptr_t seen;

void init(void)
{
}

void notified(microkit_channel ch)
{
    *(volatile seL4_Word *)seen |= 1ULL << ch;
    microkit_dbg_puts("observer: notified on ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
}
