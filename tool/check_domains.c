/*
 * <domains>: scheduling domains and the domain schedule (docs/system-format.md,
 * <domains>). place.c passes each PD's domain id and the schedule to the kernel in
 * the system table; the limits are the kernel's (minikit/systable.h).
 */
#include <stdio.h>
#include <string.h>

#include "attr.h"
#include "plural.h"
#include "check.h"
#include "minikit/systable.h"
#include "num.h"

#define NUM_DOMAINS   MK_NUM_DOMAINS          /* KernelNumDomains: 16 */
#define NUM_SCHEDULES MK_NUM_DOMAIN_SCHEDULES /* KernelNumDomainSchedules: entries + markers < 100 */

static void check_domain(const struct sdf_node *n, struct system *sys)
{
    static const char *const allowed[] = {"name", "id", NULL};
    attr_whitelist(n, allowed);
    check_no_kids(n);
    struct domain d = {.node = n, .name = attr_req(n, "name"), .id = -1};
    if (attr_opt(n, "id")) {
        uint64_t id = attr_sdf(n, "id", 0);
        if (id >= NUM_DOMAINS)
            attr_error(n, "id", NULL, "id %llu is out of range 0..%d", (unsigned long long)id, NUM_DOMAINS - 1);
        d.id = (int)id;
    }
    for (size_t i = 0; i < sys->ndomains; i++) {
        const struct domain *o = &sys->domains[i];
        bool same_name = !strcmp(o->name, d.name);
        if (same_name || (d.id >= 0 && o->id == d.id))
            diag_pending_note(o->node->pos, "first defined here");
        if (same_name) {
            if (o->id >= 0)
                attr_error(n, "name", NULL, "duplicate domain name '%s' (the existing one has id %d)", d.name,
                           o->id);
            attr_error(n, "name", NULL, "duplicate domain name '%s'", d.name);
        }
        if (d.id >= 0 && o->id == d.id)
            attr_error(n, "id", NULL, "duplicate domain id %d (already used by domain '%s')", d.id, o->name);
    }
    *VEC_PUSH(sys->domains, sys->ndomains) = d;
}

/* Domains without an id get the smallest free one, in document order. */
static void assign_ids(const struct sdf_node *n, struct system *sys)
{
    for (size_t i = 0; i < sys->ndomains; i++) {
        struct domain *d = &sys->domains[i];
        if (d->id >= 0)
            continue;
        for (int id = 0; id < NUM_DOMAINS && d->id < 0; id++) {
            size_t j;
            for (j = 0; j < sys->ndomains && sys->domains[j].id != id; j++)
                ;
            if (j == sys->ndomains)
                d->id = id;
        }
        if (d->id < 0)
            node_error(n, NULL, "too many domains: domain '%s' cannot get an id below %d", d->name, NUM_DOMAINS);
    }
}

static void check_entry(const struct sdf_node *n, struct system *sys)
{
    struct schedule_entry e = {.node = n, .domain = -1};
    if (!strcmp(n->tag, "schedule_end_marker")) {
        static const char *const none[] = {NULL};
        attr_whitelist(n, none);
        check_no_kids(n);
        *VEC_PUSH(sys->schedule, sys->nschedule) = e;
        return;
    }
    if (strcmp(n->tag, "schedule_entry")) {
        const char *known[] = {"schedule_entry", "schedule_end_marker"};
        const char *close = diag_closest(n->tag, known, 2);
        diag_error(n->pos, (struct pos){0, 0}, close ? xasprintf("did you mean <%s>?", close) : NULL,
                   "unknown element <%s> in <domain_schedule>", n->tag);
    }
    static const char *const allowed[] = {"domain", "duration", NULL};
    attr_whitelist(n, allowed);
    check_no_kids(n);
    const char *name = attr_req(n, "domain");
    const char *duration = attr_req(n, "duration");
    for (size_t i = 0; i < sys->ndomains; i++)
        if (!strcmp(sys->domains[i].name, name))
            e.domain = (int)i;
    if (e.domain < 0) {
        const char **names = xcalloc(sys->ndomains, sizeof(*names));
        for (size_t i = 0; i < sys->ndomains; i++)
            names[i] = sys->domains[i].name;
        const char *close = diag_closest(name, names, sys->ndomains);
        attr_error(n, "domain", close ? xasprintf("did you mean '%s'?", close) : NULL, "no domain named '%s'", name);
    }
    const char *space = strchr(duration, ' ');
    if (!space)
        attr_error(n, "duration", "write a value and a unit, e.g. \"1000 us\" or \"10 ticks\"",
                   "duration '%s' needs a value and a unit", duration);
    char *num = xasprintf("%.*s", (int)(space - duration), duration);
    enum num_status st = num_parse_sdf(num, &e.duration);
    if (st != NUM_OK)
        attr_error(n, "duration", "numbers are decimal or 0x-prefixed hex, '_' allowed",
                   "duration value '%s' %s", num, num_status_text(st));
    if (e.duration == 0)
        attr_error(n, "duration", NULL, "duration '%s' must not be zero", duration);
    if (!strcmp(space + 1, "ticks"))
        e.ticks = true;
    else if (strcmp(space + 1, "us"))
        attr_error(n, "duration", "allowed units: us, ticks", "duration unit '%s' is not valid (allowed: us, ticks)",
                   space + 1);
    *VEC_PUSH(sys->schedule, sys->nschedule) = e;
}

static void check_schedule(const struct sdf_node *n, struct system *sys)
{
    static const char *const allowed[] = {"start_index", "index_shift", NULL};
    attr_whitelist(n, allowed);
    sys->schedule_start = attr_sdf(n, "start_index", 0);
    sys->schedule_shift_given = attr_opt(n, "index_shift") != NULL;
    sys->schedule_shift = attr_sdf(n, "index_shift", 0);
    for (size_t i = 0; i < n->nkids; i++)
        DIAG_UNIT(check_entry(n->kids[i], sys));
    size_t count = sys->nschedule;
    if (count >= NUM_SCHEDULES)
        node_error(n, NULL, "the schedule has %zu entries and end markers, the maximum is %d", count,
                   NUM_SCHEDULES - 1);
    if (sys->schedule_start >= count)
        attr_error(n, "start_index", NULL, "start_index %llu is out of range: the schedule has %zu %s",
                   (unsigned long long)sys->schedule_start, count, plural(count, "entry", "entries"));
    if (sys->schedule[sys->schedule_start].domain < 0)
        attr_error(n, "start_index", "start the schedule at a <schedule_entry>",
                   "start_index %llu is an end marker: the schedule would never make a domain current",
                   (unsigned long long)sys->schedule_start);
    if (sys->schedule_shift_given && (sys->schedule_shift >= NUM_SCHEDULES ||
                                      sys->schedule_shift + count >= NUM_SCHEDULES))
        attr_error(n, "index_shift", NULL,
                   "index_shift %llu plus the %zu schedule entries must stay below %d",
                   (unsigned long long)sys->schedule_shift, count, NUM_SCHEDULES);
}

void check_domains(const struct sdf_node *n, struct system *sys)
{
    if (sys->domains_node) {
        diag_pending_note(sys->domains_node->pos, "the first <domains>");
        node_error(n, NULL, "<domains> given more than once");
    }
    sys->domains_node = n;
    static const char *const none[] = {NULL};
    attr_whitelist(n, none);
    const struct sdf_node *schedule = NULL;
    for (size_t i = 0; i < n->nkids; i++) {
        const struct sdf_node *k = n->kids[i];
        if (!strcmp(k->tag, "domain")) {
            DIAG_UNIT(check_domain(k, sys));
        } else if (!strcmp(k->tag, "domain_schedule")) {
            if (schedule) {
                diag_pending_note(schedule->pos, "the first <domain_schedule>");
                DIAG_UNIT(node_error(k, NULL, "<domain_schedule> given more than once"));
            }
            schedule = k;
        } else {
            const char *known[] = {"domain", "domain_schedule"};
            const char *close = diag_closest(k->tag, known, 2);
            DIAG_UNIT(diag_error(k->pos, (struct pos){0, 0}, close ? xasprintf("did you mean <%s>?", close) : NULL,
                                 "unknown element <%s> in <domains>", k->tag));
        }
    }
    DIAG_UNIT(assign_ids(n, sys));
    if (!schedule)
        node_error(n, "add <domain_schedule> with <schedule_entry domain=\"NAME\" duration=\"1000 us\" />",
                   "<domains> has no <domain_schedule>");
    check_schedule(schedule, sys);
}
