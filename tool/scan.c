/* Position scanner; see scan.h. */
#include "scan.h"

#include <stdlib.h>
#include <string.h>

struct cursor {
    const char *p, *end;
    struct pos pos;
};

static void advance(struct cursor *c)
{
    unsigned char ch = (unsigned char)*c->p++;
    if (ch == '\n') {
        c->pos.line++;
        c->pos.col = 1;
    } else if ((ch & 0xc0) != 0x80) {
        c->pos.col++; /* UTF-8 continuation bytes do not start a new character */
    }
}

static int starts(const struct cursor *c, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(c->end - c->p) >= n && memcmp(c->p, s, n) == 0;
}

/* Advance past the first occurrence of 'term' (or to the end). */
static void skip_past(struct cursor *c, const char *term)
{
    while (c->p < c->end && !starts(c, term))
        advance(c);
    for (size_t i = 0; i < strlen(term) && c->p < c->end; i++)
        advance(c);
}

/* <!DOCTYPE ...> may hold an internal subset in [...] with quoted strings and comments. */
static void skip_doctype(struct cursor *c)
{
    int depth = 0;
    while (c->p < c->end) {
        if (starts(c, "<!--")) {
            skip_past(c, "-->");
            continue;
        }
        char ch = *c->p;
        if (ch == '"' || ch == '\'') {
            advance(c);
            while (c->p < c->end && *c->p != ch)
                advance(c);
        } else if (ch == '[') {
            depth++;
        } else if (ch == ']') {
            depth--;
        } else if (ch == '>' && depth <= 0) {
            advance(c);
            return;
        }
        if (c->p < c->end)
            advance(c);
    }
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static int is_name_char(char ch)
{
    return ch && !is_space(ch) && ch != '=' && ch != '>' && ch != '/' && ch != '<' && ch != '"' &&
           ch != '\'';
}

static char *take_name(struct cursor *c)
{
    const char *s = c->p;
    while (c->p < c->end && is_name_char(*c->p))
        advance(c);
    size_t n = (size_t)(c->p - s);
    char *name = xmalloc(n + 1);
    memcpy(name, s, n);
    name[n] = 0;
    return name;
}

/* At '<' of a start tag: record the tag and its attributes, stop after '>'. */
static void scan_start_tag(struct cursor *c, struct scan_result *r)
{
    struct scan_tag *t = VEC_PUSH(r->tags, r->ntags);
    t->pos = c->pos;
    advance(c);
    t->name = take_name(c);
    while (c->p < c->end) {
        char ch = *c->p;
        if (ch == '>') {
            advance(c);
            return;
        }
        if (ch == '"' || ch == '\'') {
            advance(c);
            while (c->p < c->end && *c->p != ch)
                advance(c);
            if (c->p < c->end)
                advance(c);
        } else if (is_name_char(ch)) {
            struct scan_attr *a = VEC_PUSH(t->attrs, t->nattrs);
            a->pos = c->pos;
            a->name = take_name(c);
        } else {
            advance(c);
        }
    }
}

void scan_tags(const char *text, size_t len, struct scan_result *out)
{
    struct cursor c = {text, text + len, {1, 1}};
    memset(out, 0, sizeof(*out));
    while (c.p < c.end) {
        if (*c.p != '<') {
            advance(&c);
        } else if (starts(&c, "<!--")) {
            skip_past(&c, "-->");
        } else if (starts(&c, "<![CDATA[")) {
            skip_past(&c, "]]>");
        } else if (starts(&c, "<?")) {
            skip_past(&c, "?>");
        } else if (starts(&c, "<!")) {
            skip_doctype(&c);
        } else if (starts(&c, "</")) {
            skip_past(&c, ">");
        } else {
            scan_start_tag(&c, out);
        }
    }
}

void scan_free(struct scan_result *r)
{
    for (size_t i = 0; i < r->ntags; i++) {
        for (size_t j = 0; j < r->tags[i].nattrs; j++)
            free(r->tags[i].attrs[j].name);
        free(r->tags[i].attrs);
        free(r->tags[i].name);
    }
    free(r->tags);
    memset(r, 0, sizeof(*r));
}
