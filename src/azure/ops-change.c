/* Preflight's look at the endpoint a change works on (ops-change.h). */
#include "config.h"
#include "azure/ops-change.h"

#include <stdlib.h>
#include <string.h>

#include "azure/arm-endpoints.h"
#include "common/xalloc.h"
#include "core/rules-deploy.h"

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
	return true;
}

void
ops_change_facts_done(struct change_facts *f)
{
	size_t	i;

	for (i = 0; i < f->ndeployments; i++)
		free((char *)f->deployments[i]);
	free((void *)f->deployments);
	memset(f, 0, sizeof *f);
}
