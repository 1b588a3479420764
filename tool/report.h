/* report.txt: a human-readable account of the layout (not a stable format). */
#ifndef TOOL_REPORT_H
#define TOOL_REPORT_H

#include <stdio.h>

#include "model.h"
#include "place.h"

void report_write(FILE *f, const struct system *sys, const struct layout *L, const char *board, const char *config);

#endif
