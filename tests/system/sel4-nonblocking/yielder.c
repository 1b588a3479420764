/* Two PDs of one priority: each seL4_Yield hands the CPU to the other. */
#include <microkit.h>

void init(void)
{
    for (int i = 1; i <= 3; i++) {
        microkit_dbg_puts(microkit_name);
        microkit_dbg_puts(": turn ");
        microkit_dbg_put32(i);
        microkit_dbg_puts("\n");
        seL4_Yield();
    }
}

void notified(microkit_channel ch)
{
    (void)ch;
}
