/*
 * The XML parser of system files: XML 1.0 well-formedness (UTF-8 input),
 * straight into the element tree of sdf.h, with the line and column of every
 * start tag's '<' and of every attribute name. It takes what a Microkit system
 * file may hold: an XML declaration, comments, processing instructions, CDATA
 * sections, character references, the five predefined entities, and a DOCTYPE
 * whose internal subset declares general entities (expanded in attribute
 * values; a reference in element content is text there, which check.c refuses
 * as it refuses any text). Namespace declarations (xmlns, xmlns:*) are not
 * attributes of the element. It validates nothing against a DTD and reads no
 * external entity.
 *
 * Its own parser, not libxml2: libxml2 built a tree of its own that had to be
 * copied, reported only the line where a start tag ends (so a second pass over
 * the text had to find the positions), and with its dependencies was half of
 * the tool's run time (docs/benchmarks.md, "The tool").
 */
#ifndef TOOL_XML_H
#define TOOL_XML_H

#include <stddef.h>

#include "sdf.h"

/* The root element of text[0..len), which holds no NUL byte and may start with a UTF-8 byte order mark.
 * Malformed XML is a fatal diagnostic (file, line, column, what is wrong): this returns only a tree. */
struct sdf_node *xml_parse(const char *text, size_t len);

#endif
