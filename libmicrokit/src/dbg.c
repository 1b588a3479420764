/*
 * Debug console output. The debug configuration (CONFIG_PRINTING) has a
 * console, and so does Minikit's benchmark configuration (MK_DBG_PRINTING,
 * set by libmicrokit.mk), whose benchmarks print their figures; upstream's
 * benchmark kernel has no console. In release these functions exist but
 * compile to nothing, as upstream.
 */
#include <microkit.h>

#ifdef MK_DBG_PRINTING

void microkit_dbg_putc(int c)
{
    mk_sys_putc((char)c);
}

void microkit_dbg_puts(const char *s)
{
    while (*s) {
        microkit_dbg_putc(*s++);
    }
}

static void put_decimal(seL4_Uint32 x)
{
    char digits[10];
    int n = 0;

    do {
        digits[n++] = (char)('0' + x % 10);
        x /= 10;
    } while (x != 0);
    while (n > 0) {
        microkit_dbg_putc(digits[--n]);
    }
}

void microkit_dbg_put8(seL4_Uint8 x)
{
    put_decimal(x);
}

void microkit_dbg_put32(seL4_Uint32 x)
{
    put_decimal(x);
}

#else

void microkit_dbg_putc(int c)
{
    (void)c;
}

void microkit_dbg_puts(const char *s)
{
    (void)s;
}

void microkit_dbg_put8(seL4_Uint8 x)
{
    (void)x;
}

void microkit_dbg_put32(seL4_Uint32 x)
{
    (void)x;
}

#endif
