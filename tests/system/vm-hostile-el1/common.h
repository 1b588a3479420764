/* What both VMMs of vm-hostile-el1 share: their vCPU's registers, the guest's copy. */
#include "vmm-test.h"

#define VCPU 0

static seL4_UserContext regs;

static inline void read_regs(void)
{
    vcpu_read_regs(VCPU, &regs);
}

static inline void write_regs(void)
{
    vcpu_write_regs(VCPU, &regs);
}

static inline void advance(void)
{
    vcpu_advance(VCPU, &regs);
}

static inline void copy_guest(uintptr_t ram)
{
    char *dst = (char *)ram;

    for (const char *src = guest_start; src < guest_end; src++) {
        *dst++ = *src;
    }
    for (uintptr_t p = ram; p < ram + (uintptr_t)(guest_end - guest_start); p += 4096) {
        seL4_ARM_VSpace_Clean_Data(3, p, p + 4096);
    }
}
