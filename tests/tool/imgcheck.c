/*
 * imgcheck IMG [PD VADDR VALUE]...
 *
 * Reads a loader.img as the kernel would: finds the system table (by its
 * magic), checks its header, checks that no PD page stored in the image is
 * all zero, and for each triple checks that the 8 bytes PD index PD sees at
 * VADDR hold VALUE (numbers in C syntax). Prints one line per failure.
 *
 * imgcheck --dump IMG: print the system table as the kernel reads it, one
 * line per fact (header, each entry, each map), for the good cases' "table:"
 * expectations (tests/tool/run.sh).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "minikit/systable.h"

static uint8_t *img;
static size_t img_size;

static const struct mk_systable *find_table(void)
{
    for (size_t off = 0; off + sizeof(struct mk_systable) <= img_size; off += 8) {
        uint64_t magic;
        memcpy(&magic, img + off, 8);
        if (magic == MK_SYSTABLE_MAGIC)
            return (const struct mk_systable *)(img + off);
    }
    return NULL;
}

static void dump(const struct mk_systable *t)
{
    const struct mk_pd *pds = (const void *)((const uint8_t *)t + t->pds_off);
    const struct mk_map *maps = (const void *)((const uint8_t *)t + t->maps_off);
    printf("version %u flags 0x%llx npds %u nmaps %u pool %llu tables\n", t->version, (unsigned long long)t->flags,
           t->npds, t->nmaps, (unsigned long long)((t->kmem_end - t->kmem_base) / MK_PT_SIZE));
    for (uint32_t i = 0; i < t->npds; i++) {
        const struct mk_pd *p = &pds[i];
        printf("entry %u: %s '%.64s' parent %d child_id %u vm %u priority %u budget %llu period %llu cpu %u "
               "domain %u passive %u fpu %u smc %u entry 0x%llx stack 0x%llx..0x%llx ipcbuf 0x%llx maps %u+%u\n",
               i, p->kind == MK_PD_KIND_VCPU ? "vcpu" : p->kind == MK_PD_KIND_PD ? "pd" : "?", p->name,
               p->parent == MK_NO_PARENT ? -1 : p->parent, p->child_id, p->vm, p->priority,
               (unsigned long long)p->budget_us, (unsigned long long)p->period_us, p->cpu, p->domain, p->passive,
               p->fpu, p->smc, (unsigned long long)p->entry, (unsigned long long)p->stack_bottom,
               (unsigned long long)p->stack_top, (unsigned long long)p->ipcbuf_paddr, p->map_first, p->map_count);
    }
    for (uint32_t i = 0; i < t->nmaps; i++)
        printf("map %u: vaddr 0x%llx size 0x%llx page_bits %u attrs 0x%x paddr 0x%llx\n", i,
               (unsigned long long)maps[i].vaddr, (unsigned long long)maps[i].size, maps[i].page_bits, maps[i].attrs,
               (unsigned long long)maps[i].paddr);
}

int main(int argc, char **argv)
{
    int dumping = argc == 3 && !strcmp(argv[1], "--dump");
    if (dumping)
        argv++, argc--;
    if (argc < 2 || (argc - 2) % 3) {
        fprintf(stderr, "usage: imgcheck IMG [PD VADDR VALUE]...\n       imgcheck --dump IMG\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    img_size = (size_t)ftell(f);
    rewind(f);
    img = malloc(img_size + 1);
    if (fread(img, 1, img_size, f) != img_size) {
        perror("read");
        return 1;
    }
    fclose(f);

    int bad = 0;
    const struct mk_systable *t = find_table();
    if (!t) {
        printf("no system table in %s\n", argv[1]);
        return 1;
    }
    if (t->version != MK_SYSTABLE_VERSION || (const uint8_t *)t + t->size > img + img_size) {
        printf("bad table header: version %u size %u\n", t->version, t->size);
        return 1;
    }
    if (dumping) {
        dump(t);
        return 0;
    }
    const struct mk_pd *pds = (const void *)((const uint8_t *)t + t->pds_off);
    const struct mk_map *maps = (const void *)((const uint8_t *)t + t->maps_off);
    uint64_t end = MK_IMAGE_BASE + img_size;
    for (uint32_t i = 0; i < t->nmaps; i++) {
        const struct mk_map *m = &maps[i];
        if (m->paddr < MK_IMAGE_BASE || m->paddr >= end || m->paddr >= t->zero_base)
            continue;
        for (uint64_t p = m->paddr; p < m->paddr + m->size; p += 4096) {
            const uint8_t *page = img + (p - MK_IMAGE_BASE);
            size_t k = 0;
            while (k < 4096 && !page[k])
                k++;
            if (k == 4096) {
                printf("all-zero page at 0x%llx in the image (map %u)\n", (unsigned long long)p, i);
                bad = 1;
            }
        }
    }
    for (int a = 2; a < argc; a += 3) {
        unsigned pd = (unsigned)strtoul(argv[a], NULL, 0);
        uint64_t vaddr = strtoull(argv[a + 1], NULL, 0), want = strtoull(argv[a + 2], NULL, 0);
        if (pd >= t->npds) {
            printf("no PD %u\n", pd);
            return 1;
        }
        const struct mk_map *hit = NULL;
        for (uint32_t i = pds[pd].map_first; i < pds[pd].map_first + pds[pd].map_count; i++)
            if (vaddr >= maps[i].vaddr && vaddr + 8 <= maps[i].vaddr + maps[i].size)
                hit = &maps[i];
        if (!hit) {
            printf("PD %u: 0x%llx is not mapped\n", pd, (unsigned long long)vaddr);
            bad = 1;
            continue;
        }
        uint64_t pa = hit->paddr + (vaddr - hit->vaddr), got = 0;
        if (pa >= MK_IMAGE_BASE && pa + 8 <= end)
            memcpy(&got, img + (pa - MK_IMAGE_BASE), 8);
        if (got != want) {
            printf("PD %u: 0x%llx holds 0x%llx, expected 0x%llx\n", pd, (unsigned long long)vaddr,
                   (unsigned long long)got, (unsigned long long)want);
            bad = 1;
        }
    }
    return bad;
}
