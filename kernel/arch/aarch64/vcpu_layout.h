/*
 * The vCPU context the EL2 world switch (el2.S) loads and saves, as offsets
 * (struct vcpu in vcpu.h; vcpu.c checks each at compile time). All 8-byte
 * fields. The guest's x0..x30, SP_EL0, PC (ELR_EL2) and PSTATE (SPSR_EL2)
 * live in the vCPU's struct pd (struct regs, first, at VCPU_REGS_PA), its
 * TPIDR_EL0 in the pd's tpidr: the fault, restart and register calls then
 * treat a vCPU like a child PD.
 */
#ifndef ARCH_VCPU_LAYOUT_H
#define ARCH_VCPU_LAYOUT_H

#define VCPU_REGS_PA   0   /* physical address of the vCPU's struct pd */
#define VCPU_SYS       8   /* u64[24]: the seL4_VCPUReg_* registers, in seL4's order */
#define VCPU_PAR       200
#define VCPU_CSSELR    208
#define VCPU_TPIDRRO   216
#define VCPU_VTTBR     224 /* VMID << 48 | stage-2 level-1 table */
#define VCPU_ESR       232 /* exit: ESR_EL2 */
#define VCPU_FAR       240 /* exit: FAR_EL2 */
#define VCPU_IPA       248 /* exit on an abort: the guest-physical address (page | FAR's low 12 bits) */
#define VCPU_MDSCR     256
#define VCPU_SIZE      264

/* seL4_VCPUReg_* indexes, as byte offsets into VCPU_SYS */
#define VR(n) (VCPU_SYS + (n) * 8)
#define VR_SCTLR       VR(0)
#define VR_TTBR0       VR(1)
#define VR_TTBR1       VR(2)
#define VR_TCR         VR(3)
#define VR_MAIR        VR(4)
#define VR_AMAIR       VR(5)
#define VR_CIDR        VR(6)
#define VR_ACTLR       VR(7)
#define VR_CPACR       VR(8)
#define VR_AFSR0       VR(9)
#define VR_AFSR1       VR(10)
#define VR_ESR         VR(11)
#define VR_FAR         VR(12)
#define VR_ISR         VR(13)
#define VR_VBAR        VR(14)
#define VR_TPIDR_EL1   VR(15)
#define VR_VMPIDR      VR(16)
#define VR_SP_EL1      VR(17)
#define VR_ELR_EL1     VR(18)
#define VR_SPSR_EL1    VR(19)
#define VR_CNTV_CTL    VR(20)
#define VR_CNTV_CVAL   VR(21)
#define VR_CNTVOFF     VR(22)
#define VR_CNTKCTL     VR(23)

/* Function numbers of the host's hvc (x0), and the exit reasons EL2_RUN returns. */
#define EL2_INIT      1 /* x1 = EL2 page table (PA): EL2 MMU on, stage-2 set up */
#define EL2_RUN       2 /* x1 = struct vcpu (PA): run it until it exits -> x0 = EXIT_* */
#define EL2_TIMER     3 /* x1 = deadline (CNTVCT ticks) for the EL2 physical timer; ~0: off */
#define EXIT_SYNC     1 /* synchronous exception: VCPU_ESR, VCPU_FAR, VCPU_IPA */
#define EXIT_IRQ      2 /* a physical interrupt (or FIQ) is pending: the host takes it */
#define EXIT_SERROR   3
#define EL2_BAD_CALL  ~0

#endif
