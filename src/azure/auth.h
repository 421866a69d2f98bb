/*
 * Sign-in: turns a method (device code, service principal with a secret or
 * a certificate, managed identity, the Azure CLI, the environment, or the
 * default chain like DefaultAzureCredential) into bearer tokens for ARM,
 * kept in the token cache and refreshed 5 minutes before they expire, so a
 * long operation never notices.  Token requests go through the caller's
 * http_client (so --ca-file and --debug apply, and the log is redacted).
 *
 * Secrets (client secret, private key, assertion, refresh and access tokens)
 * are never taken from argv, never logged, and wiped with OPENSSL_cleanse()
 * before they are freed.
 */
#ifndef AKSWIZ_AZURE_AUTH_H
#define AKSWIZ_AZURE_AUTH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "azure/cloud.h"
#include "azure/http.h"
#include "common/err.h"

/* Azure CLI's public client id: what device-code sign-in uses by default. */
#define AUTH_DEFAULT_CLIENT_ID	"04b07795-8ddb-461a-bbee-02f9e1bf7b46"

enum auth_method {
	AUTH_DEFAULT,		/* env -> managed identity (if set) -> az -> cache */
	AUTH_DEVICE_CODE,
	AUTH_SECRET,		/* service principal + client secret */
	AUTH_CERTIFICATE,	/* service principal + JWT client assertion */
	AUTH_MANAGED_IDENTITY,
	AUTH_AZURE_CLI,
	AUTH_ENVIRONMENT,	/* AZURE_TENANT_ID, AZURE_CLIENT_ID, ... */
	AUTH_CACHE		/* only what `akswiz login` left in the cache */
};

/* Show the device-code instructions (URL + code; message is the server's). */
typedef void (*auth_device_prompt_fn)(void *ctx, const char *verification_uri,
    const char *user_code, const char *message);

struct auth_config {
	const struct cloud_endpoints	*cloud;		/* (borrowed) authority, scope */
	struct http_client	*http;		/* (borrowed) for token calls */
	enum auth_method	 method;
	const char		*tenant;	/* NULL: AZURE_TENANT_ID, else
						   "organizations" */
	const char		*client_id;	/* NULL: AZURE_CLIENT_ID, else
						   AUTH_DEFAULT_CLIENT_ID */
	const char		*client_secret_file;	/* or
					   AZURE_CLIENT_SECRET(_FILE) */
	const char		*certificate_path;	/* or
					   AZURE_CLIENT_CERTIFICATE_PATH */
	const char		*cache_dir;	/* NULL: $XDG_CACHE_HOME/akswiz */
	bool			 interactive;	/* may prompt on the tty */
	auth_device_prompt_fn	 device_prompt;	/* NULL: print to stderr */
	void			*prompt_ctx;
	atomic_bool		*cancel;	/* (borrowed) NULL, or set by
						   another thread to stop
						   waiting for a device code */
	long			 imds_timeout_ms;	/* 0: 1000 */
	bool			 assertion_ps256;	/* PS256 + x5t#S256
						   instead of RS256 + x5t */
	/* Something that does not stop sign-in (a token cache that cannot
	   be used, an expired certificate): said once; NULL drops it. */
	void			(*warn)(void *ctx, const char *msg);
	void			*warn_ctx;
};

struct auth;

/*
 * A sign-in context for cfg (copied; the strings it points to are
 * borrowed and must outlive the struct auth).  Nothing is sent yet.
 */
struct auth	*auth_new(const struct auth_config *cfg, struct err *);
void		 auth_free(struct auth *);
/* The token source to put in http_request.auth (borrowed until auth_free). */
const struct http_token_source *auth_token_source(struct auth *);
/*
 * Get an access token for scope (NULL: the cloud's ARM scope) now: from the
 * cache when it has more than 5 minutes left, else by refresh or by the
 * configured method.  tok is wiped by the caller with OPENSSL_cleanse().
 */
bool		 auth_get_token(struct auth *, const char *scope,
		    bool force_refresh, char *tok, size_t toklen, struct err *);
/*
 * `akswiz login`: sign in with the configured method now (device code
 * shows its prompt and waits) and store the result in the token cache.
 */
bool		 auth_login(struct auth *, struct err *);
/*
 * `akswiz logout`: remove the cache entries of this authority and tenant
 * (all tenants when cfg->tenant is NULL); *removed counts them.
 */
bool		 auth_logout(const struct auth_config *cfg, int *removed,
		    struct err *);

/* Who is signed in: from the access token's claims (not verified). */
struct auth_account {
	char	method[32];		/* "device-code", "secret", ... */
	char	authority[256];
	char	tenant[64];		/* tid */
	char	client_id[64];		/* appid or azp */
	char	object_id[64];		/* oid */
	char	user[256];		/* upn, unique_name or preferred_username */
	time_t	expires;		/* exp */
};

/* Sign in if needed (non-interactively), then describe the account. */
bool		 auth_account(struct auth *, struct auth_account *,
		    struct err *);
/* The name of a method as used on the command line ("device-code"). */
const char	*auth_method_name(enum auth_method);
/* Parse a method name; false if unknown. */
bool		 auth_method_parse(const char *, enum auth_method *);

#endif
