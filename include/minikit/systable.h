/*
 * The system table: the one contract between the microkit tool and the kernel.
 *
 * The tool builds it from the .system file and the PD ELF images and packs it
 * into loader.img; the kernel reads it at boot, checks every field it relies on
 * (magic, version, sizes, indices, ranges) and trusts nothing else about the
 * tool. Fixed-width little-endian fields, explicit padding, no pointers: the
 * same bytes mean the same thing on the x86-64 host and the AArch64 target.
 *
 * Change the layout => bump MK_SYSTABLE_VERSION.
 *
 * How the tool finds the kernel (the kernel ELF contract):
 *   - every PT_LOAD segment with file bytes is copied into the image at its
 *     p_paddr; the lowest one starts at MK_IMAGE_BASE, and the image's first
 *     byte is the kernel entry point;
 *   - PT_LOAD segments without file bytes (.bss) are RAM the tool must keep
 *     free; the kernel clears them itself;
 *   - the 8-byte symbol MK_SYSTABLE_SYMBOL receives the table's physical
 *     address.
 *
 * Physical memory the tool lays out (see tool/place.c):
 *   [MK_IMAGE_BASE, image_end)   kernel, this table, PD file-backed pages, prefill data
 *   [zero_base, zero_end)        RAM the kernel clears at boot: the page-table pool,
 *                                PD .bss-only pages, stacks, IPC buffers, plain MRs
 */
#ifndef MINIKIT_SYSTABLE_H
#define MINIKIT_SYSTABLE_H

#include <stdint.h>

#define MK_SYSTABLE_MAGIC   0x4c4254534b494d4dULL /* "MMIKSTBL" read as LE bytes */
#define MK_SYSTABLE_VERSION 3
#define MK_SYSTABLE_SYMBOL  "minikit_systable_paddr"

#define MK_IMAGE_BASE 0x70000000ULL /* where QEMU's -device loader puts loader.img */

#define MK_MAX_PDS      63 /* PDs per system, children and vCPUs included */
#define MK_MAX_IDS      62 /* channel and IRQ ids per PD: 0..61 */
#define MK_NO_PARENT    0xff
#define MK_PD_NAME_LEN  64

/*
 * Scheduling domains (<domains>): ids 0..MK_NUM_DOMAINS-1 (seL4's
 * KernelNumDomains), and the kernel's domain schedule table of
 * MK_NUM_DOMAIN_SCHEDULES slots (KernelNumDomainSchedules as Microkit builds
 * seL4). The tool's list of entries and end markers goes at slots
 * [sched_shift, sched_shift + nsched); the slot after it is the implied end
 * marker, so sched_shift + nsched < MK_NUM_DOMAIN_SCHEDULES.
 */
#define MK_NUM_DOMAINS          16
#define MK_NUM_DOMAIN_SCHEDULES 100

/*
 * The smallest budget (and so period) a PD or VM may have, in microseconds:
 * seL4's MIN_BUDGET_US on Arm (twice its 10 us worst-case kernel execution
 * time). Every kernel entry is charged to the running budget; below this a
 * PD may get no useful time at all (on QEMU, whose timer follows the host's
 * clock, a 10 us budget starved a PD's init).
 */
#define MK_MIN_BUDGET_US 20u

/* The user address space (hypervisor-build values of seL4_UserVSpaceTop). */
#define MK_USER_VSPACE_TOP 0xffffffffffULL /* last valid user address */
#define MK_IPCBUF_VADDR    (MK_USER_VSPACE_TOP & ~0xfffULL)
#define MK_PAGE_BITS       12
#define MK_LARGE_PAGE_BITS 21

/* mk_map.attrs */
#define MK_MAP_R        (1u << 0) /* user may read */
#define MK_MAP_W        (1u << 1) /* user may write (only with R) */
#define MK_MAP_X        (1u << 2) /* user may execute */
#define MK_MAP_UNCACHED (1u << 3) /* device nGnRnE instead of normal write-back */

/* mk_channel.flags[] */
#define MK_END_NOTIFY (1u << 0) /* this end may notify the other */
#define MK_END_PP     (1u << 1) /* this end may PPC into the other */

/* mk_irq.trigger */
#define MK_IRQ_LEVEL 0
#define MK_IRQ_EDGE  1

/* mk_systable.flags */
#define MK_FLAG_EXIT_WHEN_IDLE (1u << 0) /* power off when every PD is blocked for good */
#define MK_FLAG_DOMAINS        (1u << 1) /* <domains>: run the domain schedule; mk_pd.domain counts */
#define MK_FLAG_VMS            (1u << 2) /* at least one <virtual_machine>: the kernel needs EL2 and a GICv2
                                            with virtualization, and stops at boot otherwise */

/* mk_pd.kind */
#define MK_PD_KIND_PD   0 /* a protection domain */
#define MK_PD_KIND_VCPU 1 /* one <vcpu> of a <virtual_machine>: a guest CPU run at EL1 in stage 2 */

/*
 * Guest-physical addresses (the vaddr of a VM's maps) lie below
 * 1 << MK_GUEST_PA_BITS: stage 2 uses a 39-bit IPA, 4 KiB granule, start level 1.
 */
#define MK_GUEST_PA_BITS 39

/* mk_sched_entry.unit */
#define MK_SCHED_END_MARKER 0 /* <schedule_end_marker/>: back to the start entry */
#define MK_SCHED_US         1 /* duration in microseconds */
#define MK_SCHED_TICKS      2 /* duration in ticks of the kernel's timer (the counter, CNTFRQ_EL0 per second) */

/* One mapping into a PD's address space: ELF segment, stack, IPC buffer or MR. */
struct mk_map {
    uint64_t vaddr;     /* page_bits-aligned */
    uint64_t paddr;     /* page_bits-aligned, physically contiguous */
    uint64_t size;      /* multiple of 1 << page_bits */
    uint32_t page_bits; /* MK_PAGE_BITS or MK_LARGE_PAGE_BITS */
    uint32_t attrs;     /* MK_MAP_* */
};

/*
 * One protection domain or vCPU, in global index order (depth-first
 * pre-order; a VMM's vCPUs are among its children, in document order with
 * them: where its <virtual_machine> stands among its child PDs).
 *
 * A vCPU entry (kind MK_PD_KIND_VCPU): name = its VM's name; entry,
 * stack_top, stack_bottom and ipcbuf_paddr 0 (it starts suspended, the VMM
 * starts it with microkit_vcpu_restart); budget_us, period_us, priority =
 * the VM's; passive 0, fpu 1, smc 0; parent = the VMM's index, child_id =
 * the vcpu id (sharing the VMM's child-id space); cpu = the vcpu's cpu;
 * domain = the VMM's; vm = the VM's index (0, 1, ... in table order: vCPUs
 * of one VM share its stage-2 tables and VMID vm + 1); map_first/map_count
 * = the VM's maps, the same range for every vCPU of the VM, vaddr being the
 * guest-physical address (below 1 << MK_GUEST_PA_BITS) and the r/w/x attrs
 * the stage-2 permissions. For a PD, kind and vm are 0.
 */
struct mk_pd {
    char     name[MK_PD_NAME_LEN]; /* NUL-padded; unterminated when 64 long */
    uint64_t entry;        /* initial PC */
    uint64_t stack_top;    /* initial SP */
    uint64_t stack_bottom; /* lowest stack byte; the guard page is below it */
    uint64_t ipcbuf_paddr; /* physical address of the IPC buffer page */
    uint64_t budget_us;
    uint64_t period_us;
    uint32_t map_first;    /* this PD's maps are maps[map_first .. +map_count) */
    uint32_t map_count;
    uint8_t  priority;     /* 0..254 */
    uint8_t  passive;
    uint8_t  parent;       /* global index of the parent, or MK_NO_PARENT */
    uint8_t  child_id;     /* id in the parent's child table */
    uint8_t  cpu;
    uint8_t  fpu;
    uint8_t  smc;
    uint8_t  domain;       /* domain id, 0..MK_NUM_DOMAINS-1; read only with MK_FLAG_DOMAINS */
    uint8_t  kind;         /* MK_PD_KIND_* */
    uint8_t  vm;           /* MK_PD_KIND_VCPU: index of its VM; 0 for a PD */
    uint8_t  pad[6];
};

/* One <channel>: two ends. */
struct mk_channel {
    uint8_t pd[2];    /* global PD indices */
    uint8_t id[2];    /* each end's id in its own PD */
    uint8_t flags[2]; /* MK_END_* of each end */
    uint8_t pad[2];
};

/* One <irq>. */
struct mk_irq {
    uint32_t irq;     /* GIC INTID */
    uint8_t  pd;      /* global PD index */
    uint8_t  id;      /* id in the PD */
    uint8_t  trigger; /* MK_IRQ_* */
    uint8_t  pad;
};

/* One slot of the domain schedule, in the order of <domain_schedule>. */
struct mk_sched_entry {
    uint64_t duration; /* non-zero; 0 for an end marker */
    uint8_t  domain;   /* domain id (not for an end marker) */
    uint8_t  unit;     /* MK_SCHED_* */
    uint8_t  pad[6];
};

struct mk_systable {
    uint64_t magic;     /* MK_SYSTABLE_MAGIC */
    uint32_t version;   /* MK_SYSTABLE_VERSION */
    uint32_t size;      /* bytes, header and arrays */
    uint64_t flags;     /* MK_FLAG_* */
    uint64_t zero_base; /* page-aligned physical range cleared at boot */
    uint64_t zero_end;
    uint64_t kmem_base; /* page-table pool, inside the zero range */
    uint64_t kmem_end;
    uint32_t npds, nmaps, nchannels, nirqs;
    uint32_t pds_off;      /* byte offsets of the arrays from the table start, */
    uint32_t maps_off;     /* each 8-byte aligned                               */
    uint32_t channels_off;
    uint32_t irqs_off;
    uint32_t nsched;       /* domain schedule entries and end markers (MK_FLAG_DOMAINS) */
    uint32_t sched_off;
    uint32_t sched_start;  /* <domain_schedule start_index>: an index into the entries */
    uint32_t sched_shift;  /* <domain_schedule index_shift>: where they sit in the kernel's table */
};

/*
 * Page-table pool size. The kernel builds 4 KiB-granule tables with a 40-bit
 * user address space (lookup starts at level 0): one level-0 table per PD,
 * plus one table for each distinct (vaddr >> 39) [level 1], (vaddr >> 30)
 * [level 2] and, for 4 KiB mappings only, (vaddr >> 21) [level 3] among the
 * PD's pages. The tool counts exactly this; the kernel stops with a clear
 * message if the pool is short.
 *
 * Each VM (not each vCPU) adds its stage-2 tables: one level-1 root (4 KiB
 * granule, 39-bit IPA, T0SZ 25, start level 1: 512 entries, one page), plus
 * one level-2 table per distinct (gpa >> 30) and, for 4 KiB maps only, one
 * level-3 table per distinct (gpa >> 21) among the VM's pages.
 */
#define MK_PT_SIZE 4096u

_Static_assert(sizeof(struct mk_map) == 32, "mk_map layout");
_Static_assert(sizeof(struct mk_pd) == 136, "mk_pd layout");
_Static_assert(sizeof(struct mk_channel) == 8, "mk_channel layout");
_Static_assert(sizeof(struct mk_irq) == 8, "mk_irq layout");
_Static_assert(sizeof(struct mk_sched_entry) == 16, "mk_sched_entry layout");
_Static_assert(sizeof(struct mk_systable) == 104, "mk_systable layout");

#endif
