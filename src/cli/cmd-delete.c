/*
 * akswiz delete NAME [--yes] [--no-wait]: delete a compute
 * (underlyingResourceAction=Delete) and, for a Kubernetes compute whose
 * AKS cluster akswiz created (its tag, PLAN_CLUSTER_TAG), the cluster
 * too, as a second step.  A cluster akswiz did not create is kept, and
 * said so.  On a terminal the cluster's name is typed to confirm its
 * deletion (y for a compute alone); without a terminal --yes is needed.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/session.h"
#include "common/i18n.h"
#include "core/plan.h"

/* Ask on the terminal: the cluster's name typed, or y for the compute. */
static bool
confirm(const char *name, const char *ws, const char *cluster)
{
	char	line[256];

	if (cluster != NULL)
		/* TRANSLATORS: the last %s is the AKS cluster's name, which
		 * the user types. */
		fprintf(stderr, _("Delete compute %s from workspace %s and "
		    "DELETE AKS cluster %s with everything on it?  Type the "
		    "cluster's name (%s) to confirm: "), name, ws, cluster,
		    cluster);
	else
		fprintf(stderr, _("Delete compute %s from workspace %s? [y/N] "),
		    name, ws);
	fflush(stderr);
	if (fgets(line, sizeof line, stdin) == NULL)
		return false;
	line[strcspn(line, "\r\n")] = '\0';
	if (cluster != NULL)
		return strcmp(line, cluster) == 0;
	return line[0] == 'y' || line[0] == 'Y';
}

/*
 * The delete plan of compute name in p: the cluster too when akswiz made
 * it (*cluster_name then names it).  An exit status, EXIT_OK to go on.
 */
static int
delete_plan(struct session *s, const char *name, struct plan *p,
    char *cluster_name, size_t len)
{
	struct arm_compute	 c;
	struct arm_cluster	 cl;
	struct err		 err;
	bool			 found;
	int			 status = EXIT_OK;

	cluster_name[0] = '\0';
	memset(&cl, 0, sizeof cl);
	snprintf(p->name, sizeof p->name, "%s", name);
	err_clear(&err);
	if (!arm_get_compute(&s->arm, s->subscription, s->resource_group,
	    s->workspace, name, &c, &found, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	/* Not there: the preflight says so, in its words. */
	if (!found || c.compute_type == NULL || c.resource_id == NULL ||
	    strcasecmp(c.compute_type, "Kubernetes") != 0)
		goto out;
	if (!arm_get_cluster(&s->arm, c.resource_id, &cl, &err)) {
		if (err.http_status != 404) {
			session_report(&err);
			status = session_exit_status(&err);
		}
		goto out;
	}
	if (cl.created_by != NULL &&
	    strcmp(cl.created_by, PLAN_CLUSTER_TAG_VALUE) == 0) {
		p->delete_cluster = true;
		snprintf(p->cluster_id, sizeof p->cluster_id, "%s",
		    c.resource_id);
		snprintf(cluster_name, len, "%s", cl.name != NULL ? cl.name :
		    "");
	} else
		fprintf(stderr, _("akswiz: AKS cluster %s was not created by "
		    "akswiz (it has no %s=%s tag): it is kept.\n"),
		    cl.name != NULL ? cl.name : c.resource_id,
		    PLAN_CLUSTER_TAG, PLAN_CLUSTER_TAG_VALUE);
out:
	arm_cluster_done(&cl);
	arm_compute_done(&c);
	return status;
}

/* akswiz delete NAME [--yes] [--no-wait]. */
int
cmd_delete(struct app_options *g, int argc, char **argv)
{
	struct session	 s;
	struct plan	 p;
	struct err	 err;
	const char	*name = NULL;
	char		 cluster[PLAN_NAME_LEN];
	bool		 yes = false, wait = true;
	int		 i, status;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0)
			yes = true;
		else if (strcmp(argv[i], "--no-wait") == 0)
			wait = false;
		else if (argv[i][0] == '-') {
			cli_error(_("delete: unknown option %s"), argv[i]);
			return EXIT_USAGE;
		} else if (name == NULL)
			name = argv[i];
		else {
			cli_error(_("delete: one compute at a time"));
			return EXIT_USAGE;
		}
	}
	if (name == NULL) {
		cli_error(_("usage: akswiz delete NAME [--yes]"));
		return EXIT_USAGE;
	}
	if (cli_readonly_refuse(g, "delete") != EXIT_OK)
		return EXIT_PREFLIGHT;
	if (!yes && !isatty(0)) {
		cli_error(_("delete needs --yes when not run on a terminal"));
		return EXIT_USAGE;
	}
	err_clear(&err);
	if (!session_open(&s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	plan_init(&p, PLAN_DELETE);
	status = delete_plan(&s, name, &p, cluster, sizeof cluster);
	if (status == EXIT_OK && !yes && !confirm(name, s.workspace,
	    p.delete_cluster ? cluster : NULL)) {
		fprintf(stderr, _("akswiz: nothing was deleted.\n"));
		status = EXIT_FAILED;
	} else if (status == EXIT_OK)
		status = session_ops_apply(g, &s, &p, wait);
	session_close(&s);
	return status;
}
