/*
 * common/atomicfile: a file replaced whole with its mode, and the sweep of
 * PATH.tmp.PID files that killed writers left — only those of processes
 * that are gone, only of that path, only with a number for a PID.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/atomicfile.h"
#include "tests/tap.h"

static char	dir[64];

static void
touch(const char *name)
{
	char	 p[256];
	FILE	*fp;

	snprintf(p, sizeof p, "%s/%s", dir, name);
	if ((fp = fopen(p, "w")) != NULL)
		fclose(fp);
}

static bool
exists(const char *name)
{
	char	p[256];

	snprintf(p, sizeof p, "%s/%s", dir, name);
	return access(p, F_OK) == 0;
}

/* "state.json" + suffix, with DEAD or SELF replaced by that PID. */
static void
case_name(char *s, size_t len, const char *suffix, pid_t dead)
{
	char	*at;

	snprintf(s, len, "state.json%s", suffix);
	if ((at = strstr(s, "DEAD")) != NULL)
		snprintf(at, len - (size_t)(at - s), "%ld", (long)dead);
	else if ((at = strstr(s, "SELF")) != NULL)
		snprintf(at, len - (size_t)(at - s), "%ld", (long)getpid());
}

/* A prefix case's name, with DEAD or SELF (before its ".") a PID. */
static void
prefix_case_name(char *s, size_t len, const char *name, pid_t dead)
{
	char	*at, rest[32];

	snprintf(s, len, "%s", name);
	if ((at = strstr(s, "DEAD")) == NULL && (at = strstr(s, "SELF")) ==
	    NULL)
		return;
	snprintf(rest, sizeof rest, "%s", at + 4);
	snprintf(at, len - (size_t)(at - s), "%ld%s", strncmp(at, "DEAD", 4)
	    == 0 ? (long)dead : (long)getpid(), rest);
}

int
main(void)
{
	struct err	 e;
	struct stat	 st;
	char		 path[128], name[256], buf[64];
	pid_t		 dead;
	FILE		*fp;
	size_t		 i;
	static const struct {
		const char	*suffix;	/* after "state.json" */
		bool		 removed;
	} cases[] = {
		{ ".tmp.DEAD",		true },		/* a killed writer */
		{ ".tmp.SELF",		false },	/* this process */
		{ ".tmp.1",		false },	/* init runs */
		{ ".tmp.",		false },	/* no PID */
		{ ".tmp.12x",		false },	/* not a number */
		{ ".tmp.-5",		false },
		{ ".tmpDEAD",		false },	/* not our pattern */
		{ "x.tmp.DEAD",		false },	/* another file's */
	};
	/* atomicfile_sweep_prefix(dir, ".tok.", 60): names after dir/ */
	static const struct {
		const char	*name;
		bool		 removed;
	} pcases[] = {
		{ ".tok.DEAD.aBcDeF",	true },		/* a killed writer */
		{ ".tok.SELF.gHiJkL",	false },	/* this process */
		{ ".tok.aBcDeF",	false },	/* no PID, still new */
		{ ".tokDEAD.aBcDeF",	false },	/* not the prefix */
		{ "x.tok.DEAD.aBcDeF",	false },	/* not at the start */
	};

	snprintf(dir, sizeof dir, "%s/akswiz-atomic.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(path, sizeof path, "%s/state.json", dir);

	ok(atomicfile_write(path, "{}\n", 3, 0600, &e), "write a new file");
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "  with mode 0600");
	ok(atomicfile_write(path, "[1]\n", 4, 0644, &e), "replace it");
	buf[0] = '\0';
	if ((fp = fopen(path, "r")) != NULL) {
		if (fgets(buf, sizeof buf, fp) == NULL)
			buf[0] = '\0';
		fclose(fp);
	}
	is_str(buf, "[1]\n", "  the new content is there whole");
	snprintf(name, sizeof name, "%s/none/x", dir);
	ok(!atomicfile_write(name, "x", 1, 0600, &e) && e.kind == ERR_IO,
	    "a missing folder: ERR_IO");
	ok(strstr(e.msg, name) != NULL, "  naming the file");

	snprintf(name, sizeof name, "%s/a/b/c", dir);
	ok(atomicfile_mkdirs(name, &e), "mkdirs: a folder and its parents");
	ok(stat(name, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (st.st_mode & 0777) == 0700, "  made 0700");
	ok(atomicfile_mkdirs(name, &e), "  again: nothing to do, no error");
	snprintf(name, sizeof name, "%s/a/b/c/x", path);
	ok(!atomicfile_mkdirs(name, &e) && e.kind == ERR_IO,
	    "under a file: ERR_IO");
	snprintf(name, sizeof name, "%s/a/b/c", dir);
	rmdir(name);
	snprintf(name, sizeof name, "%s/a/b", dir);
	rmdir(name);
	snprintf(name, sizeof name, "%s/a", dir);
	rmdir(name);

	if ((dead = fork()) == 0)
		_exit(0);
	waitpid(dead, NULL, 0);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char	 s[64];

		case_name(s, sizeof s, cases[i].suffix, dead);
		touch(s);
	}
	is_int(atomicfile_sweep(path), 1, "the sweep removes one file");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char	 s[64];

		case_name(s, sizeof s, cases[i].suffix, dead);
		ok(exists(s) != cases[i].removed, "%s: %s", cases[i].suffix,
		    cases[i].removed ? "removed" : "kept");
		snprintf(name, sizeof name, "%s/%s", dir, s);
		unlink(name);
	}
	is_int(atomicfile_sweep("/nonexistent-dir/state.json"), 0,
	    "a missing folder: nothing to sweep");

	/* A writer's own names: the token cache's ".tokens.PID.XXXXXX". */
	for (i = 0; i < sizeof pcases / sizeof pcases[0]; i++) {
		char	 s[64];

		prefix_case_name(s, sizeof s, pcases[i].name, dead);
		touch(s);
	}
	is_int(atomicfile_sweep_prefix(dir, ".tok.", 60), 1,
	    "the prefix sweep removes one file");
	for (i = 0; i < sizeof pcases / sizeof pcases[0]; i++) {
		char	 s[64];

		prefix_case_name(s, sizeof s, pcases[i].name, dead);
		ok(exists(s) != pcases[i].removed, "prefix %s: %s",
		    pcases[i].name, pcases[i].removed ? "removed" : "kept");
		snprintf(name, sizeof name, "%s/%s", dir, s);
		unlink(name);
	}
	is_int(atomicfile_sweep_prefix("/nonexistent-dir", ".tok.", 60), 0,
	    "a missing folder: nothing to sweep by prefix");
	unlink(path);
	rmdir(dir);
	return tap_done();
}
