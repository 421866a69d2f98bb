/*
 * Sign-in (see auth.h).  Every method ends in the same place: an access
 * token with its expiry, kept in memory and, for methods akswiz runs itself
 * (device code, service principal), in the token cache with the refresh
 * token of a user sign-in.  get() hands out the token while it has more
 * than 5 minutes left, else refreshes (refresh token) or signs in again
 * (secret, certificate, managed identity, az) without asking anyone; only
 * `akswiz login` (or an interactive wizard) shows a device code.
 *
 * The default chain follows DefaultAzureCredential: environment, managed
 * identity when IDENTITY_ENDPOINT/MSI_ENDPOINT is set (IMDS only when asked
 * for), the Azure CLI when `az` is on PATH (not for a custom cloud, which
 * az does not know), then the cache left by `akswiz login`.
 */
#include "config.h"
#include "azure/auth.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>

#include "azure/cert.h"
#include "azure/jwt.h"
#include "azure/token-cache.h"
#include "common/atomicfile.h"
#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"

extern char **environ;

#define REFRESH_MARGIN	300		/* seconds before expiry */
#define IMDS_URL	"http://169.254.169.254/metadata/identity/oauth2/token"
#define SECRET_MAX	4096

struct auth {
	struct auth_config	 cfg;
	struct cloud_endpoints		 cloud;		/* copy; authority may change */
	enum auth_method	 method;	/* resolved (never DEFAULT) */
	char			*tenant;	/* NULL: any / organizations */
	char			*client_id;
	char			*secret;	/* wiped */
	struct cert_key		*ck;
	struct token_entry	 mem;		/* the token in use */
	struct http_token_source src;
	bool			 resolved;
	char			 warned[256];	/* the last warning given */
};

/* A token endpoint answer. */
struct token_reply {
	char	*access_token;
	char	*refresh_token;
	long	 expires_in;
	time_t	 expires_on;		/* managed identity, az */
	char	 error[64];
	char	 error_description[480];	/* Azure AD's run to 400 */
};

static const char *const method_names[] = {
	[AUTH_DEFAULT] = "default",
	[AUTH_DEVICE_CODE] = "device-code",
	[AUTH_SECRET] = "secret",
	[AUTH_CERTIFICATE] = "certificate",
	[AUTH_MANAGED_IDENTITY] = "managed-identity",
	[AUTH_AZURE_CLI] = "azure-cli",
	[AUTH_ENVIRONMENT] = "environment",
	[AUTH_CACHE] = "cache",
};

const char *
auth_method_name(enum auth_method m)
{
	return (size_t)m < sizeof method_names / sizeof *method_names ?
	    method_names[m] : "?";
}

bool
auth_method_parse(const char *s, enum auth_method *m)
{
	size_t	i;

	for (i = 0; i < sizeof method_names / sizeof *method_names; i++)
		if (strcmp(method_names[i], s) == 0) {
			*m = (enum auth_method)i;
			return true;
		}
	return false;
}

/* A non-empty environment variable or NULL. */
static const char *
env(const char *name)
{
	const char	*s = getenv(name);

	return s != NULL && *s != '\0' ? s : NULL;
}

/* Whether a variable says true ("true", "1", "yes"). */
static bool
env_true(const char *name)
{
	const char	*s = env(name);

	return s != NULL && (strcasecmp(s, "true") == 0 ||
	    strcmp(s, "1") == 0 || strcasecmp(s, "yes") == 0);
}

/* Wipe and free a secret string. */
static void
secret_free(char *s)
{
	if (s != NULL) {
		OPENSSL_cleanse(s, strlen(s));
		free(s);
	}
}

static void
reply_done(struct token_reply *r)
{
	secret_free(r->access_token);
	secret_free(r->refresh_token);
	memset(r, 0, sizeof *r);
}

/* Percent-encode s into a form body (RFC 3986 unreserved kept). */
static void
form_add(struct buf *b, const char *name, const char *value)
{
	const unsigned char	*p;

	if (b->len > 0)
		buf_adds(b, "&");
	buf_adds(b, name);
	buf_adds(b, "=");
	for (p = (const unsigned char *)value; *p != '\0'; p++)
		if (isalnum(*p) || *p == '-' || *p == '.' || *p == '_' ||
		    *p == '~')
			buf_add(b, p, 1);
		else
			buf_addf(b, "%%%02X", *p);
}

/* Wipe and release a form body. */
static void
form_done(struct buf *b)
{
	if (b->data != NULL)
		OPENSSL_cleanse(b->data, b->len);
	buf_done(b);
}

/* "{authority}/{tenant}/oauth2/v2.0/{what}" */
static char *
aad_url(const struct auth *a, const char *what)
{
	char	*u;

	xasprintf(&u, "%s/%s/oauth2/v2.0/%s", a->cloud.authority,
	    a->tenant != NULL ? a->tenant : "organizations", what);
	return u;
}

/* Copy a string member into a fixed buffer (first line only). */
static void
str_member(json_object *o, const char *key, char *dst, size_t len)
{
	json_object	*v;

	*dst = '\0';
	if (json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string)) {
		strlcpy_ok(dst, json_object_get_string(v), len);
		dst[strcspn(dst, "\r\n")] = '\0';
	}
}

/* A number member that may be a JSON number or a string of digits. */
static long long
num_member(json_object *o, const char *key)
{
	json_object	*v;

	if (!json_object_object_get_ex(o, key, &v))
		return 0;
	if (json_object_is_type(v, json_type_string))
		return strtoll(json_object_get_string(v), NULL, 10);
	return json_object_get_int64(v);
}

/* A string member as a fresh copy, or NULL. */
static char *
dup_member(json_object *o, const char *key)
{
	json_object	*v;

	if (json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string) &&
	    json_object_get_string_len(v) > 0)
		return xstrdup(json_object_get_string(v));
	return NULL;
}

/* Parse a token (or error) answer; false + err when it is neither. */
static bool
parse_reply(const char *body, long status, struct token_reply *r,
    struct err *err)
{
	json_object	*o;

	memset(r, 0, sizeof *r);
	o = json_tokener_parse(body);
	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		if (o != NULL)
			json_object_put(o);
		err_set(err, ERR_AUTH, _("the sign-in service answered HTTP "
		    "%ld with something that is not JSON"), status);
		err->http_status = status;
		return false;
	}
	r->access_token = dup_member(o, "access_token");
	r->refresh_token = dup_member(o, "refresh_token");
	r->expires_in = (long)num_member(o, "expires_in");
	r->expires_on = (time_t)num_member(o, "expires_on");
	str_member(o, "error", r->error, sizeof r->error);
	str_member(o, "error_description", r->error_description,
	    sizeof r->error_description);
	json_object_put(o);
	return true;
}

/* An error for a refused token request. */
static bool
reply_error(const struct token_reply *r, long status, struct err *err)
{
	if (*r->error != '\0') {
		err_set(err, ERR_AUTH, _("sign-in refused: %s: %s"), r->error,
		    r->error_description);
		err_detail(err, "HTTP %ld %s: %s", status, r->error,
		    r->error_description);
	} else
		err_set(err, ERR_AUTH, _("sign-in failed: HTTP %ld without a "
		    "token"), status);
	err->http_status = status;
	return false;
}

/* POST a form to an Azure AD endpoint; the answer parsed into r. */
static bool
aad_post(struct auth *a, const char *url, struct buf *form,
    struct token_reply *r, long *status, struct err *err)
{
	struct http_request	req;
	struct http_response	rsp;
	bool			ok;

	memset(&req, 0, sizeof req);
	req.method = "POST";
	req.url = url;
	req.body = buf_str(form);
	req.body_len = form->len;
	req.content_type = "application/x-www-form-urlencoded";
	http_response_init(&rsp);
	ok = http_call(a->cfg.http, &req, &rsp, err);
	if (ok) {
		*status = rsp.status;
		ok = parse_reply(buf_str(&rsp.body), rsp.status, r, err);
	}
	if (rsp.body.data != NULL)
		OPENSSL_cleanse(rsp.body.data, rsp.body.len);
	http_response_done(&rsp);
	return ok;
}

/* Say something that does not stop sign-in, once (cfg->warn). */
static void
warn(struct auth *a, const char *msg)
{
	if (strcmp(a->warned, msg) == 0)
		return;
	strlcpy_ok(a->warned, msg, sizeof a->warned);
	if (a->cfg.warn != NULL)
		a->cfg.warn(a->cfg.warn_ctx, msg);
}

/*
 * Open the token cache.  One that cannot be trusted (damaged, another
 * user's, a newer format) is said at once, as a warning, and sign-in goes
 * on without it: NULL, and *why (when not NULL) says what is wrong.
 */
static struct token_cache *
cache_open(struct auth *a, struct err *why)
{
	struct token_cache	*c;
	struct err		 e;

	err_clear(&e);
	if ((c = token_cache_open(a->cfg.cache_dir, &e)) == NULL) {
		warn(a, e.msg);
		if (why != NULL)
			*why = e;
		return NULL;
	}
	if (token_cache_warning(c) != NULL)
		warn(a, token_cache_warning(c));
	return c;
}

/* Keep the reply as the token in use (and in the cache if persist). */
static bool
adopt(struct auth *a, const char *scope, struct token_reply *r,
    bool persist, struct err *err)
{
	struct token_cache	*c;
	struct token_entry	*e = &a->mem;
	bool			 ok = true;

	token_entry_wipe(e);
	memset(e, 0, sizeof *e);
	strlcpy_ok(e->authority, a->cloud.authority, sizeof e->authority);
	strlcpy_ok(e->tenant, a->tenant != NULL ? a->tenant : "",
	    sizeof e->tenant);
	strlcpy_ok(e->client_id, a->client_id, sizeof e->client_id);
	strlcpy_ok(e->scope, scope, sizeof e->scope);
	strlcpy_ok(e->method, auth_method_name(a->method), sizeof e->method);
	e->access_token = r->access_token;
	e->refresh_token = r->refresh_token;
	r->access_token = r->refresh_token = NULL;
	if (r->expires_on > 0)
		e->expires_on = r->expires_on;
	else
		e->expires_on = clock_now() + (r->expires_in > 0 ?
		    r->expires_in : 3600);
	token_protect_process();
	/* a cache that cannot be trusted is left alone: the token stays here */
	if (persist && (c = cache_open(a, NULL)) != NULL) {
		ok = token_cache_put(c, e, err);
		token_cache_free(c);
	}
	return ok;
}

/* grant_type=refresh_token. */
static bool
auth_refresh(struct auth *a, const char *scope, const char *refresh_token,
    struct err *err)
{
	struct buf		form;
	struct token_reply	r;
	char			*url, *sc;
	long			status = 0;
	bool			ok;

	buf_init(&form, 0);
	xasprintf(&sc, "%s offline_access openid profile", scope);
	form_add(&form, "grant_type", "refresh_token");
	form_add(&form, "client_id", a->client_id);
	form_add(&form, "refresh_token", refresh_token);
	form_add(&form, "scope", sc);
	url = aad_url(a, "token");
	ok = aad_post(a, url, &form, &r, &status, err);
	form_done(&form);
	free(url);
	free(sc);
	if (!ok)
		return false;
	if (status != 200 || r.access_token == NULL) {
		reply_error(&r, status, err);
		if (strcmp(r.error, "invalid_grant") == 0)
			err_set(err, ERR_AUTH, _("the sign-in has expired or "
			    "was revoked; run `akswiz login` again"));
		reply_done(&r);
		return false;
	}
	ok = adopt(a, scope, &r, true, err);
	reply_done(&r);
	return ok;
}

/* Read a secret from the terminal without echo; NULL if none. */
static char *
prompt_secret(const char *prompt)
{
	struct termios	 old, quiet;
	FILE		*tty;
	char		*line, *s = NULL;
	size_t		 n;
	int		 fd;

	if ((fd = open("/dev/tty", O_RDWR | O_CLOEXEC)) < 0)
		return NULL;
	if ((tty = fdopen(fd, "r+")) == NULL) {
		close(fd);
		return NULL;
	}
	line = xcalloc(1, SECRET_MAX);
	fputs(prompt, tty);
	fflush(tty);
	if (tcgetattr(fd, &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	if (fgets(line, SECRET_MAX, tty) != NULL) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n > 0)
			s = xstrdup(line);
	}
	tcsetattr(fd, TCSAFLUSH, &old);
	fputc('\n', tty);
	fclose(tty);
	OPENSSL_cleanse(line, SECRET_MAX);
	free(line);
	return s;
}

/* Read the first line of a secret file (0600 is advised, not required). */
static char *
read_secret_file(const char *path, struct err *err)
{
	FILE	*fp;
	char	*line, *s = NULL;
	size_t	 n;

	if ((fp = fopen(path, "r")) == NULL) {
		err_set(err, ERR_AUTH, _("cannot read the client secret file "
		    "%s: %s"), path, strerror(errno));
		return NULL;
	}
	line = xcalloc(1, SECRET_MAX);
	if (fgets(line, SECRET_MAX, fp) != NULL) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n > 0)
			s = xstrdup(line);
	}
	fclose(fp);
	OPENSSL_cleanse(line, SECRET_MAX);
	free(line);
	if (s == NULL)
		err_set(err, ERR_AUTH, _("the client secret file %s is empty"),
		    path);
	return s;
}

/* Find the client secret: --client-secret-file, AZURE_CLIENT_SECRET,
 * AZURE_CLIENT_SECRET_FILE, or a masked prompt on the terminal. */
static bool
load_secret(struct auth *a, struct err *err)
{
	const char	*s, *file;

	if (a->secret != NULL)
		return true;
	token_protect_process();
	/* what the caller chose beats the environment */
	if (a->cfg.client_secret_file != NULL)
		return (a->secret = read_secret_file(a->cfg.client_secret_file,
		    err)) != NULL;
	if ((s = env("AZURE_CLIENT_SECRET")) != NULL) {
		a->secret = xstrdup(s);
		return true;
	}
	if ((file = env("AZURE_CLIENT_SECRET_FILE")) != NULL)
		return (a->secret = read_secret_file(file, err)) != NULL;
	if (a->cfg.interactive &&
	    (a->secret = prompt_secret(_("Client secret: "))) != NULL)
		return true;
	return err_set(err, ERR_AUTH, _("no client secret: set "
	    "AZURE_CLIENT_SECRET or AZURE_CLIENT_SECRET_FILE, or give "
	    "--client-secret-file FILE"));
}

/*
 * Say before sign-in that the certificate is outside its validity: Azure
 * AD refuses the assertions it signs (AADSTS700027, "The key used is
 * expired"), and its own answer does not say when it ended.
 */
static void
cert_warn_validity(struct auth *a, const char *path)
{
	time_t	from, until, now = clock_now();
	char	when[32], msg[sizeof a->warned];

	if (!cert_key_validity(a->ck, &from, &until))
		return;
	if (until < now) {
		clock_format_iso8601(until, when, sizeof when);
		/* TRANSLATORS: the certificate's file, then its end as
		   2020-01-02T00:00:00Z; a warning before sign-in. */
		snprintf(msg, sizeof msg, _("the sign-in certificate %s "
		    "expired on %s; Azure AD refuses it: register a new "
		    "certificate for the application"), path, when);
		warn(a, msg);
	} else if (from > now) {
		clock_format_iso8601(from, when, sizeof when);
		snprintf(msg, sizeof msg, _("the sign-in certificate %s is "
		    "valid only from %s; Azure AD refuses it until then"),
		    path, when);
		warn(a, msg);
	}
}

/* Service principal with a secret or a certificate. */
static bool
auth_client_credentials(struct auth *a, const char *scope, struct err *err)
{
	struct buf		 form;
	struct token_reply	 r;
	const char		*path;
	char			*url, *assertion = NULL;
	long			 status = 0;
	bool			 ok;

	if (a->tenant == NULL)
		return err_set(err, ERR_AUTH, _("a service principal needs a "
		    "tenant: set AZURE_TENANT_ID or give --tenant"));
	if (strcmp(a->client_id, AUTH_DEFAULT_CLIENT_ID) == 0)
		return err_set(err, ERR_AUTH, _("a service principal needs its "
		    "application (client) id: set AZURE_CLIENT_ID or give "
		    "--client-id"));
	url = aad_url(a, "token");
	buf_init(&form, 0);
	form_add(&form, "grant_type", "client_credentials");
	form_add(&form, "client_id", a->client_id);
	form_add(&form, "scope", scope);
	if (a->method == AUTH_CERTIFICATE) {
		path = a->cfg.certificate_path != NULL ?
		    a->cfg.certificate_path :
		    env("AZURE_CLIENT_CERTIFICATE_PATH");
		if (path == NULL) {
			free(url);
			form_done(&form);
			return err_set(err, ERR_AUTH, _("no certificate: set "
			    "AZURE_CLIENT_CERTIFICATE_PATH or give "
			    "--certificate FILE"));
		}
		token_protect_process();
		if (a->ck == NULL && (a->ck = cert_key_load_pass(path, NULL,
		    env("AZURE_CLIENT_CERTIFICATE_PASSWORD"), err)) == NULL) {
			free(url);
			form_done(&form);
			return false;
		}
		cert_warn_validity(a, path);
		assertion = jwt_client_assertion_x5c(a->ck,
		    a->cfg.assertion_ps256 ? JWT_PS256 : JWT_RS256,
		    a->client_id, url, clock_now(), NULL,
		    env_true("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"), err);
		if (assertion == NULL) {
			free(url);
			form_done(&form);
			return false;
		}
		form_add(&form, "client_assertion_type",
		    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		form_add(&form, "client_assertion", assertion);
		secret_free(assertion);
	} else {
		if (!load_secret(a, err)) {
			free(url);
			form_done(&form);
			return false;
		}
		form_add(&form, "client_secret", a->secret);
	}
	ok = aad_post(a, url, &form, &r, &status, err);
	form_done(&form);
	free(url);
	if (!ok)
		return false;
	if (status != 200 || r.access_token == NULL) {
		reply_error(&r, status, err);
		reply_done(&r);
		return false;
	}
	ok = adopt(a, scope, &r, true, err);
	reply_done(&r);
	return ok;
}

/* Print the device-code instructions when the caller gave no callback. */
static void
default_prompt(void *ctx, const char *uri, const char *code,
    const char *message)
{
	(void)ctx;
	(void)message;
	fprintf(stderr, _("To sign in, open %s in a browser and enter the "
	    "code %s\n"), uri, code);
	fflush(stderr);
}

/*
 * Wait interval seconds between device-code polls, in short steps so that
 * a cancel from another thread (the sign-in screen's Esc) is seen within
 * a tenth of a second; false when cancelled.
 */
static bool
device_wait(const struct auth *a, int interval)
{
	uint64_t	left = (uint64_t)interval * 1000;

	while (left > 0) {
		uint64_t	step = left < 100 ? left : 100;

		if (a->cfg.cancel != NULL && atomic_load(a->cfg.cancel))
			return false;
		clock_sleep_ms(step);
		left -= step;
	}
	return a->cfg.cancel == NULL || !atomic_load(a->cfg.cancel);
}

/* The device-code flow (RFC 8628 as Azure AD does it). */
static bool
auth_device_code(struct auth *a, const char *scope, struct err *err)
{
	struct http_request	 req;
	struct http_response	 rsp;
	struct buf		 form;
	struct token_reply	 r;
	json_object		*o;
	char			*url, *sc, *device_code = NULL;
	char			 uri[512], code[64], message[512];
	long			 interval, expires_in, status = 0;
	time_t			 deadline;
	bool			 ok = false;

	if (!a->cfg.interactive)
		return err_set(err, ERR_AUTH, _("not signed in: run `akswiz "
		    "login` first (or set AZURE_CLIENT_ID, AZURE_TENANT_ID "
		    "and AZURE_CLIENT_SECRET)"));
	xasprintf(&sc, "%s offline_access openid profile", scope);
	buf_init(&form, 0);
	form_add(&form, "client_id", a->client_id);
	form_add(&form, "scope", sc);
	url = aad_url(a, "devicecode");
	memset(&req, 0, sizeof req);
	req.method = "POST";
	req.url = url;
	req.body = buf_str(&form);
	req.body_len = form.len;
	req.content_type = "application/x-www-form-urlencoded";
	http_response_init(&rsp);
	if (!http_call(a->cfg.http, &req, &rsp, err))
		goto out;
	o = json_tokener_parse(buf_str(&rsp.body));
	if (rsp.status != 200 || o == NULL ||
	    !json_object_is_type(o, json_type_object)) {
		if (o != NULL && json_object_is_type(o, json_type_object)) {
			memset(&r, 0, sizeof r);
			str_member(o, "error", r.error, sizeof r.error);
			str_member(o, "error_description",
			    r.error_description, sizeof r.error_description);
			reply_error(&r, rsp.status, err);
		} else
			err_set(err, ERR_AUTH, _("the sign-in service did not "
			    "start a device-code sign-in (HTTP %ld)"),
			    rsp.status);
		if (o != NULL)
			json_object_put(o);
		goto out;
	}
	device_code = dup_member(o, "device_code");
	str_member(o, "user_code", code, sizeof code);
	str_member(o, "verification_uri", uri, sizeof uri);
	if (*uri == '\0')
		str_member(o, "verification_url", uri, sizeof uri);
	str_member(o, "message", message, sizeof message);
	interval = (long)num_member(o, "interval");
	expires_in = (long)num_member(o, "expires_in");
	json_object_put(o);
	if (device_code == NULL || *code == '\0' || *uri == '\0') {
		err_set(err, ERR_AUTH, _("the sign-in service's device-code "
		    "answer lacks the code or the address"));
		goto out;
	}
	if (interval <= 0)
		interval = 5;
	if (expires_in <= 0)
		expires_in = 900;
	(a->cfg.device_prompt != NULL ? a->cfg.device_prompt :
	    default_prompt)(a->cfg.prompt_ctx, uri, code, message);

	free(url);
	url = aad_url(a, "token");
	deadline = clock_now() + expires_in;
	for (;;) {
		if (!device_wait(a, interval)) {
			err_set(err, ERR_AUTH, "%s", _("Sign-in cancelled: "
			    "the code is no longer waited for."));
			goto out;
		}
		if (clock_now() > deadline) {
			err_set(err, ERR_AUTH, _("the code %s expired before "
			    "sign-in finished; run `akswiz login` again"),
			    code);
			goto out;
		}
		form_done(&form);
		buf_init(&form, 0);
		form_add(&form, "grant_type",
		    "urn:ietf:params:oauth:grant-type:device_code");
		form_add(&form, "client_id", a->client_id);
		form_add(&form, "device_code", device_code);
		if (!aad_post(a, url, &form, &r, &status, err))
			goto out;
		if (status == 200 && r.access_token != NULL) {
			ok = adopt(a, scope, &r, true, err);
			reply_done(&r);
			goto out;
		}
		if (strcmp(r.error, "authorization_pending") == 0) {
			reply_done(&r);
			continue;
		}
		if (strcmp(r.error, "slow_down") == 0) {
			interval += 5;
			reply_done(&r);
			continue;
		}
		if (strcmp(r.error, "authorization_declined") == 0)
			err_set(err, ERR_AUTH, _("sign-in was declined in "
			    "the browser"));
		else if (strcmp(r.error, "expired_token") == 0)
			err_set(err, ERR_AUTH, _("the code %s expired before "
			    "sign-in finished; run `akswiz login` again"),
			    code);
		else if (strcmp(r.error, "bad_verification_code") == 0)
			err_set(err, ERR_AUTH, _("the sign-in service does not "
			    "recognise the device code"));
		else
			reply_error(&r, status, err);
		reply_done(&r);
		goto out;
	}
out:
	secret_free(device_code);
	form_done(&form);
	if (rsp.body.data != NULL)
		OPENSSL_cleanse(rsp.body.data, rsp.body.len);
	http_response_done(&rsp);
	free(url);
	free(sc);
	return ok;
}

/* Managed identity: App Service style endpoint, else IMDS. */
static bool
auth_managed_identity(struct auth *a, const char *scope, struct err *err)
{
	struct http_request	 req;
	struct http_response	 rsp;
	struct token_reply	 r;
	const char		*ep, *hdr, *client = env("AZURE_CLIENT_ID");
	char			*url, *h = NULL;
	bool			 ok = false;

	(void)scope;
	memset(&req, 0, sizeof req);
	req.method = "GET";
	if ((ep = env("IDENTITY_ENDPOINT")) != NULL &&
	    (hdr = env("IDENTITY_HEADER")) != NULL) {
		xasprintf(&url, "%s?api-version=2019-08-01&resource=%s%s%s",
		    ep, a->cloud.resource, client != NULL ? "&client_id=" : "",
		    client != NULL ? client : "");
		xasprintf(&h, "X-IDENTITY-HEADER: %s", hdr);
		req.extra_headers[0] = h;
	} else if ((ep = env("MSI_ENDPOINT")) != NULL &&
	    (hdr = env("MSI_SECRET")) != NULL) {
		xasprintf(&url, "%s?api-version=2017-09-01&resource=%s%s%s",
		    ep, a->cloud.resource, client != NULL ? "&clientid=" : "",
		    client != NULL ? client : "");
		xasprintf(&h, "secret: %s", hdr);
		req.extra_headers[0] = h;
	} else {
		ep = env("IMDS_ENDPOINT");
		xasprintf(&url, "%s%s?api-version=2018-02-01&resource=%s%s%s",
		    ep != NULL ? ep : IMDS_URL,
		    ep != NULL ? "/metadata/identity/oauth2/token" : "",
		    a->cloud.resource, client != NULL ? "&client_id=" : "",
		    client != NULL ? client : "");
		req.extra_headers[0] = "Metadata: true";
		req.no_proxy = true;
		req.timeout_ms = a->cfg.imds_timeout_ms > 0 ?
		    a->cfg.imds_timeout_ms : 1000;
		/* off Azure nothing answers: do not wait long for that */
		req.max_attempts = 2;
	}
	req.url = url;
	http_response_init(&rsp);
	if (!http_call(a->cfg.http, &req, &rsp, err)) {
		char	m[sizeof err->msg];

		snprintf(m, sizeof m, _("no managed identity: %s"), err->msg);
		strlcpy_ok(err->msg, m, sizeof err->msg);
		err->kind = ERR_AUTH;
		goto out;
	}
	if (!parse_reply(buf_str(&rsp.body), rsp.status, &r, err))
		goto out;
	if (rsp.status != 200 || r.access_token == NULL) {
		reply_error(&r, rsp.status, err);
		reply_done(&r);
		goto out;
	}
	ok = adopt(a, scope, &r, false, err);
	reply_done(&r);
out:
	if (rsp.body.data != NULL)
		OPENSSL_cleanse(rsp.body.data, rsp.body.len);
	http_response_done(&rsp);
	secret_free(h);
	free(url);
	return ok;
}

/* The path of an executable on PATH, or NULL. */
static char *
find_on_path(const char *name)
{
	const char	*path = env("PATH"), *p, *colon;
	char		*full;
	size_t		 n;

	for (p = path; p != NULL && *p != '\0'; p = colon + 1) {
		colon = strchr(p, ':');
		n = colon != NULL ? (size_t)(colon - p) : strlen(p);
		xasprintf(&full, "%.*s/%s", (int)n, n > 0 ? p : ".", name);
		if (access(full, X_OK) == 0)
			return full;
		free(full);
		if (colon == NULL)
			break;
	}
	return NULL;
}

/* The Azure CLI's token: `az account get-access-token`, no shell. */
static bool
auth_azure_cli(struct auth *a, const char *scope, struct err *err)
{
	posix_spawn_file_actions_t	 fa;
	struct buf			 out;
	struct token_reply		 r;
	json_object			*o, *v;
	char				*az, *argv[12], chunk[4096];
	pid_t				 pid;
	ssize_t				 n;
	int				 pipefd[2], st, i = 0;
	bool				 ok = false;
	struct tm			 tm;
	const char			*s;

	(void)scope;
	if ((az = find_on_path("az")) == NULL)
		return err_set(err, ERR_AUTH, _("the Azure CLI (az) is not "
		    "installed"));
	if (pipe(pipefd) != 0) {
		free(az);
		return err_set(err, ERR_IO, "pipe: %s", strerror(errno));
	}
	argv[i++] = "az";
	argv[i++] = "account";
	argv[i++] = "get-access-token";
	argv[i++] = "--resource";
	argv[i++] = a->cloud.resource;
	if (a->tenant != NULL) {
		argv[i++] = "--tenant";
		argv[i++] = a->tenant;
	}
	argv[i++] = "-o";
	argv[i++] = "json";
	argv[i] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
	posix_spawn_file_actions_addclose(&fa, pipefd[0]);
	posix_spawn_file_actions_addclose(&fa, pipefd[1]);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	st = posix_spawn(&pid, az, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(pipefd[1]);
	free(az);
	if (st != 0) {
		close(pipefd[0]);
		return err_set(err, ERR_AUTH, _("cannot run az: %s"),
		    strerror(st));
	}
	buf_init(&out, 1024 * 1024);
	while ((n = read(pipefd[0], chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (!buf_add(&out, chunk, (size_t)n))
			break;
	}
	close(pipefd[0]);
	OPENSSL_cleanse(chunk, sizeof chunk);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		err_set(err, ERR_AUTH, _("az account get-access-token failed; "
		    "run `az login`"));
		goto out;
	}
	o = json_tokener_parse(buf_str(&out));
	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		if (o != NULL)
			json_object_put(o);
		err_set(err, ERR_AUTH, _("az account get-access-token did not "
		    "print JSON"));
		goto out;
	}
	memset(&r, 0, sizeof r);
	r.access_token = dup_member(o, "accessToken");
	r.expires_on = (time_t)num_member(o, "expires_on");
	if (r.expires_on == 0 && json_object_object_get_ex(o, "expiresOn",
	    &v)) {
		s = json_object_get_string(v);
		memset(&tm, 0, sizeof tm);
		/* "2024-05-01 10:00:00.000000" in local time */
		if (s != NULL && sscanf(s, "%d-%d-%d %d:%d:%d", &tm.tm_year,
		    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
		    &tm.tm_sec) == 6) {
			tm.tm_year -= 1900;
			tm.tm_mon -= 1;
			tm.tm_isdst = -1;
			r.expires_on = mktime(&tm);
		}
	}
	json_object_put(o);
	if (r.access_token == NULL) {
		err_set(err, ERR_AUTH, _("az printed no access token"));
		reply_done(&r);
		goto out;
	}
	if (r.expires_on == 0)
		r.expires_in = 300;
	ok = adopt(a, scope, &r, false, err);
	reply_done(&r);
out:
	if (out.data != NULL)
		OPENSSL_cleanse(out.data, out.len);
	buf_done(&out);
	return ok;
}

/* Normalise AZURE_AUTHORITY_HOST (a value without a scheme is accepted). */
static void
authority_from_env(struct auth *a)
{
	const char	*h = env("AZURE_AUTHORITY_HOST");
	char		*u;
	size_t		 n;

	if (h == NULL || strcmp(a->cloud.name, "Custom") == 0)
		return;
	if (strstr(h, "://") == NULL)
		xasprintf(&u, "https://%s", h);
	else
		u = xstrdup(h);
	n = strlen(u);
	while (n > 0 && u[n - 1] == '/')
		u[--n] = '\0';
	strlcpy_ok(a->cloud.authority, u, sizeof a->cloud.authority);
	free(u);
}

/* Pick the method of the default chain (DefaultAzureCredential order). */
static enum auth_method
default_method(struct auth *a)
{
	const struct token_entry	*e;
	struct token_cache		*c;
	char				*az;
	bool				 cached = false;

	if (env("AZURE_CLIENT_ID") != NULL && env("AZURE_TENANT_ID") != NULL &&
	    (env("AZURE_CLIENT_SECRET") != NULL ||
	    env("AZURE_CLIENT_SECRET_FILE") != NULL ||
	    env("AZURE_CLIENT_CERTIFICATE_PATH") != NULL))
		return AUTH_ENVIRONMENT;
	if (env("IDENTITY_ENDPOINT") != NULL || env("MSI_ENDPOINT") != NULL)
		return AUTH_MANAGED_IDENTITY;
	/* (a repaired mode is said here, the first time the cache is read) */
	if ((c = cache_open(a, NULL)) != NULL) {
		e = token_cache_find(c, a->cloud.authority, a->tenant, NULL,
		    a->cloud.scope);
		cached = e != NULL;
		token_cache_free(c);
	}
	if (strcmp(a->cloud.name, "Custom") != 0 && !cached &&
	    (az = find_on_path("az")) != NULL) {
		free(az);
		return AUTH_AZURE_CLI;
	}
	return AUTH_CACHE;
}

/* Settle the method, tenant and client once. */
static void
resolve(struct auth *a)
{
	if (a->resolved)
		return;
	a->resolved = true;
	if (a->method == AUTH_DEFAULT)
		a->method = default_method(a);
	if (a->method == AUTH_ENVIRONMENT)
		a->method = env("AZURE_CLIENT_SECRET") != NULL ||
		    env("AZURE_CLIENT_SECRET_FILE") != NULL ||
		    a->cfg.client_secret_file != NULL ? AUTH_SECRET :
		    AUTH_CERTIFICATE;
}

/* Get a token by the method itself (no cache). */
static bool
acquire(struct auth *a, const char *scope, struct err *err)
{
	switch (a->method) {
	case AUTH_SECRET:
	case AUTH_CERTIFICATE:
		return auth_client_credentials(a, scope, err);
	case AUTH_MANAGED_IDENTITY:
		return auth_managed_identity(a, scope, err);
	case AUTH_AZURE_CLI:
		return auth_azure_cli(a, scope, err);
	case AUTH_DEVICE_CODE:
	case AUTH_CACHE:
	case AUTH_DEFAULT:
	case AUTH_ENVIRONMENT:
		break;
	}
	return auth_device_code(a, scope, err);
}

/* Copy the token in use to tok. */
static bool
hand_out(struct auth *a, char *tok, size_t toklen, struct err *err)
{
	if (tok == NULL)
		return true;
	if (!strlcpy_ok(tok, a->mem.access_token, toklen))
		return err_set(err, ERR_AUTH, _("the access token is too "
		    "long"));
	return true;
}

bool
auth_get_token(struct auth *a, const char *scope, bool force_refresh,
    char *tok, size_t toklen, struct err *err)
{
	struct token_cache		*c = NULL;
	const struct token_entry	*e;
	struct err			 why;
	char				*refresh = NULL;
	time_t				 now = clock_now();
	bool				 ok;

	resolve(a);
	if (scope == NULL)
		scope = a->cloud.scope;
	if (!force_refresh && a->mem.access_token != NULL &&
	    strcmp(a->mem.scope, scope) == 0 &&
	    token_entry_fresh(&a->mem, now, REFRESH_MARGIN))
		return hand_out(a, tok, toklen, err);
	/* the cache: a fresh token or a refresh token */
	err_clear(&why);
	if (a->method != AUTH_MANAGED_IDENTITY &&
	    a->method != AUTH_AZURE_CLI &&
	    (c = cache_open(a, &why)) != NULL) {
		e = token_cache_find(c, a->cloud.authority, a->tenant,
		    a->method == AUTH_CACHE ? NULL : a->client_id, scope);
		if (e != NULL && a->method == AUTH_CACHE) {
			/* adopt the signed-in client and tenant */
			free(a->client_id);
			a->client_id = xstrdup(e->client_id);
			if (a->tenant == NULL && *e->tenant != '\0')
				a->tenant = xstrdup(e->tenant);
		}
		if (e != NULL && !force_refresh &&
		    token_entry_fresh(e, now, REFRESH_MARGIN)) {
			token_entry_wipe(&a->mem);
			a->mem = *e;
			a->mem.access_token = xstrdup(e->access_token);
			a->mem.refresh_token = e->refresh_token != NULL ?
			    xstrdup(e->refresh_token) : NULL;
			token_cache_free(c);
			return hand_out(a, tok, toklen, err);
		}
		if (e != NULL && e->refresh_token != NULL)
			refresh = xstrdup(e->refresh_token);
		token_cache_free(c);
	} else if (a->method == AUTH_CACHE) {
		/* nothing else to fall back on: say it now, no retrying */
		*err = why;
		err->kind = ERR_AUTH;
		return false;
	}
	if (refresh == NULL && a->mem.refresh_token != NULL)
		refresh = xstrdup(a->mem.refresh_token);
	if (refresh != NULL) {
		ok = auth_refresh(a, scope, refresh, err);
		secret_free(refresh);
		if (ok)
			return hand_out(a, tok, toklen, err);
		if (a->method == AUTH_CACHE || !a->cfg.interactive)
			return false;
	}
	if (a->method == AUTH_CACHE && !a->cfg.interactive)
		return err_set(err, ERR_AUTH, _("not signed in: run `akswiz "
		    "login` (or set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
		    "AZURE_CLIENT_SECRET)"));
	if (!acquire(a, scope, err))
		return false;
	return hand_out(a, tok, toklen, err);
}

/* The http_token_source callback. */
static bool
source_get(void *ctx, const char *scope, bool force_refresh, char *tok,
    size_t toklen, struct err *err)
{
	return auth_get_token(ctx, scope, force_refresh, tok, toklen, err);
}

struct auth *
auth_new(const struct auth_config *cfg, struct err *err)
{
	struct auth	*a;
	const char	*s;

	if (cfg->cloud == NULL || cfg->http == NULL) {
		err_set(err, ERR_INTERNAL, "auth_new: no cloud or http");
		return NULL;
	}
	a = xcalloc(1, sizeof *a);
	a->cfg = *cfg;
	a->cloud = *cfg->cloud;
	a->method = cfg->method;
	authority_from_env(a);
	s = cfg->tenant != NULL ? cfg->tenant : env("AZURE_TENANT_ID");
	a->tenant = s != NULL ? xstrdup(s) : NULL;
	s = cfg->client_id != NULL ? cfg->client_id : env("AZURE_CLIENT_ID");
	/* a user sign-in uses az's public client unless told otherwise */
	if (s == NULL || (cfg->client_id == NULL &&
	    (a->method == AUTH_DEVICE_CODE)))
		s = AUTH_DEFAULT_CLIENT_ID;
	a->client_id = xstrdup(s);
	/* a secret in the environment is in this process already */
	if (env("AZURE_CLIENT_SECRET") != NULL ||
	    env("IDENTITY_HEADER") != NULL || env("MSI_SECRET") != NULL)
		token_protect_process();
	a->src.get = source_get;
	a->src.ctx = a;
	a->src.scope = a->cloud.scope;
	return a;
}

void
auth_free(struct auth *a)
{
	if (a == NULL)
		return;
	token_entry_wipe(&a->mem);
	secret_free(a->secret);
	cert_key_free(a->ck);
	free(a->tenant);
	free(a->client_id);
	free(a);
}

const struct http_token_source *
auth_token_source(struct auth *a)
{
	return &a->src;
}

bool
auth_login(struct auth *a, struct err *err)
{
	resolve(a);
	if (a->method == AUTH_CACHE)
		a->method = AUTH_DEVICE_CODE;
	return acquire(a, a->cloud.scope, err);
}

bool
auth_logout(const struct auth_config *cfg, int *removed, struct err *err)
{
	struct token_cache	*c;
	struct cloud_endpoints		 cl = *cfg->cloud;
	const char		*authority = cl.authority, *h;
	int			 n;

	if ((h = env("AZURE_AUTHORITY_HOST")) != NULL &&
	    strcmp(cl.name, "Custom") != 0)
		authority = NULL;	/* remove for any authority host */
	*removed = 0;
	if ((c = token_cache_open(cfg->cache_dir, err)) == NULL)
		return false;
	n = token_cache_remove(c, authority, cfg->tenant, err);
	token_cache_free(c);
	if (n < 0)
		return false;
	*removed = n;
	return true;
}

bool
auth_account(struct auth *a, struct auth_account *acc, struct err *err)
{
	json_object	*o;
	char		*claims, tok[16384];
	bool		 ok;

	memset(acc, 0, sizeof *acc);
	ok = auth_get_token(a, NULL, false, tok, sizeof tok, err);
	OPENSSL_cleanse(tok, sizeof tok);
	if (!ok)
		return false;
	/* a cached sign-in says how it was made */
	strlcpy_ok(acc->method, a->method == AUTH_CACHE &&
	    *a->mem.method != '\0' ? a->mem.method :
	    auth_method_name(a->method), sizeof acc->method);
	strlcpy_ok(acc->authority, a->cloud.authority, sizeof acc->authority);
	acc->expires = a->mem.expires_on;
	claims = jwt_claims(a->mem.access_token);
	o = claims != NULL ? json_tokener_parse(claims) : NULL;
	free(claims);
	if (o != NULL && json_object_is_type(o, json_type_object)) {
		str_member(o, "tid", acc->tenant, sizeof acc->tenant);
		str_member(o, "appid", acc->client_id, sizeof acc->client_id);
		if (*acc->client_id == '\0')
			str_member(o, "azp", acc->client_id,
			    sizeof acc->client_id);
		str_member(o, "oid", acc->object_id, sizeof acc->object_id);
		str_member(o, "upn", acc->user, sizeof acc->user);
		if (*acc->user == '\0')
			str_member(o, "unique_name", acc->user,
			    sizeof acc->user);
		if (*acc->user == '\0')
			str_member(o, "preferred_username", acc->user,
			    sizeof acc->user);
		if (num_member(o, "exp") > 0)
			acc->expires = (time_t)num_member(o, "exp");
	}
	if (o != NULL)
		json_object_put(o);
	if (*acc->tenant == '\0' && a->tenant != NULL)
		strlcpy_ok(acc->tenant, a->tenant, sizeof acc->tenant);
	if (*acc->client_id == '\0')
		strlcpy_ok(acc->client_id, a->client_id,
		    sizeof acc->client_id);
	return true;
}
