/*
 * Lower priority than the writer, so this runs only once the writer has
 * faulted. It uses its own (writable) mapping of the region and the channel
 * to the stopped writer, and shows it is unaffected.
 */
#include <stdint.h>
#include <microkit.h>

#define WRITER_CHANNEL 2

uintptr_t shared_vaddr;

void init(void)
{
    volatile uint8_t *shared = (volatile uint8_t *)shared_vaddr;

    shared[0] = 0x5a;
    if (shared[0] != 0x5a) {
        microkit_dbg_puts("observer: TEST_FAIL: the writable mapping does not keep a write\n");
        return;
    }
    /* The writer is stopped; the notification just stays pending. */
    microkit_notify(WRITER_CHANNEL);
    microkit_dbg_puts("observer: still running after the fault\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
