/*
 * The postcard codec (microkit/postcard.h), in four files: this one (errors,
 * set-up, UTF-8), postcard_wire.c (the wire format's building blocks),
 * postcard_write.c and postcard_read.c. libmicrokit.mk archives the last
 * three one function per member, so a PD links only the functions it uses.
 * Freestanding: no libc calls, so the same files link into PDs and into
 * host tests.
 */
#include "postcard_internal.h"

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
size_t pc_internal_utf8_seq(const uint8_t *s, size_t n, uint32_t *cp)
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

bool pc_internal_utf8_valid(const uint8_t *s, size_t n)
{
    uint32_t cp;

    while (n > 0) {
        size_t len = pc_internal_utf8_seq(s, n, &cp);
        if (len == 0) {
            return false;
        }
        s += len;
        n -= len;
    }
    return true;
}
