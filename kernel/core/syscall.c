/* The syscall table: every handler takes the calling PD and returns the PD to run next. */
#include "kernel.h"

typedef struct pd *(*syscall_fn)(struct pd *self);

static struct pd *sys_putc(struct pd *self)
{
    plat_putc((char)self->regs.x[0]);
    return self;
}

static const syscall_fn syscalls[MK_SYS_COUNT] = {
    [MK_SYS_PUTC] = sys_putc,
    [MK_SYS_NOTIFY] = sys_notify,
    [MK_SYS_PPCALL] = sys_ppcall,
    [MK_SYS_WAIT] = sys_wait,
};

struct pd *syscall_dispatch(struct pd *self)
{
    u64 n = self->regs.x[8];

    if (n >= MK_SYS_COUNT || !syscalls[n])
        return fault_unknown_syscall(self);
    return syscalls[n](self);
}
