/*
 * Reading attributes with the diagnostics the spec asks for: the element,
 * the attribute, the bad text and the allowed values, at the element's '<'
 * with the attribute underlined.
 */
#ifndef TOOL_ATTR_H
#define TOOL_ATTR_H

#include <stdbool.h>
#include <stdint.h>

#include "sdf.h"

/* How an element is named in messages: "protection_domain 'client'", "map", ... */
const char *attr_what(const struct sdf_node *n);

/* Error unless every attribute of n is in allowed[] (NULL-terminated); the first offender is named. */
void attr_whitelist(const struct sdf_node *n, const char *const *allowed);

/* Value of a required attribute, or an error naming the element and the attribute. */
const char *attr_req(const struct sdf_node *n, const char *name);

/* Value of an optional attribute, or NULL. */
const char *attr_opt(const struct sdf_node *n, const char *name);

/* SDF number (underscores, 0x); 'def' if absent. */
uint64_t attr_sdf(const struct sdf_node *n, const char *name, uint64_t def);
uint64_t attr_sdf_req(const struct sdf_node *n, const char *name);

/* Plain decimal; signed or unsigned per the field (docs/system-format.md, "Value types"). */
int64_t attr_dec_signed_req(const struct sdf_node *n, const char *name);
uint64_t attr_dec_unsigned_req(const struct sdf_node *n, const char *name);

/* Exactly "true" or "false"; 'def' if absent. */
bool attr_bool(const struct sdf_node *n, const char *name, bool def);

/* One of choices[] (NULL-terminated); returns its index, or 'def' if absent. */
int attr_choice(const struct sdf_node *n, const char *name, const char *const *choices, int def);

/* Error about attribute 'name' of n: "WHAT: TEXT", attribute underlined. */
_Noreturn void attr_error(const struct sdf_node *n, const char *name, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Error about element n: "WHAT: TEXT". */
_Noreturn void node_error(const struct sdf_node *n, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
