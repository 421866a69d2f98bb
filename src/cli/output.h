/*
 * Output of the non-interactive commands: tables for people, JSON and TSV
 * for scripts.  Machine output (json, tsv) is never translated; tables
 * are.  Every command prints through these, so that -o behaves the same
 * everywhere: a table is columns aligned by display width under a header,
 * TSV is the same rows without header, tab-separated, and JSON is what
 * the command documents (for verdicts: output_verdicts()).
 */
#ifndef AKSWIZ_CLI_OUTPUT_H
#define AKSWIZ_CLI_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "cli/cmd.h"

struct verdict;
struct verdicts;

/* A table of text cells, owned copies; rows are printed in order added. */
struct output_table;

/* A table with ncols columns and their headers (translated by the caller). */
struct output_table	*output_table_new(size_t ncols,
			    const char *const *headers);
void			 output_table_free(struct output_table *);
/* Add a row of ncols cells (NULL cells print as empty). */
void			 output_table_add(struct output_table *,
			    const char *const *cells);
/*
 * Print as OUTPUT_TABLE (aligned, with headers) or OUTPUT_TSV (no
 * headers; tabs and newlines inside cells become spaces).  OUTPUT_JSON is
 * not a table's business: callers write their documented JSON.
 */
void			 output_table_print(FILE *, enum output_format,
			    const struct output_table *);

/*
 * Print the rows added since the last flush and forget them, for a list
 * printed as its pages arrive.  As a table, the first flush measures the
 * columns on its own rows and prints the headers; later flushes keep
 * those widths (a wider cell pushes the rest of its line to the right).
 */
void			 output_table_flush(FILE *, enum output_format,
			    struct output_table *);

/* Print s as a JSON string literal. */
void			 output_json_string(FILE *, const char *);
/* PREFIX"KEY": and VALUE as a JSON string literal, or null if NULL. */
void			 output_json_member(FILE *, const char *prefix,
			    const char *key, const char *value);
/* PREFIX"KEY": N, or null when n < 0. */
void			 output_json_count(FILE *, const char *prefix,
			    const char *key, long n);
/* Columns s takes on a terminal (wcswidth; bytes if not valid text). */
size_t			 output_width(const char *);

/*
 * The verdict's message: translated (for people) or the English original
 * (for machine output), with the plural form chosen by v->n.
 */
void			 output_verdict_text(const struct verdict *,
			    int translated, char *, size_t);
/*
 * Print verdicts.  Table: severity, field (and flag), message, translated.
 * TSV: severity, field, id, English message.  JSON: an array of
 * {"severity", "field", "flag", "id", "message", "args"} (man/akswiz.1).
 */
void			 output_verdicts(FILE *, enum output_format,
			    const struct verdicts *);

#endif
