/*
 * Validation, in the order docs/system-format.md gives. Each element
 * and each rule item is checked in its own DIAG_UNIT, so one run reports
 * every independent error (diag.h); objects with errors are marked 'bad'
 * and skipped by later rules so that one mistake is reported once. Element rules while walking the document
 * (check.c), then the global rules (check_global.c), then the rules that need
 * the ELF images (check_image.c). Each stage is an ordered table of small rule
 * functions, so a new rule is one function and one table line.
 */
#ifndef TOOL_CHECK_H
#define TOOL_CHECK_H

#include "model.h"

#define NCORES 1 /* uniprocessor configurations only, for now */

/* Element rules: interpret the tree into sys (PDs, MRs; channels are left to the global stage). */
void check_elements(const struct sdf_node *root, struct system *sys);

/* Global rules (§7): channels, names, ids, maps, MR overlaps, page-size promotion. */
void check_global(struct system *sys);

/* Build-time rules that need every PD's ELF (loaded by elf.c): maps over segments, symbols. */
void check_images(struct system *sys);

/* Device ownership: GIC frames and kernel IRQs a PD may not have (check_devices.c). */
void check_devices(struct system *sys);

/* <domains> and its schedule (check_domains.c). */
void check_domains(const struct sdf_node *n, struct system *sys);

/* Find a file per §1.5 (search paths, then the current directory); NULL if there is none. */
char *check_find_file(const struct system *sys, const char *path);

/* Read mr->prefill_path into mr->prefill (errors point at the attribute). */
void check_read_prefill(const struct system *sys, struct mr *mr);

/* Error if n has child elements (for elements that take none). */
void check_no_kids(const struct sdf_node *n);

/* budget/period (PD or VM, 'who' for hints) and priority, with the PD rules. */
void check_budget_period(const struct sdf_node *n, const char *who, uint64_t *budget, uint64_t *period);
uint8_t check_priority(const struct sdf_node *n);

/* A map's perms: letters r, w, x, not "w" alone; MK_MAP_R/W/X. */
uint32_t check_perms(const struct sdf_node *n, const char *perms);

/* An address space maps are checked against (check_global.c, step 13). */
struct map_space {
    const char *what;       /* "protection_domain 'x'", "virtual_machine 'y'" */
    const char *addr;       /* what vaddr means there, for messages */
    uint64_t limit;         /* maps end at or below it */
    const char *limit_text; /* "below the stack", ... */
    const char *limit_hint; /* or NULL */
};
void check_map_in_space(struct system *sys, struct map *maps, size_t k, const struct map_space *sp,
                        const char **mr_names);

/* <virtual_machine> in the protection_domain vmm (check_vm.c). */
void check_vm(const struct sdf_node *n, struct system *sys, struct pd *vmm);

/* Global VM rules (check_vm.c), called from check_global's table. */
void check_vm_child_ids(struct system *sys); /* vCPU ids vs the VMM's child PD ids */
void check_vm_names(struct system *sys);     /* unique among VMs and PDs */
void check_vm_maps(struct system *sys, struct pd *vmm, const char **mr_names); /* after the VMM's own maps */

/* Record a value to write into pd's image; a symbol may be targeted once per PD. */
struct patch *check_add_patch(struct pd *pd, const struct sdf_node *node, const char *symbol);

#endif
