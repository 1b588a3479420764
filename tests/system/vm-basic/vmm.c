/*
 * The VMM of the bare-metal test guest (guest.h): starts it, then answers
 * and checks each exit: VM faults (MMIO emulated through the vCPU's
 * registers), unknown syscalls (HVC), VCPU faults (SMC, WFI, trapped system
 * registers), the VPPI event of its virtual timer and VGIC maintenance;
 * register round trips through seL4_TCB_Read/WriteRegisters and
 * seL4_ARM_VCPU_Read/WriteRegs; injection, busy list registers, bad ids and
 * arguments; stop and restart. Prints "vmm: TEST_PASS" at the end, or a
 * TEST_FAIL line saying what was wrong.
 */
#include "vmm-test.h"
#include "guest.h"

#define VCPU  0
#define CHILD 1

uintptr_t guest_ram;

static int guest_reports, maintenances;

static seL4_UserContext regs;

static void read_regs(void)
{
    vcpu_read_regs(VCPU, &regs);
}

static void advance(void)
{
    vcpu_advance(VCPU, &regs);
}

/* Bad ids and arguments: seL4's errors, nothing else happens. */
static void hostile_calls(void)
{
    seL4_Word unused;

    check(seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + 9, 40, 0, 0, 0) == seL4_InvalidCapability, "vCPU 9 does not exist");
    check(seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + CHILD, 40, 0, 0, 0) == seL4_InvalidCapability,
          "a PD child's id is no vCPU");
    check(mk_sys_vcpu(MK_VCPU_STOP, CHILD, 0, 0, &unused) == seL4_InvalidCapability, "a PD child cannot be stopped as a vCPU");
    check(mk_sys_vcpu(MK_VCPU_READ_REG, 1000, 0, 0, &unused) == seL4_InvalidCapability, "vCPU id 1000");
    check(mk_sys_pd_restart(VCPU, 0x1234) == seL4_InvalidCapability, "a vCPU id is no PD child");
    check(mk_sys_pd_stop(VCPU) == seL4_InvalidCapability, "a vCPU cannot be stopped as a PD child");
    check(mk_sys_read_regs(VCPU, 0) == seL4_InvalidCapability, "a vCPU's registers are not a PD child's");
    check(seL4_ARM_VCPU_ReadRegs(BASE_VCPU_CAP + VCPU, seL4_VCPUReg_Num).error == seL4_InvalidArgument,
          "register seL4_VCPUReg_Num");
    check(seL4_ARM_VCPU_WriteRegs(BASE_VCPU_CAP + VCPU, 1000, 0) == seL4_InvalidArgument, "register 1000");
    check(seL4_ARM_VCPU_AckVPPI(BASE_VCPU_CAP + VCPU, 26) == seL4_InvalidArgument, "VPPI 26");
    check(seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + VCPU, 1024, 0, 0, 0) == seL4_RangeError, "virq 1024");
    check(seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + VCPU, 40, 32, 0, 0) == seL4_RangeError, "priority 32");
    check(seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + VCPU, 40, 0, 2, 0) == seL4_RangeError, "group 2");
    check(seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + VCPU, 40, 0, 0, 200) == seL4_RangeError, "list register 200");
    check(mk_sys_vcpu(MK_VCPU_WRITE_TCB, VCPU, 0, 99, &unused) == seL4_RangeError, "WriteRegisters count 99");
    check(mk_sys_vcpu(MK_VCPU_NUM_OPS + 5, VCPU, 0, 0, &unused) == seL4_IllegalOperation, "unknown operation");
    say("bad ids and arguments refused");
}

/*
 * Before the guest first runs: every register through both interfaces and
 * back. The VCPU registers (ISR is read only), then the whole
 * seL4_UserContext; everything is put back as it was.
 */
static void round_trips(void)
{
    seL4_UserContext saved, pattern, back;
    seL4_Word *p = (seL4_Word *)&pattern, *b = (seL4_Word *)&back;
    const unsigned n = sizeof(pattern) / sizeof(seL4_Word);

    for (seL4_Word r = 0; r < seL4_VCPUReg_Num; r++) {
        seL4_Word old = microkit_vcpu_arm_read_reg(VCPU, r), want = 0x1000 + r;
        if (r == seL4_VCPUReg_ISR) {
            continue;
        }
        microkit_vcpu_arm_write_reg(VCPU, r, want);
        check(microkit_vcpu_arm_read_reg(VCPU, r) == want, "a VCPU register read back");
        microkit_vcpu_arm_write_reg(VCPU, r, old);
    }
    check(seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, n, &saved) == seL4_NoError, "read all");
    for (unsigned i = 0; i < n; i++) {
        p[i] = 0xa000 + i;
    }
    pattern.spsr = 0x3c4; /* EL1t, DAIF masked: kept as it is */
    check(seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, n, &pattern) == seL4_NoError, "write all");
    check(seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, n, &back) == seL4_NoError, "read back");
    for (unsigned i = 0; i < n; i++) {
        check(b[i] == p[i], "a seL4_UserContext word read back");
    }
    pattern.spsr = 0x3c9; /* EL2h: never a guest's */
    seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, 3, &pattern);
    seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, 3, &back);
    check(back.spsr == 0x3c5, "an EL2 spsr becomes EL1h");
    seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, n, &saved);
    say("register round trips before the start: 23 VCPU registers, 36 TCB registers");
}

void init(void)
{
    const char *src = guest_start;
    char *dst = (char *)guest_ram;

    say("init");
    hostile_calls();
    /* Before it ever ran: PC 0, EL1h with interrupts masked, SCTLR_EL1 with the MMU off. */
    read_regs();
    check(regs.pc == 0 && regs.spsr == 0x3c5, "initial vCPU pc/spsr");
    check((microkit_vcpu_arm_read_reg(VCPU, seL4_VCPUReg_SCTLR) & 1) == 0, "initial SCTLR_EL1");
    round_trips();
    while (src < guest_end) {
        *dst++ = *src++;
    }
    for (uintptr_t p = guest_ram; p < guest_ram + (uintptr_t)(guest_end - guest_start); p += 4096) {
        seL4_ARM_VSpace_Clean_Data(3, p, p + 4096);
    }
    say("starting the guest");
    microkit_vcpu_restart(VCPU, GUEST_ENTRY);
}

void notified(microkit_channel ch)
{
    (void)ch;
}

/* An emulated MMIO register (guest.h): a VM fault outside the guest's maps. */
static void mmio(seL4_Word addr, seL4_Word fsr)
{
    unsigned srt = (fsr >> 16) & 0x1f;
    int write = (fsr >> 6) & 1;
    seL4_Word value = srt == 31 ? 0 : *xreg(&regs, srt);

    check((fsr >> 24) & 1, "ISV: the abort names its register");
    switch (addr - MMIO) {
    case R_RUN:
        say_hex("guest run ", value);
        break;
    case R_MAGIC:
        check(!write, "R_MAGIC is read");
        *xreg(&regs, srt) = MAGIC;
        break;
    case R_ECHO:
        check(value == MAGIC, "the emulated read reached the guest");
        say("MMIO read emulated through the vCPU's registers");
        break;
    case R_HVC:
        check(value == 0x2222, "the HVC's answer reached the guest");
        break;
    case R_SMC:
        check(value == 0x10000, "the SMC's answer reached the guest");
        break;
    case R_WFI:
        say("guest is past its WFI");
        break;
    case R_SYSREG:
        check(value == 0x4100, "the emulated PMCR_EL0 reached the guest");
        break;
    case R_FP:
        check(value == 0x1234, "the guest's d16 survived the VMM's FP use");
        say("guest FP registers kept across the VMM's FP use");
        break;
    case R_X22:
        check(value == 0x22222222, "x22 written through seL4_TCB_WriteRegisters");
        break;
    case R_TPIDR:
        check(value == 0x7777, "TPIDR_EL1 written through seL4_ARM_VCPU_WriteRegs");
        say("register round trips done");
        break;
    case R_VTIMER:
        /* Not printed: the maintenance exit of the EOI just before may come before or after this. */
        check(value == 27, "the guest took its virtual timer as INTID 27");
        guest_reports++;
        break;
    case R_IRQ:
        check(value == 40, "the guest took the injected INTID 40");
        guest_reports++;
        break;
    default:
        say_hex("TEST_FAIL: guest reports failure ", value);
        failures++;
        break;
    }
}

static void vm_fault(void)
{
    seL4_Word ip = microkit_mr_get(seL4_VMFault_IP), addr = microkit_mr_get(seL4_VMFault_Addr);
    seL4_Word fsr = microkit_mr_get(seL4_VMFault_FSR), prefetch = microkit_mr_get(seL4_VMFault_PrefetchFault);

    read_regs(); /* the registers arrive in the message registers: read the fault's first */
    check(ip == regs.pc, "VM fault IP is the vCPU's PC");
    if (prefetch) {
        check(addr == 0x41000000 && ip == addr, "an instruction fetch from the read-only page");
        check((fsr >> 26) == 0x20 && (fsr & 0x3c) == 0x0c, "FSR: a permission fault on an instruction fetch");
        say("guest jumped into its non-executable page: a prefetch VM fault");
        regs.pc = regs.x30; /* back where it came from */
        seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
        return;
    }
    check((fsr >> 26) == 0x24, "FSR: a data abort from a lower EL");
    if (addr >= MMIO && addr < MMIO + 0x1000) {
        mmio(addr, fsr);
    } else if (addr == 0x08000000) {
        check((fsr >> 6) & 1, "a write to the distributor");
        say("guest wrote the GIC distributor: a VM fault (the VMM emulates it)");
    } else if (addr == 0x41000010) {
        check((fsr >> 6) & 1 && (fsr & 0x3c) == 0x0c, "FSR: a permission fault on a write");
        say("guest wrote its read-only page: a VM fault at its guest-physical address");
    } else if (addr == 0x70000000) {
        say("guest read outside its maps (0x70000000): a VM fault, nothing read");
        *xreg(&regs, (fsr >> 16) & 0x1f) = 0;
    } else {
        say_hex("TEST_FAIL: VM fault at ", addr);
        failures++;
    }
    advance();
}

static seL4_Bool hvc(void)
{
    seL4_Word x0 = microkit_mr_get(seL4_UnknownSyscall_X0), ip = microkit_mr_get(seL4_UnknownSyscall_FaultIP);
    seL4_Word syscall = microkit_mr_get(seL4_UnknownSyscall_Syscall), spsr = microkit_mr_get(seL4_UnknownSyscall_SPSR);
    seL4_Error err;

    read_regs();
    check(ip == regs.pc, "unknown syscall FaultIP is at the HVC");
    switch (x0) {
    case 0x1111:
        check(syscall == 0x77, "Syscall is the guest's x7");
        check(spsr == regs.spsr, "SPSR");
        say("guest HVC: an unknown syscall fault");
        regs.x0 = 0x2222;
        break;
    case 2:
        check(regs.x19 == 0x1919 && regs.x21 == 0x2121 && regs.tpidr_el0 == 0xe0e0,
              "seL4_TCB_ReadRegisters: x19, x21, tpidr_el0");
        check((regs.spsr & 0xf) == 5, "spsr: EL1h");
        regs.x22 = 0x22222222;
        __asm__ volatile("movi v16.2d, #0" ::: "v16"); /* the VMM's own FP use: the lazy FP switch */
        microkit_vcpu_arm_write_reg(VCPU, seL4_VCPUReg_TPIDR_EL1, 0x7777);
        check(microkit_vcpu_arm_read_reg(VCPU, seL4_VCPUReg_TPIDR_EL1) == 0x7777, "TPIDR_EL1 read back");
        check(microkit_vcpu_arm_read_reg(VCPU, seL4_VCPUReg_VBAR) == 0, "VBAR_EL1 read");
        break;
    case 3:
        err = seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + VCPU, 40, 0, 0, 1);
        check(err == seL4_NoError, "inject IRQ 40 into list register 1");
        err = seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + VCPU, 41, 0, 0, 1);
        check(err == seL4_DeleteFirst, "list register 1 is busy: seL4_DeleteFirst");
        say("injected IRQ 40; a second one into the same list register refused");
        break;
    case 4:
        say("stopping and restarting the guest");
        microkit_vcpu_stop(VCPU);
        microkit_vcpu_restart(VCPU, GUEST_ENTRY);
        return seL4_False; /* restarted already: no reply */
    case 5:
        microkit_vcpu_stop(VCPU);
        check(guest_reports == 2 && maintenances == 2, "the guest took both interrupts, the VMM saw both EOIs");
        say(failures ? "TEST_FAIL" : "TEST_PASS");
        return seL4_False;
    default:
        say_hex("TEST_FAIL: unexpected HVC ", x0);
        failures++;
        break;
    }
    advance();
    return seL4_True;
}

/* Returns whether to reply: a WFI is answered by resuming the vCPU with its new registers instead. */
static seL4_Bool vcpu_fault(void)
{
    seL4_Word hsr = microkit_mr_get(seL4_VCPUFault_HSR);
    seL4_Word ec = hsr >> 26, iss = hsr & 0x1ffffff;

    read_regs();
    switch (ec) {
    case 0x17:
        check(regs.x0 == 0x84000000, "SMC x0 is PSCI_VERSION");
        say("guest SMC (PSCI_VERSION): a VCPU fault");
        regs.x0 = 0x10000;
        break;
    case 0x01:
        say("guest WFI: a VCPU fault; resumed by seL4_TCB_WriteRegisters, no reply");
        regs.pc += 4;
        check(seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_True, 0, sizeof(regs) / sizeof(seL4_Word),
                                      &regs) == seL4_NoError, "WriteRegisters with resume");
        return seL4_False;
    case 0x18:
        if (iss & 1) { /* a read */
            check(((iss >> 5) & 0x1f) == 4, "the trapped read names x4");
            *xreg(&regs, 4) = 0x4100;
            say("guest read PMCR_EL0: trapped");
        } else {
            check(((iss >> 5) & 0x1f) == 3 && regs.x3 == 1, "the trapped write names x3");
            say("guest wrote CNTP_CTL_EL0: trapped");
        }
        break;
    default:
        say_hex("TEST_FAIL: unexpected VCPU fault, HSR ", hsr);
        failures++;
        break;
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
        vm_fault();
        return seL4_True;
    case seL4_Fault_UnknownSyscall:
        return hvc();
    case seL4_Fault_VCPUFault:
        return vcpu_fault();
    case seL4_Fault_VPPIEvent:
        check(microkit_mr_get(seL4_VPPIEvent_IRQ) == 27, "VPPI event for INTID 27");
        say("VPPI event: the guest's virtual timer fired; injecting 27");
        microkit_vcpu_arm_inject_irq(VCPU, 27, 0, 0, 0);
        return seL4_True;
    case seL4_Fault_VGICMaintenance: {
        seL4_Word idx = microkit_mr_get(seL4_VGICMaintenance_IDX);
        say_hex("VGIC maintenance: list register ", idx);
        if (idx == 0) {
            microkit_vcpu_arm_ack_vppi(VCPU, 27);
        }
        maintenances++;
        check(idx == 0 || idx == 1, "maintenance names list register 0 or 1");
        return seL4_True;
    }
    default:
        say_hex("TEST_FAIL: unexpected fault label ", label);
        failures++;
        return seL4_False;
    }
}
