/*
 * The subset of libsel4 that Microkit programs use (docs/libmicrokit.md, "The libsel4 subset"), as thin
 * wrappers over Minikit's own kernel ABI. Source compatible, not binary
 * compatible: there are no capabilities behind the seL4 names.
 */
#ifndef SEL4_SEL4_H
#define SEL4_SEL4_H

#include <kernel/gen_config.h>
#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/messageinfo.h>
#include <sel4/ipcbuffer.h>
#include <sel4/syscalls.h>
#include <sel4/handles.h>
#include <sel4/ipc.h>
#include <sel4/invocations.h>

#ifdef CONFIG_PRINTING
/* One character to the kernel's debug console (debug builds only, as in seL4). */
static inline void seL4_DebugPutChar(char c)
{
    mk_sys_putc(c);
}
#endif

#endif
