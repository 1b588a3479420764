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

static void __attribute__((noreturn)) event_loop(void)
{
    bool have_reply = false;
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
        microkit_msginfo tag = mk_sys_wait(reply_tag, have_reply ? MK_WAIT_REPLY : 0, op, arg, &badge);

        have_reply = false;
        if (badge & MK_BADGE_FAULT) {
            have_reply = fault(badge & 0xff, tag, &reply_tag);
        } else if (badge & MK_BADGE_PPC) {
            reply_tag = protected(badge & 0x3f, tag);
            have_reply = true;
        } else {
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
