/*
 * The other end of every benchmark (server, passive_server, pong, fillers).
 *   protected(): answers a call of n message registers with n registers:
 *                MR0 + 1, and MR[n-1] + 2 (n > 1); with n = 0, label 7. The
 *                caller checks all of it, so a kernel that skipped the call
 *                or the copies would fail.
 *   notified(ch): notifies back on ch; notified on id 0, notifies back on
 *                every notification id it has at once (the fan-out figure).
 * The PD named "server" is the highest priority in every benchmark system,
 * so its init() runs first after boot: it prints the boot figure.
 */
#include <microkit.h>
#include "counter.h"

void init(void)
{
    const char *n = microkit_name;
    if (!(n[0] == 's' && n[1] == 'e' && n[2] == 'r' && n[3] == 'v' && n[4] == 'e' && n[5] == 'r' && !n[6]))
        return;
    seL4_Word t = counter();
    microkit_dbg_puts("bench: reset to first init(): ");
    put_u64(t * INSNS_PER_TICK);
    microkit_dbg_puts(" instructions\n");
}

void notified(microkit_channel ch)
{
    if (ch != 0) {
        microkit_notify(ch);
        return;
    }
    for (seL4_Word ids = microkit_notifications; ids; ids &= ids - 1)
        microkit_notify((microkit_channel)__builtin_ctzll(ids));
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    seL4_Word n = microkit_msginfo_get_count(msginfo);

    (void)ch;
    if (n == 0)
        return microkit_msginfo_new(7, 0);
    microkit_mr_set(0, microkit_mr_get(0) + 1);
    if (n > 1)
        microkit_mr_set((seL4_Uint8)(n - 1), microkit_mr_get((seL4_Uint8)(n - 1)) + 2);
    return microkit_msginfo_new(0, (seL4_Uint16)n);
}
