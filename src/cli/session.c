/*
 * Building a session for the commands (session.h).
 *
 * Note: the sandbox's ready file is JSON, read here with json-c; it is
 * the one JSON document cli/ reads itself, because it configures the
 * layers below (endpoint, authority, CA, credentials) rather than being
 * an Azure answer.
 */
#include "config.h"
#include "cli/session.h"

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

#include "azure/auth.h"
#include "azure/http.h"
#include "azure/token-cache.h"
#include "cli/output.h"
#include "common/atomicfile.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#define SANDBOX_BIN		"akswiz-sandbox"
#define SANDBOX_WAIT_MS		15000
#define SANDBOX_MAX_ARGS	24

/* What the commands need not see (struct cloud_endpoints clashes with enum cloud). */
struct session_priv {
	struct cloud_endpoints	 cloud;
	struct auth	*auth;
	char		 signin_dir[256];	/* session_signin()'s secret */
	char		 signin_secret[300];
};

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

/* Trim spaces at both ends, in place. */
static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Fill unset scope members from $XDG_CONFIG_HOME/akswiz/config. */
static void
scope_from_config(struct session *s)
{
	const char	*xdg = getenv("XDG_CONFIG_HOME"), *home;
	char		 path[1024], line[512], *k, *v, *eq;
	FILE		*fp;

	if (xdg != NULL && xdg[0] == '/')
		snprintf(path, sizeof path, "%s/akswiz/config", xdg);
	else if ((home = getenv("HOME")) != NULL)
		snprintf(path, sizeof path, "%s/.config/akswiz/config", home);
	else
		return;
	if ((fp = fopen(path, "r")) == NULL)
		return;
	while (fgets(line, sizeof line, fp) != NULL) {
		k = trim(line);
		if (*k == '#' || (eq = strchr(k, '=')) == NULL)
			continue;
		*eq = '\0';
		k = trim(k);
		v = trim(eq + 1);
		if (strcmp(k, "subscription") == 0 && s->subscription[0] == 0)
			copy(s->subscription, sizeof s->subscription, v);
		else if (strcmp(k, "resource-group") == 0 &&
		    s->resource_group[0] == '\0')
			copy(s->resource_group, sizeof s->resource_group, v);
		else if (strcmp(k, "workspace") == 0 &&
		    s->workspace[0] == '\0')
			copy(s->workspace, sizeof s->workspace, v);
	}
	fclose(fp);
}

/* A scope member from its option, else its environment variable. */
static void
scope_set(char *dst, size_t len, const char *opt, const char *env)
{
	const char	*e;

	if (opt != NULL && *opt != '\0')
		copy(dst, len, opt);
	else if ((e = getenv(env)) != NULL && *e != '\0')
		copy(dst, len, e);
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

/* Read the ready file into the session; the secret goes to a 0600 file. */
static bool
sandbox_ready(struct session *s, const char *path, const char **endpoint,
    const char **authority, json_object **root, struct err *err)
{
	const char	*secret, *v;
	int		 fd;
	size_t		 len;

	if ((*root = json_object_from_file(path)) == NULL ||
	    !json_object_is_type(*root, json_type_object))
		return err_set(err, ERR_INTERNAL, _("the sandbox's ready file "
		    "%s is not JSON"), path);
	*endpoint = jstr(*root, "endpoint");
	*authority = jstr(*root, "authority");
	if (*endpoint == NULL || *authority == NULL)
		return err_set(err, ERR_INTERNAL, _("the sandbox's ready file "
		    "has no endpoint or authority"));
	copy(s->ca_file, sizeof s->ca_file, jstr(*root, "caFile"));
	copy(s->tenant, sizeof s->tenant, jstr(*root, "tenantId"));
	copy(s->client_id, sizeof s->client_id, jstr(*root, "clientId"));
	if (s->subscription[0] == '\0' &&
	    (v = jstr(*root, "subscriptionId")) != NULL)
		copy(s->subscription, sizeof s->subscription, v);
	if (s->resource_group[0] == '\0' &&
	    (v = jstr(*root, "resourceGroup")) != NULL)
		copy(s->resource_group, sizeof s->resource_group, v);
	if (s->workspace[0] == '\0' && (v = jstr(*root, "workspace")) != NULL)
		copy(s->workspace, sizeof s->workspace, v);
	if ((secret = jstr(*root, "clientSecret")) != NULL) {
		token_protect_process();
		snprintf(s->secret_file, sizeof s->secret_file, "%s/secret",
		    s->sandbox_dir);
		fd = open(s->secret_file, O_WRONLY | O_CREAT | O_TRUNC |
		    O_CLOEXEC, 0600);
		len = strlen(secret);
		if (fd < 0 || write(fd, secret, len) != (ssize_t)len) {
			if (fd >= 0)
				close(fd);
			return err_set(err, ERR_IO, _("cannot write %s: %s"),
			    s->secret_file, strerror(errno));
		}
		close(fd);
		/* The tree is freed soon; wipe the secret in it now. */
		OPENSSL_cleanse((char *)secret, len);
	}
	return true;
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
 * log (the session forgets the directory, so session_close leaves it).
 */
static bool
sandbox_failed(struct session *s, const char *log, bool exited,
    struct err *err)
{
	char	line[400];

	sandbox_log_line(log, line, sizeof line);
	sig_files[1][0] = '\0';
	sig_dir[0] = '\0';
	s->sandbox_dir[0] = '\0';
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

/* The lock on the sandbox world, held while its sandbox runs. */
static int	world_lock = -1;

/*
 * The sandbox world, $XDG_STATE_HOME/akswiz/sandbox (or
 * ~/.local/state/akswiz/sandbox), made 0700 if needed, into s->sandbox_dir;
 * then its lock: a second akswiz --sandbox waits for the first to end, so
 * that two sandboxes never share one state file.  The sandbox child
 * inherits the lock, which ends only when both are gone.
 */
static bool
world_open(struct session *s, struct err *err)
{
	const char	*x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char		 path[600];

	if (x != NULL && *x == '/')
		snprintf(s->sandbox_dir, sizeof s->sandbox_dir,
		    "%s/akswiz/sandbox", x);
	else if (home != NULL && *home == '/')
		snprintf(s->sandbox_dir, sizeof s->sandbox_dir,
		    "%s/.local/state/akswiz/sandbox", home);
	else
		return err_set(err, ERR_USAGE, _("neither XDG_STATE_HOME nor "
		    "HOME is set: there is no place for the sandbox world"));
	if (!atomicfile_mkdirs(s->sandbox_dir, err)) {
		s->sandbox_dir[0] = '\0';
		return false;
	}
	snprintf(path, sizeof path, "%s/lock", s->sandbox_dir);
	if ((world_lock = open(path, O_RDWR | O_CREAT, 0600)) < 0) {
		err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
		s->sandbox_dir[0] = '\0';
		return false;
	}
	if (flock(world_lock, LOCK_EX | LOCK_NB) != 0) {
		/* TRANSLATORS: %s is the sandbox world's folder. */
		cli_warning(_("another akswiz --sandbox uses the sandbox world "
		    "%s; waiting for it to end"), s->sandbox_dir);
		while (flock(world_lock, LOCK_EX) != 0 && errno == EINTR)
			;
	}
	if (s->g->reset) {
		/* --reset: the world as shipped, before anything else */
		snprintf(path, sizeof path, "%s/state.json", s->sandbox_dir);
		unlink(path);
		snprintf(path, sizeof path, "%s/port", s->sandbox_dir);
		unlink(path);
	}
	return true;
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
sandbox_start(struct session *s, char *ready, size_t readylen,
    struct err *err)
{
	char		 bin[PATH_MAX + 32], log[512], port[16];
	char		*args[SANDBOX_MAX_ARGS], **envp;
	int		 status, waited = 0, fd;
	pid_t		 pid, parent = getpid();
	bool		 retried = false;

	if (world_lock < 0 && !world_open(s, err))
		return false;
	world_port(s->sandbox_dir, port, sizeof port);
again:
	snprintf(ready, readylen, "%s/ready.json", s->sandbox_dir);
	unlink(ready);		/* left by a run that was killed */
	snprintf(log, sizeof log, "%s/sandbox.log", s->sandbox_dir);
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
		sandbox_argv(args, ready, s->sandbox_dir, port);
		envp = sandbox_envp();
		if (bin[0] != '\0')
			execve(bin, args, envp);
		execvpe(SANDBOX_BIN, args, envp);
		dprintf(2, "%s: %s\n", SANDBOX_BIN, strerror(errno));
		_exit(127);
	}
	s->sandbox_pid = pid;
	/* Interrupted (Ctrl-C, kill): stop the sandbox and tidy up. */
	copy(sig_dir, sizeof sig_dir, s->sandbox_dir);
	copy(sig_files[0], sizeof sig_files[0], ready);
	copy(sig_files[1], sizeof sig_files[1], log);
	snprintf(sig_files[2], sizeof sig_files[2], "%s/secret",
	    s->sandbox_dir);
	sig_pid = pid;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	/* Poll for the file; a sandbox that died is reported at once. */
	while (access(ready, R_OK) != 0) {
		if (waitpid(pid, &status, WNOHANG) == pid) {
			s->sandbox_pid = 0;
			sig_pid = 0;
			if (strcmp(port, "0") != 0 && !retried) {
				/* its port is taken: any other will do */
				retried = true;
				copy(port, sizeof port, "0");
				goto again;
			}
			return sandbox_failed(s, log, true, err);
		}
		if (waited >= SANDBOX_WAIT_MS)
			return sandbox_failed(s, log, false, err);
		nap_ms(10);
		waited += 10;
	}
	/* The file is written atomically by the sandbox (rename). */
	return true;
}

/* Sign-in's warnings (a token cache it cannot use ...) on stderr. */
static void
session_warn(void *ctx, const char *msg)
{
	(void)ctx;
	cli_warning("%s", msg);
}

/* Resolve scope, cloud, HTTP client and sign-in (and the sandbox). */
bool
session_open(struct session *s, const struct cli_globals *g, unsigned needs,
    struct err *err)
{
	struct http_config	 hc;
	struct auth_config	 ac;
	struct cloud_endpoints	 canon;
	const char		*endpoint = g->endpoint, *authority =
				    g->authority, *ca = g->ca_file;
	json_object		*ready_root = NULL;
	char			 ready[600];
	bool			 ok = false;

	memset(s, 0, sizeof *s);
	s->g = g;
	s->priv = xcalloc(1, sizeof *s->priv);
	scope_set(s->subscription, sizeof s->subscription, g->subscription,
	    "AKSWIZ_SUBSCRIPTION");
	scope_set(s->resource_group, sizeof s->resource_group,
	    g->resource_group, "AKSWIZ_RESOURCE_GROUP");
	scope_set(s->workspace, sizeof s->workspace, g->workspace,
	    "AKSWIZ_WORKSPACE");
	if (g->sandbox) {
		if (!sandbox_start(s, ready, sizeof ready, err) ||
		    !sandbox_ready(s, ready, &endpoint, &authority,
		    &ready_root, err))
			goto out;
		if (ca == NULL && s->ca_file[0] != '\0')
			ca = s->ca_file;
		world_keep_port(s->sandbox_dir, endpoint);
	}
	scope_from_config(s);
	if ((needs & (SESSION_SCOPE | SESSION_SUBSCRIPTION)) &&
	    s->subscription[0] == '\0') {
		err_set(err, ERR_USAGE, _("no subscription: give "
		    "--subscription ID or set AKSWIZ_SUBSCRIPTION"));
		goto out;
	}
	if ((needs & SESSION_SCOPE) && s->resource_group[0] == '\0') {
		err_set(err, ERR_USAGE, _("no resource group: give -g GROUP "
		    "or set AKSWIZ_RESOURCE_GROUP"));
		goto out;
	}
	if ((needs & SESSION_SCOPE) && s->workspace[0] == '\0') {
		err_set(err, ERR_USAGE, _("no workspace: give -w WORKSPACE or "
		    "set AKSWIZ_WORKSPACE"));
		goto out;
	}
	if (!cloud_resolve(g->cloud, endpoint, authority, &s->priv->cloud,
	    err) || (g->audience != NULL &&
	    !cloud_set_audience(&s->priv->cloud, g->audience, err))) {
		err->kind = ERR_USAGE;
		goto out;
	}
	memset(&hc, 0, sizeof hc);
	hc.ca_file = ca;
	hc.debug_file = g->debug ? (g->debug_file != NULL ? g->debug_file :
	    "-") : NULL;
	/* under everything: --readonly, and where the ARM token may go */
	hc.readonly = g->readonly;
	cloud_lookup(g->cloud, &canon);
	hc.token_origins[0] = s->priv->cloud.arm_endpoint;
	hc.token_origins[1] = canon.arm_endpoint;
	if ((s->http = http_client_new(&hc, err)) == NULL)
		goto out;
	auth_discover_audience(&s->priv->cloud, s->http);
	memset(&ac, 0, sizeof ac);
	ac.cloud = &s->priv->cloud;
	ac.http = s->http;
	ac.method = AUTH_DEFAULT;
	ac.interactive = isatty(0) && isatty(2);
	ac.warn = session_warn;
	if (g->sandbox && s->secret_file[0] != '\0') {
		ac.method = AUTH_SECRET;
		ac.tenant = s->tenant;
		ac.client_id = s->client_id;
		ac.client_secret_file = s->secret_file;
	}
	if ((s->priv->auth = auth_new(&ac, err)) == NULL)
		goto out;
	copy(s->arm_endpoint, sizeof s->arm_endpoint,
	    s->priv->cloud.arm_endpoint);
	arm_init(&s->arm, s->http, auth_token_source(s->priv->auth),
	    s->arm_endpoint);
	ok = true;
out:
	json_object_put(ready_root);
	if (!ok)
		session_close(s);
	return ok;
}

/* Remove the secret file session_signin() wrote, if any. */
static void
session_signin_forget(struct session_priv *p)
{
	if (p->signin_secret[0] != '\0')
		unlink(p->signin_secret);
	if (p->signin_dir[0] != '\0')
		rmdir(p->signin_dir);
	p->signin_secret[0] = p->signin_dir[0] = '\0';
}

/* Put a typed secret in a 0600 file of a private directory (auth reads files). */
static bool
session_signin_secret(struct session_priv *p, const char *secret,
    char *path, size_t len, struct err *err)
{
	char	dir[256];
	int	fd;
	size_t	n = strlen(secret);

	snprintf(dir, sizeof dir, "%s/akswiz-signin.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL) {
		err_set(err, ERR_IO, "%s: %s", dir, strerror(errno));
		return false;
	}
	snprintf(path, len, "%s/secret", dir);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) < 0 || write(fd, secret, n) != (ssize_t)n) {
		err_set(err, ERR_IO, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(path);
		rmdir(dir);
		return false;
	}
	close(fd);
	session_signin_forget(p);
	snprintf(p->signin_dir, sizeof p->signin_dir, "%s", dir);
	snprintf(p->signin_secret, sizeof p->signin_secret, "%s", path);
	return true;
}

/* Sign in again with a chosen method (the home screen's sign-in). */
bool
session_signin(struct session *s, const struct session_signin *si,
    struct err *err)
{
	struct auth_config	 ac;
	struct auth		*a;
	char			 path[300];

	memset(&ac, 0, sizeof ac);
	ac.cloud = &s->priv->cloud;
	ac.http = s->http;
	if (!auth_method_parse(si->method, &ac.method)) {
		err_set(err, ERR_USAGE, "%s", si->method);
		return false;
	}
	ac.tenant = si->tenant != NULL && *si->tenant != '\0' ? si->tenant :
	    NULL;
	ac.client_id = si->client_id != NULL && *si->client_id != '\0' ?
	    si->client_id : NULL;
	ac.certificate_path = si->certificate;
	ac.interactive = true;
	ac.device_prompt = si->prompt;
	ac.prompt_ctx = si->prompt_ctx;
	ac.cancel = si->cancel;
	ac.warn = session_warn;
	if (ac.method == AUTH_SECRET) {
		if (si->secret == NULL || !session_signin_secret(s->priv,
		    si->secret, path, sizeof path, err))
			return false;
		ac.client_secret_file = s->priv->signin_secret;
	}
	if ((a = auth_new(&ac, err)) == NULL)
		return false;
	if (!auth_login(a, err)) {
		auth_free(a);
		return false;
	}
	auth_free(s->priv->auth);
	s->priv->auth = a;
	arm_init(&s->arm, s->http, auth_token_source(a), s->arm_endpoint);
	return true;
}

/* Who is signed in now (the token's claims), signing in silently if needed. */
bool
session_whoami(struct session *s, struct session_identity *id,
    struct err *err)
{
	struct auth_account	acc;

	memset(id, 0, sizeof *id);
	if (s->priv == NULL || s->priv->auth == NULL) {
		err_set(err, ERR_AUTH, "%s", _("not signed in"));
		return false;
	}
	if (!auth_account(s->priv->auth, &acc, err))
		return false;
	copy(id->user, sizeof id->user, acc.user[0] != '\0' ? acc.user :
	    acc.client_id);
	copy(id->tenant, sizeof id->tenant, acc.tenant);
	copy(id->method, sizeof id->method, acc.method);
	id->expires = acc.expires;
	return true;
}

struct auth *
session_auth(struct session *s)
{
	return s->priv != NULL ? s->priv->auth : NULL;
}

const struct cloud_endpoints *
session_cloud(const struct session *s)
{
	return &s->priv->cloud;
}

/* Sign out: forget the cached sign-ins; later calls find no credential. */
bool
session_signout(struct session *s, struct err *err)
{
	struct auth_config	 ac;
	struct auth		*a;
	int			 removed = 0;

	memset(&ac, 0, sizeof ac);
	ac.cloud = &s->priv->cloud;
	ac.http = s->http;
	ac.method = AUTH_CACHE;
	if (!auth_logout(&ac, &removed, err) || (a = auth_new(&ac, err)) ==
	    NULL)
		return false;
	auth_free(s->priv->auth);
	s->priv->auth = a;
	session_signin_forget(s->priv);
	arm_init(&s->arm, s->http, auth_token_source(a), s->arm_endpoint);
	return true;
}

/* Free the session; stop the sandbox and remove its files. */
void
session_close(struct session *s)
{
	char	path[600];
	int	status;

	/* AKSWIZ_STATS=1: what the benchmarks in bench/ read. */
	if (s->http != NULL && getenv("AKSWIZ_STATS") != NULL)
		fprintf(stderr, "akswiz-stats: requests=%ld handshakes=%ld\n",
		    s->arm.requests, http_client_handshakes(s->http));
	if (s->priv != NULL) {
		auth_free(s->priv->auth);
		session_signin_forget(s->priv);
		free(s->priv);
		s->priv = NULL;
	}
	http_client_free(s->http);
	s->http = NULL;
	if (s->sandbox_pid > 0) {
		sig_pid = 0;
		kill(s->sandbox_pid, SIGTERM);
		while (waitpid(s->sandbox_pid, &status, 0) < 0 &&
		    errno == EINTR)
			;
		s->sandbox_pid = 0;
	}
	if (s->sandbox_dir[0] != '\0') {
		if (s->secret_file[0] != '\0')
			unlink(s->secret_file);
		snprintf(path, sizeof path, "%s/ready.json", s->sandbox_dir);
		unlink(path);
		snprintf(path, sizeof path, "%s/sandbox.log", s->sandbox_dir);
		unlink(path);
		s->sandbox_dir[0] = '\0';
	}
	if (world_lock >= 0) {
		close(world_lock);	/* the next akswiz --sandbox may go */
		world_lock = -1;
	}
}

/* The exit status for the kind of an error. */
int
session_exit_status(const struct err *err)
{
	switch (err->kind) {
	case ERR_USAGE:
		return EXIT_USAGE;
	case ERR_AUTH:
		return EXIT_AUTH;
	case ERR_BUSY:
		return EXIT_LOCKED;
	case ERR_NONE:
		return EXIT_OK;
	default:
		return EXIT_SERVICE;
	}
}

/* Print an error and its detail on stderr. */
void
session_report(const struct err *err)
{
	cli_error("%s", err->msg[0] != '\0' ? err->msg : _("unknown error"));
	/* A detail that only repeats the message is not printed twice. */
	if (err->detail[0] != '\0' && (err->msg[0] == '\0' ||
	    strstr(err->detail, err->msg) == NULL))
		fprintf(stderr, "  %s\n", err->detail);
}

/* Whether the compute was created or attached. */
const char *
session_compute_origin(const struct arm_compute *c)
{
	return c->is_attached ? "attached" : "created";
}

/* Print one "key": value member of a JSON object. */
void
session_json_member(FILE *fp, bool *first, const char *key, const char *value)
{
	fprintf(fp, "%s\"%s\": ", *first ? "" : ", ", key);
	*first = false;
	if (value == NULL)
		fputs("null", fp);
	else
		output_json_string(fp, value);
}

/* Print a compute as the documented JSON object. */
void
session_compute_json(FILE *fp, const struct arm_compute *c)
{
	bool	first = true;

	fputc('{', fp);
	session_json_member(fp, &first, "name", c->name);
	session_json_member(fp, &first, "id", c->id);
	session_json_member(fp, &first, "computeType", c->compute_type);
	session_json_member(fp, &first, "provisioningState",
	    c->provisioning_state);
	session_json_member(fp, &first, "origin", session_compute_origin(c));
	session_json_member(fp, &first, "location",
	    c->compute_location != NULL ? c->compute_location : c->location);
	session_json_member(fp, &first, "clusterPurpose", c->cluster_purpose);
	if (c->agent_count >= 0)
		fprintf(fp, ", \"agentCount\": %d", c->agent_count);
	else
		fputs(", \"agentCount\": null", fp);
	session_json_member(fp, &first, "agentVmSize", c->agent_vm_size);
	session_json_member(fp, &first, "loadBalancerType", c->lb_type);
	session_json_member(fp, &first, "loadBalancerSubnet", c->lb_subnet);
	session_json_member(fp, &first, "sslStatus", c->ssl_status);
	session_json_member(fp, &first, "clusterFqdn", c->cluster_fqdn);
	session_json_member(fp, &first, "resourceId", c->resource_id);
	session_json_member(fp, &first, "createdOn", c->created_on);
	session_json_member(fp, &first, "errorCode", c->error_code);
	session_json_member(fp, &first, "errorMessage", c->error_message);
	fputc('}', fp);
}

/* Take an option with a value from argv. */
int
session_opt_value(int argc, char **argv, int *i, const char *name,
    char shortname, const char **value)
{
	const char	*a = argv[*i];
	size_t		 len = strlen(name);

	if (a[0] == '-' && a[1] == '-' && strncmp(a + 2, name, len) == 0) {
		if (a[2 + len] == '=') {
			*value = a + 3 + len;
			return 1;
		}
		if (a[2 + len] != '\0')
			return 0;
	} else if (!(shortname != 0 && a[0] == '-' && a[1] == shortname &&
	    a[2] == '\0'))
		return 0;
	if (*i + 1 >= argc) {
		cli_error(_("option %s needs a value"), a);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

