/* Domain a, below the hog: runs only while the hog is parked on its budget. */
#include "spin.h"

void init(void)
{
    spin_until_resumed(RESUMPTIONS);
    ((volatile struct share *)shared)->mid_done = 1; /* low prints it */
}

void notified(microkit_channel ch)
{
    (void)ch;
}
