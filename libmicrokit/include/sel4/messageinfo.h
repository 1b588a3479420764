/*
 * seL4_MessageInfo_t: the one-word message tag (docs/libmicrokit.md, "Types and constants"):
 * bits 63..12 label, 11..9 capsUnwrapped, 8..7 extraCaps, 6..0 length.
 */
#ifndef SEL4_MESSAGEINFO_H
#define SEL4_MESSAGEINFO_H

#include <sel4/types.h>

typedef struct seL4_MessageInfo {
    seL4_Uint64 words[1];
} seL4_MessageInfo_t;

#define SEL4_MI_LABEL_SHIFT 12
#define SEL4_MI_LABEL_MASK  0xfffffffffffffULL
#define SEL4_MI_UNWRAPPED_SHIFT 9
#define SEL4_MI_EXTRA_SHIFT 7
#define SEL4_MI_LENGTH_MASK 0x7fULL

static inline seL4_MessageInfo_t seL4_MessageInfo_new(seL4_Uint64 label, seL4_Uint64 capsUnwrapped,
                                                      seL4_Uint64 extraCaps, seL4_Uint64 length)
{
    seL4_MessageInfo_t mi = { { ((label & SEL4_MI_LABEL_MASK) << SEL4_MI_LABEL_SHIFT)
                                | ((capsUnwrapped & 0x7) << SEL4_MI_UNWRAPPED_SHIFT)
                                | ((extraCaps & 0x3) << SEL4_MI_EXTRA_SHIFT)
                                | (length & SEL4_MI_LENGTH_MASK) } };
    return mi;
}

static inline seL4_Uint64 seL4_MessageInfo_get_label(seL4_MessageInfo_t mi)
{
    return mi.words[0] >> SEL4_MI_LABEL_SHIFT;
}

static inline seL4_Uint64 seL4_MessageInfo_get_capsUnwrapped(seL4_MessageInfo_t mi)
{
    return (mi.words[0] >> SEL4_MI_UNWRAPPED_SHIFT) & 0x7;
}

static inline seL4_Uint64 seL4_MessageInfo_get_extraCaps(seL4_MessageInfo_t mi)
{
    return (mi.words[0] >> SEL4_MI_EXTRA_SHIFT) & 0x3;
}

static inline seL4_Uint64 seL4_MessageInfo_get_length(seL4_MessageInfo_t mi)
{
    return mi.words[0] & SEL4_MI_LENGTH_MASK;
}

static inline seL4_MessageInfo_t seL4_MessageInfo_set_label(seL4_MessageInfo_t mi, seL4_Uint64 v)
{
    mi.words[0] = (mi.words[0] & ((1ULL << SEL4_MI_LABEL_SHIFT) - 1))
                  | ((v & SEL4_MI_LABEL_MASK) << SEL4_MI_LABEL_SHIFT);
    return mi;
}

static inline seL4_MessageInfo_t seL4_MessageInfo_set_capsUnwrapped(seL4_MessageInfo_t mi, seL4_Uint64 v)
{
    mi.words[0] = (mi.words[0] & ~(0x7ULL << SEL4_MI_UNWRAPPED_SHIFT)) | ((v & 0x7) << SEL4_MI_UNWRAPPED_SHIFT);
    return mi;
}

static inline seL4_MessageInfo_t seL4_MessageInfo_set_extraCaps(seL4_MessageInfo_t mi, seL4_Uint64 v)
{
    mi.words[0] = (mi.words[0] & ~(0x3ULL << SEL4_MI_EXTRA_SHIFT)) | ((v & 0x3) << SEL4_MI_EXTRA_SHIFT);
    return mi;
}

static inline seL4_MessageInfo_t seL4_MessageInfo_set_length(seL4_MessageInfo_t mi, seL4_Uint64 v)
{
    mi.words[0] = (mi.words[0] & ~SEL4_MI_LENGTH_MASK) | (v & SEL4_MI_LENGTH_MASK);
    return mi;
}

#endif
