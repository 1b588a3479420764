/*
 * A buggy child: it crashes on a null pointer in init(). Its memory is kept
 * across restarts, so "runs" counts how many times it has started.
 */
#include <microkit.h>

static unsigned runs;
volatile seL4_Word *broken_pointer; /* never set: the bug */

void init(void)
{
    runs++;
    microkit_dbg_puts("crasher: starting, run ");
    microkit_dbg_put32(runs);
    microkit_dbg_puts("\n");
    *broken_pointer = runs;
}

void notified(microkit_channel ch)
{
    (void)ch;
}
