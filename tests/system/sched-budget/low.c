/* Priority 100: runs only while timed is out of budget. */
#include "share.h"

void init(void)
{
    measure(LOW);
}

void notified(microkit_channel ch)
{
    (void)ch;
}
