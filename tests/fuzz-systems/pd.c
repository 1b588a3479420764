/*
 * The PD of every generated system (tests/fuzz-systems/gen.py): something
 * harmless, then wait. In init it touches the RAM maps the generator told it
 * about (fz_rd*: read one byte; fz_wr*: write and read back), notifies each
 * channel it may notify once and calls each channel it may call once; it
 * answers calls and ignores notifications and IRQs, so the system goes idle
 * and --exit-when-idle powers the machine off (or, when a PD has an IRQ the
 * kernel must keep waiting for, the runner stops QEMU once every PD has
 * printed the FZ_DONE character at the end of its init). The fz_var* words are targets
 * for every other setvar the generator emits. Built twice: plain, and with
 * -DBIG (a large .bss and .data, other segment layouts).
 */
#include <microkit.h>
#include <stdint.h>

#define VARS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)
#define DECLARE(n) uintptr_t fz_var##n;
VARS(DECLARE)

uintptr_t fz_rd0, fz_rd1, fz_rd2, fz_rd3;
uintptr_t fz_wr0, fz_wr1, fz_wr2, fz_wr3;

#ifdef BIG
static volatile uint8_t big_bss[3 << 20];
volatile uint8_t big_data[64 << 10] = {1};
#endif

#define FZ_DONE 0x06 /* ASCII ACK, never part of the kernel's messages */

static volatile uint8_t sink;

static void touch_rd(uintptr_t va)
{
    if (va)
        sink = *(volatile uint8_t *)va;
}

static void touch_wr(uintptr_t va)
{
    if (!va)
        return;
    volatile uint8_t *p = (volatile uint8_t *)va;
    *p = 0x5a;
    if (*p != 0x5a)
        microkit_dbg_puts("FZ_FAIL: write to a RAM map did not stick\n");
}

void init(void)
{
    touch_rd(fz_rd0), touch_rd(fz_rd1), touch_rd(fz_rd2), touch_rd(fz_rd3);
    touch_wr(fz_wr0), touch_wr(fz_wr1), touch_wr(fz_wr2), touch_wr(fz_wr3);
#ifdef BIG
    big_bss[sizeof(big_bss) - 1] = big_data[0];
#endif
    for (microkit_channel ch = 0; ch < 62; ch++)
        if (microkit_notifications & (1ULL << ch))
            microkit_notify(ch);
    for (microkit_channel ch = 0; ch < 62; ch++)
        if (microkit_pps & (1ULL << ch))
            (void)microkit_ppcall(ch, microkit_msginfo_new(ch, 0));
    /* One character, one kernel call: PDs preempted while printing cannot split it. The runner counts them. */
    microkit_dbg_putc(FZ_DONE);
}

void notified(microkit_channel ch)
{
    (void)ch;
}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo)
{
    (void)ch;
    return msginfo;
}
