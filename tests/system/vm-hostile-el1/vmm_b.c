/*
 * The victim's VMM (vm-hostile-el1.system): once guest A has left its state
 * behind (vmm_a notifies), starts guest B, which reports every register and
 * GICV state it starts with. Nothing may be A's, nor the kernel's.
 */
#include "guests.h"
#include "common.h"

#define FROM_A 1

uintptr_t guest_ram;

static const char *const names[B_REPORTS] = {
    "x0..x30", "TPIDR_EL1", "CONTEXTIDR_EL1", "TTBR0_EL1", "TTBR1_EL1", "PAR_EL1", "TPIDRRO_EL0", "TPIDR_EL0",
    "SP_EL0", "VBAR_EL1", "CNTV_CTL_EL0", "MDSCR_EL1", "DBGBVR0_EL1", "DBGBCR0_EL1", "DBGWVR0_EL1", "DBGWCR0_EL1",
    "DBGWCR1_EL1", "FPCR", "d0", "d31", "MAIR_EL1", "AMAIR_EL1", "AFSR0_EL1", "ESR_EL1", "FAR_EL1", "CNTKCTL_EL1",
    "CSSELR_EL1", "SP_EL1", "ELR_EL1", "SPSR_EL1", "GICV_CTLR", "GICV_PMR", "GICV_RPR", "GICV_APR", "GICV_IAR",
    "CNTPCT - CNTVCT (high half)", "CurrentEL", "OSLSR_EL1.OSLK",
};
static seL4_Word want(unsigned i)
{
    switch (i) {
    case 32: return 0xff;  /* no active interrupt: idle priority */
    case 34: return 0x3ff; /* nothing pending */
    case 36: return 4;     /* EL1 */
    case 37: return 1;     /* the OS lock locked, as out of reset */
    default: return 0;
    }
}
static unsigned reports;

void init(void)
{
    copy_guest(guest_ram);
}

void notified(microkit_channel ch)
{
    check(ch == FROM_A, "notified by vmm_a");
    say("starting guest B");
    microkit_vcpu_restart(VCPU, GUEST_ENTRY + (seL4_Word)(guest_b - guest_start));
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    seL4_Word label = microkit_msginfo_get_label(msginfo);

    *reply_msginfo = microkit_msginfo_new(0, 0);
    check(child == VCPU, "fault() names vCPU 0");
    if (label == seL4_Fault_VMFault) {
        seL4_Word addr = microkit_mr_get(seL4_VMFault_Addr), fsr = microkit_mr_get(seL4_VMFault_FSR);
        seL4_Word i = (addr - MMIO - R_B) / 8;

        read_regs(); /* after the fault's message registers: it overwrites them */
        if (addr < MMIO + R_B || i >= B_REPORTS || !((fsr >> 24) & 1)) {
            check_eq(addr, 0, "guest B: unexpected VM fault");
            return seL4_False;
        }
        check_eq(*xreg(&regs, (fsr >> 16) & 0x1f), want(i), names[i]);
        reports++;
        advance();

        return seL4_True;
    }
    read_regs();
    if (label == seL4_Fault_UnknownSyscall) {
        check_eq(reports, B_REPORTS, "guest B's reports");
        microkit_vcpu_stop(VCPU);
        say(failures ? "guest B saw another's state: TEST_FAIL"
                     : "guest B started with none of guest A's or the kernel's state: TEST_PASS");
        return seL4_False;
    }
    check_eq(label, 0, "guest B: unexpected fault");
    return seL4_False;
}
