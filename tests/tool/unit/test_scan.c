/* The position scanner: line/column of every start tag and attribute. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "scan.h"

static struct scan_result scan(const char *text)
{
    struct scan_result r;
    scan_tags(text, strlen(text), &r);
    return r;
}

static void assert_pos(struct pos p, int line, int col)
{
    assert_int_equal(p.line, line);
    assert_int_equal(p.col, col);
}

static void test_tags_and_attributes(void **state)
{
    (void)state;
    struct scan_result r = scan("<?xml version=\"1.0\"?>\n<system>\n  <map mr=\"a\"\n       vaddr='0x1'/>\n</system>\n");
    assert_int_equal(r.ntags, 2);
    assert_string_equal(r.tags[0].name, "system");
    assert_pos(r.tags[0].pos, 2, 1);
    assert_string_equal(r.tags[1].name, "map");
    assert_pos(r.tags[1].pos, 3, 3);
    assert_int_equal(r.tags[1].nattrs, 2);
    assert_string_equal(r.tags[1].attrs[0].name, "mr");
    assert_pos(r.tags[1].attrs[0].pos, 3, 8);
    assert_string_equal(r.tags[1].attrs[1].name, "vaddr");
    assert_pos(r.tags[1].attrs[1].pos, 4, 8);
    scan_free(&r);
}

static void test_skips_comments_cdata_doctype_and_quotes(void **state)
{
    (void)state;
    struct scan_result r = scan("<!DOCTYPE system [ <!ENTITY x \"<fake/>\"> ]>\n"
                                "<!-- <fake/> -->\n"
                                "<system><![CDATA[<fake/>]]><?pi <fake/> ?>\n"
                                "<a note=\"<fake/> > \" b='>'/></system>");
    assert_int_equal(r.ntags, 2);
    assert_string_equal(r.tags[0].name, "system");
    assert_pos(r.tags[0].pos, 3, 1);
    assert_string_equal(r.tags[1].name, "a");
    assert_pos(r.tags[1].pos, 4, 1);
    assert_int_equal(r.tags[1].nattrs, 2);
    assert_pos(r.tags[1].attrs[1].pos, 4, 22);
    scan_free(&r);
}

static void test_columns_count_characters(void **state)
{
    (void)state;
    /* "é" is two bytes but one column; a tab is one column. */
    struct scan_result r = scan("<s>\n\t<!-- é -->é<x y=\"é\" z=\"1\"/></s>");
    assert_int_equal(r.ntags, 2);
    assert_pos(r.tags[1].pos, 2, 13);
    assert_pos(r.tags[1].attrs[1].pos, 2, 22);
    scan_free(&r);
}

static void test_truncated_input(void **state)
{
    (void)state;
    const char *inputs[] = {"<", "<a b=\"", "<!--", "<![CDATA[", "<!DOCTYPE [", "<?", "</", "<a b"};
    for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
        struct scan_result r = scan(inputs[i]);
        scan_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tags_and_attributes),
        cmocka_unit_test(test_skips_comments_cdata_doctype_and_quotes),
        cmocka_unit_test(test_columns_count_characters),
        cmocka_unit_test(test_truncated_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
