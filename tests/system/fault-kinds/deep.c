/* A root PD that recurses until its stack runs into the guard page. */
#include <microkit.h>

static volatile seL4_Word depth;

static seL4_Word __attribute__((noinline)) recurse(seL4_Word n)
{
    volatile char frame[512];

    frame[0] = (char)n;
    depth++;
    if (depth == 0) { /* never: keeps the recursion from being infinite to the compiler */
        return 0;
    }
    return recurse(n + 1) + frame[0];
}

void init(void)
{
    microkit_dbg_puts("deep: recursing\n");
    recurse(0);
    microkit_dbg_puts("deep: TEST_FAIL: the stack overflow did not fault\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
