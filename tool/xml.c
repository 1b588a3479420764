/* The system file's XML parser; see xml.h. */
#include "xml.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"

#define HINT_TRUNCATED "is the file truncated? every <element> needs its </element> or '/>'"
#define MAX_DEPTH 256                /* element nesting; the checks that follow recurse over the tree */
#define MAX_EXPANSION (1u << 20)     /* bytes of one attribute value after entity expansion */
#define MAX_ENTITY_DEPTH 16          /* entities referring to entities */
#define ARENA_CHUNK 65536            /* at most: a small file gets smaller chunks (see xml_parse) */

struct entity {
    const char *name;
    const char *value; /* replacement text: character references already expanded */
};

struct parser {
    const char *p, *end;
    struct pos pos; /* of *p */
    struct entity *ents;
    size_t nents;
    char *arena; /* bump allocator for nodes and strings: the tree lives until exit */
    size_t arena_left, chunk;
    const char **names; /* interned names (open addressing): a system file repeats a few dozen names */
    size_t names_cap, nnames;
};

/* Scratch for attribute values being expanded: one for all parses, so that an error (which leaves by longjmp
 * in the fuzz target) leaks nothing, and at most MAX_EXPANSION bytes plus one entity's text. */
static struct {
    char *buf;
    size_t len, cap;
} scratch;

/* ---------------------------------------------------------------- memory */

/*
 * Memory is a large hidden cost: every page the tool touches is a page fault (about 2.7 us on the benchmark
 * machine), so the tree is packed: strings unaligned, names interned, attribute arrays exactly sized.
 */
static void *alloc(struct parser *x, size_t n, size_t align)
{
    if (n > x->chunk / 4)
        return xcalloc(1, n);
    size_t pad = (size_t)(-(uintptr_t)x->arena & (align - 1));
    if (n + pad > x->arena_left) {
        x->arena = xcalloc(1, x->chunk);
        x->arena_left = x->chunk;
        pad = 0;
    }
    void *r = x->arena + pad;
    x->arena += n + pad;
    x->arena_left -= n + pad;
    return r; /* zero: chunks come zeroed and are never reused */
}

static char *strndup_arena(struct parser *x, const char *s, size_t n)
{
    char *r = alloc(x, n + 1, 1);
    memcpy(r, s, n);
    return r;
}

static size_t name_hash(const char *s, size_t n)
{
    size_t h = 5381;
    while (n--)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

/* The one copy of the name s[0..n). */
static char *intern(struct parser *x, const char *s, size_t n)
{
    if ((x->nnames + 1) * 2 > x->names_cap) {
        const char **old = x->names;
        size_t old_cap = x->names_cap;
        x->names_cap = old_cap ? old_cap * 2 : 64;
        x->names = xcalloc(x->names_cap, sizeof(*x->names));
        for (size_t i = 0; i < old_cap; i++)
            if (old[i]) {
                size_t k = name_hash(old[i], strlen(old[i])) & (x->names_cap - 1);
                while (x->names[k])
                    k = (k + 1) & (x->names_cap - 1);
                x->names[k] = old[i];
            }
        free(old);
    }
    size_t k = name_hash(s, n) & (x->names_cap - 1);
    for (; x->names[k]; k = (k + 1) & (x->names_cap - 1))
        if (!strncmp(x->names[k], s, n) && !x->names[k][n])
            return (char *)x->names[k];
    x->nnames++;
    char *r = strndup_arena(x, s, n);
    x->names[k] = r;
    return r;
}

static void buf_add(struct parser *x, const char *s, size_t n)
{
    if (!n)
        return;
    (void)x;
    if (scratch.len + n > scratch.cap) {
        while (scratch.len + n > scratch.cap)
            scratch.cap = scratch.cap ? scratch.cap * 2 : 256;
        scratch.buf = xrealloc(scratch.buf, scratch.cap);
    }
    memcpy(scratch.buf + scratch.len, s, n);
    scratch.len += n;
}

/* ---------------------------------------------------------------- errors */

static _Noreturn __attribute__((format(printf, 4, 5))) void fail(struct pos at, const char *hint, struct parser *x,
                                                                 const char *fmt, ...)
{
    (void)x;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_error(at, (struct pos){0, 0}, hint, "malformed XML: %s", msg);
}

/* The input ended inside 'what' (e.g. "a comment"). */
static _Noreturn void ends_in(struct parser *x, const char *what)
{
    fail(x->pos, HINT_TRUNCATED, x, "the file ends too early: it ends inside %s", what);
}

/* A name, a character or the end of input, quoted for a message. */
static const char *shown(const struct parser *x, char *out, size_t size)
{
    if (x->p == x->end)
        return "the end of the file";
    unsigned char c = (unsigned char)*x->p;
    if (c >= 0x21 && c < 0x7f)
        snprintf(out, size, "'%c'", c);
    else if (c == ' ')
        snprintf(out, size, "a space");
    else if (c == '\n' || c == '\r')
        snprintf(out, size, "the end of the line");
    else if (c == '\t')
        snprintf(out, size, "a tab");
    else
        snprintf(out, size, "byte 0x%02x", c);
    return out;
}

/* ---------------------------------------------------------------- the cursor */

static inline void adv(struct parser *x)
{
    unsigned char c = (unsigned char)*x->p++;
    if (c == '\n') {
        x->pos.line++;
        x->pos.col = 1;
    } else if ((c & 0xc0) != 0x80) {
        x->pos.col++; /* a column is a character: UTF-8 continuation bytes start none */
    }
}

static void adv_n(struct parser *x, size_t n)
{
    while (n-- && x->p < x->end)
        adv(x);
}

static int at(const struct parser *x, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(x->end - x->p) >= n && !memcmp(x->p, s, n);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int skip_space(struct parser *x)
{
    const char *start = x->p;
    while (x->p < x->end && is_space(*x->p))
        adv(x);
    return x->p != start;
}

static int name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (unsigned char)c >= 0x80;
}

static int name_char(char c)
{
    return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* A Name at the cursor (the caller checked name_start), interned. */
static char *take_name(struct parser *x)
{
    const char *s = x->p;
    while (x->p < x->end && name_char(*x->p))
        adv(x);
    return intern(x, s, (size_t)(x->p - s));
}

/* ---------------------------------------------------------------- characters */

/* Length of the UTF-8 sequence at s (at most n bytes) encoding a character XML allows, or 0. */
static size_t xml_char(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
    size_t len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    uint32_t cp = c & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3f);
    }
    static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff)
        return 0;
    return len;
}

/* Every byte is part of a character XML allows, in UTF-8 (checked once, before parsing). */
static void check_characters(struct parser *x)
{
    const unsigned char *s = (const unsigned char *)x->p, *end = (const unsigned char *)x->end;
    while (s < end) {
        if (*s >= 0x20 && *s < 0x80) {
            s++;
            continue;
        }
        size_t n = xml_char(s, (size_t)(end - s));
        if (!n) {
            while (x->p < (const char *)s)
                adv(x);
            if (*s < 0x80)
                fail(x->pos, "remove it: XML text may hold tabs and line ends, but no other control character", x,
                     "control character 0x%02x", *s);
            fail(x->pos, "save the file as UTF-8", x, "byte 0x%02x is not UTF-8 (or encodes a character XML forbids)",
                 *s);
        }
        s += n;
    }
}

static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* ---------------------------------------------------------------- references */

/* After a reference parsed with a cursor of its own (a copy of x): the memory it allocated is x's. */
static void take_back(struct parser *x, const struct parser *sub)
{
    x->arena = sub->arena;
    x->arena_left = sub->arena_left;
    x->names = sub->names;
    x->names_cap = sub->names_cap;
    x->nnames = sub->nnames;
}

static const struct {
    const char *name;
    char c;
} predefined[] = {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"apos", '\''}, {"quot", '"'}};

/*
 * Parse "&#N;", "&#xH;" or "&NAME;" at the cursor (at '&'). A character reference is decoded into out (up to 4
 * bytes; the length is returned) and *name is NULL; an entity reference gives its name in *name (0 returned).
 */
static size_t reference(struct parser *x, char *out, char **name)
{
    struct pos start = x->pos;
    *name = NULL;
    adv(x);
    if (x->p < x->end && *x->p == '#') {
        adv(x);
        int hex = x->p < x->end && *x->p == 'x';
        if (hex)
            adv(x);
        uint32_t cp = 0;
        int digits = 0;
        for (; x->p < x->end; adv(x), digits++) {
            char c = *x->p;
            int d = c >= '0' && c <= '9' ? c - '0'
                  : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            if (cp <= 0x10ffff)
                cp = cp * (hex ? 16 : 10) + (uint32_t)d;
        }
        if (x->p == x->end)
            ends_in(x, "a character reference");
        if (!digits || *x->p != ';')
            fail(start, "write a character as &#NNN; (decimal) or &#xHHH; (hex)", x,
                 "a character reference needs %s digits and a ';'", hex ? "hex" : "decimal");
        adv(x);
        char tmp[4];
        size_t n = cp <= 0x10ffff ? put_utf8(tmp, cp) : 0;
        if (!n || xml_char((const unsigned char *)tmp, n) != n)
            fail(start, NULL, x, "character reference to 0x%llx, which is not a character XML allows",
                 (unsigned long long)cp);
        memcpy(out, tmp, n);
        return n;
    }
    if (x->p == x->end)
        ends_in(x, "an entity reference");
    if (!name_start(*x->p))
        fail(start, "write a literal '&' as &amp;", x, "'&' must start an entity reference such as &amp; or &lt;");
    *name = take_name(x);
    if (x->p == x->end)
        ends_in(x, "an entity reference");
    if (*x->p != ';')
        fail(start, "write a literal '&' as &amp;", x, "the entity reference '&%s' has no ';'", *name);
    adv(x);
    for (size_t i = 0; i < sizeof(predefined) / sizeof(predefined[0]); i++)
        if (!strcmp(*name, predefined[i].name)) {
            *name = NULL;
            out[0] = predefined[i].c;
            return 1;
        }
    return 0;
}

static const struct entity *find_entity(const struct parser *x, const char *name)
{
    for (size_t i = 0; i < x->nents; i++)
        if (!strcmp(x->ents[i].name, name))
            return &x->ents[i];
    return NULL;
}

static const struct entity *entity_or_fail(struct parser *x, const char *name, struct pos ref)
{
    const struct entity *e = find_entity(x, name);
    if (!e)
        fail(ref, "the predefined entities are &lt; &gt; &amp; &apos; &quot;; others need an <!ENTITY> declaration",
             x, "entity '&%s;' is not defined", name);
    return e;
}

/*
 * Append the replacement text of an entity used in an attribute value, its references expanded and literal
 * whitespace normalized to spaces (XML 1.0, 3.3.3). 'chain' holds the entities being expanded, for loops.
 */
static void expand_entity(struct parser *x, const struct entity *e, struct pos ref, const struct entity **chain,
                          int depth)
{
    for (int i = 0; i < depth; i++)
        if (chain[i] == e)
            fail(ref, NULL, x, "entity '&%s;' refers to itself", e->name);
    if (depth == MAX_ENTITY_DEPTH)
        fail(ref, NULL, x, "entities nest more than %d deep", MAX_ENTITY_DEPTH);
    chain[depth] = e;
    for (const char *s = e->value; *s;) {
        if (scratch.len > MAX_EXPANSION)
            fail(ref, NULL, x, "the attribute value grows beyond %u bytes as its entities expand", MAX_EXPANSION);
        if (*s == '<')
            fail(ref, "an attribute value cannot hold '<': use &lt;", x,
                 "entity '&%s;' puts a '<' in an attribute value", e->name);
        if (*s == '&') {
            /* A reference inside the replacement text: parse it with a cursor of its own. */
            struct parser sub = *x;
            sub.p = s;
            sub.end = s + strlen(s);
            char c[4], *name;
            size_t n = reference(&sub, c, &name);
            take_back(x, &sub);
            s = sub.p;
            if (name)
                expand_entity(x, entity_or_fail(x, name, ref), ref, chain, depth + 1);
            else
                buf_add(x, c, n);
            continue;
        }
        buf_add(x, is_space(*s) ? " " : s, 1);
        s++;
    }
}

/* ---------------------------------------------------------------- attributes */

/* A quoted attribute value at the cursor (at the quote), with references expanded and whitespace normalized. */
static char *attr_value(struct parser *x, const char *attr, const char *tag)
{
    char q = *x->p;
    adv(x);
    const char *s = x->p;
    /* The common case: nothing to expand or normalize, the value is the bytes between the quotes. */
    while (x->p < x->end && *x->p != q && *x->p != '&' && *x->p != '<' && *x->p != '\t' && *x->p != '\n' &&
           *x->p != '\r')
        x->p++, x->pos.col += ((unsigned char)x->p[-1] & 0xc0) != 0x80;
    if (x->p < x->end && *x->p == q) {
        adv(x);
        return strndup_arena(x, s, (size_t)(x->p - 1 - s));
    }
    scratch.len = 0;
    buf_add(x, s, (size_t)(x->p - s));
    for (;;) {
        if (x->p == x->end)
            ends_in(x, "an attribute value");
        char c = *x->p;
        if (c == q)
            break;
        if (c == '<')
            fail(x->pos, "an attribute value cannot hold '<': write &lt;", x,
                 "'<' inside the value of attribute '%s' of <%s> (is its closing quote missing?)", attr, tag);
        if (c == '&') {
            struct pos ref = x->pos;
            char out[4], *name;
            size_t n = reference(x, out, &name);
            if (name) {
                const struct entity *chain[MAX_ENTITY_DEPTH];
                expand_entity(x, entity_or_fail(x, name, ref), ref, chain, 0);
            } else {
                buf_add(x, out, n);
            }
            continue;
        }
        if (c == '\r' && x->p + 1 < x->end && x->p[1] == '\n')
            adv(x); /* a CR LF line end is one space, like LF alone */
        buf_add(x, is_space(c) ? " " : x->p, 1);
        adv(x);
    }
    adv(x);
    return strndup_arena(x, scratch.buf, scratch.len);
}

/* xmlns and xmlns:PREFIX declare namespaces: not attributes of the element. */
static int is_namespace_decl(const char *name)
{
    return !strncmp(name, "xmlns", 5) && (!name[5] || name[5] == ':');
}

/* ---------------------------------------------------------------- markup */

/* "<!--" at the cursor. */
static void comment(struct parser *x)
{
    struct pos start = x->pos;
    adv_n(x, 4);
    for (;;) {
        if (x->p == x->end)
            ends_in(x, "a comment");
        if (at(x, "--")) {
            if (!at(x, "-->"))
                fail(start, "a comment cannot hold '--' (nor end in '--->')", x,
                     "'--' inside the comment that starts here (line %d)", x->pos.line);
            adv_n(x, 3);
            return;
        }
        adv(x);
    }
}

/* "<?" at the cursor: a processing instruction, ignored. 'first': the file's first bytes, where <?xml ...?> goes. */
static void processing_instruction(struct parser *x, int first);

/* The XML declaration's pseudo-attributes (the cursor after "<?xml"). */
static void xml_declaration(struct parser *x, struct pos start)
{
    for (;;) {
        int space = skip_space(x);
        if (x->p == x->end)
            ends_in(x, "the XML declaration <?xml ... ?>");
        if (at(x, "?>")) {
            adv_n(x, 2);
            return;
        }
        char what[32];
        if (!space || !name_start(*x->p))
            fail(x->pos, "it reads <?xml version=\"1.0\" encoding=\"UTF-8\"?>", x,
                 "unexpected %s in the XML declaration", shown(x, what, sizeof(what)));
        struct pos npos = x->pos;
        char *name = take_name(x);
        skip_space(x);
        if (x->p == x->end)
            ends_in(x, "the XML declaration <?xml ... ?>");
        if (*x->p != '=')
            fail(npos, "it reads <?xml version=\"1.0\" encoding=\"UTF-8\"?>", x, "'%s' in the XML declaration has no value",
                 name);
        adv(x);
        skip_space(x);
        if (x->p == x->end)
            ends_in(x, "the XML declaration <?xml ... ?>");
        if (*x->p != '"' && *x->p != '\'')
            fail(x->pos, "quote it: <?xml version=\"1.0\" encoding=\"UTF-8\"?>", x,
                 "the value of '%s' in the XML declaration is not quoted", name);
        struct pos vpos = x->pos;
        char *value = attr_value(x, name, "?xml");
        if (!strcmp(name, "encoding") && strcasecmp(value, "UTF-8") && strcasecmp(value, "UTF8") &&
            strcasecmp(value, "US-ASCII") && strcasecmp(value, "ASCII"))
            fail(vpos, "save the file as UTF-8 and declare encoding=\"UTF-8\" (or nothing)", x,
                 "encoding '%s' is not supported: system files are UTF-8", value);
    }
    (void)start;
}

static void processing_instruction(struct parser *x, int first)
{
    struct pos start = x->pos;
    adv_n(x, 2);
    if (x->p == x->end)
        ends_in(x, "a processing instruction <?...?>");
    if (!name_start(*x->p))
        fail(start, NULL, x, "'<?' must start a processing instruction such as <?xml ... ?>");
    char *target = take_name(x);
    if (!strcasecmp(target, "xml")) {
        if (!first)
            fail(start, "move <?xml ...?> to the very start of the file, or remove it", x,
                 "the XML declaration <?xml ...?> is allowed only at the start of the file");
        xml_declaration(x, start);
        return;
    }
    if (x->p < x->end && !is_space(*x->p) && !at(x, "?>"))
        fail(start, NULL, x, "the processing instruction's name '%s' is not followed by a space or '?>'", target);
    for (;;) {
        if (x->p == x->end)
            ends_in(x, "a processing instruction <?...?>");
        if (at(x, "?>")) {
            adv_n(x, 2);
            return;
        }
        adv(x);
    }
}

/* A quoted literal at the cursor (in the DOCTYPE), returned raw. */
static char *literal(struct parser *x, const char *what)
{
    if (x->p == x->end)
        ends_in(x, "the DOCTYPE");
    char q = *x->p;
    if (q != '"' && q != '\'')
        fail(x->pos, NULL, x, "%s must be quoted", what);
    adv(x);
    const char *s = x->p;
    while (x->p < x->end && *x->p != q)
        adv(x);
    if (x->p == x->end)
        ends_in(x, "the DOCTYPE");
    adv(x);
    return strndup_arena(x, s, (size_t)(x->p - 1 - s));
}

/* Up to and past the '>' that closes a declaration, over the literals in it (a '>' in
 * one does not close it); `in` names what a missing '>' leaves unfinished. */
static void skip_decl(struct parser *x, const char *in)
{
    while (x->p < x->end && *x->p != '>') {
        if (*x->p == '"' || *x->p == '\'')
            literal(x, "a literal");
        else
            adv(x);
    }
    if (x->p == x->end)
        ends_in(x, in);
    adv(x);
}

/* "<!ENTITY" at the cursor, in the internal subset. */
static void entity_decl(struct parser *x)
{
    struct pos start = x->pos;
    adv_n(x, 8);
    if (!skip_space(x)) {
        if (x->p == x->end)
            ends_in(x, "the DOCTYPE");
        fail(start, NULL, x, "<!ENTITY needs a space and a name");
    }
    int parameter = x->p < x->end && *x->p == '%';
    if (parameter) {
        adv(x);
        skip_space(x);
    }
    if (x->p == x->end)
        ends_in(x, "the DOCTYPE");
    if (!name_start(*x->p))
        fail(start, NULL, x, "<!ENTITY needs a name");
    char *name = take_name(x);
    skip_space(x);
    if (x->p == x->end)
        ends_in(x, "the DOCTYPE");
    char *value = NULL;
    if (*x->p == '"' || *x->p == '\'') {
        struct pos vpos = x->pos;
        char *raw = literal(x, "an entity's value");
        /* Character references are expanded now, entity references when the entity is used (XML 1.0, 4.5). */
        scratch.len = 0;
        for (const char *s = raw; *s;) {
            if (s[0] == '&' && s[1] == '#') {
                struct parser sub = *x;
                sub.p = s;
                sub.end = s + strlen(s);
                sub.pos = vpos;
                char c[4], *ignored;
                size_t n = reference(&sub, c, &ignored);
                take_back(x, &sub);
                buf_add(x, c, n);
                s = sub.p;
            } else {
                buf_add(x, s++, 1);
            }
        }
        value = strndup_arena(x, scratch.buf, scratch.len);
    } else if (!at(x, "SYSTEM") && !at(x, "PUBLIC")) {
        fail(start, "declare it as <!ENTITY name \"value\">", x, "<!ENTITY %s> has no value", name);
    }
    /* Anything else (an external entity: SYSTEM/PUBLIC "...", NDATA) up to the '>'. */
    skip_decl(x, "the DOCTYPE");
    /* Parameter entities and external ones are never read (a reference to an external one is then an
     * undefined entity); the first declaration of a name binds (XML 1.0, 4.2). */
    if (parameter || !value || find_entity(x, name))
        return;
    struct entity *e = VEC_PUSH(x->ents, x->nents);
    e->name = name;
    e->value = value;
}

/* "<!DOCTYPE" at the cursor. */
static void doctype(struct parser *x)
{
    struct pos start = x->pos;
    adv_n(x, 9);
    if (!skip_space(x) || x->p == x->end || !name_start(*x->p)) {
        if (x->p == x->end)
            ends_in(x, "the DOCTYPE");
        fail(start, NULL, x, "<!DOCTYPE needs a space and the root element's name");
    }
    take_name(x);
    for (;;) { /* an external id, then the internal subset or '>' */
        skip_space(x);
        if (x->p == x->end)
            ends_in(x, "the DOCTYPE");
        if (*x->p == '>') {
            adv(x);
            return;
        }
        if (*x->p == '[')
            break;
        if (*x->p == '"' || *x->p == '\'')
            literal(x, "a literal");
        else if (name_char(*x->p))
            take_name(x);
        else
            fail(x->pos, NULL, x, "unexpected '%c' in the DOCTYPE", *x->p);
    }
    adv(x);
    for (;;) { /* the internal subset */
        skip_space(x);
        if (x->p == x->end)
            ends_in(x, "the DOCTYPE's internal subset [...]");
        if (*x->p == ']') {
            adv(x);
            break;
        }
        if (at(x, "<!--")) {
            comment(x);
        } else if (at(x, "<?")) {
            processing_instruction(x, 0);
        } else if (at(x, "<!ENTITY")) {
            entity_decl(x);
        } else if (at(x, "<!ELEMENT") || at(x, "<!ATTLIST") || at(x, "<!NOTATION")) { /* not used */
            skip_decl(x, "the DOCTYPE's internal subset [...]");
        } else if (*x->p == '%') { /* a parameter entity reference: not read */
            while (x->p < x->end && *x->p != ';' && !is_space(*x->p))
                adv(x);
            if (x->p < x->end && *x->p == ';')
                adv(x);
        } else {
            char what[32];
            fail(x->pos, NULL, x, "unexpected %s in the DOCTYPE's internal subset", shown(x, what, sizeof(what)));
        }
    }
    skip_space(x);
    if (x->p == x->end)
        ends_in(x, "the DOCTYPE");
    if (*x->p != '>')
        fail(x->pos, NULL, x, "the DOCTYPE needs a '>' after its internal subset");
    adv(x);
}

/* ---------------------------------------------------------------- elements */

/* A start tag at the cursor ('<' and a name start); *empty set for "<.../>". */
/* The attributes of the start tag being read, until they get an array of their exact size in the arena. */
static struct {
    struct sdf_attr *v;
    size_t n;
} tag_attrs;

static struct sdf_node *start_tag(struct parser *x, struct sdf_node *parent, int *empty)
{
    struct sdf_node *n = alloc(x, sizeof(*n), _Alignof(struct sdf_node));
    n->pos = x->pos;
    n->parent = parent;
    adv(x);
    n->tag = take_name(x);
    tag_attrs.n = 0;
    for (;;) {
        int space = skip_space(x);
        if (x->p == x->end)
            ends_in(x, "a start tag");
        char c = *x->p;
        if (c == '>' || at(x, "/>")) {
            *empty = c == '/';
            adv_n(x, *empty ? 2 : 1);
            if (tag_attrs.n) {
                n->nattrs = tag_attrs.n;
                n->attrs = alloc(x, n->nattrs * sizeof(*n->attrs), _Alignof(struct sdf_attr));
                memcpy(n->attrs, tag_attrs.v, n->nattrs * sizeof(*n->attrs));
            }
            return n;
        }
        char what[32];
        if (!name_start(c) || !space)
            fail(x->pos, "a start tag reads <name attribute=\"value\" ...> or <name .../>", x,
                 "unexpected %s in the start tag of <%s>%s", shown(x, what, sizeof(what)), n->tag,
                 name_start(c) ? " (attributes are separated by spaces)" : "");
        struct pos apos = x->pos;
        char *name = take_name(x);
        skip_space(x);
        if (x->p == x->end)
            ends_in(x, "a start tag");
        if (*x->p != '=')
            fail(apos, "write name=\"value\"", x, "attribute '%s' of <%s> has no value", name, n->tag);
        adv(x);
        skip_space(x);
        if (x->p == x->end)
            ends_in(x, "a start tag");
        if (*x->p != '"' && *x->p != '\'')
            fail(x->pos, "quote it: name=\"value\"", x, "the value of attribute '%s' of <%s> is not quoted", name,
                 n->tag);
        char *value = attr_value(x, name, n->tag);
        for (size_t i = 0; i < tag_attrs.n; i++)
            if (tag_attrs.v[i].name == name) { /* interned */
                diag_pending_note(tag_attrs.v[i].pos, "first given here");
                fail(apos, NULL, x, "attribute '%s' appears twice in <%s>", name, n->tag);
            }
        if (is_namespace_decl(name))
            continue;
        struct sdf_attr *a = VEC_PUSH(tag_attrs.v, tag_attrs.n);
        a->name = name;
        a->value = value;
        a->pos = apos;
    }
}

/* "</" at the cursor, closing 'open'. */
static void end_tag(struct parser *x, const struct sdf_node *open)
{
    struct pos start = x->pos;
    adv_n(x, 2);
    if (x->p == x->end)
        ends_in(x, "an end tag");
    if (!name_start(*x->p))
        fail(start, NULL, x, "'</' must start an end tag such as </%s>", open->tag);
    const char *s = x->p;
    while (x->p < x->end && name_char(*x->p))
        adv(x);
    size_t n = (size_t)(x->p - s);
    if (n != strlen(open->tag) || memcmp(s, open->tag, n))
        fail(start, "every <element> needs its own </element>, or '/>' at the end of its start tag", x,
             "</%.*s> does not close <%s> (opened on line %d)", (int)n, s, open->tag, open->pos.line);
    skip_space(x);
    if (x->p == x->end)
        ends_in(x, "an end tag");
    if (*x->p != '>')
        fail(x->pos, NULL, x, "the end tag </%s> needs a '>'", open->tag);
    adv(x);
}

/* Character data at the cursor inside 'n', up to the next '<' or '&'. */
static void text(struct parser *x, struct sdf_node *n)
{
    while (x->p < x->end && *x->p != '<' && *x->p != '&') {
        char c = *x->p;
        if (!is_space(c))
            n->has_text = 1;
        if (c == ']' && at(x, "]]>"))
            fail(x->pos, "write it as ]]&gt;", x, "']]>' is not allowed in text");
        adv(x);
    }
}

/* "<![CDATA[" at the cursor inside 'n'. */
static void cdata(struct parser *x, struct sdf_node *n)
{
    adv_n(x, 9);
    for (;;) {
        if (x->p == x->end)
            ends_in(x, "a CDATA section");
        if (at(x, "]]>")) {
            adv_n(x, 3);
            return;
        }
        if (!is_space(*x->p))
            n->has_text = 1;
        adv(x);
    }
}

/* The root element and everything inside it (the cursor at its '<'). */
static struct sdf_node *element(struct parser *x)
{
    int empty;
    struct sdf_node *root = start_tag(x, NULL, &empty), *open = empty ? NULL : root;
    int depth = 1;
    while (open) {
        if (x->p == x->end)
            fail(x->pos, HINT_TRUNCATED, x, "the file ends inside <%s> (opened on line %d)", open->tag,
                 open->pos.line);
        if (*x->p == '&') {
            char out[4], *name;
            struct pos ref = x->pos;
            size_t len = reference(x, out, &name);
            if (name)
                entity_or_fail(x, name, ref);
            /* An entity's text is text here (check.c refuses it), however blank. */
            if (name || len != 1 || !is_space(out[0]))
                open->has_text = 1;
        } else if (*x->p != '<') {
            text(x, open);
        } else if (at(x, "</")) {
            end_tag(x, open);
            open = open->parent;
            depth--;
        } else if (at(x, "<!--")) {
            comment(x);
        } else if (at(x, "<![CDATA[")) {
            cdata(x, open);
        } else if (at(x, "<?")) {
            processing_instruction(x, 0);
        } else if (x->p + 1 < x->end && name_start(x->p[1])) {
            if (depth == MAX_DEPTH)
                fail(x->pos, NULL, x, "elements nest more than %d deep", MAX_DEPTH);
            struct sdf_node *kid = start_tag(x, open, &empty);
            *VEC_PUSH(open->kids, open->nkids) = kid;
            if (!empty) {
                open = kid;
                depth++;
            }
        } else {
            if (x->p + 1 == x->end)
                ends_in(x, "a tag");
            fail(x->pos, "write a literal '<' as &lt;", x, "'<' must start a tag, a comment or a CDATA section");
        }
    }
    return root;
}

/* Whitespace, comments and processing instructions (outside the root); 1 if more follows. */
static int misc(struct parser *x)
{
    for (;;) {
        skip_space(x);
        if (x->p == x->end)
            return 0;
        if (at(x, "<!--"))
            comment(x);
        else if (at(x, "<?"))
            processing_instruction(x, 0);
        else
            return 1;
    }
}

struct sdf_node *xml_parse(const char *text, size_t len)
{
    /* Arena chunks in proportion to the file (the tree takes about twice its size), up to ARENA_CHUNK. */
    size_t chunk = 4096;
    while (chunk < ARENA_CHUNK && chunk < len * 2)
        chunk *= 2;
    struct parser x = {.p = text, .end = text + len, .pos = {1, 1}, .chunk = chunk};
    check_characters(&x);
    x.p = text;
    x.pos = (struct pos){1, 1};
    if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
        adv_n(&x, 3); /* a UTF-8 byte order mark (one column, as the excerpts count it) */
    if (at(&x, "<?xml") && x.p + 5 < x.end && (is_space(x.p[5]) || x.p[5] == '?'))
        processing_instruction(&x, 1);
    int doctype_seen = 0;
    while (misc(&x) && at(&x, "<!DOCTYPE") && !doctype_seen) {
        doctype(&x);
        doctype_seen = 1;
    }
    if (x.p == x.end)
        fail(x.pos, "a system description is an XML document with one <system> element: <system> ... </system>",
             &x, "no root element, the file has no <system>");
    if (*x.p != '<' || x.p + 1 == x.end || !name_start(x.p[1])) {
        if (x.p + 1 == x.end)
            ends_in(&x, "a tag");
        if (at(&x, "<!DOCTYPE"))
            fail(x.pos, NULL, &x, "a second <!DOCTYPE>");
        if (*x.p == '<')
            fail(x.pos, "write a literal '<' as &lt;", &x,
                 "'<' must start a tag, a comment, a processing instruction or the DOCTYPE");
        fail(x.pos, "a system description is an XML document with one <system> element: <system> ... </system>",
             &x, "text before the root element <system>");
    }
    struct sdf_node *root = element(&x);
    if (misc(&x))
        fail(x.pos, "everything must be inside the one <system> element", &x,
             "content after the end of the root element <%s>", root->tag);
    free(x.ents);
    free(x.names);
    return root;
}
