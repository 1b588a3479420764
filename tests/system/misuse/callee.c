/* Echoes the count of each call; only abuser's channel 2 may reach it. */
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("callee: notified on ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    seL4_Word count = microkit_msginfo_get_count(msginfo);

    if (ch != 2) {
        microkit_dbg_puts("callee: TEST_FAIL: called on a channel without pp\n");
    }
    if (count > seL4_MsgMaxLength) {
        microkit_dbg_puts("callee: TEST_FAIL: a message longer than 120 MRs arrived\n");
        count = seL4_MsgMaxLength;
    }
    return microkit_msginfo_new(0, count);
}
