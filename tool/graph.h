/*
 * --graph FILE: a picture of the system (docs/tool.md, "System graph"),
 * drawn from the checked model alone (no ELF files): protection domains
 * (priority, passive, budget/period), children nested in their parent's
 * cluster, channels (a PPC edge points from the end with pp="true" to the
 * PD it may call; notify-only channels are dashed), memory regions with the
 * permissions of every map, and IRQs. FILE ending in .dot or .gv gets the
 * Graphviz source; FILE ending in .svg gets it rendered by `dot -Tsvg`.
 */
#ifndef TOOL_GRAPH_H
#define TOOL_GRAPH_H

#include <stdio.h>

#include "model.h"

/* Refuse a FILE whose extension is neither .svg, .dot nor .gv (before anything is read). */
void graph_check_name(const char *path);

/* The DOT text of the system. */
void graph_dot(FILE *f, const struct system *sys);

/* Write FILE (an output, committed by the caller); sys must have passed check_global. */
void graph_write(const struct system *sys, const char *path);

#endif
