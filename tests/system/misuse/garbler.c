/*
 * Makes each syscall with all ones in every other register (x0..x7,
 * x9..x30), then syscall number ~0, which does not exist and must fault.
 */
#include <microkit.h>

/* x0 = syscall number, x1 = where to store the returned x1; returns x0. */
seL4_Word garbage_syscall(seL4_Word nr, seL4_Word *x1_out);

__asm__(".text\n"
        ".global garbage_syscall\n"
        ".type garbage_syscall, %function\n"
        "garbage_syscall:\n"
        "    stp x29, x30, [sp, #-112]!\n"
        "    stp x19, x20, [sp, #16]\n"
        "    stp x21, x22, [sp, #32]\n"
        "    stp x23, x24, [sp, #48]\n"
        "    stp x25, x26, [sp, #64]\n"
        "    stp x27, x28, [sp, #80]\n"
        "    str x1, [sp, #96]\n"
        "    mov x8, x0\n"
        "    mov x0, #-1\n  mov x1, #-1\n  mov x2, #-1\n  mov x3, #-1\n"
        "    mov x4, #-1\n  mov x5, #-1\n  mov x6, #-1\n  mov x7, #-1\n"
        "    mov x9, #-1\n  mov x10, #-1\n mov x11, #-1\n mov x12, #-1\n"
        "    mov x13, #-1\n mov x14, #-1\n mov x15, #-1\n mov x16, #-1\n"
        "    mov x17, #-1\n mov x18, #-1\n mov x19, #-1\n mov x20, #-1\n"
        "    mov x21, #-1\n mov x22, #-1\n mov x23, #-1\n mov x24, #-1\n"
        "    mov x25, #-1\n mov x26, #-1\n mov x27, #-1\n mov x28, #-1\n"
        "    mov x29, #-1\n mov x30, #-1\n"
        "    svc #0\n"
        "    ldr x2, [sp, #96]\n"
        "    str x1, [x2]\n"
        "    ldp x19, x20, [sp, #16]\n"
        "    ldp x21, x22, [sp, #32]\n"
        "    ldp x23, x24, [sp, #48]\n"
        "    ldp x25, x26, [sp, #64]\n"
        "    ldp x27, x28, [sp, #80]\n"
        "    ldp x29, x30, [sp], #112\n"
        "    ret\n");

static void try(const char *name, seL4_Word nr, bool error_in_x1)
{
    seL4_Word x1;
    seL4_Word x0 = garbage_syscall(nr, &x1);
    seL4_Word err = error_in_x1 ? x1 : x0;

    microkit_dbg_puts("garbler: ");
    microkit_dbg_puts(name);
    microkit_dbg_puts(err == MK_OK ? ": TEST_FAIL: succeeded\n" : ": error\n");
}

void init(void)
{
    try("notify", MK_SYS_NOTIFY, false);
    try("ppcall", MK_SYS_PPCALL, true);
    try("irq_ack", MK_SYS_IRQ_ACK, false);
    try("pd_restart", MK_SYS_PD_RESTART, false);
    try("pd_stop", MK_SYS_PD_STOP, false);
    try("pd_resume", MK_SYS_PD_RESUME, false);
    microkit_dbg_puts("garbler: syscall 0xffffffffffffffff\n");
    seL4_Word x1;
    garbage_syscall(~0ULL, &x1);
    microkit_dbg_puts("garbler: TEST_FAIL: an unknown syscall returned\n");
}

void notified(microkit_channel ch)
{
    (void)ch;
}
