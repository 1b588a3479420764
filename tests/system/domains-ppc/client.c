/*
 * Priority 10 in domain a (2000 us slots, beside b's 2000 us). Calls a
 * server of its own domain (answered at once), then a passive and an active
 * server of domain b. As on seL4 MCS, a server runs in its own domain
 * whatever scheduling context it runs on: each call to b is served only
 * when b is current (the passive server on client's budget), and the reply
 * reaches client only when a is current again.
 */
#include "share.h"

static void call(microkit_channel ch, const char *name, int same_domain)
{
    seL4_Word t0 = now();

    microkit_mr_set(0, ch);
    seL4_MessageInfo_t r = microkit_ppcall(ch, microkit_msginfo_new(0, 1));
    seL4_Word t1 = now(), served = SERVED[ch];

    microkit_dbg_puts("client: ");
    microkit_dbg_puts(name);
    if (microkit_msginfo_get_label(r) != 0 || microkit_mr_get(0) != ch * 10 || served < t0 || served > t1) {
        microkit_dbg_puts(": TEST_FAIL: wrong reply\n");
    } else if (same_domain && us(t1 - t0) < 100) {
        microkit_dbg_puts(" server answered at once\n");
    } else if (!same_domain && us(served - t0) >= 1000 && us(t1 - served) >= 1000) {
        put_us(" server served in b's slot ", served - t0, " us after the call, ");
        put_us("reply came in a's next slot ", t1 - served, " us later\n");
    } else {
        put_us(": TEST_FAIL: served after ", served - t0, " us, ");
        put_us("returned after ", t1 - t0, " us: not in the servers' domains\n");
    }
}

void init(void)
{
    call(LOCAL, "local", 1);
    call(PASSIVE, "passive", 0);
    call(ACTIVE, "active", 0);
    call(LOCAL, "local", 1);
    call(PASSIVE, "passive", 0);
    microkit_dbg_puts("client: done\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
