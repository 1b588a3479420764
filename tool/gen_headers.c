/*
 * Generated headers (gen_headers.h). Names are derived only from names in the
 * .system (peer PD, MR, child PD, IRQ number), never from ids, so changing an
 * id in the .system changes the constants' values and nothing a PD's source
 * refers to.
 *
 * Identifiers: the name upper-cased, every character other than A-Z, 0-9
 * turned into '_', behind a prefix per kind (CH_, IRQ_, CHILD_, MR_; for the
 * PD's virtual machine VCPU_ after the VM, GUEST_ after its MRs). When a
 * name is already taken in the same header (two channels to one peer, one MR
 * mapped twice, "a-b" and "a_b"), the later one in document order gets _2,
 * _3, ... appended, so earlier names stay stable when entries are added
 * below them.
 */
#include "gen_headers.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "minikit/systable.h"
#include "output.h"

#define SUBDIR "microkit_gen"

/* The identifiers already defined in the header being built. */
struct names {
    char **v;
    size_t n;
};

static bool taken(const struct names *names, const char *id)
{
    for (size_t i = 0; i < names->n; i++)
        if (!strcmp(names->v[i], id))
            return true;
    return false;
}

/* prefix + NAME (+ _2, _3, ... if taken) + suffix, recorded as taken. */
static const char *ident(struct names *names, const char *prefix, const char *name, const char *suffix)
{
    char *base = xasprintf("%s%s", prefix, name);
    for (char *c = base + strlen(prefix); *c; c++)
        *c = isalnum((unsigned char)*c) ? (char)toupper((unsigned char)*c) : '_';
    char *id = xasprintf("%s%s", base, suffix);
    for (unsigned k = 2; taken(names, id); k++) {
        free(id);
        id = xasprintf("%s_%u%s", base, k, suffix);
    }
    free(base);
    *VEC_PUSH(names->v, names->n) = id;
    return id;
}

/* The file name for a PD: its name with anything unusual in a file name replaced by '_'. */
static char *file_stem(const char *pd_name)
{
    char *s = xstrdup(pd_name);
    for (char *c = s; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '_' && *c != '-' && *c != '.')
            *c = '_';
    if (s[0] == '.')
        s[0] = '_'; /* no hidden files, no ".." */
    return s;
}

/* s inside a C comment: no comment terminator, no line breaks. */
static void put_comment_safe(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (s[0] == '*' && s[1] == '/')
            fputs("* ", f);
        else
            fputc(iscntrl((unsigned char)*s) ? '?' : *s, f);
    }
}

static void channels(FILE *f, const struct system *sys, const struct pd *pd, struct names *names)
{
    bool any = false;
    for (size_t c = 0; c < sys->nchannels; c++) {
        for (int e = 0; e < 2; e++) {
            const struct end *me = &sys->channels[c].end[e], *peer = &sys->channels[c].end[!e];
            if (me->pd != pd)
                continue;
            if (!any)
                fputs("\n/* Channels (microkit_channel ids), named after the PD at the other end. */\n", f);
            any = true;
            fprintf(f, "#define %s %u /* '", ident(names, "CH_", peer->pd->name, ""), me->id);
            put_comment_safe(f, peer->pd->name);
            fprintf(f, "'%s%s */\n", me->pp ? "; this PD may ppcall it" : "",
                    peer->pp ? "; it may ppcall this PD" : "");
        }
    }
}

static void irqs(FILE *f, const struct pd *pd, struct names *names)
{
    for (size_t i = 0; i < pd->nirqs; i++) {
        if (i == 0)
            fputs("\n/* Interrupts (channel ids of IRQs), named after the interrupt number. */\n", f);
        char num[24];
        snprintf(num, sizeof(num), "%llu", (unsigned long long)pd->irqs[i].irq);
        fprintf(f, "#define %s %u\n", ident(names, "IRQ_", num, ""), pd->irqs[i].id);
    }
}

static void children(FILE *f, const struct system *sys, const struct pd *pd, struct names *names)
{
    bool any = false;
    for (size_t i = 0; i < sys->npds; i++) {
        const struct pd *child = sys->pds[i];
        if (child->parent != pd)
            continue;
        if (!any)
            fputs("\n/* Child PDs (ids for microkit_pd_restart and the fault handler). */\n", f);
        any = true;
        fprintf(f, "#define %s %u\n", ident(names, "CHILD_", child->name, ""), child->child_id);
    }
}

static void maps(FILE *f, const struct pd *pd, struct names *names)
{
    for (size_t i = 0; i < pd->nmaps; i++) {
        const struct map *m = &pd->maps[i];
        if (i == 0)
            fputs("\n/* Mapped memory regions, named after the MR: virtual address and size in bytes. */\n", f);
        const char *vaddr = ident(names, "MR_", m->mr_name, "_VADDR");
        /* _SIZE follows _VADDR's disambiguation so the pair keeps one name. */
        char *size = xasprintf("%.*s_SIZE", (int)(strlen(vaddr) - strlen("_VADDR")), vaddr);
        *VEC_PUSH(names->v, names->n) = size;
        fprintf(f, "#define %s 0x%llxUL /* perms %s */\n", vaddr, (unsigned long long)m->vaddr, m->perms);
        fprintf(f, "#define %s 0x%llxUL\n", size, (unsigned long long)m->mr->size);
    }
}

/* The VMM's virtual machine: its vCPU ids (child ids of the VMM) and its guest-physical maps. */
static void vm(FILE *f, const struct pd *pd, struct names *names)
{
    const struct vm *vm = pd->vm;
    if (!vm)
        return;
    fputs("\n/* Virtual machine '", f);
    put_comment_safe(f, vm->name);
    fputs("': vCPU ids (for microkit_vcpu_* and the fault handler), named after the VM. */\n", f);
    for (size_t i = 0; i < vm->nvcpus; i++)
        fprintf(f, "#define %s %u\n", ident(names, "VCPU_", vm->name, ""), vm->vcpus[i].id);
    for (size_t i = 0; i < vm->nmaps; i++) {
        const struct map *m = &vm->maps[i];
        if (i == 0)
            fputs("\n/* The guest's memory, named after the MR: guest-physical address and size in bytes. */\n", f);
        const char *gpa = ident(names, "GUEST_", m->mr_name, "_GPA");
        char *size = xasprintf("%.*s_SIZE", (int)(strlen(gpa) - strlen("_GPA")), gpa);
        *VEC_PUSH(names->v, names->n) = size;
        fprintf(f, "#define %s 0x%llxUL /* perms %s%s */\n", gpa, (unsigned long long)m->vaddr, m->perms,
                m->attrs & MK_MAP_UNCACHED ? ", uncached" : "");
        fprintf(f, "#define %s 0x%llxUL\n", size, (unsigned long long)m->mr->size);
    }
}

/* The header's text, in memory, so nothing is written unless every header could be made. */
static char *header_text(const struct system *sys, const struct pd *pd, const char *stem, size_t *len)
{
    char *text;
    FILE *f = open_memstream(&text, len);
    if (!f)
        diag_fatal("--gen-headers: %s", strerror(errno));
    struct names names = {0};
    char *guard = xasprintf("MICROKIT_GEN_%s_H", stem);
    for (char *c = guard; *c; c++)
        *c = isalnum((unsigned char)*c) ? (char)toupper((unsigned char)*c) : '_';

    fputs("/*\n * Generated by microkit --gen-headers from ", f);
    put_comment_safe(f, sys->file);
    fputs(" for protection domain '", f);
    put_comment_safe(f, pd->name);
    fprintf(f, "'.\n * Do not edit: change the .system file and rebuild.\n */\n#ifndef %s\n#define %s\n", guard, guard);
    channels(f, sys, pd, &names);
    irqs(f, pd, &names);
    children(f, sys, pd, &names);
    maps(f, pd, &names);
    vm(f, pd, &names);
    fprintf(f, "\n#endif\n");
    fclose(f);

    for (size_t i = 0; i < names.n; i++)
        free(names.v[i]);
    free(names.v);
    free(guard);
    return text;
}

/* mkdir -p: the build directory of a fresh checkout does not exist yet. */
static void make_dir(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = 0;
        if (mkdir(p, 0777) && errno != EEXIST)
            diag_fatal("--gen-headers: cannot create directory '%s': %s", p, strerror(errno));
        *s = '/';
    }
    if (mkdir(p, 0777) && errno != EEXIST)
        diag_fatal("--gen-headers: cannot create directory '%s': %s", p, strerror(errno));
    free(p);
}

void gen_headers(const struct system *sys, const char *dir)
{
    char **stems = xcalloc(sys->npds, sizeof(*stems));
    char **texts = xcalloc(sys->npds, sizeof(*texts));
    size_t *lens = xcalloc(sys->npds, sizeof(*lens));

    for (size_t i = 0; i < sys->npds; i++) {
        stems[i] = file_stem(sys->pds[i]->name);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(stems[i], stems[j]))
                diag_fatal("--gen-headers: PDs '%s' and '%s' would both get the header '%s/%s.h'; rename one",
                           sys->pds[j]->name, sys->pds[i]->name, SUBDIR, stems[i]);
        texts[i] = header_text(sys, sys->pds[i], stems[i], &lens[i]);
    }

    make_dir(dir);
    char *sub = xasprintf("%s/%s", dir, SUBDIR);
    make_dir(sub);
    for (size_t i = 0; i < sys->npds; i++) {
        char *path = xasprintf("%s/%s.h", sub, stems[i]);
        FILE *f = output_open(path);
        if (fwrite(texts[i], 1, lens[i], f) != lens[i])
            diag_fatal("--gen-headers: cannot write '%s'", path);
        free(path);
        free(stems[i]);
        free(texts[i]);
    }
    output_commit(); /* all headers or none */
    free(sub);
    free(stems);
    free(texts);
    free(lens);
}
