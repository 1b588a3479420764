/* libxml2 + position scanner -> element tree; see sdf.h. */
#include "sdf.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        diag_fatal("cannot open system file '%s': %s", path, strerror(errno));
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            buf = xrealloc(buf, cap + 1);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!got)
            break;
        n += got;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad)
        diag_fatal("cannot read system file '%s'", path);
    buf[n] = 0;
    *len = n;
    return buf;
}

static int only_space(const xmlChar *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

/* The first error libxml2 reports (later ones are often consequences of it). */
static xmlError first_error;
static int have_error;

#if LIBXML_VERSION >= 21200
static void on_error(void *ctx, const xmlError *e)
#else
static void on_error(void *ctx, xmlErrorPtr e)
#endif
{
    (void)ctx;
    if (have_error || e->level < XML_ERR_ERROR)
        return;
    have_error = 1;
    first_error = *e;
    first_error.message = xstrdup(e->message ? e->message : "unknown error");
    first_error.str1 = e->str1 ? xstrdup(e->str1) : NULL;
}

struct builder {
    const struct scan_result *scan;
    size_t next; /* index of the next scanned tag to pair with an element */
};

/* Position of attribute 'name' in scanned tag t, or the tag's own position. */
static struct pos attr_pos(const struct scan_tag *t, const char *name, struct pos fallback)
{
    for (size_t i = 0; t && i < t->nattrs; i++)
        if (strcmp(t->attrs[i].name, name) == 0)
            return t->attrs[i].pos;
    return fallback;
}

static struct sdf_node *build(struct builder *b, xmlNode *x, struct sdf_node *parent)
{
    struct sdf_node *n = xcalloc(1, sizeof(*n));
    n->tag = xstrdup((const char *)x->name);
    n->parent = parent;
    const struct scan_tag *t = NULL;
    if (b->next < b->scan->ntags && strcmp(b->scan->tags[b->next].name, n->tag) == 0)
        t = &b->scan->tags[b->next];
    b->next++;
    /* If the scanner and libxml2 ever disagree, fall back to libxml2's line. */
    n->pos = t ? t->pos : (struct pos){(int)xmlGetLineNo(x), 1};
    for (xmlAttr *a = x->properties; a; a = a->next) {
        struct sdf_attr *sa = VEC_PUSH(n->attrs, n->nattrs);
        sa->name = xstrdup((const char *)a->name);
        xmlChar *v = xmlNodeListGetString(x->doc, a->children, 1);
        sa->value = xstrdup(v ? (const char *)v : "");
        xmlFree(v);
        sa->pos = attr_pos(t, sa->name, n->pos);
    }
    for (xmlNode *k = x->children; k; k = k->next) {
        if (k->type == XML_ELEMENT_NODE) {
            struct sdf_node **slot = VEC_PUSH(n->kids, n->nkids);
            *slot = build(b, k, n);
        } else if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) &&
                   !only_space(k->content)) {
            n->has_text = 1;
        } else if (k->type == XML_ENTITY_REF_NODE) {
            n->has_text = 1;
        }
    }
    return n;
}

struct sdf_node *sdf_read(const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    return sdf_parse(path, text, len);
}

/* Line and column (1-based, in bytes) of offset off in text. */
static struct pos pos_of(const char *text, size_t off)
{
    struct pos p = {1, 1};
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            p.line++;
            p.col = 1;
        } else {
            p.col++;
        }
    }
    return p;
}

#define HINT_SHAPE "a system description is an XML document with one <system> element: <system> ... </system>"

/* Inputs libxml2 would describe badly or not at all: empty, blank, binary. */
static void check_degenerate(const char *path, const char *text, size_t len)
{
    size_t start = len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3) ? 3 : 0; /* a UTF-8 byte order mark */
    if (len - start >= 4 && !memcmp(text + start, "\x7f" "ELF", 4))
        diag_error((struct pos){1, 1}, (struct pos){0, 0},
                   "the first argument is the .system file; program images are named by <program_image path=...>",
                   "'%s' is an ELF file, not a system description", path);
    const char *nul = memchr(text, 0, len);
    if (nul)
        diag_error(pos_of(text, (size_t)(nul - text)), (struct pos){0, 0}, HINT_SHAPE,
                   "the system file is not text: it has a NUL byte at offset %zu", (size_t)(nul - text));
    if (len == start)
        diag_error((struct pos){1, 1}, (struct pos){0, 0}, HINT_SHAPE, "the system file is empty");
    size_t i = start;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        i++;
    if (i == len)
        diag_error(pos_of(text, len), (struct pos){0, 0}, HINT_SHAPE,
                   "the system file holds only whitespace (%zu bytes)", len);
    if (text[i] != '<')
        diag_error(pos_of(text, i), (struct pos){0, 0}, HINT_SHAPE,
                   "this is not XML: the first character that is not a space is '%c', not '<'",
                   (unsigned char)text[i] >= 0x20 && (unsigned char)text[i] < 0x7f ? text[i] : '?');
}

/* Is pos p at or beyond the last character of text (the parser ran out of input)? */
static int at_end(const char *text, size_t len, struct pos p)
{
    struct pos end = pos_of(text, len);
    size_t i = len;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n' || text[i - 1] == '\r'))
        i--;
    struct pos last = pos_of(text, i);
    return p.line > last.line || (p.line == last.line && p.col >= last.col) || (p.line == end.line && p.col >= end.col);
}

/* libxml2's first error, said in terms of a system description where its own words would puzzle. */
static _Noreturn void xml_error(const char *text, size_t len)
{
    struct pos at = {have_error ? first_error.line : 1, have_error && first_error.int2 > 0 ? first_error.int2 : 1};
    if (at.line < 1)
        at.line = 1;
    char *msg = have_error ? first_error.message : xstrdup("the parser gave no reason");
    msg[strcspn(msg, "\n")] = 0;
    int code = have_error ? first_error.code : 0;
    if (code == XML_ERR_DOCUMENT_EMPTY || code == XML_ERR_DOCUMENT_START)
        diag_error(at, (struct pos){0, 0}, HINT_SHAPE, "malformed XML: no root element, the file has no <system>");
    if (code == XML_ERR_DOCUMENT_END || code == XML_ERR_EXTRA_CONTENT)
        diag_error(at, (struct pos){0, 0}, "everything must be inside the one <system> element",
                   "malformed XML: content after the end of the root element <system>");
    if (code == XML_ERR_TAG_NOT_FINISHED && first_error.str1)
        diag_error(at, (struct pos){0, 0}, "is the file truncated? every <element> needs its </element> or '/>'",
                   "malformed XML: the file ends inside <%s> (opened on line %d)", first_error.str1,
                   first_error.int1);
    if (code != XML_ERR_TAG_NAME_MISMATCH && at_end(text, len, at))
        diag_error(at, (struct pos){0, 0}, "is the file truncated? every <element> needs its </element> or '/>'",
                   "malformed XML: the file ends too early: %s", msg);
    diag_error(at, (struct pos){0, 0}, NULL, "malformed XML: %s", msg);
}

struct sdf_node *sdf_parse(const char *path, const char *text, size_t len)
{
    diag_set_source(path, text, len);
    have_error = 0;
    if (len > (size_t)0x7fffffff)
        diag_fatal("system file '%s' is too large", path);
    check_degenerate(path, text, len);

    xmlSetStructuredErrorFunc(NULL, on_error);
    xmlDoc *doc = xmlReadMemory(text, (int)len, path, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || have_error)
        xml_error(text, len);
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        diag_error((struct pos){1, 1}, (struct pos){0, 0}, HINT_SHAPE, "no root element: the file has no <system>");

    struct scan_result scan;
    scan_tags(text, len, &scan);
    struct builder b = {&scan, 0};
    /* Elements before the root cannot exist; the scanner's tag 0 is the root. */
    struct sdf_node *top = build(&b, root, NULL);
    scan_free(&scan);
    xmlFreeDoc(doc);
    return top;
}

const struct sdf_attr *sdf_attr(const struct sdf_node *n, const char *name)
{
    for (size_t i = 0; i < n->nattrs; i++)
        if (strcmp(n->attrs[i].name, name) == 0)
            return &n->attrs[i];
    return NULL;
}
