/*
 * The PD symbol table of debug images: the function symbols of every PD's
 * ELF, so that the kernel's fault report can say `pc 0x2000a8 in
 * protected+0x1c`. Only a kernel that defines MK_SYMTAB_SYMBOL (the debug
 * configuration) gets one: the tool packs it after the system table and
 * writes its physical address there. Release and benchmark images are
 * unchanged. The kernel checks every field before it uses one.
 *
 *   struct mk_symtab          header
 *   struct mk_symtab_pd[npds] per PD (global index order): its symbols are
 *                             syms[first .. first + count), sorted by addr
 *   struct mk_sym[nsyms]      at syms_off
 *   char strs[]               at strs_off up to size: NUL-terminated names
 */
#ifndef MINIKIT_SYMTAB_H
#define MINIKIT_SYMTAB_H

#include <stdint.h>

#define MK_SYMTAB_MAGIC   0x4d59534b494d4d00ULL /* "\0MMIKSYM" read as LE bytes */
#define MK_SYMTAB_VERSION 1
#define MK_SYMTAB_SYMBOL  "minikit_symtab_paddr"
#define MK_SYMTAB_MAX     (1u << 20) /* the kernel ignores a larger table */

struct mk_symtab {
    uint64_t magic;
    uint32_t version;
    uint32_t size;     /* bytes, header to the end of the strings */
    uint32_t npds;     /* the system table's npds */
    uint32_t nsyms;
    uint32_t syms_off; /* 8-byte aligned */
    uint32_t strs_off;
};

struct mk_symtab_pd {
    uint32_t first, count;
};

struct mk_sym {
    uint64_t addr;
    uint32_t size; /* 0: up to the next symbol */
    uint32_t name; /* offset into the strings */
};

_Static_assert(sizeof(struct mk_symtab) == 32, "mk_symtab layout");
_Static_assert(sizeof(struct mk_symtab_pd) == 8, "mk_symtab_pd layout");
_Static_assert(sizeof(struct mk_sym) == 16, "mk_sym layout");

#endif
