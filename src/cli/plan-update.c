/*
 * `akswiz plan new update NAME`: the one `plan new` that asks the service,
 * because what an update changes depends on the compute.  A compute of
 * type Kubernetes (today's path) is updated through its AKS cluster's
 * azureml extension: the plan names the cluster (the compute's
 * resourceId), keeps the extension's purpose (clusterPurpose) and, unless
 * the flags say otherwise, its router's service type; the load balancer
 * and TLS are the flags' choices, as on create.  A legacy AKS compute is
 * updated as before (loadBalancerType and sslConfiguration).
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>

#include "app/session.h"
#include "azure/arm.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "core/ids.h"
#include "core/plan.h"
#include "core/rules-k8s.h"

/* The extension's purpose and, when not chosen, its router's type. */
static bool
from_extension(struct session *s, struct plan *p, struct err *err)
{
	struct arm_extension	 x;
	const char		*v;
	bool			 found = false;

	memset(&x, 0, sizeof x);
	if (!arm_get_extension(&s->arm, p->cluster_id, EXT_NAME, &x, &found,
	    err))
		return false;
	if (found && (v = arm_extension_purpose(&x)) != NULL)
		(void)purpose_parse(v, &p->purpose);
	if (found && p->router_service[0] == '\0' &&
	    (v = arm_extension_router(&x)) != NULL)
		snprintf(p->router_service, sizeof p->router_service, "%s", v);
	arm_extension_done(&x);
	return true;
}

int
cli_plan_update_target(struct app_options *g, struct plan *p)
{
	struct session		 s;
	struct arm_compute	 c;
	struct err		 err;
	struct verdicts		 vs;
	struct aks_id		 id;
	int			 status;

	err_clear(&err);
	if ((status = cli_plan_compute(g, p, &s, &c)) != EXIT_OK)
		return status;
	status = EXIT_USAGE;
	if (cli_compute_is(&c, "AKS")) {
		plan_set_type(p, COMPUTE_AKS);
		status = EXIT_OK;
		goto out;
	}
	if (!cli_compute_is(&c, "Kubernetes")) {
		/* TRANSLATORS: the second %s is a compute type:
		 * "AmlCompute". */
		cli_error(_("update: %s is a compute of type %s; only "
		    "Kubernetes and AKS computes have a load balancer and TLS "
		    "to update"), p->name, c.compute_type != NULL ?
		    c.compute_type : "?");
		goto out;
	}
	plan_set_type(p, COMPUTE_KUBERNETES);
	/* The service may spell it "resourcegroups": sent as AKS spells it. */
	verdicts_init(&vs);
	if (!aks_id_parse(c.resource_id, &id, FIELD_CLUSTER_ID, &vs)) {
		output_verdicts(stderr, g->output, &vs);
		goto out;
	}
	aks_id_format(&id, p->cluster_id, sizeof p->cluster_id);
	if (!from_extension(&s, p, &err)) {
		session_report(&err);
		status = session_exit_status(&err);
		goto out;
	}
	status = EXIT_OK;
out:
	arm_compute_done(&c);
	session_close(&s);
	return status;
}
