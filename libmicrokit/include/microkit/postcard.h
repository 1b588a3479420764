/*
 * A codec for the postcard wire format (docs/messages.md), so C and Rust PDs
 * can exchange typed messages: the bytes a C PD writes here are the bytes
 * Rust's postcard::to_slice writes for the same type, and back.
 *
 * Freestanding, no allocation, plain C11: it works on the IPC buffer's
 * message area inside a PD (microkit/postcard_ipc.h) and on any buffer on the
 * host.
 *
 * Errors are sticky: the first failing call records its error in the
 * writer/reader and every later call does nothing (reads yield zero), so an
 * encoder or decoder is a straight list of calls and one check at the end:
 *
 *     static bool point_decode(struct pc_reader *r, struct point *p)
 *     {
 *         pc_get(r, &p->x);     // i32: zigzag varint
 *         pc_get(r, &p->label); // u8
 *         return pc_ok(r);
 *     }
 *
 * A reader never trusts the bytes: every read is bounds checked and fails
 * with PC_ETRUNCATED, PC_EOVERLONG, PC_ERANGE, PC_EBADBOOL, PC_EBADOPTION or
 * PC_EBADUTF8 instead. Integers are decoded into exactly their Rust type
 * (pc_get_u16 rejects 70000), so a C field and its Rust field must have the
 * same width.
 */
#ifndef MICROKIT_POSTCARD_H
#define MICROKIT_POSTCARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum pc_error {
    PC_OK = 0,
    PC_ETRUNCATED, /* read past the end of the bytes */
    PC_EOVERLONG,  /* varint longer than its type allows */
    PC_ERANGE,     /* value does not fit the type, or a count/index above the caller's limit */
    PC_EBADBOOL,   /* bool byte other than 0 or 1 */
    PC_EBADOPTION, /* Option tag other than 0 or 1 */
    PC_EBADUTF8,   /* string is not valid UTF-8 */
    PC_ENOSPACE,   /* writer: the buffer is full */
};

/* A short English description of err, e.g. "truncated message". */
const char *pc_strerror(enum pc_error err);

struct pc_writer {
    uint8_t *buf;
    size_t cap;
    size_t len; /* bytes written so far */
    enum pc_error err;
};

struct pc_reader {
    const uint8_t *buf;
    size_t len;
    size_t pos; /* bytes consumed so far */
    enum pc_error err;
};

void pc_writer_init(struct pc_writer *w, void *buf, size_t cap);
void pc_reader_init(struct pc_reader *r, const void *buf, size_t len);

static inline bool pc_writer_ok(const struct pc_writer *w)
{
    return w->err == PC_OK;
}

static inline bool pc_reader_ok(const struct pc_reader *r)
{
    return r->err == PC_OK;
}

#define pc_ok(wr) _Generic((wr), struct pc_writer *: pc_writer_ok, const struct pc_writer *: pc_writer_ok, \
                           struct pc_reader *: pc_reader_ok, const struct pc_reader *: pc_reader_ok)(wr)

/* ------------------------------------------------------------------ writing */
/* Each returns pc_writer_ok(w) afterwards. */

bool pc_put_bool(struct pc_writer *w, bool v);
bool pc_put_u8(struct pc_writer *w, uint8_t v);
bool pc_put_i8(struct pc_writer *w, int8_t v);
bool pc_put_u16(struct pc_writer *w, uint16_t v);
bool pc_put_u32(struct pc_writer *w, uint32_t v);
bool pc_put_u64(struct pc_writer *w, uint64_t v);
bool pc_put_usize(struct pc_writer *w, size_t v);
bool pc_put_i16(struct pc_writer *w, int16_t v);
bool pc_put_i32(struct pc_writer *w, int32_t v);
bool pc_put_i64(struct pc_writer *w, int64_t v);
bool pc_put_isize(struct pc_writer *w, ptrdiff_t v);
bool pc_put_f32(struct pc_writer *w, float v);
bool pc_put_f64(struct pc_writer *w, double v);
#ifdef __SIZEOF_INT128__
/* u128/i128 where the compiler has them (__extension__: not ISO C). */
__extension__ typedef unsigned __int128 pc_u128;
__extension__ typedef __int128 pc_i128;
bool pc_put_u128(struct pc_writer *w, pc_u128 v);
bool pc_put_i128(struct pc_writer *w, pc_i128 v);
#endif

/* Byte string (&[u8], Vec<u8>): length, then the bytes. */
bool pc_put_bytes(struct pc_writer *w, const void *bytes, size_t n);
/* str/String: like bytes, but fails with PC_EBADUTF8 unless s[0..n) is valid UTF-8. */
bool pc_put_str(struct pc_writer *w, const char *s, size_t n);
/* char: the code point's UTF-8 bytes as a str; PC_ERANGE for a surrogate or above U+10FFFF. */
bool pc_put_char(struct pc_writer *w, uint32_t codepoint);
/* Option<T>: the tag; when some, write the T next. */
bool pc_put_option(struct pc_writer *w, bool some);
/* Vec<T>, slices and maps: the element (entry) count; then write the elements. */
bool pc_put_seq_len(struct pc_writer *w, size_t count);
/* enum: the variant index; then write the variant's payload, if any. */
bool pc_put_variant(struct pc_writer *w, uint32_t index);

/* ------------------------------------------------------------------ reading */
/* Each returns pc_reader_ok(r) afterwards; on failure *out is zero / empty. */

bool pc_get_bool(struct pc_reader *r, bool *out);
bool pc_get_u8(struct pc_reader *r, uint8_t *out);
bool pc_get_i8(struct pc_reader *r, int8_t *out);
bool pc_get_u16(struct pc_reader *r, uint16_t *out);
bool pc_get_u32(struct pc_reader *r, uint32_t *out);
bool pc_get_u64(struct pc_reader *r, uint64_t *out);
bool pc_get_usize(struct pc_reader *r, size_t *out);
bool pc_get_i16(struct pc_reader *r, int16_t *out);
bool pc_get_i32(struct pc_reader *r, int32_t *out);
bool pc_get_i64(struct pc_reader *r, int64_t *out);
bool pc_get_isize(struct pc_reader *r, ptrdiff_t *out);
bool pc_get_f32(struct pc_reader *r, float *out);
bool pc_get_f64(struct pc_reader *r, double *out);
#ifdef __SIZEOF_INT128__
bool pc_get_u128(struct pc_reader *r, pc_u128 *out);
bool pc_get_i128(struct pc_reader *r, pc_i128 *out);
#endif

/*
 * Byte string / str: *out points into the reader's buffer (no copy; copy it
 * out before the buffer changes). PC_ETRUNCATED if the length prefix is
 * larger than the bytes that remain.
 */
bool pc_get_bytes(struct pc_reader *r, const uint8_t **out, size_t *n);
bool pc_get_str(struct pc_reader *r, const char **out, size_t *n);
bool pc_get_char(struct pc_reader *r, uint32_t *codepoint);
bool pc_get_option(struct pc_reader *r, bool *some);
/* Element count; PC_ERANGE if above max (the capacity of the caller's array). */
bool pc_get_seq_len(struct pc_reader *r, size_t max, size_t *count);
/* Variant index; PC_ERANGE unless index < nvariants. */
bool pc_get_variant(struct pc_reader *r, uint32_t nvariants, uint32_t *index);

/* Bytes not yet read. */
static inline size_t pc_remaining(const struct pc_reader *r)
{
    return r->len - r->pos;
}

/*
 * pc_put(w, value) / pc_get(r, &field): the scalar codec chosen by the C
 * type, so a struct's encoder and decoder list its fields in the same order
 * as the Rust struct. (LP64: long and size_t are 64-bit, as usize is on
 * AArch64.) Use the named functions for strings, options, sequences and
 * enums.
 */
_Static_assert(sizeof(long) == 8 && sizeof(int) == 4 && sizeof(short) == 2, "pc_put/pc_get assume LP64");

#define pc_put(w, v) _Generic((v),                                                                 \
    bool: pc_put_bool, unsigned char: pc_put_u8, signed char: pc_put_i8,                           \
    unsigned short: pc_put_u16, unsigned int: pc_put_u32, unsigned long: pc_put_u64,               \
    unsigned long long: pc_put_u64, short: pc_put_i16, int: pc_put_i32, long: pc_put_i64,         \
    long long: pc_put_i64, float: pc_put_f32, double: pc_put_f64)((w), (v))

#define pc_get(r, p) _Generic((p),                                                                 \
    bool *: pc_get_bool, unsigned char *: pc_get_u8, signed char *: pc_get_i8,                     \
    unsigned short *: pc_get_u16, unsigned int *: pc_get_u32, unsigned long *: pc_get_u64,         \
    unsigned long long *: pc_get_u64_ll, short *: pc_get_i16, int *: pc_get_i32,                   \
    long *: pc_get_i64, long long *: pc_get_i64_ll, float *: pc_get_f32, double *: pc_get_f64)((r), (p))

/* pc_get for the long long spellings of the 64-bit types. */
static inline bool pc_get_u64_ll(struct pc_reader *r, unsigned long long *out)
{
    uint64_t v;
    bool ok = pc_get_u64(r, &v);
    *out = v;
    return ok;
}

static inline bool pc_get_i64_ll(struct pc_reader *r, long long *out)
{
    int64_t v;
    bool ok = pc_get_i64(r, &v);
    *out = v;
    return ok;
}

#endif
