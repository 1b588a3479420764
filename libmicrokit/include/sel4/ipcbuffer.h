/*
 * The IPC buffer: one page at the top of every PD's address space (docs/concepts.md,
 * "Memory regions and maps"). Message registers live here, never in CPU registers: the kernel
 * copies msg[0 .. length) between the sender's and the receiver's buffers.
 */
#ifndef SEL4_IPCBUFFER_H
#define SEL4_IPCBUFFER_H

#include <sel4/types.h>
#include <sel4/constants.h>
#include <sel4/messageinfo.h>

typedef struct seL4_IPCBuffer_ {
    seL4_MessageInfo_t tag;
    seL4_Word msg[seL4_MsgMaxLength];
    seL4_Word userData;
    seL4_Word caps_or_badges[seL4_MsgMaxExtraCaps];
    seL4_CPtr receiveCNode;
    seL4_CPtr receiveIndex;
    seL4_Word receiveDepth;
} seL4_IPCBuffer __attribute__((aligned(1 << seL4_IPCBufferSizeBits)));

/* Defined in libmicrokit: the top page of the user address space. */
extern seL4_IPCBuffer *__sel4_ipc_buffer;

static inline seL4_IPCBuffer *seL4_GetIPCBuffer(void)
{
    return __sel4_ipc_buffer;
}

static inline seL4_Word seL4_GetMR(int i)
{
    return seL4_GetIPCBuffer()->msg[i];
}

static inline void seL4_SetMR(int i, seL4_Word value)
{
    seL4_GetIPCBuffer()->msg[i] = value;
}

#endif
