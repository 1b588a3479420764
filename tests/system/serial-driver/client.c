/*
 * The serial driver's client: collects received bytes into lines and, for
 * each line, sends "client got: LINE" back out through the driver. It also
 * says, through the kernel's debug console, that a line arrived.
 */
#include <microkit.h>
#include "queue.h"

#define SERIAL 0

seL4_Word rx_queue, tx_queue; /* setvar_vaddr */

static char line[128];
static unsigned len, lines;

static void send(const char *s)
{
    while (*s) {
        if (!queue_put((struct queue *)tx_queue, *s++)) {
            microkit_dbg_puts("client: TEST_FAIL: tx queue full\n");
        }
    }
}

void init(void)
{
}

void notified(microkit_channel ch)
{
    char c;

    if (ch != SERIAL) {
        return;
    }
    while (queue_get((struct queue *)rx_queue, &c)) {
        if (c == '\r' || c == '\n') {
            if (len == 0) {
                continue;
            }
            line[len] = '\0';
            send("client got: ");
            send(line);
            send("\n");
            microkit_notify(SERIAL);
            len = 0;
            lines++;
            microkit_dbg_puts("client: line ");
            microkit_dbg_put32(lines);
            microkit_dbg_puts(" (through the kernel's console)\n");
        } else if (len < sizeof(line) - 1) {
            line[len++] = c;
        }
    }
}
