/*
 * PD faults (semantics.md §4.4). A child's fault goes to its parent's
 * fault() as a message in the seL4 format (pd-api.md §9.4); the child waits
 * for the parent's reply, restart or stop. Any other fault is reported on
 * the console and stops only the faulting PD; the rest of the system carries
 * on. A caller blocked on a faulted PD stays blocked, as on seL4.
 */
#include "kernel.h"
#include "sched.h"
#include "sysreg.h"

static const char *ec_name(u64 ec)
{
    switch (ec) {
    case EC_UNKNOWN:    return "undefined instruction";
    case EC_ILLEGAL:    return "illegal execution state";
    case EC_SYSREG:     return "trapped system register access";
    case EC_IABT_LOWER: return "instruction abort";
    case EC_DABT_LOWER: return "data abort";
    case EC_PC_ALIGN:   return "PC alignment fault";
    case EC_SP_ALIGN:   return "SP alignment fault";
    case EC_BRK:        return "breakpoint (brk)";
    case EC_WFX:        return "trapped wfi/wfe";
    case EC_FP:         return "FP/SIMD instruction in a PD with fpu=\"false\"";
    default:            return "exception";
    }
}

/* Fault status code of an instruction or data abort (ISS bits 5..0). */
static const char *fsc_name(u64 fsc)
{
    switch (fsc & 0x3c) {
    case 0x00: return "address size fault";
    case 0x04: return "translation fault (nothing mapped there)";
    case 0x08: return "access flag fault";
    case 0x0c: return "permission fault";
    }
    switch (fsc) {
    case 0x10: return "synchronous external abort";
    case 0x21: return "alignment fault";
    case 0x30: return "TLB conflict abort";
    default:   return "unknown fault status";
    }
}

static void print_regs(const struct pd *p)
{
    kprintf("minikit|   pc  0x%016lx  sp  0x%016lx  spsr 0x%016lx\n", p->regs.pc, p->regs.sp, p->regs.spsr);
    for (int i = 0; i < 31; i += 3) {
        kputs("minikit|  ");
        for (int j = i; j < i + 3 && j < 31; j++)
            kprintf(" x%d%s 0x%016lx ", j, j < 10 ? " " : "", p->regs.x[j]);
        kputs("\n");
    }
    kprintf("minikit|   tpidr_el0 0x%016lx  tpidrro_el0 0x%016lx\n", read_sysreg(tpidr_el0),
            read_sysreg(tpidrro_el0));
}

static void print_abort(const struct pd *p, u64 esr, u64 far)
{
    u64 iss = ESR_ISS(esr), ec = ESR_EC(esr);
    const struct mk_pd *d = p->desc;

    kprintf("minikit|   %s: %s (level %u)", ec == EC_DABT_LOWER ? "data abort" : "instruction abort",
            fsc_name(iss & 0x3f), (unsigned)(iss & 3));
    if (ec == EC_DABT_LOWER) {
        kputs((iss >> 6) & 1 ? ", write" : ", read");
        if ((iss >> 9) & 1)
            kputs(", external abort");
        if ((iss >> 8) & 1)
            kputs(", cache maintenance");
        if ((iss >> 7) & 1)
            kputs(", stage-2 fault on a stage-1 walk");
    }
    kputs("\n");
    if (far < d->stack_bottom && far >= d->stack_bottom - 4096)
        kprintf("minikit|   hint: 0x%lx is in the guard page below the stack: probably a stack overflow "
                "(raise stack_size in the .system file)\n", far);
}

static struct pd *stop_faulted(struct pd *self)
{
    struct pd *next = sched_pick();

    self->state = PD_FAULTED;
    kprintf("minikit| PD '%s' stopped; the rest of the system carries on\n", self->desc->name);
    return next ? next : idle();
}

/* pd-api.md §9.4 labels */
#define FAULT_UNKNOWN_SYSCALL  2
#define FAULT_USER_EXCEPTION   3
#define FAULT_VM               6

/* Hand the fault to the parent, as the message pd-api.md §9.4 describes. */
static struct pd *fault_message(struct pd *self, u64 label, unsigned len, const u64 *mr)
{
    self->fault_label = label;
    self->fault_len = (u8)len;
    for (unsigned i = 0; i < len; i++)
        self->fault_mr[i] = mr[i];
    return fault_to_parent(self);
}

struct pd *fault_raise(struct pd *self, u64 esr, u64 far)
{
    u64 ec = ESR_EC(esr);
    int is_vm_fault = ec == EC_DABT_LOWER || ec == EC_IABT_LOWER;
    u64 addr = is_vm_fault ? far : self->regs.pc;

    if (self->parent) {
        if (is_vm_fault) {
            u64 mr[4] = { self->regs.pc, far, ec == EC_IABT_LOWER, esr };
            return fault_message(self, FAULT_VM, 4, mr);
        }
        u64 mr[5] = { self->regs.pc, self->regs.sp, self->regs.spsr, ec, ESR_ISS(esr) };
        return fault_message(self, FAULT_USER_EXCEPTION, 5, mr);
    }

    kprintf("minikit| fault in PD '%s' (index %u): %s %s at address 0x%lx\n", self->desc->name, self->index,
            is_vm_fault ? "VM fault," : "user exception,", ec_name(ec), addr);
    kprintf("minikit|   pc 0x%lx, esr 0x%lx (class 0x%lx, IL %lu, ISS 0x%lx)\n", self->regs.pc, esr, ec,
            ESR_IL(esr), ESR_ISS(esr));
    if (is_vm_fault)
        print_abort(self, esr, far);
    print_regs(self);
    return stop_faulted(self);
}

struct pd *fault_unknown_syscall(struct pd *self)
{
    if (self->parent) {
        const u64 *x = self->regs.x;
        u64 mr[FAULT_MAX_MRS] = { x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7],
                                  self->regs.pc - 4, self->regs.sp, x[30], self->regs.spsr, x[8] };
        return fault_message(self, FAULT_UNKNOWN_SYSCALL, FAULT_MAX_MRS, mr);
    }
    kprintf("minikit| fault in PD '%s' (index %u): unknown syscall %lu at address 0x%lx\n", self->desc->name,
            self->index, self->regs.x[8], self->regs.pc - 4);
    kputs("minikit|   (syscall numbers are in include/minikit/abi.h; was this PD built against this SDK?)\n");
    print_regs(self);
    return stop_faulted(self);
}
