/* Passive: doubles MR 0 for its caller and counts notifications. */
#include <microkit.h>

void init(void)
{
    microkit_dbg_puts("server: init (passive: ");
    microkit_dbg_puts(microkit_passive ? "yes" : "no");
    microkit_dbg_puts(")\n");
}

void notified(microkit_channel ch)
{
    microkit_dbg_puts("server: notified on ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
    microkit_notify(ch);
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    microkit_dbg_puts("server: called on ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
    microkit_mr_set(0, microkit_mr_get(0) * 2);
    return microkit_msginfo_new(microkit_msginfo_get_label(msginfo) + 1, 1);
}
