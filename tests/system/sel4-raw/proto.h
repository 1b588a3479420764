/*
 * What the PDs of the sel4-raw test share: channel and child ids (as in
 * sel4-raw.system), the server's operations, and a hex printer for badges.
 */
#ifndef SEL4_RAW_PROTO_H
#define SEL4_RAW_PROTO_H

#include <microkit.h>

#define CLIENT_SERVER_CH 1 /* client's end: pp and notify */
#define SERVER_CLIENT_CH 2 /* server's end: notify */
#define CLIENT_CHILD_CH  4 /* client's end: notify */
#define CHILD_CLIENT_CH  0 /* child's end */
#define CLIENT_IRQ       5 /* an IRQ of the client that never fires */
#define CHILD_ID         3
#define BADRECV_ID       4

/* Microkit's badge for a PPC: bit 63 plus the callee's channel id. */
#define BADGE_PPC (1ULL << 63)

enum { OP_MUL = 1, OP_REVERSE = 2, OP_UNKNOWN = 99 };

static inline void put_hex(seL4_Word x)
{
    int shift = 60;

    microkit_dbg_puts("0x");
    while (shift > 0 && (x >> shift) == 0) {
        shift -= 4;
    }
    for (; shift >= 0; shift -= 4) {
        microkit_dbg_putc("0123456789abcdef"[(x >> shift) & 0xf]);
    }
}

#endif
