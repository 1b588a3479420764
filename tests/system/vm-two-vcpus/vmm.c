/*
 * Two vCPUs of one VM (vm-two-vcpus.system). Both run the same guest code:
 * "ready" (HVC 1), then wait for an interrupt on their GIC CPU interface,
 * EOI it, report it (MMIO), "done" (HVC 2). When both are ready the VMM
 * injects INTID 50 into vCPU 0 (switched out: the kernel's copy of its list
 * registers) and 51 into vCPU 1 (the one just running).
 */
#include "vmm-test.h"

#define MMIO 0x10000000UL

uintptr_t guest_ram;

static int ready, done, maint[2];
static seL4_Word got[2];

__asm__("    .section .rodata.guest, \"a\"\n"
        "    .balign 8\n"
        "    .global pair_start, pair_end\n"
        "pair_start:\n"
        "    mov   x28, #0x10000000\n"
        "    mov   x26, #0x08010000\n"
        "    mrs   x20, mpidr_el1\n"
        "    and   x20, x20, #0xff\n"          /* the vcpu id */
        "    mov   w9, #1\n"
        "    str   w9, [x26, #0x0]\n"          /* GICV_CTLR */
        "    mov   w9, #0xff\n"
        "    str   w9, [x26, #0x4]\n"          /* GICV_PMR */
        "    mov   x0, #1\n"
        "    hvc   #0\n"
        "1:  ldr   w10, [x26, #0xc]\n"         /* GICV_IAR */
        "    and   w11, w10, #0x3ff\n"
        "    cmp   w11, #1023\n"
        "    b.eq  1b\n"
        "    str   w10, [x26, #0x10]\n"        /* GICV_EOIR */
        "    lsl   x12, x20, #16\n"
        "    orr   x12, x12, x11\n"
        "    str   x12, [x28]\n"               /* id << 16 | INTID */
        "    mov   x0, #2\n"
        "    hvc   #0\n"
        "2:  b     2b\n"
        "pair_end:\n"
        "    .text\n");
extern const char pair_start[], pair_end[];

void init(void)
{
    char *dst = (char *)guest_ram;

    for (const char *src = pair_start; src < pair_end; src++) {
        *dst++ = *src;
    }
    seL4_ARM_VSpace_Clean_Data(3, guest_ram, guest_ram + 4096);
    microkit_dbg_puts("vmm: starting vCPU 0\n");
    microkit_vcpu_restart(0, 0x40000000);
}

void notified(microkit_channel ch)
{
    (void)ch;
}

seL4_Bool fault(microkit_child vcpu, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    seL4_Word label = microkit_msginfo_get_label(msginfo);
    seL4_Word addr = microkit_mr_get(seL4_VMFault_Addr), idx = microkit_mr_get(seL4_VGICMaintenance_IDX);
    seL4_UserContext regs = {0};

    *reply_msginfo = microkit_msginfo_new(0, 0);
    check(vcpu <= 1, "fault() names vCPU 0 or 1");
    if (label == seL4_Fault_VGICMaintenance) {
        check(idx == 0, "maintenance names list register 0");
        maint[vcpu]++;
        return seL4_True;
    }
    vcpu_read_regs(vcpu, &regs);
    if (label == seL4_Fault_VMFault && addr == MMIO) {
        got[vcpu] = regs.x12;
    } else if (label == seL4_Fault_UnknownSyscall && regs.x0 == 1) {
        check(regs.x20 == vcpu, "MPIDR_EL1 Aff0 is the vcpu id");
        if (++ready == 1) {
            microkit_dbg_puts("vmm: vCPU 0 ready, starting vCPU 1\n");
            microkit_vcpu_restart(1, 0x40000000);
        } else {
            microkit_dbg_puts("vmm: both ready: 50 into vCPU 0 (switched out), 51 into vCPU 1 (just ran)\n");
            check(vcpu == 1, "vCPU 1 is ready second");
            microkit_vcpu_arm_inject_irq(0, 50, 0, 0, 0);
            microkit_vcpu_arm_inject_irq(1, 51, 0, 0, 0);
        }
    } else if (label == seL4_Fault_UnknownSyscall && regs.x0 == 2) {
        microkit_vcpu_stop(vcpu);
        if (++done == 2) {
            check(got[0] == 50 && got[1] == (1 << 16 | 51), "each vCPU took its own interrupt");
            check(maint[0] == 1 && maint[1] == 1, "one maintenance exit each");
            microkit_dbg_puts("vmm: vCPU 0 took 50, vCPU 1 took 51, one EOI each\n");
            microkit_dbg_puts(failures ? "vmm: TEST_FAIL\n" : "vmm: TEST_PASS\n");
        }
        return seL4_False;
    } else {
        check(0, "unexpected exit");
        return seL4_False;
    }
    vcpu_advance(vcpu, &regs);
    return seL4_True;
}
