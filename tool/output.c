/* Output files, all or nothing; see output.h. */
#include "output.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

struct file_id {
    char *norm; /* the path with its directory resolved (realpath), or NULL */
    bool exists;
    dev_t dev;
    ino_t ino;
};

struct output {
    const char *what; /* the option that named it */
    char *path, *tmp, *backup;
    FILE *f;
    struct file_id id;
    bool renamed; /* in place: a failure now must undo it */
};

static struct output *outs;
static size_t nouts;
static bool cleanup_installed;

/* Identify path: device and inode if it exists, and its directory resolved either way. */
static struct file_id identify(const char *path)
{
    struct file_id id = {0};
    struct stat st;
    if (stat(path, &st) == 0) {
        id.exists = true;
        id.dev = st.st_dev;
        id.ino = st.st_ino;
    }
    char *dcopy = xstrdup(path), *bcopy = xstrdup(path);
    char dir[PATH_MAX];
    if (realpath(dirname(dcopy), dir))
        id.norm = xasprintf("%s/%s", strcmp(dir, "/") ? dir : "", basename(bcopy));
    free(dcopy);
    free(bcopy);
    return id;
}

static bool same_file(const struct file_id *a, const struct file_id *b)
{
    if (a->exists && b->exists)
        return a->dev == b->dev && a->ino == b->ino;
    return a->norm && b->norm && !strcmp(a->norm, b->norm);
}

static bool committing; /* between the first file moved aside and the last backup removed */
static void roll_back(void);

/* At exit: the temporaries of a run that did not commit go, and a commit cut short is undone. */
static void remove_temporaries(void)
{
    for (size_t i = 0; i < nouts; i++) {
        if (outs[i].f)
            fclose(outs[i].f);
        outs[i].f = NULL;
        if (outs[i].tmp)
            unlink(outs[i].tmp);
    }
    if (committing)
        roll_back();
}

void output_declare(const char *what, const char *path)
{
    if (!*path)
        diag_fatal("%s: the file name is empty", what);
    struct stat st;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            diag_fatal("%s '%s' is a directory; name a file (e.g. '%s/%s')", what, path, path,
                       !strcmp(what, "-o") ? "loader.img" : !strcmp(what, "-r") ? "report.txt" : "report.json");
        if (!S_ISREG(st.st_mode))
            diag_fatal("%s '%s' is not a regular file; the tool replaces its outputs, it does not write into "
                       "devices or pipes",
                       what, path);
    }
    struct file_id id = identify(path);
    if (!id.norm)
        diag_fatal("%s '%s': its directory does not exist (create it first)", what, path);
    for (size_t i = 0; i < nouts; i++)
        if (same_file(&outs[i].id, &id))
            diag_fatal("%s '%s' and %s '%s' are the same file; give each output its own name", outs[i].what,
                       outs[i].path, what, path);
    struct output *o = VEC_PUSH(outs, nouts);
    *o = (struct output){.what = what, .path = xstrdup(path), .id = id};
}

void output_input(const char *what, const char *path)
{
    struct file_id id = identify(path);
    for (size_t i = 0; i < nouts; i++)
        if (same_file(&outs[i].id, &id))
            diag_fatal("%s '%s' is also an input (the %s, '%s'); writing it would destroy the input", outs[i].what,
                       outs[i].path, what, path);
    free(id.norm);
}

FILE *output_open(const char *path)
{
    struct output *o = NULL;
    for (size_t i = 0; i < nouts && !o; i++)
        if (!strcmp(outs[i].path, path))
            o = &outs[i];
    if (!o) {
        output_declare("output", path);
        o = &outs[nouts - 1];
    }
    if (!cleanup_installed) {
        atexit(remove_temporaries);
        cleanup_installed = true;
    }
    o->tmp = xasprintf("%s.tmpXXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int err = errno;
        free(o->tmp);
        o->tmp = NULL;
        diag_fatal("cannot create a temporary file beside %s '%s': %s", o->what, path, strerror(err));
    }
    o->f = fdopen(fd, "wb");
    if (!o->f)
        diag_fatal("cannot write '%s': %s", o->tmp, strerror(errno));
    return o->f;
}

/*
 * Undo a commit that failed part way: remove the outputs already renamed into place, then put back the files
 * that were moved aside for them. Every backup is forgotten here, so that the exit's clean-up never removes one.
 */
static void roll_back(void)
{
    committing = false;
    for (size_t i = 0; i < nouts; i++)
        if (outs[i].renamed) {
            unlink(outs[i].path);
            outs[i].renamed = false;
        }
    for (size_t i = 0; i < nouts; i++) {
        if (outs[i].backup && rename(outs[i].backup, outs[i].path))
            fprintf(stderr, "microkit: warning: the previous %s '%s' is left as '%s'\n", outs[i].what, outs[i].path,
                    outs[i].backup);
        free(outs[i].backup);
        outs[i].backup = NULL;
    }
}

/*
 * A file being replaced is first moved aside (to NAME.tmpXXXXXX.old) and the new one renamed to the name now
 * free, rather than renamed over it: on ext4 a rename over an existing file starts the write-back of the new
 * file at once (auto_da_alloc), and removing that file later, as the next run does when it replaces it, waits
 * for that write. With the disk busy that cost the commit 3 ms (median; up to 10) against 0.15
 * (docs/benchmarks.md, "The tool"). The price is a moment in which the name does not exist; the signals that
 * stop the tool are held meanwhile, so that Ctrl-C cannot leave an output moved aside.
 */
void output_commit(void)
{
    mode_t mask = umask(0);
    umask(mask);
    for (size_t i = 0; i < nouts; i++) {
        if (!outs[i].tmp)
            continue; /* declared, never written */
        int bad = ferror(outs[i].f);
        int closed = fclose(outs[i].f);
        outs[i].f = NULL;
        if (closed || bad)
            diag_fatal("cannot write %s '%s' (disk full?)", outs[i].what, outs[i].path);
        /* mkstemp creates 0600; outputs are ordinary files. */
        chmod(outs[i].tmp, 0666 & ~mask);
    }
    sigset_t stop, before;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    sigaddset(&stop, SIGQUIT);
    sigprocmask(SIG_BLOCK, &stop, &before);
    committing = true;
    for (size_t i = 0; i < nouts; i++) {
        if (!outs[i].tmp || access(outs[i].path, F_OK))
            continue;
        char *backup = xasprintf("%s.old", outs[i].tmp);
        if (rename(outs[i].path, backup)) {
            int err = errno;
            free(backup);
            roll_back();
            diag_fatal("cannot move %s '%s' aside to replace it: %s; no output was written", outs[i].what,
                       outs[i].path, strerror(err));
        }
        outs[i].backup = backup;
    }
    for (size_t i = 0; i < nouts; i++) {
        if (!outs[i].tmp)
            continue;
        if (rename(outs[i].tmp, outs[i].path)) {
            int err = errno;
            roll_back();
            diag_fatal("cannot rename '%s' to %s '%s': %s; no output was written", outs[i].tmp, outs[i].what,
                       outs[i].path, strerror(err));
        }
        free(outs[i].tmp);
        outs[i].tmp = NULL;
        outs[i].renamed = true;
    }
    for (size_t i = 0; i < nouts; i++)
        if (outs[i].backup) {
            unlink(outs[i].backup);
            free(outs[i].backup);
            outs[i].backup = NULL;
        }
    committing = false;
    sigprocmask(SIG_SETMASK, &before, NULL);
}
