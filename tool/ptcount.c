/* Page-table counting; see ptcount.h. Works on ranges, so huge maps cost nothing extra. */
#include "ptcount.h"

#include <stdlib.h>

#include "diag.h"

struct span {
    uint64_t lo, hi; /* inclusive table indices */
};

static int by_lo(const void *a, const void *b)
{
    const struct span *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Distinct values of (addr >> shift) over all covered addresses of the selected maps. */
static uint64_t distinct(const struct mk_map *maps, size_t n, unsigned shift, int small_only)
{
    struct span *s = xcalloc(n, sizeof(*s));
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!maps[i].size || (small_only && maps[i].page_bits != MK_PAGE_BITS))
            continue;
        s[k].lo = maps[i].vaddr >> shift;
        s[k].hi = (maps[i].vaddr + maps[i].size - 1) >> shift;
        k++;
    }
    qsort(s, k, sizeof(*s), by_lo);
    uint64_t count = 0, next = 0; /* next: first index not counted yet (after the first span) */
    for (size_t i = 0; i < k; i++) {
        if (i && s[i].hi < next)
            continue; /* inside what is already counted */
        uint64_t lo = i && s[i].lo < next ? next : s[i].lo;
        count += s[i].hi - lo + 1;
        next = s[i].hi + 1; /* shift >= 21, so this cannot overflow */
    }
    free(s);
    return count;
}

uint64_t pt_count(const struct mk_map *maps, size_t n)
{
    return 1 + distinct(maps, n, 39, 0) + distinct(maps, n, 30, 0) + distinct(maps, n, 21, 1);
}

uint64_t pt_count_stage2(const struct mk_map *maps, size_t n)
{
    return 1 + distinct(maps, n, 30, 0) + distinct(maps, n, 21, 1);
}
