/*
 * A fault-driven test runner shared by a parent PD and its child (id 1).
 * The child runs case next_case of its table: it first writes what the
 * case must end in (the fault label and the registers the message must
 * carry), then runs it. The parent checks the fault message against that,
 * prints one line, and restarts the child at its entry for the next case.
 * A case that does not fault makes the child print TEST_FAIL and execute
 * UDF, which the parent reports as a mismatch.
 */
#ifndef RUNNER_INFO_H
#define RUNNER_INFO_H

#include <microkit.h>

#define CHILD        1
#define CHILD_ENTRY  0x200000
#define NAME_LEN     48

/* What to compare; the fault label is always compared. */
#define CHECK_IP     (1u << 0) /* FaultIP (all three kinds of fault) */
#define CHECK_SP     (1u << 1) /* SP (user exception, unknown syscall) */
#define CHECK_ADDR   (1u << 2) /* VM fault address */
#define CHECK_IFAULT (1u << 3) /* VM fault: an instruction fetch */

struct info {
    seL4_Word good_sp;    /* first: a child's restart stub may reload SP from it */
    seL4_Word restart_pc; /* where the parent restarts the child; 0: CHILD_ENTRY */
    seL4_Word next_case, ncases;
    seL4_Word label, ip, sp, addr, checks;
    seL4_Word secret;   /* a value the child must never obtain (linear-alias) */
    char name[NAME_LEN];
};

/* Unknown-syscall fault message (this kernel's layout, docs/concepts.md, "Children and faults"). */
#define UNKNOWN_SYSCALL_FAULT_IP 8
#define UNKNOWN_SYSCALL_SP       9

#endif
