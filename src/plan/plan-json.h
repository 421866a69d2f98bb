/*
 * The plan document (man/akswiz-plan.5): reading JSON into struct plan
 * with errors that name the field (and, for malformed JSON, the line and
 * column), and writing the canonical form, so that read -> write gives
 * back a canonical document byte for byte.
 */
#ifndef AKSWIZ_PLAN_PLAN_JSON_H
#define AKSWIZ_PLAN_PLAN_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "core/plan.h"

/* The largest plan document read; a plan is a few hundred bytes. */
#define PLAN_JSON_MAX_BYTES	(1024 * 1024)

/*
 * Parse a plan document of len bytes.  On failure returns false and sets
 * err (ERR_PARSE) with a message naming the field path or the line and
 * column; the plan is then unspecified.
 */
bool	 plan_json_parse(const char *text, size_t len, struct plan *,
	    struct err *);
/*
 * Read and parse a plan file; "-" is standard input.  Unreadable files
 * and documents over PLAN_JSON_MAX_BYTES give ERR_IO or ERR_PARSE; every
 * message names the file ("plan.json: line 3, ...").
 */
bool	 plan_json_read_file(const char *path, struct plan *, struct err *);
/* The canonical document, ending in a newline; the caller frees it. */
char	*plan_json_write(const struct plan *);

#endif
