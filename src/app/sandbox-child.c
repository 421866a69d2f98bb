/*
 * The private sandbox of akswiz --sandbox (sandbox-child.h): its world,
 * the child process, its ready file, and the one teardown.
 *
 * Note: the sandbox's ready file is JSON, read here with json-c; it
 * configures the layers below (endpoint, authority, CA, credentials)
 * rather than being an Azure answer.
 */
#include "config.h"
#include "app/sandbox-child.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "azure/token-cache.h"
#include "common/atomicfile.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "common/xdgdir.h"

#define SANDBOX_BIN		"akswiz-sandbox"
#define SANDBOX_WAIT_MS		15000
#define SANDBOX_MAX_ARGS	24

/*
 * What a signal handler needs to stop the sandbox and remove its files
 * when akswiz is interrupted (only async-signal-safe calls use them).
 */
static volatile pid_t	 sig_pid;
static char		 sig_files[3][600];
static char		 sig_dir[256];

/* Stop the sandbox and remove its files, then die of the signal. */
static void
on_signal(int sig)
{
	int	i;

	if (sig_pid > 0) {
		kill(sig_pid, SIGTERM);
		waitpid(sig_pid, NULL, 0);
	}
	for (i = 0; i < 3; i++)
		if (sig_files[i][0] != '\0')
			unlink(sig_files[i]);
	if (sig_dir[0] != '\0')
		rmdir(sig_dir);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Copy src (or "") into dst, cut to len. */
static void
copy(char *dst, size_t len, const char *src)
{
	(void)strlcpy_ok(dst, src != NULL ? src : "", len);
}

/* Where akswiz-sandbox is: next to this binary, or "" for PATH. */
static void
sandbox_binary(char *buf, size_t len)
{
	char	 self[PATH_MAX], *slash;
	ssize_t	 n;

	buf[0] = '\0';
	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) <= 0)
		return;
	self[n] = '\0';
	if ((slash = strrchr(self, '/')) == NULL)
		return;
	*slash = '\0';
	snprintf(buf, len, "%s/%s", self, SANDBOX_BIN);
	if (access(buf, X_OK) != 0)
		buf[0] = '\0';
}

/* Sleep ms milliseconds of real time (waiting for a child). */
static void
nap_ms(long ms)
{
	struct timespec	ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static const char *
jstr(json_object *o, const char *k)
{
	json_object	*v;

	if (!json_object_object_get_ex(o, k, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* The members of the ready file's root object into c. */
static bool
sandbox_ready_root(struct sandbox_child *c, json_object *root,
    struct err *err)
{
	const char	*secret;
	int		 fd;
	size_t		 len;

	if (jstr(root, "endpoint") == NULL || jstr(root, "authority") == NULL)
		return err_set(err, ERR_INTERNAL, _("the sandbox's ready file "
		    "has no endpoint or authority"));
	copy(c->endpoint, sizeof c->endpoint, jstr(root, "endpoint"));
	copy(c->authority, sizeof c->authority, jstr(root, "authority"));
	copy(c->ca_file, sizeof c->ca_file, jstr(root, "caFile"));
	copy(c->tenant, sizeof c->tenant, jstr(root, "tenantId"));
	copy(c->client_id, sizeof c->client_id, jstr(root, "clientId"));
	copy(c->subscription, sizeof c->subscription,
	    jstr(root, "subscriptionId"));
	copy(c->resource_group, sizeof c->resource_group,
	    jstr(root, "resourceGroup"));
	copy(c->workspace, sizeof c->workspace, jstr(root, "workspace"));
	if ((secret = jstr(root, "clientSecret")) != NULL) {
		token_protect_process();
		snprintf(c->secret_file, sizeof c->secret_file, "%s/secret",
		    c->dir);
		fd = open(c->secret_file, O_WRONLY | O_CREAT | O_TRUNC |
		    O_CLOEXEC, 0600);
		len = strlen(secret);
		if (fd < 0 || write(fd, secret, len) != (ssize_t)len) {
			if (fd >= 0)
				close(fd);
			return err_set(err, ERR_IO, _("cannot write %s: %s"),
			    c->secret_file, strerror(errno));
		}
		close(fd);
		/* The tree is freed soon; wipe the secret in it now. */
		OPENSSL_cleanse((char *)secret, len);
	}
	return true;
}

/* Read the ready file into c; the secret goes to a 0600 file. */
static bool
sandbox_ready(struct sandbox_child *c, const char *path, struct err *err)
{
	json_object	*root;
	bool		 ok;

	if ((root = json_object_from_file(path)) == NULL ||
	    !json_object_is_type(root, json_type_object)) {
		json_object_put(root);
		return err_set(err, ERR_INTERNAL, _("the sandbox's ready file "
		    "%s is not JSON"), path);
	}
	ok = sandbox_ready_root(c, root, err);
	json_object_put(root);
	return ok;
}

/*
 * The sandbox's argv: the ready file, then AKSWIZ_SANDBOX_OPTIONS split
 * at spaces (such as "--polls 1 --retry-after 0" for quick demos and
 * tests).  Runs in the child, so the strings may be leaked.
 */
static void
sandbox_argv(char **args, const char *ready, const char *world,
    const char *port)
{
	const char	*env = getenv("AKSWIZ_SANDBOX_OPTIONS");
	char		*opts, *tok, *save = NULL, *state;
	int		 n = 0;

	args[n++] = (char *)SANDBOX_BIN;
	args[n++] = (char *)"--ready-file";
	args[n++] = (char *)ready;
	/* the world: its state and CA kept, on the port it had */
	xasprintf(&state, "%s/state.json", world);
	args[n++] = (char *)"--state";
	args[n++] = state;
	args[n++] = (char *)"--state-dir";
	args[n++] = (char *)world;
	args[n++] = (char *)"--port";
	args[n++] = (char *)port;
	if (env != NULL) {
		opts = xstrdup(env);
		tok = strtok_r(opts, " \t", &save);
		for (; tok != NULL && n < SANDBOX_MAX_ARGS - 1;
		    tok = strtok_r(NULL, " \t", &save))
			args[n++] = tok;
	}
	args[n] = NULL;
}

/*
 * Variables the sandbox may see: where things are, the language, its own
 * AKSWIZ_* settings and the sanitizers' options.  Nothing else of the
 * user's environment (AZURE_CLIENT_SECRET, IDENTITY_HEADER, proxies with
 * passwords ...) reaches it.
 */
static bool
sandbox_env_kept(const char *v)
{
	static const char *const names[] = { "PATH=", "HOME=", "USER=",
	    "LOGNAME=", "TMPDIR=", "TZ=", "LANG=", "LANGUAGE=",
	    "LD_LIBRARY_PATH=", "ASAN_OPTIONS=", "UBSAN_OPTIONS=",
	    "LSAN_OPTIONS=" };
	static const char *const prefixes[] = { "LC_", "XDG_", "AKSWIZ_" };
	size_t	i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strncmp(v, names[i], strlen(names[i])) == 0)
			return true;
	for (i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (strncmp(v, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

/* The sandbox's environment (in the child: the array may be leaked). */
static char **
sandbox_envp(void)
{
	extern char	**environ;
	char		**envp;
	size_t		  i, n = 0;

	for (i = 0; environ[i] != NULL; i++)
		;
	envp = xcalloc(i + 1, sizeof *envp);
	for (i = 0; environ[i] != NULL; i++)
		if (sandbox_env_kept(environ[i]))
			envp[n++] = environ[i];
	envp[n] = NULL;
	return envp;
}

/*
 * The line of the sandbox's log that says why it stopped: the last one it
 * wrote about itself ("akswiz-sandbox: ..."), else the last one.
 */
static void
sandbox_log_line(const char *log, char *buf, size_t len)
{
	FILE	*fp;
	char	 line[512];
	bool	 own = false;

	buf[0] = '\0';
	if ((fp = fopen(log, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, fp) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0')
			continue;
		if (strncmp(line, SANDBOX_BIN ":", strlen(SANDBOX_BIN) + 1) ==
		    0) {
			copy(buf, len, line);
			own = true;
		} else if (!own)
			copy(buf, len, line);
	}
	fclose(fp);
}

/*
 * A sandbox that did not get ready: say why in its own words and keep its
 * log (the session forgets the directory, so sandbox_child_stop leaves it).
 */
static bool
sandbox_failed(struct sandbox_child *c, const char *log, bool exited,
    struct err *err)
{
	char	line[400];

	sandbox_log_line(log, line, sizeof line);
	sig_files[1][0] = '\0';
	sig_dir[0] = '\0';
	c->dir[0] = '\0';
	/* TRANSLATORS: the first %s is "akswiz-sandbox", then the line of
	   its log quoted as it is, then the log's path. */
	if (exited && line[0] != '\0')
		err_set(err, ERR_INTERNAL, _("%s stopped before it was ready: "
		    "\"%s\" (its log: %s)"), SANDBOX_BIN, line, log);
	else if (exited)
		err_set(err, ERR_INTERNAL, _("%s stopped before it was ready "
		    "without a word (its log: %s)"), SANDBOX_BIN, log);
	else
		err_set(err, ERR_INTERNAL, _("%s was not ready after %d s "
		    "(its log: %s)"), SANDBOX_BIN, SANDBOX_WAIT_MS / 1000, log);
	return false;
}

/*
 * The world's identity from its id file, made (16 random bytes in hex)
 * when the world has none yet.
 */
static bool
world_identity(struct sandbox_child *c, struct err *err)
{
	unsigned char	 raw[16];
	char		 path[600], hex[2 * sizeof raw + 2];
	FILE		*fp;
	size_t		 i;

	snprintf(path, sizeof path, "%s/id", c->dir);
	if ((fp = fopen(path, "r")) != NULL) {
		if (fgets(c->world_id, sizeof c->world_id, fp) == NULL)
			c->world_id[0] = '\0';
		fclose(fp);
		c->world_id[strcspn(c->world_id, "\r\n")] = '\0';
		if (strlen(c->world_id) == 2 * sizeof raw &&
		    strspn(c->world_id, "0123456789abcdef") ==
		    2 * sizeof raw)
			return true;
	}
	if (RAND_bytes(raw, sizeof raw) != 1)
		/* TRANSLATORS: the sandbox world's id file could not be
		   made (no randomness from the system). */
		return err_set(err, ERR_INTERNAL, _("no random bytes for the "
		    "sandbox world's identity"));
	for (i = 0; i < sizeof raw; i++)
		snprintf(hex + 2 * i, 3, "%02x", raw[i]);
	copy(c->world_id, sizeof c->world_id, hex);
	hex[2 * sizeof raw] = '\n';
	hex[2 * sizeof raw + 1] = '\0';
	return atomicfile_write(path, hex, strlen(hex), 0600, err);
}

/* The lock on the sandbox world, held while its sandbox runs. */
static int	world_lock = -1;

/*
 * The sandbox world, $XDG_STATE_HOME/akswiz/sandbox (or
 * ~/.local/state/akswiz/sandbox), made 0700 if needed, into c->dir;
 * then its lock: a second akswiz --sandbox waits for the first to end, so
 * that two sandboxes never share one state file.  The sandbox child
 * inherits the lock, which ends only when both are gone.
 */
static bool
world_open(struct sandbox_child *c, bool reset, void (*warn)(const char *),
    struct err *err)
{
	char		 path[600];

	if (!xdgdir_path(XDGDIR_STATE, "sandbox", c->dir, sizeof c->dir,
	    err)) {
		err->kind = ERR_USAGE;	/* nowhere for the world */
		c->dir[0] = '\0';
		return false;
	}
	if (!atomicfile_mkdirs(c->dir, err)) {
		c->dir[0] = '\0';
		return false;
	}
	snprintf(path, sizeof path, "%s/lock", c->dir);
	if ((world_lock = open(path, O_RDWR | O_CREAT, 0600)) < 0) {
		err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
		c->dir[0] = '\0';
		return false;
	}
	if (flock(world_lock, LOCK_EX | LOCK_NB) != 0) {
		/* TRANSLATORS: %s is the sandbox world's folder. */
		char	msg[512];

		snprintf(msg, sizeof msg, _("another akswiz --sandbox uses "
		    "the sandbox world %s; waiting for it to end"), c->dir);
		warn(msg);
		while (flock(world_lock, LOCK_EX) != 0 && errno == EINTR)
			;
	}
	if (reset) {
		/* --reset: the world as shipped, before anything else */
		snprintf(path, sizeof path, "%s/state.json", c->dir);
		unlink(path);
		snprintf(path, sizeof path, "%s/port", c->dir);
		unlink(path);
		snprintf(path, sizeof path, "%s/id", c->dir);
		unlink(path);
	}
	return world_identity(c, err);
}

/* The port the world had ("0": any), from its port file. */
static void
world_port(const char *dir, char *buf, size_t len)
{
	char	path[600];
	FILE	*fp;
	int	 port = 0;

	snprintf(path, sizeof path, "%s/port", dir);
	if ((fp = fopen(path, "r")) != NULL) {
		if (fscanf(fp, "%d", &port) != 1 || port <= 0 || port > 65535)
			port = 0;
		fclose(fp);
	}
	snprintf(buf, len, "%d", port);
}

/*
 * Remember the endpoint's port, so that the next run serves the world on
 * the same endpoint: the operation URLs in the journal stay good.
 */
static void
world_keep_port(const char *dir, const char *endpoint)
{
	const char	*colon = strrchr(endpoint, ':');
	char		 path[600], buf[16];
	struct err	 err;
	int		 port;

	if (colon == NULL || (port = atoi(colon + 1)) <= 0)
		return;
	snprintf(path, sizeof path, "%s/port", dir);
	snprintf(buf, sizeof buf, "%d\n", port);
	err_clear(&err);
	(void)atomicfile_write(path, buf, strlen(buf), 0600, &err);
}

/* Start the world's sandbox and wait for its ready file. */
static bool
sandbox_start(struct sandbox_child *c, bool reset, void (*warn)(const char *),
    char *ready, size_t readylen, struct err *err)
{
	char		 bin[PATH_MAX + 32], log[512], port[16];
	char		*args[SANDBOX_MAX_ARGS], **envp;
	int		 status, waited = 0, fd;
	pid_t		 pid, parent = getpid();
	bool		 retried = false;

	if (world_lock < 0 && !world_open(c, reset, warn, err))
		return false;
	world_port(c->dir, port, sizeof port);
again:
	snprintf(ready, readylen, "%s/ready.json", c->dir);
	unlink(ready);		/* left by a run that was killed */
	snprintf(log, sizeof log, "%s/sandbox.log", c->dir);
	sandbox_binary(bin, sizeof bin);
	fflush(NULL);
	if ((pid = fork()) < 0)
		return err_set(err, ERR_INTERNAL, _("cannot start %s: %s"),
		    SANDBOX_BIN, strerror(errno));
	if (pid == 0) {
#ifdef __linux__
		/* gone with akswiz, even after a kill -9 of it */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
		if (getppid() != parent)
			_exit(0);
		if ((fd = open("/dev/null", O_RDWR)) >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
		}
		if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600)) >= 0)
			dup2(fd, 2);
		sandbox_argv(args, ready, c->dir, port);
		envp = sandbox_envp();
		if (bin[0] != '\0')
			execve(bin, args, envp);
		execvpe(SANDBOX_BIN, args, envp);
		dprintf(2, "%s: %s\n", SANDBOX_BIN, strerror(errno));
		_exit(127);
	}
	c->pid = pid;
	/* Interrupted (Ctrl-C, kill): stop the sandbox and tidy up. */
	copy(sig_dir, sizeof sig_dir, c->dir);
	copy(sig_files[0], sizeof sig_files[0], ready);
	copy(sig_files[1], sizeof sig_files[1], log);
	snprintf(sig_files[2], sizeof sig_files[2], "%s/secret",
	    c->dir);
	sig_pid = pid;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	/* Poll for the file; a sandbox that died is reported at once. */
	while (access(ready, R_OK) != 0) {
		if (waitpid(pid, &status, WNOHANG) == pid) {
			c->pid = 0;
			sig_pid = 0;
			if (strcmp(port, "0") != 0 && !retried) {
				/* its port is taken: any other will do */
				retried = true;
				copy(port, sizeof port, "0");
				goto again;
			}
			return sandbox_failed(c, log, true, err);
		}
		if (waited >= SANDBOX_WAIT_MS)
			return sandbox_failed(c, log, false, err);
		nap_ms(10);
		waited += 10;
	}
	/* The file is written atomically by the sandbox (rename). */
	return true;
}


/* Start the world's sandbox and read what its ready file says. */
bool
sandbox_child_start(struct sandbox_child *c, bool reset,
    void (*warn)(const char *), struct err *err)
{
	char	ready[600];

	memset(c, 0, sizeof *c);
	if (!sandbox_start(c, reset, warn, ready, sizeof ready, err) ||
	    !sandbox_ready(c, ready, err)) {
		sandbox_child_stop(c);
		return false;
	}
	world_keep_port(c->dir, c->endpoint);
	return true;
}

/* The one teardown: stop the child, remove its files, free the world. */
void
sandbox_child_stop(struct sandbox_child *c)
{
	char	path[600];
	int	status;

	if (c->pid > 0) {
		sig_pid = 0;
		kill(c->pid, SIGTERM);
		while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
			;
		c->pid = 0;
	}
	if (c->dir[0] != '\0') {
		if (c->secret_file[0] != '\0')
			unlink(c->secret_file);
		snprintf(path, sizeof path, "%s/ready.json", c->dir);
		unlink(path);
		snprintf(path, sizeof path, "%s/sandbox.log", c->dir);
		unlink(path);
		c->dir[0] = '\0';
	}
	c->secret_file[0] = '\0';
	if (world_lock >= 0) {
		close(world_lock);	/* the next akswiz --sandbox may go */
		world_lock = -1;
	}
}
