/* What sender and receiver share: the times of their notifications. */
#ifndef SHARE_H
#define SHARE_H

#include "../domains-order/clock.h"

#define PEER 1 /* the channel's id at both ends */

struct share {
    seL4_Word t_notify; /* when sender notified receiver */
    seL4_Word t_back;   /* when receiver notified sender back */
};

uintptr_t shared;
#define SHARE ((volatile struct share *)shared)

#endif
