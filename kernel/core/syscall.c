/*
 * The syscall table, indexed by the number in x8 straight from the exception
 * vector (arch/aarch64/entry.S). Every handler gets the arguments x0..x3 and
 * the calling PD, writes its results into the frame of whichever PD they are
 * for, and returns the PD to run next. A NULL entry is a syscall this kernel
 * does not implement: the PD faults (unknown syscall).
 */
#include "kernel.h"

static SYSCALL(sys_putc)
{
    (void)a1, (void)a2, (void)a3, (void)self;
    plat_putc((char)a0);
    return self;
}

const syscall_fn syscall_table[MK_SYS_COUNT] = {
    [MK_SYS_PUTC] = sys_putc,
    [MK_SYS_NOTIFY] = sys_notify,
    [MK_SYS_PPCALL] = sys_ppcall,
    [MK_SYS_WAIT] = sys_wait,
    [MK_SYS_IRQ_ACK] = sys_irq_ack,
    [MK_SYS_PD_RESTART] = sys_pd_restart,
    [MK_SYS_PD_STOP] = sys_pd_stop,
    [MK_SYS_PD_RESUME] = sys_pd_resume,
    [MK_SYS_CACHE] = sys_cache,
    [MK_SYS_POLL] = sys_poll,
    [MK_SYS_YIELD] = sys_yield,
    [MK_SYS_READ_REGS] = sys_pd_read_regs,
    [MK_SYS_SMC] = sys_smc,
    [MK_SYS_VCPU] = sys_vcpu,
};
