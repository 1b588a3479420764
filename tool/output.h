/*
 * Output files are written to a temporary name beside the target and renamed
 * only when everything succeeded; on any error exit the temporaries are
 * removed, so a failed run leaves no output file behind.
 */
#ifndef TOOL_OUTPUT_H
#define TOOL_OUTPUT_H

#include <stdio.h>

/* Open a temporary file that will become 'path'. */
FILE *output_open(const char *path);

/* Close every output and rename it into place. */
void output_commit(void);

#endif
