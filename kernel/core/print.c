/* Kernel console output: a small printf over the platform UART. */
#include <stdarg.h>
#include "kernel.h"

void kputs(const char *s)
{
    while (*s)
        plat_putc(*s++);
}

static void put_unsigned(u64 v, unsigned base, int width, char pad)
{
    char buf[24];
    int n = 0;

    do {
        buf[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while (n < width--)
        plat_putc(pad);
    while (n)
        plat_putc(buf[--n]);
}

/*
 * Supports %s %c %d %u %x %p with an optional zero-pad width and the l
 * length modifier (all integers are taken as 64-bit when 'l' is given), and
 * a precision for %s (%.64s: at most 64 characters, for a PD's name, which
 * the system table stores unterminated when it is 64 long).
 */
static void vkprintf(const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            plat_putc(*fmt);
            continue;
        }
        char pad = ' ';
        int width = 0, is_long = 0;
        unsigned long max = ~0UL;
        fmt++;
        if (*fmt == '0')
            pad = '0';
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        if (*fmt == '.')
            for (max = 0, fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
                max = max * 10 + (unsigned long)(*fmt - '0');
        while (*fmt == 'l') {
            is_long = 1;
            fmt++;
        }
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            for (s = s ? s : "(null)"; *s && max; s++, max--)
                plat_putc(*s);
            break;
        }
        case 'c':
            plat_putc((char)va_arg(ap, int));
            break;
        case 'd': {
            long v = is_long ? va_arg(ap, long) : va_arg(ap, int);
            if (v < 0) {
                plat_putc('-');
                v = -v;
            }
            put_unsigned((u64)v, 10, width, pad);
            break;
        }
        case 'u':
            put_unsigned(is_long ? va_arg(ap, u64) : va_arg(ap, unsigned), 10, width, pad);
            break;
        case 'x':
            put_unsigned(is_long ? va_arg(ap, u64) : va_arg(ap, unsigned), 16, width, pad);
            break;
        case 'p':
            kputs("0x");
            put_unsigned((u64)va_arg(ap, void *), 16, width, pad);
            break;
        case '%':
            plat_putc('%');
            break;
        default:
            plat_putc('?');
            break;
        }
    }
}

void kprintf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vkprintf(fmt, ap);
    va_end(ap);
}

void panic(const char *fmt, ...)
{
    va_list ap;
    int bad_table = *fmt == BAD_TABLE[0];

    kputs(bad_table ? "minikit| PANIC: system table: " : "minikit| PANIC: ");
    va_start(ap, fmt);
    vkprintf(fmt + bad_table, ap);
    va_end(ap);
    kputs("\n");
    plat_poweroff();
}
