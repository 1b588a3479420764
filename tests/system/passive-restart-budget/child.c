/* 250 us of budget every 1000 us: faults once, and says so once restarted. */
#include "share.h"

void init(void)
{
    volatile struct share *s = (volatile struct share *)shared;

    if (!s->faulted) {
        s->faulted = 1;
        __asm__ volatile("str xzr, [%0]" :: "r"((seL4_Word)0x10) : "memory"); /* a VM fault, to the parent */
    }
    microkit_dbg_puts("child: restarted\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
