/*
 * --gen-headers DIR: one C header per PD, DIR/microkit_gen/<pd>.h, naming
 * the PD's channel, IRQ and child ids and its mappings' addresses and sizes
 * (docs/messages.md, "Generated headers").
 */
#ifndef TOOL_GEN_HEADERS_H
#define TOOL_GEN_HEADERS_H

#include "model.h"

/* Write every PD's header under dir; sys must have passed check_global. */
void gen_headers(const struct system *sys, const char *dir);

#endif
