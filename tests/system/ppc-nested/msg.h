/*
 * The messages of the chain a -> b -> c and back: label L and MR i = BASE + i
 * for all 120 MRs, a different BASE per hop so a stale buffer is caught.
 */
#ifndef MSG_H
#define MSG_H

#include <microkit.h>

#define ALL_MRS seL4_MsgMaxLength

#define A_TO_B 0x0a0b000000000000ULL /* label 0xab */
#define B_TO_C 0x0b0c000000000000ULL /* label 0xbc */
#define C_TO_B 0x0c0b000000000000ULL /* label 0xcb */
#define B_TO_A 0x0b0a000000000000ULL /* label 0xba */

static inline void fill(seL4_Word base)
{
    for (unsigned i = 0; i < ALL_MRS; i++) {
        microkit_mr_set(i, base + i);
    }
}

/* True if msginfo has the label and all 120 MRs hold base + i. */
static inline bool check(microkit_msginfo msginfo, seL4_Word label, seL4_Word base)
{
    if (microkit_msginfo_get_label(msginfo) != label || microkit_msginfo_get_count(msginfo) != ALL_MRS) {
        return false;
    }
    for (unsigned i = 0; i < ALL_MRS; i++) {
        if (microkit_mr_get(i) != base + i) {
            return false;
        }
    }
    return true;
}

static inline void verdict(const char *who, bool ok, const char *what)
{
    microkit_dbg_puts(who);
    microkit_dbg_puts(ok ? ": " : ": TEST_FAIL: ");
    microkit_dbg_puts(what);
    microkit_dbg_puts(ok ? " ok\n" : " wrong (label, count 120 or MR values)\n");
}

#endif
