/* report.txt: memory map, PDs, channels, IRQs, regions, region_paddr, domains. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "plural.h"

#define X(v) ((unsigned long long)(v))

static int by_base(const void *a, const void *b)
{
    const struct range *x = a, *y = b;
    return x->base < y->base ? -1 : x->base > y->base;
}

struct range *report_ranges_by_base(const struct layout *L)
{
    struct range *r = xcalloc(L->nranges + 1, sizeof(*r));
    if (L->nranges)
        memcpy(r, L->ranges, L->nranges * sizeof(*r));
    qsort(r, L->nranges, sizeof(*r), by_base);
    return r;
}

static int by_irq(const void *a, const void *b)
{
    const struct irq_row *x = a, *y = b;
    return x->irq->irq < y->irq->irq ? -1 : x->irq->irq > y->irq->irq;
}

struct irq_row *report_irq_table(const struct system *sys, size_t *n)
{
    struct irq_row *rows = NULL;
    *n = 0;
    for (size_t i = 0; i < sys->npds; i++)
        for (size_t k = 0; k < sys->pds[i]->nirqs; k++)
            *VEC_PUSH(rows, *n) = (struct irq_row){sys->pds[i], &sys->pds[i]->irqs[k]};
    if (*n)
        qsort(rows, *n, sizeof(*rows), by_irq);
    return rows;
}

const char *report_trigger(unsigned trigger)
{
    return trigger == MK_IRQ_EDGE ? "edge" : "level";
}

void report_perms(uint32_t attrs, char out[4])
{
    out[0] = attrs & MK_MAP_R ? 'r' : '-';
    out[1] = attrs & MK_MAP_W ? 'w' : '-';
    out[2] = attrs & MK_MAP_X ? 'x' : '-';
    out[3] = 0;
}

static void memory_map(FILE *f, const struct layout *L)
{
    fprintf(f, "# Physical memory\n\n");
    fprintf(f, "    loader.img             [0x%llx..0x%llx)  %llu bytes\n", X(MK_IMAGE_BASE), X(L->image_end),
            X(L->image_end - MK_IMAGE_BASE));
    fprintf(f, "    zero region            [0x%llx..0x%llx)  %llu bytes, cleared by the kernel at boot\n",
            X(L->hdr.zero_base), X(L->hdr.zero_end), X(L->hdr.zero_end - L->hdr.zero_base));
    fprintf(f, "    page-table pool        [0x%llx..0x%llx)  %llu %s\n\n", X(L->hdr.kmem_base),
            X(L->hdr.kmem_end), X(L->pt_tables), plural(L->pt_tables, "table", "tables"));
    struct range *r = report_ranges_by_base(L);
    for (size_t i = 0; i < L->nranges; i++)
        fprintf(f, "    [0x%010llx..0x%010llx)  %s\n", X(r[i].base), X(r[i].end), r[i].owner);
    free(r);
}

/* The maps of a PD's or a VM's entry in the kernel's table; `addr` names what its address is. */
static void table_maps(FILE *f, const struct mk_pd *t, const struct layout *L, const char *addr)
{
    for (uint32_t k = 0; k < t->map_count; k++) {
        const struct mk_map *m = &L->maps[t->map_first + k];
        char p[4];
        report_perms(m->attrs, p);
        fprintf(f, "        %s 0x%010llx  size 0x%08llx  %s  %s  %s pages  paddr 0x%llx\n", addr, X(m->vaddr),
                X(m->size), p, m->attrs & MK_MAP_UNCACHED ? "uncached" : "cached  ",
                m->page_bits == MK_PAGE_BITS ? "4K" : "2M", X(m->paddr));
    }
}

static void pd_maps(FILE *f, const struct pd *pd, const struct mk_pd *t, const struct layout *L)
{
    fprintf(f, "    maps:\n");
    table_maps(f, t, L, "vaddr");
    for (size_t k = 0; k < pd->nmaps; k++)
        fprintf(f, "        MR '%s' at vaddr 0x%llx, perms \"%s\"\n", pd->maps[k].mr->name, X(pd->maps[k].vaddr),
                pd->maps[k].perms);
}

static void pd_section(FILE *f, const struct system *sys, const struct layout *L)
{
    fprintf(f, "\n# Protection domains\n");
    for (size_t i = 0; i < sys->npds; i++) {
        const struct pd *pd = sys->pds[i];
        const struct mk_pd *t = &L->pds[pd->index];
        fprintf(f, "\n## PD %u: %s\n\n", pd->index, pd->name);
        if (pd->parent)
            fprintf(f, "    parent:       %s (child id %u)\n", pd->parent->name, pd->child_id);
        fprintf(f, "    image:        %s\n", pd->elf->path);
        if (pd->path_for_symbols)
            fprintf(f, "    symbols from: %s\n", pd->path_for_symbols);
        fprintf(f, "    priority:     %u\n", pd->priority);
        fprintf(f, "    budget:       %llu us / period %llu us\n", X(pd->budget), X(pd->period));
        fprintf(f, "    passive:      %s\n", pd->passive ? "true" : "false");
        fprintf(f, "    fpu:          %s\n", pd->fpu ? "true" : "false");
        fprintf(f, "    smc:          %s\n", pd->smc ? "true" : "false");
        fprintf(f, "    core:         %u\n", t->cpu);
        if (pd->domain >= 0)
            fprintf(f, "    domain:       %s (id %d)\n", sys->domains[pd->domain].name, sys->domains[pd->domain].id);
        fprintf(f, "    stack:        [0x%llx..0x%llx) (%llu bytes)\n", X(t->stack_bottom), X(t->stack_top),
                X(pd->stack_size));
        fprintf(f, "    IPC buffer:   0x%llx (physical 0x%llx)\n", X(MK_IPCBUF_VADDR), X(t->ipcbuf_paddr));
        fprintf(f, "    entry:        0x%llx\n", X(t->entry));
        pd_maps(f, pd, t, L);
        if (pd->vm)
            fprintf(f, "    runs:         virtual_machine '%s'\n", pd->vm->name);
        for (size_t k = 0; k < pd->nirqs; k++)
            fprintf(f, "    irq %llu -> id %u (%s)\n", X(pd->irqs[k].irq), pd->irqs[k].id,
                    report_trigger(pd->irqs[k].trigger));
        fprintf(f, "    patched symbols:\n");
        for (size_t k = 0; k < pd->npatches; k++) {
            const struct patch *p = &pd->patches[k];
            if (p->kind == PATCH_BYTES)
                fprintf(f, "        %-24s @0x%llx = \"%.*s\"\n", p->symbol, X(p->vaddr), (int)p->nbytes, p->bytes);
            else
                fprintf(f, "        %-24s @0x%llx = 0x%llx\n", p->symbol, X(p->vaddr), X(p->value));
        }
    }
}

/* The VMs: vCPUs (table index, id, core) and the guest-physical address space they share. */
static void vm_section(FILE *f, const struct system *sys, const struct layout *L)
{
    if (!sys->nvms)
        return;
    fprintf(f, "\n# Virtual machines (vCPUs start suspended; the VMM starts them with microkit_vcpu_restart)\n");
    for (size_t v = 0; v < sys->nvms; v++) {
        const struct vm *vm = sys->vms[v];
        const struct mk_pd *t = &L->pds[vm->vcpus[0].index];
        fprintf(f, "\n## VM %u: %s\n\n", vm->number, vm->name);
        fprintf(f, "    VMM:          %s (its fault handler)\n", vm->vmm->name);
        fprintf(f, "    priority:     %u\n", vm->priority);
        fprintf(f, "    budget:       %llu us / period %llu us\n", X(vm->budget), X(vm->period));
        fprintf(f, "    VMID:         %u\n", vm->number + 1);
        fprintf(f, "    stage 2:      %llu page %s\n", X(L->tables[vm->vcpus[0].index]),
                plural(L->tables[vm->vcpus[0].index], "table", "tables"));
        for (size_t k = 0; k < vm->nvcpus; k++)
            fprintf(f, "    vcpu id %-3u  entry %u, core %u\n", vm->vcpus[k].id, vm->vcpus[k].index, vm->vcpus[k].cpu);
        fprintf(f, "    guest-physical maps:\n");
        table_maps(f, t, L, "gpa");
        for (size_t k = 0; k < vm->nmaps; k++)
            fprintf(f, "        MR '%s' at guest-physical 0x%llx, perms \"%s\"\n", vm->maps[k].mr->name,
                    X(vm->maps[k].vaddr), vm->maps[k].perms);
    }
}

static void channel_section(FILE *f, const struct system *sys)
{
    fprintf(f, "\n# Channels\n\n");
    for (size_t c = 0; c < sys->nchannels; c++) {
        const struct end *a = &sys->channels[c].end[0], *b = &sys->channels[c].end[1];
        fprintf(f, "    %zu: %s (id %u) <-> %s (id %u)", c, a->pd->name, a->id, b->pd->name, b->id);
        if (a->notify)
            fprintf(f, ", %s notifies %s", a->pd->name, b->pd->name);
        if (b->notify)
            fprintf(f, ", %s notifies %s", b->pd->name, a->pd->name);
        if (a->pp)
            fprintf(f, ", %s calls %s (pp)", a->pd->name, b->pd->name);
        if (b->pp)
            fprintf(f, ", %s calls %s (pp)", b->pd->name, a->pd->name);
        fputc('\n', f);
    }
    if (!sys->nchannels)
        fprintf(f, "    (none)\n");
}

static void irq_section(FILE *f, const struct system *sys)
{
    size_t n;
    struct irq_row *rows = report_irq_table(sys, &n);
    fprintf(f, "\n# IRQs\n\n");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "    irq %-5llu %-5s  -> %s (id %u)\n", X(rows[i].irq->irq), report_trigger(rows[i].irq->trigger),
                rows[i].pd->name, rows[i].irq->id);
    if (!n)
        fprintf(f, "    (none)\n");
    free(rows);
}

static void region_section(FILE *f, const struct system *sys)
{
    fprintf(f, "\n# Memory regions\n\n");
    for (size_t i = 0; i < sys->nmrs; i++) {
        const struct mr *mr = &sys->mrs[i];
        fprintf(f, "    %-24s size 0x%llx  page 0x%llx  paddr 0x%llx%s", mr->name, X(mr->size), X(mr->page_size),
                X(mr->paddr), mr->fixed ? " (fixed)" : "");
        if (mr->prefill_path)
            fprintf(f, "  prefilled from '%s' (%llu %s)", mr->prefill_path, X(mr->prefill_len),
                    plural(mr->prefill_len, "byte", "bytes"));
        fputc('\n', f);
    }
    if (!sys->nmrs)
        fprintf(f, "    (none)\n");
}

/* <setvar region_paddr>: which symbol of which PD holds which region's physical address. */
static void region_paddr_section(FILE *f, const struct system *sys)
{
    bool any = false;
    fprintf(f, "\n# Region physical addresses (setvar region_paddr)\n\n");
    for (size_t i = 0; i < sys->npds; i++)
        for (size_t k = 0; k < sys->pds[i]->npatches; k++) {
            const struct patch *p = &sys->pds[i]->patches[k];
            if (!p->paddr_of)
                continue;
            fprintf(f, "    %s: %s @0x%llx = 0x%llx (memory_region '%s')\n", sys->pds[i]->name, p->symbol,
                    X(p->vaddr), X(p->value), p->paddr_of->name);
            any = true;
        }
    if (!any)
        fprintf(f, "    (none)\n");
}

static void domain_section(FILE *f, const struct system *sys)
{
    if (!sys->domains_node)
        return;
    fprintf(f, "\n# Domains (the kernel runs the schedule from start_index; an end marker wraps to it)\n\n");
    for (size_t d = 0; d < sys->ndomains; d++) {
        fprintf(f, "    domain %d: %s; PDs:", sys->domains[d].id, sys->domains[d].name);
        for (size_t i = 0; i < sys->npds; i++)
            if (sys->pds[i]->domain == (int)d)
                fprintf(f, " %s", sys->pds[i]->name);
        bool vms = false; /* a VM runs in its VMM's domain */
        for (size_t v = 0; v < sys->nvms; v++)
            if (sys->vms[v]->vmm->domain == (int)d) {
                fprintf(f, "%s %s", vms ? "" : "; VMs:", sys->vms[v]->name);
                vms = true;
            }
        fputc('\n', f);
    }
    fprintf(f, "    schedule (start_index %llu", X(sys->schedule_start));
    if (sys->schedule_shift_given)
        fprintf(f, ", index_shift %llu", X(sys->schedule_shift));
    fprintf(f, "):\n");
    for (size_t s = 0; s < sys->nschedule; s++) {
        const struct schedule_entry *e = &sys->schedule[s];
        if (e->domain < 0)
            fprintf(f, "        %zu: end marker\n", s);
        else
            fprintf(f, "        %zu: %s for %llu %s\n", s, sys->domains[e->domain].name, X(e->duration),
                    e->ticks ? "ticks" : "us");
    }
}

void report_write(FILE *f, const struct system *sys, const struct layout *L, const char *board, const char *config,
                  const char *kernel)
{
    fprintf(f, "Minikit system report (informative; the format may change; --report-json is stable)\n\n");
    fprintf(f, "system:        %s\nboard:         %s\nconfig:        %s\nkernel:        %s\n", sys->file, board,
            config, kernel);
    fprintf(f, "flags:         %s%s%s\n", L->hdr.flags & MK_FLAG_EXIT_WHEN_IDLE ? "exit-when-idle" : "",
            (L->hdr.flags & MK_FLAG_EXIT_WHEN_IDLE) && (L->hdr.flags & MK_FLAG_VMS) ? ", " : "",
            L->hdr.flags & MK_FLAG_VMS ? "virtual machines" : !(L->hdr.flags & MK_FLAG_EXIT_WHEN_IDLE) ? "none" : "");
    fprintf(f, "image size:    %llu bytes\nzero region:   %llu bytes\nsystem table:  0x%llx (%u bytes)\n\n",
            X(L->image_end - MK_IMAGE_BASE), X(L->hdr.zero_end - L->hdr.zero_base), X(L->table_paddr),
            L->hdr.size);
    memory_map(f, L);
    pd_section(f, sys, L);
    vm_section(f, sys, L);
    channel_section(f, sys);
    irq_section(f, sys);
    region_section(f, sys);
    region_paddr_section(f, sys);
    domain_section(f, sys);
}
