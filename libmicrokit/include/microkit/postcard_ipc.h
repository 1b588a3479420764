/*
 * Postcard messages in the IPC buffer: the message registers MR0.. seen as
 * bytes. A message of n bytes travels as ceil(n / 8) registers; the reader
 * gets all of them and ignores the bytes after the message (postcard needs
 * no length, the type says where it ends).
 *
 *     struct pc_writer w;
 *     pc_writer_ipc(&w);
 *     request_encode(&w, &req);
 *     answer = microkit_ppcall(CH_SERVER, pc_ipc_msginfo(&w, LABEL));
 *
 *     struct pc_reader r;
 *     pc_reader_ipc(&r, answer);
 *     if (!answer_decode(&r, &ans)) ... pc_strerror(r.err) ...
 */
#ifndef MICROKIT_POSTCARD_IPC_H
#define MICROKIT_POSTCARD_IPC_H

#include <microkit.h>
#include <microkit/postcard.h>

/* A writer over all the message registers of this PD's IPC buffer. */
static inline void pc_writer_ipc(struct pc_writer *w)
{
    pc_writer_init(w, seL4_GetIPCBuffer()->msg, sizeof(seL4_GetIPCBuffer()->msg));
}

/*
 * The msginfo sending what w holds with label. Zeroes the rest of the last
 * register first, so no stale bytes of earlier messages reach the receiver.
 */
static inline microkit_msginfo pc_ipc_msginfo(struct pc_writer *w, seL4_Word label)
{
    size_t words = (w->len + sizeof(seL4_Word) - 1) / sizeof(seL4_Word);

    for (size_t i = w->len; i < words * sizeof(seL4_Word); i++) {
        w->buf[i] = 0;
    }
    return microkit_msginfo_new(label, (seL4_Uint16)words);
}

/* A reader over the message registers of the message described by info. */
static inline void pc_reader_ipc(struct pc_reader *r, microkit_msginfo info)
{
    seL4_Word count = microkit_msginfo_get_count(info);

    if (count > seL4_MsgMaxLength) {
        count = seL4_MsgMaxLength; /* a bad count must not make the reader run off the buffer */
    }
    pc_reader_init(r, seL4_GetIPCBuffer()->msg, count * sizeof(seL4_Word));
}

#endif
