/*
 * Virtual machines (docs/system-format.md, "<virtual_machine>"): the element
 * rules for <virtual_machine>, <vcpu> and the VM's <map>s, read while the
 * document is walked (check_vm), and the global rules that need every PD and
 * VM (check_vm_*), run from check_global.c's table.
 *
 * Each vCPU becomes a system-table entry of its own, a child of the VMM in
 * the same depth-first pre-order as child PDs, so the kernel can refuse
 * nothing here that the tool let through: ids in the VMM's child-id space,
 * guest-physical maps below MK_GUEST_PA_BITS, no GIC frame the kernel keeps
 * (check_devices.c refuses those regions whoever maps them).
 */
#include <string.h>

#include "attr.h"
#include "check.h"
#include "minikit/systable.h"

#ifndef MK_GUEST_PA_BITS
#define MK_GUEST_PA_BITS 39 /* stage 2: 4 KiB granule, T0SZ 25, start level 1 */
#endif
#define GUEST_PA_END (1ULL << MK_GUEST_PA_BITS)

/* ------------------------------------------------------------ element rules */

static void check_vcpu(const struct sdf_node *n, struct system *sys, struct vm *vm)
{
    static const char *const allowed[] = {"id", "setvar_id", "cpu", NULL};
    attr_whitelist(n, allowed);
    check_no_kids(n);
    uint64_t id = attr_dec_unsigned_req(n, "id");
    if (id >= MK_MAX_IDS)
        attr_error(n, "id", "a vCPU id is a child id of the VMM: 0..61, shared with its child protection domains",
                   "id %llu is out of range 0..%d", (unsigned long long)id, MK_MAX_IDS - 1);
    for (size_t i = 0; i < vm->nvcpus; i++)
        if (vm->vcpus[i].id == id) {
            diag_pending_note(vm->vcpus[i].node->pos, "the other vcpu with this id");
            attr_error(n, "id", NULL, "duplicate vcpu id %llu in virtual_machine '%s'", (unsigned long long)id,
                       vm->name);
        }
    uint64_t cpu = attr_sdf(n, "cpu", vm->vmm->cpu);
    if (cpu >= NCORES)
        attr_error(n, "cpu", NULL, "cpu %llu is out of range: this configuration has %d core (allowed: 0)",
                   (unsigned long long)cpu, NCORES);
    const char *sym = attr_opt(n, "setvar_id");
    if (sym)
        check_add_patch(vm->vmm, n, sym)->value = id; /* the VMM's variable (upstream ignores it) */
    struct vcpu *v = VEC_PUSH(vm->vcpus, vm->nvcpus);
    v->node = n;
    v->id = (unsigned)id;
    v->cpu = (unsigned)cpu;
    v->index = (unsigned)sys->nentries++; /* the VMM's child, in document order among its children */
}

static void check_vm_map(const struct sdf_node *n, struct vm *vm)
{
    static const char *const setvars[] = {"setvar_vaddr", "setvar_size", "setvar_prefill_size"};
    for (size_t i = 0; i < sizeof(setvars) / sizeof(setvars[0]); i++)
        if (attr_opt(n, setvars[i]))
            attr_error(n, setvars[i],
                       "give the VMM the address with a <setvar> of its own, or use --gen-headers (GUEST_* constants)",
                       "%s is not allowed on a map of a virtual machine: the map is in the guest's address space, "
                       "not the VMM's",
                       setvars[i]);
    static const char *const allowed[] = {"mr", "vaddr", "perms", "cached", NULL};
    attr_whitelist(n, allowed);
    check_no_kids(n);
    struct map m = {.node = n};
    m.mr_name = attr_req(n, "mr");
    m.vaddr = attr_sdf_req(n, "vaddr");
    if (m.vaddr >= GUEST_PA_END)
        attr_error(n, "vaddr", "a VM's vaddr is a guest-physical address; the stage-2 address space has 39 bits",
                   "vaddr 0x%llx is not below 0x%llx, the end of the guest-physical address space of "
                   "virtual_machine '%s'",
                   (unsigned long long)m.vaddr, GUEST_PA_END, vm->name);
    const char *perms = attr_opt(n, "perms");
    m.perms = perms ? perms : "rw";
    m.attrs = check_perms(n, m.perms);
    if (!attr_bool(n, "cached", true))
        m.attrs |= MK_MAP_UNCACHED;
    *VEC_PUSH(vm->maps, vm->nmaps) = m;
}

static void check_vm_kid(const struct sdf_node *k, struct system *sys, struct vm *vm)
{
    static const char *const known[] = {"vcpu", "map"};
    if (!strcmp(k->tag, "vcpu")) {
        check_vcpu(k, sys, vm);
    } else if (!strcmp(k->tag, "map")) {
        check_vm_map(k, vm);
    } else {
        const char *close = diag_closest(k->tag, known, sizeof(known) / sizeof(known[0]));
        diag_error(k->pos, (struct pos){0, 0},
                   close ? xasprintf("did you mean <%s>?", close) : "a virtual machine has <vcpu> and <map> children",
                   "unknown element <%s> in <virtual_machine>", k->tag);
    }
}

static void check_vm_attrs(const struct sdf_node *n, struct vm *vm)
{
    static const char *const allowed[] = {"name", "priority", "budget", "period", NULL};
    attr_whitelist(n, allowed);
    attr_req(n, "name");
    check_budget_period(n, "VM", &vm->budget, &vm->period);
    vm->priority = check_priority(n);
    vm->bad = false;
}

void check_vm(const struct sdf_node *n, struct system *sys, struct pd *vmm)
{
    if (vmm->vm) {
        diag_pending_note(vmm->vm->node->pos, "the first virtual_machine");
        node_error(n, "a VMM runs one virtual machine; give the second one a protection domain of its own",
                   "protection_domain '%s' already has a virtual machine", vmm->name);
    }
    struct vm *vm = xcalloc(1, sizeof(*vm));
    *VEC_PUSH(sys->vms, sys->nvms) = vm;
    vmm->vm = vm;
    vm->node = n;
    vm->name = attr_opt(n, "name");
    vm->vmm = vmm;
    vm->number = (unsigned)(sys->nvms - 1);
    vm->bad = true; /* until check_vm_attrs got to its end */
    DIAG_UNIT(check_vm_attrs(n, vm));
    if (!vm->name)
        vm->name = ""; /* reported above */
    for (volatile size_t i = 0; i < n->nkids; i++)
        DIAG_UNIT(check_vm_kid(n->kids[i], sys, vm));
    bool any = false;
    for (size_t i = 0; i < n->nkids; i++)
        any = any || !strcmp(n->kids[i]->tag, "vcpu");
    if (!any)
        node_error(n, "add <vcpu id=\"0\" /> (ids are child ids of the VMM)", "virtual machine has no <vcpu>");
}

/* ------------------------------------------------------------ global rules */

/* Child PDs and vCPUs of one VMM share its child-id space (step 1): the kernel keeps one table of both. */
void check_vm_child_ids(struct system *sys)
{
    for (volatile size_t i = 0; i < sys->npds; i++) {
        struct pd *child = sys->pds[i];
        if (!child->parent || child->bad || !child->parent->vm)
            continue;
        struct vm *vm = child->parent->vm;
        for (volatile size_t k = 0; k < vm->nvcpus; k++)
            if (vm->vcpus[k].id == child->child_id) {
                diag_pending_note(vm->vcpus[k].node->pos, "the vcpu with this id");
                DIAG_UNIT(attr_error(child->node, "id", "child protection domains and vCPUs share the VMM's ids 0..61",
                                     "child id %u of protection_domain '%s' is also the id of a vcpu of "
                                     "virtual_machine '%s'",
                                     child->child_id, child->parent->name, vm->name));
            }
    }
}

/* VM names are unique among VMs and PDs (step 8): the kernel names a vCPU after its VM in what it prints. */
void check_vm_names(struct system *sys)
{
    for (volatile size_t v = 0; v < sys->nvms; v++) {
        struct vm *vm = sys->vms[v];
        if (!attr_opt(vm->node, "name"))
            continue;
        for (size_t i = 0; i < sys->npds; i++)
            if (!strcmp(sys->pds[i]->name, vm->name)) {
                diag_pending_note(sys->pds[i]->node->pos, "the protection_domain");
                DIAG_UNIT(attr_error(vm->node, "name",
                                     "the kernel names a VM's vCPUs after it: choose a name no protection domain has",
                                     "virtual_machine name '%s' is also the name of a protection_domain", vm->name));
                break;
            }
        for (size_t j = 0; j < v; j++)
            if (!strcmp(sys->vms[j]->name, vm->name)) {
                diag_pending_note(sys->vms[j]->node->pos, "first defined here");
                DIAG_UNIT(attr_error(vm->node, "name", NULL, "duplicate virtual_machine name '%s'", vm->name));
                break;
            }
    }
}

/* The VM's maps, in its own guest-physical address space (step 13, after the VMM's maps). */
void check_vm_maps(struct system *sys, struct pd *vmm, const char **mr_names)
{
    struct vm *vm = vmm->vm;
    if (!vm)
        return;
    struct map_space sp = {
        .what = xasprintf("virtual_machine '%s'", vm->name),
        .addr = "vaddr (guest-physical)",
        .limit = GUEST_PA_END,
        .limit_text = "of guest-physical addresses",
        .limit_hint = "a VM's vaddr is a guest-physical address; the stage-2 address space has 39 bits",
    };
    for (volatile size_t k = 0; k < vm->nmaps; k++)
        DIAG_UNIT(check_map_in_space(sys, vm->maps, k, &sp, mr_names));
}
