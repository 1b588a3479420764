/* Runs last, once every attacker has faulted: the system is still alive. */
#include <microkit.h>
#include "attack.h"

uintptr_t secret;

void init(void)
{
    if (*(volatile seL4_Word *)secret != SECRET_VALUE) {
        microkit_dbg_puts("observer: TEST_FAIL: victim's secret changed\n");
        return;
    }
    microkit_dbg_puts("observer: secret intact, still running after every fault\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
