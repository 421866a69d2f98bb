/*
 * akswiz's own small cache files ({"version": N, "<list>": [...]}, mode
 * 0600 in $XDG_CACHE_HOME/akswiz, replaced atomically): the endpoint
 * metadata (auth.c) and the workspace checks (app/scope-cache.c).  What is
 * read back is trusted only when it is as akswiz wrote it.
 */
#ifndef AKSWIZ_AZURE_CACHEFILE_H
#define AKSWIZ_AZURE_CACHEFILE_H

#include <stddef.h>

#include <json-c/json.h>

enum cachefile_state {
	CACHEFILE_OK,		/* read */
	CACHEFILE_ABSENT,	/* none yet */
	CACHEFILE_DAMAGED,	/* not JSON, another version, no list */
	CACHEFILE_SHARED	/* another user's, or others may write it */
};

/*
 * The list member of the file at path (a new reference); an empty array
 * when the file is absent or not trusted, *state saying which.
 */
json_object	*cachefile_load(const char *path, int version,
		    const char *list, enum cachefile_state *state);
/*
 * What to say of a file not trusted (a warning, into buf), or NULL when
 * there is nothing to say (read, or absent).
 */
const char	*cachefile_problem(enum cachefile_state, const char *path,
		    char *buf, size_t len);
/* Replace dir/file with {"version": version, list: arr}; errors ignored. */
void		 cachefile_store(const char *dir, const char *file,
		    int version, const char *list, json_object *arr);

#endif
