/* The few C library routines the kernel (and the compiler) needs. */
#include "kernel.h"

void *memcpy(void *d, const void *s, size_t n)
{
    u8 *dp = d;
    const u8 *sp = s;

    while (n--)
        *dp++ = *sp++;
    return d;
}

void *memset(void *d, int c, size_t n)
{
    u8 *dp = d;

    while (n--)
        *dp++ = (u8)c;
    return d;
}
