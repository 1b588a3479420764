/*
 * PL011 console output. The kernel owns the UART; PDs reach it through
 * MK_SYS_PUTC. Release builds print nothing at all.
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
