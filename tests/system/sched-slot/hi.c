/*
 * Priority 50, woken by a (which it preempts). Round 1: nothing more.
 * Round 2: wakes top (which preempts hi while a is aside), then mid.
 * Round 3: mid (ready above a while a is aside), then top. Round 4: mid
 * only, so that hi's wait must choose between a and mid.
 */
#include <microkit.h>

#define A 0
#define TOP 1
#define MID 2

static unsigned round;

static void wake(microkit_channel ch, const char *what)
{
    microkit_notify(ch);
    microkit_dbg_puts(what);
}

void init(void)
{
}

void notified(microkit_channel ch)
{
    if (ch != A) {
        microkit_dbg_puts("hi: TEST_FAIL unexpected notification\n");
        return;
    }
    round++;
    microkit_dbg_puts("hi: round ");
    microkit_dbg_put32(round);
    microkit_dbg_puts("\n");
    if (round == 2) {
        wake(TOP, "hi: after top\n");
        wake(MID, "hi: after mid\n");
    } else if (round == 3) {
        wake(MID, "hi: after mid\n");
        wake(TOP, "hi: after top\n");
    } else if (round == 4) {
        wake(MID, "hi: after mid\n");
    }
}
