/*
 * The attacker's VMM (vm-hostile-el1.system): first a hostile VMM itself
 * (spsr values that would enter EL2, EL3 or AArch32, restart and stop
 * storms, a PC at the kernel's addresses, hostile timer offsets), then it
 * runs guest A (guests.h), checks each exit, and after the guest armed
 * hardware breakpoints and watchpoints runs the very code and data they
 * name. When A has left its state behind, vmm_b starts guest B.
 */
#include "guests.h"
#include "common.h"

#define TO_B 1

uintptr_t guest_ram;

static volatile seL4_Word watched;
static int phase, isv0, undef_ok, vppi_events;

/* The breakpoint's target: run by this PD (EL0) after the guest armed it. */
static void __attribute__((noinline)) bp_target(void)
{
    __asm__ volatile("nop");
    watched++;
}

static void hostile_vmm(void)
{
    static const seL4_Word bad[] = { 0x3c9, 0x3c8, 0x3cd, 0x3cc, 0x3d0, 0x3c5 | (1 << 20) | (1 << 21) | (1 << 22), ~0UL };
    seL4_UserContext c = {0}, back = {0};

    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        c.spsr = bad[i];
        check(seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, 3, &c) == seL4_NoError, "write spsr");
        seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, 3, &back);
        check((back.spsr & 0xf) == 5 || (back.spsr & 0xf) == 4 || (back.spsr & 0xf) == 0, "spsr stays EL1 or EL0");
        check(!(back.spsr & ~0xf00003cfUL), "spsr keeps only NZCV, DAIF and the mode");
    }
    /* Restart and stop storms while the vCPU cannot run (this VMM has the higher priority). */
    for (int i = 0; i < 300; i++) {
        microkit_vcpu_restart(VCPU, GUEST_ENTRY + 0x1000);
        microkit_vcpu_restart(VCPU, GUEST_ENTRY + 0x2000);
        check(seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + VCPU, 50, 0, 0, 3) == (i ? seL4_DeleteFirst : seL4_NoError),
              "inject into a runnable vCPU");
        microkit_vcpu_stop(VCPU);
        microkit_vcpu_stop(VCPU);
        check(mk_sys_vcpu(MK_VCPU_RESUME, VCPU, 0, 0, &(seL4_Word){0}) == seL4_NoError, "resume");
        microkit_vcpu_stop(VCPU);
    }
    say("hostile spsr values sanitised; restart/stop/inject storms survived");
    /* Hostile guest timer and identity registers: only the guest sees them. */
    microkit_vcpu_arm_write_reg(VCPU, seL4_VCPUReg_CNTVOFF, 0x8000000000000000UL);
    microkit_vcpu_arm_write_reg(VCPU, seL4_VCPUReg_CNTKCTL_EL1, ~0UL);
    microkit_vcpu_arm_write_reg(VCPU, seL4_VCPUReg_VMPIDR_EL2, ~0UL);
    /* A PC at the kernel's image: the guest (MMU off, VBAR 0) takes its own fault at its vector 0x200. */
    phase = 1;
    microkit_vcpu_restart(VCPU, 0xffff000070000000UL);
}

void init(void)
{
    copy_guest(guest_ram);
    hostile_vmm();
}

void notified(microkit_channel ch)
{
    (void)ch;
}

static void start_guest(void)
{
    seL4_UserContext c = {0};

    c.x1 = (seL4_Word)&bp_target;
    c.x2 = (seL4_Word)&watched;
    c.spsr = 0x3c5;
    check(seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, sizeof(c) / sizeof(seL4_Word), &c)
              == seL4_NoError, "set up x1, x2");
    phase = 2;
    say("starting guest A");
    microkit_vcpu_restart(VCPU, GUEST_ENTRY);
}

static seL4_Bool vm_fault(void)
{
    seL4_Word ip = microkit_mr_get(seL4_VMFault_IP), addr = microkit_mr_get(seL4_VMFault_Addr);
    seL4_Word fsr = microkit_mr_get(seL4_VMFault_FSR), prefetch = microkit_mr_get(seL4_VMFault_PrefetchFault);
    int isv = (fsr >> 24) & 1;
    seL4_Word value;

    read_regs();
    if (phase == 1) {
        check(prefetch && ip == 0x200 && addr == 0x200, "the kernel-address PC: the guest's own vector, a prefetch VM fault");
        say("PC at a kernel address: the guest faulted at its own vector (guest-physical 0x200)");
        microkit_vcpu_stop(VCPU);
        start_guest();
        return seL4_False;
    }
    if (addr >= MMIO + R_ISV0 && addr < MMIO + R_ISV0 + 0x20) {
        check(!isv, "writeback and pair MMIO: ISV = 0");
        isv0++;
        if (isv0 == 2) {
            say("MMIO with writeback and a pair load: VM faults with ISV = 0");
        }
        advance();
        return seL4_True;
    }
    check(isv && !prefetch && addr >= MMIO && addr < MMIO + 0x100, "a report of guest A");
    value = ((fsr >> 16) & 0x1f) == 31 ? 0 : *xreg(&regs, (fsr >> 16) & 0x1f);
    switch (addr - MMIO) {
    case R_EL:
        check_eq(value, 4, "guest A runs at EL1 whatever spsr the VMM tried");
        break;
    case R_UNDEF:
        check_eq(value, 27, "every EL2/EL3 access took guest A's own EL1 vector");
        undef_ok++;
        break;
    case R_UNDEF_EC:
        check_eq(value, 0, "as unknown instructions");
        if (undef_ok) {
            say("27 EL2/EL3 register accesses, TLBIs and ATs: each UNDEF to the guest's own EL1");
        }
        break;
    case R_ALIGN:
        /* QEMU's GICV may take it as it is (0) or the guest its own alignment fault (1): never an exit. */
        check(value <= 1, "the unaligned device access: the guest's own business");
        break;
    case R_IAR:
        check_eq(value & 0x3ff, 45, "guest A acknowledged 45");
        break;
    case R_DBG_LOST:
        check(0, "guest A's own breakpoint and watchpoint registers were lost while guest B ran");
        break;
    default:
        check_eq(value, 0, "guest A reached a bad vector");
        break;
    }
    advance();
    return seL4_True;
}

static seL4_Bool hvc(void)
{
    seL4_Word x0 = microkit_mr_get(seL4_UnknownSyscall_X0);
    seL4_Word before;

    read_regs();
    switch (x0) {
    case H_DEBUG_ARMED:
        /* Run the breakpoint's code, touch the watched variable, enter the kernel. */
        before = watched;
        bp_target();
        watched = before + 5;
        check_eq(watched, before + 5, "the watched variable");
        say("guest armed breakpoints and watchpoints on this PD and the kernel: ran its code, wrote its data");
        break;
    case H_IMM:
        /* Resumed by seL4_TCB_WriteRegisters, and then the reply as well: it runs on once. */
        regs.pc += 4;
        check(seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_True, 0, sizeof(regs) / sizeof(seL4_Word), &regs)
                  == seL4_NoError, "WriteRegisters with resume");
        say("guest hvc #0xffff: an unknown syscall; resumed, then replied to");
        return seL4_True;
    case H_INJECT:
        check(seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + VCPU, 45, 0, 0, 0) == seL4_NoError, "inject 45");
        check(seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + VCPU, 46, 0, 0, 1) == seL4_NoError, "inject 46");
        break;
    case H_LEFT:
        check_eq(vppi_events, 1, "guest A's timer fired once (VPPI event, never acked)");
        say(failures ? "guest A left its state behind: TEST_FAIL" : "guest A left its state behind; starting vmm_b's guest");
        microkit_notify(TO_B);
        break;
    default:
        check_eq(x0, 0, "unexpected HVC");
        break;
    }
    advance();
    return seL4_True;
}

static seL4_Bool vcpu_fault(void)
{
    seL4_Word hsr = microkit_mr_get(seL4_VCPUFault_HSR);

    read_regs();
    if ((hsr >> 26) == 0x17) {
        check_eq(hsr & 0xffff, 0xffff, "smc #0xffff: its immediate");
        say("guest smc #0xffff: a VCPU fault; stopped, restarted past it, then replied to");
        regs.pc += 4;
        write_regs();
        microkit_vcpu_stop(VCPU);
        microkit_vcpu_restart(VCPU, regs.pc);
        return seL4_True;
    } else {
        check_eq(hsr, 0, "unexpected VCPU fault");
    }
    advance();
    return seL4_True;
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    seL4_Word label = microkit_msginfo_get_label(msginfo);

    *reply_msginfo = microkit_msginfo_new(0, 0);
    check(child == VCPU, "fault() names vCPU 0");
    switch (label) {
    case seL4_Fault_VMFault:
        return vm_fault();
    case seL4_Fault_UnknownSyscall:
        return hvc();
    case seL4_Fault_VCPUFault:
        return vcpu_fault();
    case seL4_Fault_VPPIEvent:
        vppi_events++; /* not acked, nothing injected: left for the next guest to see, if it could */
        return seL4_True;
    case seL4_Fault_VGICMaintenance:
        check(0, "guest A never ends an interrupt");
        return seL4_True;
    default:
        check_eq(label, 0, "unexpected fault label");
        return seL4_False;
    }
}
