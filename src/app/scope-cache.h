/*
 * The workspace check cached (issue 14): what Resource Manager said of a
 * workspace (that it exists, and its region) is kept a day in
 * $XDG_CACHE_HOME/akswiz/scopes.json (mode 0600, replaced atomically),
 * keyed by the Resource Manager endpoint, the identity signed in (tenant
 * and object id, from the token) and the scope, so that a command that
 * only needs the region does not ask for it each time.  Another endpoint
 * or identity asks again; a damaged file, or one others may write, is
 * said (as a warning) and not trusted.
 */
#ifndef AKSWIZ_APP_SCOPE_CACHE_H
#define AKSWIZ_APP_SCOPE_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"

struct session;

/*
 * The region of the session's workspace into buf: from the cache, else
 * from a GET of the workspace (then kept).  False + err as
 * arm_get_workspace(); a workspace that names no region is "" (not kept).
 */
bool	scope_cache_region(struct session *, char *buf, size_t len,
	    struct err *);

#endif
