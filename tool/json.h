/*
 * A minimal streaming JSON writer for --report-json: nested objects and
 * arrays, indented two spaces, commas placed automatically. Keys are NULL
 * inside arrays. Integers are written exactly (unsigned 64-bit); strings are
 * escaped per RFC 8259 (bytes >= 0x80 pass through: libxml2 gives UTF-8).
 */
#ifndef TOOL_JSON_H
#define TOOL_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 16

struct json {
    FILE *f;
    int depth;
    bool nonempty[JSON_MAX_DEPTH]; /* the container at this depth has a member already */
    char closer[JSON_MAX_DEPTH];   /* '}' or ']' */
};

void json_begin(struct json *j, FILE *f); /* opens the top-level object */
void json_end(struct json *j);            /* closes it, adds the final newline */

void json_object(struct json *j, const char *key);
void json_array(struct json *j, const char *key);
void json_close(struct json *j); /* the innermost object or array */

void json_str(struct json *j, const char *key, const char *s);
void json_strn(struct json *j, const char *key, const char *s, size_t n);
void json_u64(struct json *j, const char *key, uint64_t v);
void json_bool(struct json *j, const char *key, bool v);
void json_null(struct json *j, const char *key);

#endif
