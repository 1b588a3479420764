/*
 * The messages between client and server, encoded in one place.
 *
 *   hello:    label 0, MR0 = HELLO_CALL  -> label 0, MR0 = HELLO_ANSWER
 *   checksum: label LABEL_CHECKSUM, a checksum_request -> label 0, a checksum_answer
 *
 * The checksum messages are postcard-encoded (microkit/postcard.h) in the
 * message registers; a Rust PD using serde + postcard exchanges the same
 * bytes with these types (docs/messages.md):
 *
 *     #[derive(Serialize, Deserialize)]
 *     enum ChecksumOp { Fold }
 *
 *     #[derive(Serialize, Deserialize)]
 *     struct ChecksumRequest { op: ChecksumOp, a_offset: u32, a_length: u32, b_first: u8, b_count: u8 }
 *
 *     #[derive(Serialize, Deserialize)]
 *     enum ChecksumAnswer { Sum(u64), BadMessage, BadRange }
 */
#ifndef PROTOCOL_H
#define PROTOCOL_H

#include <stdbool.h>
#include <stdint.h>
#include <microkit.h>
#include <microkit/postcard_ipc.h>

#define HELLO_CALL   0xf00d
#define HELLO_ANSWER 0xf33d

#define LABEL_CHECKSUM 1

/* ChecksumOp's variant indices. */
enum checksum_op {
    CHECKSUM_OP_FOLD,
    CHECKSUM_NOPS,
};

/* Sum region_a[a_offset .. +a_length), region_b.field_1, region_b.foo[b_first .. +b_count). */
struct checksum_request {
    uint32_t op; /* enum checksum_op */
    uint32_t a_offset;
    uint32_t a_length;
    uint8_t b_first;
    uint8_t b_count;
};

/* ChecksumAnswer's variant indices. */
enum checksum_status {
    CHECKSUM_OK, /* Sum(u64) */
    CHECKSUM_EBADMSG,
    CHECKSUM_EBADRANGE,
    CHECKSUM_NSTATUS,
};

struct checksum_answer {
    uint32_t status; /* enum checksum_status */
    uint64_t sum;    /* when status is CHECKSUM_OK */
};

/* The checksum both sides compute: fold one value into the running sum. */
static inline uint64_t checksum_add(uint64_t sum, uint64_t value)
{
    return sum * 31 + value;
}

static inline bool checksum_request_encode(struct pc_writer *w, const struct checksum_request *req)
{
    pc_put_variant(w, req->op);
    pc_put(w, req->a_offset);
    pc_put(w, req->a_length);
    pc_put(w, req->b_first);
    pc_put(w, req->b_count);
    return pc_ok(w);
}

static inline bool checksum_request_decode(struct pc_reader *r, struct checksum_request *req)
{
    pc_get_variant(r, CHECKSUM_NOPS, &req->op);
    pc_get(r, &req->a_offset);
    pc_get(r, &req->a_length);
    pc_get(r, &req->b_first);
    pc_get(r, &req->b_count);
    return pc_ok(r);
}

static inline bool checksum_answer_encode(struct pc_writer *w, const struct checksum_answer *ans)
{
    pc_put_variant(w, ans->status);
    if (ans->status == CHECKSUM_OK) {
        pc_put(w, ans->sum);
    }
    return pc_ok(w);
}

static inline bool checksum_answer_decode(struct pc_reader *r, struct checksum_answer *ans)
{
    pc_get_variant(r, CHECKSUM_NSTATUS, &ans->status);
    if (ans->status == CHECKSUM_OK) {
        pc_get(r, &ans->sum);
    }
    return pc_ok(r);
}

/* At most 1 + 5 + 5 + 1 + 1 and 1 + 10 bytes: encoding into the IPC buffer cannot fail. */
_Static_assert(seL4_MsgMaxLength * sizeof(seL4_Word) >= 17, "messages must fit the message registers");

/* The request or answer in the IPC buffer, and its msginfo. */
static inline microkit_msginfo checksum_request_msg(const struct checksum_request *req)
{
    struct pc_writer w;

    pc_writer_ipc(&w);
    checksum_request_encode(&w, req);
    return pc_ipc_msginfo(&w, LABEL_CHECKSUM);
}

static inline microkit_msginfo checksum_answer_msg(const struct checksum_answer *ans)
{
    struct pc_writer w;

    pc_writer_ipc(&w);
    checksum_answer_encode(&w, ans);
    return pc_ipc_msginfo(&w, 0);
}

#endif
