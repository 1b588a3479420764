/* Temporary output files; see output.h. */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

struct output {
    char *path, *tmp;
    FILE *f;
};

static struct output outs[4];
static size_t nouts;

static void remove_temporaries(void)
{
    for (size_t i = 0; i < nouts; i++)
        if (outs[i].tmp) {
            if (outs[i].f)
                fclose(outs[i].f);
            unlink(outs[i].tmp);
        }
}

FILE *output_open(const char *path)
{
    if (nouts == sizeof(outs) / sizeof(outs[0]))
        diag_fatal("too many output files");
    if (nouts == 0)
        atexit(remove_temporaries);
    struct output *o = &outs[nouts];
    o->path = xstrdup(path);
    o->tmp = xasprintf("%s.tmpXXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0)
        diag_fatal("cannot create '%s': %s", o->tmp, strerror(errno));
    nouts++;
    o->f = fdopen(fd, "wb");
    if (!o->f)
        diag_fatal("cannot write '%s': %s", o->tmp, strerror(errno));
    return o->f;
}

void output_commit(void)
{
    for (size_t i = 0; i < nouts; i++) {
        int bad = ferror(outs[i].f);
        if (fclose(outs[i].f) || bad) {
            outs[i].f = NULL;
            diag_fatal("cannot write '%s'", outs[i].path);
        }
        outs[i].f = NULL;
        /* mkstemp creates 0600; outputs are ordinary files. */
        mode_t mask = umask(0);
        umask(mask);
        chmod(outs[i].tmp, 0666 & ~mask);
    }
    for (size_t i = 0; i < nouts; i++) {
        if (rename(outs[i].tmp, outs[i].path))
            diag_fatal("cannot rename '%s' to '%s': %s", outs[i].tmp, outs[i].path, strerror(errno));
        free(outs[i].tmp);
        outs[i].tmp = NULL;
    }
}
