/*
 * Device ownership (docs/board.md, devices; docs/system-format.md): what on
 * the board the kernel keeps, refused here at build time so that the kernel,
 * which checks the same at boot (kernel/core/systable.c, irq.c), never
 * panics on a system the tool accepted. The list is minikit/board.h, shared
 * with the kernel. Everything else is the PDs' to map and bind, as on seL4:
 * the PL011 UART at 0x9000000 and its IRQ 33 included.
 */
#include "check.h"

#include "attr.h"
#include "minikit/board.h"

/*
 * With virtual machines the guest owns the EL1 virtual timer, and the kernel
 * takes two more PPIs: the GIC's virtualization maintenance interrupt and the
 * EL2 physical timer it schedules with instead (docs/kernel.md).
 */
#define VM_IRQ_MAINTENANCE 25
#define VM_IRQ_HYP_TIMER   26

#define HINT_DEVICES "the kernel keeps only the GIC's frames; any other device, the UART at 0x9000000 included, " \
                     "may be mapped"

/* A fixed-address MR may not reach past the physical address space or into the GIC the kernel drives. */
static void check_fixed_mr(const struct mr *mr)
{
    static const struct mk_kept_range kept[MK_NKEPT_DEVICES] = MK_KEPT_DEVICES;
    uint64_t end = mr->paddr + mr->size;

    if (end < mr->paddr || end > MK_PA_END)
        attr_error(mr->node, "phys_addr", NULL,
                   "physical range [0x%llx..0x%llx) is outside the %d-bit physical address "
                   "space [0x0..0x%llx)",
                   (unsigned long long)mr->paddr, (unsigned long long)end, MK_PA_BITS, MK_PA_END);
    for (int k = 0; k < MK_NKEPT_DEVICES; k++)
        if (mr->paddr < kept[k].end && kept[k].base < end)
            attr_error(mr->node, "phys_addr", HINT_DEVICES,
                       "physical range [0x%llx..0x%llx) overlaps the %s [0x%llx..0x%llx), "
                       "which the kernel keeps",
                       (unsigned long long)mr->paddr, (unsigned long long)end, kept[k].name,
                       (unsigned long long)kept[k].base, (unsigned long long)kept[k].end);
}

/* An IRQ must be one the GIC can deliver to a PD: not an SGI, not the kernel's timer. */
static void check_irq_number(const struct system *sys, const struct irq *irq)
{
    if (irq->irq < MK_IRQ_FIRST)
        attr_error(irq->node, "irq", "PDs get PPIs (16..31) and SPIs (32..1019)",
                   "irq %llu is a software-generated interrupt (SGI), which the kernel keeps",
                   (unsigned long long)irq->irq);
    if (irq->irq == MK_IRQ_KERNEL_TIMER)
        attr_error(irq->node, "irq", "a timer driver can use the EL1 physical timer, irq 30",
                   "irq %d is the EL1 virtual timer, which the kernel keeps for scheduling",
                   MK_IRQ_KERNEL_TIMER);
    if (sys->nvms && (irq->irq == VM_IRQ_MAINTENANCE || irq->irq == VM_IRQ_HYP_TIMER))
        attr_error(irq->node, "irq", "a system without <virtual_machine> may give it to a protection domain",
                   "irq %llu is the %s, which the kernel keeps in a system with virtual machines",
                   (unsigned long long)irq->irq,
                   irq->irq == VM_IRQ_MAINTENANCE ? "GIC's virtualization maintenance interrupt"
                                                  : "EL2 physical timer (the kernel's scheduling timer when guests "
                                                    "own the virtual timer)");
    if (irq->irq >= MK_IRQ_END)
        attr_error(irq->node, "irq", NULL, "irq %llu is out of range %d..%d",
                   (unsigned long long)irq->irq, MK_IRQ_FIRST, MK_IRQ_END - 1);
}

void check_devices(struct system *sys)
{
    for (volatile size_t i = 0; i < sys->nmrs; i++)
        if (sys->mrs[i].fixed && !sys->mrs[i].bad)
            DIAG_UNIT(check_fixed_mr(&sys->mrs[i]));
    for (volatile size_t i = 0; i < sys->npds; i++)
        for (volatile size_t k = 0; k < sys->pds[i]->nirqs; k++)
            DIAG_UNIT(check_irq_number(sys, &sys->pds[i]->irqs[k]));
}
