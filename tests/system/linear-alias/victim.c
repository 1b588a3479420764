/*
 * Puts a secret in its private region, and code that returns it: if any
 * other PD can run that code or read the word, isolation is broken.
 */
#include <microkit.h>
#include "runner-info.h"

uintptr_t secret;
uintptr_t info;

#define SECRET 0x5ec7e7ULL

void init(void)
{
    volatile seL4_Uint32 *code = (volatile seL4_Uint32 *)secret;
    volatile seL4_Word *data = (volatile seL4_Word *)(secret + 0x800);

    /* movz x0, #0x7e7; movk x0, #0x5ec, lsl #16; ret */
    code[0] = 0xd2800000u | ((SECRET & 0xffff) << 5);
    code[1] = 0xf2a00000u | ((SECRET >> 16) << 5);
    code[2] = 0xd65f03c0u;
    *data = SECRET;
    __asm__ volatile("dc cvau, %0; dsb ish; ic ivau, %0; dsb ish; isb" :: "r"(secret) : "memory");
    ((volatile struct info *)info)->secret = SECRET;
    microkit_dbg_puts("victim: secret and code stored\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
