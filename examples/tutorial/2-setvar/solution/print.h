/* Console helpers for the example: libmicrokit only prints decimals. */
#ifndef PRINT_H
#define PRINT_H

#include <stdint.h>
#include <microkit.h>

static inline void put_hex(uint64_t x)
{
    char digits[16];
    int n = 0;

    do {
        digits[n++] = "0123456789abcdef"[x & 0xf];
        x >>= 4;
    } while (x != 0);
    microkit_dbg_puts("0x");
    while (n > 0) {
        microkit_dbg_putc(digits[--n]);
    }
}

/* "<prefix><0xvalue>\n" */
static inline void put_line_hex(const char *prefix, uint64_t value)
{
    microkit_dbg_puts(prefix);
    put_hex(value);
    microkit_dbg_puts("\n");
}

#endif
