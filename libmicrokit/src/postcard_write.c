/* The postcard writer (microkit/postcard.h; postcard.c explains the split). */
#include "postcard_internal.h"

/* ------------------------------------------------------------------ writing */

static uint64_t zigzag(int64_t v)
{
    return ((uint64_t)v << 1) ^ (v < 0 ? UINT64_MAX : 0);
}

bool pc_put_bool(struct pc_writer *w, bool v)
{
    return pc_internal_put_le(w, v ? 1 : 0, 1);
}

bool pc_put_u8(struct pc_writer *w, uint8_t v)
{
    return pc_internal_put_le(w, v, 1);
}

bool pc_put_i8(struct pc_writer *w, int8_t v)
{
    return pc_internal_put_le(w, (uint8_t)v, 1);
}

/*
 * The integer writers differ only in their C type and whether they zigzag
 * (the zigzag of an iN fits a uN, so the unsigned varint limits hold).
 */
#define VARINT_WRITER(name, type, encode)              \
    bool name(struct pc_writer *w, type v)             \
    {                                                  \
        return pc_internal_put_varint(w, (uint64_t)encode(v));     \
    }

VARINT_WRITER(pc_put_u16, uint16_t, AS_IS)
VARINT_WRITER(pc_put_u32, uint32_t, AS_IS)
VARINT_WRITER(pc_put_u64, uint64_t, AS_IS)
VARINT_WRITER(pc_put_usize, size_t, AS_IS)
VARINT_WRITER(pc_put_i16, int16_t, zigzag)
VARINT_WRITER(pc_put_i32, int32_t, zigzag)
VARINT_WRITER(pc_put_i64, int64_t, zigzag)
VARINT_WRITER(pc_put_isize, ptrdiff_t, zigzag)

bool pc_put_f32(struct pc_writer *w, float v)
{
    uint32_t bits;

    __builtin_memcpy(&bits, &v, sizeof(bits));
    return pc_internal_put_le(w, bits, 4);
}

bool pc_put_f64(struct pc_writer *w, double v)
{
    uint64_t bits;

    __builtin_memcpy(&bits, &v, sizeof(bits));
    return pc_internal_put_le(w, bits, 8);
}

#ifdef __SIZEOF_INT128__
bool pc_put_u128(struct pc_writer *w, pc_u128 v)
{
    uint8_t b[VARINT_MAX_U128];
    size_t n = 0;

    do {
        b[n] = (uint8_t)(v & 0x7f);
        v >>= 7;
        b[n++] |= v ? 0x80 : 0;
    } while (v);
    return pc_internal_put_raw(w, b, n);
}

bool pc_put_i128(struct pc_writer *w, pc_i128 v)
{
    pc_u128 sign = v < 0 ? ~(pc_u128)0 : 0;
    return pc_put_u128(w, ((pc_u128)v << 1) ^ sign);
}
#endif

bool pc_put_bytes(struct pc_writer *w, const void *bytes, size_t n)
{
    return pc_internal_put_varint(w, n) && pc_internal_put_raw(w, bytes, n);
}

bool pc_put_str(struct pc_writer *w, const char *s, size_t n)
{
    if (w->err == PC_OK && !pc_internal_utf8_valid((const uint8_t *)s, n)) {
        return pc_internal_wfail(w, PC_EBADUTF8);
    }
    return pc_put_bytes(w, s, n);
}

bool pc_put_char(struct pc_writer *w, uint32_t cp)
{
    uint8_t b[4];
    size_t n;

    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return pc_internal_wfail(w, PC_ERANGE);
    }
    if (cp < 0x80) {
        b[0] = (uint8_t)cp, n = 1;
    } else if (cp < 0x800) {
        b[0] = (uint8_t)(0xc0 | cp >> 6), n = 2;
    } else if (cp < 0x10000) {
        b[0] = (uint8_t)(0xe0 | cp >> 12), n = 3;
    } else {
        b[0] = (uint8_t)(0xf0 | cp >> 18), n = 4;
    }
    for (size_t i = 1; i < n; i++) {
        b[i] = (uint8_t)(0x80 | ((cp >> (6 * (n - 1 - i))) & 0x3f));
    }
    return pc_put_bytes(w, b, n);
}

bool pc_put_option(struct pc_writer *w, bool some)
{
    return pc_internal_put_le(w, some ? 1 : 0, 1);
}

bool pc_put_seq_len(struct pc_writer *w, size_t count)
{
    return pc_internal_put_varint(w, count);
}

bool pc_put_variant(struct pc_writer *w, uint32_t index)
{
    return pc_internal_put_varint(w, index);
}

