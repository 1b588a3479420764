/*
 * Priority 10 in domain a (current first). Notifies receiver (priority
 * 200, domain b) at once: receiver must not preempt it (it is not in the
 * current domain), so sender keeps the CPU without a gap for 500 us.
 * Receiver notifies back from b; sender must handle that only when a is
 * current again.
 */
#include "share.h"

void init(void)
{
    seL4_Word prev, c;

    SHARE->t_notify = prev = now();
    microkit_notify(PEER);
    for (; us(now() - SHARE->t_notify) < 500; prev = c) {
        c = now();
        if (us(c - prev) > 20) {
            microkit_dbg_puts("sender: TEST_FAIL: preempted by the notified PD of another domain\n");
            return;
        }
    }
    microkit_dbg_puts("sender: notified receiver and kept the CPU\n");
}

void notified(microkit_channel ch)
{
    seL4_Word dt = now() - SHARE->t_back;

    if (ch != PEER || us(dt) < 1000) {
        put_us("sender: TEST_FAIL: receiver's notification handled ", dt, " us after it was sent, in b's time\n");
        return;
    }
    microkit_dbg_puts("sender: receiver's notification handled when a was current again\n");
    microkit_dbg_puts("sender: TEST_PASS\n");
}
