/* A passive server: MR0 + 5. */
#pragma GCC target("general-regs-only")
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    (void)ch;
    microkit_mr_set(0, microkit_mr_get(0) + 5);
    return microkit_msginfo_new(0, microkit_msginfo_get_count(msginfo));
}
