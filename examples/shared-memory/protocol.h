/*
 * The messages between client and server, encoded in one place so the
 * encoding can be swapped (e.g. for a generated codec) without touching the
 * PDs.
 *
 *   hello:    label 0, MR0 = HELLO_CALL         -> label 0, MR0 = HELLO_ANSWER
 *   checksum: label LABEL_CHECKSUM, a struct checksum_request as raw bytes in
 *             the message registers              -> label 0 (or a CHECKSUM_E* error),
 *                                                  MR0 = the checksum
 */
#ifndef PROTOCOL_H
#define PROTOCOL_H

#include <stdbool.h>
#include <stdint.h>
#include <microkit.h>

#define HELLO_CALL   0xf00d
#define HELLO_ANSWER 0xf33d

#define LABEL_CHECKSUM 1

/* Sum region_a[a_offset .. +a_length), region_b.field_1, region_b.foo[b_first .. +b_count). */
struct checksum_request {
    uint64_t op; /* CHECKSUM_OP_FOLD */
    uint64_t a_offset;
    uint64_t a_length;
    uint64_t b_first;
    uint64_t b_count;
};

#define CHECKSUM_OP_FOLD 1

/* Answer labels. */
#define CHECKSUM_OK        0
#define CHECKSUM_EBADMSG   1 /* wrong label or length */
#define CHECKSUM_EBADOP    2
#define CHECKSUM_EBADRANGE 3

#define REQUEST_WORDS ((sizeof(struct checksum_request) + sizeof(seL4_Word) - 1) / sizeof(seL4_Word))

_Static_assert(REQUEST_WORDS <= seL4_MsgMaxLength, "request must fit the message registers");

/* The checksum both sides compute: fold one value into the running sum. */
static inline uint64_t checksum_add(uint64_t sum, uint64_t value)
{
    return sum * 31 + value;
}

static inline microkit_msginfo checksum_request_encode(const struct checksum_request *req)
{
    __builtin_memcpy(seL4_GetIPCBuffer()->msg, req, sizeof(*req));
    return microkit_msginfo_new(LABEL_CHECKSUM, REQUEST_WORDS);
}

static inline bool checksum_request_decode(microkit_msginfo info, struct checksum_request *req)
{
    if (microkit_msginfo_get_label(info) != LABEL_CHECKSUM
        || microkit_msginfo_get_count(info) != REQUEST_WORDS) {
        return false;
    }
    __builtin_memcpy(req, seL4_GetIPCBuffer()->msg, sizeof(*req));
    return true;
}

static inline microkit_msginfo checksum_answer_encode(uint64_t status, uint64_t checksum)
{
    microkit_mr_set(0, checksum);
    return microkit_msginfo_new(status, 1);
}

/* Returns the answer's status; *checksum is valid when it is CHECKSUM_OK. */
static inline uint64_t checksum_answer_decode(microkit_msginfo info, uint64_t *checksum)
{
    if (microkit_msginfo_get_count(info) != 1) {
        return CHECKSUM_EBADMSG;
    }
    *checksum = microkit_mr_get(0);
    return microkit_msginfo_get_label(info);
}

#endif
