/* reading kernel memory at 0xffff000070000000: must fault. */
#include <microkit.h>
#include "attack.h"

void init(void)
{
    announce("reading kernel memory at 0xffff000070000000");
    seL4_Word value = read_at(0xffff000070000000ULL);
    if (value == SECRET_VALUE) {
        microkit_dbg_puts("khigh: TEST_FAIL: read another PD's secret\n");
    }
    survived();
}

void notified(microkit_channel ch)
{
    (void)ch;
}
