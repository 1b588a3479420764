/*
 * LD_PRELOAD shim for the tool tests: rename() fails with EIO the first time
 * its destination ends with $FAIL_RENAME_TO (the undo that follows may use
 * the same name and must work), so that the tests can reach the
 * output commit's undo paths (tool/output.c), which a real file system only
 * reaches on a bad day.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rename(const char *from, const char *to)
{
    const char *suffix = getenv("FAIL_RENAME_TO");
    size_t n = suffix ? strlen(suffix) : 0, m = strlen(to);
    static int failed;
    if (n && m >= n && !strcmp(to + m - n, suffix) && !failed) {
        failed = 1;
        errno = EIO;
        return -1;
    }
    int (*real)(const char *, const char *) = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    return real(from, to);
}
