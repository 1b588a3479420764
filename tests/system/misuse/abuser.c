/* Raw syscalls on ids this PD was not granted: each must return an error. */
#include <microkit.h>

#define NOTIFY_ONLY 1
#define PP_ONLY     2

static void expect_error(const char *what, seL4_Word err)
{
    microkit_dbg_puts("abuser: ");
    microkit_dbg_puts(what);
    if (err != MK_EINVALID_CAP) {
        microkit_dbg_puts(": TEST_FAIL: expected error 2, got ");
    } else {
        microkit_dbg_puts(": error ");
    }
    microkit_dbg_put32(err);
    microkit_dbg_puts("\n");
}

static void over_long_ppcall(void)
{
    seL4_Word err;
    seL4_MessageInfo_t tag = { { MK_TAG_LENGTH_MASK } }; /* count 127 */
    microkit_msginfo reply = mk_sys_ppcall(PP_ONLY, tag, &err);

    microkit_dbg_puts("abuser: ppcall with count 127: ");
    if (err != MK_OK) {
        microkit_dbg_puts("error ");
        microkit_dbg_put32(err);
    } else if (microkit_msginfo_get_count(reply) == seL4_MsgMaxLength) {
        microkit_dbg_puts("clamped to 120");
    } else {
        microkit_dbg_puts("TEST_FAIL: reply count ");
        microkit_dbg_put32(microkit_msginfo_get_count(reply));
    }
    microkit_dbg_puts("\n");
}

void init(void)
{
    seL4_Word err;

    expect_error("notify on id 5 (no channel)", mk_sys_call1(MK_SYS_NOTIFY, 5));
    expect_error("notify on id 2 (pp only)", mk_sys_call1(MK_SYS_NOTIFY, PP_ONLY));
    expect_error("notify on id 62", mk_sys_call1(MK_SYS_NOTIFY, 62));
    expect_error("notify on id 10000", mk_sys_call1(MK_SYS_NOTIFY, 10000));
    expect_error("irq_ack on id 1 (a channel)", mk_sys_call1(MK_SYS_IRQ_ACK, NOTIFY_ONLY));
    expect_error("irq_ack on id 7 (nothing)", mk_sys_call1(MK_SYS_IRQ_ACK, 7));
    mk_sys_ppcall(NOTIFY_ONLY, microkit_msginfo_new(0, 0), &err);
    expect_error("ppcall on id 1 (notify only)", err);
    mk_sys_ppcall(40, microkit_msginfo_new(0, 0), &err);
    expect_error("ppcall on id 40 (nothing)", err);
    expect_error("pd_restart of 0 (no children)", mk_sys_call2(MK_SYS_PD_RESTART, 0, 0x200000));
    expect_error("pd_stop of 1 (no children)", mk_sys_call1(MK_SYS_PD_STOP, 1));
    expect_error("pd_resume of 2 (no children)", mk_sys_call1(MK_SYS_PD_RESUME, 2));
    over_long_ppcall();
    microkit_dbg_puts("abuser: done\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
