/* The SDF number syntaxes (docs/system-format.md, "Value types"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "num.h"

static void sdf_ok(const char *s, uint64_t want)
{
    uint64_t v = 0;
    assert_int_equal(num_parse_sdf(s, &v), NUM_OK);
    assert_true(v == want);
}

static void sdf_bad(const char *s, enum num_status want)
{
    uint64_t v;
    assert_int_equal(num_parse_sdf(s, &v), want);
}

static void test_sdf_forms(void **state)
{
    (void)state;
    sdf_ok("0", 0);
    sdf_ok("4096", 4096);
    sdf_ok("0x1000", 0x1000);
    sdf_ok("0x2_000_000", 0x2000000);
    sdf_ok("1_000", 1000);
    sdf_ok("0x_1000", 0x1000);
    sdf_ok("0_x10", 0x10);
    sdf_ok("0xFFff", 0xffff);
    sdf_ok("+5", 5);
    sdf_ok("18446744073709551615", UINT64_MAX);
    sdf_ok("0xffff_ffff_ffff_ffff", UINT64_MAX);
}

static void test_sdf_errors(void **state)
{
    (void)state;
    sdf_bad("", NUM_EMPTY);
    sdf_bad("0x", NUM_EMPTY);
    sdf_bad("_", NUM_EMPTY);
    sdf_bad("-1", NUM_INVALID);
    sdf_bad("0X10", NUM_INVALID); /* uppercase X is not a prefix */
    sdf_bad("12a", NUM_INVALID);
    sdf_bad("0x1g", NUM_INVALID);
    sdf_bad(" 1", NUM_INVALID);
    sdf_bad("18446744073709551616", NUM_OVERFLOW);
    sdf_bad("0x1_0000_0000_0000_0000", NUM_OVERFLOW);
}

static void test_decimal(void **state)
{
    (void)state;
    int64_t s;
    uint64_t u;
    assert_int_equal(num_parse_dec_signed("61", &s), NUM_OK);
    assert_int_equal(s, 61);
    assert_int_equal(num_parse_dec_signed("-1", &s), NUM_OK);
    assert_int_equal(s, -1);
    assert_int_equal(num_parse_dec_signed("+7", &s), NUM_OK);
    assert_int_equal(s, 7);
    assert_int_equal(num_parse_dec_signed("-9223372036854775808", &s), NUM_OK);
    assert_true(s == INT64_MIN);
    assert_int_equal(num_parse_dec_signed("9223372036854775808", &s), NUM_OVERFLOW);
    assert_int_equal(num_parse_dec_signed("0x1", &s), NUM_INVALID);
    assert_int_equal(num_parse_dec_signed("1_0", &s), NUM_INVALID);
    assert_int_equal(num_parse_dec_signed("-", &s), NUM_EMPTY);
    assert_int_equal(num_parse_dec_signed("-+1", &s), NUM_INVALID);
    assert_int_equal(num_parse_dec_unsigned("33", &u), NUM_OK);
    assert_true(u == 33);
    assert_int_equal(num_parse_dec_unsigned("-1", &u), NUM_INVALID);
    assert_int_equal(num_parse_dec_unsigned("", &u), NUM_EMPTY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sdf_forms),
        cmocka_unit_test(test_sdf_errors),
        cmocka_unit_test(test_decimal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
