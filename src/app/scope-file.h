/*
 * The scope configuration file, $XDG_CONFIG_HOME/akswiz/config: lines
 * "subscription = ...", "resource-group = ...", "workspace = ...",
 * # comments and blank lines.  One reader (the session fills the scope
 * members the options and environment left empty) and one writer (the
 * scope screen remembers a choice): the writer rewrites only these three
 * keys, in their place, and keeps every other line of the file as it was.
 */
#ifndef AKSWIZ_APP_SCOPE_FILE_H
#define AKSWIZ_APP_SCOPE_FILE_H

#include <stdbool.h>

#include "common/err.h"

struct app_scope {
	char	subscription[64];
	char	resource_group[128];
	char	workspace[128];
};

/* Fill the empty members of scope from the file's text (pure). */
void	app_config_parse(const char *text, struct app_scope *);
/*
 * The file's text with the three keys set to scope's members (new; free
 * it): each key's first line rewritten in its place, its later lines
 * dropped, a missing key appended; every other line kept (pure).
 */
char	*app_config_update(const char *text, const struct app_scope *);

/* Fill the empty members of scope from the file, if there is one. */
void	app_config_read(struct app_scope *);
/* Remember scope in the file (atomically, 0600); false + err. */
bool	app_config_write(const struct app_scope *, struct err *);

#endif
