/*
 * seL4 scalar types, errors and object handle names, as Microkit programs
 * spell them (docs/libmicrokit.md, "The libsel4 subset"). Built from the compiler's own type macros so
 * the headers need no C library, not even <stdint.h>.
 */
#ifndef SEL4_TYPES_H
#define SEL4_TYPES_H

typedef __INT8_TYPE__   seL4_Int8;
typedef __INT16_TYPE__  seL4_Int16;
typedef __INT32_TYPE__  seL4_Int32;
typedef __INT64_TYPE__  seL4_Int64;
typedef __UINT8_TYPE__  seL4_Uint8;
typedef __UINT16_TYPE__ seL4_Uint16;
typedef __UINT32_TYPE__ seL4_Uint32;
typedef __UINT64_TYPE__ seL4_Uint64;

typedef seL4_Uint64 seL4_Word;
typedef seL4_Word   seL4_CPtr;

typedef seL4_Int8 seL4_Bool;
#define seL4_True  1
#define seL4_False 0

/* Handles: Minikit has no capabilities; sel4/handles.h says what the values mean. */
typedef seL4_CPtr seL4_TCB;
typedef seL4_CPtr seL4_IRQHandler;
typedef seL4_CPtr seL4_SchedContext;
typedef seL4_CPtr seL4_ARM_VSpace;
typedef seL4_CPtr seL4_ARM_SMC;
typedef seL4_CPtr seL4_ARM_VCPU;
typedef seL4_CPtr seL4_Notification;
typedef seL4_CPtr seL4_Endpoint;
typedef seL4_CPtr seL4_CNode;

typedef enum {
    seL4_NoError = 0,
    seL4_InvalidArgument,
    seL4_InvalidCapability,
    seL4_IllegalOperation,
    seL4_RangeError,
    seL4_AlignmentError,
    seL4_FailedLookup,
    seL4_TruncatedMessage,
    seL4_DeleteFirst,
    seL4_RevokeFirst,
    seL4_NotEnoughMemory,
    seL4_NumErrors
} seL4_Error;

/* Register frame of a thread, in seL4's AArch64 order (docs/libmicrokit.md, "The libsel4 subset"). */
typedef struct {
    seL4_Word pc, sp, spsr;
    seL4_Word x0, x1, x2, x3, x4, x5, x6, x7, x8;
    seL4_Word x16, x17, x18, x29, x30;
    seL4_Word x9, x10, x11, x12, x13, x14, x15;
    seL4_Word x19, x20, x21, x22, x23, x24, x25, x26, x27, x28;
    seL4_Word tpidr_el0, tpidrro_el0;
} seL4_UserContext;

typedef struct {
    seL4_Word x0, x1, x2, x3, x4, x5, x6, x7;
} seL4_ARM_SMCContext;

#endif
