/*
 * The seL4 IPC system calls (MCS signatures, docs/libmicrokit.md, "Raw seL4 calls and handles") on Minikit's
 * kernel ABI. Handles are decoded as in sel4/handles.h:
 *
 *   notification handle  Signal, Send, or the send half of NBSendRecv: notify
 *   IRQ handle           Send or NBSendRecv with label IRQAckIRQ: acknowledge
 *   endpoint handle      Call: a PPC into the peer
 *   MK_HANDLE_INPUT      the only source Recv, ReplyRecv, NBSendRecv, Wait take
 *   MK_HANDLE_REPLY      the only reply object they take
 *
 * A send to a handle of another kind or out of range does nothing (seL4
 * drops a signal to an empty slot the same way); Call returns an empty
 * message. A receive on any other source or reply handle faults the PD at
 * address seL4_InvalidCapability, standing in for seL4's cap fault: a
 * receive cannot return an error, and waiting on nothing would hang.
 *
 * The badge a receive returns is the kernel's (include/minikit/abi.h), which
 * is seL4 Microkit's: bit 63 + channel for a PPC, bit 62 + child id for a
 * fault, otherwise the set of notified ids.
 *
 * The non-blocking receives (seL4_Poll, seL4_NBWait, seL4_NBRecv) return at
 * once with badge 0 and an empty tag when nothing is there. seL4_Poll takes
 * notifications only; seL4_NBWait and seL4_NBRecv also take a queued PPC or
 * child fault, like seL4_Wait and seL4_Recv.
 */
#ifndef SEL4_IPC_H
#define SEL4_IPC_H

#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/messageinfo.h>
#include <sel4/handles.h>
#include <sel4/syscalls.h>

/* A receive must name this PD's endpoint and reply object (see above). */
static inline void mk_recv_handles_check(seL4_CPtr src, seL4_CPtr reply)
{
    if (src != MK_HANDLE_INPUT || reply != MK_HANDLE_REPLY) {
        mk_fault_at(seL4_InvalidCapability);
    }
}

/* One wait; sender may be NULL, as in libsel4. */
static inline seL4_MessageInfo_t mk_wait(seL4_MessageInfo_t reply_tag, seL4_Word flags, seL4_Word op,
                                         seL4_Word arg, seL4_Word *sender)
{
    seL4_Word badge;
    seL4_MessageInfo_t tag = mk_sys_wait(reply_tag, flags, op, arg, &badge);

    if (sender) {
        *sender = badge;
    }
    return tag;
}

static inline void seL4_Signal(seL4_CPtr dest)
{
    seL4_Word ch;

    if (mk_handle_id(dest, MK_HANDLE_NOTIFY_BASE, &ch)) {
        mk_sys_notify(ch);
    }
}

static inline void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    seL4_Word id;

    if (mk_handle_id(dest, MK_HANDLE_NOTIFY_BASE, &id)) {
        mk_sys_notify(id);
    } else if (mk_handle_id(dest, MK_HANDLE_IRQ_BASE, &id)
               && seL4_MessageInfo_get_label(msgInfo) == IRQAckIRQ) {
        mk_sys_irq_ack(id);
    }
}

/* The message registers are already in the IPC buffer; so is the reply's. */
static inline seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    seL4_Word ch;
    seL4_Word err;

    if (!mk_handle_id(dest, MK_HANDLE_PPC_BASE, &ch)) {
        return seL4_MessageInfo_new(0, 0, 0, 0);
    }
    /* On an error (channel not granted) the kernel's reply tag is empty too. */
    msgInfo = mk_sys_ppcall(ch, msgInfo, &err);
    (void)err;
    return msgInfo;
}

static inline seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender, seL4_CPtr reply)
{
    mk_recv_handles_check(src, reply);
    return mk_wait(seL4_MessageInfo_new(0, 0, 0, 0), 0, MK_DEFER_NONE, 0, sender);
}

/* Replies with msgInfo (and the MRs in the IPC buffer) to the PD being served, then waits. */
static inline seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t msgInfo, seL4_Word *sender,
                                                seL4_CPtr reply)
{
    mk_recv_handles_check(src, reply);
    return mk_wait(msgInfo, MK_WAIT_REPLY, MK_DEFER_NONE, 0, sender);
}

/*
 * The send is a signal or an IRQ acknowledgement (as seL4_Send), done by the
 * kernel as part of the wait. Like ReplyRecv without the reply: a PD being
 * served is left unanswered.
 */
static inline seL4_MessageInfo_t seL4_NBSendRecv(seL4_CPtr dest, seL4_MessageInfo_t msgInfo, seL4_CPtr src,
                                                 seL4_Word *sender, seL4_CPtr reply)
{
    seL4_Word op = MK_DEFER_NONE;
    seL4_Word id;

    mk_recv_handles_check(src, reply);
    if (mk_handle_id(dest, MK_HANDLE_NOTIFY_BASE, &id)) {
        op = MK_DEFER_NOTIFY;
    } else if (mk_handle_id(dest, MK_HANDLE_IRQ_BASE, &id) && seL4_MessageInfo_get_label(msgInfo) == IRQAckIRQ) {
        op = MK_DEFER_IRQ_ACK;
    } else {
        id = 0;
    }
    return mk_wait(seL4_MessageInfo_new(0, 0, 0, 0), 0, op, id, sender);
}

/*
 * Waits without naming a reply object. A Minikit PD has one input for
 * notifications and PPCs alike, so this returns PPCs too; the next
 * ReplyRecv answers such a caller, any other receive leaves it blocked.
 */
static inline seL4_MessageInfo_t seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    mk_recv_handles_check(src, MK_HANDLE_REPLY);
    return mk_wait(seL4_MessageInfo_new(0, 0, 0, 0), 0, MK_DEFER_NONE, 0, sender);
}

/* Pending notifications, without blocking: *sender = the set of ids, 0 if none. */
static inline seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
    seL4_Word badge;
    seL4_MessageInfo_t tag;

    mk_recv_handles_check(src, MK_HANDLE_REPLY);
    tag = mk_sys_poll(0, &badge);
    if (sender) {
        *sender = badge;
    }
    return tag;
}

/* seL4_Recv without blocking: notifications first, then a queued PPC or fault. */
static inline seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender, seL4_CPtr reply)
{
    seL4_Word badge;
    seL4_MessageInfo_t tag;

    mk_recv_handles_check(src, reply);
    tag = mk_sys_poll(MK_POLL_CALLS, &badge);
    if (sender) {
        *sender = badge;
    }
    return tag;
}

/* seL4_Wait without blocking (MCS): as seL4_NBRecv. */
static inline seL4_MessageInfo_t seL4_NBWait(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_NBRecv(src, sender, MK_HANDLE_REPLY);
}

/* Behind the other ready PDs of the same priority (a budget-limited PD waits for its next period). */
static inline void seL4_Yield(void)
{
    mk_sys_yield();
}

#endif
