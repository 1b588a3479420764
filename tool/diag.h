/*
 * Diagnostics in GCC style: "FILE:LINE:COL: error: TEXT", then the source
 * line with a caret under the spot, then an optional hint.
 *
 * Like a compiler, the tool reports every independent error of a run (up to
 * DIAG_MAX_ERRORS). The error functions do not return: inside a DIAG_UNIT
 * they abandon just that unit (one element, one rule item) and the run goes
 * on with the next; outside any unit, or at the error limit, they stop the
 * tool. diag_checkpoint() ends the run (status 1, no output written) if any
 * error was reported, so a stage only starts on a clean model.
 */
#ifndef TOOL_DIAG_H
#define TOOL_DIAG_H

#include <setjmp.h>
#include <stddef.h>

/* A 1-based position in the system file; line 0 means "no position". */
struct pos {
    int line;
    int col;
};

/* Remember the system file (name as given, raw text) for locations and excerpts. */
void diag_set_source(const char *file, const char *text, size_t len);

#define DIAG_MAX_ERRORS 20

/* Error about element 'at' (its '<'); when 'mark' (an attribute, may be {0}) is given, the location and
 * the caret point at it instead. */
_Noreturn void diag_error(struct pos at, struct pos mark, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Error without a source position: "microkit: error: TEXT". */
_Noreturn void diag_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A recovery point: errors inside abandon the unit, not the run (see above). A loop counter of the
 * function that holds a DIAG_UNIT is declared volatile: it lives across setjmp (-Wclobbered). */
struct diag_unit {
    jmp_buf jb;
    struct diag_unit *prev;
};
void diag_unit_enter(struct diag_unit *u);
void diag_unit_leave(struct diag_unit *u);
#define DIAG_UNIT(...) \
    do { \
        struct diag_unit unit_; \
        diag_unit_enter(&unit_); \
        if (!setjmp(unit_.jb)) { \
            __VA_ARGS__; \
        } \
        diag_unit_leave(&unit_); \
    } while (0)

/* Errors reported so far. */
int diag_errors(void);

/* Stop (status 1) if any error was reported. */
void diag_checkpoint(void);

/* How the tool stops (default: exit(1)); the fuzz targets return to their loop instead. */
void diag_set_stop(void (*stop)(void)); /* stop must not return */

/* Forget errors and units (fuzz targets, between inputs). */
void diag_reset(void);

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

/*
 * Append one element to a growable array: p = VEC_PUSH(p, n) returns a zeroed slot at p[n-1]. The capacity is
 * not stored: it is 4 for counts up to 4, then the next power of two, so the array is reallocated only when the
 * count reaches 0, 4, 8, 16, ... (growing by one element at a time cost a realloc per push: a quarter of the
 * tool's run time went to malloc). So an array grown by VEC_PUSH must be allocated by VEC_PUSH alone, or by
 * vec_alloc when it is built another way.
 */
void *vec_grow(void *arr, size_t elem, size_t count);
#define VEC_PUSH(arr, count) \
    ((arr) = vec_grow((arr), sizeof(*(arr)), (count)), \
     memset(&(arr)[(count)], 0, sizeof(*(arr))), &(arr)[(count)++])

/* A zeroed array of count elements that VEC_PUSH may grow. */
void *vec_alloc(size_t elem, size_t count);

#endif
