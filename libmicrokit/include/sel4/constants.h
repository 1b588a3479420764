/* seL4 constants that Microkit programs use (docs/libmicrokit.md, "The libsel4 subset"). */
#ifndef SEL4_CONSTANTS_H
#define SEL4_CONSTANTS_H

#include <minikit/abi.h>

#define seL4_CapNull 0

#define seL4_WordBits        64
#define seL4_PageBits        12
#define seL4_LargePageBits   21
#define seL4_HugePageBits    30
#define seL4_IPCBufferSizeBits 10

#define seL4_MsgLengthBits    7
#define seL4_MsgExtraCapBits  2
#define seL4_MsgMaxExtraCaps  3
#define seL4_MsgMaxLength     MK_MSG_MAX_LENGTH
#define seL4_FastMessageRegisters 4

/* Last user virtual address; the IPC buffer is the page that ends here. */
#define seL4_UserVSpaceTop 0xffffffffffULL
#define seL4_UserTop       seL4_UserVSpaceTop

/* Fault types: the label of the message a fault handler receives. */
typedef enum {
    seL4_Fault_NullFault = 0,
    seL4_Fault_CapFault,
    seL4_Fault_UnknownSyscall,
    seL4_Fault_UserException,
    seL4_Fault_DebugException,
    seL4_Fault_Timeout,
    seL4_Fault_VMFault,
    seL4_Fault_VGICMaintenance,
    seL4_Fault_VCPUFault,
    seL4_Fault_VPPIEvent
} seL4_FaultType;

/* Message registers of a VM fault. */
enum {
    seL4_VMFault_IP,
    seL4_VMFault_Addr,
    seL4_VMFault_PrefetchFault,
    seL4_VMFault_FSR,
    seL4_VMFault_Length
};

/* Message registers of a user exception. */
enum {
    seL4_UserException_FaultIP,
    seL4_UserException_SP,
    seL4_UserException_SPSR,
    seL4_UserException_Number,
    seL4_UserException_Code,
    seL4_UserException_Length
};

#define seL4_DataFault        0
#define seL4_InstructionFault 1

enum {
    seL4_NoFailure = 0,
    seL4_InvalidRoot,
    seL4_MissingCapability,
    seL4_DepthMismatch,
    seL4_GuardMismatch
};

/*
 * The invocation label a deferred IRQ acknowledgement carries. Minikit's
 * event loop hands a deferred request's label to the kernel as the deferred
 * operation, so this is the kernel's code for "ack".
 */
#define IRQAckIRQ MK_DEFER_IRQ_ACK

#endif
