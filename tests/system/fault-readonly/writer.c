/*
 * Reads the region it maps read-only (must work), then writes to it (must
 * fault: the kernel reports it and stops this PD only).
 */
#include <stdint.h>
#include <microkit.h>

uintptr_t shared_vaddr;

static void put_hex8(uint8_t x)
{
    microkit_dbg_puts("0x");
    microkit_dbg_putc("0123456789abcdef"[x >> 4]);
    microkit_dbg_putc("0123456789abcdef"[x & 0xf]);
}

void init(void)
{
    volatile uint8_t *shared = (volatile uint8_t *)shared_vaddr;

    microkit_dbg_puts("writer: reading the read-only region: ");
    put_hex8(shared[0]);
    microkit_dbg_puts("\n");
    microkit_dbg_puts("writer: writing to the read-only region\n");
    shared[0] = 0xff;
    microkit_dbg_puts("writer: the write did not fault\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
