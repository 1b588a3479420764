/*
 * libFuzzer target for the postcard reader. The input is a small "schema"
 * and the bytes to decode: byte 0 gives the number of reads (mod 32), the
 * next bytes pick each read's type, the rest is the message. Beyond "no
 * crash, no out-of-bounds access" (ASan/UBSan), it checks the reader's
 * promises: the position never passes the end, an error is sticky and stops
 * the reader, returned strings lie inside the message and are valid UTF-8
 * (re-encoding accepts them), and every value read re-encodes to a form no
 * longer than the bytes it was read from and decodes back to itself.
 *
 *   make fuzz-codec FUZZ_SECONDS=600
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microkit/postcard.h>

#define CHECK(cond)                                                               \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                              \
        }                                                                         \
    } while (0)

enum op { OP_BOOL, OP_U8, OP_I8, OP_U16, OP_U32, OP_U64, OP_I16, OP_I32, OP_I64, OP_U128, OP_I128,
          OP_F32, OP_F64, OP_BYTES, OP_STR, OP_CHAR, OP_OPTION, OP_SEQ, OP_VARIANT, OP_COUNT };

/* Decode one value of type op from r; on success re-encode it into w. */
static void read_one(struct pc_reader *r, struct pc_writer *w, unsigned op)
{
    union {
        bool b; uint8_t u8; int8_t i8; uint16_t u16; uint32_t u32; uint64_t u64;
        int16_t i16; int32_t i32; int64_t i64; pc_u128 u128; pc_i128 i128; float f32; double f64;
        size_t n;
    } v;
    const uint8_t *bytes;
    const char *str;
    size_t n;

    switch (op) {
    case OP_BOOL: if (pc_get_bool(r, &v.b)) pc_put_bool(w, v.b); break;
    case OP_U8: if (pc_get_u8(r, &v.u8)) pc_put_u8(w, v.u8); break;
    case OP_I8: if (pc_get_i8(r, &v.i8)) pc_put_i8(w, v.i8); break;
    case OP_U16: if (pc_get_u16(r, &v.u16)) pc_put_u16(w, v.u16); break;
    case OP_U32: if (pc_get_u32(r, &v.u32)) pc_put_u32(w, v.u32); break;
    case OP_U64: if (pc_get_u64(r, &v.u64)) pc_put_u64(w, v.u64); break;
    case OP_I16: if (pc_get_i16(r, &v.i16)) pc_put_i16(w, v.i16); break;
    case OP_I32: if (pc_get_i32(r, &v.i32)) pc_put_i32(w, v.i32); break;
    case OP_I64: if (pc_get_i64(r, &v.i64)) pc_put_i64(w, v.i64); break;
    case OP_U128: if (pc_get_u128(r, &v.u128)) pc_put_u128(w, v.u128); break;
    case OP_I128: if (pc_get_i128(r, &v.i128)) pc_put_i128(w, v.i128); break;
    case OP_F32: if (pc_get_f32(r, &v.f32)) pc_put_f32(w, v.f32); break;
    case OP_F64: if (pc_get_f64(r, &v.f64)) pc_put_f64(w, v.f64); break;
    case OP_BYTES:
        if (pc_get_bytes(r, &bytes, &n)) {
            CHECK(bytes >= r->buf && bytes + n <= r->buf + r->pos);
            pc_put_bytes(w, bytes, n);
        }
        break;
    case OP_STR:
        if (pc_get_str(r, &str, &n)) {
            CHECK((const uint8_t *)str >= r->buf && (const uint8_t *)str + n <= r->buf + r->pos);
            pc_put_str(w, str, n);
            CHECK(w->err != PC_EBADUTF8); /* the writer's UTF-8 check agrees */
        }
        break;
    case OP_CHAR: if (pc_get_char(r, &v.u32)) CHECK(pc_put_char(w, v.u32)); break;
    case OP_OPTION: if (pc_get_option(r, &v.b)) pc_put_option(w, v.b); break;
    case OP_SEQ: if (pc_get_seq_len(r, 1000, &v.n)) pc_put_seq_len(w, v.n); break;
    case OP_VARIANT: if (pc_get_variant(r, 7, &v.u32)) pc_put_variant(w, v.u32); break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    size_t nops = data[0] % 32;
    if (size < 1 + nops) {
        return 0;
    }
    const uint8_t *ops = data + 1;
    const uint8_t *msg = ops + nops;
    size_t len = size - 1 - nops;

    struct pc_reader r;
    pc_reader_init(&r, msg, len);
    for (size_t i = 0; i < nops; i++) {
        unsigned op = ops[i] % OP_COUNT;
        size_t before = r.pos;
        enum pc_error err_before = r.err;
        uint8_t out[64];
        struct pc_writer w;
        pc_writer_init(&w, out, sizeof(out));

        read_one(&r, &w, op);
        CHECK(r.pos <= r.len);
        if (err_before != PC_OK) {
            CHECK(r.err == err_before && r.pos == before); /* sticky: nothing more is read */
            continue;
        }
        if (r.err != PC_OK) {
            CHECK(pc_strerror(r.err)[0] != '\0');
            continue;
        }
        if (op == OP_BYTES || op == OP_STR) {
            /* Same length prefix rules; the payload may not fit out[]. */
            CHECK(w.err == PC_OK || w.err == PC_ENOSPACE);
            continue;
        }
        CHECK(w.err == PC_OK);
        CHECK(w.len <= r.pos - before); /* encoders write the shortest form */

        /* What was written reads back the same. */
        struct pc_reader again;
        uint8_t out2[64];
        struct pc_writer w2;
        pc_reader_init(&again, out, w.len);
        pc_writer_init(&w2, out2, sizeof(out2));
        read_one(&again, &w2, op);
        CHECK(again.err == PC_OK && again.pos == w.len);
        CHECK(w2.len == w.len && memcmp(out, out2, w.len) == 0);
    }
    return 0;
}
