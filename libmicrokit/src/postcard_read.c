/* The postcard reader (microkit/postcard.h; postcard.c explains the split). */
#include "postcard_internal.h"

/* ------------------------------------------------------------------ reading */

static int64_t unzigzag(uint64_t v)
{
    return (int64_t)((v >> 1) ^ (0 - (v & 1)));
}

bool pc_get_bool(struct pc_reader *r, bool *out)
{
    return pc_internal_get_flag(r, out, PC_EBADBOOL);
}

bool pc_get_u8(struct pc_reader *r, uint8_t *out)
{
    return pc_internal_get_byte(r, out);
}

bool pc_get_i8(struct pc_reader *r, int8_t *out)
{
    uint8_t b;
    bool ok = pc_internal_get_byte(r, &b);

    *out = (int8_t)b;
    return ok;
}

/*
 * The integer readers differ only in their C type, their varint limits
 * (longest encoding, largest value: get_varint rejects anything beyond) and
 * whether they undo the zigzag.
 */
#define VARINT_READER(name, type, max_bytes, max, decode)   \
    bool name(struct pc_reader *r, type *out)               \
    {                                                       \
        uint64_t v;                                         \
        bool ok = pc_internal_get_varint(r, max_bytes, max, &v);        \
                                                            \
        *out = (type)decode(v);                             \
        return ok;                                          \
    }

VARINT_READER(pc_get_u16, uint16_t, VARINT_MAX_U16, UINT16_MAX, AS_IS)
VARINT_READER(pc_get_u32, uint32_t, VARINT_MAX_U32, UINT32_MAX, AS_IS)
VARINT_READER(pc_get_u64, uint64_t, VARINT_MAX_U64, UINT64_MAX, AS_IS)
VARINT_READER(pc_get_usize, size_t, VARINT_MAX_U64, SIZE_MAX, AS_IS)
VARINT_READER(pc_get_i16, int16_t, VARINT_MAX_U16, UINT16_MAX, unzigzag)
VARINT_READER(pc_get_i32, int32_t, VARINT_MAX_U32, UINT32_MAX, unzigzag)
VARINT_READER(pc_get_i64, int64_t, VARINT_MAX_U64, UINT64_MAX, unzigzag)
VARINT_READER(pc_get_isize, ptrdiff_t, VARINT_MAX_U64, UINT64_MAX, unzigzag)

bool pc_get_f32(struct pc_reader *r, float *out)
{
    uint64_t v;
    bool ok = pc_internal_get_le(r, 4, &v);
    uint32_t bits = (uint32_t)v;

    __builtin_memcpy(out, &bits, sizeof(*out));
    return ok;
}

bool pc_get_f64(struct pc_reader *r, double *out)
{
    uint64_t v;
    bool ok = pc_internal_get_le(r, 8, &v);

    __builtin_memcpy(out, &v, sizeof(*out));
    return ok;
}

#ifdef __SIZEOF_INT128__
bool pc_get_u128(struct pc_reader *r, pc_u128 *out)
{
    *out = 0;
    for (size_t i = 0; i < VARINT_MAX_U128; i++) {
        uint8_t b;
        if (!pc_internal_get_byte(r, &b)) {
            *out = 0;
            return false;
        }
        pc_u128 part = b & 0x7f;
        unsigned shift = 7 * (unsigned)i;
        /* The 19th byte carries bits 126..132: only two of them fit. */
        if (shift == 126 && part > 3) {
            *out = 0;
            return pc_internal_rfail(r, PC_ERANGE);
        }
        *out |= part << shift;
        if (!(b & 0x80)) {
            return true;
        }
    }
    *out = 0;
    return pc_internal_rfail(r, PC_EOVERLONG);
}

bool pc_get_i128(struct pc_reader *r, pc_i128 *out)
{
    pc_u128 v;
    bool ok = pc_get_u128(r, &v);

    *out = (pc_i128)((v >> 1) ^ (0 - (v & 1)));
    return ok;
}
#endif

bool pc_get_bytes(struct pc_reader *r, const uint8_t **out, size_t *n)
{
    size_t len;

    *out = NULL;
    *n = 0;
    if (!pc_get_usize(r, &len)) {
        return false;
    }
    if (len > pc_remaining(r)) {
        return pc_internal_rfail(r, PC_ETRUNCATED);
    }
    *out = r->buf + r->pos;
    *n = len;
    r->pos += len;
    return true;
}

bool pc_get_str(struct pc_reader *r, const char **out, size_t *n)
{
    const uint8_t *bytes;

    *out = NULL;
    if (!pc_get_bytes(r, &bytes, n)) {
        return false;
    }
    if (!pc_internal_utf8_valid(bytes, *n)) {
        *n = 0;
        return pc_internal_rfail(r, PC_EBADUTF8);
    }
    *out = (const char *)bytes;
    return true;
}

bool pc_get_char(struct pc_reader *r, uint32_t *cp)
{
    const uint8_t *bytes;
    size_t n;

    *cp = 0;
    if (!pc_get_bytes(r, &bytes, &n)) {
        return false;
    }
    /* Exactly one scalar value: "", "ab" or a bad sequence are all errors. */
    if (n == 0 || n > 4 || pc_internal_utf8_seq(bytes, n, cp) != n) {
        *cp = 0;
        return pc_internal_rfail(r, PC_EBADUTF8);
    }
    return true;
}

bool pc_get_option(struct pc_reader *r, bool *some)
{
    return pc_internal_get_flag(r, some, PC_EBADOPTION);
}

bool pc_get_seq_len(struct pc_reader *r, size_t max, size_t *count)
{
    if (!pc_get_usize(r, count)) {
        return false;
    }
    if (*count > max) {
        *count = 0;
        return pc_internal_rfail(r, PC_ERANGE);
    }
    return true;
}

bool pc_get_variant(struct pc_reader *r, uint32_t nvariants, uint32_t *index)
{
    if (!pc_get_u32(r, index)) {
        return false;
    }
    if (*index >= nvariants) {
        *index = 0;
        return pc_internal_rfail(r, PC_ERANGE);
    }
    return true;
}
