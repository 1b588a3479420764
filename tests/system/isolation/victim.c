/* Keeps a secret in its own region, which only observer may read. */
#include <microkit.h>
#include "attack.h"

uintptr_t secret;

void init(void)
{
    *(volatile seL4_Word *)secret = SECRET_VALUE;
    announce("secret stored");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
