/*
 * libFuzzer target: the ELF reader (elf.c) on arbitrary bytes, then the
 * look-ups and patching the tool does with a loaded image.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../elf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof(path), "/tmp/fuzz-elf-%d.elf", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    char *err;
    struct elf_image *img = elf_load(path, &err);
    if (!img) {
        free(err);
        return 0;
    }
    const struct elf_sym *sym;
    if (elf_find_symbol(img, "microkit_name", &sym) == 1 && elf_seg_at(img, sym->value, 8))
        elf_patch_le(img, sym->value, 0x1122334455667788ULL, 8);
    /* Free everything: a worker runs millions of inputs, and leaked segments (up to 1 GiB each) hit the RSS limit. */
    elf_free(img);
    return 0;
}
