/* Global rules (docs/system-format.md, "General rules"), run in the spec's order after all elements were read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attr.h"
#include "check.h"
#include "names.h"
#include "minikit/systable.h"

static const char **pd_names(const struct system *sys)
{
    const char **names = xcalloc(sys->npds, sizeof(*names));
    for (size_t i = 0; i < sys->npds; i++)
        names[i] = sys->pds[i]->name;
    return names; /* a PD without a name has "" */
}

/* PDs and MRs by name, filled by check_global before its rules: every element has been read by then. */
static struct names pd_index, mr_index;

static void index_names(const struct system *sys)
{
    names_clear(&pd_index);
    names_clear(&mr_index);
    for (size_t i = 0; i < sys->npds; i++)
        names_add(&pd_index, sys->pds[i]->name, sys->pds[i]);
    for (size_t i = 0; i < sys->nmrs; i++)
        if (sys->mrs[i].name)
            names_add(&mr_index, sys->mrs[i].name, &sys->mrs[i]);
}

/* The first PD named name (a PD without a name has ""), or NULL. */
static struct pd *find_pd(const struct system *sys, const char *name)
{
    (void)sys;
    return names_find(&pd_index, name);
}

/* The first MR named name, or NULL. */
static struct mr *find_mr(const struct system *sys, const char *name)
{
    (void)sys;
    return names_find(&mr_index, name);
}

static char *did_you_mean(const char *word, const char **cands, size_t n)
{
    const char *close = diag_closest(word, cands, n);
    return close ? xasprintf("did you mean '%s'?", close) : NULL;
}

/* 1: children of one parent have distinct ids. */
static void rule_child_ids(struct system *sys)
{
    for (size_t i = 0; i < sys->npds; i++)
        for (size_t j = 0; j < i; j++) {
            struct pd *a = sys->pds[j], *b = sys->pds[i];
            if (!b->parent || a->parent != b->parent || a->child_id != b->child_id || a->bad || b->bad)
                continue;
            diag_pending_note(a->node->pos, "the other child with this id");
            DIAG_UNIT(attr_error(b->node, "id", NULL, "duplicate child id %u in protection_domain '%s'", b->child_id,
                                 b->parent->name));
        }
}

/* Ends of one channel, in the order of §5. */
static void parse_end(struct system *sys, const struct sdf_node *n, struct end *e)
{
    static const char *const allowed[] = {"pd", "id", "pp", "notify", "setvar_id", NULL};
    attr_whitelist(n, allowed);
    check_no_kids(n);
    const char *pd = attr_req(n, "pd");
    int64_t id = attr_dec_signed_req(n, "id");
    if (id < 0 || id >= MK_MAX_IDS)
        attr_error(n, "id", NULL, "id %lld is out of range 0..%d", (long long)id, MK_MAX_IDS - 1);
    e->node = n;
    e->id = (unsigned)id;
    e->notify = attr_bool(n, "notify", true);
    e->pp = attr_bool(n, "pp", false);
    e->pd = find_pd(sys, pd);
    for (size_t v = 0; !e->pd && v < sys->nvms; v++)
        if (!strcmp(sys->vms[v]->name, pd))
            attr_error(n, "pd", "the VMM talks to its guest through faults and virtual IRQs; name the VMM's "
                                "protection_domain if the channel is the VMM's",
                       "'%s' is a virtual_machine: a channel connects protection domains", pd);
    if (!e->pd)
        attr_error(n, "pd", did_you_mean(pd, pd_names(sys), sys->npds), "no protection_domain named '%s'", pd);
}

/* 2: channels, each with exactly two <end>s, then their setvar_ids. */
static void check_channel(struct system *sys, const struct sdf_node *n)
{
    static const char *const none[] = {NULL};
    attr_whitelist(n, none);
    for (size_t k = 0; k < n->nkids; k++)
        if (strcmp(n->kids[k]->tag, "end")) {
            const char *end[] = {"end"};
            const char *close = diag_closest(n->kids[k]->tag, end, 1);
            diag_error(n->kids[k]->pos, (struct pos){0, 0}, close ? "did you mean <end>?" : NULL,
                       "unknown element <%s> in <channel>", n->kids[k]->tag);
        }
    if (n->nkids != 2)
        node_error(n, NULL, "a channel needs exactly two <end> elements, this one has %zu", n->nkids);
    struct channel chan = {.node = n}, *ch = &chan;
    int before = diag_errors();
    DIAG_UNIT(parse_end(sys, n->kids[0], &ch->end[0]));
    DIAG_UNIT(parse_end(sys, n->kids[1], &ch->end[1]));
    if (diag_errors() != before)
        return; /* the ends' errors are reported; the channel as a whole cannot be checked */
    if (ch->end[0].pp && ch->end[1].pp)
        node_error(n, "set pp=\"true\" only on the caller's end",
                   "both ends have pp=\"true\": a PPC cannot be bidirectional");
    if (ch->end[0].pd == ch->end[1].pd && ch->end[0].id == ch->end[1].id)
        node_error(n, NULL, "both ends are id %u of protection_domain '%s'", ch->end[0].id,
                   ch->end[0].pd->name);
    for (int e = 0; e < 2; e++) {
        const char *sym = attr_opt(ch->end[e].node, "setvar_id");
        if (sym) {
            struct patch *p = check_add_patch(ch->end[e].pd, n, sym);
            p->value = ch->end[e].id;
        }
    }
    *VEC_PUSH(sys->channels, sys->nchannels) = chan;
}

static void rule_channels(struct system *sys)
{
    for (volatile size_t i = 0; i < sys->root->nkids; i++)
        if (!strcmp(sys->root->kids[i]->tag, "channel"))
            DIAG_UNIT(check_channel(sys, sys->root->kids[i]));
}

/* 4, 5: at least one PD, at most MK_MAX_PDS table entries: PDs and vCPUs together. */
static void rule_pd_count(struct system *sys)
{
    if (!sys->npds)
        node_error(sys->root, "add a <protection_domain>", "the system has no protection domain");
    size_t nvcpus = sys->nentries - sys->npds;
    if (sys->nentries <= MK_MAX_PDS)
        return;
    if (!nvcpus)
        node_error(sys->pds[MK_MAX_PDS]->node, NULL, "too many protection domains: %zu, the maximum is %d",
                   sys->npds, MK_MAX_PDS);
    /* Point at the 64th entry, a PD or a vCPU. */
    const struct sdf_node *at = sys->root;
    for (size_t i = 0; i < sys->npds; i++)
        if (sys->pds[i]->index == MK_MAX_PDS)
            at = sys->pds[i]->node;
    for (size_t v = 0; v < sys->nvms; v++)
        for (size_t k = 0; k < sys->vms[v]->nvcpus; k++)
            if (sys->vms[v]->vcpus[k].index == MK_MAX_PDS)
                at = sys->vms[v]->vcpus[k].node;
    node_error(at, "each vcpu takes a place of its own in the kernel's table of protection domains",
               "too many protection domains and vCPUs: %zu (%zu protection %s, %zu %s), the maximum is %d together",
               sys->nentries, sys->npds, sys->npds == 1 ? "domain" : "domains", nvcpus,
               nvcpus == 1 ? "vCPU" : "vCPUs", MK_MAX_PDS);
}

/* 6: PD names unique (children included); 'monitor' is reserved. */
static void rule_pd_names(struct system *sys)
{
    for (volatile size_t i = 0; i < sys->npds; i++) {
        struct pd *pd = sys->pds[i];
        if (!attr_opt(pd->node, "name"))
            continue;
        if (!strcmp(pd->name, "monitor"))
            DIAG_UNIT(attr_error(pd->node, "name", "choose another name", "the name 'monitor' is reserved"));
        for (size_t j = 0; j < i; j++)
            if (!strcmp(sys->pds[j]->name, pd->name)) {
                diag_pending_note(sys->pds[j]->node->pos, "first defined here");
                DIAG_UNIT(attr_error(pd->node, "name", NULL, "duplicate protection_domain name '%s'", pd->name));
                break;
            }
    }
}

/* 7: MR names unique. */
static void rule_mr_names(struct system *sys)
{
    for (size_t i = 0; i < sys->nmrs; i++)
        for (size_t j = 0; j < i && sys->mrs[i].name; j++)
            if (sys->mrs[j].name && !strcmp(sys->mrs[j].name, sys->mrs[i].name)) {
                diag_pending_note(sys->mrs[j].node->pos, "first defined here");
                DIAG_UNIT(attr_error(sys->mrs[i].node, "name", NULL, "duplicate memory_region name '%s'",
                                     sys->mrs[i].name));
                break;
            }
}

/* 9, 10: IRQ numbers unique system-wide; IRQ ids unique per PD. */
static void rule_irqs(struct system *sys)
{
    for (volatile size_t i = 0; i < sys->npds; i++) {
        struct pd *pd = sys->pds[i];
        for (volatile size_t k = 0; k < pd->nirqs; k++)
            for (volatile size_t j = 0; j <= i; j++)
                for (volatile size_t l = 0; l < (j == i ? k : sys->pds[j]->nirqs); l++)
                    if (sys->pds[j]->irqs[l].irq == pd->irqs[k].irq) {
                        diag_pending_note(sys->pds[j]->irqs[l].node->pos, "first claimed here");
                        DIAG_UNIT(node_error(pd->node, NULL,
                                             "duplicate irq %llu: already claimed by protection_domain '%s'",
                                             (unsigned long long)pd->irqs[k].irq, sys->pds[j]->name));
                    }
    }
    for (volatile size_t i = 0; i < sys->npds; i++) {
        struct pd *pd = sys->pds[i];
        for (volatile size_t k = 0; k < pd->nirqs; k++) {
            uint64_t bit = 1ULL << pd->irqs[k].id;
            if (pd->ids_used & bit) {
                diag_pending_note(pd->irqs[k].node->pos, "the second use");
                DIAG_UNIT(node_error(pd->node, NULL, "duplicate channel/irq id %u in protection_domain '%s'",
                                     pd->irqs[k].id, pd->name));
            }
            pd->ids_used |= bit;
        }
    }
}

/* 11: per channel: ids free in both PDs, then the PPC priority rule; then record the ids. */
static void channel_ids(struct channel *ch)
{
    for (int e = 0; e < 2; e++) {
        struct end *end = &ch->end[e];
        if (end->pd->ids_used & (1ULL << end->id)) {
            diag_pending_note(end->node->pos, "this end reuses the id");
            node_error(end->pd->node, NULL, "duplicate channel/irq id %u in protection_domain '%s'", end->id,
                       end->pd->name);
        }
    }
    for (int e = 0; e < 2; e++) {
        struct pd *caller = ch->end[e].pd, *callee = ch->end[1 - e].pd;
        if (ch->end[e].pp && !caller->bad && !callee->bad && caller->priority >= callee->priority)
            node_error(ch->node, "give the callee (the end without pp) a strictly higher priority",
                       "protected procedure call from '%s' (priority %u) to '%s' (priority %u): the caller's "
                       "priority must be strictly lower than the callee's",
                       caller->name, caller->priority, callee->name, callee->priority);
    }
    for (int e = 0; e < 2; e++) {
        struct end *end = &ch->end[e];
        end->pd->ids_used |= 1ULL << end->id;
        if (end->notify)
            end->pd->notify_ids |= 1ULL << end->id;
        if (end->pp)
            end->pd->pp_ids |= 1ULL << end->id;
    }
}

static void rule_channel_ids(struct system *sys)
{
    for (volatile size_t c = 0; c < sys->nchannels; c++)
        DIAG_UNIT(channel_ids(&sys->channels[c]));
}

/* Lowest aligned address >= 'from' where 'size' bytes clear every range [base[i], end[i]); for hints. */
static uint64_t next_free(uint64_t from, uint64_t size, uint64_t align, const uint64_t *base, const uint64_t *end,
                          size_t n)
{
    uint64_t a = (from + align - 1) & ~(align - 1);
    for (int moved = 1; moved && a >= from;) {
        moved = 0;
        for (size_t i = 0; i < n; i++)
            if (a < end[i] && base[i] < a + size) {
                a = (end[i] + align - 1) & ~(align - 1);
                moved = 1;
            }
    }
    return a;
}

/* 13: one map of an address space (a PD's, or a VM's guest-physical one): MR exists, alignment, overflow,
 * end at or below the space's limit, no overlap with earlier maps of the space. */
void check_map_in_space(struct system *sys, struct map *maps, size_t k, const struct map_space *sp,
                        const char **mr_names)
{
    struct map *m = &maps[k];
    struct mr *mr = find_mr(sys, m->mr_name);
    if (!mr)
        attr_error(m->node, "mr", did_you_mean(m->mr_name, mr_names, sys->nmrs), "no memory_region named '%s'",
                   m->mr_name);
    mr->used = true;
    if (mr->bad)
        return; /* its own error was reported; its size is unknown */
    uint64_t size = mr->size, limit = sp->limit;
    if (m->vaddr % mr->page_size)
        attr_error(m->node, "vaddr", NULL, "%s 0x%llx is not aligned to the page size 0x%llx of '%s'", sp->addr,
                   (unsigned long long)m->vaddr, (unsigned long long)mr->page_size, mr->name);
    if (m->vaddr + size < m->vaddr)
        attr_error(m->node, "vaddr", NULL, "map of '%s' at 0x%llx wraps around the address space", mr->name,
                   (unsigned long long)m->vaddr);
    if (m->vaddr + size > limit)
        attr_error(m->node, "vaddr", sp->limit_hint,
                   "map [0x%llx..0x%llx) of '%s' does not fit the valid range [0x0..0x%llx) %s of %s",
                   (unsigned long long)m->vaddr, (unsigned long long)(m->vaddr + size), mr->name,
                   (unsigned long long)limit, sp->limit_text, sp->what);
    uint64_t *base = xcalloc(k, sizeof(*base)), *end = xcalloc(k, sizeof(*end));
    size_t n = 0;
    for (size_t j = 0; j < k; j++)
        if (maps[j].mr) {
            base[n] = maps[j].vaddr;
            end[n++] = maps[j].vaddr + maps[j].mr->size;
        }
    for (size_t j = 0; j < k; j++) {
        struct map *o = &maps[j];
        if (!o->mr || !(m->vaddr < o->vaddr + o->mr->size && o->vaddr < m->vaddr + size))
            continue;
        uint64_t free_at = next_free(m->vaddr, size, mr->page_size, base, end, n);
        char *hint = free_at + size > free_at && free_at + size <= limit
                         ? xasprintf("the next free range for it is [0x%llx..0x%llx)", (unsigned long long)free_at,
                                     (unsigned long long)(free_at + size))
                         : NULL;
        diag_pending_note(o->node->pos, "the other map");
        node_error(m->node, hint, "map of '%s' [0x%llx..0x%llx) overlaps map of '%s' [0x%llx..0x%llx) in %s",
                   mr->name, (unsigned long long)m->vaddr, (unsigned long long)(m->vaddr + size), o->mr->name,
                   (unsigned long long)o->vaddr, (unsigned long long)(o->vaddr + o->mr->size), sp->what);
    }
    free(base);
    free(end);
    m->mr = mr; /* only now: later maps check against the good ones */
}

static void check_map_global(struct system *sys, struct pd *pd, size_t k, const char **mr_names)
{
    struct map_space sp = {.what = xasprintf("protection_domain '%s'", pd->name),
                           .addr = "vaddr",
                           .limit = MK_IPCBUF_VADDR - 0x1000 - pd->stack_size,
                           .limit_text = "below the stack"};
    struct map *m = &pd->maps[k];
    check_map_in_space(sys, pd->maps, k, &sp, mr_names);
    free((char *)sp.what);
    for (size_t p = 0; m->mr && p < pd->npatches; p++)
        if (pd->patches[p].node == m->node && attr_opt(m->node, "setvar_size") &&
            !strcmp(pd->patches[p].symbol, attr_opt(m->node, "setvar_size")))
            pd->patches[p].value = m->mr->size;
}

static void rule_maps(struct system *sys)
{
    const char **mr_names = xcalloc(sys->nmrs, sizeof(*mr_names));
    for (size_t i = 0; i < sys->nmrs; i++)
        mr_names[i] = sys->mrs[i].name ? sys->mrs[i].name : "";
    for (size_t i = 0; i < sys->npds; i++) {
        for (size_t k = 0; k < sys->pds[i]->nmaps; k++)
            DIAG_UNIT(check_map_global(sys, sys->pds[i], k, mr_names));
        check_vm_maps(sys, sys->pds[i], mr_names); /* then its VM's, a separate address space (§7 step 13) */
    }
    free(mr_names);
}

/* 16: fixed-address MRs are pairwise disjoint. */
static void check_fixed_mr(struct system *sys, size_t i)
{
    struct mr *b = &sys->mrs[i];
    if (!b->fixed || b->bad)
        return;
    uint64_t *base = xcalloc(sys->nmrs, sizeof(*base)), *end = xcalloc(sys->nmrs, sizeof(*end));
    size_t n = 0;
    for (size_t j = 0; j < sys->nmrs; j++)
        if (j != i && sys->mrs[j].fixed && !sys->mrs[j].bad) {
            base[n] = sys->mrs[j].paddr;
            end[n++] = sys->mrs[j].paddr + sys->mrs[j].size;
        }
    for (size_t j = 0; j < i; j++) {
        struct mr *a = &sys->mrs[j];
        if (!a->fixed || a->bad || b->paddr >= a->paddr + a->size || a->paddr >= b->paddr + b->size)
            continue;
        uint64_t free_at = next_free(b->paddr, b->size, b->page_size, base, end, n);
        diag_pending_note(a->node->pos, "the other memory_region");
        attr_error(b->node, "phys_addr",
                   free_at >= b->paddr ? xasprintf("the next free range for it is [0x%llx..0x%llx)",
                                                   (unsigned long long)free_at,
                                                   (unsigned long long)(free_at + b->size))
                                       : NULL,
                   "physical range [0x%llx..0x%llx) of '%s' overlaps [0x%llx..0x%llx) of '%s'",
                   (unsigned long long)b->paddr, (unsigned long long)(b->paddr + b->size), b->name,
                   (unsigned long long)a->paddr, (unsigned long long)(a->paddr + a->size), a->name);
    }
    free(base);
    free(end);
}

static void rule_fixed_mrs(struct system *sys)
{
    for (volatile size_t i = 0; i < sys->nmrs; i++)
        DIAG_UNIT(check_fixed_mr(sys, i));
}

/* 17: an MR no PD maps is probably a mistake, but not an error. */
static void rule_unused_mrs(struct system *sys)
{
    for (size_t i = 0; i < sys->nmrs; i++)
        if (!sys->mrs[i].used && !sys->mrs[i].bad)
            diag_warning(sys->mrs[i].node->pos, "memory_region '%s' is not mapped by any protection domain",
                         sys->mrs[i].name);
}

/* 18: an MR without explicit page_size uses 2 MiB pages when its size, maps and address allow. */
static void rule_promote_pages(struct system *sys)
{
    const uint64_t large = 1ULL << MK_LARGE_PAGE_BITS;
    for (size_t i = 0; i < sys->nmrs; i++) {
        struct mr *mr = &sys->mrs[i];
        bool ok = !mr->page_size_given && mr->size % large == 0 && (!mr->fixed || mr->paddr % large == 0);
        for (size_t p = 0; ok && p < sys->npds; p++)
            for (size_t k = 0; k < sys->pds[p]->nmaps; k++)
                if (sys->pds[p]->maps[k].mr == mr && sys->pds[p]->maps[k].vaddr % large)
                    ok = false;
        for (size_t v = 0; ok && v < sys->nvms; v++) /* guest-physical addresses count alike */
            for (size_t k = 0; k < sys->vms[v]->nmaps; k++)
                if (sys->vms[v]->maps[k].mr == mr && sys->vms[v]->maps[k].vaddr % large)
                    ok = false;
        if (ok)
            mr->page_size = large;
    }
}

/* 19: setvar_prefill_size needs a prefilled MR; the symbol receives the file's length. */
static void check_prefill_size(struct pd *pd, struct map *m)
{
    if (!m->setvar_prefill_size || !m->mr)
        return;
    if (!m->mr->prefill_path)
        node_error(m->mr->node, "add prefill_path to the memory_region, or drop setvar_prefill_size",
                   "memory_region '%s' has no prefill_path, but a map of it in protection_domain '%s' asks for "
                   "setvar_prefill_size",
                   m->mr->name, pd->name);
    for (size_t p = 0; p < pd->npatches; p++)
        if (pd->patches[p].node == m->node && !strcmp(pd->patches[p].symbol, m->setvar_prefill_size))
            pd->patches[p].value = m->mr->prefill_len;
}

static void rule_prefill_sizes(struct system *sys)
{
    for (volatile size_t i = 0; i < sys->npds; i++)
        for (volatile size_t k = 0; k < sys->pds[i]->nmaps; k++)
            DIAG_UNIT(check_prefill_size(sys->pds[i], &sys->pds[i]->maps[k]));
}

/* 20: <setvar region_paddr> names an existing MR (placed contiguously, as every MR is here). */
static void check_setvar_region(struct system *sys, struct patch *p, const char **mr_names)
{
    const char *name = attr_opt(p->node, "region_paddr");
    p->paddr_of = find_mr(sys, name);
    if (!p->paddr_of)
        attr_error(p->node, "region_paddr", did_you_mean(name, mr_names, sys->nmrs),
                   "setvar '%s': no memory_region named '%s'", p->symbol, name);
    p->value = 1; /* placeholder until placed: marks the page as non-zero */
}

static void rule_setvar_regions(struct system *sys)
{
    const char **mr_names = xcalloc(sys->nmrs, sizeof(*mr_names));
    for (size_t i = 0; i < sys->nmrs; i++)
        mr_names[i] = sys->mrs[i].name ? sys->mrs[i].name : "";
    for (size_t i = 0; i < sys->npds; i++)
        for (size_t k = 0; k < sys->pds[i]->npatches; k++)
            if (!strcmp(sys->pds[i]->patches[k].node->tag, "setvar"))
                DIAG_UNIT(check_setvar_region(sys, &sys->pds[i]->patches[k], mr_names));
    free(mr_names);
}

static void (*const rules[])(struct system *) = {
    rule_child_ids,   check_vm_child_ids, rule_channels,  rule_pd_count,      rule_pd_names,      rule_mr_names,
    check_vm_names,   rule_irqs,        rule_channel_ids, rule_maps,        rule_fixed_mrs,     rule_unused_mrs,
    rule_promote_pages, rule_prefill_sizes, rule_setvar_regions, check_devices,
};

void check_global(struct system *sys)
{
    index_names(sys);
    for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
        rules[i](sys);
}
