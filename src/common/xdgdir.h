/*
 * akswiz's folders under the XDG base directories, in one place:
 *
 *	XDGDIR_CONFIG	$XDG_CONFIG_HOME/akswiz	(else ~/.config/akswiz)
 *	XDGDIR_STATE	$XDG_STATE_HOME/akswiz	(else ~/.local/state/akswiz)
 *	XDGDIR_CACHE	$XDG_CACHE_HOME/akswiz	(else ~/.cache/akswiz)
 *
 * One rule for all: the variable when it holds an absolute path, else
 * HOME when it does, else an error that names both variables.
 */
#ifndef AKSWIZ_COMMON_XDGDIR_H
#define AKSWIZ_COMMON_XDGDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"

enum xdgdir_kind {
	XDGDIR_CONFIG,
	XDGDIR_STATE,
	XDGDIR_CACHE
};

/*
 * The path of sub ("" or NULL: the akswiz folder itself) under the kind's
 * akswiz folder into buf.  False + err when no variable names a place or
 * the path does not fit.
 */
bool	xdgdir_path(enum xdgdir_kind, const char *sub, char *buf, size_t len,
	    struct err *);

/*
 * The same, and the folder made (mode 0700, atomicfile_mkdirs) with its
 * parents: when is_file, the folder that holds sub, else sub itself.
 */
bool	xdgdir_make(enum xdgdir_kind, const char *sub, bool is_file,
	    char *buf, size_t len, struct err *);

#endif
