/*
 * Diagnostics in GCC style: "FILE:LINE:COL: error: TEXT", then the source
 * line with a caret under the spot, then an optional hint. Processing stops
 * at the first error (the spec wants exactly one), so the error functions do
 * not return: they run the atexit cleanup (which removes half-written output
 * files) and exit with status 1.
 */
#ifndef TOOL_DIAG_H
#define TOOL_DIAG_H

#include <stddef.h>

/* A 1-based position in the system file; line 0 means "no position". */
struct pos {
    int line;
    int col;
};

/* Remember the system file (name as given, raw text) for locations and excerpts. */
void diag_set_source(const char *file, const char *text, size_t len);

/* Error at 'at' (the element's '<'); 'mark' (may be {0}) is underlined too. */
_Noreturn void diag_error(struct pos at, struct pos mark, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Error without a source position: "microkit: error: TEXT". */
_Noreturn void diag_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Warning at a position (build continues). */
void diag_warning(struct pos at, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A "note:" the next diag_error prints after itself, e.g. where a duplicate was first defined. */
void diag_pending_note(struct pos at, const char *what);

/* Among 'n' candidates, the one closest to 'word' by edit distance, or NULL if none is close. */
const char *diag_closest(const char *word, const char *const *cands, size_t n);

/* malloc family that cannot fail (out of memory is a fatal error). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t sz);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Append one element to a growable array: p = VEC_PUSH(p, n) returns a zeroed slot at p[n-1]. */
#define VEC_PUSH(arr, count) \
    ((arr) = xrealloc((arr), sizeof(*(arr)) * ((count) + 1)), \
     memset(&(arr)[(count)], 0, sizeof(*(arr))), &(arr)[(count)++])

#endif
