/*
 * Reading the system file: a file that is no XML at all (empty, blank,
 * binary, an ELF) is said to be so; the rest goes to the XML parser (xml.h),
 * which checks well-formedness and gives every element's and attribute's line
 * and column. The result is a plain element tree that remembers positions;
 * check.c interprets it into the system model (model.h).
 */
#ifndef TOOL_SDF_H
#define TOOL_SDF_H

#include <stddef.h>

#include "diag.h"

struct sdf_attr {
    char *name;
    char *value;
    struct pos pos;
};

struct sdf_node {
    char *tag;
    struct pos pos; /* the '<' of the start tag */
    struct sdf_attr *attrs;
    size_t nattrs;
    struct sdf_node **kids; /* child elements in document order */
    size_t nkids;
    struct sdf_node *parent;
    int has_text; /* non-whitespace character data directly inside */
};

/* Parse 'path' (diagnostics name it exactly so). Malformed XML is a fatal error. */
struct sdf_node *sdf_read(const char *path);

/* The same for text[0..len) (kept by the caller as long as diagnostics may quote it). */
struct sdf_node *sdf_parse(const char *path, const char *text, size_t len);

/* The attribute named 'name', or NULL. */
const struct sdf_attr *sdf_attr(const struct sdf_node *n, const char *name);

#endif
