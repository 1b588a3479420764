/* The kernel's boot sequence, entered from arch/aarch64/boot.S with the MMU on. */
#include "kernel.h"
#include "sched.h"
#include "memlayout.h"

/* Patched by the tool with the system table's physical address. Defined in
 * boot.S, in .rodata: the tool finds its bytes in the image, the kernel
 * only reads it. */
extern const volatile u64 minikit_systable_paddr;

const struct mk_systable *systable;

extern char __bss_start[], __bss_end[];

void kmain(unsigned boot_el)
{
    arch_zero(KVA_TO_PA(__bss_start), KVA_TO_PA(__bss_end)); /* before any global is used */
    vspace_leave_boot();                                     /* TTBR0: no kernel identity map */
    psci_init(boot_el);
    arch_init();                                             /* EL0 counters, FP traps */
    kprintf("minikit| Minikit kernel " MK_CONFIG_NAME ", started at EL%u\n", boot_el);
    systable = systable_check(minikit_systable_paddr);      /* trust nothing in it unchecked */
    vm_boot_check(systable, boot_el);                        /* VMs: EL2 and a GICv2, or stop here */
    arch_zero(systable->zero_base, systable->zero_end);      /* stacks, .bss pages, MRs, page tables */
    vspace_init_pool(systable->kmem_base, systable->kmem_end);
    pds_create(systable);                                    /* address spaces, channels, registers */
    vspace_check(systable);                                  /* debug: the W^X invariants */
    irqs_init(systable);                                     /* all masked until their PD acks */
    vms_init();                                              /* VMs: EL2's MMU, the virtual GIC */
    if (systable->flags & MK_FLAG_DOMAINS)
        domains_init(systable);                              /* <domains>: park all but the first */
    timer_init();                                            /* round-robin slices, if needed */
    kprintf("minikit| %u PDs, starting\n", npds);
    arch_switch_to(schedule_next(), NULL);                   /* highest priority first (or idle) */
}
