/*
 * akswiz apply PLAN [--no-wait] [--register-providers]: preflight the
 * plan against the live workspace (registering the resource providers
 * today's path needs, when asked), then submit it and (unless --no-wait)
 * follow it to the end.
 * Exit statuses: 0 done (or submitted), 1 the operation failed, 2 bad
 * plan or usage, 3 refused by preflight, 4 sign-in, 5 network/service,
 * 6 partly applied (applying it again sends the rest), 8 another akswiz
 * holds the compute's lock.
 *
 * The plan's scope wins; members it leaves empty come from the command
 * line, the environment or the config file.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>

#include "cli/session.h"
#include "common/i18n.h"
#include "plan/plan-json.h"

/* akswiz apply PLAN [--no-wait] [--register-providers]. */
int
cmd_apply(struct app_options *g, int argc, char **argv)
{
	struct session	 s;
	struct plan	 p;
	struct err	 err;
	const char	*path = NULL;
	bool		 wait = true;
	int		 i, status;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--no-wait") == 0)
			wait = false;
		else if (strcmp(argv[i], "--register-providers") == 0)
			g->register_providers = true;
		else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_error(_("apply: unknown option %s"), argv[i]);
			return EXIT_USAGE;
		} else if (path == NULL)
			path = argv[i];
		else {
			cli_error(_("apply: one plan at a time"));
			return EXIT_USAGE;
		}
	}
	if (path == NULL) {
		/* TRANSLATORS: keep the option names. */
		cli_error(_("usage: akswiz apply PLAN [--no-wait] "
		    "[--register-providers]"));
		return EXIT_USAGE;
	}
	if (cli_readonly_refuse(g, "apply") != EXIT_OK)
		return EXIT_PREFLIGHT;
	err_clear(&err);
	if (!plan_json_read_file(path, &p, &err)) {
		session_report(&err);
		return EXIT_USAGE;
	}
	if (!session_open(&s, g, 0, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	status = session_ops_apply(g, &s, &p, wait);
	session_close(&s);
	return status;
}
