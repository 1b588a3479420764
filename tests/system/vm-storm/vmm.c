/* Answers every exit of a guest that only exits (vm-storm.system); stops it when ticker says so. */
#include <microkit.h>

#define VCPU   0
#define TICKER 1

uintptr_t guest_ram;

static seL4_Word hvcs, mmios;

__asm__("    .section .rodata.guest, \"a\"\n"
        "    .balign 8\n"
        "    .global storm_start, storm_end\n"
        "storm_start:\n"
        "    mov   x28, #0x10000000\n"
        "1:  hvc   #0\n"
        "    ldr   x1, [x28]\n"
        "    b     1b\n"
        "storm_end:\n"
        "    .text\n");
extern const char storm_start[], storm_end[];

static void advance(void)
{
    seL4_UserContext regs = {0};

    seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, 1, &regs);
    regs.pc += 4;
    seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + VCPU, seL4_False, 0, 1, &regs);
}

void init(void)
{
    char *dst = (char *)guest_ram;

    for (const char *src = storm_start; src < storm_end; src++) {
        *dst++ = *src;
    }
    seL4_ARM_VSpace_Clean_Data(3, guest_ram, guest_ram + 4096);
    microkit_dbg_puts("vmm: starting the storming guest\n");
    microkit_vcpu_restart(VCPU, 0x40000000);
}

void notified(microkit_channel ch)
{
    if (ch != TICKER) {
        return;
    }
    microkit_vcpu_stop(VCPU);
    microkit_dbg_puts("vmm: guest stopped after ");
    microkit_dbg_put32((seL4_Uint32)hvcs);
    microkit_dbg_puts(" HVC and ");
    microkit_dbg_put32((seL4_Uint32)mmios);
    microkit_dbg_puts(" MMIO exits\n");
    microkit_dbg_puts(hvcs > 100 && mmios > 100 ? "vmm: TEST_PASS\n" : "vmm: TEST_FAIL: too few exits\n");
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    seL4_Word label = microkit_msginfo_get_label(msginfo);

    *reply_msginfo = microkit_msginfo_new(0, 0);
    if (child != VCPU) {
        return seL4_False;
    }
    if (label == seL4_Fault_UnknownSyscall) {
        hvcs++;
    } else if (label == seL4_Fault_VMFault) {
        mmios++;
    } else {
        microkit_dbg_puts("vmm: TEST_FAIL: unexpected fault\n");
        return seL4_False;
    }
    advance();
    return seL4_True;
}
