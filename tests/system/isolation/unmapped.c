/* reading an unmapped address: must fault. */
#include <microkit.h>
#include "attack.h"

void init(void)
{
    announce("reading an unmapped address");
    seL4_Word value = read_at(0x5000000);
    if (value == SECRET_VALUE) {
        microkit_dbg_puts("unmapped: TEST_FAIL: read another PD's secret\n");
    }
    survived();
}

void notified(microkit_channel ch)
{
    (void)ch;
}
