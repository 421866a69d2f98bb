/*
 * Azure AD (Entra ID) for akswiz-sandbox: enough of the v2 endpoints for
 * a client written for Azure (azure-api.md §6) to sign in unchanged.
 *
 *	GET  /{tenant}/v2.0/.well-known/openid-configuration
 *	GET  /{tenant}/discovery/v2.0/keys: the signing key (JWKS)
 *	GET  /common/discovery/instance: MSAL's instance discovery
 *	POST /{tenant}/oauth2/v2.0/devicecode
 *	POST /{tenant}/oauth2/v2.0/token: client_credentials (secret or
 *	     certificate assertion), device_code, refresh_token
 *
 * and, for tests and demos only (no such thing exists in Azure):
 *
 *	GET  /sandbox/devicelogin: a page to enter a user code
 *	POST /sandbox/devicecode/approve: form user_code [, user (a UPN)]
 *	POST /sandbox/devicecode/decline: form user_code
 *	POST /sandbox/refresh/revoke: form user (all of a user's refresh
 *	     tokens, as "revoke sessions" does), or nothing (everyone's)
 *
 * {tenant} is the tenant id, a domain listed in "domains", "organizations"
 * or "common".  The world file's "aad" section (read by aad_new()):
 *
 *	"aad": {
 *	  "tenantId": "GUID",
 *	  "domains": ["contoso.onmicrosoft.com"],		optional
 *	  "servicePrincipals": [{ "clientId": "GUID", "objectId": "GUID",
 *	      "displayName": "...", "clientSecret": "...",
 *	      "certificates": ["-----BEGIN CERTIFICATE-----\n..."] }],
 *	  "publicClients": ["04b07795-8ddb-461a-bbee-02f9e1bf7b46"],
 *	  "users": [{ "userPrincipalName": "...", "objectId": "GUID",
 *	      "displayName": "..." }],
 *	  "tokenLifetimeSeconds": 3600,		access tokens
 *	  "refreshTokenLifetimeSeconds": 7776000,
 *	  "deviceCodeApprovalPolls": 2,	polls answered authorization_pending
 *					before the first user approves; -1:
 *					only /sandbox/devicecode/approve does
 *	  "deviceCodeInterval": 5, "deviceCodeExpiresIn": 900	seconds
 *	}
 *
 * sandbox->token_lifetime and sandbox->device_auto_approve, when not 0,
 * win over the file (command-line overrides).
 *
 * Access tokens are RS256 JWTs in the shape of Azure AD's v1 tokens for
 * Resource Manager (iss https://sts.windows.net/{tid}/, aud the resource
 * asked for, appid, oid, tid, scp for users), signed with a key made at
 * start or kept in the state folder, its kid published in the JWKS.  ARM
 * calls check them in aad_check_bearer() with no clock skew, so that a
 * short lifetime shows expiry at once.
 *
 * Device codes: a poll sooner than "interval" after the last one gets
 * slow_down (the interval the sandbox enforces does not grow afterwards,
 * so a client that adds 5 s as RFC 8628 asks is fine and one that does
 * not still gets through); the first poll is never too soon.
 *
 * Secrets (client secrets, assertions, codes, tokens) are compared in
 * constant time, never logged, and wiped before they are freed.  The
 * server calls in here under its one lock, so there is none here.
 */
#include "config.h"
#include "sandbox/sandbox.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include "common/base64.h"
#include "common/clock.h"
#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "sandbox/aad-jwt.h"

#define AAD_GRANT_DEVICE	"urn:ietf:params:oauth:grant-type:device_code"
#define AAD_ASSERTION_TYPE \
	"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
#define AAD_ARM			"https://management.azure.com"
#define AAD_ARM_CORE		"https://management.core.windows.net"
#define AAD_KEY_FILE		"aad-signing-key.pem"

struct aad_sp {
	char		*client_id, *object_id, *name;
	char		*secret;		/* NULL: certificates only */
	struct aad_certs certs;
};

struct aad_user {
	char		*upn, *object_id, *name;
};

enum aad_device_state {
	AAD_DEV_PENDING,
	AAD_DEV_APPROVED,
	AAD_DEV_DECLINED,
	AAD_DEV_REDEEMED
};

struct aad_device {
	char		*device_code;		/* secret */
	char		 user_code[16];
	char		*client_id;
	char		*scope;			/* as asked */
	uint64_t	 expires_ms;
	uint64_t	 last_poll_ms;
	int		 polls;
	int		 user;			/* index, once approved */
	enum aad_device_state state;
};

struct aad_refresh {
	char		*token;			/* secret */
	char		*client_id;
	int		 user;
	uint64_t	 expires_ms;
	bool		 revoked;
	bool		 openid;
};

struct sb_aad {
	struct sandbox	*sb;
	char		*tenant;
	char		**domains;
	int		 ndomains;
	struct aad_sp	*sps;
	int		 nsps;
	char		**publics;
	int		 npublics;
	struct aad_user	*users;
	int		 nusers;
	int		 lifetime, refresh_lifetime, approve_polls;
	int		 interval, expires_in;
	EVP_PKEY	*key;
	char		 kid[64];
	struct aad_jti	*jtis;
	struct aad_device *devices;
	int		 ndevices;
	struct aad_refresh *refreshes;
	int		 nrefreshes;
};

/* What a token request asked for, from its scope. */
struct aad_scope {
	char		 resource[256];	/* becomes aud */
	bool		 dot_default;
	bool		 offline, openid;
};

/* Free a secret string after wiping it. */
static void
aad_wipe(char *s)
{
	if (s != NULL) {
		OPENSSL_cleanse(s, strlen(s));
		free(s);
	}
}

/* Constant-time comparison of two secrets. */
static bool
aad_same_secret(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b);

	return la == lb && CRYPTO_memcmp(a, b, la) == 0;
}

/* A string member of o, or def. */
static const char *
aad_jstr(struct json_object *o, const char *name, const char *def)
{
	struct json_object	*v;

	if (o != NULL && json_object_object_get_ex(o, name, &v) &&
	    json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return def;
}

/* An integer member of o, or def. */
static int
aad_jint(struct json_object *o, const char *name, int def)
{
	struct json_object	*v;

	if (o != NULL && json_object_object_get_ex(o, name, &v) &&
	    json_object_is_type(v, json_type_int))
		return json_object_get_int(v);
	return def;
}

/* An array member of o, or NULL. */
static struct json_object *
aad_jarr(struct json_object *o, const char *name)
{
	struct json_object	*v;

	if (o != NULL && json_object_object_get_ex(o, name, &v) &&
	    json_object_is_type(v, json_type_array))
		return v;
	return NULL;
}

/* Random bytes as base64url. */
static char *
aad_random(size_t n)
{
	unsigned char	raw[64];
	char		*s;

	if (n > sizeof raw || RAND_bytes(raw, (int)n) != 1)
		abort();
	s = base64url_encode(raw, n);
	OPENSSL_cleanse(raw, sizeof raw);
	return s;
}

/* A random GUID. */
static void
aad_guid(char *out, size_t len)
{
	unsigned char	r[16];

	if (RAND_bytes(r, sizeof r) != 1)
		abort();
	r[6] = (r[6] & 0x0f) | 0x40;
	r[8] = (r[8] & 0x3f) | 0x80;
	snprintf(out, len, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", r[0], r[1], r[2], r[3], r[4], r[5],
	    r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15]);
}

/* Read all certificates of a PEM text. */
static bool
aad_load_certs(struct aad_certs *c, const char *pem)
{
	BIO	*bio;
	X509	*x;
	int	 before = c->ncerts;

	if ((bio = BIO_new_mem_buf(pem, -1)) == NULL)
		return false;
	while ((x = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL) {
		c->certs = xreallocarray(c->certs, (size_t)c->ncerts + 1,
		    sizeof *c->certs);
		c->certs[c->ncerts++] = x;
	}
	BIO_free(bio);
	return c->ncerts > before;
}

/* Load the signing key from the state folder, or make (and keep) one. */
static bool
aad_signing_key(struct sb_aad *a, struct err *err)
{
	unsigned char	 md[EVP_MAX_MD_SIZE], *der = NULL;
	unsigned	 mdlen;
	char		 path[PATH_MAX], *kid;
	FILE		*fp;
	int		 fd, derlen;

	path[0] = '\0';
	if (a->sb->state_dir[0] != '\0') {
		snprintf(path, sizeof path, "%s/%s", a->sb->state_dir,
		    AAD_KEY_FILE);
		if ((fp = fopen(path, "r")) != NULL) {
			a->key = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
			fclose(fp);
		}
		/* Only RSA signs RS256: anything else is replaced. */
		if (a->key != NULL &&
		    (EVP_PKEY_get_base_id(a->key) != EVP_PKEY_RSA ||
		    EVP_PKEY_get_bits(a->key) < 2048)) {
			EVP_PKEY_free(a->key);
			a->key = NULL;
		}
	}
	if (a->key == NULL) {
		if ((a->key = EVP_RSA_gen(2048)) == NULL)
			return err_set(err, ERR_INTERNAL,
			    _("cannot generate a key"));
		if (path[0] != '\0') {
			(void)unlink(path);
			if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL |
			    O_CLOEXEC, 0600)) < 0 ||
			    (fp = fdopen(fd, "w")) == NULL)
				return err_set(err, ERR_IO,
				    _("cannot create %s: %s"), path,
				    strerror(errno));
			if (PEM_write_PrivateKey(fp, a->key, NULL, NULL, 0,
			    NULL, NULL) != 1 || fclose(fp) != 0)
				return err_set(err, ERR_IO,
				    _("cannot write %s"), path);
		}
	}
	if ((derlen = i2d_PUBKEY(a->key, &der)) <= 0 ||
	    EVP_Digest(der, (size_t)derlen, md, &mdlen, EVP_sha1(), NULL) != 1)
		return err_set(err, ERR_INTERNAL, _("cannot use the key"));
	OPENSSL_free(der);
	kid = base64url_encode(md, mdlen);
	snprintf(a->kid, sizeof a->kid, "%s", kid);
	free(kid);
	return true;
}

/* Set up Azure AD from the world file's "aad" section. */
struct sb_aad *
aad_new(struct sandbox *sb, struct json_object *w, struct err *err)
{
	struct sb_aad		*a;
	struct json_object	*arr, *o;
	struct aad_sp		*sp;
	struct aad_user		*u;
	const char		*s;
	size_t			 i, j, n;

	if ((s = aad_jstr(w, "tenantId", NULL)) == NULL) {
		err_set(err, ERR_PARSE, _("the world has no aad.tenantId"));
		return NULL;
	}
	a = xcalloc(1, sizeof *a);
	a->sb = sb;
	a->tenant = xstrdup(s);
	a->jtis = aad_jti_new();
	if ((arr = aad_jarr(w, "domains")) != NULL) {
		n = json_object_array_length(arr);
		a->domains = xcalloc(n + 1, sizeof *a->domains);
		for (i = 0; i < n; i++)
			if ((s = json_object_get_string(
			    json_object_array_get_idx(arr, i))) != NULL)
				a->domains[a->ndomains++] = xstrdup(s);
	}
	if ((arr = aad_jarr(w, "servicePrincipals")) != NULL) {
		n = json_object_array_length(arr);
		a->sps = xcalloc(n + 1, sizeof *a->sps);
		for (i = 0; i < n; i++) {
			o = json_object_array_get_idx(arr, i);
			if ((s = aad_jstr(o, "clientId", NULL)) == NULL)
				continue;
			sp = &a->sps[a->nsps++];
			sp->client_id = xstrdup(s);
			sp->name = xstrdup(aad_jstr(o, "displayName", s));
			sp->object_id = xstrdup(aad_jstr(o, "objectId", s));
			if ((s = aad_jstr(o, "clientSecret", NULL)) != NULL)
				sp->secret = xstrdup(s);
			o = aad_jarr(o, "certificates");
			for (j = 0; o != NULL &&
			    j < json_object_array_length(o); j++) {
				s = json_object_get_string(
				    json_object_array_get_idx(o, j));
				if (s == NULL || !aad_load_certs(&sp->certs,
				    s)) {
					err_set(err, ERR_PARSE, _("aad: a "
					    "certificate of %s is not PEM"),
					    sp->client_id);
					aad_free(a);
					return NULL;
				}
			}
		}
	}
	if ((arr = aad_jarr(w, "publicClients")) != NULL) {
		n = json_object_array_length(arr);
		a->publics = xcalloc(n + 1, sizeof *a->publics);
		for (i = 0; i < n; i++)
			if ((s = json_object_get_string(
			    json_object_array_get_idx(arr, i))) != NULL)
				a->publics[a->npublics++] = xstrdup(s);
	}
	if ((arr = aad_jarr(w, "users")) != NULL) {
		n = json_object_array_length(arr);
		a->users = xcalloc(n + 1, sizeof *a->users);
		for (i = 0; i < n; i++) {
			o = json_object_array_get_idx(arr, i);
			if ((s = aad_jstr(o, "userPrincipalName", NULL)) ==
			    NULL)
				continue;
			u = &a->users[a->nusers++];
			u->upn = xstrdup(s);
			u->name = xstrdup(aad_jstr(o, "displayName", s));
			u->object_id = xstrdup(aad_jstr(o, "objectId", s));
		}
	}
	a->lifetime = aad_jint(w, "tokenLifetimeSeconds", 3600);
	a->refresh_lifetime = aad_jint(w, "refreshTokenLifetimeSeconds",
	    90 * 86400);
	a->approve_polls = aad_jint(w, "deviceCodeApprovalPolls", 2);
	a->interval = aad_jint(w, "deviceCodeInterval", 5);
	a->expires_in = aad_jint(w, "deviceCodeExpiresIn", 900);
	if (!aad_signing_key(a, err)) {
		aad_free(a);
		return NULL;
	}
	return a;
}

void
aad_free(struct sb_aad *a)
{
	int	i, j;

	if (a == NULL)
		return;
	free(a->tenant);
	for (i = 0; i < a->ndomains; i++)
		free(a->domains[i]);
	free(a->domains);
	for (i = 0; i < a->nsps; i++) {
		free(a->sps[i].client_id);
		free(a->sps[i].object_id);
		free(a->sps[i].name);
		aad_wipe(a->sps[i].secret);
		for (j = 0; j < a->sps[i].certs.ncerts; j++)
			X509_free(a->sps[i].certs.certs[j]);
		free(a->sps[i].certs.certs);
	}
	free(a->sps);
	for (i = 0; i < a->npublics; i++)
		free(a->publics[i]);
	free(a->publics);
	for (i = 0; i < a->nusers; i++) {
		free(a->users[i].upn);
		free(a->users[i].object_id);
		free(a->users[i].name);
	}
	free(a->users);
	for (i = 0; i < a->ndevices; i++) {
		aad_wipe(a->devices[i].device_code);
		free(a->devices[i].client_id);
		free(a->devices[i].scope);
	}
	free(a->devices);
	for (i = 0; i < a->nrefreshes; i++) {
		aad_wipe(a->refreshes[i].token);
		free(a->refreshes[i].client_id);
	}
	free(a->refreshes);
	aad_jti_free(a->jtis);
	EVP_PKEY_free(a->key);
	free(a);
}

/* Access token lifetime in seconds. */
static int
aad_lifetime(const struct sb_aad *a)
{
	return a->sb->token_lifetime > 0 ? a->sb->token_lifetime :
	    a->lifetime;
}

/* Polls answered authorization_pending before approval; <0: never. */
static int
aad_approve_polls(const struct sb_aad *a)
{
	return a->sb->device_auto_approve != 0 ? a->sb->device_auto_approve :
	    a->approve_polls;
}

/* Put a JSON document in resp (takes o). */
static void
aad_json(struct sb_response *resp, int status, struct json_object *o)
{
	const char	*s;

	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	resp->status = status;
	buf_reset(&resp->body);
	buf_adds(&resp->body, s);
	OPENSSL_cleanse((char *)s, strlen(s));
	json_object_put(o);
}

/* Headers Azure AD puts on every answer. */
static void
aad_headers(struct sb_response *resp, const char *request_id)
{
	sb_resp_header(resp, "Cache-Control", "no-store, no-cache");
	sb_resp_header(resp, "Pragma", "no-cache");
	sb_resp_header(resp, "x-ms-request-id", "%s", request_id);
}

/*
 * An error in Azure AD's shape (azure-api.md §6.1): error, error_description
 * "AADSTSnnnn: text" with trace and correlation ids, error_codes, ...
 */
static void __attribute__((format(printf, 7, 8)))
aad_error(struct sb_aad *a, const struct sb_request *req,
    struct sb_response *resp, int status, const char *error, long code,
    const char *fmt, ...)
{
	struct json_object	*o = json_object_new_object(), *codes;
	char			 text[1024], desc[1400], trace[40], corr[40];
	char			 stamp[32], uri[320];
	const char		*cid;
	time_t			 now = clock_now();
	struct tm		 tm;
	va_list			 ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	aad_guid(trace, sizeof trace);
	if ((cid = sb_req_header(req, "client-request-id")) != NULL &&
	    strlen(cid) < sizeof corr)
		snprintf(corr, sizeof corr, "%s", cid);
	else
		aad_guid(corr, sizeof corr);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%SZ", &tm);
	snprintf(desc, sizeof desc, "AADSTS%ld: %s\r\nTrace ID: %s\r\n"
	    "Correlation ID: %s\r\nTimestamp: %s", code, text, trace, corr,
	    stamp);
	json_object_object_add(o, "error", json_object_new_string(error));
	json_object_object_add(o, "error_description",
	    json_object_new_string(desc));
	codes = json_object_new_array();
	json_object_array_add(codes, json_object_new_int64(code));
	json_object_object_add(o, "error_codes", codes);
	json_object_object_add(o, "timestamp", json_object_new_string(stamp));
	json_object_object_add(o, "trace_id", json_object_new_string(trace));
	json_object_object_add(o, "correlation_id",
	    json_object_new_string(corr));
	snprintf(uri, sizeof uri, "%s/error?code=%ld", a->sb->endpoint, code);
	json_object_object_add(o, "error_uri", json_object_new_string(uri));
	aad_headers(resp, trace);
	aad_json(resp, status, o);
}

/* Whether name is this tenant as a path segment may spell it. */
static bool
aad_tenant_ok(const struct sb_aad *a, const char *name)
{
	int	i;

	if (strcasecmp(name, a->tenant) == 0 ||
	    strcasecmp(name, "common") == 0 ||
	    strcasecmp(name, "organizations") == 0)
		return true;
	for (i = 0; i < a->ndomains; i++)
		if (strcasecmp(name, a->domains[i]) == 0)
			return true;
	return false;
}

/*
 * Whether url (len bytes) names the sandbox's loopback endpoint by another
 * of the names its certificate covers: 127.0.0.1, localhost or [::1],
 * same scheme and port.
 */
static bool
aad_loopback_alias(const char *endpoint, const char *url, size_t len)
{
	static const char *const hosts[] = { "127.0.0.1", "localhost",
	    "[::1]" };
	const char	*ep_host, *ep_port, *u_host;
	size_t		 scheme, i, hlen;

	if ((ep_host = strstr(endpoint, "://")) == NULL)
		return false;
	scheme = (size_t)(ep_host - endpoint) + 3;
	ep_host += 3;
	if ((ep_port = strrchr(ep_host, ':')) == NULL || ep_port < ep_host ||
	    (ep_port[-1] != ']' && memchr(ep_host, ':',
	    (size_t)(ep_port - ep_host)) != NULL))
		return false;
	if (len <= scheme || strncasecmp(url, endpoint, scheme) != 0)
		return false;
	u_host = url + scheme;
	for (i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
		hlen = strlen(hosts[i]);
		if ((size_t)(ep_port - ep_host) == hlen &&
		    strncasecmp(ep_host, hosts[i], hlen) == 0)
			break;
	}
	if (i == sizeof hosts / sizeof hosts[0])
		return false;	/* not a loopback endpoint */
	for (i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
		hlen = strlen(hosts[i]);
		if (len - scheme == hlen + strlen(ep_port) &&
		    strncasecmp(u_host, hosts[i], hlen) == 0 &&
		    strncmp(u_host + hlen, ep_port, strlen(ep_port)) == 0)
			return true;
	}
	return false;
}

/* A resource ARM accepts as the audience, slashes at the end ignored. */
static bool
aad_arm_audience(const struct sb_aad *a, const char *aud)
{
	const char	*ok[3];
	size_t		 len = strlen(aud), i;

	ok[0] = AAD_ARM;
	ok[1] = AAD_ARM_CORE;
	ok[2] = a->sb->endpoint;
	while (len > 0 && aud[len - 1] == '/')
		len--;
	for (i = 0; i < 3; i++)
		if (ok[i][0] != '\0' && strlen(ok[i]) == len &&
		    strncasecmp(aud, ok[i], len) == 0)
			return true;
	return aad_loopback_alias(a->sb->endpoint, aud, len);
}

/*
 * Parse a scope parameter: one ARM resource, as "R/.default",
 * "R/user_impersonation" or "R" (R may end in '/'), and the OpenID extras.
 * Returns false with what filled in for an invalid_scope answer.
 */
static bool
aad_parse_scope(const struct sb_aad *a, const char *scope,
    struct aad_scope *sc, char *what, size_t whatlen)
{
	char	*copy, *tok, *save = NULL, *slash;
	bool	 good = true;

	memset(sc, 0, sizeof *sc);
	copy = xstrdup(scope != NULL ? scope : "");
	for (tok = strtok_r(copy, " ", &save); tok != NULL && good;
	    tok = strtok_r(NULL, " ", &save)) {
		if (strcmp(tok, "offline_access") == 0)
			sc->offline = true;
		else if (strcmp(tok, "openid") == 0)
			sc->openid = true;
		else if (strcmp(tok, "profile") == 0 ||
		    strcmp(tok, "email") == 0)
			continue;
		else if (sc->resource[0] != '\0') {
			snprintf(what, whatlen, "The scope '%s' is not "
			    "valid. Only one resource may be asked for at a "
			    "time.", scope);
			good = false;
		} else {
			slash = strrchr(tok, '/');
			if (slash != NULL && (strcmp(slash, "/.default") == 0 ||
			    strcmp(slash, "/user_impersonation") == 0)) {
				sc->dot_default = slash[1] == '.';
				*slash = '\0';
			}
			if (!aad_arm_audience(a, tok) ||
			    strlen(tok) >= sizeof sc->resource) {
				snprintf(what, whatlen, "The provided value "
				    "for the input parameter 'scope' is not "
				    "valid. The scope %s is not valid.",
				    scope);
				good = false;
			} else
				snprintf(sc->resource, sizeof sc->resource,
				    "%s", tok);
		}
	}
	if (good && sc->resource[0] == '\0') {
		snprintf(what, whatlen, "The provided request must include a "
		    "'scope' input parameter naming a resource.");
		good = false;
	}
	free(copy);
	return good;
}

/* Sign claims (taken) into a token; the caller wipes and frees it. */
static char *
aad_sign(struct sb_aad *a, struct json_object *claims)
{
	char	 header[200], *tok;

	snprintf(header, sizeof header,
	    "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5t\":\"%s\",\"kid\":\"%s\"}",
	    a->kid, a->kid);
	tok = aad_jwt_sign(a->key, "RS256", header,
	    json_object_to_json_string_ext(claims, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(claims);
	if (tok == NULL)
		abort();	/* our own key: cannot happen */
	return tok;
}

/* The issuer of access tokens (v1, as ARM's are). */
static void
aad_issuer(const struct sb_aad *a, char *out, size_t len)
{
	snprintf(out, len, "https://sts.windows.net/%s/", a->tenant);
}

/*
 * Answer a token request with 200: an access token for sc->resource, as
 * client sp (application) or as user (device code / refresh) via the
 * public client_id; a refresh and an id token for users who asked.
 */
static void
aad_issue(struct sb_aad *a, struct sb_response *resp,
    const struct aad_scope *sc, const struct aad_sp *sp, int user,
    const char *client_id, const char *appidacr)
{
	struct json_object	*c = json_object_new_object(), *r;
	const struct aad_user	*u = user >= 0 ? &a->users[user] : NULL;
	struct aad_refresh	*rt;
	char			 iss[400], uti[40], scope[600], *tok;
	uint64_t		 now_ms = clock_now_ms();
	long long		 now = (long long)(now_ms / 1000), exp;
	int			 life = aad_lifetime(a);

	/* Rounded up, so a token lives at least its lifetime to the ms. */
	exp = (long long)((now_ms + (uint64_t)life * 1000 + 999) / 1000);

	aad_issuer(a, iss, sizeof iss);
	aad_guid(uti, sizeof uti);
	json_object_object_add(c, "aud", json_object_new_string(sc->resource));
	json_object_object_add(c, "iss", json_object_new_string(iss));
	json_object_object_add(c, "iat", json_object_new_int64(now));
	json_object_object_add(c, "nbf", json_object_new_int64(now));
	json_object_object_add(c, "exp", json_object_new_int64(exp));
	json_object_object_add(c, "appid", json_object_new_string(client_id));
	json_object_object_add(c, "appidacr",
	    json_object_new_string(appidacr));
	json_object_object_add(c, "idp", json_object_new_string(iss));
	json_object_object_add(c, "idtyp",
	    json_object_new_string(u != NULL ? "user" : "app"));
	json_object_object_add(c, "oid", json_object_new_string(u != NULL ?
	    u->object_id : sp->object_id));
	json_object_object_add(c, "sub", json_object_new_string(u != NULL ?
	    u->object_id : sp->object_id));
	if (u != NULL) {
		json_object_object_add(c, "name",
		    json_object_new_string(u->name));
		json_object_object_add(c, "scp",
		    json_object_new_string("user_impersonation"));
		json_object_object_add(c, "unique_name",
		    json_object_new_string(u->upn));
		json_object_object_add(c, "upn",
		    json_object_new_string(u->upn));
	}
	json_object_object_add(c, "tid", json_object_new_string(a->tenant));
	json_object_object_add(c, "uti", json_object_new_string(uti));
	json_object_object_add(c, "ver", json_object_new_string("1.0"));

	r = json_object_new_object();
	json_object_object_add(r, "token_type",
	    json_object_new_string("Bearer"));
	if (u != NULL) {
		/* "https://management.azure.com/user_impersonation ..." */
		snprintf(scope, sizeof scope, "%s%suser_impersonation %s%s"
		    ".default", sc->resource, sc->resource[strlen(
		    sc->resource) - 1] == '/' ? "" : "/", sc->resource,
		    sc->resource[strlen(sc->resource) - 1] == '/' ? "" : "/");
		json_object_object_add(r, "scope",
		    json_object_new_string(scope));
	}
	json_object_object_add(r, "expires_in", json_object_new_int(life));
	json_object_object_add(r, "ext_expires_in", json_object_new_int(life));
	tok = aad_sign(a, c);
	json_object_object_add(r, "access_token", json_object_new_string(tok));
	aad_wipe(tok);
	if (u != NULL && sc->offline) {
		a->refreshes = xreallocarray(a->refreshes,
		    (size_t)a->nrefreshes + 1, sizeof *a->refreshes);
		rt = &a->refreshes[a->nrefreshes++];
		memset(rt, 0, sizeof *rt);
		tok = aad_random(48);
		xasprintf(&rt->token, "0.A%s", tok);
		aad_wipe(tok);
		rt->client_id = xstrdup(client_id);
		rt->user = user;
		rt->openid = sc->openid;
		rt->expires_ms = clock_now_ms() +
		    (uint64_t)a->refresh_lifetime * 1000;
		json_object_object_add(r, "refresh_token",
		    json_object_new_string(rt->token));
	}
	if (u != NULL && sc->openid) {
		c = json_object_new_object();
		snprintf(iss, sizeof iss, "%s/%s/v2.0", a->sb->endpoint,
		    a->tenant);
		json_object_object_add(c, "aud",
		    json_object_new_string(client_id));
		json_object_object_add(c, "iss", json_object_new_string(iss));
		json_object_object_add(c, "iat", json_object_new_int64(now));
		json_object_object_add(c, "nbf", json_object_new_int64(now));
		json_object_object_add(c, "exp", json_object_new_int64(exp));
		json_object_object_add(c, "name",
		    json_object_new_string(u->name));
		json_object_object_add(c, "oid",
		    json_object_new_string(u->object_id));
		json_object_object_add(c, "preferred_username",
		    json_object_new_string(u->upn));
		json_object_object_add(c, "sub",
		    json_object_new_string(u->object_id));
		json_object_object_add(c, "tid",
		    json_object_new_string(a->tenant));
		json_object_object_add(c, "ver", json_object_new_string("2.0"));
		tok = aad_sign(a, c);
		json_object_object_add(r, "id_token",
		    json_object_new_string(tok));
		aad_wipe(tok);
	}
	aad_guid(uti, sizeof uti);
	aad_headers(resp, uti);
	aad_json(resp, 200, r);
}

/* The confidential client with this id, or NULL. */
static struct aad_sp *
aad_find_sp(struct sb_aad *a, const char *client_id)
{
	int	i;

	for (i = 0; i < a->nsps; i++)
		if (strcasecmp(a->sps[i].client_id, client_id) == 0)
			return &a->sps[i];
	return NULL;
}

/* Whether the id is a public client (device code flow). */
static bool
aad_is_public(const struct sb_aad *a, const char *client_id)
{
	int	i;

	for (i = 0; i < a->npublics; i++)
		if (strcasecmp(a->publics[i], client_id) == 0)
			return true;
	return false;
}

/*
 * Forget device codes expired for an hour and refresh tokens expired for
 * a day (until then they are answered "expired", not "unknown"), so that a
 * long demo's memory stays bounded.
 */
static void
aad_prune(struct sb_aad *a)
{
	uint64_t	now = clock_now_ms();
	int		i, j;

	for (i = j = 0; i < a->ndevices; i++) {
		if (a->devices[i].expires_ms + 3600 * 1000 < now) {
			aad_wipe(a->devices[i].device_code);
			free(a->devices[i].client_id);
			free(a->devices[i].scope);
			continue;
		}
		a->devices[j++] = a->devices[i];
	}
	a->ndevices = j;
	for (i = j = 0; i < a->nrefreshes; i++) {
		if (a->refreshes[i].expires_ms + 86400 * 1000 < now) {
			aad_wipe(a->refreshes[i].token);
			free(a->refreshes[i].client_id);
			continue;
		}
		a->refreshes[j++] = a->refreshes[i];
	}
	a->nrefreshes = j;
}

/* Answer AADSTS700016 for a client the tenant does not know. */
static void
aad_unknown_client(struct sb_aad *a, const struct sb_request *req,
    struct sb_response *resp, const char *client_id)
{
	aad_error(a, req, resp, 400, "unauthorized_client", 700016,
	    "Application with identifier '%s' was not found in the "
	    "directory '%s'. This can happen if the application has not "
	    "been installed by the administrator of the tenant or consented "
	    "to by any user in the tenant. You may have sent your "
	    "authentication request to the wrong tenant.", client_id,
	    a->tenant);
}

/* grant_type=client_credentials, with a secret or an assertion. */
static void
aad_client_credentials(struct sb_aad *a, const struct sb_request *req,
    struct sb_response *resp, const char *tenant, const char *client_id)
{
	struct aad_sp	*sp;
	struct aad_scope sc;
	char		*secret, *assertion, *type, *scope, aud[400];
	char		 why[600];
	long		 code;

	if ((sp = aad_find_sp(a, client_id)) == NULL) {
		if (aad_is_public(a, client_id))
			aad_error(a, req, resp, 401, "invalid_client",
			    7000218, "The request body must contain the "
			    "following parameter: 'client_assertion' or "
			    "'client_secret'.");
		else
			aad_unknown_client(a, req, resp, client_id);
		return;
	}
	secret = sb_form_get(req->body, "client_secret");
	assertion = sb_form_get(req->body, "client_assertion");
	type = sb_form_get(req->body, "client_assertion_type");
	scope = sb_form_get(req->body, "scope");
	if (secret != NULL) {
		if (sp->secret == NULL ||
		    !aad_same_secret(secret, sp->secret)) {
			aad_error(a, req, resp, 401, "invalid_client",
			    7000215, "Invalid client secret provided. "
			    "Ensure the secret being sent in the request is "
			    "the client secret value, not the client secret "
			    "ID, for a secret added to app '%s'.",
			    sp->client_id);
			goto out;
		}
	} else if (assertion != NULL) {
		if (type == NULL || strcmp(type, AAD_ASSERTION_TYPE) != 0) {
			aad_error(a, req, resp, 400, "invalid_request",
			    type == NULL ? 900144 : 50027, type == NULL ?
			    "The request body must contain the following "
			    "parameter: 'client_assertion_type'." :
			    "Invalid client_assertion_type '%s'.",
			    type != NULL ? type : "");
			goto out;
		}
		snprintf(aud, sizeof aud, "%s/%s/oauth2/v2.0/token",
		    a->sb->endpoint, tenant);
		code = aad_jwt_check_assertion(assertion, sp->client_id, aud,
		    &sp->certs, clock_now(), a->jtis, why, sizeof why);
		if (code != 0) {
			aad_error(a, req, resp, 401, "invalid_client", code,
			    "%s", why);
			goto out;
		}
	} else {
		aad_error(a, req, resp, 401, "invalid_client", 7000218,
		    "The request body must contain the following parameter: "
		    "'client_assertion' or 'client_secret'.");
		goto out;
	}
	if (!aad_parse_scope(a, scope, &sc, why, sizeof why)) {
		aad_error(a, req, resp, 400, "invalid_scope", 70011, "%s",
		    why);
		goto out;
	}
	if (!sc.dot_default) {
		aad_error(a, req, resp, 400, "invalid_scope", 1002012,
		    "The provided value for scope %s is not valid. Client "
		    "credential flows must have a scope value with /.default "
		    "suffixed to the resource identifier (application ID "
		    "URI).", scope);
		goto out;
	}
	sc.offline = sc.openid = false;
	aad_issue(a, resp, &sc, sp, -1, sp->client_id,
	    secret != NULL ? "1" : "2");
out:
	aad_wipe(secret);
	aad_wipe(assertion);
	free(type);
	free(scope);
}

/* POST .../devicecode: start a device code sign-in. */
static void
aad_devicecode(struct sb_aad *a, const struct sb_request *req,
    struct sb_response *resp)
{
	static const char letters[] = "BCDFGHJKLMNPQRSTVWXZ23456789";
	struct aad_device *d;
	struct json_object *o;
	struct aad_scope sc;
	unsigned char	 r[9];
	char		*client_id, *scope, uri[320], msg[600], why[600];
	char		 rid[40];
	size_t		 i;

	aad_prune(a);
	client_id = sb_form_get(req->body, "client_id");
	scope = sb_form_get(req->body, "scope");
	if (client_id == NULL) {
		aad_error(a, req, resp, 400, "invalid_request", 900144,
		    "The request body must contain the following parameter: "
		    "'client_id'.");
		goto out;
	}
	if (!aad_is_public(a, client_id)) {
		if (aad_find_sp(a, client_id) != NULL)
			aad_error(a, req, resp, 400, "invalid_client",
			    7000218, "The request body must contain the "
			    "following parameter: 'client_assertion' or "
			    "'client_secret'.");
		else
			aad_unknown_client(a, req, resp, client_id);
		goto out;
	}
	if (!aad_parse_scope(a, scope, &sc, why, sizeof why)) {
		aad_error(a, req, resp, 400, "invalid_scope", 70011, "%s",
		    why);
		goto out;
	}
	a->devices = xreallocarray(a->devices, (size_t)a->ndevices + 1,
	    sizeof *a->devices);
	d = &a->devices[a->ndevices++];
	memset(d, 0, sizeof *d);
	d->device_code = aad_random(48);
	if (RAND_bytes(r, sizeof r) != 1)
		abort();
	for (i = 0; i < sizeof r; i++)
		d->user_code[i] = letters[r[i] % (sizeof letters - 1)];
	d->client_id = xstrdup(client_id);
	d->scope = xstrdup(scope);
	d->expires_ms = clock_now_ms() + (uint64_t)a->expires_in * 1000;
	d->user = -1;
	snprintf(uri, sizeof uri, "%s/sandbox/devicelogin", a->sb->endpoint);
	snprintf(msg, sizeof msg, "To sign in, use a web browser to open the "
	    "page %s and enter the code %s to authenticate.", uri,
	    d->user_code);
	o = json_object_new_object();
	json_object_object_add(o, "user_code",
	    json_object_new_string(d->user_code));
	json_object_object_add(o, "device_code",
	    json_object_new_string(d->device_code));
	json_object_object_add(o, "verification_uri",
	    json_object_new_string(uri));
	json_object_object_add(o, "expires_in",
	    json_object_new_int(a->expires_in));
	json_object_object_add(o, "interval", json_object_new_int(a->interval));
	json_object_object_add(o, "message", json_object_new_string(msg));
	aad_guid(rid, sizeof rid);
	aad_headers(resp, rid);
	aad_json(resp, 200, o);
out:
	free(client_id);
	free(scope);
}

/* grant_type=device_code: one poll. */
static void
aad_device_poll(struct sb_aad *a, const struct sb_request *req,
    struct sb_response *resp, const char *client_id)
{
	struct aad_device *d = NULL;
	struct aad_scope sc;
	char		*code, why[600];
	uint64_t	 now = clock_now_ms();
	int		 i, polls;

	code = sb_form_get(req->body, "device_code");
	for (i = 0; code != NULL && i < a->ndevices; i++)
		if (aad_same_secret(code, a->devices[i].device_code))
			d = &a->devices[i];
	aad_wipe(code);
	if (d == NULL || strcasecmp(d->client_id, client_id) != 0) {
		aad_error(a, req, resp, 400, "bad_verification_code", 70000,
		    "The provided value for the input parameter "
		    "'device_code' is not valid.");
		return;
	}
	if (now >= d->expires_ms) {
		aad_error(a, req, resp, 400, "expired_token", 70019,
		    "Verification code expired.");
		return;
	}
	if (d->state == AAD_DEV_REDEEMED) {
		aad_error(a, req, resp, 400, "invalid_grant", 54005,
		    "OAuth2 Authorization code was already redeemed, please "
		    "retry with a new valid code or use an existing refresh "
		    "token.");
		return;
	}
	if (d->state == AAD_DEV_DECLINED) {
		aad_error(a, req, resp, 400, "authorization_declined", 70002,
		    "The user declined to authenticate.");
		return;
	}
	if (d->last_poll_ms != 0 &&
	    now - d->last_poll_ms < (uint64_t)a->interval * 1000) {
		d->last_poll_ms = now;
		aad_error(a, req, resp, 400, "slow_down", 70016,
		    "OAuth 2.0 device flow error. The client is polling too "
		    "often; wait at least %d seconds between polls.",
		    a->interval);
		return;
	}
	d->last_poll_ms = now;
	d->polls++;
	polls = aad_approve_polls(a);
	if (d->state == AAD_DEV_PENDING && polls >= 0 && d->polls > polls &&
	    a->nusers > 0) {
		d->state = AAD_DEV_APPROVED;
		d->user = 0;
	}
	if (d->state == AAD_DEV_PENDING) {
		aad_error(a, req, resp, 400, "authorization_pending", 70016,
		    "OAuth 2.0 device flow error. Authorization is pending. "
		    "Continue polling.");
		return;
	}
	if (!aad_parse_scope(a, d->scope, &sc, why, sizeof why)) {
		aad_error(a, req, resp, 400, "invalid_scope", 70011, "%s",
		    why);
		return;
	}
	d->state = AAD_DEV_REDEEMED;
	aad_issue(a, resp, &sc, NULL, d->user, d->client_id, "0");
}

/* grant_type=refresh_token: a new access token and a new refresh token. */
static void
aad_refresh(struct sb_aad *a, const struct sb_request *req,
    struct sb_response *resp, const char *client_id)
{
	struct aad_refresh *rt = NULL;
	struct aad_scope sc;
	char		*token, *scope, why[600];
	int		 i, user;
	bool		 openid;

	token = sb_form_get(req->body, "refresh_token");
	scope = sb_form_get(req->body, "scope");
	for (i = 0; token != NULL && i < a->nrefreshes; i++)
		if (aad_same_secret(token, a->refreshes[i].token))
			rt = &a->refreshes[i];
	aad_wipe(token);
	if (rt == NULL) {
		aad_error(a, req, resp, 400, "invalid_grant", 9002313,
		    "Invalid request. Request is malformed or invalid.");
		goto out;
	}
	if (strcasecmp(rt->client_id, client_id) != 0) {
		aad_error(a, req, resp, 400, "invalid_grant", 70000,
		    "Provided grant is invalid or malformed.");
		goto out;
	}
	if (rt->revoked) {
		aad_error(a, req, resp, 400, "invalid_grant", 50173,
		    "The provided grant has expired due to it being revoked, "
		    "a fresh auth token is needed. The user might have "
		    "changed or reset their password.");
		goto out;
	}
	if (clock_now_ms() >= rt->expires_ms) {
		aad_error(a, req, resp, 400, "invalid_grant", 700082,
		    "The refresh token has expired due to inactivity.");
		goto out;
	}
	if (!aad_parse_scope(a, scope, &sc, why, sizeof why)) {
		aad_error(a, req, resp, 400, "invalid_scope", 70011, "%s",
		    why);
		goto out;
	}
	/*
	 * Azure AD rotates refresh tokens but does not revoke the one
	 * redeemed: it stays good until it expires or its sessions are
	 * revoked, so a client that lost the answer can redeem it again.
	 */
	user = rt->user;
	openid = rt->openid;
	sc.offline = true;
	sc.openid = sc.openid || openid;
	aad_issue(a, resp, &sc, NULL, user, client_id, "0");
out:
	free(scope);
}

/* POST .../token */
static void
aad_token(struct sb_aad *a, const struct sb_request *req,
    struct sb_response *resp, const char *tenant)
{
	char	*grant, *client_id;

	aad_prune(a);
	grant = sb_form_get(req->body, "grant_type");
	client_id = sb_form_get(req->body, "client_id");
	if (grant == NULL)
		aad_error(a, req, resp, 400, "invalid_request", 900144,
		    "The request body must contain the following parameter: "
		    "'grant_type'.");
	else if (client_id == NULL)
		aad_error(a, req, resp, 400, "invalid_request", 900144,
		    "The request body must contain the following parameter: "
		    "'client_id'.");
	else if (strcmp(grant, "client_credentials") == 0)
		aad_client_credentials(a, req, resp, tenant, client_id);
	else if (strcmp(grant, AAD_GRANT_DEVICE) == 0)
		aad_device_poll(a, req, resp, client_id);
	else if (strcmp(grant, "refresh_token") == 0)
		aad_refresh(a, req, resp, client_id);
	else
		aad_error(a, req, resp, 400, "unsupported_grant_type", 70003,
		    "The app requested an unsupported grant type '%s'.",
		    grant);
	free(grant);
	free(client_id);
}

/* GET .../v2.0/.well-known/openid-configuration */
static void
aad_openid(struct sb_aad *a, struct sb_response *resp, const char *tenant)
{
	static const char *const scopes[] = { "openid", "profile", "email",
	    "offline_access" };
	static const char *const auth[] = { "client_secret_post",
	    "private_key_jwt", "client_secret_basic" };
	struct json_object *o = json_object_new_object(), *arr;
	const char	*ep = a->sb->endpoint, *tid;
	char		 s[400], rid[40];
	size_t		 i;

	/* As Azure AD: common/organizations name no tenant in the issuer. */
	tid = strcasecmp(tenant, "common") == 0 ||
	    strcasecmp(tenant, "organizations") == 0 ? "{tenantid}" :
	    a->tenant;
#define URL(key, fmt, t) do {						\
	snprintf(s, sizeof s, fmt, ep, t);				\
	json_object_object_add(o, key, json_object_new_string(s));	\
} while (0)
	URL("token_endpoint", "%s/%s/oauth2/v2.0/token", tenant);
	arr = json_object_new_array();
	for (i = 0; i < sizeof auth / sizeof auth[0]; i++)
		json_object_array_add(arr, json_object_new_string(auth[i]));
	json_object_object_add(o, "token_endpoint_auth_methods_supported",
	    arr);
	URL("jwks_uri", "%s/%s/discovery/v2.0/keys", tenant);
	arr = json_object_new_array();
	json_object_array_add(arr, json_object_new_string("pairwise"));
	json_object_object_add(o, "subject_types_supported", arr);
	arr = json_object_new_array();
	json_object_array_add(arr, json_object_new_string("RS256"));
	json_object_object_add(o, "id_token_signing_alg_values_supported",
	    arr);
	arr = json_object_new_array();
	json_object_array_add(arr, json_object_new_string("code"));
	json_object_array_add(arr, json_object_new_string("id_token"));
	json_object_object_add(o, "response_types_supported", arr);
	arr = json_object_new_array();
	for (i = 0; i < sizeof scopes / sizeof scopes[0]; i++)
		json_object_array_add(arr, json_object_new_string(scopes[i]));
	json_object_object_add(o, "scopes_supported", arr);
	URL("issuer", "%s/%s/v2.0", tid);
	json_object_object_add(o, "request_uri_parameter_supported",
	    json_object_new_boolean(0));
	URL("authorization_endpoint", "%s/%s/oauth2/v2.0/authorize", tenant);
	URL("device_authorization_endpoint", "%s/%s/oauth2/v2.0/devicecode",
	    tenant);
	URL("end_session_endpoint", "%s/%s/oauth2/v2.0/logout", tenant);
	json_object_object_add(o, "tenant_region_scope",
	    json_object_new_string("NA"));
	json_object_object_add(o, "cloud_instance_name",
	    json_object_new_string("akswiz-sandbox"));
	json_object_object_add(o, "cloud_graph_host_name",
	    json_object_new_string("graph.windows.net"));
	json_object_object_add(o, "msgraph_host",
	    json_object_new_string("graph.microsoft.com"));
#undef URL
	aad_guid(rid, sizeof rid);
	aad_headers(resp, rid);
	aad_json(resp, 200, o);
}

/* GET .../discovery/v2.0/keys: the signing key as a JWKS. */
static void
aad_jwks(struct sb_aad *a, struct sb_response *resp)
{
	struct json_object *o = json_object_new_object(), *keys, *k;
	BIGNUM		*n = NULL, *e = NULL;
	unsigned char	 buf[512];
	char		*s, iss[400], rid[40];
	int		 len;

	EVP_PKEY_get_bn_param(a->key, OSSL_PKEY_PARAM_RSA_N, &n);
	EVP_PKEY_get_bn_param(a->key, OSSL_PKEY_PARAM_RSA_E, &e);
	k = json_object_new_object();
	json_object_object_add(k, "kty", json_object_new_string("RSA"));
	json_object_object_add(k, "use", json_object_new_string("sig"));
	json_object_object_add(k, "kid", json_object_new_string(a->kid));
	json_object_object_add(k, "x5t", json_object_new_string(a->kid));
	if (n != NULL && (len = BN_bn2bin(n, buf)) > 0 &&
	    (size_t)len <= sizeof buf) {
		s = base64url_encode(buf, (size_t)len);
		json_object_object_add(k, "n", json_object_new_string(s));
		free(s);
	}
	if (e != NULL && (len = BN_bn2bin(e, buf)) > 0) {
		s = base64url_encode(buf, (size_t)len);
		json_object_object_add(k, "e", json_object_new_string(s));
		free(s);
	}
	BN_free(n);
	BN_free(e);
	snprintf(iss, sizeof iss, "%s/%s/v2.0", a->sb->endpoint, a->tenant);
	json_object_object_add(k, "issuer", json_object_new_string(iss));
	keys = json_object_new_array();
	json_object_array_add(keys, k);
	json_object_object_add(o, "keys", keys);
	aad_guid(rid, sizeof rid);
	aad_headers(resp, rid);
	aad_json(resp, 200, o);
}

/* GET /common/discovery/instance (MSAL asks before it trusts a host). */
static void
aad_instance(struct sb_aad *a, struct sb_response *resp)
{
	struct json_object *o = json_object_new_object(), *md, *m, *al;
	const char	*host;
	char		 s[400], rid[40];

	host = strstr(a->sb->endpoint, "://");
	host = host != NULL ? host + 3 : a->sb->endpoint;
	snprintf(s, sizeof s, "%s/%s/v2.0/.well-known/openid-configuration",
	    a->sb->endpoint, a->tenant);
	json_object_object_add(o, "tenant_discovery_endpoint",
	    json_object_new_string(s));
	json_object_object_add(o, "api-version", json_object_new_string("1.1"));
	m = json_object_new_object();
	json_object_object_add(m, "preferred_network",
	    json_object_new_string(host));
	json_object_object_add(m, "preferred_cache",
	    json_object_new_string(host));
	al = json_object_new_array();
	json_object_array_add(al, json_object_new_string(host));
	json_object_object_add(m, "aliases", al);
	md = json_object_new_array();
	json_object_array_add(md, m);
	json_object_object_add(o, "metadata", md);
	aad_guid(rid, sizeof rid);
	aad_headers(resp, rid);
	aad_json(resp, 200, o);
}

/* A sandbox-only answer in ARM's error shape, or a small status object. */
static void
aad_sandbox_answer(struct sb_response *resp, const char *status,
    const char *user_code, const char *user)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "status", json_object_new_string(status));
	if (user_code != NULL)
		json_object_object_add(o, "userCode",
		    json_object_new_string(user_code));
	if (user != NULL)
		json_object_object_add(o, "user", json_object_new_string(user));
	aad_json(resp, 200, o);
}

/* POST /sandbox/devicecode/{approve|decline}: what a user would do. */
static void
aad_sandbox_device(struct sb_aad *a, const struct sb_request *req,
    struct sb_response *resp, bool approve)
{
	struct aad_device *d = NULL;
	char		*code, *user;
	int		 i, u = 0;

	code = sb_form_get(req->body, "user_code");
	user = sb_form_get(req->body, "user");
	for (i = 0; code != NULL && i < a->ndevices; i++)
		if (strcasecmp(a->devices[i].user_code, code) == 0 &&
		    a->devices[i].state == AAD_DEV_PENDING &&
		    clock_now_ms() < a->devices[i].expires_ms)
			d = &a->devices[i];
	if (d == NULL) {
		sb_resp_arm_error(resp, 404, "NotFound", "No pending sign-in "
		    "has the code '%s'.", code != NULL ? code : "");
		goto out;
	}
	if (approve && user != NULL) {
		for (u = 0; u < a->nusers; u++)
			if (strcasecmp(a->users[u].upn, user) == 0)
				break;
	}
	if (approve && u >= a->nusers) {
		sb_resp_arm_error(resp, 404, "NotFound", "No user '%s' in the "
		    "tenant.", user != NULL ? user : "");
		goto out;
	}
	d->state = approve ? AAD_DEV_APPROVED : AAD_DEV_DECLINED;
	d->user = approve ? u : -1;
	aad_sandbox_answer(resp, approve ? "approved" : "declined",
	    d->user_code, approve ? a->users[u].upn : NULL);
out:
	free(code);
	free(user);
}

/* POST /sandbox/refresh/revoke: revoke a user's (or all) refresh tokens. */
static void
aad_sandbox_revoke(struct sb_aad *a, const struct sb_request *req,
    struct sb_response *resp)
{
	char	*user = sb_form_get(req->body, "user");
	int	 i;

	for (i = 0; i < a->nrefreshes; i++)
		if (user == NULL || strcasecmp(user,
		    a->users[a->refreshes[i].user].upn) == 0)
			a->refreshes[i].revoked = true;
	aad_sandbox_answer(resp, "revoked", NULL, user);
	free(user);
}

/* GET /sandbox/devicelogin: a page where a person can approve a code. */
static void
aad_sandbox_page(struct sb_response *resp)
{
	resp->status = 200;
	resp->content_type = "text/html; charset=utf-8";
	buf_reset(&resp->body);
	buf_adds(&resp->body,
	    "<!DOCTYPE html>\n<html><head><title>akswiz-sandbox sign-in"
	    "</title></head><body>\n<h1>akswiz-sandbox sign-in</h1>\n"
	    "<p>Enter the code the program shows. This page exists only in "
	    "the sandbox; Azure asks for your account here.</p>\n"
	    "<form method=\"post\" action=\"/sandbox/devicecode/approve\">\n"
	    "<input name=\"user_code\" autofocus> "
	    "<button>Approve</button>\n"
	    "<button formaction=\"/sandbox/devicecode/decline\">Decline"
	    "</button>\n</form></body></html>\n");
}

/* Split path into at most max segments (in copy); returns the count. */
static int
aad_segments(char *copy, char **seg, int max)
{
	char	*save = NULL, *s;
	int	 n = 0;

	for (s = strtok_r(copy, "/", &save); s != NULL;
	    s = strtok_r(NULL, "/", &save)) {
		if (n == max)
			return max + 1;
		seg[n++] = s;
	}
	return n;
}

/* Serve an Azure AD path; false if the path is not one. */
bool
aad_route(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	struct sb_aad	*a = sb->aad;
	char		*copy, *seg[6];
	int		 n;
	bool		 post = strcmp(req->method, "POST") == 0;
	bool		 get = strcmp(req->method, "GET") == 0;
	bool		 mine = true;

	if (a == NULL)
		return false;
	copy = xstrdup(req->path);
	n = aad_segments(copy, seg, 5);
	if (n == 3 && strcasecmp(seg[0], "sandbox") == 0 &&
	    strcasecmp(seg[1], "devicecode") == 0 && post &&
	    (strcasecmp(seg[2], "approve") == 0 ||
	    strcasecmp(seg[2], "decline") == 0))
		aad_sandbox_device(a, req, resp,
		    strcasecmp(seg[2], "approve") == 0);
	else if (n == 3 && strcasecmp(seg[0], "sandbox") == 0 &&
	    strcasecmp(seg[1], "refresh") == 0 &&
	    strcasecmp(seg[2], "revoke") == 0 && post)
		aad_sandbox_revoke(a, req, resp);
	else if (n == 2 && strcasecmp(seg[0], "sandbox") == 0 &&
	    strcasecmp(seg[1], "devicelogin") == 0 && get)
		aad_sandbox_page(resp);
	else if (n == 3 && strcasecmp(seg[0], "common") == 0 &&
	    strcasecmp(seg[1], "discovery") == 0 &&
	    strcasecmp(seg[2], "instance") == 0 && get)
		aad_instance(a, resp);
	else if (n == 4 && strcasecmp(seg[1], "v2.0") == 0 &&
	    strcasecmp(seg[2], ".well-known") == 0 &&
	    strcasecmp(seg[3], "openid-configuration") == 0) {
		if (!aad_tenant_ok(a, seg[0]))
			goto no_tenant;
		aad_openid(a, resp, seg[0]);
	} else if (n == 4 && strcasecmp(seg[1], "discovery") == 0 &&
	    strcasecmp(seg[2], "v2.0") == 0 &&
	    strcasecmp(seg[3], "keys") == 0) {
		if (!aad_tenant_ok(a, seg[0]))
			goto no_tenant;
		aad_jwks(a, resp);
	} else if (n == 4 && strcasecmp(seg[1], "oauth2") == 0 &&
	    strcasecmp(seg[2], "v2.0") == 0 &&
	    (strcasecmp(seg[3], "token") == 0 ||
	    strcasecmp(seg[3], "devicecode") == 0)) {
		if (!aad_tenant_ok(a, seg[0]))
			goto no_tenant;
		if (!post)
			aad_error(a, req, resp, 400, "invalid_request",
			    900561, "The endpoint only accepts POST "
			    "requests. Received a %s request.", req->method);
		else if (strcasecmp(seg[3], "token") == 0)
			aad_token(a, req, resp, seg[0]);
		else
			aad_devicecode(a, req, resp);
	} else
		mine = false;
	free(copy);
	return mine;
no_tenant:
	aad_error(a, req, resp, 400, "invalid_request", 90002, "Tenant '%s' "
	    "not found. Check to make sure you have the correct tenant ID "
	    "and are signing into the correct cloud. Check with your "
	    "subscription administrator, this may happen if there are no "
	    "active subscriptions for the tenant.", seg[0]);
	free(copy);
	return true;
}

/* "11/23/2026 7:31:20 AM", as ARM writes times in its messages. */
static void
aad_arm_time(time_t t, char *out, size_t len)
{
	struct tm	tm;
	int		h;

	gmtime_r(&t, &tm);
	h = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
	snprintf(out, len, "%d/%d/%d %d:%02d:%02d %s", tm.tm_mon + 1,
	    tm.tm_mday, tm.tm_year + 1900, h, tm.tm_min, tm.tm_sec,
	    tm.tm_hour < 12 ? "AM" : "PM");
}

/* Answer 401 as ARM does, with WWW-Authenticate. */
static bool __attribute__((format(printf, 5, 6)))
aad_unauthorized(struct sb_aad *a, struct sb_response *resp,
    const char *code, const char *description, const char *fmt, ...)
{
	char	msg[800];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sb_resp_arm_error(resp, 401, code, "%s", msg);
	sb_resp_header(resp, "WWW-Authenticate", "Bearer authorization_uri="
	    "\"%s/%s\", error=\"invalid_token\", error_description=\"%s\"",
	    a->sb->endpoint, a->tenant, description);
	return false;
}

/* Check the bearer token of an ARM call (see sandbox.h). */
bool
aad_check_bearer(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	struct sb_aad	*a = sb->aad;
	struct aad_jwt	 jwt;
	const char	*h, *aud, *iss, *kid;
	char		 want_iss[128], t1[40], t2[40], desc[300];
	uint64_t	 now_ms = clock_now_ms();
	long long	 exp, nbf, now = (long long)(now_ms / 1000);
	bool		 good = false;

	if (a == NULL)
		return true;
	if ((h = sb_req_header(req, "Authorization")) == NULL)
		return aad_unauthorized(a, resp, "AuthenticationFailed",
		    "The authentication failed because of missing "
		    "'Authorization' header.",
		    "Authentication failed. The 'Authorization' header is "
		    "missing.");
	if (strncasecmp(h, "Bearer ", 7) != 0)
		return aad_unauthorized(a, resp, "AuthenticationFailed",
		    "The authentication scheme is not supported.",
		    "Authentication failed. The 'Authorization' header is "
		    "provided in an invalid format.");
	h += 7;
	while (*h == ' ')
		h++;
	if (!aad_jwt_parse(h, &jwt))
		return aad_unauthorized(a, resp, "InvalidAuthenticationToken",
		    "The access token is invalid.",
		    "The access token is invalid.");
	aad_issuer(a, want_iss, sizeof want_iss);
	kid = aad_jwt_str(jwt.header, "kid");
	if (kid == NULL || strcmp(kid, a->kid) != 0 ||
	    !aad_jwt_verify(&jwt, a->key))
		aad_unauthorized(a, resp, "InvalidAuthenticationToken",
		    "The access token signature is invalid.",
		    "The access token is invalid.");
	else if (!aad_jwt_time(jwt.claims, "exp", &exp) ||
	    !aad_jwt_time(jwt.claims, "nbf", &nbf))
		aad_unauthorized(a, resp, "InvalidAuthenticationToken",
		    "The access token is invalid.",
		    "The access token is invalid.");
	else if (exp <= 0 || (uint64_t)exp * 1000 <= now_ms) {
		aad_arm_time((time_t)exp, t1, sizeof t1);
		aad_arm_time((time_t)now, t2, sizeof t2);
		snprintf(desc, sizeof desc, "The access token expiry UTC time "
		    "'%s' is earlier than current UTC time '%s'.", t1, t2);
		aad_unauthorized(a, resp, "ExpiredAuthenticationToken", desc,
		    "%s", desc);
	} else if (nbf > now)
		aad_unauthorized(a, resp, "InvalidAuthenticationToken",
		    "The access token is not yet valid.",
		    "The access token is not yet valid.");
	else if ((aud = aad_jwt_str(jwt.claims, "aud")) == NULL ||
	    !aad_arm_audience(a, aud))
		aad_unauthorized(a, resp, "InvalidAuthenticationToken",
		    "The access token has been obtained for wrong audience "
		    "or resource.",
		    "The access token has been obtained for wrong audience "
		    "or resource '%s'. It should exactly match with one of "
		    "the allowed audiences '%s/','%s','%s/','%s'.",
		    aud != NULL ? aud : "", AAD_ARM_CORE, AAD_ARM_CORE,
		    AAD_ARM, AAD_ARM);
	else if ((iss = aad_jwt_str(jwt.claims, "iss")) == NULL ||
	    strcmp(iss, want_iss) != 0)
		aad_unauthorized(a, resp, "InvalidAuthenticationTokenTenant",
		    "The access token is from the wrong issuer.",
		    "The access token is from the wrong issuer '%s'. It must "
		    "match the tenant '%s' associated with this subscription. "
		    "Please use the authority (URL) '%s/%s' to get the token.",
		    iss != NULL ? iss : "", want_iss, sb->endpoint, a->tenant);
	else
		good = true;
	aad_jwt_done(&jwt);
	return good;
}
