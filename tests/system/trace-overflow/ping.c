/* Notifies pong, which notifies back, 3000 times. */
#include <microkit.h>

#define ROUNDS 3000
static unsigned rounds;

void init(void)
{
    microkit_notify(1);
}

void notified(microkit_channel ch)
{
    (void)ch;
    if (++rounds < ROUNDS) {
        microkit_notify(1);
        return;
    }
    microkit_dbg_puts("ping: 3000 round trips done\n");
}
