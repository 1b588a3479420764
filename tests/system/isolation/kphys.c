/* reading the kernel's physical address 0x70000000: must fault. */
#include <microkit.h>
#include "attack.h"

void init(void)
{
    announce("reading the kernel's physical address 0x70000000");
    seL4_Word value = read_at(0x70000000);
    if (value == SECRET_VALUE) {
        microkit_dbg_puts("kphys: TEST_FAIL: read another PD's secret\n");
    }
    survived();
}

void notified(microkit_channel ch)
{
    (void)ch;
}
