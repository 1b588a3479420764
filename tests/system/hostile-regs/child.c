/*
 * One case per run (runner-info.h). SP cases set SP to the hostile value and then
 * either make a syscall that returns (notify on an id it does not own)
 * followed by UDF, or make an unknown syscall, or take UDF at once: the
 * fault message must carry the hostile SP, unchanged by the kernel. PC
 * cases branch to the hostile address: a VM fault or a PC alignment fault
 * at exactly that PC.
 */
#include <microkit.h>
#include "runner-info.h"

uintptr_t info;

#define KADDR 0xffff000070000000ULL

enum kind { SVC_THEN_UDF, UNKNOWN_SVC, UDF, JUMP };

static const struct {
    const char *name;
    enum kind kind;
    seL4_Word value;
    seL4_Word label;
} cases[] = {
    { "svc with sp = kernel address", SVC_THEN_UDF, KADDR, seL4_Fault_UserException },
    { "svc with sp = kernel stack top", SVC_THEN_UDF, 0xffff00006ff00000ULL, seL4_Fault_UserException },
    { "svc with sp unaligned", SVC_THEN_UDF, 0x2000007, seL4_Fault_UserException },
    { "svc with sp = 0", SVC_THEN_UDF, 0, seL4_Fault_UserException },
    { "svc with sp = ~0", SVC_THEN_UDF, ~0ULL, seL4_Fault_UserException },
    { "unknown svc with sp = kernel address", UNKNOWN_SVC, KADDR, seL4_Fault_UnknownSyscall },
    { "unknown svc with sp unaligned", UNKNOWN_SVC, 0x2000003, seL4_Fault_UnknownSyscall },
    { "udf with sp = kernel address", UDF, KADDR, seL4_Fault_UserException },
    { "udf with sp unaligned", UDF, 0x1, seL4_Fault_UserException },
    { "udf with sp = 0", UDF, 0, seL4_Fault_UserException },
    { "pc = kernel text", JUMP, KADDR, seL4_Fault_VMFault },
    { "pc = 0", JUMP, 0, seL4_Fault_VMFault },
    { "pc = top of the kernel half", JUMP, 0xfffffffffffff000ULL, seL4_Fault_VMFault },
    { "pc = non-canonical", JUMP, 0x0001000000000000ULL, seL4_Fault_VMFault },
    { "pc = above the user address space", JUMP, 0x10000000000ULL, seL4_Fault_VMFault },
    { "pc unaligned", JUMP, 0x200002, seL4_Fault_UserException },
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

extern char after_svc[], after_unknown_svc[], at_udf[], child_reentry[];

/* A restart keeps the registers but the PC: reload a sane SP (info's first
 * word, at its address 0x2000000 in the .system) before the C runtime. */
__asm__(".global child_reentry\nchild_reentry:\n mov x9, #0x2000000\n ldr x9, [x9]\n mov sp, x9\n b _start\n");

void init(void)
{
    volatile struct info *in = (volatile struct info *)info;
    unsigned i = (unsigned)in->next_case;
    seL4_Word v;

    in->ncases = NCASES;
    if (!in->good_sp) {
        seL4_Word sp;
        __asm__ volatile("mov %0, sp" : "=r"(sp));
        in->good_sp = sp & ~0xfffULL; /* a page below the top of its stack: room for init() */
        in->good_sp += 0x1000 - 0x100;
        in->restart_pc = (seL4_Word)child_reentry;
    }
    if (i >= NCASES)
        return;
    v = cases[i].value;
    in->label = cases[i].label;
    for (unsigned k = 0; k < NAME_LEN; k++) {
        in->name[k] = cases[i].name[k];
        if (!cases[i].name[k])
            break;
    }
    in->name[NAME_LEN - 1] = 0;

    switch (cases[i].kind) {
    case SVC_THEN_UDF:
        in->sp = v;
        in->ip = (seL4_Word)after_svc;
        in->checks = CHECK_IP | CHECK_SP;
        /* notify(id 61): not owned, returns an error; then UDF with SP intact. */
        __asm__ volatile("mov x0, #61\n mov x8, #1\n mov sp, %0\n svc #0\n"
                         ".global after_svc\n after_svc: udf #1" :: "r"(v) : "x0", "x8", "memory");
        break;
    case UNKNOWN_SVC:
        in->sp = v;
        in->ip = (seL4_Word)after_unknown_svc - 4;
        in->checks = CHECK_IP | CHECK_SP;
        __asm__ volatile("mov x8, #999\n mov sp, %0\n svc #0\n"
                         ".global after_unknown_svc\n after_unknown_svc: udf #2" :: "r"(v) : "x8", "memory");
        break;
    case UDF:
        in->sp = v;
        in->ip = (seL4_Word)at_udf;
        in->checks = CHECK_IP | CHECK_SP;
        __asm__ volatile("mov sp, %0\n .global at_udf\n at_udf: udf #3" :: "r"(v) : "memory");
        break;
    case JUMP:
        in->ip = v;
        in->addr = v;
        in->checks = CHECK_IP | (cases[i].label == seL4_Fault_VMFault ? CHECK_ADDR | CHECK_IFAULT : 0);
        __asm__ volatile("br %0" :: "r"(v) : "memory");
        break;
    }
    microkit_dbg_puts("child: TEST_FAIL: came back\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
