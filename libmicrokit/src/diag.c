/*
 * Diagnostics: the out-of-line halves of microkit.h's checks, the weak
 * default entry points and __assert_fail. Every line starts with the PD name.
 */
#include <microkit.h>

/* microkit_name is unterminated when the name is 64 bytes long. */
static void put_pd_name(void)
{
    for (int i = 0; i < MICROKIT_PD_NAME_LENGTH && microkit_name[i] != '\0'; i++) {
        microkit_dbg_putc(microkit_name[i]);
    }
}

void microkit_internal_bad_id(const char *function, const char *what, microkit_channel id)
{
#ifdef CONFIG_DEBUG_BUILD
    /* Debug builds: granted, but for the other kind of use: say what the .system lacks. */
    bool is_ppc = function[9] == 'p'; /* "microkit_ppcall" */
    seL4_Word other = is_ppc ? microkit_notifications : microkit_pps;

    if (what[0] == 'c' && id <= MICROKIT_MAX_CHANNEL_ID && (other & (1ULL << id))) {
        put_pd_name();
        microkit_dbg_puts(": ");
        microkit_dbg_puts(function);
        microkit_dbg_puts(": channel ");
        microkit_dbg_put32(id);
        microkit_dbg_puts(is_ppc ? " is granted for notifications only; for protected procedure calls add "
                                   "pp=\"true\" on <end pd=\""
                                 : " is granted for protected procedure calls only; to notify on it, remove "
                                   "notify=\"false\" from <end pd=\"");
        put_pd_name();
        microkit_dbg_puts("\" id=\"");
        microkit_dbg_put32(id);
        microkit_dbg_puts("\"> in the system description\n");
        return;
    }
#endif
    put_pd_name();
    microkit_dbg_puts(": ");
    microkit_dbg_puts(function);
    microkit_dbg_puts(": invalid ");
    microkit_dbg_puts(what);
    microkit_dbg_puts(" id ");
    microkit_dbg_put32(id);
    microkit_dbg_puts(" (not granted to this PD by the system description)\n");
}

void microkit_internal_kernel_error(const char *function, microkit_child child, seL4_Word err)
{
    put_pd_name();
    microkit_dbg_puts(": ");
    microkit_dbg_puts(function);
    microkit_dbg_puts(" on id ");
    microkit_dbg_put32(child);
    microkit_dbg_puts(" failed with kernel error ");
    microkit_dbg_put32((seL4_Uint32)err);
    microkit_dbg_puts("\n");
    microkit_internal_crash((seL4_Error)err);
}

void microkit_internal_smc_error(seL4_Word err)
{
    put_pd_name();
    microkit_dbg_puts(": microkit_arm_smc_call: error calling SMC (kernel error ");
    microkit_dbg_put32((seL4_Uint32)err);
    microkit_dbg_puts(err == seL4_InvalidCapability ? "; this PD needs smc=\"true\" in the system description)\n"
                                                    : ")\n");
    microkit_internal_crash((seL4_Error)err);
}

static void missing_entry_point(const char *name)
{
    put_pd_name();
    microkit_dbg_puts(": entry point '");
    microkit_dbg_puts(name);
    microkit_dbg_puts("' was called but this PD does not define it\n");
    microkit_internal_crash(seL4_NoError);
}

__attribute__((weak)) microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    (void)ch;
    (void)msginfo;
    missing_entry_point("protected");
    return seL4_MessageInfo_new(0, 0, 0, 0);
}

__attribute__((weak)) seL4_Bool fault(microkit_child child, microkit_msginfo msginfo,
                                      microkit_msginfo *reply_msginfo)
{
    (void)child;
    (void)msginfo;
    (void)reply_msginfo;
    missing_entry_point("fault");
    return seL4_False;
}

__attribute__((weak)) void __assert_fail(const char *expr, const char *file, int line, const char *function)
{
    put_pd_name();
    microkit_dbg_puts(": assertion '");
    microkit_dbg_puts(expr);
    microkit_dbg_puts("' failed at ");
    microkit_dbg_puts(file);
    microkit_dbg_puts(":");
    microkit_dbg_put32((seL4_Uint32)line);
    microkit_dbg_puts(" in ");
    microkit_dbg_puts(function);
    microkit_dbg_puts("\n");
    microkit_internal_crash(seL4_NoError);
}
