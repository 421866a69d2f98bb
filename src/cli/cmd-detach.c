/*
 * akswiz detach NAME [--yes] [--no-wait] [--delete-cluster]: detach a
 * compute from the workspace; the AKS cluster is kept unless
 * --delete-cluster (underlyingResourceAction=Delete).  It asks on a
 * terminal unless --yes, and refuses without one and without --yes.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/session.h"
#include "common/i18n.h"
#include "core/plan.h"

/* Ask on the terminal; true only for an answer starting with y. */
static bool
confirm(const char *name, const char *ws, bool delete_cluster)
{
	char	line[64];

	fprintf(stderr, delete_cluster ?
	    _("Detach %s from workspace %s and DELETE its AKS cluster? "
	    "[y/N] ") :
	    _("Detach %s from workspace %s (the AKS cluster is kept)? "
	    "[y/N] "), name, ws);
	fflush(stderr);
	if (fgets(line, sizeof line, stdin) == NULL)
		return false;
	return line[0] == 'y' || line[0] == 'Y';
}

/* akswiz detach NAME [--yes] [--no-wait] [--delete-cluster]. */
int
cmd_detach(struct cli_globals *g, int argc, char **argv)
{
	struct session	 s;
	struct plan	 p;
	struct err	 err;
	const char	*name = NULL;
	bool		 yes = false, wait = true, del = false;
	int		 i, status;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0)
			yes = true;
		else if (strcmp(argv[i], "--no-wait") == 0)
			wait = false;
		else if (strcmp(argv[i], "--delete-cluster") == 0)
			del = true;
		else if (argv[i][0] == '-') {
			cli_error(_("detach: unknown option %s"), argv[i]);
			return EXIT_USAGE;
		} else if (name == NULL)
			name = argv[i];
		else {
			cli_error(_("detach: one compute at a time"));
			return EXIT_USAGE;
		}
	}
	if (name == NULL) {
		cli_error(_("usage: akswiz detach NAME [--yes]"));
		return EXIT_USAGE;
	}
	if (!yes && !isatty(0)) {
		cli_error(_("detach needs --yes when not run on a terminal"));
		return EXIT_USAGE;
	}
	err_clear(&err);
	if (!session_open(&s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	if (!yes && !confirm(name, s.workspace, del)) {
		fprintf(stderr, _("akswiz: nothing was detached.\n"));
		session_close(&s);
		return EXIT_FAILED;
	}
	plan_init(&p, PLAN_DETACH);
	snprintf(p.name, sizeof p.name, "%s", name);
	p.detach_action = del ? DETACH_DELETE : DETACH_KEEP;
	status = session_ops_apply(g, &s, &p, wait);
	if (status == EXIT_OK && wait && !del && g->output == OUTPUT_TABLE)
		printf(_("The AKS cluster is kept.  Before attaching it again, "
		    "delete the azureml-fe leftovers in it (service account, "
		    "cluster role and binding, services, deployment, the "
		    "azuremlfessl secret and the azuremlfeconfig config map); "
		    "save the TLS certificate and key from azuremlfessl first "
		    "if you need them.\n"));
	session_close(&s);
	return status;
}
