/*
 * The application session: what the commands and the screens share
 * beneath them.  Built once from struct app_options (app/options.h), the
 * environment and the scope configuration file (app/scope-file.h): the cloud
 * and endpoints, the workspace scope, the HTTP client, sign-in and the
 * ARM client, and with --sandbox the private sandbox child
 * (app/sandbox-child.h) whose endpoint and service principal it uses.
 *
 * The scope comes from, in order: --subscription/-g/-w, then
 * AKSWIZ_SUBSCRIPTION / AKSWIZ_RESOURCE_GROUP / AKSWIZ_WORKSPACE, then
 * (with --sandbox) the sandbox's own workspace, then
 * $XDG_CONFIG_HOME/akswiz/config.
 */
#ifndef AKSWIZ_APP_SESSION_H
#define AKSWIZ_APP_SESSION_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "azure/arm.h"
#include "app/options.h"
#include "app/sandbox-child.h"
#include "common/err.h"

struct http_client;
struct auth;
struct session_priv;		/* cloud and sign-in (session.c) */
struct cloud_endpoints;

enum {
	SESSION_SCOPE = 1 << 0,		/* subscription, group, workspace */
	SESSION_SUBSCRIPTION = 1 << 1,	/* the subscription alone */
	SESSION_NO_SIGNIN = 1 << 2	/* no credential (logout) */
};

struct session {
	const struct app_options *g;		/* (borrowed) */
	char			 arm_endpoint[256];	/* no trailing / */
	char			 subscription[64];
	char			 resource_group[128];
	char			 workspace[128];
	struct http_client	*http;
	struct session_priv	*priv;
	struct arm		 arm;
	struct sandbox_child	 sandbox;	/* --sandbox */
};

/*
 * Build the session; needs says which scope members are required (a
 * usage error names the missing option).  False + err otherwise.
 */
bool	session_open(struct session *, const struct app_options *,
	    unsigned needs, struct err *);
/*
 * How `akswiz login` and `account` sign in: a method by name
 * ("device-code", "secret" ...; NULL: the default), its tenant, client,
 * secret file or certificate (NULL: none).  With --sandbox alone the
 * sandbox's service principal is used and these stay NULL.
 */
struct session_login {
	const char	*method;
	const char	*tenant, *client_id;
	const char	*secret_file;
	const char	*certificate;
	bool		 interactive;	/* may prompt (device code) */
};
/* session_open, signing in as login says. */
bool	session_open_login(struct session *, const struct app_options *,
	    unsigned needs, const struct session_login *, struct err *);
/*
 * Stop the sandbox child and remove its files, leaving the rest of the
 * session as it is (the interface leaves while its worker still runs).
 */
void	session_stop_sandbox(struct session *);
/* Free the session; stop the sandbox child. */
void	session_close(struct session *);
/*
 * The interface's sign-in (runs on its worker thread): replace the
 * session's credential by one signed in now with method (its name:
 * "device-code", "secret" ...); a typed secret goes to a 0600 file removed at close.
 */
struct session_signin {
	const char	*method;
	const char	*tenant, *client_id;	/* NULL or "": defaults */
	const char	*secret;		/* AUTH_SECRET (wiped by caller) */
	const char	*certificate;		/* AUTH_CERTIFICATE: PEM path */
	void		(*prompt)(void *, const char *uri, const char *code,
			    const char *message);
	void		*prompt_ctx;
	atomic_bool	*cancel;		/* stops a device-code wait */
};
bool	session_signin(struct session *, const struct session_signin *,
	    struct err *);
/* Who is signed in (from the token's claims). */
struct session_identity {
	char	user[256];	/* user name, else the client id */
	char	tenant[64];
	char	method[32];
	time_t	expires;
};
bool	session_whoami(struct session *, struct session_identity *,
	    struct err *);
/* The session's sign-in (borrowed until session_close): login, account. */
struct auth *session_auth(struct session *);
/* A warning of the session, said where its options say (stderr). */
void	session_warning(struct session *, const char *msg);
/* The session's cloud (borrowed until session_close): logout. */
const struct cloud_endpoints *session_cloud(const struct session *);
/*
 * Forget the cached sign-ins (of tenant only, unless NULL; how many in
 * *removed unless NULL); the session then has no credential.
 */
bool	session_signout(struct session *, const char *tenant, int *removed,
	    struct err *);

#endif
