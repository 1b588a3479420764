/*
 * vCPUs: the guest CPUs of <virtual_machine>s (docs/kernel.md, "Virtual
 * machines"). Each is a struct pd of kind vCPU, a child of its VMM, so that
 * scheduling, budgets, faults to the parent, restart and stop are the PD
 * machinery; what only a vCPU has is here: its EL1 system registers and
 * exit information (the part el2.S reads and writes, vcpu_layout.h), its
 * stage-2 address space and its virtual GIC state.
 */
#ifndef ARCH_VCPU_H
#define ARCH_VCPU_H

#include "kernel.h"
#include "vcpu_layout.h"
#include "vgic.h"

struct vcpu {
    /* Seen by el2.S (vcpu_layout.h). */
    u64 regs_pa;
    u64 sys[MK_VCPU_NUM_REGS];
    u64 par, csselr, tpidrro;
    u64 vttbr;
    u64 esr, far, ipa;
    u64 mdscr;
    /* The kernel's. */
    struct pd *pd;
    u8 vppi_masked;          /* the virtual timer's VPPI event is out, until AckVPPI */
    struct vgic_shadow vgic; /* list registers etc. while another vCPU has the GIC's */
    struct {                 /* breakpoints and watchpoints while another vCPU has the CPU's (vcpu.c) */
        u64 bvr[6], bcr[6], wvr[4], wcr[4];
        u64 os_unlocked;     /* the OS lock: 0 locked, as out of reset */
    } dbg;
};

/* arch/aarch64/vcpu.c */
void vcpu_create(struct pd *p, const struct mk_pd *d);
__attribute__((noreturn)) void vcpu_run(struct pd *p);
u64 vcpu_reg_read(struct vcpu *v, u64 reg, int *err);
int vcpu_reg_write(struct vcpu *v, u64 reg, u64 value);
u64 vcpu_sanitise_spsr(u64 spsr);
int vcpu_ack_vppi(struct vcpu *v, u64 irq);

/* arch/aarch64/stage2.c */
u64 stage2_create(unsigned vmid);
void stage2_map(u64 vttbr, const struct mk_map *m);

/* arch/aarch64/el2.S */
u64 el2_vcpu_run(u64 vcpu_pa);

static inline u64 el2_call(u64 fn, u64 arg)
{
    register u64 x0 __asm__("x0") = fn;
    register u64 x1 __asm__("x1") = arg;

    __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1) :: "memory");
    return x0;
}

#endif
