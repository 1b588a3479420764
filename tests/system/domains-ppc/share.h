/* Channel ids and the servers' record of when they served. */
#ifndef SHARE_H
#define SHARE_H

#include "../domains-order/clock.h"

#define LOCAL   1 /* client's ids */
#define PASSIVE 2
#define ACTIVE  3
#define CLIENT  0 /* each server's id for the client */

uintptr_t shared;
#define SERVED ((volatile seL4_Word *)shared) /* [client's id]: when that server ran protected() */

#endif
