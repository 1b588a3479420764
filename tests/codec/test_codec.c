/*
 * Host tests of the postcard codec (libmicrokit/src/postcard.c): the byte
 * vectors of postcard-wire-format.md both ways, every reader error, the
 * pc_put/pc_get struct helpers, and a round-trip property test over random
 * values. Prints "PASS name" / "FAIL name: why" and ends with
 * "N passed, N failed".
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <microkit/postcard.h>

static int passed, failed;
static const char *why; /* first failed expectation of the running test */
static char why_buf[256];

#define EXPECT(cond)                                                                     \
    do {                                                                                 \
        if (!(cond) && !why) {                                                           \
            snprintf(why_buf, sizeof(why_buf), "line %d: %s", __LINE__, #cond);          \
            why = why_buf;                                                               \
        }                                                                                \
    } while (0)

static void run(const char *name, void (*test)(void))
{
    why = NULL;
    test();
    if (why) {
        printf("FAIL %s: %s\n", name, why);
        failed++;
    } else {
        printf("PASS %s\n", name);
        passed++;
    }
}

/* hex "ac 02" -> bytes; returns the count. */
static size_t unhex(const char *hex, uint8_t *out)
{
    size_t n = 0;
    unsigned byte;
    int used;

    while (sscanf(hex, " %2x%n", &byte, &used) == 1) {
        out[n++] = (uint8_t)byte;
        hex += used;
    }
    return n;
}

static struct pc_writer w;
static uint8_t wbuf[64];
static struct pc_reader r;
static uint8_t rbuf[64];

static void start_write(void)
{
    pc_writer_init(&w, wbuf, sizeof(wbuf));
}

/* True if the writer holds exactly the bytes of hex. */
static bool wrote(const char *hex)
{
    uint8_t want[64];
    size_t n = unhex(hex, want);
    return w.err == PC_OK && w.len == n && memcmp(wbuf, want, n) == 0;
}

static void start_read(const char *hex)
{
    pc_reader_init(&r, rbuf, unhex(hex, rbuf));
}

/* ------------------------------------------------------------ spec vectors */

static void spec_encode(void)
{
    start_write(), pc_put_u32(&w, 300); EXPECT(wrote("ac 02"));
    start_write(), pc_put_i32(&w, -1); EXPECT(wrote("01"));
    start_write(), pc_put_i32(&w, 1); EXPECT(wrote("02"));
    start_write(), pc_put_u64(&w, 0); EXPECT(wrote("00"));
    start_write(), pc_put_u16(&w, 65535); EXPECT(wrote("ff ff 03"));
    start_write(), pc_put_str(&w, "hi", 2); EXPECT(wrote("02 68 69"));
    start_write(), pc_put_option(&w, true), pc_put_u8(&w, 5); EXPECT(wrote("01 05"));
    start_write(), pc_put_seq_len(&w, 2), pc_put_u16(&w, 1), pc_put_u16(&w, 128); EXPECT(wrote("02 01 80 01"));
    start_write(), pc_put_bool(&w, true), pc_put_i8(&w, 7); EXPECT(wrote("01 07"));
    start_write(), pc_put_f32(&w, 1.0f); EXPECT(wrote("00 00 80 3f"));
}

static void spec_decode(void)
{
    uint32_t u32;
    int32_t i32;
    uint64_t u64;
    uint16_t u16, seq[2];
    const char *s;
    size_t n;
    bool some, b;
    uint8_t u8;
    int8_t i8;
    float f;

    start_read("ac 02"); EXPECT(pc_get_u32(&r, &u32) && u32 == 300 && r.pos == 2);
    start_read("01"); EXPECT(pc_get_i32(&r, &i32) && i32 == -1);
    start_read("02"); EXPECT(pc_get_i32(&r, &i32) && i32 == 1);
    start_read("00"); EXPECT(pc_get_u64(&r, &u64) && u64 == 0);
    start_read("ff ff 03"); EXPECT(pc_get_u16(&r, &u16) && u16 == 65535);
    start_read("02 68 69"); EXPECT(pc_get_str(&r, &s, &n) && n == 2 && memcmp(s, "hi", 2) == 0);
    start_read("01 05"); EXPECT(pc_get_option(&r, &some) && some && pc_get_u8(&r, &u8) && u8 == 5);
    start_read("02 01 80 01");
    EXPECT(pc_get_seq_len(&r, 2, &n) && n == 2 && pc_get(&r, &seq[0]) && pc_get(&r, &seq[1]));
    EXPECT(seq[0] == 1 && seq[1] == 128 && pc_remaining(&r) == 0);
    start_read("01 07"); EXPECT(pc_get_bool(&r, &b) && b && pc_get_i8(&r, &i8) && i8 == 7);
    start_read("00 00 80 3f"); EXPECT(pc_get_f32(&r, &f) && f == 1.0f);
}

/* Limits of every width, and the types the spec lists without a vector. */
static void edge_values(void)
{
    uint64_t u64;
    int64_t i64;
    int16_t i16;
    double d;
    uint32_t cp, idx;
    const uint8_t *bytes;
    size_t n;

    start_write(), pc_put_u64(&w, UINT64_MAX); EXPECT(wrote("ff ff ff ff ff ff ff ff ff 01"));
    start_write(), pc_put_i64(&w, INT64_MIN); EXPECT(wrote("ff ff ff ff ff ff ff ff ff 01"));
    start_write(), pc_put_i64(&w, INT64_MAX); EXPECT(wrote("fe ff ff ff ff ff ff ff ff 01"));
    start_write(), pc_put_u32(&w, UINT32_MAX); EXPECT(wrote("ff ff ff ff 0f"));
    start_write(), pc_put_i16(&w, INT16_MIN); EXPECT(wrote("ff ff 03"));
    start_write(), pc_put_u128(&w, ~(pc_u128)0);
    EXPECT(wrote("ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff 03"));
    start_write(), pc_put_i128(&w, -2); EXPECT(wrote("03"));
    start_write(), pc_put_f64(&w, -2.5); EXPECT(wrote("00 00 00 00 00 00 04 c0"));
    start_write(), pc_put_char(&w, 0xe9); EXPECT(wrote("02 c3 a9"));
    start_write(), pc_put_char(&w, 0x1f600); EXPECT(wrote("04 f0 9f 98 80"));
    start_write(), pc_put_variant(&w, 2), pc_put_bytes(&w, "\x00\xff", 2); EXPECT(wrote("02 02 00 ff"));
    start_write(), pc_put_option(&w, false); EXPECT(wrote("00"));

    start_read("ff ff ff ff ff ff ff ff ff 01"); EXPECT(pc_get_u64(&r, &u64) && u64 == UINT64_MAX);
    start_read("ff ff ff ff ff ff ff ff ff 01"); EXPECT(pc_get_i64(&r, &i64) && i64 == INT64_MIN);
    start_read("ff ff 03"); EXPECT(pc_get_i16(&r, &i16) && i16 == INT16_MIN);
    start_read("80 00"); EXPECT(pc_get_u64(&r, &u64) && u64 == 0); /* not shortest, but not too long */
    start_read("00 00 00 00 00 00 04 c0"); EXPECT(pc_get_f64(&r, &d) && d == -2.5);
    start_read("04 f0 9f 98 80"); EXPECT(pc_get_char(&r, &cp) && cp == 0x1f600);
    start_read("02 02 00 ff");
    EXPECT(pc_get_variant(&r, 3, &idx) && idx == 2 && pc_get_bytes(&r, &bytes, &n) && n == 2 && bytes[1] == 0xff);
    start_read("00"); EXPECT(pc_get_bytes(&r, &bytes, &n) && n == 0);

    pc_u128 u128;
    pc_i128 i128;
    start_read("ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff 03");
    EXPECT(pc_get_u128(&r, &u128) && u128 == ~(pc_u128)0);
    start_read("03"); EXPECT(pc_get_i128(&r, &i128) && i128 == -2);
}

/* ------------------------------------------------------------ reader errors */

/* Reading hex with read_call must fail with error code want. */
#define EXPECT_ERR(hex, read_call, want)             \
    do {                                             \
        start_read(hex);                             \
        EXPECT(!(read_call));                        \
        EXPECT(r.err == (want));                     \
    } while (0)

static void reader_errors(void)
{
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int32_t i32;
    bool b;
    const char *s;
    const uint8_t *bytes;
    size_t n;
    float f;
    pc_u128 u128;

    EXPECT_ERR("", pc_get_u8(&r, (uint8_t *)&u16), PC_ETRUNCATED);
    EXPECT_ERR("ac", pc_get_u32(&r, &u32), PC_ETRUNCATED);
    EXPECT_ERR("00 00 80", pc_get_f32(&r, &f), PC_ETRUNCATED);
    EXPECT_ERR("80 80 80 00", pc_get_u16(&r, &u16), PC_EOVERLONG);
    EXPECT_ERR("80 80 80 80 80 00", pc_get_u32(&r, &u32), PC_EOVERLONG);
    EXPECT_ERR("80 80 80 80 80 80 80 80 80 80 00", pc_get_u64(&r, &u64), PC_EOVERLONG);
    EXPECT_ERR("80 80 80 80 80 80 80 80 80 80 80 80 80 80 80 80 80 80 80 00", pc_get_u128(&r, &u128),
               PC_EOVERLONG);
    EXPECT_ERR("ff ff 04", pc_get_u16(&r, &u16), PC_ERANGE);
    EXPECT_ERR("80 80 04", pc_get_u16(&r, &u16), PC_ERANGE);
    EXPECT_ERR("ff ff ff ff 1f", pc_get_u32(&r, &u32), PC_ERANGE);
    EXPECT_ERR("80 80 80 80 10", pc_get_i32(&r, &i32), PC_ERANGE);
    EXPECT_ERR("ff ff ff ff ff ff ff ff ff 02", pc_get_u64(&r, &u64), PC_ERANGE);
    EXPECT_ERR("ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff 04", pc_get_u128(&r, &u128), PC_ERANGE);
    EXPECT_ERR("02", pc_get_bool(&r, &b), PC_EBADBOOL);
    EXPECT_ERR("02 05", pc_get_option(&r, &b), PC_EBADOPTION);
    EXPECT_ERR("03 68 69", pc_get_str(&r, &s, &n), PC_ETRUNCATED); /* length beyond the bytes */
    EXPECT_ERR("ff ff ff ff ff ff ff ff ff 01 00", pc_get_bytes(&r, &bytes, &n), PC_ETRUNCATED);
    EXPECT_ERR("01 ff", pc_get_str(&r, &s, &n), PC_EBADUTF8);
    EXPECT_ERR("02 c0 80", pc_get_str(&r, &s, &n), PC_EBADUTF8);       /* overlong NUL */
    EXPECT_ERR("03 ed a0 80", pc_get_str(&r, &s, &n), PC_EBADUTF8);    /* surrogate */
    EXPECT_ERR("04 f4 90 80 80", pc_get_str(&r, &s, &n), PC_EBADUTF8); /* above U+10FFFF */
    EXPECT_ERR("02 e2 82", pc_get_str(&r, &s, &n), PC_EBADUTF8);       /* cut sequence */
    EXPECT_ERR("02 61 62", pc_get_char(&r, &u32), PC_EBADUTF8);        /* two chars */
    EXPECT_ERR("00", pc_get_char(&r, &u32), PC_EBADUTF8);
    EXPECT_ERR("05", pc_get_seq_len(&r, 4, &n), PC_ERANGE);
    EXPECT_ERR("03", pc_get_variant(&r, 3, &u32), PC_ERANGE);
    EXPECT(u32 == 0 && n == 0 && s == NULL);
    EXPECT(strcmp(pc_strerror(PC_EBADUTF8), "string is not valid UTF-8") == 0);
}

/* After the first error nothing more is read, and values read as zero. */
static void errors_are_sticky(void)
{
    uint8_t u8 = 9;
    uint32_t u32 = 9;

    start_read("02 05 06");
    EXPECT(!pc_get_bool(&r, (bool *)&u8));
    EXPECT(!pc_get_u8(&r, &u8) && u8 == 0);
    EXPECT(!pc_get_u32(&r, &u32) && u32 == 0);
    EXPECT(r.err == PC_EBADBOOL && r.pos == 1 && !pc_ok(&r));
}

static void writer_errors(void)
{
    uint8_t small[3];

    pc_writer_init(&w, small, sizeof(small));
    EXPECT(pc_put_u16(&w, 65535) && w.len == 3);
    EXPECT(!pc_put_u8(&w, 1) && w.err == PC_ENOSPACE && w.len == 3);
    EXPECT(!pc_put_u8(&w, 1) && w.err == PC_ENOSPACE);

    pc_writer_init(&w, small, sizeof(small));
    EXPECT(!pc_put_str(&w, "\xc0\x80", 2) && w.err == PC_EBADUTF8 && w.len == 0);
    pc_writer_init(&w, small, sizeof(small));
    EXPECT(!pc_put_bytes(&w, "abc", 3) && w.err == PC_ENOSPACE);
    pc_writer_init(&w, small, sizeof(small));
    EXPECT(!pc_put_char(&w, 0xd800) && w.err == PC_ERANGE);
    pc_writer_init(&w, small, sizeof(small));
    EXPECT(!pc_put_char(&w, 0x110000) && w.err == PC_ERANGE);
}

/* ------------------------------------------------------------ struct helpers */

/* Rust: struct Sample { id: u32, delta: i16, flag: bool, ratio: f64, big: u64, level: i8 } */
struct sample {
    uint32_t id;
    int16_t delta;
    bool flag;
    double ratio;
    unsigned long long big;
    int8_t level;
};

static bool sample_encode(struct pc_writer *wr, const struct sample *s)
{
    pc_put(wr, s->id);
    pc_put(wr, s->delta);
    pc_put(wr, s->flag);
    pc_put(wr, s->ratio);
    pc_put(wr, s->big);
    pc_put(wr, s->level);
    return pc_ok(wr);
}

static bool sample_decode(struct pc_reader *rd, struct sample *s)
{
    pc_get(rd, &s->id);
    pc_get(rd, &s->delta);
    pc_get(rd, &s->flag);
    pc_get(rd, &s->ratio);
    pc_get(rd, &s->big);
    pc_get(rd, &s->level);
    return pc_ok(rd);
}

static void struct_helpers(void)
{
    struct sample in = {.id = 300, .delta = -1, .flag = true, .ratio = 0.5, .big = 1, .level = -2}, out;

    start_write();
    EXPECT(sample_encode(&w, &in));
    EXPECT(wrote("ac 02 01 01 00 00 00 00 00 00 e0 3f 01 fe"));
    pc_reader_init(&r, wbuf, w.len);
    EXPECT(sample_decode(&r, &out) && pc_remaining(&r) == 0);
    EXPECT(out.id == in.id && out.delta == in.delta && out.flag && out.ratio == in.ratio && out.big == 1
           && out.level == -2);
    for (size_t cut = 0; cut < w.len; cut++) {
        pc_reader_init(&r, wbuf, cut);
        EXPECT(!sample_decode(&r, &out) && r.err == PC_ETRUNCATED);
    }
}

/* ------------------------------------------------------------ property test */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Random values skewed towards every varint length: a random bit width, then random bits. */
static uint64_t rng_bits(void)
{
    unsigned bits = (unsigned)(rng() % 65);
    return bits == 0 ? 0 : rng() >> (64 - bits);
}

enum kind { K_U16, K_U32, K_U64, K_I16, K_I32, K_I64, K_U128, K_I128, K_F32, K_F64, K_BOOL, K_U8, K_I8,
            K_STR, K_OPT, K_COUNT };

struct value {
    enum kind kind;
    uint64_t u;
    pc_u128 wide;
    double f;
    char str[8];
    size_t len;
};

/* Shortest unsigned varint length of v. */
static size_t varint_len(pc_u128 v)
{
    size_t n = 1;
    while (v >>= 7) {
        n++;
    }
    return n;
}

static void random_value(struct value *v)
{
    v->kind = (enum kind)(rng() % K_COUNT);
    v->u = rng_bits();
    v->wide = ((pc_u128)rng_bits() << (rng() % 65)) | rng_bits();
    uint64_t fb = rng();
    memcpy(&v->f, &fb, sizeof(v->f));
    if (v->f != v->f) {
        v->f = 0.25; /* NaN != NaN: compare something comparable */
    }
    v->len = (size_t)(rng() % sizeof(v->str));
    for (size_t i = 0; i < v->len; i++) {
        v->str[i] = (char)(' ' + rng() % 95);
    }
}

/* Writes v; returns the number of bytes the encoding must take. */
static size_t put_value(const struct value *v)
{
    switch (v->kind) {
    case K_U16: pc_put_u16(&w, (uint16_t)v->u); return varint_len((uint16_t)v->u);
    case K_U32: pc_put_u32(&w, (uint32_t)v->u); return varint_len((uint32_t)v->u);
    case K_U64: pc_put_u64(&w, v->u); return varint_len(v->u);
    case K_I16: pc_put_i16(&w, (int16_t)v->u); return varint_len((uint16_t)(((uint16_t)v->u << 1) ^ -(((uint16_t)v->u >> 15) & 1)));
    case K_I32: pc_put_i32(&w, (int32_t)v->u); return varint_len((uint32_t)(((uint32_t)v->u << 1) ^ -(((uint32_t)v->u >> 31) & 1)));
    case K_I64: pc_put_i64(&w, (int64_t)v->u); return varint_len((v->u << 1) ^ -(v->u >> 63));
    case K_U128: pc_put_u128(&w, v->wide); return varint_len(v->wide);
    case K_I128: pc_put_i128(&w, (pc_i128)v->wide); return varint_len((v->wide << 1) ^ -(v->wide >> 127));
    case K_F32: pc_put_f32(&w, (float)v->f); return 4;
    case K_F64: pc_put_f64(&w, v->f); return 8;
    case K_BOOL: pc_put_bool(&w, v->u & 1); return 1;
    case K_U8: pc_put_u8(&w, (uint8_t)v->u); return 1;
    case K_I8: pc_put_i8(&w, (int8_t)v->u); return 1;
    case K_STR: pc_put_str(&w, v->str, v->len); return 1 + v->len;
    case K_OPT:
        pc_put_option(&w, v->u & 1);
        if (v->u & 1) {
            pc_put_u32(&w, (uint32_t)v->u);
            return 1 + varint_len((uint32_t)v->u);
        }
        return 1;
    case K_COUNT: break;
    }
    return 0;
}

/* Reads a value of v's kind and compares it with v. */
static bool get_matches(const struct value *v)
{
    uint16_t u16; uint32_t u32; uint64_t u64; int16_t i16; int32_t i32; int64_t i64;
    pc_u128 u128; pc_i128 i128; float f32; double f64; bool b; uint8_t u8; int8_t i8;
    const char *s; size_t n;

    switch (v->kind) {
    case K_U16: return pc_get_u16(&r, &u16) && u16 == (uint16_t)v->u;
    case K_U32: return pc_get_u32(&r, &u32) && u32 == (uint32_t)v->u;
    case K_U64: return pc_get_u64(&r, &u64) && u64 == v->u;
    case K_I16: return pc_get_i16(&r, &i16) && i16 == (int16_t)v->u;
    case K_I32: return pc_get_i32(&r, &i32) && i32 == (int32_t)v->u;
    case K_I64: return pc_get_i64(&r, &i64) && i64 == (int64_t)v->u;
    case K_U128: return pc_get_u128(&r, &u128) && u128 == v->wide;
    case K_I128: return pc_get_i128(&r, &i128) && i128 == (pc_i128)v->wide;
    case K_F32: return pc_get_f32(&r, &f32) && (f32 == (float)v->f || isnan(f32));
    case K_F64: return pc_get_f64(&r, &f64) && f64 == v->f;
    case K_BOOL: return pc_get_bool(&r, &b) && b == (v->u & 1);
    case K_U8: return pc_get_u8(&r, &u8) && u8 == (uint8_t)v->u;
    case K_I8: return pc_get_i8(&r, &i8) && i8 == (int8_t)v->u;
    case K_STR: return pc_get_str(&r, &s, &n) && n == v->len && memcmp(s, v->str, n) == 0;
    case K_OPT:
        if (!pc_get_option(&r, &b) || b != (v->u & 1)) {
            return false;
        }
        return !b || (pc_get_u32(&r, &u32) && u32 == (uint32_t)v->u);
    case K_COUNT: break;
    }
    return false;
}

#define PROPERTY_RUNS 1000000

/* Messages of 1..4 random values: shortest encoding, exact round trip, every cut is truncated. */
static void property_round_trip(void)
{
    struct value vals[4];

    for (int run = 0; run < PROPERTY_RUNS && !why; run++) {
        size_t nvals = 1 + (size_t)(rng() % 4), expected = 0;
        start_write();
        for (size_t i = 0; i < nvals; i++) {
            random_value(&vals[i]);
            expected += put_value(&vals[i]);
        }
        EXPECT(w.err == PC_OK && w.len == expected);
        pc_reader_init(&r, wbuf, w.len);
        for (size_t i = 0; i < nvals; i++) {
            EXPECT(get_matches(&vals[i]));
        }
        EXPECT(r.err == PC_OK && pc_remaining(&r) == 0);

        size_t cut = (size_t)(rng() % w.len);
        pc_reader_init(&r, wbuf, cut);
        for (size_t i = 0; i < nvals; i++) {
            get_matches(&vals[i]);
        }
        EXPECT(r.err == PC_ETRUNCATED);
    }
}

int main(void)
{
    run("codec/spec-encode", spec_encode);
    run("codec/spec-decode", spec_decode);
    run("codec/edge-values", edge_values);
    run("codec/reader-errors", reader_errors);
    run("codec/errors-are-sticky", errors_are_sticky);
    run("codec/writer-errors", writer_errors);
    run("codec/struct-helpers", struct_helpers);
    run("codec/property-round-trip", property_round_trip);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
