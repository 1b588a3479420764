#ifndef SHARE_H
#define SHARE_H

#include "counter.h"

#define WORK_US 2000

struct share {
    seL4_Word faulted;              /* set by the child before its one fault */
    seL4_Word work_start, work_end; /* counter ticks, set by the parent around its work after the restart */
};

uintptr_t shared;

#endif
