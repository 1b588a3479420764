/*
 * The postcard codec (microkit/postcard.h). Freestanding: no libc calls, so
 * the same file links into PDs and into host tests.
 */
#include <microkit/postcard.h>

/* Varint byte limits of postcard-wire-format.md: ceil(bits / 7). */
#define VARINT_MAX_U16 3
#define VARINT_MAX_U32 5
#define VARINT_MAX_U64 10
#define VARINT_MAX_U128 19

const char *pc_strerror(enum pc_error err)
{
    switch (err) {
    case PC_OK:
        return "no error";
    case PC_ETRUNCATED:
        return "truncated message";
    case PC_EOVERLONG:
        return "overlong varint";
    case PC_ERANGE:
        return "value out of range";
    case PC_EBADBOOL:
        return "bool is neither 0 nor 1";
    case PC_EBADOPTION:
        return "option tag is neither 0 nor 1";
    case PC_EBADUTF8:
        return "string is not valid UTF-8";
    case PC_ENOSPACE:
        return "message does not fit the buffer";
    }
    return "unknown error";
}

void pc_writer_init(struct pc_writer *w, void *buf, size_t cap)
{
    *w = (struct pc_writer){.buf = buf, .cap = cap};
}

void pc_reader_init(struct pc_reader *r, const void *buf, size_t len)
{
    *r = (struct pc_reader){.buf = buf, .len = len};
}

/* ------------------------------------------------------------------ UTF-8 */

/*
 * Length of the UTF-8 sequence at s[0..n), or 0 if it is not valid: no
 * overlong forms, no surrogates, nothing above U+10FFFF (RFC 3629).
 */
static size_t utf8_seq(const uint8_t *s, size_t n, uint32_t *cp)
{
    uint8_t b = s[0];
    size_t len;
    uint32_t min;

    if (b < 0x80) {
        *cp = b;
        return 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
        len = 2, min = 0x80, *cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
        len = 3, min = 0x800, *cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
        len = 4, min = 0x10000, *cp = b & 0x07;
    } else {
        return 0;
    }
    if (n < len) {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            return 0;
        }
        *cp = (*cp << 6) | (s[i] & 0x3f);
    }
    if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff)) {
        return 0;
    }
    return len;
}

static bool utf8_valid(const uint8_t *s, size_t n)
{
    uint32_t cp;

    while (n > 0) {
        size_t len = utf8_seq(s, n, &cp);
        if (len == 0) {
            return false;
        }
        s += len;
        n -= len;
    }
    return true;
}

/* ------------------------------------------------------------------ writing */

static bool wfail(struct pc_writer *w, enum pc_error err)
{
    if (w->err == PC_OK) {
        w->err = err;
    }
    return false;
}

static bool put_raw(struct pc_writer *w, const void *bytes, size_t n)
{
    const uint8_t *b = bytes;

    if (w->err != PC_OK) {
        return false;
    }
    if (n > w->cap - w->len) {
        return wfail(w, PC_ENOSPACE);
    }
    for (size_t i = 0; i < n; i++) {
        w->buf[w->len + i] = b[i];
    }
    w->len += n;
    return true;
}

static bool put_le(struct pc_writer *w, uint64_t v, size_t n)
{
    uint8_t b[8];

    for (size_t i = 0; i < n; i++) {
        b[i] = (uint8_t)(v >> (8 * i));
    }
    return put_raw(w, b, n);
}

static bool put_varint(struct pc_writer *w, uint64_t v)
{
    uint8_t b[VARINT_MAX_U64];
    size_t n = 0;

    do {
        b[n] = (uint8_t)(v & 0x7f);
        v >>= 7;
        b[n++] |= v ? 0x80 : 0;
    } while (v);
    return put_raw(w, b, n);
}

static uint64_t zigzag(int64_t v)
{
    return ((uint64_t)v << 1) ^ (v < 0 ? UINT64_MAX : 0);
}

bool pc_put_bool(struct pc_writer *w, bool v)
{
    return put_le(w, v ? 1 : 0, 1);
}

bool pc_put_u8(struct pc_writer *w, uint8_t v)
{
    return put_le(w, v, 1);
}

bool pc_put_i8(struct pc_writer *w, int8_t v)
{
    return put_le(w, (uint8_t)v, 1);
}

/*
 * The integer writers differ only in their C type and whether they zigzag
 * (the zigzag of an iN fits a uN, so the unsigned varint limits hold).
 */
#define AS_IS(v) (v)
#define VARINT_WRITER(name, type, encode)              \
    bool name(struct pc_writer *w, type v)             \
    {                                                  \
        return put_varint(w, (uint64_t)encode(v));     \
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
    return put_le(w, bits, 4);
}

bool pc_put_f64(struct pc_writer *w, double v)
{
    uint64_t bits;

    __builtin_memcpy(&bits, &v, sizeof(bits));
    return put_le(w, bits, 8);
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
    return put_raw(w, b, n);
}

bool pc_put_i128(struct pc_writer *w, pc_i128 v)
{
    pc_u128 sign = v < 0 ? ~(pc_u128)0 : 0;
    return pc_put_u128(w, ((pc_u128)v << 1) ^ sign);
}
#endif

bool pc_put_bytes(struct pc_writer *w, const void *bytes, size_t n)
{
    return put_varint(w, n) && put_raw(w, bytes, n);
}

bool pc_put_str(struct pc_writer *w, const char *s, size_t n)
{
    if (w->err == PC_OK && !utf8_valid((const uint8_t *)s, n)) {
        return wfail(w, PC_EBADUTF8);
    }
    return pc_put_bytes(w, s, n);
}

bool pc_put_char(struct pc_writer *w, uint32_t cp)
{
    uint8_t b[4];
    size_t n;

    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return wfail(w, PC_ERANGE);
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
    return put_le(w, some ? 1 : 0, 1);
}

bool pc_put_seq_len(struct pc_writer *w, size_t count)
{
    return put_varint(w, count);
}

bool pc_put_variant(struct pc_writer *w, uint32_t index)
{
    return put_varint(w, index);
}

/* ------------------------------------------------------------------ reading */

static bool rfail(struct pc_reader *r, enum pc_error err)
{
    if (r->err == PC_OK) {
        r->err = err;
    }
    return false;
}

static bool get_byte(struct pc_reader *r, uint8_t *b)
{
    *b = 0;
    if (r->err != PC_OK) {
        return false;
    }
    if (r->pos >= r->len) {
        return rfail(r, PC_ETRUNCATED);
    }
    *b = r->buf[r->pos++];
    return true;
}

static bool get_le(struct pc_reader *r, size_t n, uint64_t *v)
{
    *v = 0;
    if (r->err != PC_OK) {
        return false;
    }
    if (n > pc_remaining(r)) {
        return rfail(r, PC_ETRUNCATED);
    }
    for (size_t i = 0; i < n; i++) {
        *v |= (uint64_t)r->buf[r->pos + i] << (8 * i);
    }
    r->pos += n;
    return true;
}

/*
 * An unsigned varint of at most max_bytes (<= 10) bytes whose value is at
 * most max. Bits that would fall off the top of a u64 count as out of range,
 * like a value above max.
 */
static bool get_varint(struct pc_reader *r, size_t max_bytes, uint64_t max, uint64_t *v)
{
    *v = 0;
    for (size_t i = 0; i < max_bytes; i++) {
        uint8_t b;
        if (!get_byte(r, &b)) {
            *v = 0;
            return false;
        }
        uint64_t part = b & 0x7f;
        unsigned shift = 7 * (unsigned)i;
        if ((part << shift) >> shift != part) {
            *v = 0;
            return rfail(r, PC_ERANGE);
        }
        *v |= part << shift;
        if (!(b & 0x80)) {
            if (*v > max) {
                *v = 0;
                return rfail(r, PC_ERANGE);
            }
            return true;
        }
    }
    *v = 0;
    return rfail(r, PC_EOVERLONG);
}

static int64_t unzigzag(uint64_t v)
{
    return (int64_t)((v >> 1) ^ (0 - (v & 1)));
}

/* One byte that must be 0 or 1: a bool, or an Option's tag (`bad` names which). */
static bool get_flag(struct pc_reader *r, bool *out, enum pc_error bad)
{
    uint8_t b;

    *out = false;
    if (!get_byte(r, &b)) {
        return false;
    }
    if (b > 1) {
        return rfail(r, bad);
    }
    *out = b;
    return true;
}

bool pc_get_bool(struct pc_reader *r, bool *out)
{
    return get_flag(r, out, PC_EBADBOOL);
}

bool pc_get_u8(struct pc_reader *r, uint8_t *out)
{
    return get_byte(r, out);
}

bool pc_get_i8(struct pc_reader *r, int8_t *out)
{
    uint8_t b;
    bool ok = get_byte(r, &b);

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
        bool ok = get_varint(r, max_bytes, max, &v);        \
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
    bool ok = get_le(r, 4, &v);
    uint32_t bits = (uint32_t)v;

    __builtin_memcpy(out, &bits, sizeof(*out));
    return ok;
}

bool pc_get_f64(struct pc_reader *r, double *out)
{
    uint64_t v;
    bool ok = get_le(r, 8, &v);

    __builtin_memcpy(out, &v, sizeof(*out));
    return ok;
}

#ifdef __SIZEOF_INT128__
bool pc_get_u128(struct pc_reader *r, pc_u128 *out)
{
    *out = 0;
    for (size_t i = 0; i < VARINT_MAX_U128; i++) {
        uint8_t b;
        if (!get_byte(r, &b)) {
            *out = 0;
            return false;
        }
        pc_u128 part = b & 0x7f;
        unsigned shift = 7 * (unsigned)i;
        /* The 19th byte carries bits 126..132: only two of them fit. */
        if (shift == 126 && part > 3) {
            *out = 0;
            return rfail(r, PC_ERANGE);
        }
        *out |= part << shift;
        if (!(b & 0x80)) {
            return true;
        }
    }
    *out = 0;
    return rfail(r, PC_EOVERLONG);
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
        return rfail(r, PC_ETRUNCATED);
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
    if (!utf8_valid(bytes, *n)) {
        *n = 0;
        return rfail(r, PC_EBADUTF8);
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
    if (n == 0 || n > 4 || utf8_seq(bytes, n, cp) != n) {
        *cp = 0;
        return rfail(r, PC_EBADUTF8);
    }
    return true;
}

bool pc_get_option(struct pc_reader *r, bool *some)
{
    return get_flag(r, some, PC_EBADOPTION);
}

bool pc_get_seq_len(struct pc_reader *r, size_t max, size_t *count)
{
    if (!pc_get_usize(r, count)) {
        return false;
    }
    if (*count > max) {
        *count = 0;
        return rfail(r, PC_ERANGE);
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
        return rfail(r, PC_ERANGE);
    }
    return true;
}
