/*
 * Files replaced whole: written to PATH.tmp.PID, synced, and renamed over
 * PATH (the folder synced too), so
 * that a reader sees the old file or the new one, never half of one.  A
 * process killed between the two leaves its PATH.tmp.PID behind (which may
 * hold a secret); atomicfile_sweep() removes those of processes that are
 * gone.
 */
#ifndef AKSWIZ_COMMON_ATOMICFILE_H
#define AKSWIZ_COMMON_ATOMICFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "common/err.h"

/*
 * mkdir -p: dir and its parents, mode 0700 for those it creates (the
 * state, cache and journal folders hold secrets or operations).
 */
bool	atomicfile_mkdirs(const char *dir, struct err *);

/* Replace path with len bytes of data, created with mode (umask aside). */
bool	atomicfile_write(const char *path, const void *data, size_t len,
	    mode_t mode, struct err *);

/*
 * The same with the temporary file named by tmpl (mkstemp's template,
 * "DIR/NAME.XXXXXX" in path's folder), for a writer that sweeps its own
 * leftovers (the token cache).  The data is not copied: a caller holding a
 * secret wipes its own buffer.
 */
bool	atomicfile_write_as(const char *path, const char *tmpl,
	    const void *data, size_t len, mode_t mode, struct err *);

/*
 * Remove the PATH.tmp.PID files of path whose process no longer runs;
 * returns how many were removed.
 */
int	atomicfile_sweep(const char *path);

/*
 * The sweep of a writer with its own temporary names (atomicfile_write_as):
 * in dir, the regular files of this user named PREFIX<pid>.<anything>
 * whose process is gone, and the other PREFIX<anything> older than
 * stale_s seconds, are removed; returns how many.
 */
int	atomicfile_sweep_prefix(const char *dir, const char *prefix,
	    time_t stale_s);

#endif
