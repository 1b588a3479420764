/*
 * Minikit kernel: the index of every cross-file function and the PD object.
 *
 * Principles, in order: the kernel must never be hurt by a PD (every argument
 * checked, every table field validated at boot); the call, reply and notify
 * paths stay short and loop-free; everything is static (no allocation after
 * boot, tables sized by the system table and checked against fixed limits);
 * simple and clear over clever everywhere else.
 */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdint.h>
#include <stddef.h>
#include <minikit/systable.h>
#include <minikit/abi.h>
#include "pd_layout.h"

typedef uint64_t u64;
typedef uint32_t u32;
typedef uint8_t u8;

#define NUM_PRIOS 256

/*
 * Saved user registers. Layout known to arch/aarch64/entry.S and fastpath.S.
 * The IPC fast paths (fastpath.S) hand a PD its results in x0/x1 without
 * storing them here, so x[0] and x[1] of a PD they entered are stale until
 * the next full save: C code may write them but must not read them back.
 * The fast paths also never test throttled_on: they run only while nothing
 * can park a PD (budgets and domains turn them off at boot, trap.c).
 */
struct regs {
    u64 x[31];  /* x0..x30 */
    u64 sp;     /* sp_el0 */
    u64 pc;     /* elr_el1 */
    u64 spsr;   /* spsr_el1 */
};

/* Saved FP/SIMD state, switched lazily (arch/aarch64/fpu.c). */
struct fpregs {
    __uint128_t q[32];
    u64 fpsr, fpcr;
};

enum pd_state {
    PD_RUNNABLE,   /* running, or in a ready queue */
    PD_WAITING,    /* in its event loop, waiting for a notification or a call */
    PD_CALLING,    /* made a PPC that a callee is serving; waits for the reply */
    PD_SENDING,    /* made a PPC; queued until the callee waits */
    PD_FAULTED,    /* stopped by a fault; a child waits for its parent's reply */
    PD_STOPPED,    /* suspended by its parent */
};

#define FAULT_MAX_MRS 13 /* the longest fault message: unknown syscall */

struct pd;
struct vcpu;

/* One channel end, indexed by this PD's id for the channel. */
struct ch_end {
    struct pd *peer; /* the other end's PD, NULL if the id is unused */
    u8 peer_id;      /* the other end's id for this channel */
    u8 flags;        /* MK_END_NOTIFY, MK_END_PP: what this end may do */
};

struct pd {
    struct regs regs;        /* must stay first: the exception entry saves here */
    u64 *ipcbuf;             /* kernel address of the IPC buffer */
    u64 ttbr0;               /* level-0 table | ASID << 48      (entry.S: PD_TTBR0) */
    u64 tpidr;               /* tpidr_el0, switched with the PD (entry.S: PD_TPIDR) */
    u64 pending;             /* notification ids signalled, not yet delivered */
    struct pd *next;         /* link in a ready queue or a callee's call queue */
    struct pd *caller;       /* the PD whose PPC this PD is serving */
    struct pd *callq;        /* PDs queued to call this PD (or faulted children of it),
                                highest priority first */
    struct pd *callee;       /* while PD_SENDING or PD_CALLING: the PD called */
    struct pd *parent;       /* receives this PD's faults; NULL for a root PD */
    u8 call_id;              /* while queued: the callee's id for the channel */
    u8 prio;                 /* 0..254 */
    u8 state;                /* enum pd_state */
    u8 index;                /* global index */
    u8 child_id;             /* id in the parent's children[] */
    u8 fault_len;            /* while PD_FAULTED with a parent: the message for it */
    u8 passive;              /* runs on its callers' time once it has first waited */
    u8 timed;                /* budget < period: its time is accounted (core/timer.c) */
    u8 passive_pending;      /* passive="true" and not yet waited: becomes passive then */
    u8 smc;                  /* smc="true": may have the kernel forward SMCs to firmware */
    u8 domain;               /* its scheduling domain (core/domain.c); 0 without <domains> */
    u8 resume_rank;          /* while its domain is away: its place in the ready queues, 1 first */
    u64 fault_label;
    u64 fault_mr[FAULT_MAX_MRS];
    /* Scheduling context, in counter ticks (core/timer.c). */
    u64 budget, period;
    int64_t remaining;       /* budget left in the current period */
    int64_t slice_left;      /* round-robin: what is left of its time slice */
    u64 period_end;          /* when the budget is next replenished */
    struct pd *throttled_on; /* parked until that PD's budget is replenished, or
                                PARKED_FOR_DOMAIN until its domain is current */
    const struct mk_pd *desc;/* the system-table entry (name, layout) */
    struct ch_end ch[MK_MAX_IDS];
    struct pd *children[MK_MAX_IDS]; /* by child id */
    uint16_t irq[MK_MAX_IDS];        /* by id: the GIC INTID bound to it, or 0 */
    struct fpregs fp;
    struct vcpu *vcpu;       /* a vCPU of a <virtual_machine> (arch/aarch64/vcpu.c); NULL for a PD, and always */
                             /* without MK_CONFIG_VM (entry.S: PD_VCPU) */
} __attribute__((aligned(64))); /* pds_create clears the table with DC ZVA */

/* core/main.c */
extern struct pd pds[MK_MAX_PDS];
extern unsigned npds;
extern const struct mk_systable *systable;
void kmain(unsigned boot_el);

/* core/print.c */
void kputs(const char *s);
void kprintf(const char *fmt, ...);
__attribute__((noreturn)) void panic(const char *fmt, ...);
/* panic(BAD_TABLE "fmt", ...) prints "system table: fmt": those 14 bytes once, not in some 30 format strings
         * (every byte of them is in every debug image) */
         #define BAD_TABLE "\001"
         
         /* core/systable.c */
         const struct mk_systable *systable_check(u64 paddr);
const struct mk_pd *systable_pds(const struct mk_systable *t);
const struct mk_map *systable_maps(const struct mk_systable *t);
const struct mk_channel *systable_channels(const struct mk_systable *t);

/* core/pd.c */
void pds_create(const struct mk_systable *t);

/* Every syscall handler: arguments x0..x3 and the caller in, the PD to run next out. */
#define SYSCALL(name) struct pd *name(u64 a0, u64 a1, u64 a2, u64 a3, struct pd *self)
typedef SYSCALL((*syscall_fn));

/* core/sched.c */
void sched_remove(struct pd *p); /* and the inline queue operations of sched.h */
SYSCALL(sys_yield);
extern u64 ready_bits[NUM_PRIOS / 64], ready_summary;
extern struct pd *ready_slot;

/*
 * ready_summary: bit w (0..3) <=> ready_bits[w] != 0, and bit
 * READY_SLOT_BIT <=> ready_slot is occupied (core/sched.c), so that
 * "is anything ready" stays one load and one test on every path.
 */
#define READY_SLOT (1ULL << READY_SLOT_BIT) /* READY_SLOT_BIT: pd_layout.h, for fastpath.S */
_Static_assert(NUM_PRIOS / 64 <= READY_SLOT_BIT, "ready_summary: the word bits and the slot bit overlap");

static inline int sched_any_ready(void)
{
    return ready_summary != 0;
}

/* The highest priority with a PD in a ready queue, from ready_summary's word bits (summary: without READY_SLOT). */
static inline unsigned sched_words_highest(u64 summary)
{
    unsigned w = 63 - (unsigned)__builtin_clzll(summary | 1);

    return w * 64 + 63 - (unsigned)__builtin_clzll(ready_bits[w] | 1);
}

/* The highest priority with a PD in a ready queue (not the slot); only meaningful if there is one. */
static inline unsigned sched_queued_highest(void)
{
    return sched_words_highest(ready_summary & ~READY_SLOT);
}

/* The highest priority with a ready PD; only meaningful if sched_any_ready(). The slot's is never below. */
static inline unsigned sched_highest_ready(void)
{
    if (ready_summary & READY_SLOT)
        return ready_slot->prio;
    return sched_queued_highest();
}

/* core/ipc.c */
SYSCALL(sys_notify);
SYSCALL(sys_ppcall);
SYSCALL(sys_wait);
SYSCALL(sys_poll);

/* Shared by ipc.c and pd.c: the queue of PDs waiting to call (or fault to) a PD. */
void callq_insert(struct pd *callee, struct pd *caller);
void callq_remove(struct pd *callee, struct pd *caller);
struct pd *fault_to_parent(struct pd *self);

struct pd *notify_pd(struct pd *t, unsigned id);

/* core/irq.c */
void irqs_init(const struct mk_systable *t);
int irq_ack(struct pd *self, u64 id);
struct pd *irq_dispatch(struct pd *self);
SYSCALL(sys_irq_ack);

/* core/domain.c */
#define PARKED_FOR_DOMAIN (&pds[MK_MAX_PDS]) /* a throttled_on that is no PD: never dereferenced */
extern int domains;
extern u8 cur_domain;
extern u64 domain_end;
void domains_init(const struct mk_systable *t);
int domain_tick(u64 t, struct pd *running, int rotate);
struct pd *domain_gate(const struct pd *p);
int parked_can_wake(const struct pd *p);

/* core/timer.c */
enum { TIMER_KEEP, TIMER_ROTATE, TIMER_PARK };
extern int timing;
void timer_init(void);
void timer_switch(struct pd *next);
void timer_rebind(void);
int timer_tick(struct pd *self);
int timer_yield(struct pd *self);
void timer_idle(void);

/*
 * Idle ends: `next` runs from now on and is charged from now (idle time is
 * nobody's). Needed because idle may resume the very PD whose syscall or
 * interrupt led to it, and entry.S returns to that PD without a switch (so
 * without switch_hooks); when next is another PD the switch's own
 * timer_switch then charges it the few ticks in between. Inline: it is on
 * the idle interrupt path, where without timing it is one test.
 */
static inline void timer_idle_end(struct pd *next)
{
    if (timing)
        timer_switch(next);
}

/* core/pd.c */
SYSCALL(sys_pd_restart);
SYSCALL(sys_pd_stop);
SYSCALL(sys_pd_resume);
SYSCALL(sys_pd_read_regs);

/* core/syscall.c */
extern const syscall_fn syscall_table[MK_SYS_COUNT];

/* core/fault.c */
struct pd *fault_raise(struct pd *self, u64 esr, u64 far);
struct pd *fault_unknown_syscall(struct pd *self);
struct pd *fault_send(struct pd *self, u64 label, unsigned len, const u64 *mr);
int fault_reply(struct pd *child, const u64 *mr, u64 tag); /* 0: the reply leaves the child halted */

/* core/symtab.c: the name of the PD function holding pc (debug builds; 0: unknown) */
int symtab_lookup(unsigned pd, u64 pc, char *name, unsigned len, u64 *off);

/* core/watchdog.c (debug builds): a PD that keeps lower-priority ready PDs off the CPU */
#ifdef MK_CONFIG_DEBUG
void watchdog_tick(struct pd *self, u64 t);
u64 watchdog_deadline(void);
void watchdog_switch(struct pd *next);
extern int watchdog_armed;
#endif

/* core/sched_check.c (debug builds): the scheduler's invariants; next is the PD about to run (NULL: idle) */
#ifdef MK_CONFIG_DEBUG
void sched_check(const struct pd *next);
#endif

/* core/idle.c */
struct pd *idle(void);

/* arch/aarch64/cpu.c */
void arch_init(void);
void arch_wait_for_interrupt(void);

/* arch/aarch64/vspace.c */
void vspace_init_pool(u64 base_pa, u64 end_pa);
u64 pt_alloc(void);
u64 vspace_create(unsigned asid);
void vspace_map(u64 ttbr0, const struct mk_map *m);
void vspace_activate(struct pd *p);
void vspace_leave_boot(void);
u64 vspace_pte_bits(u32 attrs);

u64 vspace_lookup(u64 ttbr0, u64 va, u64 *pa);

/* arch/aarch64/vspace_check.c (debug builds; a no-op otherwise) */
void vspace_check(const struct mk_systable *t);

/* arch/aarch64/vspace_cache.c */
SYSCALL(sys_cache);

/* core/vcpu_sys.c, or core/vm_none.c in a kernel without VM support */
SYSCALL(sys_vcpu);

/* core/pd.c: shared with vcpu_sys.c */
void pd_cancel(struct pd *c);
void regs_to_mrs(const struct pd *c, u64 *mr);
void regs_from_mrs(struct pd *c, const u64 *mr, unsigned count);

/* arch/aarch64/smc.c */
SYSCALL(sys_smc);

/* arch/aarch64/trap.c */
struct pd *trap_slow(struct pd *self, u64 esr);
struct pd *trap_irq(struct pd *self);
void kernel_fault(u64 esr, u64 elr, u64 far);
void kernel_irq_taken(u64 elr);
extern u32 switch_hooks_on;
extern u64 fastpath_max_sys;
void switch_hooks_init(int on);
void switch_hooks_enable(void);
void switch_hooks_set(u32 bit);
void switch_hooks_clear(u32 bit);
void switch_hooks(struct pd *next, struct pd *prev);

/* arch/aarch64/fpu.c */
struct pd *fpu_trap(struct pd *self);

/* arch/aarch64/entry.S */
__attribute__((noreturn)) void arch_enter_user(struct pd *p);
__attribute__((noreturn)) void arch_switch_to(struct pd *next, struct pd *prev);

/* arch/aarch64/psci.c */
__attribute__((noreturn)) void plat_poweroff(void);
void psci_init(unsigned boot_el);
void firmware_call(u64 x[8]);

/* arch/aarch64/cache.c */
void arch_zero(u64 pa, u64 end_pa);

/* plat/qemu_virt/uart.c */
void plat_putc(char c);

/* tiny libc in core/lib.c (the compiler may call these) */
void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);

/* core/trace.c: the event timeline (nothing outside the trace kernel) */
#include "trace.h"

/* virtual machines: the hooks generic code calls, no-ops without MK_CONFIG_VM */
#include "vm.h"

#endif
