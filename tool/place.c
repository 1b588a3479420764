/* Physical and virtual layout; see place.h for the memory plan. */
#include "place.h"
#include "symtab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attr.h"
#include "diag.h"
#include "ptcount.h"

#define PAGE 0x1000ULL
#define NO_FIT UINT64_MAX

static uint64_t align_up(uint64_t x, uint64_t a)
{
    return (x + a - 1) & ~(a - 1);
}

/* Where one entry of layout.maps gets its physical memory. */
enum source { SRC_IMAGE, SRC_ZERO, SRC_MR };

struct vmap {
    struct mk_map m;
    enum source src;
    const uint8_t *data; /* SRC_IMAGE: the bytes */
    const struct mr *mr; /* SRC_MR */
    char *owner;
};

/* One system-table entry: a PD, or a vCPU of a VM. */
struct entry {
    struct pd *pd;
    struct vm *vm;
    const struct vcpu *vcpu;
};

struct planner {
    struct system *sys;
    struct layout *out;
    struct entry *e; /* by table index */
    struct vmap *v; /* all maps, entry by entry (a VM's once, at its first vCPU) */
    size_t nv;
    size_t *first, *count; /* per entry: its maps are v[first .. first + count) */
    struct range *busy; /* RAM nobody else may use: kernel .bss/stack, fixed-address MRs */
    size_t nbusy;
};

static void note_range(struct layout *L, uint64_t base, uint64_t size, char *owner)
{
    struct range *r = VEC_PUSH(L->ranges, L->nranges);
    r->base = base;
    r->end = base + size;
    r->owner = owner;
}

/* Lowest aligned a >= at with [a, a+size) clear of every busy range and inside RAM; NO_FIT if none. */
static uint64_t fit(const struct planner *P, uint64_t at, uint64_t size, uint64_t align)
{
    uint64_t a = align_up(at, align);
    for (int moved = 1; moved;) {
        if (a > RAM_END || size > RAM_END - a)
            return NO_FIT;
        moved = 0;
        for (size_t i = 0; i < P->nbusy; i++)
            if (a < P->busy[i].end && P->busy[i].base < a + size) {
                a = align_up(P->busy[i].end, align);
                moved = 1;
            }
    }
    return a;
}

static _Noreturn void no_room(const char *what, uint64_t at, uint64_t size)
{
    diag_fatal("not enough RAM for %s: needs 0x%llx bytes at or above 0x%llx, but only 0x%llx bytes are free "
               "below the end of RAM 0x%llx",
               what, (unsigned long long)size, (unsigned long long)at,
               (unsigned long long)(at < RAM_END ? RAM_END - at : 0), (unsigned long long)RAM_END);
}

/* Kernel: file bytes into the image at p_paddr, the rest of its RAM reserved. Returns the end of its bytes. */
static uint64_t place_kernel(struct planner *P, const struct elf_image *k)
{
    struct layout *L = P->out;
    uint64_t lowest = NO_FIT, end = 0;
    for (size_t i = 0; i < k->nsegs; i++) {
        const struct elf_seg *s = &k->segs[i];
        if (s->paddr < RAM_BASE || s->paddr + s->memsz > RAM_END)
            diag_fatal("kernel '%s': segment at physical 0x%llx is outside RAM", k->path,
                       (unsigned long long)s->paddr);
        if (!s->filesz) {
            struct range *r = VEC_PUSH(P->busy, P->nbusy);
            *r = (struct range){s->paddr, s->paddr + s->memsz, "kernel (no file bytes)"};
            note_range(L, s->paddr, s->memsz, xstrdup("kernel memory (cleared by the kernel)"));
            continue;
        }
        struct chunk *c = VEC_PUSH(L->chunks, L->nchunks);
        uint64_t held = s->dlen - (s->vaddr - s->base); /* filesz > 0: dlen covers vaddr */
        *c = (struct chunk){s->paddr, s->data + (s->vaddr - s->base), s->memsz, held < s->memsz ? held : s->memsz};
        note_range(L, s->paddr, s->memsz, xstrdup("kernel"));
        if (s->paddr < lowest)
            lowest = s->paddr;
        if (s->paddr + s->memsz > end)
            end = s->paddr + s->memsz;
    }
    if (lowest != MK_IMAGE_BASE)
        diag_fatal("kernel '%s': its lowest loadable segment must start at physical 0x%llx (found 0x%llx)", k->path,
                   MK_IMAGE_BASE, (unsigned long long)lowest);
    /* The kernel's reserved RAM must not overlap its own file bytes: the kernel would clear them. */
    for (size_t i = 0; i < P->nbusy; i++)
        for (size_t j = 0; j < L->nchunks; j++)
            if (P->busy[i].base < L->chunks[j].paddr + L->chunks[j].size && L->chunks[j].paddr < P->busy[i].end)
                diag_fatal("kernel '%s': segments overlap in physical memory", k->path);
    return end;
}

/* Fixed-address MRs inside RAM are busy; they may not straddle RAM's edges or hit the kernel. */
static void reserve_fixed_mrs(struct planner *P, uint64_t kernel_end)
{
    for (size_t i = 0; i < P->sys->nmrs; i++) {
        struct mr *mr = &P->sys->mrs[i];
        if (!mr->fixed)
            continue;
        uint64_t end = mr->paddr + mr->size;
        if (end < mr->paddr)
            node_error(mr->node, NULL, "physical range at 0x%llx wraps around", (unsigned long long)mr->paddr);
        if (end <= RAM_BASE || mr->paddr >= RAM_END) {
            note_range(P->out, mr->paddr, mr->size, xasprintf("MR '%s' (device, fixed)", mr->name));
            continue;
        }
        if (mr->paddr < RAM_BASE || end > RAM_END)
            node_error(mr->node, NULL, "physical range [0x%llx..0x%llx) is partly inside RAM [0x%llx..0x%llx)",
                       (unsigned long long)mr->paddr, (unsigned long long)end, RAM_BASE, RAM_END);
        for (size_t b = 0; b < P->nbusy; b++)
            if (mr->paddr < P->busy[b].end && P->busy[b].base < end)
                node_error(mr->node, NULL, "physical range [0x%llx..0x%llx) overlaps %s [0x%llx..0x%llx)",
                           (unsigned long long)mr->paddr, (unsigned long long)end, P->busy[b].owner,
                           (unsigned long long)P->busy[b].base, (unsigned long long)P->busy[b].end);
        if (mr->paddr < kernel_end && MK_IMAGE_BASE < end)
            node_error(mr->node, NULL, "physical range [0x%llx..0x%llx) overlaps the kernel [0x%llx..0x%llx)",
                       (unsigned long long)mr->paddr, (unsigned long long)end, MK_IMAGE_BASE,
                       (unsigned long long)kernel_end);
        struct range *r = VEC_PUSH(P->busy, P->nbusy);
        *r = (struct range){mr->paddr, end, xasprintf("memory_region '%s'", mr->name)};
        note_range(P->out, mr->paddr, mr->size, xasprintf("MR '%s' (fixed)", mr->name));
    }
}

static uint32_t seg_attrs(uint32_t flags)
{
    return (flags & 4 ? MK_MAP_R : 0) | (flags & 2 ? MK_MAP_W : 0) | (flags & 1 ? MK_MAP_X : 0);
}

static struct vmap *add_vmap(struct planner *P, uint64_t vaddr, uint64_t size, uint32_t bits, uint32_t attrs,
                             enum source src, char *owner)
{
    struct vmap *v = VEC_PUSH(P->v, P->nv);
    v->m = (struct mk_map){.vaddr = vaddr, .size = size, .page_bits = bits, .attrs = attrs};
    v->src = src;
    v->owner = owner;
    return v;
}

static int page_is_zero(const uint8_t *p)
{
    for (size_t i = 0; i < PAGE; i++)
        if (p[i])
            return 0;
    return 1;
}

/* A PD's address space: ELF runs (non-zero pages -> image, zero pages -> zero region), maps, stack, IPC buffer. */
static void plan_pd(struct planner *P, struct pd *pd)
{
    for (size_t s = 0; s < pd->elf->nsegs; s++) {
        const struct elf_seg *seg = &pd->elf->segs[s];
        /* Runs of pages, all zero or all not; a run with bytes must be contiguous in memory, so beyond the
         * file bytes (pages a patch made one by one) such a run is one page. */
        uint64_t npages = seg->len / PAGE, held = seg->dlen / PAGE;
        for (uint64_t i = 0; i < npages;) {
            const uint8_t *first = elf_seg_page(seg, i * PAGE);
            int zero = !first || page_is_zero(first);
            uint64_t j = i + 1;
            for (; j < npages && (zero || j < held); j++) {
                const uint8_t *p = elf_seg_page(seg, j * PAGE);
                if ((!p || page_is_zero(p)) != zero)
                    break;
            }
            struct vmap *v = add_vmap(P, seg->base + i * PAGE, (j - i) * PAGE, MK_PAGE_BITS, seg_attrs(seg->flags),
                                      zero ? SRC_ZERO : SRC_IMAGE,
                                      xasprintf("PD '%s' %s pages of segment 0x%llx", pd->name,
                                                zero ? "zero" : "data", (unsigned long long)seg->vaddr));
            v->data = zero ? NULL : first;
            i = j;
        }
    }
    for (size_t k = 0; k < pd->nmaps; k++) {
        const struct map *m = &pd->maps[k];
        unsigned bits = m->mr->page_size == PAGE ? MK_PAGE_BITS : MK_LARGE_PAGE_BITS;
        add_vmap(P, m->vaddr, m->mr->size, bits, m->attrs, SRC_MR, NULL)->mr = m->mr;
    }
    uint64_t stack_top = MK_IPCBUF_VADDR - PAGE;
    add_vmap(P, stack_top - pd->stack_size, pd->stack_size, MK_PAGE_BITS, MK_MAP_R | MK_MAP_W, SRC_ZERO,
             xasprintf("PD '%s' stack", pd->name));
    add_vmap(P, MK_IPCBUF_VADDR, PAGE, MK_PAGE_BITS, MK_MAP_R | MK_MAP_W, SRC_ZERO,
             xasprintf("PD '%s' IPC buffer", pd->name));
}

/* A VM's maps: its guest-physical address space, shared by its vCPUs. */
static void plan_vm(struct planner *P, const struct vm *vm)
{
    for (size_t k = 0; k < vm->nmaps; k++) {
        const struct map *m = &vm->maps[k];
        unsigned bits = m->mr->page_size == PAGE ? MK_PAGE_BITS : MK_LARGE_PAGE_BITS;
        add_vmap(P, m->vaddr, m->mr->size, bits, m->attrs, SRC_MR, NULL)->mr = m->mr;
    }
}

/* Every entry's maps, in table order; the vCPUs of a VM all get the range planned at the first one. */
static void plan_entries(struct planner *P)
{
    struct system *sys = P->sys;
    P->e = xcalloc(sys->nentries, sizeof(*P->e));
    for (size_t i = 0; i < sys->npds; i++)
        P->e[sys->pds[i]->index].pd = sys->pds[i];
    for (size_t v = 0; v < sys->nvms; v++)
        for (size_t k = 0; k < sys->vms[v]->nvcpus; k++)
            P->e[sys->vms[v]->vcpus[k].index] = (struct entry){.vm = sys->vms[v], .vcpu = &sys->vms[v]->vcpus[k]};
    P->first = xcalloc(sys->nentries, sizeof(*P->first));
    P->count = xcalloc(sys->nentries, sizeof(*P->count));
    size_t *vm_entry = xcalloc(sys->nvms, sizeof(*vm_entry)); /* per VM: 1 + the entry that planned its maps */
    for (size_t i = 0; i < sys->nentries; i++) {
        struct entry *e = &P->e[i];
        if (e->vcpu && vm_entry[e->vm->number]) {
            P->first[i] = P->first[vm_entry[e->vm->number] - 1];
            P->count[i] = P->count[vm_entry[e->vm->number] - 1];
            continue;
        }
        P->first[i] = P->nv;
        if (e->vcpu) {
            plan_vm(P, e->vm);
            vm_entry[e->vm->number] = i + 1;
        } else {
            plan_pd(P, e->pd);
        }
        P->count[i] = P->nv - P->first[i];
    }
    free(vm_entry);
}

/* The page-table pool: each PD's tables, and each VM's stage-2 tables once (ptcount.h). */
static uint64_t count_tables(const struct planner *P)
{
    const struct system *sys = P->sys;
    uint64_t n = 0;
    P->out->tables = xcalloc(sys->nentries + 1, sizeof(*P->out->tables));
    for (size_t i = 0; i < sys->nentries; i++) {
        const struct entry *e = &P->e[i];
        if (e->vcpu && e->vcpu != &e->vm->vcpus[0])
            continue; /* the VM's tables are counted at its first vCPU */
        struct mk_map *m = xcalloc(P->count[i] + 1, sizeof(*m));
        for (size_t k = 0; k < P->count[i]; k++)
            m[k] = P->v[P->first[i] + k].m;
        P->out->tables[i] = e->vcpu ? pt_count_stage2(m, P->count[i]) : pt_count(m, P->count[i]);
        n += P->out->tables[i];
        free(m);
    }
    return n;
}

static uint64_t table_size(const struct system *sys, size_t nmaps, size_t nirqs)
{
    return sizeof(struct mk_systable) + sys->nentries * sizeof(struct mk_pd) + nmaps * sizeof(struct mk_map) +
           sys->nchannels * sizeof(struct mk_channel) + nirqs * sizeof(struct mk_irq) +
           sys->nschedule * sizeof(struct mk_sched_entry);
}

/* Zero-region layout from 'base'; with assign set, record addresses. Returns the end. */
static uint64_t lay_zero(struct planner *P, uint64_t base, uint64_t pool, int assign)
{
    uint64_t at = base + pool;
    for (size_t i = 0; i < P->nv; i++) {
        struct vmap *v = &P->v[i];
        if (v->src != SRC_ZERO)
            continue;
        if (assign) {
            v->m.paddr = at;
            note_range(P->out, at, v->m.size, v->owner);
        }
        at += v->m.size;
    }
    for (size_t i = 0; i < P->sys->nmrs; i++) {
        struct mr *mr = &P->sys->mrs[i];
        if (mr->fixed || mr->prefill)
            continue; /* prefilled regions travel in the image */
        /* Sizes are below the size of RAM (check_mr), so the sum cannot overflow: it is reported as it is. */
        at = align_up(at, mr->page_size);
        if (assign) {
            mr->paddr = at;
            note_range(P->out, at, mr->size, xasprintf("MR '%s'", mr->name));
        }
        at += mr->size;
    }
    return at;
}

static void set_name(struct mk_pd *t, const char *name)
{
    size_t len = strlen(name);
    memcpy(t->name, name, len < MK_PD_NAME_LEN ? len : MK_PD_NAME_LEN); /* NUL-padded, unterminated at 64 */
}

static void fill_pd(struct planner *P, struct mk_pd *t, const struct pd *pd)
{
    const struct system *sys = P->sys;
    set_name(t, pd->name);
    t->entry = pd->elf->entry;
    t->stack_top = MK_IPCBUF_VADDR - PAGE;
    t->stack_bottom = t->stack_top - pd->stack_size;
    t->budget_us = pd->budget;
    t->period_us = pd->period;
    t->ipcbuf_paddr = P->v[t->map_first + t->map_count - 1].m.paddr; /* plan_pd maps it last */
    t->priority = pd->priority;
    t->passive = pd->passive;
    t->parent = pd->parent ? (uint8_t)pd->parent->index : MK_NO_PARENT;
    t->child_id = (uint8_t)pd->child_id;
    t->fpu = pd->fpu;
    t->smc = pd->smc;
    t->domain = pd->domain >= 0 ? (uint8_t)sys->domains[pd->domain].id : 0;
    t->kind = MK_PD_KIND_PD;
    for (size_t k = 0; k < pd->nirqs; k++) {
        struct mk_irq *q = VEC_PUSH(P->out->irqs, P->out->nirqs);
        *q = (struct mk_irq){(uint32_t)pd->irqs[k].irq, (uint8_t)pd->index, (uint8_t)pd->irqs[k].id,
                             (uint8_t)pd->irqs[k].trigger, 0};
    }
}

/* A vCPU starts suspended (no entry, stack or IPC buffer): its VMM starts it with microkit_vcpu_restart. */
static void fill_vcpu(const struct system *sys, struct mk_pd *t, const struct vm *vm, const struct vcpu *v)
{
    const struct pd *vmm = vm->vmm;
    set_name(t, vm->name);
    t->budget_us = vm->budget;
    t->period_us = vm->period;
    t->priority = vm->priority;
    t->fpu = 1;
    t->parent = (uint8_t)vmm->index;
    t->child_id = (uint8_t)v->id;
    t->cpu = (uint8_t)v->cpu;
    t->domain = vmm->domain >= 0 ? (uint8_t)sys->domains[vmm->domain].id : 0;
    t->kind = MK_PD_KIND_VCPU;
    t->vm = (uint8_t)vm->number;
}

static void fill_tables(struct planner *P)
{
    struct system *sys = P->sys;
    struct layout *L = P->out;
    L->pds = xcalloc(sys->nentries, sizeof(*L->pds));
    for (size_t i = 0; i < sys->nentries; i++) {
        struct mk_pd *t = &L->pds[i];
        t->map_first = (uint32_t)P->first[i];
        t->map_count = (uint32_t)P->count[i];
        if (P->e[i].vcpu)
            fill_vcpu(sys, t, P->e[i].vm, P->e[i].vcpu);
        else
            fill_pd(P, t, P->e[i].pd);
    }
    L->channels = xcalloc(sys->nchannels, sizeof(*L->channels));
    for (size_t c = 0; c < sys->nchannels; c++)
        for (int e = 0; e < 2; e++) {
            const struct end *end = &sys->channels[c].end[e];
            L->channels[c].pd[e] = (uint8_t)end->pd->index;
            L->channels[c].id[e] = (uint8_t)end->id;
            L->channels[c].flags[e] = (end->notify ? MK_END_NOTIFY : 0) | (end->pp ? MK_END_PP : 0);
        }
    L->sched = xcalloc(sys->nschedule, sizeof(*L->sched));
    for (size_t k = 0; k < sys->nschedule; k++) {
        const struct schedule_entry *e = &sys->schedule[k];
        if (e->domain >= 0)
            L->sched[k] = (struct mk_sched_entry){.duration = e->duration,
                                                  .domain = (uint8_t)sys->domains[e->domain].id,
                                                  .unit = e->ticks ? MK_SCHED_TICKS : MK_SCHED_US};
    }
    L->nmaps = P->nv;
    L->maps = xcalloc(P->nv, sizeof(*L->maps));
    for (size_t i = 0; i < P->nv; i++) {
        if (P->v[i].src == SRC_MR)
            P->v[i].m.paddr = P->v[i].mr->paddr;
        L->maps[i] = P->v[i].m;
    }
}

/* <setvar region_paddr>: the MR's address is known only now; its page is already in the image. */
static void patch_region_paddrs(struct system *sys)
{
    for (size_t i = 0; i < sys->npds; i++)
        for (size_t k = 0; k < sys->pds[i]->npatches; k++) {
            struct patch *p = &sys->pds[i]->patches[k];
            if (!p->paddr_of)
                continue;
            p->value = p->paddr_of->paddr;
            elf_patch_le(sys->pds[i]->elf, p->vaddr, p->value, 8);
        }
}

void place(struct system *sys, const struct elf_image *kernel, uint64_t flags, struct layout *out)
{
    memset(out, 0, sizeof(*out));
    struct planner P = {.sys = sys, .out = out};
    uint64_t kernel_end = place_kernel(&P, kernel);
    reserve_fixed_mrs(&P, kernel_end);

    plan_entries(&P);
    size_t nirqs = 0;
    for (size_t i = 0; i < sys->npds; i++)
        nirqs += sys->pds[i]->nirqs;

    /* The system table right after the kernel's bytes, then the PD data pages. */
    uint64_t tsize = table_size(sys, P.nv, nirqs);
    /* Debug kernels: the PDs' function symbols right after it (symtab.c). */
    out->symtab = symtab_build(sys, kernel, &out->symtab_size);
    out->table_paddr = fit(&P, kernel_end, tsize + out->symtab_size, 8);
    if (out->table_paddr == NO_FIT)
        no_room("the system table", kernel_end, tsize + out->symtab_size);
    note_range(out, out->table_paddr, tsize, xstrdup("system table"));
    if (out->symtab_size) {
        out->symtab_paddr = out->table_paddr + tsize;
        note_range(out, out->symtab_paddr, out->symtab_size, xstrdup("PD symbol table (debug)"));
    }
    uint64_t at = out->table_paddr + tsize + out->symtab_size;
    for (size_t i = 0; i < P.nv; i++) {
        struct vmap *v = &P.v[i];
        if (v->src != SRC_IMAGE)
            continue;
        v->m.paddr = fit(&P, at, v->m.size, PAGE);
        if (v->m.paddr == NO_FIT)
            no_room(v->owner, at, v->m.size);
        note_range(out, v->m.paddr, v->m.size, v->owner);
        struct chunk *c = VEC_PUSH(out->chunks, out->nchunks);
        *c = (struct chunk){v->m.paddr, v->data, v->m.size, v->m.size};
        at = v->m.paddr + v->m.size;
    }
    /* Prefilled regions: the file's bytes in the image, the rest of the region zeros in the image too. */
    for (size_t i = 0; i < sys->nmrs; i++) {
        struct mr *mr = &sys->mrs[i];
        if (!mr->prefill)
            continue;
        mr->paddr = fit(&P, at, mr->size, mr->page_size);
        if (mr->paddr == NO_FIT)
            no_room(xasprintf("memory_region '%s'", mr->name), at, mr->size);
        note_range(out, mr->paddr, mr->size, xasprintf("MR '%s' (prefilled from '%s')", mr->name, mr->prefill_path));
        struct chunk *c = VEC_PUSH(out->chunks, out->nchunks);
        *c = (struct chunk){mr->paddr, mr->prefill, mr->prefill_len, mr->prefill_len};
        at = mr->paddr + mr->size;
    }
    out->image_end = at;

    /* The zero region: one contiguous range clear of busy RAM; the pool first. */
    out->pt_tables = count_tables(&P);
    uint64_t pool = out->pt_tables * MK_PT_SIZE;
    uint64_t base = align_up(out->image_end, PAGE);
    for (;;) {
        uint64_t end = lay_zero(&P, base, pool, 0);
        uint64_t moved = fit(&P, base, end - base, PAGE);
        if (moved == NO_FIT)
            no_room("the zero-initialised memory (page tables, .bss, stacks, IPC buffers, memory regions)", base,
                    end - base);
        if (moved == base)
            break;
        base = moved;
    }
    note_range(out, base, pool, xstrdup("page-table pool"));
    uint64_t zero_end = align_up(lay_zero(&P, base, pool, 1), PAGE);

    fill_tables(&P);
    patch_region_paddrs(sys);

    struct mk_systable *h = &out->hdr;
    h->magic = MK_SYSTABLE_MAGIC;
    h->version = MK_SYSTABLE_VERSION;
    h->size = (uint32_t)tsize;
    h->flags = flags | (sys->domains_node ? MK_FLAG_DOMAINS : 0) | (sys->nvms ? MK_FLAG_VMS : 0);
    h->zero_base = base;
    h->zero_end = zero_end;
    h->kmem_base = base;
    h->kmem_end = base + pool;
    h->npds = (uint32_t)sys->nentries;
    h->nmaps = (uint32_t)P.nv;
    h->nchannels = (uint32_t)sys->nchannels;
    h->nirqs = (uint32_t)nirqs;
    h->pds_off = sizeof(struct mk_systable);
    h->maps_off = h->pds_off + (uint32_t)(sys->nentries * sizeof(struct mk_pd));
    h->channels_off = h->maps_off + (uint32_t)(P.nv * sizeof(struct mk_map));
    h->irqs_off = h->channels_off + (uint32_t)(sys->nchannels * sizeof(struct mk_channel));
    h->nsched = (uint32_t)sys->nschedule;
    h->sched_off = h->irqs_off + (uint32_t)(nirqs * sizeof(struct mk_irq));
    h->sched_start = (uint32_t)sys->schedule_start;
    h->sched_shift = (uint32_t)sys->schedule_shift;
}
