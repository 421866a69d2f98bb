/*
 * akswiz plan new migrate NAME: the legacy AKS compute NAME, read in the
 * workspace, gives the migration plan its cluster and, unless flags
 * choose them, its load balancer, TLS and purpose (plan/plan-migrate.h).
 * The only `plan new` that needs the network: what it keeps is Azure's.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>

#include "azure/arm.h"
#include "cli/session.h"
#include "common/err.h"
#include "common/i18n.h"
#include "core/plan.h"
#include "plan/plan-migrate.h"

int
cli_plan_migrate_read(struct app_options *g, struct plan *p, bool lb_given,
    bool tls_given, bool purpose_given)
{
	struct session		 s;
	struct arm_compute	 c;
	struct plan_legacy	 l;
	struct err		 err;
	bool			 found = false;
	int			 status;

	err_clear(&err);
	memset(&c, 0, sizeof c);
	if (!session_open(&s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	snprintf(p->scope.subscription, sizeof p->scope.subscription, "%s",
	    s.subscription);
	snprintf(p->scope.resource_group, sizeof p->scope.resource_group,
	    "%s", s.resource_group);
	snprintf(p->scope.workspace, sizeof p->scope.workspace, "%s",
	    s.workspace);
	if ((status = cli_get_compute(&s, p->name, &c, &found)) != EXIT_OK)
		goto out;
	if (!found) {
		cli_error(_("workspace %s has no compute named \"%s\""),
		    s.workspace, p->name);
		status = EXIT_USAGE;
		goto out;
	}
	memset(&l, 0, sizeof l);
	l.compute_type = c.compute_type;
	l.resource_id = c.resource_id;
	l.lb_type = c.lb_type;
	l.ssl_status = c.ssl_status;
	l.ssl_cname = c.ssl_cname;
	l.ssl_leaf_label = c.ssl_leaf_label;
	l.purpose = c.cluster_purpose;
	if (!plan_migrate_from_legacy(p, &l, lb_given, tls_given,
	    purpose_given, &err)) {
		cli_error("%s", err.msg);
		status = EXIT_USAGE;
	}
out:
	arm_compute_done(&c);
	session_close(&s);
	return status;
}
