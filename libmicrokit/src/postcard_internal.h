/*
 * What the three parts of the postcard codec share (postcard.c explains the
 * split). Private to libmicrokit.
 */
#ifndef POSTCARD_INTERNAL_H
#define POSTCARD_INTERNAL_H

#include <microkit/postcard.h>

/* Varint byte limits of postcard-wire-format.md: ceil(bits / 7). */
#define VARINT_MAX_U16 3
#define VARINT_MAX_U32 5
#define VARINT_MAX_U64 10
#define VARINT_MAX_U128 19

#define AS_IS(v) (v) /* the integer writers and readers that do not zigzag */

/* Length of the UTF-8 sequence at s[0..n), 0 if invalid; its code point in *cp. */
size_t pc_internal_utf8_seq(const uint8_t *s, size_t n, uint32_t *cp);
/* Is s[0..n) valid UTF-8? */
bool pc_internal_utf8_valid(const uint8_t *s, size_t n);

/* postcard_wire.c: the first error sticks; the writers and readers return their result. */
bool pc_internal_wfail(struct pc_writer *w, enum pc_error err);
bool pc_internal_put_raw(struct pc_writer *w, const void *bytes, size_t n);
bool pc_internal_put_le(struct pc_writer *w, uint64_t v, size_t n);
bool pc_internal_put_varint(struct pc_writer *w, uint64_t v);
bool pc_internal_rfail(struct pc_reader *r, enum pc_error err);
bool pc_internal_get_byte(struct pc_reader *r, uint8_t *b);
bool pc_internal_get_le(struct pc_reader *r, size_t n, uint64_t *v);
bool pc_internal_get_varint(struct pc_reader *r, size_t max_bytes, uint64_t max, uint64_t *v);
bool pc_internal_get_flag(struct pc_reader *r, bool *out, enum pc_error bad);

#endif
