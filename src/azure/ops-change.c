/* Preflight's look at the endpoint a change works on (ops-change.h). */
#include "config.h"
#include "azure/ops-change.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "azure/arm-endpoints.h"
#include "common/xalloc.h"
#include "core/rules-deploy.h"
#include "core/vmcatalogue.h"

/*
 * The Kubernetes quantity s (cpu NULL: memory) into *v, or the default
 * instance type's requests when s is not given (deploy.md 1c:
 * defaultinstancetype requests cpu "100m", memory "2Gi").
 */
static void
quantity(const char *s, bool cpu, long *v)
{
	*v = DEPLOY_UNSET;
	if (s == NULL)
		s = cpu ? "100m" : "2Gi";
	(void)(cpu ? k8s_cpu_parse(s, v) : k8s_memory_parse(s, v));
}

/* A deployment's requests; false for an instance type not known here. */
static bool
requests_of(const struct arm_deployment *d, struct deploy_resources *r)
{
	if ((d->cpu_request == NULL || d->memory_request == NULL) &&
	    d->instance_type != NULL &&
	    strcasecmp(d->instance_type, "defaultinstancetype") != 0)
		return false;
	quantity(d->cpu_request, true, &r->cpu_m);
	quantity(d->memory_request, false, &r->memory_mib);
	r->gpu = d->gpu_request != NULL ? strtol(d->gpu_request, NULL, 10) :
	    DEPLOY_UNSET;
	return true;
}

/* What an existing deployment holds: its count, or autoscale's minimum. */
static long
instances_of(const struct arm_deployment *d)
{
	long	n = d->instance_count > 0 ? d->instance_count : 1;

	if (d->scale_type != NULL &&
	    strcasecmp(d->scale_type, "TargetUtilization") == 0 &&
	    d->min_instances > n)
		n = d->min_instances;
	return n;
}

bool
ops_change_placed(const struct arm_deployment *d, struct deploy_placed *pl)
{
	if (!requests_of(d, &pl->req))
		return false;
	pl->instances = instances_of(d);
	return true;
}

/* The other deployments of endpoint e (on the compute) into placed. */
static void
place_endpoint(struct ops *o, const struct plan *p, const char *e,
    struct deploy_placed **placed, size_t *n, struct err *err)
{
	struct arm_deployment_list	 dl = { 0 };
	size_t				 i;

	if (!arm_list_deployments(o->arm, p->scope.subscription,
	    p->scope.resource_group, p->scope.workspace, e, &dl, err))
		return;
	*placed = xreallocarray(*placed, *n + dl.n + 1, sizeof **placed);
	for (i = 0; i < dl.n; i++) {
		if ((strcasecmp(e, p->endpoint_name) == 0 && dl.v[i].name !=
		    NULL && strcasecmp(dl.v[i].name, p->deployment.name) ==
		    0) || (dl.v[i].provisioning_state != NULL &&
		    strcasecmp(dl.v[i].provisioning_state, "Failed") == 0) ||
		    !ops_change_placed(&dl.v[i], &(*placed)[*n]))
			continue;
		(*n)++;
	}
	arm_deployment_list_free(&dl);
}

/*
 * update-deployment: the cluster's nodes, the deployment's requests and
 * the other deployments on the compute into f (fit_known when all could
 * be told; a failure leaves the rule out rather than the change).
 */
static void
fit_facts(struct ops *o, const struct plan *p, struct change_facts *f)
{
	struct arm_compute		 c = { 0 };
	struct arm_cluster		 cl = { 0 };
	struct arm_deployment		 d = { 0 };
	struct arm_endpoint_list	 el = { 0 };
	struct deploy_placed		*placed = NULL;
	struct err			 err;
	const char			*sub = p->scope.subscription;
	const char			*rg = p->scope.resource_group;
	const char			*ws = p->scope.workspace;
	bool				 found = false;
	size_t				 i, n = 0;

	err_clear(&err);
	if (!arm_get_deployment(o->arm, sub, rg, ws, p->endpoint_name,
	    p->deployment.name, &d, &found, &err) || !found ||
	    !requests_of(&d, &f->requests) ||
	    !arm_get_compute(o->arm, sub, rg, ws, p->name, &c, &found,
	    &err) || !found || c.resource_id == NULL ||
	    !arm_get_cluster(o->arm, c.resource_id, &cl, &err) ||
	    cl.npools == 0 || cl.pools[0].vm_size == NULL ||
	    (f->node_size = vm_catalogue_find(cl.pools[0].vm_size)) == NULL ||
	    !arm_list_endpoints(o->arm, sub, rg, ws, &el, &err))
		goto out;
	for (i = 0; i < cl.npools; i++)
		if (cl.pools[i].vm_size != NULL &&
		    strcasecmp(cl.pools[i].vm_size, cl.pools[0].vm_size) == 0)
			f->nodes += cl.pools[i].count;
	snprintf(f->k8s_version, sizeof f->k8s_version, "%s",
	    cl.version != NULL ? cl.version : "");
	for (i = 0; i < el.n; i++)
		if (el.v[i].name != NULL && el.v[i].compute_name != NULL &&
		    strcasecmp(el.v[i].compute_name, p->name) == 0)
			place_endpoint(o, p, el.v[i].name, &placed, &n, &err);
	if (err.kind == ERR_NONE) {
		f->fit_known = true;
		f->placed = placed;
		f->nplaced = n;
		placed = NULL;
	}
out:
	free(placed);
	arm_endpoint_list_free(&el);
	arm_deployment_done(&d);
	arm_cluster_done(&cl);
	arm_compute_done(&c);
}

bool
ops_change_facts(struct ops *o, const struct plan *p,
    struct change_facts *f, struct err *err)
{
	struct arm_endpoint		 e = { 0 };
	struct arm_deployment_list	 dl = { 0 };
	const char			*sub = p->scope.subscription;
	const char			*rg = p->scope.resource_group;
	const char			*ws = p->scope.workspace;
	char				**names, bad[64];
	bool				 found = false;
	size_t				 i;

	memset(f, 0, sizeof *f);
	/* A name the rules refuse is not put in a URL. */
	if (!deploy_name_valid(p->endpoint_name))
		return true;
	if (!arm_get_endpoint(o->arm, sub, rg, ws, p->endpoint_name, &e,
	    &found, err))
		return false;
	f->known = true;
	f->endpoint_exists = found;
	if (!found) {
		arm_endpoint_done(&e);
		return true;
	}
	if (e.traffic != NULL)
		(void)change_traffic_parse(e.traffic, &f->traffic, bad,
		    sizeof bad);
	arm_endpoint_done(&e);
	if (!arm_list_deployments(o->arm, sub, rg, ws, p->endpoint_name, &dl,
	    err)) {
		f->known = false;
		return false;
	}
	names = xcalloc(dl.n ? dl.n : 1, sizeof *names);
	for (i = 0; i < dl.n; i++)
		names[i] = xstrdup(dl.v[i].name != NULL ? dl.v[i].name : "");
	f->deployments = (const char *const *)names;
	f->ndeployments = dl.n;
	arm_deployment_list_free(&dl);
	if (p->op == PLAN_UPDATE_DEPLOYMENT &&
	    deploy_name_valid(p->deployment.name) &&
	    (p->deployment.scale.instances != DEPLOY_UNSET ||
	    p->deployment.scale.max_instances != DEPLOY_UNSET))
		fit_facts(o, p, f);
	return true;
}

void
ops_change_facts_done(struct change_facts *f)
{
	size_t	i;

	for (i = 0; i < f->ndeployments; i++)
		free((char *)f->deployments[i]);
	free((void *)f->deployments);
	free((void *)f->placed);
	memset(f, 0, sizeof *f);
}
