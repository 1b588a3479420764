/* Calls server and checks, right after the reply, what observer has seen. */
#include <microkit.h>

uintptr_t seen;

void init(void)
{
    microkit_ppcall(1, microkit_msginfo_new(0, 0));
    seL4_Word ids = *(volatile seL4_Word *)seen;
    if (ids == (1ULL << 8)) {
        microkit_dbg_puts("client: observer was notified on 8 (only) before the reply: TEST_PASS\n");
    } else if (ids == 0) {
        microkit_dbg_puts("client: TEST_FAIL: the deferred notify was not sent before the reply\n");
    } else {
        microkit_dbg_puts("client: TEST_FAIL: observer saw the wrong ids\n");
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
