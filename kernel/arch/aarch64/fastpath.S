/*
 * The IPC fast paths, as seL4 has one: notify, PPC, wait and reply-wait in
 * their common cases, from the exception vector to the ERET without entering
 * C. Each takes only its common case and sends everything else, with x0..x3
 * and x8 as the PD left them, to the C path (entry.S: el0_svc_c), which
 * handles every case. The vector never comes here while switch_hooks_on
 * (time accounting: budgets, round robin, domains; or the lazy FP switch).
 * Only timer.c (budgets) and domain.c (domains) park PDs, and either turns
 * the hooks on at boot, before any PD runs: so no PD here is ever parked
 * (throttled_on), and nothing here tests it. What goes to C:
 *
 *   notify  bad id or no notify right; the peer waits but does not outrank
 *           self (C queues it behind the others of its priority); a wake
 *           that preempts self while the scheduler's slot is occupied
 *   call    bad id or no PP right; the callee is not waiting; a message
 *           longer than MK_MSG_MAX_LENGTH (C clamps it)
 *   wait    a deferred operation; the first wait of a passive PD; callers
 *           queued on self; nothing else ready (C idles); a notification
 *           pending while a ready PD outranks self or the slot is occupied
 *   reply-  as wait, and: nobody served or the PD served is not PD_CALLING
 *   wait    (a faulted child); notifications pending; a ready PD outranks
 *           the caller, or the slot is occupied; a long message
 *
 * In its case each does exactly what ipc.c and sched.h do (the comments name
 * the C functions: change both together), and what entry.S's switch_from,
 * arch_switch_to and arch_enter_user do, without the hooks (off): the PD
 * left keeps x19..x29, sp_el0, elr, spsr and tpidr_el0 in its frame; the PD
 * entered gets x2..x30 from its own frame; a PD that continues gets its
 * results in x0 and x1 and zeros in every other register this file wrote
 * (scrub). No register value of one PD, nor any kernel address, reaches
 * another PD.
 *
 * In: sp = the calling PD (entry saved its x30), x0..x3 its arguments.
 * Scratch before the commit: x9..x17 only (and x1 for notify, whose C
 * handler ignores it).
 */
#include <minikit/abi.h>
#include "pd_layout.h"
#include "frame.h"

/* copy_mrs(): len message registers from PD from's IPC buffer to PD to's. Clobbers x2..x6. */
.macro copy_mrs from, to, len
    ldr     x2, [\from, #PD_IPCBUF]
    ldr     x3, [\to, #PD_IPCBUF]
    tbz     \len, #0, 1f
    ldr     x5, [x2, #8]!           /* msg[] follows the tag word */
    str     x5, [x3, #8]!
1:  lsr     x4, \len, #1
    cbz     x4, 3f
2:  ldp     x5, x6, [x2, #8]
    stp     x5, x6, [x3, #8]
    add     x2, x2, #16
    add     x3, x3, #16
    subs    x4, x4, #1
    b.ne    2b
3:
.endm

/*
 * Switch from sp (self) to PD next, whose results are in x0 and x1: they
 * are not written to its frame, whose x0..x18 are read only after a full
 * save (a fault, an IRQ) or by a C exit after its handler wrote x0 (and
 * x1 when it returns one): the stale values there are the PD's own. The
 * rest is switch_from + arch_switch_to + arch_enter_user without the hooks.
 */
.macro switch_to next
    save_callee_saved sp
    ldp     x2, x3, [\next, #PD_TTBR0]
    msr     ttbr0_el1, x2                   /* ERET synchronises it */
    msr     tpidr_el0, x3
    mov     sp, \next
    enter_rest
.endm

/* Back to the PD that made the syscall, x0 and x1 set: zero what else this file wrote. */
.macro return_scrub
    mov     x9, #0
    mov     x10, #0
    mov     x11, #0
    mov     x12, #0
    mov     x13, #0
    ldr     x30, [sp, #X(30)]
    eret
.endm

/*
 * out = sched_highest_ready(), summary = ready_summary (not 0). Clobbers t.
 * With the slot occupied, C decides (a PD preempted while another waits or
 * replies: not the common case, and the code stays one page smaller).
 */
.macro highest_ready out, summary, t
    tbnz    \summary, #READY_SLOT_BIT, el0_svc_c
    clz     \t, \summary
    mov     \out, #63
    sub     \out, \out, \t          /* w: the highest non-empty word of ready_bits */
    adrp    \t, ready_bits
    add     \t, \t, :lo12:ready_bits
    ldr     \t, [\t, \out, lsl #3]
    clz     \t, \t
    lsl     \out, \out, #6
    add     \out, \out, #63
    sub     \out, \out, \t             /* w * 64 + 63 - clz(ready_bits[w]) */
.endm

    .text

/* x0 = channel id. sys_notify. */
    .global fast_notify
fast_notify:
    cmp     x0, #CH_MAX_IDS
    b.hs    el0_svc_c
    add     x10, sp, x0, lsl #CH_END_SHIFT
    ldrb    w11, [x10, #PD_CH + CH_FLAGS]
    tbz     w11, #CH_NOTIFY_BIT, el0_svc_c
    ldrb    w11, [x10, #PD_CH + CH_PEER_ID]
    ldr     x12, [x10, #PD_CH + CH_PEER]    /* t */
    mov     x10, #1
    lsl     x11, x10, x11
    ldr     x10, [x12, #PD_PENDING]
    orr     x1, x10, x11                    /* t's pending set with id (x1 is no argument of notify) */
    ldrb    w10, [x12, #PD_STATE]
    cmp     w10, #PD_STATE_WAITING
    b.eq    notify_wake
    str     x1, [x12, #PD_PENDING]          /* notify_pd(): t is busy, it sees it when it waits */
    mov     x0, #0                          /* MK_OK */
    mov     x1, #0                          /* scrub: t's pending set, x9..x12 */
    mov     x9, #0
    mov     x10, #0
    mov     x11, #0
    mov     x12, #0
    ldr     x30, [sp, #X(30)]
    eret

notify_wake:
    ldrb    w10, [x12, #PD_PRIO]
    ldrb    w13, [sp, #PD_PRIO]
    cmp     w10, w13
    b.ls    el0_svc_c
    adrp    x14, ready_summary
    ldr     x15, [x14, :lo12:ready_summary]
    tbnz    x15, #READY_SLOT_BIT, el0_svc_c /* C: the slot's PD goes to its queue first */
    /* Taken: notify_pd() wakes t with x0 = 0, x1 = its pending set;
     * make_runnable(): t preempts self, which finds MK_OK when it resumes.
     * sched_enqueue_front(self): self was running, so no queued PD outranks
     * it (sched_check rule 13) and the slot is free: self takes the slot. */
    str     xzr, [x12, #PD_PENDING]
    strb    wzr, [x12, #PD_STATE]           /* PD_RUNNABLE */
    str     xzr, [sp, #X(0)]
    orr     x15, x15, #(1 << READY_SLOT_BIT)
    str     x15, [x14, :lo12:ready_summary]
    adrp    x14, ready_slot
    mov     x9, sp
    str     x9, [x14, :lo12:ready_slot]
    mov     x0, #0
    b       fast_switch

/* x0 = channel id, x1 = tag. sys_ppcall's direct switch. */
    .global fast_call
fast_call:
    cmp     x0, #CH_MAX_IDS
    b.hs    el0_svc_c
    add     x10, sp, x0, lsl #CH_END_SHIFT
    ldrb    w11, [x10, #PD_CH + CH_FLAGS]
    tbz     w11, #CH_PP_BIT, el0_svc_c
    ldr     x12, [x10, #PD_CH + CH_PEER]    /* the callee */
    ldrb    w13, [x12, #PD_STATE]
    cmp     w13, #PD_STATE_WAITING
    b.ne    el0_svc_c
    and     x15, x1, #TAG_LENGTH_MASK
    cmp     x15, #MSG_MAX_LENGTH
    b.hi    el0_svc_c
    /* Taken. The callee outranks self (checked at boot) and self outranked
     * every ready PD, so the callee runs next. deliver_call(): */
    ldrb    w16, [x10, #PD_CH + CH_PEER_ID]
    str     x12, [sp, #PD_CALLEE]
    mov     x9, sp
    str     x9, [x12, #PD_CALLER]
    strb    wzr, [x12, #PD_STATE]           /* PD_RUNNABLE */
    mov     w13, #PD_STATE_CALLING
    strb    w13, [sp, #PD_STATE]
    copy_mrs sp, x12, x15
    and     x0, x1, #~TAG_CAPS_MASK
    orr     x1, x16, #(1 << BADGE_PPC_BIT)
    switch_to x12

/* x0 = reply tag, x1 = flags, x2 = deferred op, x3 = its argument. sys_wait. */
    .global fast_wait
fast_wait:
    cbnz    x2, el0_svc_c                   /* MK_DEFER_NONE is 0 */
    ldrb    w10, [sp, #PD_PASSIVE_PENDING]
    cbnz    w10, el0_svc_c
    tbnz    x1, #0, reply_wait              /* MK_WAIT_REPLY */
    ldr     x10, [sp, #PD_PENDING]
    cbnz    x10, wait_pending
    ldr     x11, [sp, #PD_CALLQ]
    cbnz    x11, el0_svc_c
    adrp    x13, ready_summary
    ldr     x10, [x13, :lo12:ready_summary]
    cbz     x10, el0_svc_c                  /* nothing to run: idle() */
    /* Taken: wait_finish() blocks self; schedule_next() -> sched_pick(). */
    str     xzr, [sp, #PD_CALLER]           /* not answered: that PD stays blocked */
    mov     w11, #PD_STATE_WAITING
    strb    w11, [sp, #PD_STATE]
    tbnz    x10, #READY_SLOT_BIT, wait_slot
    clz     x11, x10
    mov     x13, #63
    sub     x11, x13, x11                   /* w: the highest non-empty word */
    adrp    x14, ready_bits
    add     x14, x14, :lo12:ready_bits
    ldr     x15, [x14, x11, lsl #3]
    clz     x16, x15
    sub     x13, x13, x16
    add     x13, x13, x11, lsl #6           /* prio */
    adrp    x16, ready_head
    add     x16, x16, :lo12:ready_head
    ldr     x12, [x16, x13, lsl #3]         /* p: the first of prio */
    ldr     x17, [x12, #PD_NEXT]
    str     x17, [x16, x13, lsl #3]
    cbnz    x17, 1f
    adrp    x16, ready_tail                 /* prio's queue is empty now */
    add     x16, x16, :lo12:ready_tail
    str     xzr, [x16, x13, lsl #3]
    mov     x17, #1
    lsl     x17, x17, x13
    bic     x15, x15, x17
    str     x15, [x14, x11, lsl #3]
    cbnz    x15, 1f
    mov     x17, #1
    lsl     x17, x17, x11
    bic     x10, x10, x17
    adrp    x16, ready_summary
    str     x10, [x16, :lo12:ready_summary]
1:  str     xzr, [x12, #PD_NEXT]
    ldp     x0, x1, [x12, #X(0)]
    b       fast_switch

/* x10 = ready_summary, x13 its page: sched_pick() takes the slot's PD. */
wait_slot:
    and     x10, x10, #~(1 << READY_SLOT_BIT)
    str     x10, [x13, :lo12:ready_summary]
    adrp    x14, ready_slot
    ldr     x12, [x14, :lo12:ready_slot]
    str     xzr, [x14, :lo12:ready_slot]
    ldp     x0, x1, [x12, #X(0)]
    b       fast_switch

/* x10 = self's pending set: wait_take_event() delivers it; keep_or_preempt(). */
wait_pending:
    adrp    x13, ready_summary
    ldr     x11, [x13, :lo12:ready_summary]
    cbnz    x11, wait_pending_ready
wait_pending_take:
    str     xzr, [sp, #PD_CALLER]           /* not answered: that PD stays blocked */
    str     xzr, [sp, #PD_PENDING]
    mov     x0, #0
    mov     x1, x10
    return_scrub
wait_pending_ready:
    highest_ready x12, x11, x13
    ldrb    w13, [sp, #PD_PRIO]
    cmp     x12, x13
    b.hi    el0_svc_c
    b       wait_pending_take

/* wait_finish() with a reply: reply(), then switch straight back to the caller. */
reply_wait:
    ldp     x12, x11, [sp, #PD_CALLER]      /* the PD served, the call queue */
    cbz     x12, el0_svc_c
    ldr     x10, [sp, #PD_PENDING]
    orr     x10, x10, x11
    cbnz    x10, el0_svc_c
    ldrb    w13, [x12, #PD_STATE]
    cmp     w13, #PD_STATE_CALLING
    b.ne    el0_svc_c
    and     x15, x0, #TAG_LENGTH_MASK
    cmp     x15, #MSG_MAX_LENGTH
    b.hi    el0_svc_c
    adrp    x10, ready_summary
    ldr     x10, [x10, :lo12:ready_summary]
    cbnz    x10, reply_wait_ready
reply_wait_take:
    str     xzr, [sp, #PD_CALLER]
    mov     w13, #PD_STATE_WAITING
    strb    w13, [sp, #PD_STATE]
    strb    wzr, [x12, #PD_STATE]           /* PD_RUNNABLE */
    copy_mrs sp, x12, x15
    and     x0, x0, #~TAG_CAPS_MASK
    mov     x1, #0                          /* MK_OK */
    /* fall through */

/* sp = self, x12 = the PD to enter, x0 and x1 its results. */
fast_switch:
    switch_to x12

/* x10 = ready_summary, not 0: the caller runs next unless a ready PD outranks it. */
reply_wait_ready:
    highest_ready x11, x10, x14
    ldrb    w13, [x12, #PD_PRIO]
    cmp     x13, x11
    b.lo    el0_svc_c
    b       reply_wait_take
