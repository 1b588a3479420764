/*
 * Counts notified() calls per id: coalescing means one each. After the last
 * (highest) id it answers with a deferred notification.
 */
#include <microkit.h>

static unsigned seen[MICROKIT_MAX_CHANNELS];
static microkit_channel last;

void init(void)
{
    microkit_dbg_puts("receiver: init\n");
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("receiver: notified ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
    if (++seen[ch] > 1) {
        microkit_dbg_puts("receiver: TEST_FAIL: id notified twice, signals did not coalesce\n");
    }
    if (ch < last) {
        microkit_dbg_puts("receiver: TEST_FAIL: ids not delivered in ascending order\n");
    }
    last = ch;
    if (ch == 9) {
        microkit_deferred_notify(9);
    }
}
