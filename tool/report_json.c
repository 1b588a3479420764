/*
 * --report-json: the content of report.txt for programs. The schema is in
 * docs/tool.md ("JSON report"); bump REPORT_JSON_VERSION when a field changes
 * meaning or goes away (adding fields does not need it).
 */
#include <stdlib.h>

#include "json.h"
#include "report.h"

#define REPORT_JSON_VERSION 1

static void span(struct json *j, const char *key, uint64_t base, uint64_t end)
{
    json_object(j, key);
    json_u64(j, "base", base);
    json_u64(j, "end", end);
    json_u64(j, "size", end - base);
    json_close(j);
}

static void header(struct json *j, const struct system *sys, const struct layout *L, const char *board,
                   const char *config)
{
    json_str(j, "format", "minikit-report");
    json_u64(j, "version", REPORT_JSON_VERSION);
    json_str(j, "system", sys->file);
    json_str(j, "board", board);
    json_str(j, "config", config);
    json_array(j, "flags");
    if (L->hdr.flags & MK_FLAG_EXIT_WHEN_IDLE)
        json_str(j, NULL, "exit-when-idle");
    if (L->hdr.flags & MK_FLAG_VMS)
        json_str(j, NULL, "vms");
    json_close(j);
    span(j, "image", MK_IMAGE_BASE, L->image_end);
    span(j, "zero_region", L->hdr.zero_base, L->hdr.zero_end);
    span(j, "page_table_pool", L->hdr.kmem_base, L->hdr.kmem_end);
    json_u64(j, "page_tables", L->pt_tables);
    json_object(j, "system_table");
    json_u64(j, "paddr", L->table_paddr);
    json_u64(j, "size", L->hdr.size);
    json_close(j);
}

static void physical_memory(struct json *j, const struct layout *L)
{
    struct range *r = report_ranges_by_base(L);
    json_array(j, "physical_memory");
    for (size_t i = 0; i < L->nranges; i++) {
        json_object(j, NULL);
        json_u64(j, "base", r[i].base);
        json_u64(j, "end", r[i].end);
        json_str(j, "owner", r[i].owner);
        json_close(j);
    }
    json_close(j);
    free(r);
}

/* The packed maps of a table entry. */
static void table_maps(struct json *j, const struct mk_pd *t, const struct layout *L)
{
    json_array(j, "maps");
    for (uint32_t k = 0; k < t->map_count; k++) {
        const struct mk_map *m = &L->maps[t->map_first + k];
        char p[4];
        report_perms(m->attrs, p);
        json_object(j, NULL);
        json_u64(j, "vaddr", m->vaddr);
        json_u64(j, "size", m->size);
        json_str(j, "perms", p);
        json_bool(j, "cached", !(m->attrs & MK_MAP_UNCACHED));
        json_u64(j, "page_size", 1ULL << m->page_bits);
        json_u64(j, "paddr", m->paddr);
        json_close(j);
    }
    json_close(j);
}

/* The maps as written: MR, address, perms. */
static void mr_maps(struct json *j, const struct map *maps, size_t n)
{
    json_array(j, "memory_region_maps");
    for (size_t k = 0; k < n; k++) {
        json_object(j, NULL);
        json_str(j, "mr", maps[k].mr->name);
        json_u64(j, "vaddr", maps[k].vaddr);
        json_str(j, "perms", maps[k].perms);
        json_bool(j, "cached", !(maps[k].attrs & MK_MAP_UNCACHED));
        json_close(j);
    }
    json_close(j);
}

static void pd_symbols(struct json *j, const struct pd *pd)
{
    json_array(j, "patched_symbols");
    for (size_t k = 0; k < pd->npatches; k++) {
        const struct patch *p = &pd->patches[k];
        json_object(j, NULL);
        json_str(j, "symbol", p->symbol);
        json_u64(j, "vaddr", p->vaddr);
        if (p->kind == PATCH_BYTES)
            json_strn(j, "string", p->bytes, p->nbytes);
        else
            json_u64(j, "value", p->value);
        json_close(j);
    }
    json_close(j);
}

static void pd_one(struct json *j, const struct system *sys, const struct layout *L, size_t i)
{
    const struct pd *pd = sys->pds[i];
    const struct mk_pd *t = &L->pds[pd->index];
    json_object(j, NULL);
    json_u64(j, "index", pd->index);
    json_str(j, "name", pd->name);
    if (pd->parent) {
        json_str(j, "parent", pd->parent->name);
        json_u64(j, "child_id", pd->child_id);
    } else {
        json_null(j, "parent");
        json_null(j, "child_id");
    }
    json_str(j, "image", pd->elf->path);
    if (pd->path_for_symbols)
        json_str(j, "symbols_from", pd->path_for_symbols);
    else
        json_null(j, "symbols_from");
    json_u64(j, "priority", pd->priority);
    json_u64(j, "budget_us", pd->budget);
    json_u64(j, "period_us", pd->period);
    json_bool(j, "passive", pd->passive);
    json_bool(j, "fpu", pd->fpu);
    json_bool(j, "smc", pd->smc);
    json_u64(j, "cpu", t->cpu);
    if (pd->domain >= 0)
        json_str(j, "domain", sys->domains[pd->domain].name);
    else
        json_null(j, "domain");
    json_object(j, "stack");
    json_u64(j, "bottom", t->stack_bottom);
    json_u64(j, "top", t->stack_top);
    json_u64(j, "size", pd->stack_size);
    json_close(j);
    json_object(j, "ipc_buffer");
    json_u64(j, "vaddr", MK_IPCBUF_VADDR);
    json_u64(j, "paddr", t->ipcbuf_paddr);
    json_close(j);
    json_u64(j, "entry", t->entry);
    table_maps(j, t, L);
    mr_maps(j, pd->maps, pd->nmaps);
    if (pd->vm)
        json_str(j, "virtual_machine", pd->vm->name);
    else
        json_null(j, "virtual_machine");
    json_array(j, "irqs");
    for (size_t k = 0; k < pd->nirqs; k++) {
        json_object(j, NULL);
        json_u64(j, "irq", pd->irqs[k].irq);
        json_u64(j, "id", pd->irqs[k].id);
        json_str(j, "trigger", report_trigger(pd->irqs[k].trigger));
        json_close(j);
    }
    json_close(j);
    pd_symbols(j, pd);
    json_close(j);
}

static void vms(struct json *j, const struct system *sys, const struct layout *L)
{
    json_array(j, "virtual_machines");
    for (size_t v = 0; v < sys->nvms; v++) {
        const struct vm *vm = sys->vms[v];
        json_object(j, NULL);
        json_u64(j, "index", vm->number);
        json_str(j, "name", vm->name);
        json_str(j, "vmm", vm->vmm->name);
        json_u64(j, "priority", vm->priority);
        json_u64(j, "budget_us", vm->budget);
        json_u64(j, "period_us", vm->period);
        json_u64(j, "vmid", vm->number + 1);
        json_u64(j, "page_tables", L->tables[vm->vcpus[0].index]);
        json_array(j, "vcpus");
        for (size_t k = 0; k < vm->nvcpus; k++) {
            json_object(j, NULL);
            json_u64(j, "id", vm->vcpus[k].id);
            json_u64(j, "index", vm->vcpus[k].index);
            json_u64(j, "cpu", vm->vcpus[k].cpu);
            json_close(j);
        }
        json_close(j);
        table_maps(j, &L->pds[vm->vcpus[0].index], L);
        mr_maps(j, vm->maps, vm->nmaps);
        json_close(j);
    }
    json_close(j);
}

static void channels(struct json *j, const struct system *sys)
{
    json_array(j, "channels");
    for (size_t c = 0; c < sys->nchannels; c++) {
        const struct end *e = sys->channels[c].end;
        json_object(j, NULL);
        json_u64(j, "index", c);
        json_array(j, "ends");
        for (int k = 0; k < 2; k++) {
            json_object(j, NULL);
            json_str(j, "pd", e[k].pd->name);
            json_u64(j, "id", e[k].id);
            json_bool(j, "notify", e[k].notify);
            json_bool(j, "pp", e[k].pp);
            json_close(j);
        }
        json_close(j);
        /* The PPC direction spelled out: the end with pp="true" calls the other. */
        const struct end *caller = e[0].pp ? &e[0] : e[1].pp ? &e[1] : NULL;
        if (caller) {
            json_object(j, "ppc");
            json_str(j, "caller", caller->pd->name);
            json_str(j, "callee", (caller == &e[0] ? &e[1] : &e[0])->pd->name);
            json_close(j);
        } else {
            json_null(j, "ppc");
        }
        json_close(j);
    }
    json_close(j);
}

static void irqs(struct json *j, const struct system *sys)
{
    size_t n;
    struct irq_row *rows = report_irq_table(sys, &n);
    json_array(j, "irqs");
    for (size_t i = 0; i < n; i++) {
        json_object(j, NULL);
        json_u64(j, "irq", rows[i].irq->irq);
        json_str(j, "trigger", report_trigger(rows[i].irq->trigger));
        json_str(j, "pd", rows[i].pd->name);
        json_u64(j, "id", rows[i].irq->id);
        json_close(j);
    }
    json_close(j);
    free(rows);
}

static void memory_regions(struct json *j, const struct system *sys)
{
    json_array(j, "memory_regions");
    for (size_t i = 0; i < sys->nmrs; i++) {
        const struct mr *mr = &sys->mrs[i];
        json_object(j, NULL);
        json_str(j, "name", mr->name);
        json_u64(j, "size", mr->size);
        json_u64(j, "page_size", mr->page_size);
        json_u64(j, "paddr", mr->paddr);
        json_bool(j, "fixed", mr->fixed);
        if (mr->prefill_path) {
            json_object(j, "prefill");
            json_str(j, "path", mr->prefill_path);
            json_u64(j, "bytes", mr->prefill_len);
            json_close(j);
        } else {
            json_null(j, "prefill");
        }
        json_close(j);
    }
    json_close(j);
}

static void region_paddrs(struct json *j, const struct system *sys)
{
    json_array(j, "region_paddr");
    for (size_t i = 0; i < sys->npds; i++)
        for (size_t k = 0; k < sys->pds[i]->npatches; k++) {
            const struct patch *p = &sys->pds[i]->patches[k];
            if (!p->paddr_of)
                continue;
            json_object(j, NULL);
            json_str(j, "pd", sys->pds[i]->name);
            json_str(j, "symbol", p->symbol);
            json_u64(j, "vaddr", p->vaddr);
            json_str(j, "mr", p->paddr_of->name);
            json_u64(j, "paddr", p->value);
            json_close(j);
        }
    json_close(j);
}

static void domains(struct json *j, const struct system *sys)
{
    if (!sys->domains_node) {
        json_null(j, "domains");
        return;
    }
    json_object(j, "domains");
    json_array(j, "domains");
    for (size_t d = 0; d < sys->ndomains; d++) {
        json_object(j, NULL);
        json_str(j, "name", sys->domains[d].name);
        json_u64(j, "id", (uint64_t)sys->domains[d].id);
        json_array(j, "pds");
        for (size_t i = 0; i < sys->npds; i++)
            if (sys->pds[i]->domain == (int)d)
                json_str(j, NULL, sys->pds[i]->name);
        json_close(j);
        json_array(j, "vms"); /* each in its VMM's domain */
        for (size_t v = 0; v < sys->nvms; v++)
            if (sys->vms[v]->vmm->domain == (int)d)
                json_str(j, NULL, sys->vms[v]->name);
        json_close(j);
        json_close(j);
    }
    json_close(j);
    json_u64(j, "start_index", sys->schedule_start);
    if (sys->schedule_shift_given)
        json_u64(j, "index_shift", sys->schedule_shift);
    else
        json_null(j, "index_shift");
    json_array(j, "schedule");
    for (size_t s = 0; s < sys->nschedule; s++) {
        const struct schedule_entry *e = &sys->schedule[s];
        json_object(j, NULL);
        if (e->domain < 0) {
            json_bool(j, "end_marker", true);
        } else {
            json_str(j, "domain", sys->domains[e->domain].name);
            json_u64(j, "duration", e->duration);
            json_str(j, "unit", e->ticks ? "ticks" : "us");
        }
        json_close(j);
    }
    json_close(j);
    json_close(j);
}

void report_write_json(FILE *f, const struct system *sys, const struct layout *L, const char *board,
                       const char *config)
{
    struct json j;
    json_begin(&j, f);
    header(&j, sys, L, board, config);
    physical_memory(&j, L);
    json_array(&j, "protection_domains");
    for (size_t i = 0; i < sys->npds; i++)
        pd_one(&j, sys, L, i);
    json_close(&j);
    vms(&j, sys, L);
    channels(&j, sys);
    irqs(&j, sys);
    memory_regions(&j, sys);
    region_paddrs(&j, sys);
    domains(&j, sys);
    json_end(&j);
}
