/* Diagnostics: locations, source excerpts with carets, hints, did-you-mean. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *src_file = "microkit";
static const char *src_text;
static size_t src_len;
static struct pos note_pos;
static char *note_text;

void diag_set_source(const char *file, const char *text, size_t len)
{
    src_file = file;
    src_text = text;
    src_len = len;
}

/* Start of 1-based line 'line' in the source, or NULL. */
static const char *line_start(int line, size_t *len)
{
    if (!src_text || line < 1)
        return NULL;
    const char *p = src_text, *end = src_text + src_len;
    for (int l = 1; l < line; l++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p)
            return NULL;
        p++;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((nl ? nl : end) - p);
    if (*len && p[*len - 1] == '\r')
        (*len)--;
    return p;
}

/* Print "   14 | <text>" and "      | ^~~~": a caret under column 'at' and tildes under
 * the rest of the name that starts there (attribute or tag). */
static void excerpt(struct pos at)
{
    size_t len;
    const char *line = line_start(at.line, &len);
    if (!line)
        return;
    fprintf(stderr, "%5d | %.*s\n      | ", at.line, (int)len, line);
    int col = 1;
    size_t i;
    for (i = 0; i < len && col < at.col; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c & 0xc0) == 0x80)
            continue; /* columns count characters, not bytes */
        fputc(c == '\t' ? '\t' : ' ', stderr);
        col++;
    }
    fputc('^', stderr);
    /* The caret sits on the first character ('<' or the attribute's first letter). */
    for (i++; i < len && !strchr("= \t/>", line[i]); i++)
        if (((unsigned char)line[i] & 0xc0) != 0x80)
            fputc('~', stderr);
    fputc('\n', stderr);
}

static void vreport(const char *kind, struct pos at, const char *fmt, va_list ap)
{
    if (at.line > 0)
        fprintf(stderr, "%s:%d:%d: %s: ", src_file, at.line, at.col, kind);
    else
        fprintf(stderr, "%s: %s: ", src_file, kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void diag_pending_note(struct pos at, const char *what)
{
    note_pos = at;
    free(note_text);
    note_text = xstrdup(what);
}

static _Noreturn void default_stop(void)
{
    exit(1);
}

static void (*stop)(void) = default_stop;
static struct diag_unit *units;
static int nerrors;

void diag_set_stop(void (*fn)(void))
{
    stop = fn;
}

void diag_reset(void)
{
    units = NULL;
    nerrors = 0;
    free(note_text);
    note_text = NULL;
}

void diag_unit_enter(struct diag_unit *u)
{
    u->prev = units;
    units = u;
}

void diag_unit_leave(struct diag_unit *u)
{
    units = u->prev;
}

int diag_errors(void)
{
    return nerrors;
}

void diag_checkpoint(void)
{
    if (!nerrors)
        return;
    if (nerrors > 1)
        fprintf(stderr, "microkit: %d error%s; nothing was written\n", nerrors, nerrors == 1 ? "" : "s");
    stop();
}

/* After an error: abandon the current unit, or stop the run. */
static _Noreturn void recover(void)
{
    if (nerrors >= DIAG_MAX_ERRORS) {
        fprintf(stderr, "microkit: too many errors (%d), stopping; nothing was written\n", nerrors);
        stop();
    }
    if (!units) {
        diag_checkpoint();
        stop();
    }
    if (!units)
        abort(); /* a stop function returned */
    longjmp(units->jb, 1);
}

_Noreturn void diag_error(struct pos at, struct pos mark, const char *hint, const char *fmt, ...)
{
    if (mark.line > 0)
        at = mark;
    nerrors++;
    va_list ap;
    va_start(ap, fmt);
    vreport("error", at, fmt, ap);
    va_end(ap);
    excerpt(at);
    if (hint)
        fprintf(stderr, "      = hint: %s\n", hint);
    if (note_text) {
        fprintf(stderr, "%s:%d:%d: note: %s\n", src_file, note_pos.line, note_pos.col, note_text);
        excerpt(note_pos);
        free(note_text);
        note_text = NULL;
    }
    recover();
}

_Noreturn void diag_fatal(const char *fmt, ...)
{
    nerrors++;
    va_list ap;
    va_start(ap, fmt);
    fputs("microkit: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    recover();
}

void diag_warning(struct pos at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport("warning", at, fmt, ap);
    va_end(ap);
    excerpt(at);
}

/* Levenshtein distance, capped so long strings cost little. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *diag_closest(const char *word, const char *const *cands, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t d = edit_distance(word, cands[i]);
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
    }
    /* Close means: at most a third of the word wrong (and at least one edit allowed). */
    size_t limit = strlen(word) / 3 + 1;
    return best && best_d <= limit ? best : NULL;
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        diag_fatal("out of memory");
    return p;
}

void *xcalloc(size_t n, size_t sz)
{
    void *p = calloc(n ? n : 1, sz ? sz : 1);
    if (!p)
        diag_fatal("out of memory");
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        diag_fatal("out of memory");
    return p;
}

/* The capacity VEC_PUSH assumes for an array of count elements. */
static size_t vec_capacity(size_t count)
{
    size_t cap = 4;
    while (cap < count)
        cap *= 2;
    return cap;
}

void *vec_grow(void *arr, size_t elem, size_t count)
{
    if (count == 0 || (count >= 4 && !(count & (count - 1)))) { /* full: 0, 4, 8, 16, ... */
        size_t cap = vec_capacity(count + 1);
        if (cap > SIZE_MAX / elem)
            diag_fatal("out of memory");
        arr = xrealloc(arr, cap * elem);
    }
    return arr;
}

void *vec_alloc(size_t elem, size_t count)
{
    return xcalloc(vec_capacity(count), elem);
}

char *xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        diag_fatal("out of memory");
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s;
    if (vasprintf(&s, fmt, ap) < 0)
        diag_fatal("out of memory");
    va_end(ap);
    return s;
}
