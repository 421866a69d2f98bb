/* Files replaced whole, and the leftovers of writers that were killed. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/atomicfile.h"
#include "common/i18n.h"

bool
atomicfile_mkdirs(const char *dir, struct err *err)
{
	char	 path[PATH_MAX], *p;
	int	 e;

	if ((size_t)snprintf(path, sizeof path, "%s", dir) >= sizeof path)
		return err_set(err, ERR_IO, _("cannot create %s: %s"), dir,
		    strerror(ENAMETOOLONG));
	for (p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		e = *p;
		*p = '\0';
		if (path[0] != '\0' && mkdir(path, 0700) != 0 &&
		    errno != EEXIST)
			return err_set(err, ERR_IO, _("cannot create %s: %s"),
			    path, strerror(errno));
		if ((*p = (char)e) == '\0')
			return true;
	}
}

/* The rename itself on disk: fsync of path's folder (best effort). */
static void
sync_dir(const char *path)
{
	char		 dir[PATH_MAX];
	const char	*slash = strrchr(path, '/');
	int		 fd;

	if (slash == NULL)
		strcpy(dir, ".");
	else if ((size_t)(slash - path) < sizeof dir) {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
		if (dir[0] == '\0')
			strcpy(dir, "/");
	} else
		return;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);
		(void)close(fd);
	}
}

/*
 * Fill the open temporary file fd (named tmp), sync it and rename it over
 * path; tmp is removed on failure.
 */
static bool
write_rename(int fd, const char *tmp, const char *path, const void *data,
    size_t len, struct err *err)
{
	const char	*p = data;
	ssize_t		 n;
	int		 saved;

	while (len > 0) {
		if ((n = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += n;
		len -= (size_t)n;
	}
	/* on disk before the rename makes it the file */
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		fd = -1;
		goto fail;
	}
	sync_dir(path);
	return true;
fail:
	saved = errno;
	if (fd >= 0)
		(void)close(fd);
	(void)unlink(tmp);
	return err_set(err, ERR_IO, _("cannot write %s: %s"), path,
	    strerror(saved));
}

bool
atomicfile_write(const char *path, const void *data, size_t len, mode_t mode,
    struct err *err)
{
	char		 tmp[PATH_MAX];
	int		 fd;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path,
	    (long)getpid()) >= sizeof tmp)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), path,
		    strerror(ENAMETOOLONG));
	(void)unlink(tmp);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    mode)) < 0)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), tmp,
		    strerror(errno));
	return write_rename(fd, tmp, path, data, len, err);
}

bool
atomicfile_write_as(const char *path, const char *tmpl, const void *data,
    size_t len, mode_t mode, struct err *err)
{
	char	tmp[PATH_MAX];
	int	fd;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s", tmpl) >= sizeof tmp)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), path,
		    strerror(ENAMETOOLONG));
	if ((fd = mkstemp(tmp)) < 0)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), tmp,
		    strerror(errno));
	/* mkstemp makes it 0600; a wider mode is asked for by name */
	if (fchmod(fd, mode) != 0) {
		(void)close(fd);
		(void)unlink(tmp);
		return err_set(err, ERR_IO, _("cannot write %s: %s"), tmp,
		    strerror(errno));
	}
	return write_rename(fd, tmp, path, data, len, err);
}

/* Whether pid is a writer that is gone (not this process, not alive). */
static bool
writer_gone(long pid)
{
	return pid > 0 && pid != (long)getpid() && kill((pid_t)pid, 0) != 0 &&
	    errno == ESRCH;
}

int
atomicfile_sweep(const char *path)
{
	char		 dir[PATH_MAX], full[PATH_MAX * 2], *end;
	const char	*slash, *base;
	struct dirent	*de;
	size_t		 blen;
	long		 pid;
	DIR		*d;
	int		 removed = 0;

	if ((slash = strrchr(path, '/')) != NULL) {
		if ((size_t)(slash - path) >= sizeof dir)
			return 0;
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
		if (dir[0] == '\0')
			strcpy(dir, "/");
		base = slash + 1;
	} else {
		strcpy(dir, ".");
		base = path;
	}
	blen = strlen(base);
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, base, blen) != 0 ||
		    strncmp(de->d_name + blen, ".tmp.", 5) != 0)
			continue;
		errno = 0;
		pid = strtol(de->d_name + blen + 5, &end, 10);
		if (errno != 0 || *end != '\0' || pid <= 0 ||
		    end == de->d_name + blen + 5)
			continue;
		/* A writer still running may be about to rename it. */
		if (!writer_gone(pid))
			continue;
		snprintf(full, sizeof full, "%s/%s", dir, de->d_name);
		if (unlink(full) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}

int
atomicfile_sweep_prefix(const char *dir, const char *prefix, time_t stale_s)
{
	char		 full[PATH_MAX * 2], *end;
	struct dirent	*de;
	struct stat	 st;
	size_t		 plen = strlen(prefix);
	long		 pid;
	bool		 stale;
	DIR		*d;
	int		 removed = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, plen) != 0)
			continue;
		snprintf(full, sizeof full, "%s/%s", dir, de->d_name);
		errno = 0;
		pid = strtol(de->d_name + plen, &end, 10);
		if (errno == 0 && end != de->d_name + plen && *end == '.' &&
		    pid > 0)
			stale = writer_gone(pid);
		else
			stale = lstat(full, &st) == 0 &&
			    st.st_mtime + stale_s < time(NULL);
		/* only a file of ours: never a link, never another's */
		if (stale && lstat(full, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && unlink(full) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}
