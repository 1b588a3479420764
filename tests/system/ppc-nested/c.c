/* The end of the chain: checks b's message and replies with 120 MRs. */
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
    verdict("c", ch == 4 && check(msginfo, 0xbc, B_TO_C), "call from b");
    fill(C_TO_B);
    return microkit_msginfo_new(0xcb, ALL_MRS);
}
