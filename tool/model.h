/*
 * The system model: what check.c makes of the element tree, what place.c lays
 * out and what pack.c / report.c write. Every object keeps its element so any
 * later stage can point a diagnostic at the right spot.
 */
#ifndef TOOL_MODEL_H
#define TOOL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sdf.h"

struct elf_image; /* elf.h */

struct mr {
    const struct sdf_node *node;
    const char *name;
    uint64_t size;
    uint64_t page_size;
    bool page_size_given;
    bool fixed; /* phys_addr given */
    uint64_t paddr; /* fixed, or chosen by place.c */
    bool used;      /* mapped by some PD */
    bool bad;       /* its element had errors: skip it in later rules (no cascades) */
    const char *prefill_path; /* as written, or NULL */
    uint8_t *prefill;         /* the file's bytes */
    uint64_t prefill_len;
};

struct map {
    const struct sdf_node *node;
    const char *mr_name;
    struct mr *mr;
    uint64_t vaddr;
    uint32_t attrs; /* MK_MAP_* */
    const char *perms;
    const char *setvar_prefill_size; /* symbol, or NULL */
};

/* A value the tool writes into a PD image: libmicrokit variables and setvar_*. */
enum patch_kind {
    PATCH_WORD,  /* 8-byte little-endian value */
    PATCH_BYTES, /* raw bytes (microkit_name), up to the symbol's size */
    PATCH_BYTE,  /* 1 byte (microkit_passive) */
};

struct patch {
    const struct sdf_node *node; /* where it was requested (NULL: libmicrokit variable) */
    const char *symbol;
    enum patch_kind kind;
    uint64_t value;
    const char *bytes;       /* PATCH_BYTES */
    size_t nbytes;
    const struct mr *paddr_of; /* <setvar region_paddr>: value = this MR's paddr once placed */
    bool user;                 /* user setvar: must be exactly 8 bytes */
    uint64_t vaddr;            /* resolved by elf.c */
};

struct irq {
    const struct sdf_node *node;
    uint64_t irq;
    unsigned id;
    unsigned trigger; /* MK_IRQ_* */
};

struct vm; /* below */

struct pd {
    const struct sdf_node *node;
    const char *name;
    unsigned index; /* in the system table: depth-first pre-order, vCPUs included */
    struct pd *parent;
    unsigned child_id;
    uint8_t priority;
    uint64_t budget, period;
    bool passive, fpu, smc;
    bool bad; /* its attributes had errors: skip it in rules that use them (no cascades) */
    unsigned cpu;
    int domain; /* index into system.domains, or -1 */
    uint64_t stack_size;
    const struct sdf_node *image_node;
    const char *path;             /* program_image@path as written */
    const char *path_for_symbols; /* or NULL */
    struct map *maps;
    size_t nmaps;
    struct irq *irqs;
    size_t nirqs;
    struct patch *patches; /* user setvars in request order */
    size_t npatches;
    uint64_t ids_used;   /* channel and IRQ ids taken so far (bit i = id i) */
    uint64_t notify_ids; /* microkit_notifications */
    uint64_t pp_ids;     /* microkit_pps */
    struct elf_image *elf;
    struct vm *vm; /* the <virtual_machine> this PD runs as its VMM, or NULL */
};

/* One <vcpu>: an entry of its own in the system table, a child of the VMM (check_vm.c). */
struct vcpu {
    const struct sdf_node *node;
    unsigned id;    /* in the VMM's child-id space, shared with its child PDs */
    unsigned cpu;
    unsigned index; /* in the system table, like pd.index */
};

/* One <virtual_machine>: vCPUs sharing one guest-physical (stage 2) address space. */
struct vm {
    const struct sdf_node *node;
    const char *name;
    struct pd *vmm;  /* the PD it is declared in: its fault handler */
    unsigned number; /* 0, 1, ... in table order: mk_pd.vm */
    uint8_t priority;
    uint64_t budget, period;
    bool bad; /* its attributes had errors: skip it in rules that use them */
    struct vcpu *vcpus;
    size_t nvcpus;
    struct map *maps; /* vaddr is guest-physical */
    size_t nmaps;
};

struct end {
    const struct sdf_node *node;
    struct pd *pd;
    unsigned id;
    bool pp, notify;
};

struct channel {
    const struct sdf_node *node;
    struct end end[2];
};

struct domain {
    const struct sdf_node *node;
    const char *name;
    int id; /* -1 until assigned */
};

/* One slot of the domain schedule: a domain for 'duration', or an end-of-cycle marker. */
struct schedule_entry {
    const struct sdf_node *node;
    int domain; /* index into system.domains, or -1 for a marker */
    uint64_t duration;
    bool ticks; /* duration unit: ticks instead of us */
};

struct system {
    const char *file;
    const char *const *search_paths; /* --search-path, then the current directory */
    size_t nsearch;
    const struct sdf_node *root;
    struct mr *mrs;
    size_t nmrs;
    struct pd **pds; /* global index order (vCPUs are not here: see vms) */
    size_t npds;
    struct vm **vms; /* document order, which is table order */
    size_t nvms;
    size_t nentries; /* system table entries: PDs and vCPUs */
    struct channel *channels;
    size_t nchannels;
    const struct sdf_node *domains_node; /* <domains>, or NULL */
    struct domain *domains;
    size_t ndomains;
    struct schedule_entry *schedule;
    size_t nschedule;
    uint64_t schedule_start, schedule_shift;
    bool schedule_shift_given;
};

#endif
