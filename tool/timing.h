/*
 * Phase timing for `make bench-tool`: with MICROKIT_TIMING set in the
 * environment, the tool prints on stderr, at exit, one line per phase of the
 * run ("microkit: timing: PHASE MS") measured with CLOCK_MONOTONIC. If its
 * value is a CLOCK_MONOTONIC reading in nanoseconds taken by the harness just
 * before it started the tool, the first line is the start-up: from then to
 * main(). Without MICROKIT_TIMING, timing_phase returns at once and nothing is
 * printed.
 */
#ifndef TOOL_TIMING_H
#define TOOL_TIMING_H

/* First thing in main(). */
void timing_start(void);

/* The phase that just ended is 'name' (a string literal): the time since the previous mark. */
void timing_phase(const char *name);

#endif
