/* Accepts PPCs but defines no protected(): libmicrokit's weak default runs. */
#include <microkit.h>

void init(void)
{
}

void notified(microkit_channel ch)
{
    (void)ch;
}
