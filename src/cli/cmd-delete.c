/*
 * akswiz delete NAME [--yes] [--no-wait]: delete a compute
 * (underlyingResourceAction=Delete) and, for a Kubernetes compute whose
 * AKS cluster akswiz created (its tag, PLAN_K8S_TAG), the cluster
 * too, as a second step.  A cluster akswiz did not create is kept, and
 * said so.  On a terminal the cluster's name is typed to confirm its
 * deletion (y for a compute alone); without a terminal --yes is needed.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli/session.h"
#include "common/i18n.h"
#include "core/plan.h"
#include "plan/plan-k8s.h"

/*
 * Ask on the terminal: the cluster's name typed (akswiz deletes it), the
 * compute's (legacy: Azure ML deletes the cluster it created), or y.
 */
static bool
confirm(const char *name, const char *ws, const char *cluster, bool legacy)
{
	char	line[256];

	if (cluster == NULL && legacy) {
		/* TRANSLATORS: the last %s is the compute's name, which the
		 * user types. */
		fprintf(stderr, _("Delete compute %s from workspace %s, and "
		    "with it the AKS cluster Azure ML created for it?  Type "
		    "the compute's name (%s) to confirm: "), name, ws, name);
		return cli_answer(line, sizeof line) && strcmp(line, name) ==
		    0;
	}
	if (cluster != NULL)
		/* TRANSLATORS: the last %s is the AKS cluster's name, which
		 * the user types. */
		fprintf(stderr, _("Delete compute %s from workspace %s and "
		    "DELETE AKS cluster %s with everything on it?  Type the "
		    "cluster's name (%s) to confirm: "), name, ws, cluster,
		    cluster);
	else
		/* TRANSLATORS: y/N: the answers the question takes. */
		fprintf(stderr, _("Delete compute %s from workspace %s? "
		    "[y/N] "), name, ws);
	if (cluster == NULL)
		return cli_answer_yes();
	return cli_answer(line, sizeof line) && strcmp(line, cluster) == 0;
}

/*
 * The delete plan of compute name in p: the cluster too when akswiz made
 * it (*cluster_name then names it); *legacy: a legacy compute Azure ML
 * created, whose cluster the service deletes with it.  An exit status,
 * EXIT_OK to go on.
 */
static int
delete_plan(struct session *s, const char *name, struct plan *p,
    char *cluster_name, size_t len, bool *legacy)
{
	struct arm_compute	 c;
	struct arm_cluster	 cl;
	struct err		 err;
	bool			 found;
	int			 status = EXIT_OK;

	cluster_name[0] = '\0';
	*legacy = false;
	memset(&cl, 0, sizeof cl);
	snprintf(p->name, sizeof p->name, "%s", name);
	/* Not there: the preflight says so, in its words. */
	if ((status = cli_get_compute(s, name, &c, &found)) != EXIT_OK ||
	    !found)
		goto out;
	*legacy = cli_compute_is(&c, "AKS") && !c.is_attached;
	if (!cli_compute_is(&c, "Kubernetes"))
		goto out;
	err_clear(&err);
	if (!arm_get_cluster(&s->arm, c.resource_id, &cl, &err)) {
		if (err.http_status != 404) {
			session_report(&err);
			status = session_exit_status(&err);
		}
		goto out;
	}
	if (cli_cluster_ours(&cl)) {
		p->delete_cluster = true;
		snprintf(p->cluster_id, sizeof p->cluster_id, "%s",
		    c.resource_id);
		snprintf(cluster_name, len, "%s", cl.name != NULL ? cl.name :
		    "");
	} else
		/* TRANSLATORS: "... (it has no createdBy=akswiz tag) ...";
		 * the tag is not translated. */
		fprintf(stderr, _("akswiz: AKS cluster %s was not created by "
		    "akswiz (it has no %s=%s tag): it is kept.\n"),
		    cl.name != NULL ? cl.name : c.resource_id,
		    PLAN_K8S_TAG, PLAN_K8S_TAG_VALUE);
out:
	arm_cluster_done(&cl);
	arm_compute_done(&c);
	return status;
}

/* akswiz delete NAME [--yes] [--no-wait]. */
int
cmd_delete(struct app_options *g, int argc, char **argv)
{
	struct session		 s;
	struct plan		 p;
	struct cli_change	 c;
	char			 cluster[PLAN_NAME_LEN];
	bool			 legacy;
	int			 status;

	if ((status = cli_change_args("delete", argc, argv, NULL, NULL, &c)) !=
	    EXIT_OK)
		return status;
	if (c.name == NULL) {
		/* TRANSLATORS: command syntax, not translated but for
		 * NAME. */
		cli_error(_("usage: akswiz delete NAME [--yes]"));
		return EXIT_USAGE;
	}
	if ((status = cli_change_open(g, "delete", c.yes, &s)) != EXIT_OK)
		return status;
	plan_init(&p, PLAN_DELETE);
	status = delete_plan(&s, c.name, &p, cluster, sizeof cluster, &legacy);
	if (status == EXIT_OK && !c.yes && !confirm(c.name, s.workspace,
	    p.delete_cluster ? cluster : NULL, legacy)) {
		/* TRANSLATORS: after a question answered no. */
		fprintf(stderr, _("akswiz: nothing was deleted.\n"));
		status = EXIT_FAILED;
	} else if (status == EXIT_OK)
		status = session_ops_apply(g, &s, &p, c.wait);
	session_close(&s);
	return status;
}
