/* Shared between parent and its children: where each child faults. */
#ifndef INFO_H
#define INFO_H

#include <microkit.h>

#define UNDEF_CHILD  1
#define BADSYS_CHILD 2

#define BAD_SYSCALL   99
#define MARKER_X0     0xa0   /* badsys sets xi = MARKER_X0 + i, i = 0..7 */
#define MARKER_LR     0x1e00 /* and x30 = MARKER_LR */

struct info {
    seL4_Word undef_pc; /* address of undef's undefined instruction */
    seL4_Word svc_pc;   /* address of badsys's svc */
};

#endif
