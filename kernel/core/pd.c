/*
 * Creating the PDs at boot from the (validated) system table: address
 * spaces, channel ends, initial registers. After this nothing is allocated.
 */
#include "kernel.h"
#include "memlayout.h"

struct pd pds[MK_MAX_PDS];
unsigned npds;

static void pd_create(struct pd *p, unsigned index, const struct mk_pd *d, const struct mk_map *maps)
{
    p->index = (u8)index;
    p->desc = d;
    p->prio = d->priority;
    p->ipcbuf = PA_TO_KVA(d->ipcbuf_paddr);
    p->ttbr0 = vspace_create(index + 1);
    for (u32 i = 0; i < d->map_count; i++)
        vspace_map(p->ttbr0, &maps[d->map_first + i]);

    /* pd-api.md §7.1: PC = entry, SP = stack top, every other register 0. */
    p->regs.pc = d->entry;
    p->regs.sp = d->stack_top;
    p->regs.spsr = 0; /* EL0t, interrupts unmasked */
    p->state = PD_RUNNABLE;
}

/* Each <channel> gives each end an entry at its own id, naming the other end. */
static void channels_connect(const struct mk_systable *t)
{
    const struct mk_channel *c = systable_channels(t);

    for (unsigned i = 0; i < t->nchannels; i++, c++) {
        for (int e = 0; e < 2; e++) {
            struct ch_end *end = &pds[c->pd[e]].ch[c->id[e]];

            if (end->peer)
                panic("system table: PD %u uses id %u twice", c->pd[e], c->id[e]);
            end->peer = &pds[c->pd[!e]];
            end->peer_id = c->id[!e];
            end->flags = c->flags[e];
        }
    }
}

void pds_create(const struct mk_systable *t)
{
    const struct mk_pd *d = systable_pds(t);
    const struct mk_map *maps = systable_maps(t);

    npds = t->npds;
    for (unsigned i = 0; i < npds; i++)
        pd_create(&pds[i], i, &d[i], maps);
    channels_connect(t);
    for (unsigned i = 0; i < npds; i++)
        sched_enqueue(&pds[i]);
}
