/*
 * Priority 200 in domain b. Its init runs when b first becomes current, and
 * only then the notification sender sent at the start of a's 2000 us.
 */
#include "share.h"

static int inited;

void init(void)
{
    inited = 1;
    microkit_dbg_puts("receiver: init in domain b\n");
}

void notified(microkit_channel ch)
{
    seL4_Word dt = now() - SHARE->t_notify;

    if (ch != PEER || !inited || us(dt) < 1500) {
        put_us("receiver: TEST_FAIL: notification handled ", dt, " us after it was sent, in a's time\n");
        return;
    }
    microkit_dbg_puts("receiver: notified when b became current\n");
    SHARE->t_back = now();
    microkit_notify(PEER);
}
