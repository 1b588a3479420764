/* Attribute access with diagnostics; see attr.h. */
#include "attr.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

const char *attr_what(const struct sdf_node *n)
{
    static char buf[4][200];
    static int slot;
    char *b = buf[slot++ % 4];
    const struct sdf_attr *name = sdf_attr(n, "name");
    if (name && (!strcmp(n->tag, "protection_domain") || !strcmp(n->tag, "memory_region") ||
                 !strcmp(n->tag, "virtual_machine")))
        snprintf(b, sizeof(buf[0]), "%s '%.150s'", n->tag, name->value);
    else
        snprintf(b, sizeof(buf[0]), "%.150s", n->tag);
    return b;
}

static _Noreturn void verror(const struct sdf_node *n, struct pos mark, const char *hint,
                             const char *fmt, va_list ap)
{
    char *text;
    if (vasprintf(&text, fmt, ap) < 0)
        diag_fatal("out of memory");
    diag_error(n->pos, mark, hint, "%s: %s", attr_what(n), text);
}

_Noreturn void attr_error(const struct sdf_node *n, const char *name, const char *hint, const char *fmt, ...)
{
    const struct sdf_attr *a = sdf_attr(n, name);
    va_list ap;
    va_start(ap, fmt);
    verror(n, a ? a->pos : (struct pos){0, 0}, hint, fmt, ap);
}

_Noreturn void node_error(const struct sdf_node *n, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(n, (struct pos){0, 0}, hint, fmt, ap);
}

void attr_whitelist(const struct sdf_node *n, const char *const *allowed)
{
    for (size_t i = 0; i < n->nattrs; i++) {
        const char *name = n->attrs[i].name;
        size_t k;
        for (k = 0; allowed[k]; k++)
            if (!strcmp(allowed[k], name))
                break;
        if (allowed[k])
            continue;
        const char *close = diag_closest(name, allowed, k);
        char list[512] = "";
        for (size_t j = 0; allowed[j]; j++) {
            strncat(list, j ? ", " : "", sizeof(list) - strlen(list) - 1);
            strncat(list, allowed[j], sizeof(list) - strlen(list) - 1);
        }
        char *hint = close ? xasprintf("did you mean '%s'?", close)
                           : k ? xasprintf("allowed attributes: %s", list)
                               : xstrdup("this element takes no attributes");
        attr_error(n, name, hint, "unknown attribute '%s'", name);
    }
}

const char *attr_opt(const struct sdf_node *n, const char *name)
{
    const struct sdf_attr *a = sdf_attr(n, name);
    return a ? a->value : NULL;
}

const char *attr_req(const struct sdf_node *n, const char *name)
{
    const char *v = attr_opt(n, name);
    if (!v)
        node_error(n, NULL, "missing required attribute '%s'", name);
    return v;
}

uint64_t attr_sdf(const struct sdf_node *n, const char *name, uint64_t def)
{
    const char *v = attr_opt(n, name);
    if (!v)
        return def;
    uint64_t out;
    enum num_status st = num_parse_sdf(v, &out);
    if (st != NUM_OK)
        attr_error(n, name, "numbers are decimal or 0x-prefixed hex, '_' allowed (e.g. 0x2_000_000)",
                   "%s '%s' %s", name, v, num_status_text(st));
    return out;
}

uint64_t attr_sdf_req(const struct sdf_node *n, const char *name)
{
    attr_req(n, name);
    return attr_sdf(n, name, 0);
}

static const char *dec_hint = "this attribute takes a plain decimal number (no 0x, no '_')";

int64_t attr_dec_signed_req(const struct sdf_node *n, const char *name)
{
    const char *v = attr_req(n, name);
    int64_t out;
    enum num_status st = num_parse_dec_signed(v, &out);
    if (st != NUM_OK)
        attr_error(n, name, dec_hint, "%s '%s' %s", name, v, num_status_text(st));
    return out;
}

uint64_t attr_dec_unsigned_req(const struct sdf_node *n, const char *name)
{
    const char *v = attr_req(n, name);
    uint64_t out;
    enum num_status st = num_parse_dec_unsigned(v, &out);
    if (st != NUM_OK)
        attr_error(n, name, dec_hint, "%s '%s' %s", name, v, num_status_text(st));
    return out;
}

bool attr_bool(const struct sdf_node *n, const char *name, bool def)
{
    static const char *const choices[] = {"false", "true", NULL};
    return attr_choice(n, name, choices, def) == 1;
}

int attr_choice(const struct sdf_node *n, const char *name, const char *const *choices, int def)
{
    const char *v = attr_opt(n, name);
    if (!v)
        return def;
    char list[256] = "";
    for (int i = 0; choices[i]; i++) {
        if (!strcmp(v, choices[i]))
            return i;
        strncat(list, i ? (choices[i + 1] ? ", " : " or ") : "", sizeof(list) - strlen(list) - 1);
        strncat(list, choices[i], sizeof(list) - strlen(list) - 1);
    }
    char *hint = xasprintf("allowed values: %s", list);
    attr_error(n, name, hint, "%s '%s' is not valid (allowed: %s)", name, v, list);
}
