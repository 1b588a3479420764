/*
 * The report, in two forms with the same content: report.txt for people (not
 * a stable format) and --report-json for programs (schema in docs/tool.md).
 * report.c writes the text and holds the helpers both writers share;
 * report_json.c writes the JSON.
 */
#ifndef TOOL_REPORT_H
#define TOOL_REPORT_H

#include <stdio.h>

#include "model.h"
#include "place.h"

/* One IRQ of the system table, with the PD that receives it. */
struct irq_row {
    const struct pd *pd;
    const struct irq *irq;
};

void report_write(FILE *f, const struct system *sys, const struct layout *L, const char *board, const char *config,
                  const char *kernel);
void report_write_json(FILE *f, const struct system *sys, const struct layout *L, const char *board,
                       const char *config);

/* Shared by both writers. */
struct range *report_ranges_by_base(const struct layout *L); /* a sorted copy; free it */
struct irq_row *report_irq_table(const struct system *sys, size_t *n); /* by IRQ number; free it */
const char *report_trigger(unsigned trigger);
void report_perms(uint32_t attrs, char out[4]);

#endif
