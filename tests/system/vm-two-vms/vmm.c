/*
 * One of two VMMs (vm-two-vms.system): its guest reads the marker at
 * guest-physical 0x4000_0800 ROUNDS times and reports each read; every one
 * must be this VMM's marker (its PD name's first letters), never the other VM's.
 */
#include <microkit.h>

#define MMIO   0x10000000UL
#define ROUNDS 300

uintptr_t guest_ram;

static seL4_Word marker, reads, wrong;

__asm__("    .section .rodata.guest, \"a\"\n"
        "    .balign 8\n"
        "    .global iso_start, iso_end\n"
        "iso_start:\n"
        "    mov   x28, #0x10000000\n"
        "    mov   x27, #0x40000000\n"
        "    mov   x20, #300\n"
        "1:  ldr   x12, [x27, #0x800]\n"
        "    str   x12, [x28]\n"
        "    subs  x20, x20, #1\n"
        "    b.ne  1b\n"
        "    hvc   #0\n"
        "2:  b     2b\n"
        "iso_end:\n"
        "    .text\n");
extern const char iso_start[], iso_end[];

void init(void)
{
    char *dst = (char *)guest_ram;

    for (const char *src = iso_start; src < iso_end; src++) {
        *dst++ = *src;
    }
    for (int i = 0; i < 8 && microkit_name[i]; i++) {
        marker = marker << 8 | (seL4_Uint8)microkit_name[i];
    }
    *(volatile seL4_Word *)(guest_ram + 0x800) = marker;
    seL4_ARM_VSpace_Clean_Data(3, guest_ram, guest_ram + 4096);
    microkit_vcpu_restart(0, 0x40000000);
}

void notified(microkit_channel ch)
{
    (void)ch;
}

seL4_Bool fault(microkit_child vcpu, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    seL4_Word label = microkit_msginfo_get_label(msginfo);
    seL4_UserContext regs = {0};

    *reply_msginfo = microkit_msginfo_new(0, 0);
    seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + vcpu, seL4_False, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
    if (label == seL4_Fault_UnknownSyscall) {
        microkit_vcpu_stop(vcpu);
        microkit_dbg_puts(microkit_name);
        microkit_dbg_puts(wrong == 0 && reads == ROUNDS ? ": 300 reads, all its own VM's memory: TEST_PASS\n"
                                                        : ": TEST_FAIL: its guest saw other memory\n");
        return seL4_False;
    }
    reads++;
    wrong += regs.x12 != marker;
    regs.pc += 4;
    seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + vcpu, seL4_False, 0, sizeof(regs) / sizeof(seL4_Word), &regs);
    return seL4_True;
}
