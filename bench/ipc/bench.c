/*
 * The measuring PD. Each figure is taken three times to show it is stable,
 * and every reply and delivery is checked: a kernel fast path that skipped
 * work would print "bench: FAIL" (run-ipc.sh then fails).
 *   ppcall round trip: microkit_ppcall() with n message registers to an
 *                      active server (peer.c answers n registers, checked);
 *                      n = 0, 1, 8, 64, 120; then n = 1 to a passive server
 *   notify round trip: microkit_notify() to a higher-priority PD whose
 *                      notified() notifies back, until our notified() has
 *                      seen every expected id: one (pong), or all 62 when
 *                      this PD has id 0 (the fan-out system)
 *   IRQ latency:       measured by irq.c, which this PD starts twice: once
 *                      with the system idle, once while this PD spins
 * Loop overhead (a counter read, a compare, a branch) is included. What
 * runs depends on the channels this PD has: one program for every
 * benchmark system (bench.mk).
 */
#include <microkit.h>
#include "counter.h"

#define CH_FAN     0 /* fan-out system: notifying id 0 makes the peer notify back on all 62 */
#define CH_SERVER  1
#define CH_PONG    2
#define CH_PASSIVE 3
#define CH_IRQ     4
#define ROUNDS 3
#ifndef OPS
#define OPS 10000
#endif
#define SPIN_TICKS 400000 /* the busy phase of the IRQ figure: long enough for irq.c's rounds */

static seL4_Word notify_seen, notify_expect, notify_count, notify_start, notify_round;
static microkit_channel notify_ch;
static unsigned irq_phase;
static bool notifying;

static inline __attribute__((always_inline)) void bench_ppcall(const char *name, microkit_channel ch,
                                                              seL4_Uint16 n)
{
    seL4_Word want = n ? microkit_msginfo_new(0, n).words[0] : microkit_msginfo_new(7, 0).words[0];

    for (int r = 0; r < ROUNDS; r++) {
        seL4_Word t0 = counter();
        for (seL4_Word i = 0; i < OPS; i++) {
            if (n) {
                microkit_mr_set(0, i);
                if (n > 1)
                    microkit_mr_set((seL4_Uint8)(n - 1), i);
            }
            microkit_msginfo tag = microkit_ppcall(ch, microkit_msginfo_new(0, n));
            if (__builtin_expect(tag.words[0] != want, 0) ||
                (n && __builtin_expect(microkit_mr_get(0) != i + 1, 0)) ||
                (n > 1 && __builtin_expect(microkit_mr_get((seL4_Uint8)(n - 1)) != i + 2, 0))) {
                bench_fail(name, i);
                return;
            }
        }
        report(name, counter() - t0, OPS);
    }
}

static void finish(void)
{
    microkit_dbg_puts("bench: done\n");
}

/* Start the IRQ figure (irq.c): phase 1 idle, phase 2 while this PD spins. */
static __attribute__((noinline)) void irq_next(void)
{
    irq_phase++;
    if (irq_phase == 1) {
        microkit_notify(CH_IRQ); /* irq.c measures while we wait: the system idles */
    } else if (irq_phase == 2) {
        microkit_notify(CH_IRQ);
        seL4_Word end = counter() + SPIN_TICKS;
        while (counter() < end)
            ; /* irq.c's timer interrupts this */
    } else {
        finish();
    }
}

static __attribute__((noinline)) void notify_round_done(void)
{
    report("notify round trip", counter() - notify_start, OPS);
    notify_count = 0;
    if (++notify_round < ROUNDS) {
        notify_start = counter();
        microkit_notify(notify_ch);
        return;
    }
    notifying = false;
    if (microkit_notifications & (1ULL << CH_IRQ))
        irq_next();
    else
        finish();
}

void init(void)
{
    if (microkit_pps & (1ULL << CH_SERVER)) {
        bench_ppcall("ppcall round trip", CH_SERVER, 1);
    }
    if (microkit_pps & (1ULL << CH_PASSIVE)) { /* the main system: the curves too */
        bench_ppcall("ppcall round trip, 0 MRs", CH_SERVER, 0);
        bench_ppcall("ppcall round trip, 8 MRs", CH_SERVER, 8);
        bench_ppcall("ppcall round trip, 64 MRs", CH_SERVER, 64);
        bench_ppcall("ppcall round trip, 120 MRs", CH_SERVER, 120);
    }
    if (microkit_pps & (1ULL << CH_PASSIVE))
        bench_ppcall("ppcall round trip, passive server", CH_PASSIVE, 1);
    if (microkit_notifications & (1ULL << CH_FAN)) {
        notify_ch = CH_FAN; /* the peer answers on every id we share */
        notify_expect = microkit_notifications;
    } else if (microkit_notifications & (1ULL << CH_PONG)) {
        notify_ch = CH_PONG;
        notify_expect = 1ULL << CH_PONG;
    } else {
        finish();
        return;
    }
    notifying = true;
    notify_start = counter();
    microkit_notify(notify_ch);
}

void notified(microkit_channel ch)
{
    if (__builtin_expect(notifying, 1)) {
        notify_seen |= 1ULL << ch;
        if (notify_seen != notify_expect)
            return; /* fan-out: more to come in this round */
        notify_seen = 0;
        if (__builtin_expect(++notify_count < OPS, 1)) {
            microkit_notify(notify_ch);
            return;
        }
        notify_round_done();
        return;
    }
    if (ch == CH_IRQ)
        irq_next();
    else
        bench_fail("unexpected notification on id", ch);
}
