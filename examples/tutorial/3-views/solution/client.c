/*
 * The client, tutorial step 3 (solution): when the server says it is ready,
 * fill both shared regions through their typed views and tell the server.
 */
#include <stdint.h>
#include <microkit.h>
#include <microkit_gen/client.h>
#include "print.h"
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
    fill_regions();
    microkit_dbg_puts("client: regions filled\n");
    microkit_notify(CH_SERVER);
}
