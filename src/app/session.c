/*
 * Building the application session (session.h): one construction of
 * cloud -> HTTP client -> sign-in -> ARM client for every command and
 * the interface.
 */
#include "config.h"
#include "app/session.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/scope-file.h"
#include "azure/auth.h"
#include "azure/cloud-metadata.h"
#include "azure/http.h"
#include "azure/journal.h"
#include "common/i18n.h"
#include "common/xalloc.h"

/* What the commands need not see (struct cloud_endpoints clashes with enum cloud). */
struct session_priv {
	struct cloud_endpoints	 cloud;
	struct auth	*auth;
	char		 signin_dir[256];	/* session_signin()'s secret */
	char		 signin_secret[300];
};

/* Copy src (or "") into dst, cut to len. */
static void
copy(char *dst, size_t len, const char *src)
{
	(void)strlcpy_ok(dst, src != NULL ? src : "", len);
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

/* A warning of the session, where the options say (stderr by default). */
static void
session_say(const struct app_options *g, const char *msg)
{
	if (g != NULL && g->warn != NULL)
		g->warn(msg);
	else
		fprintf(stderr, "akswiz: %s%s\n", _("warning: "), msg);
}

/* The sandbox world's warnings (stderr: no options to reach). */
static void
session_sandbox_warn(const char *msg)
{
	session_say(NULL, msg);
}

/* Fill unset scope members from $XDG_CONFIG_HOME/akswiz/config. */
static void
scope_from_config(struct session *s)
{
	struct app_scope	sc;

	memset(&sc, 0, sizeof sc);
	copy(sc.subscription, sizeof sc.subscription, s->subscription);
	copy(sc.resource_group, sizeof sc.resource_group, s->resource_group);
	copy(sc.workspace, sizeof sc.workspace, s->workspace);
	app_config_read(&sc);
	copy(s->subscription, sizeof s->subscription, sc.subscription);
	copy(s->resource_group, sizeof s->resource_group, sc.resource_group);
	copy(s->workspace, sizeof s->workspace, sc.workspace);
}

/* A scope member left empty, from src (the sandbox's workspace). */
static void
scope_default(char *dst, size_t len, const char *src)
{
	if (dst[0] == '\0')
		copy(dst, len, src);
}

/* Sign-in's warnings (a token cache it cannot use ...). */
static void
session_warn(void *ctx, const char *msg)
{
	session_say(ctx, msg);
}

/* Resolve scope, cloud, HTTP client and sign-in (and the sandbox). */
bool
session_open_login(struct session *s, const struct app_options *g,
    unsigned needs, const struct session_login *login, struct err *err)
{
	struct http_config	 hc;
	struct auth_config	 ac;
	struct cloud_endpoints	 canon;
	const char		*endpoint = g->endpoint, *authority =
				    g->authority, *ca = g->ca_file;
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
		if (!sandbox_child_start(&s->sandbox, g->reset, g->warn !=
		    NULL ? g->warn : session_sandbox_warn, err))
			goto out;
		endpoint = s->sandbox.endpoint;
		authority = s->sandbox.authority;
		if (ca == NULL && s->sandbox.ca_file[0] != '\0')
			ca = s->sandbox.ca_file;
		scope_default(s->subscription, sizeof s->subscription,
		    s->sandbox.subscription);
		scope_default(s->resource_group, sizeof s->resource_group,
		    s->sandbox.resource_group);
		scope_default(s->workspace, sizeof s->workspace,
		    s->sandbox.workspace);
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
	copy(s->arm_endpoint, sizeof s->arm_endpoint,
	    s->priv->cloud.arm_endpoint);
	if (g->sandbox)
		/* the journal follows this world's operations on this port */
		journal_use_world(s->sandbox.world_id, s->arm_endpoint);
	if (needs & SESSION_NO_SIGNIN) {
		ok = true;
		goto out;
	}
	cloud_discover_audience(&s->priv->cloud, s->http, session_warn,
	    (void *)g);
	memset(&ac, 0, sizeof ac);
	ac.cloud = &s->priv->cloud;
	ac.http = s->http;
	ac.method = AUTH_DEFAULT;
	ac.interactive = isatty(0) && isatty(2);
	ac.warn = session_warn;
	ac.warn_ctx = (void *)g;
	if (g->sandbox && s->sandbox.secret_file[0] != '\0') {
		ac.method = AUTH_SECRET;
		ac.tenant = s->sandbox.tenant;
		ac.client_id = s->sandbox.client_id;
		ac.client_secret_file = s->sandbox.secret_file;
	} else if (login != NULL) {
		if (login->method != NULL &&
		    !auth_method_parse(login->method, &ac.method)) {
			err_set(err, ERR_USAGE, "%s", login->method);
			goto out;
		}
		ac.tenant = login->tenant;
		ac.client_id = login->client_id;
		ac.client_secret_file = login->secret_file;
		ac.certificate_path = login->certificate;
		ac.interactive = login->interactive;
	}
	if ((s->priv->auth = auth_new(&ac, err)) == NULL)
		goto out;
	arm_init(&s->arm, s->http, auth_token_source(s->priv->auth),
	    s->arm_endpoint);
	ok = true;
out:
	if (!ok)
		session_close(s);
	return ok;
}

bool
session_open(struct session *s, const struct app_options *g, unsigned needs,
    struct err *err)
{
	return session_open_login(s, g, needs, NULL, err);
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
	ac.warn_ctx = (void *)s->g;
	if (ac.method == AUTH_SECRET) {
		if (si->secret == NULL || !session_signin_secret(s->priv,
		    si->secret, path, sizeof path, err))
			return false;
		ac.client_secret_file = s->priv->signin_secret;
	}
	if ((a = auth_new(&ac, err)) == NULL || !auth_login(a, err)) {
		auth_free(a);
		/* The screens show err; the --debug log keeps it all. */
		http_client_log(s->http, "sign-in (%s, tenant %s, client %s) "
		    "failed: %s%s%s", si->method, ac.tenant != NULL ?
		    ac.tenant : "", ac.client_id != NULL ? ac.client_id : "",
		    err->msg, err->detail[0] != '\0' ? " -- " : "",
		    err->detail);
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

void
session_warning(struct session *s, const char *msg)
{
	session_say(s->g, msg);
}

const struct cloud_endpoints *
session_cloud(const struct session *s)
{
	return &s->priv->cloud;
}

/* Sign out: forget the cached sign-ins; later calls find no credential. */
bool
session_signout(struct session *s, const char *tenant, int *removed,
    struct err *err)
{
	struct auth_config	 ac;
	struct auth		*a;
	int			 n = 0;

	memset(&ac, 0, sizeof ac);
	ac.cloud = &s->priv->cloud;
	ac.http = s->http;
	ac.method = AUTH_CACHE;
	ac.tenant = tenant;
	if (!auth_logout(&ac, &n, err))
		return false;
	if (removed != NULL)
		*removed = n;
	ac.tenant = NULL;
	if ((a = auth_new(&ac, err)) == NULL)
		return false;
	auth_free(s->priv->auth);
	s->priv->auth = a;
	session_signin_forget(s->priv);
	arm_init(&s->arm, s->http, auth_token_source(a), s->arm_endpoint);
	return true;
}

/* Stop the sandbox child (the one teardown, sandbox-child.c). */
void
session_stop_sandbox(struct session *s)
{
	sandbox_child_stop(&s->sandbox);
}

/* Free the session; stop the sandbox and remove its files. */
void
session_close(struct session *s)
{
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
	session_stop_sandbox(s);
}
