/*
 * Validation, in the order system-description.md prescribes (the first error
 * reached is the one reported): element rules while walking the document
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

/* Error if n has child elements (for elements that take none). */
void check_no_kids(const struct sdf_node *n);

/* Record a value to write into pd's image; a symbol may be targeted once per PD. */
struct patch *check_add_patch(struct pd *pd, const struct sdf_node *node, const char *symbol);

#endif
