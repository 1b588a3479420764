/* Domain b: runs only in b's slots, where the hog must not run. Prints for mid too. */
#include "spin.h"

void init(void)
{
    volatile struct share *s = (volatile struct share *)shared;

    spin_until_resumed(RESUMPTIONS);
    while (!s->mid_done)
        ;
    microkit_dbg_puts("low: ran again and again in domain b's slots: TEST_PASS\n");
    microkit_dbg_puts("low: mid ran again and again while the hog was parked on its budget: TEST_PASS\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
