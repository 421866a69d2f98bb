/*
 * The token cache: $XDG_CACHE_HOME/akswiz/tokens.json (default
 * ~/.cache/akswiz/), directory 0700, file 0600, written atomically (temp
 * file, fsync, rename).  Entries are keyed by authority + tenant + client +
 * scope and hold the access token until it expires and the refresh token
 * of a user sign-in.  Tokens are wiped when the cache is freed.
 */
#ifndef AKSWIZ_AZURE_TOKEN_CACHE_H
#define AKSWIZ_AZURE_TOKEN_CACHE_H

#include <stdbool.h>
#include <time.h>

#include "common/err.h"

struct token_entry {
	char	 authority[256];
	char	 tenant[64];
	char	 client_id[64];
	char	 scope[300];
	char	 method[32];	/* how it was obtained: "device-code" ... */
	char	*access_token;	/* owned; may be NULL */
	time_t	 expires_on;
	char	*refresh_token;	/* owned; may be NULL */
};

struct token_cache;

/*
 * Open the cache in dir (NULL: the default) and read it; a missing file
 * is an empty cache.  A file that cannot be trusted is an error naming it,
 * and left as it is: malformed (ERR_PARSE), unreadable (ERR_IO), a link,
 * another user's or written by a newer akswiz (ERR_AUTH).  A mode open to
 * others is narrowed to 0600 (token_cache_warning says so).  Temporary
 * files of interrupted writes are removed first.
 */
struct token_cache *token_cache_open(const char *dir, struct err *);
/* Wipes every token. */
void		 token_cache_free(struct token_cache *);
/* The path of the cache file (borrowed until token_cache_free). */
const char	*token_cache_path(const struct token_cache *);
/* What was repaired on opening (borrowed), or NULL. */
const char	*token_cache_warning(const struct token_cache *);
/*
 * The newest entry matching; NULL fields match anything (borrowed until
 * the next change).
 */
const struct token_entry *token_cache_find(const struct token_cache *,
		    const char *authority, const char *tenant,
		    const char *client_id, const char *scope);
/*
 * Add or replace (same key) a copy of e, newest first, and save; saving
 * drops expired entries without a refresh token.
 */
bool		 token_cache_put(struct token_cache *,
		    const struct token_entry *e, struct err *);
/* Remove entries of authority (and tenant unless NULL), save; a count. */
int		 token_cache_remove(struct token_cache *,
		    const char *authority, const char *tenant, struct err *);
/* Whether the access token has more than margin seconds left at now. */
bool		 token_entry_fresh(const struct token_entry *, time_t now,
		    int margin);
/*
 * From now on the process holds a secret or a token: make it non-dumpable
 * (no core file, no ptrace or /proc/PID/mem by the same user) with a core
 * size limit of 0, for good.  Idempotent; called by whatever reads one.
 */
void		 token_protect_process(void);
/* Wipe and free the tokens of an entry (the entry itself is not freed). */
void		 token_entry_wipe(struct token_entry *);

#endif
