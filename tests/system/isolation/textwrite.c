/* Writes to its own program text, which is mapped read-execute: must fault. */
#include <microkit.h>
#include "attack.h"

#define TEXT_START 0x200000

void init(void)
{
    announce("writing to its own text");
    *(volatile seL4_Word *)TEXT_START = 0;
    survived();
}

void notified(microkit_channel ch)
{
    (void)ch;
}
