/*
 * PL011 console output, for the kernel's messages and MK_SYS_PUTC. Release
 * builds print nothing at all.
 *
 * The kernel does not own the UART: as on seL4 a PD may map it and bind its
 * IRQ (a serial driver). The kernel only ever waits for room in the transmit
 * FIFO and writes the data register; it never reads, configures, or takes
 * the UART's interrupt. So a driver PD gets every received byte, and the
 * kernel's output and the driver's interleave character by character (a
 * kernel line can land inside a line the driver is sending). A driver that
 * disables or reprograms the UART changes the kernel's output too.
 */
#include "kernel.h"
#include "memlayout.h"

#define UART_DR 0x00
#define UART_FR 0x18
#define FR_TXFF (1u << 5)

void plat_putc(char c)
{
#ifdef MK_CONFIG_PRINTING
    volatile uint32_t *uart = PA_TO_KVA(UART_PA);

    while (uart[UART_FR / 4] & FR_TXFF)
        ;
    uart[UART_DR / 4] = (uint8_t)c;
#else
    (void)c;
#endif
}
