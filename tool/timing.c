/* Phase timing; see timing.h. */
#include "timing.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX_PHASES 32

static struct {
    const char *name;
    double ms;
} phases[MAX_PHASES];
static int nphases, enabled;
static struct timespec last;

static double ms_between(struct timespec a, struct timespec b)
{
    return (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
}

static void print(void)
{
    for (int i = 0; i < nphases; i++)
        fprintf(stderr, "microkit: timing: %s %.3f\n", phases[i].name, phases[i].ms);
}

void timing_start(void)
{
    const char *env = getenv("MICROKIT_TIMING");
    enabled = env && *env;
    if (!enabled)
        return;
    clock_gettime(CLOCK_MONOTONIC, &last);
    /* A harness that reads CLOCK_MONOTONIC (in ns) just before it starts the tool passes that reading: the first
     * phase is then everything before main (fork/spawn, exec, the dynamic linker, constructors). */
    char *end;
    unsigned long long t0 = strtoull(env, &end, 10);
    if (!*end && t0) {
        phases[nphases].name = "start-up (spawn, exec, dynamic linking)";
        phases[nphases++].ms = ((double)last.tv_sec * 1e9 + (double)last.tv_nsec - (double)t0) / 1e6;
    }
    atexit(print); /* also after an early exit (--gen-headers, --graph) */
}

void timing_phase(const char *name)
{
    if (!enabled || nphases == MAX_PHASES)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    phases[nphases].name = name;
    phases[nphases++].ms = ms_between(last, now);
    last = now;
}
