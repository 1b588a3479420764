/* Name index; see names.h. */
#include "names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static size_t hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (size_t)h;
}

/* The slot of name, or the empty slot where it would go. */
static size_t slot(const struct names *ix, const char *name)
{
    size_t i = hash(name) & (ix->cap - 1);
    while (ix->keys[i] && strcmp(ix->keys[i], name))
        i = (i + 1) & (ix->cap - 1);
    return i;
}

static void grow(struct names *ix)
{
    struct names old = *ix;
    ix->cap = old.cap ? old.cap * 2 : 64;
    ix->keys = xcalloc(ix->cap, sizeof(*ix->keys));
    ix->vals = xcalloc(ix->cap, sizeof(*ix->vals));
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i]) {
            size_t s = slot(ix, old.keys[i]);
            ix->keys[s] = old.keys[i];
            ix->vals[s] = old.vals[i];
        }
    free(old.keys);
    free(old.vals);
}

void names_add(struct names *ix, const char *name, void *val)
{
    if ((ix->n + 1) * 2 > ix->cap) /* at most half full */
        grow(ix);
    size_t s = slot(ix, name);
    if (ix->keys[s])
        return;
    ix->keys[s] = name;
    ix->vals[s] = val;
    ix->n++;
}

void *names_find(const struct names *ix, const char *name)
{
    if (!ix->cap)
        return NULL;
    size_t s = slot(ix, name);
    return ix->keys[s] ? ix->vals[s] : NULL;
}

void names_clear(struct names *ix)
{
    free(ix->keys);
    free(ix->vals);
    *ix = (struct names){0};
}
