/*
 * The PD symbol table of debug images (include/minikit/symtab.h): built
 * only when the kernel defines MK_SYMTAB_SYMBOL, i.e. for the debug
 * configuration; release and benchmark images stay as they were.
 */
#ifndef TOOL_SYMTAB_H
#define TOOL_SYMTAB_H

#include <stddef.h>
#include <stdint.h>

#include "elf.h"
#include "model.h"

/* The table's bytes for 'sys' (*size 0, NULL returned, when 'kernel' takes none). */
uint8_t *symtab_build(const struct system *sys, const struct elf_image *kernel, size_t *size);

/* Image offset of the kernel's MK_SYMTAB_SYMBOL (only when symtab_build returned a table). */
uint64_t symtab_symbol_offset(const struct elf_image *kernel);

#endif
