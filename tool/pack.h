/* loader.img: raw bytes from MK_IMAGE_BASE to the end of the image (see place.h). */
#ifndef TOOL_PACK_H
#define TOOL_PACK_H

#include <stdio.h>

#include "elf.h"
#include "place.h"

/* Write the image to f; the kernel's MK_SYSTABLE_SYMBOL gets the table's address. */
void pack_image(const struct layout *L, const struct elf_image *kernel, FILE *f);

#endif
