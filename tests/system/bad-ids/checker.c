/* Calls every checked libmicrokit function with ids this PD does not own. */
#include <microkit.h>

#define CALLEE 1

void init(void)
{
    microkit_notify(10000);       /* far out of range: must not fault */
    microkit_notify(CALLEE);      /* a channel, but notify="false" */
    microkit_irq_ack(5);          /* no such irq */
    microkit_deferred_notify(62); /* one past the last id */
    microkit_deferred_irq_ack(0);
    microkit_msginfo answer = microkit_ppcall(7, microkit_msginfo_new(3, 1));
    if (microkit_msginfo_get_label(answer) != 0 || microkit_msginfo_get_count(answer) != 0) {
        microkit_dbg_puts("checker: TEST_FAIL: a refused ppcall must return an empty message\n");
    }
    if (microkit_have_signal) {
        microkit_dbg_puts("checker: TEST_FAIL: a refused deferred call filled the deferred slot\n");
    }
    microkit_dbg_puts("checker: still running after bad ids\n");
    microkit_ppcall(CALLEE, microkit_msginfo_new(0, 0));
    microkit_dbg_puts("checker: TEST_FAIL: the call into a PD without protected() returned\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
