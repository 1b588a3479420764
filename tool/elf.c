/* ELF reading with libelf; see elf.h. */
#include "elf.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "minikit/board.h"

#define PAGE 0x1000ULL

static struct elf_image *fail(char **err, char *msg, Elf *e, int fd)
{
    *err = msg;
    if (e)
        elf_end(e);
    if (fd >= 0)
        close(fd);
    return NULL;
}

/* The usual suspects when a PD was built with the wrong compiler. */
static const char *machine_name(unsigned m, char *buf, size_t len)
{
    const char *name = m == EM_X86_64 ? "x86-64" : m == EM_386 ? "i386" : m == EM_ARM ? "32-bit Arm"
                     : m == EM_RISCV ? "RISC-V" : NULL;
    if (name)
        snprintf(buf, len, "it is for %s, e_machine %u", name, m);
    else
        snprintf(buf, len, "e_machine %u", m);
    return buf;
}

static const char *type_name(unsigned t)
{
    switch (t) {
    case ET_REL: return "ET_REL, a relocatable object: link it into an executable with microkit.ld";
    case ET_DYN: return "ET_DYN, a shared object or PIE: link with -no-pie and microkit.ld";
    case ET_CORE: return "ET_CORE, a core dump";
    default: return "unknown e_type";
    }
}

static uint64_t page_up(uint64_t x)
{
    return (x + PAGE - 1) & ~(PAGE - 1);
}

/*
 * Every PT_LOAD is checked, and the image's total memory weighed against the
 * board's RAM, before anything is allocated: a hostile file of a few KB can
 * declare terabytes. Only a segment's file bytes are held in memory; the rest
 * of it (.bss, p_memsz beyond p_filesz) is known to be zero without storing it.
 */
static int read_segments(Elf *e, const char *raw, size_t rawsize, struct elf_image *img, char **err)
{
    size_t n;
    if (elf_getphdrnum(e, &n)) {
        *err = xasprintf("the program header table is unreadable: %s", elf_errmsg(-1));
        return -1;
    }
    if (n == 0) {
        *err = xstrdup("no program headers");
        return -1;
    }
    uint64_t total = 0;
    size_t nload = 0;
    for (size_t i = 0; i < n; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) {
            *err = xasprintf("program header %zu is unreadable (the table lies outside the file?)", i);
            return -1;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (ph.p_filesz > ph.p_memsz) {
            *err = xasprintf("program header %zu has more file bytes (p_filesz 0x%llx) than memory bytes "
                             "(p_memsz 0x%llx)",
                             i, (unsigned long long)ph.p_filesz, (unsigned long long)ph.p_memsz);
            return -1;
        }
        if (ph.p_offset > rawsize || ph.p_filesz > rawsize - ph.p_offset) {
            *err = xasprintf("program header %zu has file bytes [0x%llx..+0x%llx) beyond the end of the file "
                             "(0x%zx bytes)",
                             i, (unsigned long long)ph.p_offset, (unsigned long long)ph.p_filesz, rawsize);
            return -1;
        }
        if (ph.p_vaddr > UINT64_MAX - PAGE || ph.p_memsz > UINT64_MAX - PAGE - ph.p_vaddr) {
            *err = xasprintf("program header %zu: segment at 0x%llx of 0x%llx bytes wraps around the address space",
                             i, (unsigned long long)ph.p_vaddr, (unsigned long long)ph.p_memsz);
            return -1;
        }
        uint64_t len = page_up(ph.p_vaddr + ph.p_memsz) - (ph.p_vaddr & ~(PAGE - 1));
        if (len > ELF_MAX_MEMORY) {
            *err = xasprintf("segment %zu (program header %zu, at 0x%llx) needs 0x%llx bytes of memory, more than "
                             "the 0x%llx bytes of RAM the board has for the image and its PDs",
                             nload, i, (unsigned long long)ph.p_vaddr, (unsigned long long)len,
                             (unsigned long long)ELF_MAX_MEMORY);
            return -1;
        }
        total += len; /* cannot overflow: each term is below 2^31 and we stop once past 2^31 */
        nload++;
        if (total > ELF_MAX_MEMORY) {
            *err = xasprintf("its loadable segments need 0x%llx bytes of memory already by program header %zu "
                             "(segment %zu), more than the 0x%llx bytes of RAM the board has for the image and its PDs",
                             (unsigned long long)total, i, nload - 1, (unsigned long long)ELF_MAX_MEMORY);
            return -1;
        }
    }
    for (size_t i = 0; i < n; i++) {
        GElf_Phdr ph;
        gelf_getphdr(e, (int)i, &ph);
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        struct elf_seg *s = VEC_PUSH(img->segs, img->nsegs);
        s->vaddr = ph.p_vaddr;
        s->paddr = ph.p_paddr;
        s->filesz = ph.p_filesz;
        s->memsz = ph.p_memsz;
        s->flags = ph.p_flags;
        s->base = ph.p_vaddr & ~(PAGE - 1);
        s->len = page_up(ph.p_vaddr + ph.p_memsz) - s->base;
        s->dlen = ph.p_filesz ? page_up(ph.p_vaddr + ph.p_filesz) - s->base : 0;
        if (s->dlen) {
            s->data = xcalloc(1, s->dlen);
            memcpy(s->data + (ph.p_vaddr - s->base), raw + ph.p_offset, ph.p_filesz);
        }
    }
    return 0;
}

static void read_symbols(Elf *e, struct elf_image *img)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(e, scn))) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB)
            continue;
        img->has_symtab = 1;
        Elf_Data *d = elf_getdata(scn, NULL);
        size_t count = d && sh.sh_entsize ? d->d_size / sh.sh_entsize : 0;
        for (size_t i = 0; i < count; i++) {
            GElf_Sym sym;
            if (!gelf_getsym(d, (int)i, &sym) || sym.st_shndx == SHN_UNDEF)
                continue;
            const char *name = elf_strptr(e, sh.sh_link, sym.st_name);
            if (!name || !*name)
                continue;
            struct elf_sym *s = VEC_PUSH(img->syms, img->nsyms);
            s->name = xstrdup(name);
            s->value = sym.st_value;
            s->size = sym.st_size;
            s->func = GELF_ST_TYPE(sym.st_info) == STT_FUNC;
        }
    }
}

/* qsort's comparison for the name index: by name, then by index (so the first definition comes first). */
static const struct elf_sym *sorting;

static int by_name(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = strcmp(sorting[i].name, sorting[j].name);
    return c ? c : (i > j) - (i < j);
}

/* Patching looks up a dozen symbols per PD in tables of hundreds: a sorted index instead of a linear search. */
static void index_symbols(struct elf_image *img)
{
    img->by_name = xcalloc(img->nsyms ? img->nsyms : 1, sizeof(*img->by_name));
    for (size_t i = 0; i < img->nsyms; i++)
        img->by_name[i] = i;
    sorting = img->syms;
    qsort(img->by_name, img->nsyms, sizeof(*img->by_name), by_name);
}

struct elf_image *elf_load(const char *path, char **err)
{
    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(err, xstrdup("libelf is out of date"), NULL, -1);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return fail(err, xasprintf("cannot open: %s", strerror(errno)), NULL, -1);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    if (!e || elf_kind(e) != ELF_K_ELF)
        return fail(err, xstrdup("not an ELF file (bad magic)"), e, fd);
    size_t rawsize;
    const char *raw = elf_rawfile(e, &rawsize);
    /* Class and byte order first, from e_ident: the rest of the header is read according to them. */
    const char *ident = elf_getident(e, NULL);
    if (!raw || !ident)
        return fail(err, xstrdup("unreadable ELF header"), e, fd);
    if (ident[EI_CLASS] != ELFCLASS64)
        return fail(err, xasprintf("not a 64-bit ELF file (%s); build the PD for AArch64 (aarch64-linux-gnu-gcc)",
                                   ident[EI_CLASS] == ELFCLASS32 ? "ELFCLASS32" : "unknown EI_CLASS"),
                    e, fd);
    if (ident[EI_DATA] != ELFDATA2LSB)
        return fail(err, xasprintf("not a little-endian ELF file (%s); AArch64 PDs run little-endian",
                                   ident[EI_DATA] == ELFDATA2MSB ? "big-endian" : "unknown EI_DATA"),
                    e, fd);
    GElf_Ehdr eh;
    if (!gelf_getehdr(e, &eh))
        return fail(err, xstrdup("unreadable ELF header"), e, fd);
    char machine[48];
    if (eh.e_machine != EM_AARCH64)
        return fail(err, xasprintf("not an AArch64 ELF file (%s); build the PD with the AArch64 cross compiler",
                                   machine_name(eh.e_machine, machine, sizeof(machine))),
                    e, fd);
    if (eh.e_type != ET_EXEC)
        return fail(err, xasprintf("not an executable ELF file (%s)", type_name(eh.e_type)), e, fd);
    struct elf_image *img = xcalloc(1, sizeof(*img));
    img->path = xstrdup(path);
    img->entry = eh.e_entry;
    if (read_segments(e, raw, rawsize, img, err)) {
        elf_free(img); /* segments read so far can be large */
        return fail(err, *err, e, fd);
    }
    read_symbols(e, img);
    index_symbols(img);
    elf_end(e);
    close(fd);
    return img;
}

void elf_free(struct elf_image *img)
{
    for (size_t i = 0; i < img->nsegs; i++) {
        free(img->segs[i].data);
        for (size_t k = 0; k < img->segs[i].nextra; k++)
            free(img->segs[i].extra[k].bytes);
        free(img->segs[i].extra);
    }
    free(img->segs);
    if (!img->shares_symbols) {
        for (size_t i = 0; i < img->nsyms; i++)
            free(img->syms[i].name);
        free(img->syms);
        free(img->by_name);
        free((char *)img->path);
    }
    free(img);
}

struct elf_image *elf_copy(const struct elf_image *img)
{
    struct elf_image *c = xcalloc(1, sizeof(*c));
    *c = *img;
    c->shares_symbols = 1;
    c->segs = vec_alloc(sizeof(*c->segs), img->nsegs);
    for (size_t i = 0; i < img->nsegs; i++) {
        struct elf_seg *s = &c->segs[i];
        *s = img->segs[i];
        if (s->dlen) {
            s->data = xmalloc(s->dlen);
            memcpy(s->data, img->segs[i].data, s->dlen);
        }
        s->extra = NULL;
        s->nextra = 0;
        for (size_t k = 0; k < img->segs[i].nextra; k++) {
            struct elf_page *e = VEC_PUSH(s->extra, s->nextra);
            e->off = img->segs[i].extra[k].off;
            e->bytes = xmalloc(PAGE);
            memcpy(e->bytes, img->segs[i].extra[k].bytes, PAGE);
        }
    }
    return c;
}

size_t elf_find_symbol(const struct elf_image *img, const char *name, const struct elf_sym **sym)
{
    size_t lo = 0, hi = img->nsyms; /* the first index entry whose name is >= name */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(img->syms[img->by_name[mid]].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t count = 0;
    for (size_t i = lo; i < img->nsyms && !strcmp(img->syms[img->by_name[i]].name, name); i++)
        if (!count++)
            *sym = &img->syms[img->by_name[i]];
    return count;
}

struct elf_seg *elf_seg_at(const struct elf_image *img, uint64_t vaddr, uint64_t size)
{
    for (size_t i = 0; i < img->nsegs; i++) {
        struct elf_seg *s = &img->segs[i];
        if (vaddr >= s->vaddr && vaddr - s->vaddr <= s->memsz && size <= s->memsz - (vaddr - s->vaddr))
            return s;
    }
    return NULL;
}

const uint8_t *elf_seg_page(const struct elf_seg *s, uint64_t off)
{
    if (off < s->dlen)
        return s->data + off;
    for (size_t i = 0; i < s->nextra; i++)
        if (s->extra[i].off == off)
            return s->extra[i].bytes;
    return NULL;
}

/* The page at offset off, made (zeroed) if it is beyond the file bytes and not made yet. */
static uint8_t *writable_page(struct elf_seg *s, uint64_t off)
{
    uint8_t *p = (uint8_t *)elf_seg_page(s, off);
    if (p)
        return p;
    struct elf_page *e = VEC_PUSH(s->extra, s->nextra);
    e->off = off;
    e->bytes = xcalloc(1, PAGE);
    return e->bytes;
}

/* A patch in .bss makes only the pages it writes: a symbol at the end of a huge .bss costs one page. */
void elf_patch(struct elf_image *img, uint64_t vaddr, const void *bytes, size_t n)
{
    struct elf_seg *s = elf_seg_at(img, vaddr, n);
    const uint8_t *from = bytes;
    uint64_t at = vaddr - s->base; /* [at, at + n) is within s->len: elf_seg_at checked it */
    while (n) {
        uint64_t page = at & ~(PAGE - 1), in = at - page;
        size_t piece = n < PAGE - in ? n : (size_t)(PAGE - in);
        memcpy(writable_page(s, page) + in, from, piece);
        from += piece;
        at += piece;
        n -= piece;
    }
}

void elf_patch_le(struct elf_image *img, uint64_t vaddr, uint64_t value, size_t n)
{
    uint8_t le[8];
    for (size_t b = 0; b < 8; b++)
        le[b] = (uint8_t)(value >> (8 * b));
    elf_patch(img, vaddr, le, n);
}
