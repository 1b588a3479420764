/*
 * The event timeline of the trace kernel (microkit --trace): every event
 * (trace.h) goes into a fixed buffer with its CNTVCT_EL0 timestamp, and the
 * buffer is printed on the console, one line per event:
 *
 *   minikit| trace <ticks> <event> <pd> [<args>]
 *
 * when the system is quiescent (idle with nothing that could wake a PD, the
 * test of --exit-when-idle) or when the buffer is full. A full buffer is
 * printed once, followed by a `truncated` line, and recording stops: a
 * system that never stops does not spend its life printing. The format is
 * documented in docs/debugging.md; share/minikit/trace.py reads it.
 *
 * Built only with -DMK_CONFIG_TRACE (the trace kernel); empty otherwise.
 */
#include "kernel.h"
#include "sysreg.h"

#ifdef MK_CONFIG_TRACE

#define TRACE_EVENTS 4096

struct trace_ent {
    u64 t;
    u64 a, b;
    u8 ev, pd, to, pad[5];
};

static struct trace_ent buf[TRACE_EVENTS];
static unsigned n;              /* events in buf, not yet printed */
static int stopped;             /* the buffer filled: recording is over */
static const struct pd *cur;    /* the PD last recorded as on the CPU (NULL: idle) */
static int started;
static u64 first;                /* the time of the first event */

#define NO_PD 0xff

static const char *const names[] = {
    [TR_SWITCH] = "switch",     [TR_NOTIFY] = "notify", [TR_DELIVER] = "deliver",
    [TR_CALL] = "call",         [TR_REPLY] = "reply",   [TR_IRQ] = "irq",
    [TR_FAULT] = "fault",       [TR_EXHAUSTED] = "budget-exhausted",
    [TR_REPLENISHED] = "budget-replenished",
};

/*
 * " NAME": a PD's name as one field of the line, whatever the .system file
 * says: at most MK_PD_NAME_LEN bytes (the system table leaves a 64-byte
 * name unterminated), blanks and control characters as '_'.
 */
static void put_name(u8 i)
{
    plat_putc(' ');
    if (i == NO_PD) {
        plat_putc('-');
        return;
    }
    const char *s = pds[i].desc->name;
    for (unsigned k = 0; k < MK_PD_NAME_LEN && s[k]; k++)
        plat_putc((unsigned char)s[k] <= ' ' || s[k] == 0x7f ? '_' : s[k]);
}

static void begin(void)
{
    if (started)
        return;
    started = 1;
    kprintf("minikit| trace %lu begin - %lu %u\n", first, read_sysreg(cntfrq_el0),
            (unsigned)TRACE_EVENTS);
}

static void flush(void)
{
    begin();
    for (unsigned i = 0; i < n; i++) {
        const struct trace_ent *e = &buf[i];
        kprintf("minikit| trace %lu %s", e->t, names[e->ev]);
        put_name(e->pd);
        switch (e->ev) {
        case TR_NOTIFY:
        case TR_CALL:
            put_name(e->to);
            kprintf(" %lu", e->a);
            break;
        case TR_REPLY:
            put_name(e->to);
            break;
        case TR_DELIVER:
            kprintf(" 0x%lx", e->a);
            break;
        case TR_IRQ:
            kprintf(" %lu %lu", e->a, e->b);
            break;
        case TR_FAULT:
            kprintf(" 0x%lx 0x%lx", e->a, e->b);
            break;
        }
        kputs("\n");
    }
    n = 0;
}

void trace_record(unsigned ev, const struct pd *pd, const struct pd *to, u64 a, u64 b)
{
    if (stopped)
        return;
    if (ev == TR_SWITCH) {
        if (pd == cur)
            return; /* no switch: idle resumed the same PD, or a hook saw it twice */
        cur = pd;
    }
    struct trace_ent *e = &buf[n++];
    e->t = read_sysreg(cntvct_el0);
    if (!started && !first)
        first = e->t;
    e->ev = (u8)ev;
    e->pd = pd ? (u8)pd->index : NO_PD;
    e->to = to ? (u8)to->index : NO_PD;
    e->a = a;
    e->b = b;
    if (n == TRACE_EVENTS) {
        flush();
        stopped = 1;
        kprintf("minikit| trace %lu truncated - %u\n", read_sysreg(cntvct_el0), (unsigned)TRACE_EVENTS);
    }
}

/* Nothing can run again: print what is left. */
void trace_quiescent(void)
{
    if (stopped)
        return;
    flush();
    kprintf("minikit| trace %lu end -\n", read_sysreg(cntvct_el0));
    stopped = 1;
}

#endif
