#ifndef SHARE_H
#define SHARE_H

#include "counter.h"

#define CALL_MS 2

struct share {
    seL4_Word call_start, call_end; /* counter ticks, set by the server */
};

uintptr_t shared;

#endif
