/*
 * The vm example's VMM: boots Debian's arm64 Linux in a one-vCPU virtual
 * machine and handles its exits (docs/examples.md, "vm").
 *
 * Each exit of the guest reaches fault() with seL4's fault label and
 * message: VM faults are the guest's accesses to the GIC distributor
 * (emulated in vgic.c), VCPU faults its SMCs (PSCI, psci.c), WFIs and
 * trapped system registers, VPPI events its virtual timer, VGIC maintenance
 * its EOIs. The PL011's interrupt arrives as a notification and is passed
 * on to the guest; the UART's registers are mapped into the guest directly.
 * Returning true from fault() resumes the guest at its (edited) PC.
 */
#include <stddef.h>
#include "vmm.h"
#include "vm_layout.h"

/*
 * pc, sp, spsr and x0..x30: the first 34 words of seL4_UserContext. The
 * exits never need the guest's EL0 thread registers (tpidr_el0,
 * tpidrro_el0, the last two), so they are neither read nor written back.
 */
#define NUM_REGS 34
#define SPSR_EL1H_MASKED 0x3c5 /* EL1 with SP_EL1, D, A, I and F masked: the boot protocol's state */
#define SCTLR_EL1_RESET  0x30d00800 /* MMU and caches off, the RES1 bits of ARMv8.0 */
#define MPIDR_CPU0       0x80000000 /* affinity 0, the DT's cpu@0; bit 31 is RES1 */

/* ESR_EL2 (Arm ARM D17.2.37): the exception class and the data-abort syndrome. */
#define ESR_EC(esr)   (((esr) >> 26) & 0x3f)
#define EC_WFX        0x01
#define EC_HVC64      0x16
#define EC_SMC64      0x17
#define EC_SYSREG     0x18
#define ESR_ISV       (1ul << 24)
#define ESR_SAS(esr)  (((esr) >> 22) & 3)
#define ESR_SSE       (1ul << 21)
#define ESR_SRT(esr)  (((esr) >> 16) & 0x1f)
#define ESR_SF        (1ul << 15)
#define ESR_WNR       (1ul << 6)

enum exit_kind {
    EXIT_MMIO_GICD,
    EXIT_SMC_PSCI,
    EXIT_HVC,
    EXIT_WFX,
    EXIT_SYSREG,
    EXIT_VPPI,
    EXIT_MAINTENANCE,
    EXIT_UART_IRQ,
    EXIT_OTHER,
    EXIT_KINDS
};

static const char *const exit_names[EXIT_KINDS] = {
    [EXIT_MMIO_GICD] = "mmio-gicd",
    [EXIT_SMC_PSCI] = "smc-psci",
    [EXIT_HVC] = "hvc",
    [EXIT_WFX] = "wfi/wfe",
    [EXIT_SYSREG] = "sysreg",
    [EXIT_VPPI] = "vppi-vtimer",
    [EXIT_MAINTENANCE] = "vgic-maintenance",
    [EXIT_UART_IRQ] = "uart-irq",
    [EXIT_OTHER] = "other",
};

static seL4_Word exits[EXIT_KINDS];
static bool guest_off;

/* ---------------------------------------------------------------- printing */

void vmm_puts(const char *s)
{
    microkit_dbg_puts(s);
}

void vmm_puthex(seL4_Word x)
{
    char buf[19];
    int i = 18;

    buf[i] = 0;
    do {
        buf[--i] = "0123456789abcdef"[x & 0xf];
        x >>= 4;
    } while (x);
    buf[--i] = 'x';
    buf[--i] = '0';
    vmm_puts(&buf[i]);
}

void vmm_putdec(seL4_Word x)
{
    char buf[21];
    int i = 20;

    buf[i] = 0;
    do {
        buf[--i] = '0' + x % 10;
        x /= 10;
    } while (x);
    vmm_puts(&buf[i]);
}

static void print_exits(void)
{
    seL4_Word total = 0;

    vmm_puts("vmm: exits:");
    for (int k = 0; k < EXIT_KINDS; k++) {
        vmm_puts(" ");
        vmm_puts(exit_names[k]);
        vmm_puts("=");
        vmm_putdec(exits[k]);
        total += k == EXIT_UART_IRQ ? 0 : exits[k];
    }
    vmm_puts(" total=");
    vmm_putdec(total);
    vmm_puts(" (uart-irq: notifications, not exits)\n");
    vmm_puts("vmm: interrupts injected=");
    vmm_putdec(vgic_injected);
    vmm_puts(" waited-for-a-list-register=");
    vmm_putdec(vgic_waited);
    vmm_puts(" failed=");
    vmm_putdec(vgic_inject_errors);
    vmm_puts(" list registers still held=");
    vmm_putdec(vgic_lrs_in_use());
    vmm_puts("\n");
}

/* ---------------------------------------------------------------- registers */

/*
 * Where x0..x30 are in seL4_UserContext: seL4's AArch64 order is not
 * numeric (pc, sp, spsr, x0..x8, x16..x18, x29, x30, x9..x15, x19..x28,
 * tpidr_el0, tpidrro_el0), so the fields are looked up by name.
 */
#define X(n) [n] = offsetof(seL4_UserContext, x##n) / sizeof(seL4_Word)
static const unsigned char x_word[31] = {
    X(0), X(1), X(2), X(3), X(4), X(5), X(6), X(7), X(8), X(9), X(10), X(11), X(12), X(13), X(14), X(15),
    X(16), X(17), X(18), X(19), X(20), X(21), X(22), X(23), X(24), X(25), X(26), X(27), X(28), X(29), X(30),
};
#undef X

seL4_Word ctx_get_x(const seL4_UserContext *ctx, unsigned n)
{
    return n < 31 ? ((const seL4_Word *)ctx)[x_word[n]] : 0;
}

void ctx_set_x(seL4_UserContext *ctx, unsigned n, seL4_Word v)
{
    if (n < 31) {
        ((seL4_Word *)ctx)[x_word[n]] = v;
    }
}

static bool read_regs(seL4_UserContext *ctx)
{
    seL4_Error err = seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + GUEST_VCPU, seL4_False, 0, NUM_REGS, ctx);
    if (err != seL4_NoError) {
        vmm_puts("vmm: seL4_TCB_ReadRegisters failed with error ");
        vmm_putdec(err);
        vmm_puts("\n");
        return false;
    }
    return true;
}

/* Writes the registers back without resuming: the reply to the fault resumes the guest. */
static bool write_regs(seL4_UserContext *ctx)
{
    seL4_Error err = seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + GUEST_VCPU, seL4_False, 0, NUM_REGS, ctx);
    if (err != seL4_NoError) {
        vmm_puts("vmm: seL4_TCB_WriteRegisters failed with error ");
        vmm_putdec(err);
        vmm_puts("\n");
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- stopping */

void vmm_guest_stopped(const char *why)
{
    guest_off = true;
    vmm_puts("vmm: guest powered off (");
    vmm_puts(why);
    vmm_puts("), VM stopped\n");
    print_exits();
    microkit_vcpu_stop(GUEST_VCPU);
}

/* An exit this VMM does not handle: say which, with what it knows, and stop the guest. */
static bool unhandled(const char *what, seL4_Word ip, seL4_Word detail_a, seL4_Word detail_b)
{
    exits[EXIT_OTHER]++;
    vmm_puts("vmm: unhandled exit: ");
    vmm_puts(what);
    vmm_puts(" at guest pc ");
    vmm_puthex(ip);
    vmm_puts(" (");
    vmm_puthex(detail_a);
    vmm_puts(", ");
    vmm_puthex(detail_b);
    vmm_puts("); stopping the guest\n");
    print_exits();
    guest_off = true;
    microkit_vcpu_stop(GUEST_VCPU);
    return false;
}

/* ---------------------------------------------------------------- exits */

/* A data abort on guest-physical addr: the distributor, decoded from the syndrome. */
static bool vm_fault(seL4_Word ip, seL4_Word addr, seL4_Word prefetch, seL4_Word esr)
{
    seL4_UserContext ctx;
    unsigned size = 1u << ESR_SAS(esr);
    unsigned srt = ESR_SRT(esr);
    bool write = (esr & ESR_WNR) != 0;

    if (prefetch || addr < GICD_BASE || addr >= GICD_BASE + GICD_SIZE) {
        return unhandled(prefetch ? "instruction fetch from unmapped guest-physical address"
                                  : "access to unmapped guest-physical address (address, ESR_EL2)",
                         ip, addr, esr);
    }
    if (!(esr & ESR_ISV)) {
        return unhandled("distributor access without a valid syndrome, ISV 0 (address, ESR_EL2)", ip, addr, esr);
    }
    if (!read_regs(&ctx)) {
        return false;
    }
    seL4_Word value = write ? ctx_get_x(&ctx, srt) : 0;
    if (!vgic_dist_access(addr - GICD_BASE, write, size, &value)) {
        return unhandled("distributor register not emulated (address, ESR_EL2)", ip, addr, esr);
    }
    if (!write) {
        if ((esr & ESR_SSE) && size < 8 && (value >> (8 * size - 1)) & 1) {
            value |= ~0ul << (8 * size);
        }
        if (!(esr & ESR_SF)) {
            value &= 0xffffffff;
        }
        ctx_set_x(&ctx, srt, value);
    }
    exits[EXIT_MMIO_GICD]++;
    ctx.pc += 4;
    return write_regs(&ctx);
}

static bool smc(void)
{
    seL4_UserContext ctx;

    exits[EXIT_SMC_PSCI]++;
    if (!read_regs(&ctx)) {
        return false;
    }
    if (!psci_call(&ctx)) {
        return false; /* powered off: no reply, the vCPU stays stopped */
    }
    ctx.pc += 4; /* the kernel leaves the PC at the SMC */
    return write_regs(&ctx);
}

/*
 * A trapped MSR/MRS: read as zero, writes ignored. The debug registers
 * (Op0 2: MDSCR_EL1, OSLAR_EL1, the breakpoint and watchpoint registers
 * Linux resets at boot) are expected and only counted; any other register
 * is reported the first time it is seen.
 */
static bool sysreg(seL4_Word esr)
{
    static seL4_Word seen[8];
    seL4_Word id = esr & 0x3ffc1e; /* Op0, Op2, Op1, CRn, CRm: without Rt and the direction */
    unsigned i;
    seL4_UserContext ctx;

    exits[EXIT_SYSREG]++;
    for (i = 0; i < 8 && seen[i] != 0 && seen[i] != id + 1; i++) {
    }
    if (((esr >> 20) & 3) != 2 && i < 8 && seen[i] == 0) {
        seen[i] = id + 1;
        vmm_puts("vmm: trapped system register access (ESR_EL2 ");
        vmm_puthex(esr);
        vmm_puts("): read as zero, writes ignored\n");
    }
    if (!read_regs(&ctx)) {
        return false;
    }
    if (esr & 1) { /* MRS: a read into Rt */
        ctx_set_x(&ctx, (esr >> 5) & 0x1f, 0);
    }
    ctx.pc += 4;
    return write_regs(&ctx);
}

static bool vcpu_fault(seL4_Word esr)
{
    seL4_UserContext ctx;

    switch (ESR_EC(esr)) {
    case EC_WFX:
        /* Nothing to wait for here: the guest's timer and the UART interrupt it anyway. */
        exits[EXIT_WFX]++;
        if (seL4_TCB_ReadRegisters(BASE_VM_TCB_CAP + GUEST_VCPU, seL4_False, 0, 1, &ctx) != seL4_NoError) {
            return false;
        }
        ctx.pc += 4;
        return seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + GUEST_VCPU, seL4_False, 0, 1, &ctx) == seL4_NoError;
    case EC_SMC64:
        return smc();
    case EC_SYSREG:
        return sysreg(esr);
    default:
        if (!read_regs(&ctx)) {
            return false;
        }
        return unhandled("VCPU fault with an exception class not handled (ESR_EL2, EC)", ctx.pc, esr, ESR_EC(esr));
    }
}

/* A guest HVC (seL4's unknown-syscall fault): PSCI by HVC is answered too. */
static bool hvc(void)
{
    seL4_UserContext ctx;
    seL4_Word ip = microkit_mr_get(seL4_UnknownSyscall_FaultIP);

    exits[EXIT_HVC]++;
    if (!read_regs(&ctx)) {
        return false;
    }
    if (!psci_call(&ctx)) {
        return false;
    }
    ctx.pc = ip + 4;
    return write_regs(&ctx);
}

seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo *reply_msginfo)
{
    *reply_msginfo = microkit_msginfo_new(0, 0);
    if (child != GUEST_VCPU || guest_off) {
        vmm_puts("vmm: exit from an unexpected child or a stopped guest, child ");
        vmm_putdec(child);
        vmm_puts("\n");
        return seL4_False;
    }
    switch (microkit_msginfo_get_label(msginfo)) {
    case seL4_Fault_VMFault:
        return vm_fault(microkit_mr_get(seL4_VMFault_IP), microkit_mr_get(seL4_VMFault_Addr),
                        microkit_mr_get(seL4_VMFault_PrefetchFault), microkit_mr_get(seL4_VMFault_FSR));
    case seL4_Fault_VCPUFault:
        return vcpu_fault(microkit_mr_get(seL4_VCPUFault_HSR));
    case seL4_Fault_VPPIEvent:
        exits[EXIT_VPPI]++;
        vgic_raise(microkit_mr_get(seL4_VPPIEvent_IRQ));
        return seL4_True;
    case seL4_Fault_VGICMaintenance:
        exits[EXIT_MAINTENANCE]++;
        vgic_maintenance(microkit_mr_get(seL4_VGICMaintenance_IDX));
        return seL4_True;
    case seL4_Fault_UnknownSyscall:
        return hvc();
    case seL4_Fault_UserException:
        return unhandled("user exception (an undefined instruction?) (ESR-class number, SPSR)",
                         microkit_mr_get(seL4_UserException_FaultIP), microkit_mr_get(seL4_UserException_Number),
                         microkit_mr_get(seL4_UserException_SPSR));
    default:
        return unhandled("fault with an unknown label (label, first message register)", 0,
                         microkit_msginfo_get_label(msginfo), microkit_mr_get(0));
    }
}

void notified(microkit_channel ch)
{
    if (ch == UART_CH && !guest_off) {
        exits[EXIT_UART_IRQ]++;
        vgic_raise(UART_IRQ); /* acknowledged when the guest has served it (vgic.c) */
    }
}

void init(void)
{
    seL4_UserContext ctx = {0};
    seL4_Word dtb = 0;

    vgic_init();
    seL4_Word entry = guest_load(&dtb);
    if (entry == 0) {
        vmm_puts("vmm: the guest is not started\n");
        return;
    }
    /* The boot protocol's entry state: x0 the device tree, MMU off, interrupts masked, at EL1. */
    ctx.pc = entry;
    ctx.spsr = SPSR_EL1H_MASKED;
    ctx.x0 = dtb;
    if (!write_regs(&ctx)) {
        return;
    }
    microkit_vcpu_arm_write_reg(GUEST_VCPU, seL4_VCPUReg_SCTLR, SCTLR_EL1_RESET);
    microkit_vcpu_arm_write_reg(GUEST_VCPU, seL4_VCPUReg_VMPIDR_EL2, MPIDR_CPU0);
    vmm_puts("vmm: starting Linux at ");
    vmm_puthex(entry);
    vmm_puts("\n");
    microkit_vcpu_restart(GUEST_VCPU, entry);
}
