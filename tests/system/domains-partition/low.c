/*
 * Priority 1 in domain b: it must run although the hog of domain a never
 * stops. It spins through 5 of its slots, timing each stretch of CPU it
 * gets: no stretch may be longer than b's 1000 us (it never runs in a's
 * time) and consecutive ones start one 2000 us cycle apart.
 */
#include "../domains-order/clock.h"

#define SLOTS 5

void init(void)
{
    seL4_Word start[SLOTS], end[SLOTS], prev = now(), c;
    unsigned n = 0;

    microkit_dbg_puts("low: running beside the hog\n");
    start[0] = prev;
    while (n < SLOTS) {
        c = now();
        if (us(c - prev) > 50) { /* was off the CPU: a new slot */
            end[n++] = prev;
            if (n < SLOTS)
                start[n] = c;
        }
        prev = c;
    }
    for (unsigned i = 1; i < SLOTS; i++) {
        if (us(end[i] - start[i]) > 1030 || us(end[i] - start[i]) < 970) {
            put_us("low: TEST_FAIL: a stretch of ", end[i] - start[i], " us, not b's 1000 us\n");
            return;
        }
        if (us(start[i] - start[i - 1]) < 1970 || us(start[i] - start[i - 1]) > 2030) {
            put_us("low: TEST_FAIL: stretches ", start[i] - start[i - 1], " us apart, not one 2000 us cycle\n");
            return;
        }
    }
    microkit_dbg_puts("low: ran in 5 of b's slots, 1000 us each, while the hog spun\n");
    microkit_dbg_puts("low: TEST_PASS\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
