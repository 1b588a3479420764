#ifndef SHARE_H
#define SHARE_H

#include "counter.h"

#define A_CALL_US 1000
#define B_CALL_US 2000

struct share {
    seL4_Word b_start, b_end; /* counter ticks, set by the server around b's call */
};

uintptr_t shared;

#endif
