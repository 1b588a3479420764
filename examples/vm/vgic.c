/*
 * The guest's GICv2 distributor, emulated, and the delivery of its
 * interrupts through the vGIC list registers.
 *
 * The guest's CPU interface is the real GICV frame (vm.system maps it where
 * the guest expects GICC), so acknowledge, priority drop and EOI happen in
 * hardware. The distributor is not mapped: every access is a VM fault that
 * vmm.c decodes and hands to vgic_dist_access. An interrupt a device or the
 * timer raises becomes pending here and, when the guest has it enabled, is
 * written into a free list register (microkit_vcpu_arm_inject_irq /
 * seL4_ARM_VCPU_InjectIRQ). The kernel asks for a maintenance interrupt on
 * the guest's EOI, which reaches vmm.c as a VGIC maintenance exit: the list
 * register is free again, and the source is acknowledged then (a level
 * interrupt re-fires at once if acknowledged before the guest has served it).
 * Interrupts that find every list register busy wait in pending order.
 */
#include <stdint.h>
#include "vmm.h"
#include "vm_layout.h"

#define NUM_IRQS   96 /* SGIs, PPIs and SPIs 32..95 (TYPER.ITLinesNumber 2) */
#define NUM_WORDS  (NUM_IRQS / 32)
#define NUM_LRS    4  /* QEMU's GICv2 has four list registers */
#define TIMER_IRQ  27 /* the EL1 virtual timer PPI */

/* Distributor register offsets (GICv2 architecture specification, 4.1.2). */
#define GICD_CTLR       0x000
#define GICD_TYPER      0x004
#define GICD_IIDR       0x008
#define GICD_IGROUPR    0x080
#define GICD_ISENABLER  0x100
#define GICD_ICENABLER  0x180
#define GICD_ISPENDR    0x200
#define GICD_ICPENDR    0x280
#define GICD_ISACTIVER  0x300
#define GICD_ICACTIVER  0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR  0x800
#define GICD_ICFGR      0xc00
#define GICD_SGIR       0xf00
#define GICD_CPENDSGIR  0xf10
#define GICD_SPENDSGIR  0xf20
#define GICD_PIDR2      0xfe8

static struct {
    uint32_t ctlr;
    uint32_t group[NUM_WORDS];
    uint32_t enabled[NUM_WORDS];
    uint32_t pending[NUM_WORDS]; /* raised, not yet in a list register */
    uint32_t active[NUM_WORDS];  /* as the guest wrote ISACTIVER/ICACTIVER */
    uint32_t in_lr[NUM_WORDS];   /* in a list register until the guest's EOI */
    uint8_t priority[NUM_IRQS];
    uint8_t targets[NUM_IRQS];
    uint32_t cfg[NUM_IRQS / 16];
} dist;

static int lr_irq[NUM_LRS]; /* the interrupt each list register holds, or -1 */
seL4_Word vgic_inject_errors;
seL4_Word vgic_injected;
seL4_Word vgic_waited;

static bool test_bit(const uint32_t *w, unsigned irq)
{
    return (w[irq / 32] >> (irq % 32)) & 1;
}

static void set_bit(uint32_t *w, unsigned irq)
{
    w[irq / 32] |= 1u << (irq % 32);
}

static void clear_bit(uint32_t *w, unsigned irq)
{
    w[irq / 32] &= ~(1u << (irq % 32));
}

void vgic_init(void)
{
    for (unsigned i = 0; i < NUM_LRS; i++) {
        lr_irq[i] = -1;
    }
    /* SGIs and PPIs target the one CPU; SGIs are always enabled (GICv2 4.3.2 allows it). */
    for (unsigned i = 0; i < 32; i++) {
        dist.targets[i] = 1;
    }
    dist.enabled[0] = 0xffff;
}

static bool deliverable(unsigned irq)
{
    return (dist.ctlr & 1) && test_bit(dist.enabled, irq) && test_bit(dist.pending, irq) && !test_bit(dist.in_lr, irq);
}

/* Writes every deliverable pending interrupt into a free list register, lowest number first. */
static void flush(void)
{
    for (unsigned irq = 0; irq < NUM_IRQS; irq++) {
        if (!deliverable(irq)) {
            continue;
        }
        unsigned lr = 0;
        while (lr < NUM_LRS && lr_irq[lr] >= 0) {
            lr++;
        }
        if (lr == NUM_LRS) {
            vgic_waited++;
            return; /* the rest waits for a maintenance exit */
        }
        /* Priority: the distributor's 8 bits as the list register's 5. Group 0: Linux enables only that on GICC. */
        seL4_Error err = seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + GUEST_VCPU, irq, dist.priority[irq] >> 3, 0, lr);
        if (err != seL4_NoError) {
            vmm_puts("vmm: seL4_ARM_VCPU_InjectIRQ of ");
            vmm_putdec(irq);
            vmm_puts(" into list register ");
            vmm_putdec(lr);
            vmm_puts(" failed with error ");
            vmm_putdec(err);
            vmm_puts("\n");
            vgic_inject_errors++;
            return;
        }
        lr_irq[lr] = irq;
        vgic_injected++;
        clear_bit(dist.pending, irq);
        set_bit(dist.in_lr, irq);
    }
}

void vgic_raise(unsigned irq)
{
    if (irq >= NUM_IRQS) {
        return;
    }
    set_bit(dist.pending, irq);
    flush();
}

/* The source of an interrupt is acknowledged once the guest has served it. */
static void source_done(unsigned irq)
{
    if (irq == TIMER_IRQ) {
        microkit_vcpu_arm_ack_vppi(GUEST_VCPU, TIMER_IRQ);
    } else if (irq == UART_IRQ) {
        microkit_irq_ack(UART_CH);
    }
}

unsigned vgic_lrs_in_use(void)
{
    unsigned n = 0;

    for (unsigned i = 0; i < NUM_LRS; i++) {
        n += lr_irq[i] >= 0;
    }
    return n;
}

void vgic_maintenance(seL4_Word lr)
{
    /* -1 (no particular list register): nothing was freed, but retry the queue. */
    if (lr < NUM_LRS && lr_irq[lr] >= 0) {
        unsigned irq = lr_irq[lr];
        lr_irq[lr] = -1;
        clear_bit(dist.in_lr, irq);
        source_done(irq);
    }
    flush();
}

/* The 32-bit register at a word-aligned offset, for reads. */
static uint32_t read_word(seL4_Word off)
{
    unsigned n = (off & 0x7f) / 4; /* which word of a 1-bit-per-IRQ bank */

    if (off == GICD_CTLR) {
        return dist.ctlr;
    }
    if (off == GICD_TYPER) {
        return NUM_WORDS - 1; /* ITLinesNumber; CPUNumber 0: one CPU */
    }
    if (off == GICD_IIDR) {
        return 0x0200043b; /* ARM as implementer, as a GIC-400 */
    }
    if (off == GICD_PIDR2) {
        return 0x20; /* architecture version 2 */
    }
    if (off >= GICD_IGROUPR && off < GICD_ISENABLER) {
        return n < NUM_WORDS ? dist.group[n] : 0;
    }
    if (n >= NUM_WORDS && off < GICD_IPRIORITYR) {
        return 0;
    }
    if (off >= GICD_ISENABLER && off < GICD_ISPENDR) {
        return dist.enabled[n];
    }
    if (off >= GICD_ISPENDR && off < GICD_ISACTIVER) {
        return dist.pending[n] | dist.in_lr[n];
    }
    if (off >= GICD_ISACTIVER && off < GICD_IPRIORITYR) {
        return dist.active[n];
    }
    if ((off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + NUM_IRQS) ||
        (off >= GICD_ITARGETSR && off < GICD_ITARGETSR + NUM_IRQS)) {
        const uint8_t *b = off < GICD_ITARGETSR ? &dist.priority[off - GICD_IPRIORITYR]
                                                 : &dist.targets[off - GICD_ITARGETSR];
        return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
    }
    if (off >= GICD_ICFGR && off < GICD_ICFGR + NUM_IRQS / 4) {
        return dist.cfg[(off - GICD_ICFGR) / 4];
    }
    return 0; /* reserved, SGIR (write-only), SGI pending, IDs: read as zero */
}

static void write_bits(uint32_t *bank, unsigned n, uint32_t v, bool set)
{
    if (n < NUM_WORDS) {
        bank[n] = set ? bank[n] | v : bank[n] & ~v;
    }
}

/* The software-generated interrupt register: only this CPU exists. */
static void write_sgir(uint32_t v)
{
    unsigned filter = (v >> 24) & 3;
    unsigned targets = (v >> 16) & 0xff;

    if (filter == 2 || (filter == 0 && (targets & 1))) {
        vgic_raise(v & 0xf);
    }
}

/* A write of the bytes in mask (of the word at off) with v. */
static void write_word(seL4_Word off, uint32_t v, uint32_t mask)
{
    unsigned n = (off & 0x7f) / 4;

    v &= mask;
    if (off == GICD_CTLR) {
        dist.ctlr = (dist.ctlr & ~mask) | (v & 1);
    } else if (off >= GICD_IGROUPR && off < GICD_ISENABLER) {
        if (n < NUM_WORDS) {
            dist.group[n] = (dist.group[n] & ~mask) | v;
        }
    } else if (off >= GICD_ISENABLER && off < GICD_ICENABLER) {
        write_bits(dist.enabled, n, v, true);
    } else if (off >= GICD_ICENABLER && off < GICD_ISPENDR) {
        write_bits(dist.enabled, n, n == 0 ? v & ~0xffffu : v, false); /* SGIs stay enabled */
    } else if (off >= GICD_ISPENDR && off < GICD_ICPENDR) {
        write_bits(dist.pending, n, v, true);
    } else if (off >= GICD_ICPENDR && off < GICD_ISACTIVER) {
        write_bits(dist.pending, n, v, false);
    } else if (off >= GICD_ISACTIVER && off < GICD_ICACTIVER) {
        write_bits(dist.active, n, v, true);
    } else if (off >= GICD_ICACTIVER && off < GICD_IPRIORITYR) {
        write_bits(dist.active, n, v, false);
    } else if ((off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + NUM_IRQS) ||
               (off >= GICD_ITARGETSR + 32 && off < GICD_ITARGETSR + NUM_IRQS)) {
        /* ITARGETSR of SGIs and PPIs is read-only. */
        uint8_t *b = off < GICD_ITARGETSR ? &dist.priority[off - GICD_IPRIORITYR]
                                          : &dist.targets[off - GICD_ITARGETSR];
        for (unsigned i = 0; i < 4; i++) {
            if ((mask >> (8 * i)) & 0xff) {
                b[i] = v >> (8 * i);
            }
        }
    } else if (off >= GICD_ICFGR && off < GICD_ICFGR + NUM_IRQS / 4) {
        uint32_t *c = &dist.cfg[(off - GICD_ICFGR) / 4];
        *c = (*c & ~mask) | v;
    } else if (off == GICD_SGIR) {
        write_sgir(v);
    }
    /* Everything else (reserved, SGI pending bits, IDs) ignores writes. */
}

/* Offsets Linux's GICv2 driver touches, so that anything else is reported. */
static bool known(seL4_Word off)
{
    return off <= GICD_IIDR || (off >= GICD_IGROUPR && off < GICD_ICFGR + 0x100) || off == GICD_SGIR ||
           (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 0x10) || (off >= 0xfd0 && off < 0x1000);
}

bool vgic_dist_access(seL4_Word offset, bool write, unsigned size, seL4_Word *value)
{
    seL4_Word word = offset & ~3ul;
    unsigned shift = (offset & 3) * 8;

    if (!known(offset) || (size != 1 && size != 2 && size != 4) || (offset & (size - 1))) {
        return false;
    }
    if (write) {
        uint32_t mask = (size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1) << shift;
        write_word(word, (uint32_t)*value << shift, mask);
        flush(); /* an enable, a pend or CTLR may have made something deliverable */
    } else {
        uint32_t v = read_word(word) >> shift;
        *value = size == 4 ? v : v & ((1u << (8 * size)) - 1);
    }
    return true;
}
