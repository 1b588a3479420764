/* Signals the receiver's ids 9, 3, 3, 5, 9 before the receiver can run. */
#include <microkit.h>

void init(void)
{
    microkit_notify(0); /* receiver id 9 */
    microkit_notify(1); /* receiver id 3 */
    microkit_notify(1);
    microkit_notify(2); /* receiver id 5 */
    microkit_notify(0);
    microkit_dbg_puts("sender: signalled 9, 3, 3, 5, 9\n");
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("sender: deferred notification arrived on ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
}
