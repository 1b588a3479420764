/*
 * Position scanner. libxml2 reports only line numbers, and for an element the
 * line where its start tag ENDS; diagnostics need the line and column of the
 * '<' that opens the start tag, and of each attribute. This small scanner
 * walks the raw text once and records those positions for every start tag in
 * document order (skipping comments, processing instructions, CDATA, the
 * DOCTYPE and quoted values), so that the k-th element libxml2 produces
 * matches the k-th tag recorded here.
 */
#ifndef TOOL_SCAN_H
#define TOOL_SCAN_H

#include <stddef.h>

#include "diag.h"

struct scan_attr {
    char *name;
    struct pos pos;
};

struct scan_tag {
    char *name;
    struct pos pos; /* of the '<' */
    struct scan_attr *attrs;
    size_t nattrs;
};

struct scan_result {
    struct scan_tag *tags;
    size_t ntags;
};

/* Scan text[0..len); never fails (malformed input just yields fewer tags). */
void scan_tags(const char *text, size_t len, struct scan_result *out);
void scan_free(struct scan_result *r);

#endif
