/* The system file's XML parser: positions, what XML allows, and what it refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "xml.h"

/* The tree lives until exit by design (the tool never frees it), and an error leaves the parser by longjmp. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "detect_leaks=0";
}

static jmp_buf back;

static void stop(void)
{
    longjmp(back, 1);
}

static struct sdf_node *parse(const char *text)
{
    diag_reset();
    diag_set_stop(stop);
    diag_set_source("t.system", text, strlen(text));
    return xml_parse(text, strlen(text));
}

/* Does text fail to parse? (The message goes to stderr.) */
static int fails(const char *text)
{
    diag_reset();
    diag_set_stop(stop);
    diag_set_source("t.system", text, strlen(text));
    if (setjmp(back))
        return 1;
    xml_parse(text, strlen(text));
    return 0;
}

static void assert_pos(struct pos p, int line, int col)
{
    assert_int_equal(p.line, line);
    assert_int_equal(p.col, col);
}

static const char *value(const struct sdf_node *n, const char *name)
{
    for (size_t i = 0; i < n->nattrs; i++)
        if (!strcmp(n->attrs[i].name, name))
            return n->attrs[i].value;
    return NULL;
}

static void test_tags_and_attributes(void **state)
{
    (void)state;
    struct sdf_node *r = parse("<?xml version=\"1.0\"?>\n<system>\n  <map mr=\"a\"\n       vaddr='0x1'/>\n</system>\n");
    assert_string_equal(r->tag, "system");
    assert_pos(r->pos, 2, 1);
    assert_int_equal(r->nkids, 1);
    const struct sdf_node *m = r->kids[0];
    assert_string_equal(m->tag, "map");
    assert_ptr_equal(m->parent, r);
    assert_pos(m->pos, 3, 3);
    assert_int_equal(m->nattrs, 2);
    assert_string_equal(m->attrs[0].name, "mr");
    assert_string_equal(m->attrs[0].value, "a");
    assert_pos(m->attrs[0].pos, 3, 8);
    assert_string_equal(m->attrs[1].name, "vaddr");
    assert_string_equal(m->attrs[1].value, "0x1");
    assert_pos(m->attrs[1].pos, 4, 8);
    assert_int_equal(r->has_text, 0);
}

static void test_comments_cdata_doctype_and_quotes(void **state)
{
    (void)state;
    struct sdf_node *r = parse("<!DOCTYPE system [ <!ENTITY x \"<fake/>\"> ]>\n"
                               "<!-- <fake/> -->\n"
                               "<system><![CDATA[ ]]><?pi <fake/> ?>\n"
                               "<a note=\"&lt;fake/> > \" b='>'/></system><!-- after --><?after?>\n");
    assert_pos(r->pos, 3, 1);
    assert_int_equal(r->nkids, 1);
    assert_pos(r->kids[0]->pos, 4, 1);
    assert_string_equal(value(r->kids[0], "note"), "<fake/> > ");
    assert_pos(r->kids[0]->attrs[1].pos, 4, 25);
    assert_int_equal(r->has_text, 0); /* blank CDATA is blank */
}

static void test_columns_count_characters(void **state)
{
    (void)state;
    /* "é" is two bytes but one column; a tab is one column. */
    struct sdf_node *r = parse("<s>\n\t<!-- é -->\n<x y=\"é\" z=\"1\"/></s>");
    assert_pos(r->kids[0]->pos, 3, 1);
    assert_pos(r->kids[0]->attrs[1].pos, 3, 10);
    assert_string_equal(value(r->kids[0], "y"), "é");
}

static void test_references_and_entities(void **state)
{
    (void)state;
    struct sdf_node *r = parse("<!DOCTYPE system [\n"
                               "  <!ENTITY base \"0x2000&#48;00\">\n"
                               "  <!ENTITY both \"&base;-&amp;\">\n"
                               "  <!ENTITY % param \"ignored\">\n"
                               "  <!ATTLIST system a CDATA \"default > not applied\">\n"
                               "]>\n"
                               "<system a=\"&lt;&gt;&amp;&apos;&quot;\" b=\"&#65;&#x42;&#x20AC;\" c=\"&base;\" "
                               "d=\"&both;\"/>");
    assert_string_equal(value(r, "a"), "<>&'\"");
    assert_string_equal(value(r, "b"), "AB\xe2\x82\xac");
    assert_string_equal(value(r, "c"), "0x2000000");
    assert_string_equal(value(r, "d"), "0x2000000-&");
}

static void test_attribute_whitespace(void **state)
{
    (void)state;
    /* Literal tabs and line ends become spaces (CR LF one space); character references stay as written. */
    struct sdf_node *r = parse("<s a=\"x\ty\r\nz\nw\" b=\"&#10;\"/>");
    assert_string_equal(value(r, "a"), "x y z w");
    assert_string_equal(value(r, "b"), "\n");
}

static void test_text(void **state)
{
    (void)state;
    assert_int_equal(parse("<s> \n\t&#32;<!-- x --></s>")->has_text, 0);
    assert_int_equal(parse("<s> x </s>")->has_text, 1);
    assert_int_equal(parse("<s>&amp;</s>")->has_text, 1);
    assert_int_equal(parse("<s><![CDATA[x]]></s>")->has_text, 1);
    assert_int_equal(parse("<!DOCTYPE s [<!ENTITY e \" \">]><s>&e;</s>")->has_text, 1);
    struct sdf_node *r = parse("<s><a>x</a><b/></s>");
    assert_int_equal(r->has_text, 0);
    assert_int_equal(r->kids[0]->has_text, 1);
}

static void test_namespace_declarations(void **state)
{
    (void)state;
    struct sdf_node *r = parse("<system xmlns=\"urn:x\" xmlns:a=\"urn:a\" b=\"1\"/>");
    assert_int_equal(r->nattrs, 1);
    assert_string_equal(r->attrs[0].name, "b");
}

static void test_byte_order_mark(void **state)
{
    (void)state;
    struct sdf_node *r = parse("\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?><s/>");
    assert_string_equal(r->tag, "s");
}

static void test_malformed(void **state)
{
    (void)state;
    const char *bad[] = {
        /* truncated anywhere */
        "<", "<a", "<a b", "<a b=", "<a b=\"", "<a b=\"x", "<a>", "<a><b/>", "<a></", "<a></a", "<!--", "<a><!-- x",
        "<a><![CDATA[", "<!DOCTYPE", "<!DOCTYPE a [", "<!DOCTYPE a [<!ENTITY", "<?", "<?pi", "<?xml", "<a>&", "<a>&am",
        "<a>&#1", "<a b='&", "<!DOCTYPE a", "<a><?pi x",
        /* structure */
        "<a></b>", "<a><b></a></b>", "<a/><b/>", "<a/>text", "<!-- x --> text <a/>", "<a/></a>", "<a/><!DOCTYPE a>",
        "<!DOCTYPE a><!DOCTYPE a><a/>", "<!-- only a comment -->", "<a><b></a>", "< a/>", "<a>< b/></a>",
        /* tags and attributes */
        "<a b='1' b='2'/>", "<a b=1/>", "<a b/>", "<a b='1'c='2'/>", "<a b='<'/>", "<a/ >", "<a $/>",
        "<a b=\"&nosuch;\"/>", "<a b='&#0;'/>", "<a b='&#xD800;'/>", "<a b='&#x110000;'/>", "<a b='&#;'/>",
        "<a b='&#xZ;'/>", "<a b='& x'/>",
        /* text */
        "<a>]]></a>", "<a>&nosuch;</a>", "<a>a & b</a>", "<a>\x01</a>", "<a>\xff</a>", "<a>\xc3</a>", "<a>\xed\xa0\x80</a>",
        "<a b='\xc0\xaf'/>",
        /* comments, declarations, PIs */
        "<a><!-- a -- b --></a>", "<a><!-- a ---></a>", " <?xml version='1.0'?><a/>", "<a/><?xml version='1.0'?>",
        "<?xml version='1.0' encoding='ISO-8859-1'?><a/>", "<?xml version=1.0?><a/>", "<?xml?><a/>x",
        "<?xml version='1.0'encoding='UTF-8'?><a/>", "<a><?1 x?></a>",
        /* entities */
        "<!DOCTYPE a [<!ENTITY e \"&e;\">]><a b='&e;'/>",
        "<!DOCTYPE a [<!ENTITY e \"&f;\"><!ENTITY f \"&e;\">]><a b='&e;'/>",
        "<!DOCTYPE a [<!ENTITY e \"<\">]><a b='&e;'/>",
        "<!DOCTYPE a [<!ENTITY e SYSTEM \"/etc/passwd\">]><a b='&e;'/>",
        "<!DOCTYPE a [ x ]><a/>",
        "<!DOCTYPE a [<!ENTITY e>]><a/>",
        "<!DOCTYPE a [<!FOO bar>]><a/>",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (!fails(bad[i]))
            fail_msg("accepted: %s", bad[i]);
}

/* An entity that doubles ten times per level would be gigabytes: the expansion stops at its bound. */
static void test_entity_expansion_bounded(void **state)
{
    (void)state;
    char doc[4096] = "<!DOCTYPE a [<!ENTITY e0 \"0123456789\">";
    for (int i = 1; i < 10; i++)
        snprintf(doc + strlen(doc), sizeof(doc) - strlen(doc),
                 "<!ENTITY e%d \"&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;&e%d;\">", i, i - 1, i - 1, i - 1, i - 1,
                 i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
    strcat(doc, "]><a b='&e9;'/>");
    assert_true(fails(doc));
}

static void test_nesting_bounded(void **state)
{
    (void)state;
    size_t n = 100000;
    char *doc = malloc(n * 3 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(doc + 3 * i, "<a>", 3);
    doc[n * 3] = 0;
    assert_true(fails(doc));
    free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tags_and_attributes),
        cmocka_unit_test(test_comments_cdata_doctype_and_quotes),
        cmocka_unit_test(test_columns_count_characters),
        cmocka_unit_test(test_references_and_entities),
        cmocka_unit_test(test_attribute_whitespace),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_namespace_declarations),
        cmocka_unit_test(test_byte_order_mark),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_entity_expansion_bounded),
        cmocka_unit_test(test_nesting_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
