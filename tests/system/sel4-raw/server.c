/*
 * A server with its own seL4_Recv / seL4_ReplyRecv loop instead of
 * libmicrokit's: init() never returns. It multiplies (OP_MUL), reverses its
 * message registers (OP_REVERSE), and answers the client's one notification
 * with a signal back, sent by seL4_NBSendRecv as part of its next wait.
 */
#include <microkit.h>
#include "proto.h"

static unsigned notifications;

static seL4_MessageInfo_t serve(seL4_MessageInfo_t tag)
{
    seL4_Word n = seL4_MessageInfo_get_length(tag);

    switch (seL4_MessageInfo_get_label(tag)) {
    case OP_MUL:
        seL4_SetMR(0, seL4_GetMR(0) * seL4_GetMR(1));
        return seL4_MessageInfo_new(OP_MUL, 0, 0, 1);
    case OP_REVERSE:
        for (seL4_Word i = 0; i < n / 2; i++) {
            seL4_Word t = seL4_GetMR(i);
            seL4_SetMR(i, seL4_GetMR(n - 1 - i));
            seL4_SetMR(n - 1 - i, t);
        }
        return seL4_MessageInfo_new(OP_REVERSE, 0, 0, n);
    default:
        return seL4_MessageInfo_new(OP_UNKNOWN, 0, 0, 0);
    }
}

void init(void)
{
    seL4_Word badge;
    seL4_MessageInfo_t tag;

    microkit_dbg_puts("server: init, entering its own seL4_Recv loop\n");
    tag = seL4_Recv(INPUT_CAP, &badge, REPLY_CAP);
    for (;;) {
        if (badge & BADGE_PPC) {
            microkit_dbg_puts("server: call on channel ");
            microkit_dbg_put32(badge & 0x3f);
            microkit_dbg_puts(", label ");
            microkit_dbg_put32(seL4_MessageInfo_get_label(tag));
            microkit_dbg_puts(", ");
            microkit_dbg_put32(seL4_MessageInfo_get_length(tag));
            microkit_dbg_puts(" MRs\n");
            tag = seL4_ReplyRecv(INPUT_CAP, serve(tag), &badge, REPLY_CAP);
            continue;
        }
        microkit_dbg_puts("server: notified, badge ");
        put_hex(badge);
        microkit_dbg_puts("\n");
        if (++notifications != 1 || badge != 1ULL << SERVER_CLIENT_CH) {
            microkit_dbg_puts("server: TEST_FAIL: only one notification, from the client, was expected\n");
        }
        microkit_dbg_puts("server: signalling the client back with seL4_NBSendRecv\n");
        tag = seL4_NBSendRecv(BASE_OUTPUT_NOTIFICATION_CAP + SERVER_CLIENT_CH, seL4_MessageInfo_new(0, 0, 0, 0),
                              INPUT_CAP, &badge, REPLY_CAP);
    }
}

/* Never called: the loop above takes every event. */
void notified(microkit_channel ch)
{
    (void)ch;
    microkit_dbg_puts("server: TEST_FAIL: libmicrokit's event loop ran\n");
}
