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

/*
 * Exercise 2: write the encoders and decoders (pc_put_variant, pc_put,
 * pc_get_variant, pc_get, pc_ok from <microkit/postcard.h>), then the two
 * helpers that put a message into the IPC buffer and return its msginfo
 * (pc_writer_ipc, pc_ipc_msginfo from <microkit/postcard_ipc.h>):
 *
 *   bool checksum_request_encode(struct pc_writer *w, const struct checksum_request *req);
 *   bool checksum_request_decode(struct pc_reader *r, struct checksum_request *req);
 *   bool checksum_answer_encode(struct pc_writer *w, const struct checksum_answer *ans);
 *   bool checksum_answer_decode(struct pc_reader *r, struct checksum_answer *ans);
 *   microkit_msginfo checksum_request_msg(const struct checksum_request *req);   label LABEL_CHECKSUM
 *   microkit_msginfo checksum_answer_msg(const struct checksum_answer *ans);     label 0
 */

#endif
