/* Raw loop: answers every notification by notifying its senders back. */
#include "raw.h"

void init(void)
{
    struct raw r = { .x2 = MK_DEFER_NONE, .nr = MK_SYS_WAIT, .mark = MARK_HI };

    for (;;) {
        r.x0 = 0;
        r.x1 = 0;
        r.x2 = MK_DEFER_NONE;
        r.nr = MK_SYS_WAIT;
        raw_svc(&r);
        raw_check("hi", "wait", &r);
        seL4_Word badge = r.out[1];
        if (badge & (MK_BADGE_PPC | MK_BADGE_FAULT) || !badge || badge & ~((1ULL << 2) | (1ULL << 3))) {
            microkit_dbg_puts("hi: TEST_FAIL: unexpected badge\n");
            continue;
        }
        for (seL4_Word ch = 2; ch <= 3; ch++) {
            if (!(badge & (1ULL << ch)))
                continue;
            struct raw n = { .x0 = ch, .nr = MK_SYS_NOTIFY, .mark = MARK_HI };
            raw_svc(&n);
            raw_check("hi", "notify", &n);
            if (n.out[0] != MK_OK)
                microkit_dbg_puts("hi: TEST_FAIL: notify failed\n");
        }
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
