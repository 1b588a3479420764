/*
 * Sets the PL031's match register to the next second and counts the
 * interrupts, MATCHES times. Each one is acknowledged to the kernel while
 * the device still holds its line high, and only then cleared at the
 * device: an edge-triggered IRQ is not delivered again for that, a
 * level-triggered one would be (the handler would then find nothing
 * pending and fail).
 */
#include <microkit.h>

#define RTC_IRQ 2
#define MATCHES 2

#define RTCDR   0x00 /* data: seconds */
#define RTCMR   0x04 /* match */
#define RTCIMSC 0x10 /* interrupt mask set/clear */
#define RTCRIS  0x14 /* raw interrupt status */
#define RTCICR  0x1c /* interrupt clear */

uintptr_t pl031;

static unsigned matches;

static volatile uint32_t *reg(unsigned offset)
{
    return (volatile uint32_t *)(pl031 + offset);
}

static void counter_wait_us(seL4_Word us)
{
    seL4_Word freq, t, until;

    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(t));
    until = t + us * (freq / 1000000);
    while (t < until)
        __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(t));
}

static void match_next_second(void)
{
    *reg(RTCMR) = *reg(RTCDR) + 1;
}

void init(void)
{
    match_next_second();
    *reg(RTCIMSC) = 1;
    microkit_dbg_puts("rtc: match set, edge-triggered\n");
}

void notified(microkit_channel ch)
{
    if (ch != RTC_IRQ || !(*reg(RTCRIS) & 1)) {
        microkit_dbg_puts("rtc: TEST_FAIL: notified without a match pending\n");
        return;
    }
    matches++;
    microkit_dbg_puts("rtc: match ");
    microkit_dbg_put32(matches);
    microkit_dbg_puts("\n");

    /* Unmask while the line is still high: a level IRQ would fire again now. */
    microkit_irq_ack(RTC_IRQ);
    counter_wait_us(1000);
    *reg(RTCICR) = 1;

    if (matches == MATCHES) {
        *reg(RTCIMSC) = 0;
        microkit_dbg_puts("rtc: TEST_PASS\n");
        return;
    }
    match_next_second();
}
