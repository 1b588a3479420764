/*
 * The server, tutorial step 4 (solution of exercise 1): it tells the client
 * it is ready, answers its call and, when the client says it has filled the
 * regions, reads some of them through their typed (read-only) views.
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

/* A few values the client wrote, and one index the view refuses. */
static void show_regions(void)
{
    uint8_t byte = 0;
    uint16_t word = 0;

    if (region_a_read(region_a_vaddr, 100, &byte)) {
        put_line_hex("server: region_a[100] = ", byte);
    }
    put_line_hex("server: region_b.field_1 = ", region_b_field_1_read(region_b_vaddr));
    if (region_b_foo_read(region_b_vaddr, 2, &word)) {
        put_line_hex("server: region_b.foo[2] = ", word);
    }
    if (!region_b_foo_read(region_b_vaddr, REGION_B_FOO_COUNT, &word)) {
        microkit_dbg_puts("server: region_b.foo[16] is out of bounds: refused\n");
    }
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("server: notified by ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
    show_regions();
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo info)
{
    microkit_dbg_puts("server: called by ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");

    switch (microkit_msginfo_get_label(info)) {
    case 0:
        return hello(ch, info);
    default:
        fail("unknown label ", microkit_msginfo_get_label(info));
        return microkit_msginfo_new(0, 0);
    }
}
