/*
 * Output files, all or nothing (docs/tool.md, "Output files"):
 *
 * - every output is declared before anything is read (output_declare); a
 *   directory, a non-regular file, a missing parent directory or two outputs
 *   naming one file are refused at once;
 * - every input is registered as it is found (output_input); an input that is
 *   also an output is refused before anything is written. Files are the same
 *   when they have the same device and inode (links of any kind), or, for a
 *   file that does not exist yet, the same path once its directory is resolved;
 * - outputs are written to temporaries in their destination directories and
 *   renamed into place together by output_commit, only after everything
 *   succeeded. If a rename fails, those already renamed are undone (the files
 *   they replaced come back). Any error exit removes the temporaries: a failed
 *   run leaves the file system as it found it.
 */
#ifndef TOOL_OUTPUT_H
#define TOOL_OUTPUT_H

#include <stdio.h>

/* An output named by option 'what' (e.g. "-o"), checked now. */
void output_declare(const char *what, const char *path);

/* An input ('what' says which, e.g. "program image of protection_domain 'a'"), checked against the outputs. */
void output_input(const char *what, const char *path);

/* Open a temporary file that will become 'path' (declared first if it was not). */
FILE *output_open(const char *path);

/* Close every output and rename all of them into place. */
void output_commit(void);

#endif
