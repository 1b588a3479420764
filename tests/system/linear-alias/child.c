/*
 * One case per run (runner-info.h): a load from, or a jump to, the kernel's linear
 * alias of memory this PD must not read or execute. Each must be a VM fault
 * at the access.
 */
#include <microkit.h>
#include "runner-info.h"

uintptr_t info;
uintptr_t own;
seL4_Word secret_paddr;
seL4_Word own_paddr;

#define KERNEL_VBASE 0xffff000000000000ULL
#define KERNEL_TEXT  (KERNEL_VBASE + 0x70000000ULL)

enum { LOAD, JUMP };

struct attack {
    const char *name;
    int kind;
};

static const struct attack attacks[] = {
    { "load victim's secret through the kernel alias", LOAD },
    { "jump to victim's code through the kernel alias", JUMP },
    { "jump to own non-x region via the kernel alias", JUMP },
    { "load kernel text through the kernel alias", LOAD },
    { "jump to kernel text", JUMP },
    { "jump to kernel read-only data", JUMP },
    { "jump to kernel .bss", JUMP },
};

#define NCASES (sizeof(attacks) / sizeof(attacks[0]))

static seL4_Word target(unsigned i)
{
    switch (i) {
    case 0: return KERNEL_VBASE + secret_paddr + 0x800;
    case 1: return KERNEL_VBASE + secret_paddr;
    case 2: return KERNEL_VBASE + own_paddr;
    case 3: return KERNEL_TEXT;
    case 4: return KERNEL_TEXT + 0x100;
    case 5: return KERNEL_TEXT + 0x8000;
    default: return KERNEL_VBASE + 0x6fe00000ULL;
    }
}

static void leaked(volatile struct info *in, seL4_Word got)
{
    microkit_dbg_puts("child: TEST_FAIL: ");
    microkit_dbg_puts((const char *)in->name);
    microkit_dbg_puts(got == in->secret ? ": got the secret\n" : ": did not fault\n");
    __asm__ volatile("udf #0");
}

void init(void)
{
    volatile struct info *in = (volatile struct info *)info;
    unsigned i = (unsigned)in->next_case;

    in->ncases = NCASES;
    if (i >= NCASES)
        return;
    /* Own region: an instruction that would return if it ran. */
    *(volatile seL4_Uint32 *)own = 0xd65f03c0u; /* ret */
    __asm__ volatile("dc cvau, %0; dsb ish; ic ivau, %0; dsb ish; isb" :: "r"(own) : "memory");

    seL4_Word t = target(i);
    in->label = seL4_Fault_VMFault;
    in->addr = t;
    in->ip = t;
    in->checks = attacks[i].kind == JUMP ? (CHECK_IP | CHECK_ADDR | CHECK_IFAULT) : CHECK_ADDR;
    for (unsigned k = 0; k < NAME_LEN; k++) {
        in->name[k] = attacks[i].name[k];
        if (!attacks[i].name[k])
            break;
    }
    in->name[NAME_LEN - 1] = 0;

    seL4_Word got;
    if (attacks[i].kind == LOAD) {
        got = *(volatile seL4_Word *)t;
    } else {
        register seL4_Word x0 __asm__("x0") = 0;
        __asm__ volatile("blr %1" : "+r"(x0) : "r"(t) : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9",
                         "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x30", "memory", "cc");
        got = x0;
    }
    leaked(in, got);
}

void notified(microkit_channel ch)
{
    (void)ch;
}
