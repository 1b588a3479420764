/*
 * Faults in its first init() (so callers queue), then serves calls in the
 * order the kernel hands them over, printing each caller.
 */
#include <microkit.h>

static const char *const callers[] = { "?", "low", "high1", "high2" };
static bool started;
static unsigned served;

void init(void)
{
    if (!started) {
        started = true;
        microkit_dbg_puts("server: first init, faulting\n");
        *(volatile seL4_Word *)0x100000 = 0;
    }
    microkit_dbg_puts("server: init again, now waiting\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    (void)msginfo;
    microkit_dbg_puts("server: serving ");
    microkit_dbg_puts(ch < 4 ? callers[ch] : "?");
    microkit_dbg_puts("\n");
    return microkit_msginfo_new(++served, 0);
}
