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

/* Record a value to write into pd's image; a symbol may be targeted once per PD. */
struct patch *check_add_patch(struct pd *pd, const struct sdf_node *node, const char *symbol);

#endif
