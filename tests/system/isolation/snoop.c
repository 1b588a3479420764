/* reading victim's region at its address: must fault. */
#include <microkit.h>
#include "attack.h"

void init(void)
{
    announce("reading victim's region at its address");
    seL4_Word value = read_at(SECRET_VADDR);
    if (value == SECRET_VALUE) {
        microkit_dbg_puts("snoop: TEST_FAIL: read another PD's secret\n");
    }
    survived();
}

void notified(microkit_channel ch)
{
    (void)ch;
}
