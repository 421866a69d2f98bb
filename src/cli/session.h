/*
 * A session of the non-interactive commands: the cloud and endpoints,
 * the workspace scope, the HTTP client, sign-in and the ARM client, built
 * from struct cli_globals, the environment and a small config file.
 *
 * The scope comes from, in order: --subscription/-g/-w, then
 * AKSWIZ_SUBSCRIPTION / AKSWIZ_RESOURCE_GROUP / AKSWIZ_WORKSPACE, then
 * $XDG_CONFIG_HOME/akswiz/config (lines "subscription = ...",
 * "resource-group = ...", "workspace = ..."; # comments).
 *
 * With --sandbox a private akswiz-sandbox is started on the user's
 * sandbox world ($XDG_STATE_HOME/akswiz/sandbox: state, CA, a lock that
 * makes a second akswiz --sandbox wait; the port it last had, else a free
 * loopback one), the binary next to akswiz, else on PATH; its ready file
 * gives the endpoint, authority, CA and a service principal, whose secret
 * reaches sign-in through a 0600 file in the 0700 world folder, never
 * argv; the sandbox is stopped (SIGTERM, waitpid) by session_close(), or
 * by a signal handler when akswiz is interrupted, and stops itself when
 * akswiz dies (PR_SET_PDEATHSIG).  AKSWIZ_SANDBOX_OPTIONS adds
 * options to the sandbox's command line.
 */
#ifndef AKSWIZ_CLI_SESSION_H
#define AKSWIZ_CLI_SESSION_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "azure/arm.h"
#include "cli/cmd.h"
#include "common/err.h"

struct http_client;
struct auth;
struct session_priv;		/* cloud and sign-in (session.c) */
struct cloud_endpoints;
struct ops_progress;
struct ops_outcome;
struct plan;

enum {
	SESSION_SCOPE = 1 << 0,		/* subscription, group, workspace */
	SESSION_SUBSCRIPTION = 1 << 1	/* the subscription alone */
};

struct session {
	const struct cli_globals *g;		/* (borrowed) */
	char			 arm_endpoint[256];	/* no trailing / */
	char			 subscription[64];
	char			 resource_group[128];
	char			 workspace[128];
	struct http_client	*http;
	struct session_priv	*priv;
	struct arm		 arm;
	/* --sandbox */
	pid_t			 sandbox_pid;
	char			 sandbox_dir[256];
	char			 ca_file[1024];
	char			 secret_file[512];
	char			 tenant[64];
	char			 client_id[64];
};

/*
 * Build the session; needs says which scope members are required (a
 * usage error names the missing option).  False + err otherwise.
 */
bool	session_open(struct session *, const struct cli_globals *,
	    unsigned needs, struct err *);
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
/* The session's cloud (borrowed until session_close): logout. */
const struct cloud_endpoints *session_cloud(const struct session *);
/* Forget the cached sign-ins; the session then has no credential. */
bool	session_signout(struct session *, struct err *);
/* The exit status for an error (cmd.h): usage, sign-in, network ... */
int	session_exit_status(const struct err *);
/* Print err to stderr ("akswiz: message" and its detail). */
void	session_report(const struct err *);
/*
 * One compute as the JSON object that `list` and `show` print (stable,
 * man/akswiz.1 "JSON OUTPUT"), without a trailing newline.
 */
void	session_compute_json(FILE *, const struct arm_compute *);
/*
 * session-ops.c (apart because core/plan.h's enum cloud and
 * azure/cloud.h's struct cloud_endpoints cannot meet in one file): the
 * commands' side of the driver (app/run.h).  Progress goes to stderr
 * ("akswiz: create ml-01: Creating (12 s)", table output only), the
 * outcome to stdout (table: the line, details and hint on stderr; json:
 * the documented object); they return the exit status.
 *
 * Preflight and perform a plan in the session (apply and detach).
 */
int	session_ops_apply(struct cli_globals *, struct session *,
	    struct plan *, bool wait);
/* Follow a journaled open operation to its end (watch). */
struct journal_entry;
int	session_ops_resume(struct cli_globals *, struct session *,
	    struct journal_entry *);
/* "key": "value" (or null) after a comma unless *first. */
void	session_json_member(FILE *, bool *first, const char *key,
	    const char *value);
/* "created" or "attached" (machine output). */
const char *session_compute_origin(const struct arm_compute *);
/*
 * Take "--name VALUE" / "--name=VALUE" / "-x VALUE" at argv[*i]: 1 taken
 * (value set, *i advanced), 0 not this option, -1 value missing.
 */
int	session_opt_value(int argc, char **argv, int *i, const char *name,
	    char shortname, const char **value);

#endif
