#pragma GCC target("general-regs-only")
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts(ch == 4 ? "mid: notified\n" : "mid: TEST_FAIL: wrong id\n");
}
