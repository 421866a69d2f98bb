/* akswiz's XDG folders (xdgdir.h). */
#include "config.h"
#include "common/xdgdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/atomicfile.h"
#include "common/i18n.h"

static const struct {
	const char	*var;		/* the XDG variable */
	const char	*fallback;	/* under HOME */
} xdg_kinds[] = {
	[XDGDIR_CONFIG] = { "XDG_CONFIG_HOME", ".config" },
	[XDGDIR_STATE] = { "XDG_STATE_HOME", ".local/state" },
	[XDGDIR_CACHE] = { "XDG_CACHE_HOME", ".cache" },
};

bool
xdgdir_path(enum xdgdir_kind kind, const char *sub, char *buf, size_t len,
    struct err *err)
{
	const char	*x = getenv(xdg_kinds[kind].var);
	const char	*home = getenv("HOME");
	const char	*slash = sub != NULL && *sub != '\0' ? "/" : "";
	int		 n;

	if (sub == NULL)
		sub = "";
	if (x != NULL && x[0] == '/')
		n = snprintf(buf, len, "%s/akswiz%s%s", x, slash, sub);
	else if (home != NULL && home[0] == '/')
		n = snprintf(buf, len, "%s/%s/akswiz%s%s", home,
		    xdg_kinds[kind].fallback, slash, sub);
	else
		/* TRANSLATORS: %s is XDG_STATE_HOME, XDG_CONFIG_HOME or
		   XDG_CACHE_HOME; HOME is the variable's name too. */
		return err_set(err, ERR_IO, _("neither %s nor HOME is set to "
		    "an absolute path: akswiz has nowhere to keep its files"),
		    xdg_kinds[kind].var);
	if (n < 0 || (size_t)n >= len)
		/* TRANSLATORS: %s is a file or folder under akswiz's
		   folder ("operations", "config" ...). */
		return err_set(err, ERR_IO, _("the path of %s is too long"),
		    sub);
	return true;
}

bool
xdgdir_make(enum xdgdir_kind kind, const char *sub, bool is_file, char *buf,
    size_t len, struct err *err)
{
	char	*slash;
	bool	 ok;

	if (!xdgdir_path(kind, sub, buf, len, err))
		return false;
	if (!is_file)
		return atomicfile_mkdirs(buf, err);
	slash = strrchr(buf, '/');
	*slash = '\0';
	ok = atomicfile_mkdirs(buf, err);
	*slash = '/';
	return ok;
}
