/*
 * Running vCPUs (docs/kernel.md, "Virtual machines"). A vCPU is a struct pd
 * of kind vCPU: the scheduler picks it like a PD, and entry.S's switch,
 * seeing pd->vcpu, comes to vcpu_run instead of returning to EL0. vcpu_run
 * enters the guest through the EL2 world switch (el2.S) and turns each
 * exit into what seL4 would do:
 *
 *   stage-2 data/instruction abort     VM fault (6) to the VMM
 *   guest HVC                          unknown syscall (2)
 *   SMC, WFI/WFE, trapped sysreg, ...  VCPU fault (8), PC at the instruction
 *   physical IRQ                       the kernel's IRQ path, as for a PD;
 *                                      first: an EOI the guest made (VGIC
 *                                      maintenance, 7) or its virtual timer
 *                                      firing (VPPI event, 9)
 *
 * and then runs the vCPU again, or whatever the scheduler says.
 */
#include "vcpu.h"
#include "sched.h"
#include "memlayout.h"
#include "sysreg.h"
#include "fpu.h"

#define VLAYOUT(field, off) _Static_assert(offsetof(struct vcpu, field) == (off), "vcpu_layout.h: " #field)
VLAYOUT(regs_pa, VCPU_REGS_PA);
VLAYOUT(sys, VCPU_SYS);
VLAYOUT(par, VCPU_PAR);
VLAYOUT(csselr, VCPU_CSSELR);
VLAYOUT(tpidrro, VCPU_TPIDRRO);
VLAYOUT(vttbr, VCPU_VTTBR);
VLAYOUT(esr, VCPU_ESR);
VLAYOUT(far, VCPU_FAR);
VLAYOUT(ipa, VCPU_IPA);
VLAYOUT(mdscr, VCPU_MDSCR);
_Static_assert(offsetof(struct vcpu, pd) == VCPU_SIZE, "vcpu_layout.h: size");
_Static_assert(VR_CNTKCTL == VCPU_SYS + (MK_VCPU_NUM_REGS - 1) * 8, "vcpu_layout.h: seL4_VCPUReg count");

/* seL4's fault labels and the exception classes of ESR_EL2 that differ from ESR_EL1's. */
#define FAULT_UNKNOWN_SYSCALL 2
#define FAULT_VM              6
#define FAULT_VGIC_MAINT      7
#define FAULT_VCPU            8
#define FAULT_VPPI            9
#define EC_HVC64              0x16

#define SYSIDX(off) (((off) - VCPU_SYS) / 8) /* vcpu_layout.h offset -> sys[] index */
#define SCTLR_EL1_RES1 0x30d00800ULL /* MMU and caches off */
#define SPSR_EL1H_MASKED 0x3c5ULL    /* EL1h, D, A, I, F masked */
#define CNTV_ENABLE  1
#define CNTV_IMASK   2
#define CNTV_ISTATUS 4

/* Beside the PD table, not cleared at boot (kmain's clear is boot time for every system): vcpu_create clears each. */
static struct vcpu vcpus[MK_MAX_PDS] __attribute__((section(".bss.pd_table")));
static u64 vm_stage2[MK_MAX_PDS]; /* by VM index: VTTBR (VMID | level-1 table), 0 until built */

/* A vCPU entry of the system table becomes a stopped child of its VMM. */
void vcpu_create(struct pd *p, const struct mk_pd *d)
{
    const struct mk_map *maps = systable_maps(systable);
    struct vcpu *v = &vcpus[p->index];

    memset(v, 0, sizeof(*v));
    if (!vm_stage2[d->vm]) {
        vm_stage2[d->vm] = stage2_create(d->vm + 1u);
        for (u32 i = 0; i < d->map_count; i++)
            stage2_map(vm_stage2[d->vm], &maps[d->map_first + i]);
    }
    v->pd = p;
    v->regs_pa = KVA_TO_PA(p);
    v->vttbr = vm_stage2[d->vm];
    v->sys[SYSIDX(VR_SCTLR)] = SCTLR_EL1_RES1;
    v->sys[SYSIDX(VR_CPACR)] = 3ULL << 20; /* FP/SIMD on, as a guest kernel expects to find it */
    v->sys[SYSIDX(VR_VMPIDR)] = (1ULL << 31) | p->child_id; /* RES1 | Aff0 = the vcpu id */
    p->regs.spsr = SPSR_EL1H_MASKED;
    p->vcpu = v;
    p->state = PD_STOPPED; /* until the VMM restarts it */
}

/* A guest PSTATE may only be EL1h, EL1t or EL0t in AArch64: never EL2 (that would be ours). */
u64 vcpu_sanitise_spsr(u64 spsr)
{
    u64 mode = spsr & 0x1f;

    spsr &= 0xf00003c0ULL; /* NZCV, DAIF */
    return spsr | ((mode == 0x5 || mode == 0x4 || mode == 0x0) ? mode : 0x5);
}

/* seL4_ARM_VCPU_ReadRegs / WriteRegs: reg is an seL4_VCPUReg_*. */
u64 vcpu_reg_read(struct vcpu *v, u64 reg, int *err)
{
    if (reg >= MK_VCPU_NUM_REGS) {
        *err = MK_EINVALID_ARGUMENT;
        return 0;
    }
    *err = MK_OK;
    return v->sys[reg];
}

int vcpu_reg_write(struct vcpu *v, u64 reg, u64 value)
{
    if (reg >= MK_VCPU_NUM_REGS)
        return MK_EINVALID_ARGUMENT;
    if (reg == SYSIDX(VR_ISR))
        return MK_OK; /* read only, as the hardware's */
    if (reg == SYSIDX(VR_SPSR_EL1))
        value &= 0xffffffffULL;
    v->sys[reg] = value;
    return MK_OK;
}

u64 vcpu_reg_read_tpidrro(const struct vcpu *v)
{
    return v->tpidrro;
}

void vcpu_reg_write_tpidrro(struct vcpu *v, u64 value)
{
    v->tpidrro = value;
}

int vcpu_ack_vppi(struct vcpu *v, u64 irq)
{
    if (irq != VGIC_VTIMER_INTID)
        return MK_EINVALID_ARGUMENT;
    v->vppi_masked = 0;
    return MK_OK;
}

/* The FP registers become the vCPU's (guests run with FP on: the lazy trap is EL1's own). */
static void fpu_claim(struct pd *p)
{
    if (fpu_owner == p)
        return;
    fpu_set_cpacr(CPACR_FP_ON);
    isb();
    if (fpu_owner)
        fpu_save(&fpu_owner->fp);
    fpu_load(&p->fp);
    fpu_owner = p;
}

/*
 * The breakpoint and watchpoint registers and the OS lock: debug registers
 * do not trap (a guest kernel programs MDSCR_EL1 and the OS lock at boot),
 * so a guest may set them; they are its own, kept per vCPU like its EL1 registers, but
 * switched lazily: only when a vCPU runs that is not the one whose values
 * the CPU holds. Left in place meanwhile, they fire nowhere: the kernel and
 * PDs never enable debug exceptions (MDSCR_EL1, cpu.c; a guest's is
 * switched by el2.S). The CPUs Minikit runs on (QEMU's Cortex-A53, A57,
 * A72) have 6 breakpoints and 4 watchpoints.
 */
#define DBG_SWAP(kind, n) o->kind[n] = read_sysreg(dbg##kind##n##_el1); write_sysreg(dbg##kind##n##_el1, d->kind[n]);
#define BP_SWAP(n) DBG_SWAP(bvr, n) DBG_SWAP(bcr, n)
#define WP_SWAP(n) DBG_SWAP(wvr, n) DBG_SWAP(wcr, n)

static void debug_claim(struct vcpu *v)
{
    static struct vcpu *owner;
    static typeof(v->dbg) none; /* before any vCPU ran: the kernel's (all clear) */
    typeof(v->dbg) *o = owner ? &owner->dbg : &none, *d = &v->dbg;

    if (owner == v)
        return;
    BP_SWAP(0) BP_SWAP(1) BP_SWAP(2) BP_SWAP(3) BP_SWAP(4) BP_SWAP(5)
    WP_SWAP(0) WP_SWAP(1) WP_SWAP(2) WP_SWAP(3)
    o->os_unlocked = !(read_sysreg(oslsr_el1) & 2); /* OSLK */
    write_sysreg(oslar_el1, !d->os_unlocked);
    owner = v;
}

static struct pd *fault_vm(struct pd *p, struct vcpu *v, u64 ec)
{
    u64 mr[4] = { p->regs.pc, v->ipa, ec == EC_IABT_LOWER, v->esr };

    return fault_send(p, FAULT_VM, 4, mr);
}

/* Guest HVC: seL4's unknown-syscall message; the PC goes back to the hvc, as seL4's FaultIP. */
static struct pd *fault_hvc(struct pd *p)
{
    const u64 *x = p->regs.x;

    p->regs.pc -= 4;
    u64 mr[FAULT_MAX_MRS] = { x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7],
                              p->regs.pc, p->regs.sp, x[30], p->regs.spsr, x[7] };
    return fault_send(p, FAULT_UNKNOWN_SYSCALL, FAULT_MAX_MRS, mr);
}

static struct pd *exit_sync(struct pd *p, struct vcpu *v)
{
    u64 ec = ESR_EC(v->esr);

    if (ec == EC_DABT_LOWER || ec == EC_IABT_LOWER)
        return fault_vm(p, v, ec);
    if (ec == EC_HVC64)
        return fault_hvc(p);
    /* SMC (PC at it: HCR_EL2.TSC traps before it executes), WFI/WFE, system registers, the rest. */
    return fault_send(p, FAULT_VCPU, 1, &v->esr);
}

/*
 * An IRQ exit: first what only a vCPU has (an EOI the guest made, its
 * virtual timer firing), then the kernel's IRQ path as for any PD. A
 * physical IRQ left pending brings the CPU straight back to the kernel.
 */
static struct pd *exit_irq(struct pd *p, struct vcpu *v)
{
    int64_t idx;

    if (vgic_maintenance(v, &idx))
        return fault_send(p, FAULT_VGIC_MAINT, 1, (u64 *)&idx);
    u64 ctl = v->sys[SYSIDX(VR_CNTV_CTL)];
    if (!v->vppi_masked && (ctl & (CNTV_ENABLE | CNTV_IMASK | CNTV_ISTATUS)) == (CNTV_ENABLE | CNTV_ISTATUS)) {
        u64 irq = VGIC_VTIMER_INTID;
        v->vppi_masked = 1; /* until seL4_ARM_VCPU_AckVPPI */
        vgic_vtimer_enable(0);
        return fault_send(p, FAULT_VPPI, 1, &irq);
    }
    return irq_dispatch_vm(p);
}

/* Entered from entry.S (arch_switch_to) on the kernel stack, for good. */
void vcpu_run(struct pd *p)
{
    for (;;) {
        struct vcpu *v = p->vcpu;
        struct pd *next;

        fpu_claim(p);
        vgic_load(v);
        debug_claim(v);
        dsb(ish); /* the registers the kernel wrote reach EL2 */
        u64 why = el2_vcpu_run(KVA_TO_PA(v));
        if (why == EXIT_SYNC)
            next = exit_sync(p, v);
        else if (why == EXIT_IRQ)
            next = exit_irq(p, v);
        else
            next = fault_send(p, FAULT_VCPU, 1, &v->esr); /* SError */
#ifdef MK_CONFIG_DEBUG
        sched_check(next); /* core/sched_check.c: as entry.S does on every exit to a PD */
#endif
        if (next != p) {
            write_sysreg(tpidr_el0, p->tpidr); /* arch_switch_to stores it as p's: the guest's, not EL1's */
            arch_switch_to(next, p);
        }
    }
}
