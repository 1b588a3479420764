/* Element rules: one function per element kind, checks in the spec's order (§3, §4). */
#include "check.h"

#include <stdio.h>
#include <string.h>

#include "attr.h"
#include "minikit/board.h"
#include "minikit/systable.h"

/* seL4's MAX_PERIOD_US; it also keeps the kernel's microseconds-to-ticks product far from overflowing. */
#define MAX_PERIOD_US 3600000000ULL

static const uint64_t page_sizes[] = {0x1000, 0x200000};

/* The variables libmicrokit owns: the tool writes them in every PD (check_image.c, rule_symbols). */
static const char *const libmicrokit_symbols[] = {"microkit_name", "microkit_passive", "microkit_irqs",
                                                  "microkit_notifications", "microkit_pps", "microkit_ioports"};

struct patch *check_add_patch(struct pd *pd, const struct sdf_node *node, const char *symbol)
{
    for (size_t i = 0; i < sizeof(libmicrokit_symbols) / sizeof(libmicrokit_symbols[0]); i++)
        if (!strcmp(symbol, libmicrokit_symbols[i]))
            node_error(node, "name a variable of your own: libmicrokit reads this one to check channel and IRQ ids",
                       "symbol '%s' is libmicrokit's; the tool writes it in every protection domain", symbol);
    for (size_t i = 0; i < pd->npatches; i++) {
        if (strcmp(pd->patches[i].symbol, symbol))
            continue;
        diag_pending_note(pd->patches[i].node->pos, "first set here");
        node_error(node, NULL, "symbol '%s' is already set in protection_domain '%s'", symbol, pd->name);
    }
    struct patch *p = VEC_PUSH(pd->patches, pd->npatches);
    p->node = node;
    p->symbol = symbol;
    p->kind = PATCH_WORD;
    p->user = true;
    return p;
}

/* Stray character data anywhere is an error (upstream only looks inside <system>). */
static void no_text(const struct sdf_node *n)
{
    if (n->has_text)
        DIAG_UNIT(node_error(n, "only elements and whitespace may appear here", "unexpected text inside <%s>",
                             n->tag));
    for (size_t i = 0; i < n->nkids; i++)
        no_text(n->kids[i]);
}

/* Elements that take no children say so instead of ignoring them. */
void check_no_kids(const struct sdf_node *n)
{
    if (n->nkids)
        diag_error(n->kids[0]->pos, (struct pos){0, 0}, NULL, "unknown element <%s> in <%s>: <%s> has no children",
                   n->kids[0]->tag, n->tag, n->tag);
}

static _Noreturn void unknown_child(const struct sdf_node *kid, const struct sdf_node *parent,
                                    const char *const *known, size_t nknown)
{
    const char *close = diag_closest(kid->tag, known, nknown);
    char *hint = close ? xasprintf("did you mean <%s>?", close) : NULL;
    diag_error(kid->pos, (struct pos){0, 0}, hint, "unknown element <%s> in <%s>", kid->tag, parent->tag);
}

static _Noreturn void not_on_board(const struct sdf_node *n, const char *what)
{
    node_error(n, NULL, "%s is not supported on this board (qemu_virt_aarch64)", what);
}

/* ------------------------------------------------------------ memory_region */

static void check_mr(const struct sdf_node *n, struct system *sys)
{
    struct mr *mr = VEC_PUSH(sys->mrs, sys->nmrs);
    mr->node = n;
    mr->name = attr_opt(n, "name");
    mr->bad = true; /* until every check below passed */
    static const char *const allowed[] = {"name", "size", "page_size", "phys_addr", "prefill_path",
                                          "prefill_bootinfo", NULL};
    attr_whitelist(n, allowed);
    attr_req(n, "name");
    mr->page_size_given = attr_opt(n, "page_size") != NULL;
    mr->page_size = attr_sdf(n, "page_size", 0x1000);
    if (mr->page_size != page_sizes[0] && mr->page_size != page_sizes[1])
        attr_error(n, "page_size", "supported page sizes: 0x1000 (4 KiB), 0x200000 (2 MiB)",
                   "page_size 0x%llx is not supported (supported: 0x1000, 0x200000)",
                   (unsigned long long)mr->page_size);
    mr->prefill_path = attr_opt(n, "prefill_path");
    if (mr->prefill_path)
        check_read_prefill(sys, mr);
    if (attr_opt(n, "prefill_bootinfo"))
        attr_error(n, "prefill_bootinfo", NULL,
                   "prefill_bootinfo is not supported on this board (qemu_virt_aarch64): the loader passes no "
                   "boot information");
    if (attr_opt(n, "size")) {
        mr->size = attr_sdf(n, "size", 0);
        if (mr->size == 0)
            attr_error(n, "size", NULL, "size must not be zero");
        if (!attr_opt(n, "phys_addr") && mr->size > MK_RAM_END - MK_RAM_BASE)
            attr_error(n, "size", "give phys_addr for a device region; RAM regions must fit the board's RAM",
                       "size 0x%llx is larger than the board's RAM (0x%llx bytes)", (unsigned long long)mr->size,
                       MK_RAM_END - MK_RAM_BASE);
        if (mr->size % mr->page_size)
            attr_error(n, "size", "use a multiple of the page size, or set page_size",
                       "size 0x%llx is not a multiple of the page size 0x%llx", (unsigned long long)mr->size,
                       (unsigned long long)mr->page_size);
        if (mr->prefill_path && mr->prefill_len > mr->size)
            attr_error(n, "size", "enlarge the region, or leave size out to fit the file",
                       "size 0x%llx is smaller than the prefill file '%s' (0x%llx bytes)",
                       (unsigned long long)mr->size, mr->prefill_path, (unsigned long long)mr->prefill_len);
    } else if (mr->prefill_path) {
        mr->size = (mr->prefill_len + mr->page_size - 1) / mr->page_size * mr->page_size;
    } else {
        node_error(n, NULL, "missing required attribute 'size' (it may be left out only with prefill_path)");
    }
    mr->fixed = attr_opt(n, "phys_addr") != NULL;
    mr->paddr = attr_sdf(n, "phys_addr", 0);
    if (mr->paddr % mr->page_size)
        attr_error(n, "phys_addr", NULL, "phys_addr 0x%llx is not a multiple of the page size 0x%llx",
                   (unsigned long long)mr->paddr, (unsigned long long)mr->page_size);
    if (mr->fixed && mr->prefill_path)
        attr_error(n, "prefill_path", "drop phys_addr: the tool places prefilled regions itself",
                   "prefill_path together with phys_addr is not supported on this board: prefilled data "
                   "travels inside the image");
    check_no_kids(n);
    mr->bad = false;
}

/* ------------------------------------------------------------ PD children */

static uint64_t stack_bottom(const struct pd *pd)
{
    return MK_IPCBUF_VADDR - 0x1000 - pd->stack_size;
}

static void check_program_image(const struct sdf_node *n, struct pd *pd)
{
    static const char *const allowed[] = {"path", "path_for_symbols", NULL};
    attr_whitelist(n, allowed);
    if (pd->image_node)
        node_error(pd->node, NULL, "program_image given more than once");
    pd->image_node = n;
    pd->path = attr_req(n, "path");
    pd->path_for_symbols = attr_opt(n, "path_for_symbols");
    check_no_kids(n);
}

/* "rwx" letters in any order; "w" alone is refused (no write-only mappings). */
uint32_t check_perms(const struct sdf_node *n, const char *perms)
{
    uint32_t attrs = 0;
    for (const char *p = perms; *p; p++) {
        if (*p == 'r')
            attrs |= MK_MAP_R;
        else if (*p == 'w')
            attrs |= MK_MAP_W;
        else if (*p == 'x')
            attrs |= MK_MAP_X;
        else
            attr_error(n, "perms", "perms is made of the letters r, w and x, e.g. \"rw\"",
                       "perms '%s' is not valid (allowed letters: r, w, x)", perms);
    }
    if (attrs == MK_MAP_W)
        attr_error(n, "perms", "use \"rw\"", "perms 'w' is not valid: write-only mappings are not permitted");
    return attrs;
}

static void check_map(const struct sdf_node *n, struct pd *pd)
{
    static const char *const allowed[] = {"mr", "vaddr", "perms", "cached", "setvar_vaddr", "setvar_size",
                                          "setvar_prefill_size", NULL};
    attr_whitelist(n, allowed);
    check_no_kids(n);
    struct map m = {.node = n};
    m.mr_name = attr_req(n, "mr");
    m.vaddr = attr_sdf_req(n, "vaddr");
    if (m.vaddr >= stack_bottom(pd))
        attr_error(n, "vaddr", "maps must lie below the PD's stack",
                   "vaddr 0x%llx is not below the stack bottom 0x%llx of protection_domain '%s'",
                   (unsigned long long)m.vaddr, (unsigned long long)stack_bottom(pd), pd->name);
    const char *perms = attr_opt(n, "perms");
    m.perms = perms ? perms : "rw";
    m.attrs = check_perms(n, m.perms);
    if (!attr_bool(n, "cached", true))
        m.attrs |= MK_MAP_UNCACHED;
    const char *sym = attr_opt(n, "setvar_vaddr");
    if (sym)
        check_add_patch(pd, n, sym)->value = m.vaddr;
    /* The values of these two are known after the global stage (rule_maps, rule_prefill_sizes). */
    sym = attr_opt(n, "setvar_size");
    if (sym)
        check_add_patch(pd, n, sym);
    m.setvar_prefill_size = attr_opt(n, "setvar_prefill_size");
    if (m.setvar_prefill_size)
        check_add_patch(pd, n, m.setvar_prefill_size);
    *VEC_PUSH(pd->maps, pd->nmaps) = m;
}

static void check_irq(const struct sdf_node *n, struct pd *pd)
{
    /* The id (and its setvar_id) come first, before the variant's attribute list (§3.4). */
    int64_t id = attr_dec_signed_req(n, "id");
    if (id < 0 || id >= MK_MAX_IDS)
        attr_error(n, "id", NULL, "id %lld is out of range 0..%d", (long long)id, MK_MAX_IDS - 1);
    const char *sym = attr_opt(n, "setvar_id");
    if (sym)
        check_add_patch(pd, n, sym)->value = (uint64_t)id;
    if (!attr_opt(n, "irq")) {
        if (attr_opt(n, "pin"))
            attr_error(n, "pin", "use irq=\"N\" (the GIC interrupt number)",
                       "x86 IOAPIC interrupts (pin) are not supported on this board (qemu_virt_aarch64)");
        if (attr_opt(n, "pcidev"))
            attr_error(n, "pcidev", "use irq=\"N\" (the GIC interrupt number)",
                       "x86 MSI interrupts (pcidev) are not supported on this board (qemu_virt_aarch64)");
        attr_req(n, "irq");
    }
    static const char *const allowed[] = {"irq", "id", "setvar_id", "trigger", NULL};
    attr_whitelist(n, allowed);
    check_no_kids(n);
    struct irq irq = {.node = n, .id = (unsigned)id};
    irq.irq = attr_dec_unsigned_req(n, "irq");
    if (irq.irq > UINT32_MAX)
        attr_error(n, "irq", NULL, "irq %llu is out of range 0..%u", (unsigned long long)irq.irq, UINT32_MAX);
    static const char *const triggers[] = {"level", "edge", NULL};
    irq.trigger = attr_choice(n, "trigger", triggers, 0) ? MK_IRQ_EDGE : MK_IRQ_LEVEL;
    *VEC_PUSH(pd->irqs, pd->nirqs) = irq;
}

static void check_setvar(const struct sdf_node *n, struct pd *pd)
{
    static const char *const allowed[] = {"symbol", "region_paddr", NULL};
    attr_whitelist(n, allowed);
    check_no_kids(n);
    const char *sym = attr_req(n, "symbol");
    attr_req(n, "region_paddr");
    check_add_patch(pd, n, sym); /* the MR is resolved by the global stage */
}

/* ------------------------------------------------------------ protection_domain */

static void check_pd(const struct sdf_node *n, struct system *sys, struct pd *parent);

static void check_pd_kid(const struct sdf_node *k, struct system *sys, struct pd *pd)
{
    static const char *const known[] = {"program_image", "map", "irq", "setvar", "protection_domain",
                                        "virtual_machine", "cspace", "ioport"};
    if (!strcmp(k->tag, "program_image"))
        check_program_image(k, pd);
    else if (!strcmp(k->tag, "map"))
        check_map(k, pd);
    else if (!strcmp(k->tag, "irq"))
        check_irq(k, pd);
    else if (!strcmp(k->tag, "setvar"))
        check_setvar(k, pd);
    else if (!strcmp(k->tag, "protection_domain"))
        check_pd(k, sys, pd);
    else if (!strcmp(k->tag, "virtual_machine"))
        check_vm(k, sys, pd);
    else if (!strcmp(k->tag, "cspace"))
        not_on_board(k, "<cspace> (seL4 capabilities)");
    else if (!strcmp(k->tag, "ioport"))
        node_error(pd->node, NULL, "I/O ports exist only on x86; <ioport> is not supported on this board "
                                   "(qemu_virt_aarch64)");
    else
        unknown_child(k, pd->node, known, sizeof(known) / sizeof(known[0]));
}

static int find_domain(const struct system *sys, const char *name)
{
    for (size_t i = 0; i < sys->ndomains; i++)
        if (!strcmp(sys->domains[i].name, name))
            return (int)i;
    return -1;
}

/* budget and period (us) of a PD or a VM ('who'), with the kernel's limits. */
void check_budget_period(const struct sdf_node *n, const char *who, uint64_t *budget, uint64_t *period)
{
    *budget = attr_sdf(n, "budget", 1000);
    *period = attr_sdf(n, "period", *budget);
    /* The kernel turns both into timer ticks and panics on a zero period (kernel/core/timer.c). */
    if (*budget == 0)
        attr_error(n, "budget", xasprintf("the budget is the time the %s may run in each period: at least 1 us", who),
                   "budget must not be zero");
    else if (*budget < MK_MIN_BUDGET_US)
        attr_error(n, "budget",
                   "seL4 refuses a budget under 20 us (twice its worst-case kernel entry on Arm): every kernel "
                   "entry is charged to the budget, so a smaller one need not leave the PD any time to run",
                   "budget %llu us is below the minimum %u us", (unsigned long long)*budget, MK_MIN_BUDGET_US);
    if (*period > MAX_PERIOD_US)
        attr_error(n, attr_opt(n, "period") ? "period" : "budget", "seL4 limits a period to one hour",
                   "period %llu us is longer than the maximum %llu us (one hour)", (unsigned long long)*period,
                   (unsigned long long)MAX_PERIOD_US);
    if (*budget > *period)
        attr_error(n, "budget", xasprintf("the budget is the share of each period the %s may run", who),
                   "budget %llu is greater than period %llu", (unsigned long long)*budget,
                   (unsigned long long)*period);
}

/* priority, 0..254 (255 is the kernel's own), default 0. */
uint8_t check_priority(const struct sdf_node *n)
{
    uint64_t prio = attr_sdf(n, "priority", 0);
    if (prio > 254)
        attr_error(n, "priority", NULL, "priority %llu is out of range 0..254", (unsigned long long)prio);
    return (uint8_t)prio;
}

/* The PD's own attributes, in the spec's order (§3.1). */
static void check_pd_attrs(const struct sdf_node *n, struct system *sys, struct pd *pd)
{
    static const char *const root_allowed[] = {"name", "priority", "budget", "period", "passive", "stack_size",
                                               "smc", "cpu", "fpu", "domain", NULL};
    static const char *const child_allowed[] = {"name", "priority", "budget", "period", "passive",
                                                "stack_size", "smc", "cpu", "fpu", "domain", "id",
                                                "setvar_id", NULL};
    attr_whitelist(n, pd->parent ? child_allowed : root_allowed);
    attr_req(n, "name");
    if (pd->parent) {
        uint64_t id = attr_sdf_req(n, "id");
        if (id >= MK_MAX_IDS)
            attr_error(n, "id", NULL, "id %llu is out of range 0..%d", (unsigned long long)id, MK_MAX_IDS - 1);
        pd->child_id = (unsigned)id;
        const char *sym = attr_opt(n, "setvar_id");
        if (sym)
            check_add_patch(pd->parent, n, sym)->value = id;
    }
    check_budget_period(n, "PD", &pd->budget, &pd->period);
    pd->passive = attr_bool(n, "passive", false);
    pd->stack_size = attr_sdf(n, "stack_size", 0x2000);
    pd->smc = attr_bool(n, "smc", false); /* SMC forwarding: the kernel's sys_smc */
    uint64_t cpu = attr_sdf(n, "cpu", 0);
    if (cpu >= NCORES)
        attr_error(n, "cpu", NULL, "cpu %llu is out of range: this configuration has %d core (allowed: 0)",
                   (unsigned long long)cpu, NCORES);
    pd->cpu = (unsigned)cpu;
    const char *domain = attr_opt(n, "domain");
    if (sys->domains_node && !domain)
        node_error(n, "every protection domain needs a domain once <domains> is declared",
                   "missing required attribute 'domain'");
    if (domain && !sys->domains_node)
        attr_error(n, "domain", "declare a <domains> schedule before the protection domains",
                   "domain '%s' given, but no <domains> schedule is declared", domain);
    if (domain) {
        pd->domain = find_domain(sys, domain);
        if (pd->domain < 0) {
            const char **names = xcalloc(sys->ndomains, sizeof(*names));
            for (size_t i = 0; i < sys->ndomains; i++)
                names[i] = sys->domains[i].name;
            const char *close = diag_closest(domain, names, sys->ndomains);
            attr_error(n, "domain", close ? xasprintf("did you mean '%s'?", close) : NULL,
                       "no domain named '%s' in <domains>", domain);
        }
    }
    if (pd->stack_size < 0x1000 || pd->stack_size > 0x1000000)
        attr_error(n, "stack_size", NULL, "stack_size 0x%llx is out of range 0x1000..0x1000000",
                   (unsigned long long)pd->stack_size);
    if (pd->stack_size % 0x1000)
        attr_error(n, "stack_size", NULL, "stack_size 0x%llx is not a multiple of the page size 0x1000",
                   (unsigned long long)pd->stack_size);
    pd->priority = check_priority(n);
    pd->fpu = attr_bool(n, "fpu", true);
    pd->bad = false;
}

static void check_pd(const struct sdf_node *n, struct system *sys, struct pd *parent)
{
    struct pd *pd = xcalloc(1, sizeof(*pd));
    *VEC_PUSH(sys->pds, sys->npds) = pd;
    pd->node = n;
    pd->index = (unsigned)sys->nentries++; /* before the children (and vCPUs): depth-first pre-order */
    pd->parent = parent;
    pd->name = attr_opt(n, "name");
    pd->domain = -1;
    pd->stack_size = 0x2000;
    pd->bad = true; /* until check_pd_attrs got to its end */
    DIAG_UNIT(check_pd_attrs(n, sys, pd));
    if (!pd->name)
        pd->name = ""; /* reported above; keeps later messages printable */
    for (volatile size_t i = 0; i < n->nkids; i++)
        DIAG_UNIT(check_pd_kid(n->kids[i], sys, pd));
    if (!pd->image_node)
        node_error(n, "add <program_image path=\"FILE.elf\" />", "missing <program_image>");
}

/* ------------------------------------------------------------ system */

static void check_top(const struct sdf_node *k, struct system *sys)
{
    static const char *const known[] = {"memory_region", "protection_domain", "channel", "domains"};
    if (!strcmp(k->tag, "memory_region"))
        check_mr(k, sys);
    else if (!strcmp(k->tag, "protection_domain"))
        check_pd(k, sys, NULL);
    else if (!strcmp(k->tag, "channel"))
        return; /* channels may name PDs declared later: global stage */
    else if (!strcmp(k->tag, "virtual_machine"))
        node_error(k, "move it inside the protection_domain that runs its VMM",
                   "a virtual machine must be the child of a protection domain");
    else if (!strcmp(k->tag, "io_address_space"))
        not_on_board(k, "<io_address_space> (IO address spaces need IOMMU support)");
    else if (!strcmp(k->tag, "domains"))
        check_domains(k, sys);
    else
        unknown_child(k, sys->root, known, sizeof(known) / sizeof(known[0]));
}

void check_elements(const struct sdf_node *root, struct system *sys)
{
    if (strcmp(root->tag, "system"))
        node_error(root, NULL, "the root element must be <system>, not <%s>", root->tag);
    static const char *const none[] = {NULL};
    DIAG_UNIT(attr_whitelist(root, none));
    no_text(root);
    sys->root = root;
    for (volatile size_t i = 0; i < root->nkids; i++)
        DIAG_UNIT(check_top(root->kids[i], sys));
}
