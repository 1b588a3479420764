/*
 * Page tables one PD (or VM) needs, counted exactly as systable.h defines the pool:
 * one level-0 table, plus one table per distinct (vaddr >> 39) [level 1],
 * (vaddr >> 30) [level 2] and, for 4 KiB mappings only, (vaddr >> 21) [level 3].
 */
#ifndef TOOL_PTCOUNT_H
#define TOOL_PTCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "minikit/systable.h"

uint64_t pt_count(const struct mk_map *maps, size_t n);

/*
 * The stage-2 tables of one VM (all its vCPUs together): one level-1 root
 * (39-bit IPA, start level 1), plus one table per distinct (gpa >> 30)
 * [level 2] and, for 4 KiB mappings only, (gpa >> 21) [level 3].
 */
uint64_t pt_count_stage2(const struct mk_map *maps, size_t n);

#endif
