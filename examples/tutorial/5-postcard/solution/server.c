/*
 * The server: maps both regions read-only, tells the client it is ready, and
 * answers the client's calls from what it reads in the regions.
 */
#include <stdint.h>
#include <microkit.h>
#include <microkit_gen/server.h>
#include "print.h"
#include "protocol.h"
#include "regions.h"

_Static_assert(REGION_A_SIZE <= MR_REGION_A_SIZE, "region_a's layout must fit its MR");
_Static_assert(sizeof(struct region_b) <= MR_REGION_B_SIZE, "region_b's layout must fit its MR");

/* Patched by the tool (setvar_vaddr in shared-memory.system). */
uintptr_t region_a_vaddr;
uintptr_t region_b_vaddr;

void init(void)
{
    microkit_dbg_puts("server: initializing\n");
    put_line_hex("server: region_a = ", region_a_vaddr);
    put_line_hex("server: region_b = ", region_b_vaddr);
    microkit_dbg_puts("server: notifying client\n");
    microkit_notify(CH_CLIENT);
}

static void fail(const char *what, uint64_t got)
{
    microkit_dbg_puts("server: TEST_FAIL: ");
    put_line_hex(what, got);
}

static microkit_msginfo hello(microkit_channel ch, microkit_msginfo info)
{
    bool ok = true;

    if (ch != CH_CLIENT) {
        fail("called on an unexpected channel ", ch);
        ok = false;
    }
    if (microkit_msginfo_get_count(info) != 1) {
        fail("expected 1 message register, got ", microkit_msginfo_get_count(info));
        ok = false;
    } else if (microkit_mr_get(0) != HELLO_CALL) {
        fail("expected MR0 = 0xf00d, got ", microkit_mr_get(0));
        ok = false;
    }
    if (ok) {
        microkit_dbg_puts("server: TEST_PASS\n");
    }
    microkit_mr_set(0, HELLO_ANSWER);
    return microkit_msginfo_new(0, 1);
}

/* Folds the requested bytes and words of the (read-only) regions. */
static microkit_msginfo checksum(microkit_msginfo info)
{
    struct checksum_request req;
    struct pc_reader r;
    uint64_t sum = 0;

    pc_reader_ipc(&r, info);
    if (!checksum_request_decode(&r, &req)) {
        return checksum_answer_msg(&(struct checksum_answer){.status = CHECKSUM_EBADMSG});
    }
    /* CHECKSUM_OP_FOLD is the only op: the decoder has rejected any other. */
    if (!region_a_range_ok(req.a_offset, req.a_length) || !region_b_foo_range_ok(req.b_first, req.b_count)) {
        return checksum_answer_msg(&(struct checksum_answer){.status = CHECKSUM_EBADRANGE});
    }
    for (uint64_t i = 0; i < req.a_length; i++) {
        uint8_t byte = 0;
        region_a_read(region_a_vaddr, req.a_offset + i, &byte);
        sum = checksum_add(sum, byte);
    }
    sum = checksum_add(sum, region_b_field_1_read(region_b_vaddr));
    for (uint64_t i = 0; i < req.b_count; i++) {
        uint16_t word = 0;
        region_b_foo_read(region_b_vaddr, req.b_first + i, &word);
        sum = checksum_add(sum, word);
    }
    return checksum_answer_msg(&(struct checksum_answer){.status = CHECKSUM_OK, .sum = sum});
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo info)
{
    microkit_dbg_puts("server: called by ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");

    switch (microkit_msginfo_get_label(info)) {
    case 0:
        return hello(ch, info);
    case LABEL_CHECKSUM:
        return checksum(info);
    default:
        fail("unknown label ", microkit_msginfo_get_label(info));
        return checksum_answer_msg(&(struct checksum_answer){.status = CHECKSUM_EBADMSG});
    }
}

void notified(microkit_channel ch)
{
    fail("unexpected notification on channel ", ch);
}
