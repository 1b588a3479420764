/* What the child tells its parent through the shared "info" region. */
#ifndef INFO_H
#define INFO_H

#include <microkit.h>

#define BAD_ADDRESS 0x100008 /* below the program image: never mapped */

struct info {
    seL4_Word run;      /* how many times the child's init() has started */
    seL4_Word fault_pc; /* address of the child's faulting store */
};

#endif
