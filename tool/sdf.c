/* Reading the system file: the inputs that are no XML at all, then the parser (xml.h); see sdf.h. */
#include "sdf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timing.h"
#include "xml.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        diag_fatal("cannot open system file '%s': %s", path, strerror(errno));
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            buf = xrealloc(buf, cap + 1);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!got)
            break;
        n += got;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad)
        diag_fatal("cannot read system file '%s'", path);
    buf[n] = 0;
    *len = n;
    return buf;
}

struct sdf_node *sdf_read(const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    timing_phase("read the system file");
    return sdf_parse(path, text, len);
}

/* Line and column (1-based, in bytes) of offset off in text. */
static struct pos pos_of(const char *text, size_t off)
{
    struct pos p = {1, 1};
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            p.line++;
            p.col = 1;
        } else {
            p.col++;
        }
    }
    return p;
}

#define HINT_SHAPE "a system description is an XML document with one <system> element: <system> ... </system>"

/* Inputs that are no XML at all, said so before the parser would call them malformed: empty, blank, binary. */
static void check_degenerate(const char *path, const char *text, size_t len)
{
    size_t start = len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3) ? 3 : 0; /* a UTF-8 byte order mark */
    if (len - start >= 4 && !memcmp(text + start, "\x7f" "ELF", 4))
        diag_error((struct pos){1, 1}, (struct pos){0, 0},
                   "the first argument is the .system file; program images are named by <program_image path=...>",
                   "'%s' is an ELF file, not a system description", path);
    const char *nul = memchr(text, 0, len);
    if (nul)
        diag_error(pos_of(text, (size_t)(nul - text)), (struct pos){0, 0}, HINT_SHAPE,
                   "the system file is not text: it has a NUL byte at offset %zu", (size_t)(nul - text));
    if (len == start)
        diag_error((struct pos){1, 1}, (struct pos){0, 0}, HINT_SHAPE, "the system file is empty");
    size_t i = start;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        i++;
    if (i == len)
        diag_error(pos_of(text, len), (struct pos){0, 0}, HINT_SHAPE,
                   "the system file holds only whitespace (%zu bytes)", len);
    if (text[i] != '<')
        diag_error(pos_of(text, i), (struct pos){0, 0}, HINT_SHAPE,
                   "this is not XML: the first character that is not a space is '%c', not '<'",
                   (unsigned char)text[i] >= 0x20 && (unsigned char)text[i] < 0x7f ? text[i] : '?');
}

struct sdf_node *sdf_parse(const char *path, const char *text, size_t len)
{
    diag_set_source(path, text, len);
    if (len > (size_t)0x7fffffff)
        diag_fatal("system file '%s' is too large", path);
    check_degenerate(path, text, len);
    return xml_parse(text, len);
}

const struct sdf_attr *sdf_attr(const struct sdf_node *n, const char *name)
{
    for (size_t i = 0; i < n->nattrs; i++)
        if (strcmp(n->attrs[i].name, name) == 0)
            return &n->attrs[i];
    return NULL;
}
