/*
 * The event timeline (microkit --trace, docs/debugging.md "Event timeline").
 * Only the trace kernel (-DMK_CONFIG_TRACE, built from the debug config's
 * flags) records anything; in every other kernel each TRACE() is nothing at
 * all, so their code is the same as without this file.
 */
#ifndef MK_TRACE_H
#define MK_TRACE_H

enum trace_event {
    TR_SWITCH,      /* pd takes the CPU (NULL: the kernel idles) */
    TR_NOTIFY,      /* pd notifies `to`, arriving on to's channel id a */
    TR_DELIVER,     /* pd's notified() gets the ids of bitmask a */
    TR_CALL,        /* pd makes a PPC into `to`, arriving on to's channel id a */
    TR_REPLY,       /* pd answers the PPC of `to` */
    TR_IRQ,         /* interrupt a becomes a notification on pd's id b */
    TR_FAULT,       /* pd faults: a = ESR class, b = address */
    TR_EXHAUSTED,   /* pd's budget is spent: parked until its next period */
    TR_REPLENISHED, /* pd's new period begins: it may run again */
};

#ifdef MK_CONFIG_TRACE
struct pd;
void trace_record(unsigned ev, const struct pd *pd, const struct pd *to, u64 a, u64 b);
void trace_quiescent(void);
#define TRACE(ev, pd, to, a, b) trace_record((ev), (pd), (to), (u64)(a), (u64)(b))
#else
#define TRACE(ev, pd, to, a, b) ((void)0)
#endif

#endif
