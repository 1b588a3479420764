/*
 * The postcard wire format's building blocks, shared by the writers
 * (postcard_write.c) and readers (postcard_read.c); postcard.c explains
 * the split. Each is its own archive member, linked once however many
 * writers or readers use it.
 */
#include "postcard_internal.h"

bool pc_internal_wfail(struct pc_writer *w, enum pc_error err)
{
    if (w->err == PC_OK) {
        w->err = err;
    }
    return false;
}

bool pc_internal_put_raw(struct pc_writer *w, const void *bytes, size_t n)
{
    const uint8_t *b = bytes;

    if (w->err != PC_OK) {
        return false;
    }
    if (n > w->cap - w->len) {
        return pc_internal_wfail(w, PC_ENOSPACE);
    }
    for (size_t i = 0; i < n; i++) {
        w->buf[w->len + i] = b[i];
    }
    w->len += n;
    return true;
}

bool pc_internal_put_le(struct pc_writer *w, uint64_t v, size_t n)
{
    uint8_t b[8];

    for (size_t i = 0; i < n; i++) {
        b[i] = (uint8_t)(v >> (8 * i));
    }
    return pc_internal_put_raw(w, b, n);
}

bool pc_internal_put_varint(struct pc_writer *w, uint64_t v)
{
    uint8_t b[VARINT_MAX_U64];
    size_t n = 0;

    do {
        b[n] = (uint8_t)(v & 0x7f);
        v >>= 7;
        b[n++] |= v ? 0x80 : 0;
    } while (v);
    return pc_internal_put_raw(w, b, n);
}

bool pc_internal_rfail(struct pc_reader *r, enum pc_error err)
{
    if (r->err == PC_OK) {
        r->err = err;
    }
    return false;
}

bool pc_internal_get_byte(struct pc_reader *r, uint8_t *b)
{
    *b = 0;
    if (r->err != PC_OK) {
        return false;
    }
    if (r->pos >= r->len) {
        return pc_internal_rfail(r, PC_ETRUNCATED);
    }
    *b = r->buf[r->pos++];
    return true;
}

bool pc_internal_get_le(struct pc_reader *r, size_t n, uint64_t *v)
{
    *v = 0;
    if (r->err != PC_OK) {
        return false;
    }
    if (n > pc_remaining(r)) {
        return pc_internal_rfail(r, PC_ETRUNCATED);
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
bool pc_internal_get_varint(struct pc_reader *r, size_t max_bytes, uint64_t max, uint64_t *v)
{
    *v = 0;
    for (size_t i = 0; i < max_bytes; i++) {
        uint8_t b;
        if (!pc_internal_get_byte(r, &b)) {
            *v = 0;
            return false;
        }
        uint64_t part = b & 0x7f;
        unsigned shift = 7 * (unsigned)i;
        if ((part << shift) >> shift != part) {
            *v = 0;
            return pc_internal_rfail(r, PC_ERANGE);
        }
        *v |= part << shift;
        if (!(b & 0x80)) {
            if (*v > max) {
                *v = 0;
                return pc_internal_rfail(r, PC_ERANGE);
            }
            return true;
        }
    }
    *v = 0;
    return pc_internal_rfail(r, PC_EOVERLONG);
}

/* One byte that must be 0 or 1: a bool, or an Option's tag (`bad` names which). */
bool pc_internal_get_flag(struct pc_reader *r, bool *out, enum pc_error bad)
{
    uint8_t b;

    *out = false;
    if (!pc_internal_get_byte(r, &b)) {
        return false;
    }
    if (b > 1) {
        return pc_internal_rfail(r, bad);
    }
    *out = b;
    return true;
}
