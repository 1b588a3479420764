/*
 * The measuring PD. Each figure is taken three times to show it is stable.
 *   ppcall round trip: microkit_ppcall() to an active server whose protected()
 *                      does one MR read and write, back to the caller; then the
 *                      same to a passive server
 *   notify round trip: microkit_notify() to a higher-priority PD whose
 *                      notified() notifies back, until our notified() runs
 * Loop overhead (a counter read, a compare, a branch) is included.
 */
#include <microkit.h>
#include "counter.h"

#define CH_SERVER 1
#define CH_PONG 2
#define CH_PASSIVE 3
#define ROUNDS 3
#ifndef OPS
#define OPS 10000
#endif

static seL4_Word notify_count, notify_start, notify_round;

static void bench_ppcall(const char *name, microkit_channel ch)
{
    for (int r = 0; r < ROUNDS; r++) {
        seL4_Word t0 = counter();
        for (int i = 0; i < OPS; i++) {
            microkit_mr_set(0, i);
            microkit_ppcall(ch, microkit_msginfo_new(0, 1));
        }
        report(name, counter() - t0, OPS);
    }
}

void init(void)
{
    bench_ppcall("ppcall round trip", CH_SERVER);
    bench_ppcall("ppcall round trip, passive server", CH_PASSIVE);
    notify_start = counter();
    microkit_notify(CH_PONG);
}

void notified(microkit_channel ch)
{
    (void)ch;
    if (++notify_count < OPS) {
        microkit_notify(CH_PONG);
        return;
    }
    report("notify round trip", counter() - notify_start, OPS);
    notify_count = 0;
    if (++notify_round < ROUNDS) {
        notify_start = counter();
        microkit_notify(CH_PONG);
        return;
    }
    microkit_dbg_puts("bench: done\n");
}
