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

/* Message registers of an unknown syscall (on a vCPU: a guest HVC; seL4's AArch64 layout). */
enum {
    seL4_UnknownSyscall_X0,
    seL4_UnknownSyscall_X1,
    seL4_UnknownSyscall_X2,
    seL4_UnknownSyscall_X3,
    seL4_UnknownSyscall_X4,
    seL4_UnknownSyscall_X5,
    seL4_UnknownSyscall_X6,
    seL4_UnknownSyscall_X7,
    seL4_UnknownSyscall_FaultIP,
    seL4_UnknownSyscall_SP,
    seL4_UnknownSyscall_LR,
    seL4_UnknownSyscall_SPSR,
    seL4_UnknownSyscall_Syscall,
    seL4_UnknownSyscall_Length
};

/* Message register of a VGIC maintenance fault: the list register whose IRQ the guest EOI'd, or -1. */
enum {
    seL4_VGICMaintenance_IDX,
    seL4_VGICMaintenance_Length
};

/* Message register of a VCPU fault: ESR_EL2 of the trapped instruction (SMC, WFI/WFE, system register). */
enum {
    seL4_VCPUFault_HSR,
    seL4_VCPUFault_Length
};

/* Message register of a VPPI event: the PPI (27, the virtual timer), masked until seL4_ARM_VCPU_AckVPPI. */
enum {
    seL4_VPPIEvent_IRQ,
    seL4_VPPIEvent_Length
};

/* The EL1 system registers of a vCPU, for seL4_ARM_VCPU_ReadRegs / _WriteRegs (seL4's order). */
typedef enum {
    seL4_VCPUReg_SCTLR = 0,
    seL4_VCPUReg_TTBR0,
    seL4_VCPUReg_TTBR1,
    seL4_VCPUReg_TCR,
    seL4_VCPUReg_MAIR,
    seL4_VCPUReg_AMAIR,
    seL4_VCPUReg_CIDR,
    seL4_VCPUReg_ACTLR,
    seL4_VCPUReg_CPACR,
    seL4_VCPUReg_AFSR0,
    seL4_VCPUReg_AFSR1,
    seL4_VCPUReg_ESR,
    seL4_VCPUReg_FAR,
    seL4_VCPUReg_ISR,
    seL4_VCPUReg_VBAR,
    seL4_VCPUReg_TPIDR_EL1,
    seL4_VCPUReg_VMPIDR_EL2,
    seL4_VCPUReg_SP_EL1,
    seL4_VCPUReg_ELR_EL1,
    seL4_VCPUReg_SPSR_EL1,
    seL4_VCPUReg_CNTV_CTL,
    seL4_VCPUReg_CNTV_CVAL,
    seL4_VCPUReg_CNTVOFF,
    seL4_VCPUReg_CNTKCTL_EL1,
    seL4_VCPUReg_Num
} seL4_VCPUReg;

_Static_assert(seL4_VCPUReg_Num == MK_VCPU_NUM_REGS, "seL4_VCPUReg and the kernel ABI disagree");

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
