/* A raw event loop (raw.h): every wait and reply-wait with marked registers. */
#include "raw.h"

#define CH_CLIENT 1
#define CH_HI     3
#define CH_MID    4

static void notify(seL4_Word ch)
{
    struct raw r = { .x0 = ch, .nr = MK_SYS_NOTIFY, .mark = MARK_SERVER };
    raw_svc(&r);
    raw_check("server", "notify", &r);
}

void init(void)
{
    struct raw r = { .x0 = 0, .x1 = 0, .x2 = MK_DEFER_NONE, .nr = MK_SYS_WAIT, .mark = MARK_SERVER };
    bool ok = true;

    for (;;) {
        raw_svc(&r);
        ok &= raw_check("server", r.x1 ? "reply-wait" : "wait", &r);
        seL4_Word tag = r.out[0], badge = r.out[1];
        r.x0 = 0;
        r.x1 = 0;
        if (!(badge & MK_BADGE_PPC)) {
            if (badge == 1ULL << CH_HI)
                microkit_dbg_puts("server: notified while replying\n");
            else
                microkit_dbg_puts("server: TEST_FAIL: unexpected notification\n");
            continue;
        }
        if ((badge & 0x3f) != CH_CLIENT)
            microkit_dbg_puts("server: TEST_FAIL: call on the wrong id\n");
        seL4_Word label = microkit_msginfo_get_label((microkit_msginfo){ { tag } });
        seL4_Word count = microkit_msginfo_get_count((microkit_msginfo){ { tag } });
        if (label == L_PENDING)
            notify(CH_HI);
        else if (label == L_READY)
            notify(CH_MID);
        if (label == L_LONG) {
            if (count != MK_MSG_MAX_LENGTH)
                microkit_dbg_puts("server: TEST_FAIL: a 127-register message not clamped\n");
            microkit_mr_set(0, microkit_mr_get(MK_MSG_MAX_LENGTH - 1));
            r.x0 = microkit_msginfo_new(label, 127).words[0];
        } else {
            microkit_mr_set(0, microkit_mr_get(0) + 1);
            r.x0 = microkit_msginfo_new(label, 1).words[0];
        }
        r.x1 = MK_WAIT_REPLY;
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
