/*
 * Drives the raw seL4 calls from init(): seL4_Call with MRs set by
 * seL4_SetMR and read back by seL4_GetMR, seL4_Signal + seL4_Wait,
 * calls on bad handles, seL4_IRQHandler_Ack, and the TCB calls on its
 * child. Then, from the event loop, it checks the fault of its child
 * badrecv, which waited on a bad handle.
 */
#include <microkit.h>
#include "proto.h"

#define REVERSE_MRS 8

static void check(bool ok, const char *what)
{
    if (!ok) {
        microkit_dbg_puts("client: TEST_FAIL: ");
        microkit_dbg_puts(what);
        microkit_dbg_puts("\n");
    }
}

static void report(const char *what, seL4_Error err)
{
    microkit_dbg_puts("client: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts(" -> ");
    microkit_dbg_put32(err);
    microkit_dbg_puts("\n");
}

static void calls(void)
{
    seL4_MessageInfo_t tag;

    seL4_SetMR(0, 6);
    seL4_SetMR(1, 7);
    tag = seL4_Call(BASE_ENDPOINT_CAP + CLIENT_SERVER_CH, seL4_MessageInfo_new(OP_MUL, 0, 0, 2));
    check(seL4_MessageInfo_get_label(tag) == OP_MUL && seL4_MessageInfo_get_length(tag) == 1, "OP_MUL reply tag");
    microkit_dbg_puts("client: seL4_Call: 6 * 7 = ");
    microkit_dbg_put32(seL4_GetMR(0));
    microkit_dbg_puts("\n");

    for (int i = 0; i < REVERSE_MRS; i++) {
        seL4_SetMR(i, 100 + i);
    }
    tag = seL4_Call(BASE_ENDPOINT_CAP + CLIENT_SERVER_CH, seL4_MessageInfo_new(OP_REVERSE, 0, 0, REVERSE_MRS));
    bool reversed = seL4_MessageInfo_get_label(tag) == OP_REVERSE
                    && seL4_MessageInfo_get_length(tag) == REVERSE_MRS;
    for (int i = 0; i < REVERSE_MRS; i++) {
        reversed = reversed && seL4_GetMR(i) == (seL4_Word)(100 + REVERSE_MRS - 1 - i);
    }
    check(reversed, "OP_REVERSE reply");
    if (reversed) {
        microkit_dbg_puts("client: seL4_Call: 8 MRs came back reversed\n");
    }
}

static void signal_and_wait(void)
{
    seL4_Word badge;

    microkit_dbg_puts("client: seL4_Signal to the server\n");
    seL4_Signal(BASE_OUTPUT_NOTIFICATION_CAP + CLIENT_SERVER_CH);
    seL4_MessageInfo_t tag = seL4_Wait(INPUT_CAP, &badge);
    check(tag.words[0] == 0, "seL4_Wait tag");
    microkit_dbg_puts("client: seL4_Wait: woken, badge ");
    put_hex(badge);
    microkit_dbg_puts("\n");
}

/* None of these may reach the server: it fails the test on a second notification. */
static void bad_ipc_handles(void)
{
    seL4_MessageInfo_t tag;

    seL4_SetMR(0, 6);
    seL4_SetMR(1, 7);
    tag = seL4_Call(BASE_OUTPUT_NOTIFICATION_CAP + CLIENT_SERVER_CH, seL4_MessageInfo_new(OP_MUL, 0, 0, 2));
    check(tag.words[0] == 0, "seL4_Call on a notification handle");
    tag = seL4_Call(BASE_ENDPOINT_CAP + 7, seL4_MessageInfo_new(OP_MUL, 0, 0, 2));
    check(tag.words[0] == 0, "seL4_Call on a channel not granted");
    tag = seL4_Call(BASE_ENDPOINT_CAP + MK_HANDLE_BLOCK - 1, seL4_MessageInfo_new(OP_MUL, 0, 0, 2));
    check(tag.words[0] == 0, "seL4_Call on an id out of range");
    seL4_Signal(BASE_ENDPOINT_CAP + CLIENT_SERVER_CH);
    seL4_Signal(BASE_OUTPUT_NOTIFICATION_CAP + 7);
    seL4_Signal(100000);
    seL4_Send(BASE_IRQ_CAP + CLIENT_SERVER_CH, seL4_MessageInfo_new(0, 0, 0, 0));
    microkit_dbg_puts("client: bad handles: seL4_Call returned empty messages, seL4_Signal did nothing\n");
}

static void irq_acks(void)
{
    report("seL4_IRQHandler_Ack(own IRQ)", seL4_IRQHandler_Ack(BASE_IRQ_CAP + CLIENT_IRQ));
    report("seL4_IRQHandler_Ack(IRQ not granted)", seL4_IRQHandler_Ack(BASE_IRQ_CAP + 3));
    report("seL4_IRQHandler_Ack(id out of range)", seL4_IRQHandler_Ack(BASE_IRQ_CAP + 62));
    report("seL4_IRQHandler_Ack(endpoint handle)", seL4_IRQHandler_Ack(BASE_ENDPOINT_CAP + CLIENT_SERVER_CH));
}

/* The child outranks the client: whenever it can run, it prints before the client goes on. */
static void tcb_calls(void)
{
    seL4_TCB child = BASE_TCB_CAP + CHILD_ID;
    seL4_UserContext regs = { .pc = 0x200000, .sp = 0x1234 };

    report("seL4_TCB_WriteRegisters(pc, resume)", seL4_TCB_WriteRegisters(child, seL4_True, 0, 1, &regs));
    report("seL4_TCB_WriteRegisters(pc and sp)", seL4_TCB_WriteRegisters(child, seL4_True, 0, 2, &regs));
    report("seL4_TCB_WriteRegisters(no resume)", seL4_TCB_WriteRegisters(child, seL4_False, 0, 1, &regs));
    report("seL4_TCB_WriteRegisters(not a child)", seL4_TCB_WriteRegisters(BASE_TCB_CAP + 9, seL4_True, 0, 1, &regs));

    report("seL4_TCB_Suspend(child)", seL4_TCB_Suspend(child));
    microkit_dbg_puts("client: seL4_Send to the suspended child\n");
    seL4_Send(BASE_OUTPUT_NOTIFICATION_CAP + CLIENT_CHILD_CH, seL4_MessageInfo_new(0, 0, 0, 0));
    microkit_dbg_puts("client: resuming the child\n");
    report("seL4_TCB_Resume(child)", seL4_TCB_Resume(child));
    report("seL4_TCB_Resume(running child)", seL4_TCB_Resume(child));
    report("seL4_TCB_Suspend(IRQ handle)", seL4_TCB_Suspend(BASE_IRQ_CAP + CLIENT_IRQ));
    report("seL4_TCB_Resume(own TCB)", seL4_TCB_Resume(TCB_CAP));
    report("seL4_TCB_Suspend(cspace handle)", seL4_TCB_Suspend(microkit_cspace_root_slot_to_cptr(1)));
}

void init(void)
{
    microkit_dbg_puts("client: init\n");
    calls();
    signal_and_wait();
    bad_ipc_handles();
    irq_acks();
    tcb_calls();
    microkit_dbg_puts("client: init done, waiting for badrecv's fault\n");
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("client: TEST_FAIL: unexpected notification on ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    (void)reply_msginfo;
    microkit_dbg_puts("client: fault of child ");
    microkit_dbg_put32(child);
    microkit_dbg_puts(", label ");
    microkit_dbg_put32(microkit_msginfo_get_label(msginfo));
    microkit_dbg_puts(", address ");
    put_hex(seL4_GetMR(seL4_VMFault_Addr));
    microkit_dbg_puts("\n");
    check(child == BADRECV_ID && microkit_msginfo_get_label(msginfo) == seL4_Fault_VMFault
              && seL4_GetMR(seL4_VMFault_Addr) == seL4_InvalidCapability,
          "badrecv's fault");
    microkit_dbg_puts("client: TEST_PASS\n");
    return seL4_False;
}
