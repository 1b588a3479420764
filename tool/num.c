/* Number parsers; see num.h. */
#include "num.h"

#include <stdlib.h>
#include <string.h>

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

/* Digits only (after an optional '+'), in the given base, skipping '_' if asked. */
static enum num_status parse_digits(const char *s, unsigned base, int skip_underscore, uint64_t *out)
{
    uint64_t v = 0;
    int ndigits = 0, overflow = 0;
    if (*s == '+')
        s++;
    for (; *s; s++) {
        if (skip_underscore && *s == '_')
            continue;
        unsigned d = (unsigned)digit_value(*s);
        if (d >= base)
            return NUM_INVALID;
        if (v > (UINT64_MAX - d) / base)
            overflow = 1;
        v = v * base + d;
        ndigits++;
    }
    if (!ndigits)
        return NUM_EMPTY;
    if (overflow)
        return NUM_OVERFLOW;
    *out = v;
    return NUM_OK;
}

enum num_status num_parse_sdf(const char *s, uint64_t *out)
{
    /* "0_x10" is "0x10" once underscores are gone: find the first two non-'_' chars. */
    const char *p = s;
    while (*p == '_')
        p++;
    if (*p == '0') {
        const char *q = p + 1;
        while (*q == '_')
            q++;
        if (*q == 'x')
            return parse_digits(q + 1, 16, 1, out);
    }
    return parse_digits(s, 10, 1, out);
}

enum num_status num_parse_dec_unsigned(const char *s, uint64_t *out)
{
    return parse_digits(s, 10, 0, out);
}

enum num_status num_parse_dec_signed(const char *s, int64_t *out)
{
    int neg = *s == '-';
    uint64_t mag;
    enum num_status st = parse_digits(neg ? s + 1 : s, 10, 0, &mag);
    if (neg && s[1] == '+')
        return NUM_INVALID;
    if (st != NUM_OK)
        return st;
    if (mag > (uint64_t)INT64_MAX + neg)
        return NUM_OVERFLOW;
    *out = neg ? (int64_t)(0 - mag) : (int64_t)mag;
    return NUM_OK;
}

const char *num_status_text(enum num_status st)
{
    switch (st) {
    case NUM_OK:
        return "is a number";
    case NUM_EMPTY:
        return "is empty";
    case NUM_INVALID:
        return "is not a number";
    case NUM_OVERFLOW:
        return "is larger than 64 bits";
    }
    return "is not a number";
}
