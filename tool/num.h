/*
 * The number syntaxes of the system description (docs/system-format.md, "Value types").
 * Which parser a field uses matters: "SDF numbers" allow underscores and a
 * lowercase 0x prefix; "plain decimal" fields (irq@irq, irq@id, end@id) take
 * only an optional sign and decimal digits.
 */
#ifndef TOOL_NUM_H
#define TOOL_NUM_H

#include <stdint.h>

enum num_status {
    NUM_OK,
    NUM_EMPTY,    /* nothing to parse (also a bare "0x") */
    NUM_INVALID,  /* a character that is not a digit */
    NUM_OVERFLOW, /* does not fit the 64-bit type */
};

/* SDF number: drop every '_', "0x" means hex, optional single leading '+'. */
enum num_status num_parse_sdf(const char *s, uint64_t *out);

/* Plain decimal, optional '+' or '-', into a signed 64-bit value. */
enum num_status num_parse_dec_signed(const char *s, int64_t *out);

/* Plain decimal, optional '+', unsigned 64-bit ('-' is invalid). */
enum num_status num_parse_dec_unsigned(const char *s, uint64_t *out);

/* Why a parse failed, for messages: "is not a number", "is empty", ... */
const char *num_status_text(enum num_status st);

#endif
