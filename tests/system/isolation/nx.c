/* Copies a "ret" into a mapping without "x" and calls it. */
#include <microkit.h>
#include "attack.h"

#define RET_INSTRUCTION 0xd65f03c0u

uintptr_t code;

void init(void)
{
    /* No cache maintenance needed: the fetch must fault on the permission check. */
    *(volatile uint32_t *)code = RET_INSTRUCTION;
    announce("jumping into a non-executable mapping");
    ((void (*)(void))code)();
    survived();
}

void notified(microkit_channel ch)
{
    (void)ch;
}
