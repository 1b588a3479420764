/*
 * What a seL4_CPtr means on Minikit. The kernel has no capabilities: the
 * raw seL4 calls (sel4/ipc.h, sel4/invocations.h) decode a handle into the
 * kind of object and the id the kernel knows it by, and pass only the id.
 *
 * The numbers are upstream Microkit's cap-slot layout, so code that builds
 * handles the upstream way (BASE_OUTPUT_NOTIFICATION_CAP + ch, ...) gets
 * handles that work here. microkit.h exports them under the upstream names.
 * Each BASE is a block of 64 handles indexed by id; ids 62 and 63 of a
 * block name nothing, like ids outside any block.
 */
#ifndef SEL4_HANDLES_H
#define SEL4_HANDLES_H

#include <sel4/types.h>

#define MK_HANDLE_INPUT       1 /* the PD's endpoint: what it waits on */
#define MK_HANDLE_VSPACE      3 /* the PD's own address space: the VSpace cache invocations */
#define MK_HANDLE_REPLY       4 /* the PD's reply object: whom it serves */
#define MK_HANDLE_MONITOR     5
#define MK_HANDLE_OWN_TCB     6
#define MK_HANDLE_SMC         7
#define MK_HANDLE_NOTIFY_BASE 10  /* + channel id: notify the peer */
#define MK_HANDLE_PPC_BASE    74  /* + channel id: PPC into the peer */
#define MK_HANDLE_IRQ_BASE    138 /* + IRQ id: acknowledge it */
#define MK_HANDLE_CHILD_BASE  202 /* + child id: the child's TCB */
#define MK_HANDLE_VM_TCB_BASE 266
#define MK_HANDLE_VCPU_BASE   330
#define MK_HANDLE_IOPORT_BASE 394

#define MK_HANDLE_BLOCK 64
#define MK_HANDLE_IDS   62 /* ids 0..61, as the kernel's MK_MAX_IDS */

/*
 * True if handle h lies in the block starting at base and names a valid id,
 * which it stores in *id. One subtraction and one compare; with a constant
 * offset from a checked id the compiler folds both away.
 */
static inline seL4_Bool mk_handle_id(seL4_CPtr h, seL4_CPtr base, seL4_Word *id)
{
    *id = h - base;
    return *id < MK_HANDLE_IDS;
}

/*
 * Fault the PD with a store to address err (never mapped): its fault
 * handler sees a VM fault whose address is the seL4_Error. The empty asm
 * hides the constant address from GCC, which otherwise rejects the store
 * at -O2 and above (-Warray-bounds on small constant pointers).
 */
static inline void mk_fault_at(seL4_Error err)
{
    seL4_Word addr = (seL4_Word)err;

    __asm__("" : "+r"(addr));
    *(volatile seL4_Word *)addr = 0;
}

#endif
