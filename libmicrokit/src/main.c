/*
 * PD start-up and the event loop (docs/libmicrokit.md, "Start-up and the event loop"): constructors, init(), one
 * acknowledgement per IRQ, then wait / dispatch / reply forever. Each wait is
 * a single MK_SYS_WAIT that also performs the deferred request and the
 * pending reply, in that order.
 *
 * Passive PDs (microkit_passive) run this same loop: the "make me passive"
 * request belongs in the first wait once the kernel supports passive PDs.
 */
#include <microkit.h>

extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);

int main(void);

static void run_constructors(void)
{
    for (void (**f)(void) = __init_array_start; f < __init_array_end; f++) {
        (*f)();
    }
}

/* Unmask every IRQ of this PD once: drivers set up their device in init(). */
static void ack_all_irqs(void)
{
    for (seL4_Word irqs = microkit_irqs; irqs != 0; irqs &= irqs - 1) {
        mk_sys_irq_ack(__builtin_ctzll(irqs));
    }
}

static void dispatch_notifications(seL4_Word ids)
{
    for (; ids != 0; ids &= ids - 1) {
        notified(__builtin_ctzll(ids));
    }
}

/*
 * The reply travels in the next wait: reply_flags is MK_WAIT_REPLY while
 * one is owed. Both stay in registers on the PPC path (fault() gets its
 * own variable to write), and the PPC bit is the first one tested.
 */
static void __attribute__((noreturn)) event_loop(void)
{
    seL4_Word reply_flags = 0;
    microkit_msginfo reply_tag = seL4_MessageInfo_new(0, 0, 0, 0);

    for (;;) {
        seL4_Word op = MK_DEFER_NONE;
        seL4_Word arg = 0;
        seL4_Word badge;

        if (microkit_have_signal) {
            op = seL4_MessageInfo_get_label(microkit_signal_msg);
            arg = microkit_signal_cap;
            microkit_have_signal = seL4_False;
        }
        microkit_msginfo tag = mk_sys_wait(reply_tag, reply_flags, op, arg, &badge);

        if (badge & MK_BADGE_PPC) {
            reply_tag = protected(badge & 0x3f, tag);
            reply_flags = MK_WAIT_REPLY;
        } else if (badge & MK_BADGE_FAULT) {
            microkit_msginfo r = seL4_MessageInfo_new(0, 0, 0, 0);
            reply_flags = fault(badge & 0xff, tag, &r) ? MK_WAIT_REPLY : 0;
            reply_tag = r;
        } else {
            reply_flags = 0;
            dispatch_notifications(badge);
        }
    }
}

int main(void)
{
    run_constructors();
    init();
    ack_all_irqs();
    event_loop();
}
