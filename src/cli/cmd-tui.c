/*
 * The interactive commands: `akswiz create`, `akswiz attach`, and what
 * runs when akswiz is started with no command (the home screen).  They
 * open a session from the global options (with --sandbox, a private
 * sandbox) and hand tui/ the scope and the ARM client; when no session can
 * be built, or AKSWIZ_OFFLINE is set, the screens work offline and say so.
 */
#include "config.h"
#include "cli/cmd.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "azure/http.h"
#include "cli/session.h"
#include "common/err.h"
#include "common/i18n.h"
#include "common/xdgdir.h"
#include "core/plan.h"
#include "tui/tui.h"

/* Fill the interface's options from the global ones. */
static void
cmd_tui_options(const struct app_options *g, struct tui_options *o,
    enum tui_start start)
{
	memset(o, 0, sizeof *o);
	o->start = start;
	o->subscription = g->subscription;
	o->resource_group = g->resource_group;
	o->workspace = g->workspace;
	o->no_color = g->no_color;
	o->sandbox = g->sandbox;
	o->readonly = g->readonly;
	o->cloud = CLOUD_AZURE;
	if (g->cloud != NULL && !cloud_parse(g->cloud, &o->cloud))
		o->cloud = CLOUD_AZURE;
}

/*
 * While curses owns the terminal, stderr (debug log, sign-in messages) goes
 * to $XDG_STATE_HOME/akswiz/tui.log instead of through the screen.
 * Returns the saved descriptor, or -1 when nothing was redirected.
 */
static int
cmd_tui_quiet_stderr(void)
{
	char		 path[1024];
	int		 fd, saved;
	struct err	 err;

	if (!isatty(STDERR_FILENO))
		return -1;
	err_clear(&err);
	if (!xdgdir_make(XDGDIR_STATE, "tui.log", true, path, sizeof path,
	    &err))
		return -1;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
	    0600)) < 0)
		return -1;
	saved = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
	return saved;
}

/* The screens' sign-in: a new credential for the session (worker thread). */
static bool
cmd_tui_signin(void *ctx, const struct tui_signin_req *r, struct err *err)
{
	struct session_signin	si;

	memset(&si, 0, sizeof si);
	si.method = r->method;
	si.tenant = r->tenant;
	si.client_id = r->client_id;
	si.secret = r->secret;
	si.certificate = r->certificate;
	si.prompt = r->prompt;
	si.prompt_ctx = r->prompt_ctx;
	si.cancel = r->cancel;
	return session_signin(ctx, &si, err);
}

/* Who is signed in (worker thread). */
static bool
cmd_tui_whoami(void *ctx, struct tui_identity *id, struct err *err)
{
	struct session_identity	si;

	if (!session_whoami(ctx, &si, err))
		return false;
	snprintf(id->user, sizeof id->user, "%s", si.user);
	snprintf(id->tenant, sizeof id->tenant, "%s", si.tenant);
	snprintf(id->method, sizeof id->method, "%s", si.method);
	id->expires = (int64_t)si.expires;
	return true;
}

/* Sign out (worker thread). */
static bool
cmd_tui_signout(void *ctx, struct err *err)
{
	return session_signout(ctx, NULL, NULL, err);
}

/*
 * The screens' status as the process's: 0, 128 + the signal that ended
 * them (129 a hang-up, 143 SIGTERM or SIGINT), as a shell reports a
 * signal; else usage (a script that could not run).
 */
static int
tui_exit_status(int status)
{
	if (status == 0)
		return EXIT_OK;
	if (status == 128 + SIGHUP || status == 128 + SIGTERM)
		return status;
	return EXIT_USAGE;
}

/* Run the interface from a start screen; extra arguments are refused. */
static int
cmd_tui_run(struct app_options *g, int argc, char **argv,
    enum tui_start start)
{
	struct tui_options	o;
	struct tui_signin	si;
	struct session		s;
	struct err		err;
	bool			live;
	int			status, saved;
	const char		*type = NULL;
	enum compute_type	 ct;

	/* --compute-type Kubernetes|AKS, the wizard's first step */
	if ((start == TUI_START_CREATE || start == TUI_START_ATTACH) &&
	    argc == 3 &&
	    strcmp(argv[1], "--compute-type") == 0) {
		if (!compute_type_parse(argv[2], &ct)) {
			cli_error(_("--compute-type must be Kubernetes or AKS, "
			    "not \"%s\""), argv[2]);
			return EXIT_USAGE;
		}
		type = argv[2];
		argc = 1;
	}
	if (argc > 1) {
		cli_error(_("%s takes no arguments, only options"), argv[0]);
		return EXIT_USAGE;
	}
	cmd_tui_options(g, &o, start);
	o.compute_type = type;
	/* Live when a session can be built; the screens say when it is not. */
	err_clear(&err);
	memset(&s, 0, sizeof s);
	if (getenv("AKSWIZ_OFFLINE") != NULL && !g->sandbox) {
		live = false;
		err_set(&err, ERR_USAGE, "%s", _("AKSWIZ_OFFLINE is set"));
	} else if (!(live = session_open(&s, g, SESSION_SCOPE, &err))) {
		struct err	scope_err = err;

		/* No workspace given: live all the same, the screens ask. */
		err_clear(&err);
		memset(&s, 0, sizeof s);
		if (!(live = session_open(&s, g, 0, &err)))
			err = scope_err;
		else
			s.subscription[0] = s.resource_group[0] =
			    s.workspace[0] = '\0';
	}
	if (live) {
		memset(&si, 0, sizeof si);
		si.ctx = &s;
		si.signin = cmd_tui_signin;
		si.whoami = cmd_tui_whoami;
		si.signout = cmd_tui_signout;
		si.arm = &s.arm;
		o.signin = &si;
		o.arm = &s.arm;
		o.subscription = s.subscription;
		o.resource_group = s.resource_group;
		o.workspace = s.workspace;
	} else {
		o.offline_reason = err.msg;
	}
	saved = cmd_tui_quiet_stderr();
	status = tui_main(&o);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	if (live && tui_busy()) {
		/*
		 * The user left while an operation is still followed on the
		 * worker thread: its HTTP client stays (the process ends
		 * now; the journal keeps the operation), but a private
		 * sandbox is stopped and its files removed.
		 */
		session_stop_sandbox(&s);
		/* no exit handlers under the worker that still runs */
		fflush(NULL);
		_exit(tui_exit_status(status));
	} else if (live)
		session_close(&s);
	return tui_exit_status(status);
}

/* akswiz with no command on a terminal: the home screen. */
int
cmd_home(struct app_options *g, int argc, char **argv)
{
	return cmd_tui_run(g, argc, argv, TUI_START_HOME);
}

/* akswiz create: the create wizard. */
int
cmd_create(struct app_options *g, int argc, char **argv)
{
	return cmd_tui_run(g, argc, argv, TUI_START_CREATE);
}

/* akswiz browse: the workspace's computes. */
int
cmd_browse(struct app_options *g, int argc, char **argv)
{
	return cmd_tui_run(g, argc, argv, TUI_START_BROWSE);
}

/* akswiz attach: the attach wizard. */
int
cmd_attach(struct app_options *g, int argc, char **argv)
{
	return cmd_tui_run(g, argc, argv, TUI_START_ATTACH);
}
