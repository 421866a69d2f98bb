/*
 * The api-versions akswiz-sandbox accepts per resource type, and the era
 * of each version's shape: data/api-versions.tsv, compiled into a table
 * at build time (apiversions-data.c), read through these pure functions.
 */
#ifndef AKSWIZ_SANDBOX_APIVERSIONS_H
#define AKSWIZ_SANDBOX_APIVERSIONS_H

#include <stdbool.h>
#include <stddef.h>

struct sb_api_version {
	const char	*type;		/* "Microsoft.X/y", as ARM names it */
	const char	*version;	/* "2024-04-01" or "...-preview" */
	const char	*era;		/* "-" or the year of its shape */
};

/* The whole table, sorted by type (whatever its case) then version
 * (generated). */
const struct sb_api_version *apiv_data(size_t *n);

/* The entry of type (case-insensitive) at version, or NULL. */
const struct sb_api_version *apiv_find(const char *type, const char *version);

/*
 * The type's versions, oldest first, joined with ", " into buf (cut at a
 * whole version when buf is short); the number of versions of the type.
 */
size_t	apiv_list(const char *type, char *buf, size_t len);

/* Whether version of type is of the given era (false when unknown). */
bool	apiv_era(const char *type, const char *version, const char *era);

#endif
