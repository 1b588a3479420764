/*
 * A name index: strings to pointers, for the global rules' look-ups (which PD
 * an <end> names, which MR a <map> names). A linear search per look-up was
 * quadratic in the size of the system: about 200 000 string compares for the
 * 63-PD benchmark system.
 */
#ifndef TOOL_NAMES_H
#define TOOL_NAMES_H

#include <stddef.h>

struct names {
    const char **keys; /* open addressing, a power of two of slots */
    void **vals;
    size_t cap, n;
};

/* Add name -> val unless name is there already (the first one stays, as a linear search finds it). */
void names_add(struct names *ix, const char *name, void *val);

/* The value of name, or NULL. */
void *names_find(const struct names *ix, const char *name);

/* Empty the index (it can be filled again). */
void names_clear(struct names *ix);

#endif
