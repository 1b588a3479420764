/* libxml2 + position scanner -> element tree; see sdf.h. */
#include "sdf.h"

#include <errno.h>
#include <libxml/parser.h>
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

struct sdf_node *sdf_parse(const char *path, const char *text, size_t len)
{
    diag_set_source(path, text, len);
    have_error = 0;
    if (len > (size_t)0x7fffffff)
        diag_fatal("system file '%s' is too large", path);

    xmlSetStructuredErrorFunc(NULL, on_error);
    xmlDoc *doc = xmlReadMemory(text, (int)len, path, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || have_error) {
        struct pos at = {have_error ? first_error.line : 0, have_error && first_error.int2 > 0 ? first_error.int2 : 1};
        char *msg = have_error ? first_error.message : xstrdup("unknown error");
        msg[strcspn(msg, "\n")] = 0;
        diag_error(at, (struct pos){0, 0}, NULL, "malformed XML: %s", msg);
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        diag_fatal("%s: no root element (expected <system>)", path);

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
