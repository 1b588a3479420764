/*
 * Drives every case in turn (fastpath.system). Raw svcs (raw.h) where the
 * registers are checked; microkit_ppcall where only the order of events is.
 */
#include "raw.h"

#define CH_SERVER 1
#define CH_HI     2
#define CH_BG     5
#define CH_PSRV   6

static bool ok = true;

static void fail(const char *what)
{
    microkit_dbg_puts("client: TEST_FAIL: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts("\n");
    ok = false;
}

/* A raw PPC of one register v with label; returns the reply's MR0. */
static seL4_Word raw_call(seL4_Word ch, seL4_Word label, seL4_Word v, const char *what)
{
    struct raw r = { .x0 = ch, .x1 = microkit_msginfo_new(label, 1).words[0], .nr = MK_SYS_PPCALL,
                     .mark = MARK_CLIENT };

    microkit_mr_set(0, v);
    raw_svc(&r);
    ok &= raw_check("client", what, &r);
    if (r.out[1] != MK_OK || r.out[0] != microkit_msginfo_new(label, 1).words[0])
        fail("a PPC's reply tag or error");
    return microkit_mr_get(0);
}

static seL4_Word call(seL4_Word label, seL4_Word v)
{
    microkit_mr_set(0, v);
    microkit_msginfo tag = microkit_ppcall(CH_SERVER, microkit_msginfo_new(label, 1));
    if (tag.words[0] != microkit_msginfo_new(label, 1).words[0])
        fail("a reply tag");
    return microkit_mr_get(0);
}

void init(void)
{
    /* 1. call and reply-wait (both fast) */
    for (seL4_Word i = 0; i < 3; i++)
        if (raw_call(CH_SERVER, L_ECHO, 100 + i, "a PPC") != 101 + i)
            fail("the server's answer");
    microkit_dbg_puts("client: call and reply ok\n");

    /* 2. notify a PD that is not waiting (bg): no switch */
    struct raw n = { .x0 = CH_BG, .nr = MK_SYS_NOTIFY, .mark = MARK_CLIENT };
    raw_svc(&n);
    ok &= raw_check("client", "a notify without a switch", &n);
    if (n.out[0] != MK_OK)
        fail("notify bg");
    microkit_dbg_puts("client: notify without a switch ok\n");

    /* 3. notify hi (higher, waiting: switch); hi notifies back while this PD
     * is preempted and waits (a switch back through the ready queue); then a
     * wait that finds the notification pending returns at once */
    n = (struct raw){ .x0 = CH_HI, .nr = MK_SYS_NOTIFY, .mark = MARK_CLIENT };
    raw_svc(&n);
    ok &= raw_check("client", "a notify that switched", &n);
    if (n.out[0] != MK_OK)
        fail("notify hi");
    struct raw w = { .x0 = 0, .x1 = 0, .x2 = MK_DEFER_NONE, .nr = MK_SYS_WAIT, .mark = MARK_CLIENT };
    raw_svc(&w);
    ok &= raw_check("client", "a wait with a notification pending", &w);
    if (w.out[1] != 1ULL << CH_HI || w.out[0] != 0)
        fail("the pending notification from hi");
    microkit_dbg_puts("client: notify, switch and pending wait ok\n");

    /* 4. the server's reply-wait finds a notification pending: C replies, the
     * server takes the notification first */
    if (call(L_PENDING, 7) != 8)
        fail("the answer to L_PENDING");
    microkit_dbg_puts("client: reply after the server's notification\n");

    /* 5. at the reply a ready PD (mid) outranks this PD: it runs first */
    if (call(L_READY, 9) != 10)
        fail("the answer to L_READY");
    microkit_dbg_puts("client: reply after mid\n");

    /* 6. a 127-register message both ways: clamped to 120 */
    microkit_mr_set(MK_MSG_MAX_LENGTH - 1, 0x1234);
    microkit_msginfo tag = microkit_ppcall(CH_SERVER, microkit_msginfo_new(L_LONG, 127));
    if (microkit_msginfo_get_count(tag) != MK_MSG_MAX_LENGTH || microkit_mr_get(0) != 0x1234)
        fail("the 127-register message");
    microkit_dbg_puts("client: long messages clamped\n");

    /* 7. a passive server */
    for (seL4_Word i = 0; i < 3; i++)
        if (raw_call(CH_PSRV, 0, i, "a PPC to a passive server") != i + 5)
            fail("the passive server's answer");
    microkit_dbg_puts("client: passive server ok\n");

    microkit_dbg_puts(ok ? "client: TEST_PASS\n" : "client: TEST_FAIL\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
    fail("notified");
}
