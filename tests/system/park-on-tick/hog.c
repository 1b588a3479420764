/* Priority 254, 1000 us every 2000 us, domain a: spins forever. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("hog: spinning forever\n");
    for (;;)
        ;
}

void notified(microkit_channel ch)
{
    (void)ch;
}
