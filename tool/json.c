/* JSON writer; see json.h. */
#include "json.h"

#include <string.h>

#include "diag.h"

static void string(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* Comma, newline, indentation and "key": before a member. */
static void member(struct json *j, const char *key)
{
    if (j->nonempty[j->depth])
        fputc(',', j->f);
    j->nonempty[j->depth] = true;
    fprintf(j->f, "\n%*s", 2 * j->depth, "");
    if (key) {
        string(j->f, key, strlen(key));
        fputs(": ", j->f);
    }
}

static void open_container(struct json *j, const char *key, char opener, char closer)
{
    member(j, key);
    fputc(opener, j->f);
    if (++j->depth >= JSON_MAX_DEPTH)
        diag_fatal("internal error: JSON report nested too deeply");
    j->nonempty[j->depth] = false;
    j->closer[j->depth] = closer;
}

void json_begin(struct json *j, FILE *f)
{
    *j = (struct json){.f = f};
    fputc('{', f);
    j->depth = 1;
    j->closer[1] = '}';
}

void json_end(struct json *j)
{
    json_close(j);
    fputc('\n', j->f);
}

void json_object(struct json *j, const char *key)
{
    open_container(j, key, '{', '}');
}

void json_array(struct json *j, const char *key)
{
    open_container(j, key, '[', ']');
}

void json_close(struct json *j)
{
    /* An empty container stays on one line: [] or {}. */
    char closer = j->closer[j->depth];
    bool had = j->nonempty[j->depth];
    j->depth--;
    if (had)
        fprintf(j->f, "\n%*s", 2 * j->depth, "");
    fputc(closer, j->f);
}

void json_strn(struct json *j, const char *key, const char *s, size_t n)
{
    member(j, key);
    string(j->f, s, n);
}

void json_str(struct json *j, const char *key, const char *s)
{
    json_strn(j, key, s, strlen(s));
}

void json_u64(struct json *j, const char *key, uint64_t v)
{
    member(j, key);
    fprintf(j->f, "%llu", (unsigned long long)v);
}

void json_bool(struct json *j, const char *key, bool v)
{
    member(j, key);
    fputs(v ? "true" : "false", j->f);
}

void json_null(struct json *j, const char *key)
{
    member(j, key);
    fputs("null", j->f);
}
