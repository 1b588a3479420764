/*
 * PD faults (docs/concepts.md, "Children and faults"). A child's fault goes to its parent's
 * fault() as a message in the seL4 format (docs/concepts.md, "Children and faults"); the child waits
 * for the parent's reply, restart or stop. Any other fault is reported on
 * the console and stops only the faulting PD; the rest of the system carries
 * on. A caller blocked on a faulted PD stays blocked, as on seL4: the report
 * names every such PD. Debug builds name the function of each PC (core/symtab.c)
 * and hint at the likely cause where the fault's address suggests one.
 */
#include "kernel.h"
#include "sched.h"
#include "sysreg.h"
#include "vm.h"

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

/*
 * Debug builds only (release and benchmark kernels stay as they were): the
 * function names, the hints and the list of PDs a fault leaves blocked.
 */
#ifdef MK_CONFIG_DEBUG
#define NAME_MAX_LEN 64

/* " in function+0xoff" when the debug image knows the PD's function at pc. */
static int print_symbol(const struct pd *p, u64 pc, char *name)
{
    u64 off;

    if (!symtab_lookup(p->index, pc, name, NAME_MAX_LEN, &off))
        return 0;
    kprintf(" in %s+0x%lx", name, off);
    return 1;
}

static int starts_with(const char *s, const char *prefix)
{
    while (*prefix)
        if (*s++ != *prefix++)
            return 0;
    return 1;
}

/* The first lines of a report: where the PD was (pc, and lr when it has a name). */
static void print_where(const struct pd *p, u64 pc, char *name)
{
    char lr_name[NAME_MAX_LEN];

    kprintf("minikit|   pc 0x%lx", pc);
    int named = print_symbol(p, pc, name);
    kputs("\n");
    /* lr: where the faulting function was called from, when it is another function. */
    if (named && symtab_lookup(p->index, p->regs.x[30], lr_name, sizeof(lr_name), &(u64){0}) &&
        !(starts_with(lr_name, name) && starts_with(name, lr_name))) {
        kprintf("minikit|   lr 0x%lx", p->regs.x[30]);
        print_symbol(p, p->regs.x[30], lr_name);
        kputs(" (the caller, unless the function had called another)\n");
    }
}

#endif

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

#ifdef MK_CONFIG_DEBUG
/* Hints at the likely cause of a VM fault at `far` in function fn ("" if unknown). */
static void print_hints(u64 far, const char *fn)
{
    if (far < 0x10000) {
        if (starts_with(fn, "microkit_internal"))
            kprintf("minikit|   hint: libmicrokit stopped this PD on purpose (error code %lu; its line above says why)\n",
                    far);
        else
            kprintf("minikit|   hint: 0x%lx is a null pointer (or close to one); if it came from a variable the "
                    "tool should set, is the region's setvar_vaddr set in the .system file? (libmicrokit also "
                    "stops a PD this way, after a line saying why)\n", far);
    }
}

/*
 * The PDs left waiting on self for good: its caller(s) in a PPC, queued or
 * served, and, transitively, the PDs calling those. Not a hot path: a PD
 * has just faulted.
 */
static void print_blocked(struct pd *self)
{
    u64 blocked = 1ULL << self->index; /* MK_MAX_PDS < 64 */
    int grew = 1;

    while (grew) {
        grew = 0;
        for (unsigned i = 0; i < npds; i++) {
            struct pd *p = &pds[i];
            if ((blocked >> i) & 1 || (p->state != PD_CALLING && p->state != PD_SENDING) || !p->callee)
                continue;
            if ((blocked >> p->callee->index) & 1) {
                blocked |= 1ULL << i;
                grew = 1;
                kprintf("minikit|   PD '%.64s' is blocked in a protected procedure call to '%.64s'%s; it will not be "
                        "answered\n", p->desc->name, p->callee->desc->name,
                        p->callee == self ? "" : " (which waits on the faulted PD)");
            }
        }
    }
}
#endif

static struct pd *stop_faulted(struct pd *self)
{
    struct pd *next = sched_pick();

#ifdef MK_CONFIG_DEBUG
    print_blocked(self);
#endif
    self->state = PD_FAULTED;
    kprintf("minikit| PD '%.64s' stopped; the rest of the system carries on\n", self->desc->name);
    return next ? next : idle();
}

/* seL4's fault labels (docs/concepts.md, "Children and faults") */
#define FAULT_UNKNOWN_SYSCALL  2
#define FAULT_USER_EXCEPTION   3
#define FAULT_VM               6

#define SPSR_FLAGS 0xf0000000ULL /* NZCV: all of SPSR_EL1 a parent may set for a PD */

/* Hand the fault to the parent, as the seL4 fault message (docs/concepts.md, "Children and faults"). */
struct pd *fault_send(struct pd *self, u64 label, unsigned len, const u64 *mr)
{
    self->fault_label = label;
    self->fault_len = (u8)len;
    for (unsigned i = 0; i < len; i++)
        self->fault_mr[i] = mr[i];
    return fault_to_parent(self);
}

/*
 * fault_reply, fault_raise and fault_unknown_syscall are cold (GCC optimises
 * them for size and places them apart): they run once per fault, and keeping
 * them small keeps the release and benchmark kernels' text within its pages.
 *
 * The parent's reply to a fault, as seL4's handleFaultReply: after an
 * unknown syscall or a user exception, the reply's first message registers
 * (up to the register part of that fault's message: X0..X7, FaultIP, SP,
 * LR, SPSR; or FaultIP, SP, SPSR) become the child's registers, so a
 * handler can emulate the instruction; and only a reply with label 0
 * resumes it. Every other fault resumes it as it is. The SPSR a parent
 * writes is sanitised: a PD stays at EL0 with interrupts unmasked (only
 * the flags are its own), a vCPU at EL1 or EL0 of its guest. Returns 0 if
 * the child must stay halted.
 */
__attribute__((cold)) int fault_reply(struct pd *c, const u64 *mr, u64 tag)
{
    u64 len = tag & MK_TAG_LENGTH_MASK;
    u64 *reg[12];
    unsigned n;

    if (c->fault_label == FAULT_UNKNOWN_SYSCALL) {
        for (n = 0; n < 8; n++)
            reg[n] = &c->regs.x[n];
        reg[8] = &c->regs.pc;
        reg[9] = &c->regs.sp;
        reg[10] = &c->regs.x[30];
        reg[11] = &c->regs.spsr;
        n = 12;
    } else if (c->fault_label == FAULT_USER_EXCEPTION) {
        reg[0] = &c->regs.pc;
        reg[1] = &c->regs.sp;
        reg[2] = &c->regs.spsr;
        n = 3;
    } else {
        return 1;
    }
    for (unsigned i = 0; i < len && i < n; i++)
        *reg[i] = mr[i];
    c->regs.spsr = pd_is_vcpu(c) ? vcpu_sanitise_spsr(c->regs.spsr) : (c->regs.spsr & SPSR_FLAGS);
    return (tag >> MK_TAG_LABEL_SHIFT) == 0;
}

__attribute__((cold)) struct pd *fault_raise(struct pd *self, u64 esr, u64 far)
{
    u64 ec = ESR_EC(esr);
    int is_vm_fault = ec == EC_DABT_LOWER || ec == EC_IABT_LOWER;
    u64 addr = is_vm_fault ? far : self->regs.pc;

    TRACE(TR_FAULT, self, NULL, ec, addr);
    if (self->parent) {
        if (is_vm_fault) {
            u64 mr[4] = { self->regs.pc, far, ec == EC_IABT_LOWER, esr };
            return fault_send(self, FAULT_VM, 4, mr);
        }
        u64 mr[5] = { self->regs.pc, self->regs.sp, self->regs.spsr, ec, ESR_ISS(esr) };
        return fault_send(self, FAULT_USER_EXCEPTION, 5, mr);
    }

    kprintf("minikit| fault in PD '%.64s' (index %u): %s %s at address 0x%lx\n", self->desc->name, self->index,
            is_vm_fault ? "VM fault," : "user exception,", ec_name(ec), addr);
#ifdef MK_CONFIG_DEBUG
    char fn[NAME_MAX_LEN] = "";
    print_where(self, self->regs.pc, fn);
    kprintf("minikit|   esr 0x%lx (class 0x%lx, IL %lu, ISS 0x%lx)\n", esr, ec, ESR_IL(esr), ESR_ISS(esr));
    if (is_vm_fault) {
        print_abort(self, esr, far);
        print_hints(far, fn);
    }
#else
    kprintf("minikit|   pc 0x%lx, esr 0x%lx (class 0x%lx, IL %lu, ISS 0x%lx)\n", self->regs.pc, esr, ec,
            ESR_IL(esr), ESR_ISS(esr));
    if (is_vm_fault)
        print_abort(self, esr, far);
#endif
    print_regs(self);
    return stop_faulted(self);
}

__attribute__((cold)) struct pd *fault_unknown_syscall(struct pd *self)
{
    if (self->parent) {
        const u64 *x = self->regs.x;
        u64 mr[FAULT_MAX_MRS] = { x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7],
                                  self->regs.pc - 4, self->regs.sp, x[30], self->regs.spsr, x[8] };
        return fault_send(self, FAULT_UNKNOWN_SYSCALL, FAULT_MAX_MRS, mr);
    }
    kprintf("minikit| fault in PD '%.64s' (index %u): unknown syscall %lu at address 0x%lx\n", self->desc->name,
            self->index, self->regs.x[8], self->regs.pc - 4);
#ifdef MK_CONFIG_DEBUG
    char fn[NAME_MAX_LEN] = "";
    print_where(self, self->regs.pc - 4, fn);
#endif
    kputs("minikit|   (syscall numbers are in include/minikit/abi.h; was this PD built against this SDK?)\n");
    print_regs(self);
    return stop_faulted(self);
}
