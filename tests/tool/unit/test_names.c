/* The name index of the global rules: first definition wins, growth, misses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "names.h"

static void test_first_wins(void **state)
{
    (void)state;
    struct names ix = {0};
    int a, b;
    assert_null(names_find(&ix, "x"));
    names_add(&ix, "x", &a);
    names_add(&ix, "x", &b);
    names_add(&ix, "", &b); /* a PD without a name */
    assert_ptr_equal(names_find(&ix, "x"), &a);
    assert_ptr_equal(names_find(&ix, ""), &b);
    assert_null(names_find(&ix, "y"));
    names_clear(&ix);
    assert_null(names_find(&ix, "x"));
}

static void test_many(void **state)
{
    (void)state;
    static char keys[5000][16];
    struct names ix = {0};
    for (int i = 0; i < 5000; i++) {
        snprintf(keys[i], sizeof(keys[i]), "pd%d", i);
        names_add(&ix, keys[i], keys[i]);
    }
    for (int i = 0; i < 5000; i++) {
        char k[16];
        snprintf(k, sizeof(k), "pd%d", i);
        assert_ptr_equal(names_find(&ix, k), keys[i]);
    }
    assert_null(names_find(&ix, "pd5000"));
    assert_int_equal(ix.n, 5000);
    names_clear(&ix);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_wins),
        cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
