/*
 * A PL011 driver PD. It maps the UART the debug kernel also prints on
 * (0x9000000) and takes its receive interrupt (IRQ 33): received bytes go
 * to the client through the rx queue, the client's bytes in the tx queue go
 * out. The kernel's own output keeps working beside it.
 */
#include <microkit.h>
#include "queue.h"

#define UART_IRQ 0 /* ids in serial-driver.system */
#define CLIENT   1

#define DR   0x00
#define FR   0x18
#define CR   0x30
#define IMSC 0x38
#define ICR  0x44

#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define CR_UARTEN (1u << 0)
#define CR_TXE    (1u << 8)
#define CR_RXE    (1u << 9)
#define INT_RX (1u << 4) /* FIFO above its level */
#define INT_RT (1u << 6) /* receive timeout: bytes waiting below the level */

seL4_Word uart_base, rx_queue, tx_queue; /* setvar_vaddr */

static volatile seL4_Uint32 *reg(unsigned off)
{
    return (volatile seL4_Uint32 *)(uart_base + off);
}

static void put_raw(char c)
{
    while (*reg(FR) & FR_TXFF) {
    }
    *reg(DR) = (seL4_Uint8)c;
}

static void put_str(const char *s)
{
    while (*s) {
        put_raw(*s++);
    }
}

void init(void)
{
    *reg(CR) |= CR_UARTEN | CR_TXE | CR_RXE;
    *reg(ICR) = 0x7ff;
    *reg(IMSC) = INT_RX | INT_RT;
    /* Written by the driver itself, straight to the data register. */
    put_str("serial: ready\n");
}

static void receive(void)
{
    struct queue *rx = (struct queue *)rx_queue;
    bool got = false;

    while (!(*reg(FR) & FR_RXFE)) {
        char c = (char)(*reg(DR) & 0xff);
        if (!queue_put(rx, c)) {
            put_str("serial: TEST_FAIL: rx queue full\n");
        }
        got = true;
    }
    *reg(ICR) = INT_RX | INT_RT;
    microkit_irq_ack(UART_IRQ);
    if (got) {
        microkit_notify(CLIENT);
    }
}

static void transmit(void)
{
    struct queue *tx = (struct queue *)tx_queue;
    char c;

    while (queue_get(tx, &c)) {
        put_raw(c);
    }
}

void notified(microkit_channel ch)
{
    if (ch == UART_IRQ) {
        receive();
    } else if (ch == CLIENT) {
        transmit();
    }
}
