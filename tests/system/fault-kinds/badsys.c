/*
 * Makes syscall 99, which does not exist, with marked values in x0..x7 and
 * x30 so the parent can check the unknown-syscall message. The svc never
 * returns: its parent leaves it blocked, and it has clobbered x30.
 */
#include <microkit.h>
#include "info.h"

uintptr_t info;

extern char bad_syscall_svc[];
void bad_syscall(void) __attribute__((noreturn));

__asm__(".text\n"
        ".global bad_syscall\n"
        ".type bad_syscall, %function\n"
        "bad_syscall:\n"
        "    mov x0, #0xa0\n"
        "    mov x1, #0xa1\n"
        "    mov x2, #0xa2\n"
        "    mov x3, #0xa3\n"
        "    mov x4, #0xa4\n"
        "    mov x5, #0xa5\n"
        "    mov x6, #0xa6\n"
        "    mov x7, #0xa7\n"
        "    mov x8, #99\n"
        "    mov x30, #0x1e00\n"
        ".global bad_syscall_svc\n"
        "bad_syscall_svc:\n"
        "    svc #0\n"
        "    b .\n");

void init(void)
{
    ((volatile struct info *)info)->svc_pc = (seL4_Word)bad_syscall_svc;
    microkit_dbg_puts("badsys: making syscall 99\n");
    bad_syscall();
}

void notified(microkit_channel ch)
{
    (void)ch;
}
