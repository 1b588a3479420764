/* Page-table counting (systable.h formula). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "ptcount.h"

#define SMALL MK_PAGE_BITS
#define LARGE MK_LARGE_PAGE_BITS

static void test_single_page(void **state)
{
    (void)state;
    struct mk_map m[] = {{.vaddr = 0x200000, .size = 0x1000, .page_bits = SMALL}};
    assert_int_equal(pt_count(m, 1), 4); /* L0 + L1 + L2 + L3 */
}

static void test_typical_pd(void **state)
{
    (void)state;
    /* Code+data in one 2 MiB block, two MRs in two more blocks, stack and IPC buffer at the top. */
    struct mk_map m[] = {
        {.vaddr = 0x200000, .size = 0x2000, .page_bits = SMALL},
        {.vaddr = 0x202000, .size = 0x1000, .page_bits = SMALL},
        {.vaddr = 0x2000000, .size = 0x1000, .page_bits = SMALL},
        {.vaddr = 0x2400000, .size = 0x1000, .page_bits = SMALL},
        {.vaddr = 0xffffffc000, .size = 0x2000, .page_bits = SMALL},
        {.vaddr = 0xfffffff000, .size = 0x1000, .page_bits = SMALL},
    };
    /* L0 1; L1: vaddr>>39 = 0 and 1 -> 2; L2: >>30 = 0 and 0x3ff -> 2; L3: >>21 = 1, 0x10, 0x12, 0x7ffff -> 4 */
    assert_int_equal(pt_count(m, 6), 1 + 2 + 2 + 4);
}

static void test_large_pages_need_no_level3(void **state)
{
    (void)state;
    struct mk_map m[] = {{.vaddr = 0x40000000, .size = 0x400000, .page_bits = LARGE}};
    assert_int_equal(pt_count(m, 1), 3);
}

static void test_overlap_and_spans(void **state)
{
    (void)state;
    /* 4 MiB of small pages spans two L3 tables; a second map inside the same range adds none. */
    struct mk_map m[] = {
        {.vaddr = 0x600000, .size = 0x400000, .page_bits = SMALL},
        {.vaddr = 0x700000, .size = 0x1000, .page_bits = SMALL},
        {.vaddr = 0x3ff000, .size = 0x2000, .page_bits = SMALL}, /* crosses 0x400000: L3 tables 1 and 2 */
    };
    assert_int_equal(pt_count(m, 3), 1 + 1 + 1 + 4); /* L3 indices 1, 2, 3, 4 */
}

static void test_empty(void **state)
{
    (void)state;
    assert_int_equal(pt_count(NULL, 0), 1);
}

/* Stage 2 (one VM): a level-1 root, no level 0; 2 MiB blocks need no level 3. */
static void test_stage2(void **state)
{
    (void)state;
    /* Guest RAM 256 MiB of 2 MiB pages at 1 GiB, a 4 KiB GICV frame pair at 0x8040000, a 4 KiB page at 0x7fffffff000. */
    struct mk_map m[] = {
        {.vaddr = 0x40000000, .size = 0x10000000, .page_bits = LARGE},
        {.vaddr = 0x8040000, .size = 0x2000, .page_bits = SMALL},
        {.vaddr = 0x7ffffff000, .size = 0x1000, .page_bits = SMALL},
    };
    /* L1 root 1; L2: gpa>>30 = 1, 0, 0x1ff -> 3; L3 (small only): >>21 = 0x40, 0x3ffff -> 2 */
    assert_int_equal(pt_count_stage2(m, 3), 1 + 3 + 2);
    assert_int_equal(pt_count_stage2(NULL, 0), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_page),
        cmocka_unit_test(test_typical_pd),
        cmocka_unit_test(test_large_pages_need_no_level3),
        cmocka_unit_test(test_overlap_and_spans),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_stage2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
