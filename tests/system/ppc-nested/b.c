/* Checks a's message, calls c from inside protected(), then replies to a. */
#include <microkit.h>
#include "msg.h"

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    verdict("b", ch == 2 && check(msginfo, 0xab, A_TO_B), "call from a");
    fill(B_TO_C);
    microkit_dbg_puts("b: calling c from protected()\n");
    microkit_msginfo reply = microkit_ppcall(3, microkit_msginfo_new(0xbc, ALL_MRS));
    verdict("b", check(reply, 0xcb, C_TO_B), "reply from c");
    fill(B_TO_A);
    return microkit_msginfo_new(0xba, ALL_MRS);
}
