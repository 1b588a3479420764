/*
 * Counts every worker's steps: each must arrive in sequence, and at the end
 * every worker must have made the same number of steps as w0.
 */
#include <microkit.h>
#include "stress.h"

static seL4_Word steps[WORKERS];
static seL4_Word total;
static bool failed;

static void fail(const char *what, microkit_channel worker)
{
    microkit_dbg_puts("hub: TEST_FAIL: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts(" (worker ");
    microkit_dbg_put32(worker);
    microkit_dbg_puts(")\n");
    failed = true;
}

static void finish(seL4_Word rounds)
{
    for (microkit_channel w = 0; w < WORKERS; w++) {
        if (steps[w] != rounds) {
            fail("a worker missed steps", w);
        }
    }
    /* Every step is one notification and one PPC. */
    microkit_dbg_puts("hub: ");
    microkit_dbg_put32(total);
    microkit_dbg_puts(" steps, ");
    microkit_dbg_put32(2 * total);
    microkit_dbg_puts(" events\n");
    if (!failed) {
        microkit_dbg_puts("hub: TEST_PASS\n");
    }
}

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    seL4_Word label = microkit_msginfo_get_label(msginfo);

    if (ch >= WORKERS || microkit_msginfo_get_count(msginfo) != 1) {
        fail("bad call", ch);
        return microkit_msginfo_new(1, 0);
    }
    if (label == LABEL_DONE) {
        finish(microkit_mr_get(0));
        return microkit_msginfo_new(0, 0);
    }
    if (label != LABEL_STEP || microkit_mr_get(0) != steps[ch] + 1) {
        fail("step out of sequence", ch);
        return microkit_msginfo_new(1, 0);
    }
    steps[ch]++;
    total++;
    return microkit_msginfo_new(0, 0);
}
