/*
 * The client, tutorial step 5 (start of exercise 2): when the server says
 * it is ready, call it once with a fixed word, then fill both shared regions
 * and tell the server.
 */
#include <stdint.h>
#include <microkit.h>
#include <microkit_gen/client.h>
#include "print.h"
#include "protocol.h"
#include "regions.h"

_Static_assert(REGION_A_SIZE <= MR_REGION_A_SIZE, "region_a's layout must fit its MR");
_Static_assert(sizeof(struct region_b) <= MR_REGION_B_SIZE, "region_b's layout must fit its MR");

/* Patched by the tool (setvar_vaddr in shared-memory.system). */
uintptr_t region_a_vaddr;
uintptr_t region_b_vaddr;

#define FIELD_1 0x1122334455667788ULL

static uint8_t a_byte(uint64_t i)
{
    return (uint8_t)(i * 7 + 3);
}

static uint16_t b_foo(uint64_t i)
{
    return (uint16_t)(1000 + i * i);
}

void init(void)
{
    microkit_dbg_puts("client: initializing\n");
    put_line_hex("client: region_a = ", region_a_vaddr);
    put_line_hex("client: region_b = ", region_b_vaddr);
}

static void fail(const char *what, uint64_t got)
{
    microkit_dbg_puts("client: TEST_FAIL: ");
    put_line_hex(what, got);
}

static bool hello(void)
{
    microkit_mr_set(0, HELLO_CALL);
    microkit_msginfo answer = microkit_ppcall(CH_SERVER, microkit_msginfo_new(0, 1));

    if (microkit_msginfo_get_label(answer) != 0) {
        fail("expected answer label 0, got ", microkit_msginfo_get_label(answer));
        return false;
    }
    if (microkit_msginfo_get_count(answer) != 1) {
        fail("expected 1 answer register, got ", microkit_msginfo_get_count(answer));
        return false;
    }
    if (microkit_mr_get(0) != HELLO_ANSWER) {
        fail("expected MR0 = 0xf33d, got ", microkit_mr_get(0));
        return false;
    }
    return true;
}

static void fill_regions(void)
{
    for (uint64_t i = 0; i < REGION_A_SIZE; i++) {
        region_a_write(region_a_vaddr, i, a_byte(i));
    }
    region_b_field_1_write(region_b_vaddr, FIELD_1);
    for (uint64_t i = 0; i < REGION_B_FOO_COUNT; i++) {
        region_b_foo_write(region_b_vaddr, i, b_foo(i));
    }
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("client: notified by ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
    if (ch != CH_SERVER) {
        fail("notified on an unexpected channel ", ch);
        return;
    }
    if (!hello()) {
        return;
    }
    microkit_dbg_puts("client: TEST_PASS\n");
    /*
     * Exercise 2: instead of notifying the server, ask it for the checksum
     * of a part of the regions: fill them, call the server with a
     * struct checksum_request (label LABEL_CHECKSUM, postcard-encoded in the
     * IPC buffer), decode its struct checksum_answer and compare the sum with
     * the one computed from the values written (checksum_add). Print
     * "client: shared memory round trip OK" if they agree.
     */
    fill_regions();
    microkit_dbg_puts("client: regions filled\n");
    microkit_notify(CH_SERVER);
}
