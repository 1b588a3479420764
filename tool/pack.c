/* Packing loader.img; see pack.h. */
#include "pack.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "symtab.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the system table is copied as host structs: the host must be little-endian like the target"
#endif

/* Image offset of the kernel's 8-byte table-address variable (it must be in file bytes). */
static uint64_t systable_symbol_offset(const struct elf_image *k)
{
    const struct elf_sym *sym = NULL;
    size_t n = elf_find_symbol(k, MK_SYSTABLE_SYMBOL, &sym);
    if (n != 1)
        diag_fatal("kernel '%s': symbol '%s' %s", k->path, MK_SYSTABLE_SYMBOL,
                   n ? "is defined more than once" : "is missing");
    if (sym->size != 8)
        diag_fatal("kernel '%s': symbol '%s' is %llu bytes, expected 8", k->path, MK_SYSTABLE_SYMBOL,
                   (unsigned long long)sym->size);
    for (size_t i = 0; i < k->nsegs; i++) {
        const struct elf_seg *s = &k->segs[i];
        if (sym->value >= s->vaddr && sym->value + 8 <= s->vaddr + s->filesz)
            return s->paddr + (sym->value - s->vaddr) - MK_IMAGE_BASE;
    }
    diag_fatal("kernel '%s': symbol '%s' is not in a segment with file bytes (put it in .data)", k->path,
               MK_SYSTABLE_SYMBOL);
}

/* memcpy that accepts an empty (possibly NULL) source. */
static void copy(uint8_t *dst, const void *src, size_t n)
{
    if (n)
        memcpy(dst, src, n);
}

void pack_image(const struct layout *L, const struct elf_image *kernel, FILE *f)
{
    uint64_t size = L->image_end - MK_IMAGE_BASE;
    uint8_t *img = xcalloc(1, size);
    for (size_t i = 0; i < L->nchunks; i++)
        copy(img + (L->chunks[i].paddr - MK_IMAGE_BASE), L->chunks[i].data, L->chunks[i].datalen);

    uint8_t *t = img + (L->table_paddr - MK_IMAGE_BASE);
    const struct mk_systable *h = &L->hdr;
    memcpy(t, h, sizeof(*h));
    copy(t + h->pds_off, L->pds, h->npds * sizeof(struct mk_pd));
    copy(t + h->maps_off, L->maps, h->nmaps * sizeof(struct mk_map));
    copy(t + h->channels_off, L->channels, h->nchannels * sizeof(struct mk_channel));
    copy(t + h->irqs_off, L->irqs, h->nirqs * sizeof(struct mk_irq));
    copy(t + h->sched_off, L->sched, h->nsched * sizeof(struct mk_sched_entry));

    uint64_t off = systable_symbol_offset(kernel);
    for (int b = 0; b < 8; b++)
        img[off + (uint64_t)b] = (uint8_t)(L->table_paddr >> (8 * b));

    if (L->symtab_size) {
        memcpy(img + (L->symtab_paddr - MK_IMAGE_BASE), L->symtab, L->symtab_size);
        uint64_t so = symtab_symbol_offset(kernel);
        for (int b = 0; b < 8; b++)
            img[so + (uint64_t)b] = (uint8_t)(L->symtab_paddr >> (8 * b));
    }

    if (fwrite(img, 1, size, f) != size)
        diag_fatal("cannot write the image");
    free(img);
}
