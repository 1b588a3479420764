/* Shared between parent and nofp: where nofp's FP instruction is. */
#ifndef INFO_H
#define INFO_H

#include <microkit.h>

#define NOFP_CHILD 1

struct info {
    seL4_Word fp_pc;
};

#endif
