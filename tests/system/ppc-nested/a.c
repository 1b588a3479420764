/* Starts the chain and checks the 120-MR reply. */
#include <microkit.h>
#include "msg.h"

void init(void)
{
    fill(A_TO_B);
    microkit_dbg_puts("a: calling b\n");
    microkit_msginfo reply = microkit_ppcall(1, microkit_msginfo_new(0xab, ALL_MRS));
    verdict("a", check(reply, 0xba, B_TO_A), "reply from b");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
