/* Runs only when every other PD is blocked: low is then queued on server. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("z: low is waiting; waking high1, high2\n");
    microkit_notify(1);
    microkit_notify(2);
    microkit_notify(3);
}

void notified(microkit_channel ch)
{
    (void)ch;
}
