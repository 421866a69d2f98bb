/* The online endpoint of a create-endpoint plan (plan-endpoint.h). */
#include "config.h"
#include "plan/plan-endpoint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "core/rules-deploy.h"
#include "plan/plan-jw.h"
#include "plan/plan-k8s.h"

char *
plan_endpoint_id(const struct plan *p)
{
	char	*compute = plan_k8s_compute_id(p), *slash, *id;
	size_t	 n;

	/* .../workspaces/W/computes/C -> .../workspaces/W/onlineEndpoints/E */
	if ((slash = strstr(compute, "/computes/")) != NULL)
		*slash = '\0';
	n = strlen(compute) + strlen(p->endpoint_name) +
	    sizeof "/onlineEndpoints/";
	id = xmalloc(n);
	snprintf(id, n, "%s/onlineEndpoints/%s", compute, p->endpoint_name);
	free(compute);
	return id;
}

char *
plan_endpoint_body(const struct plan *p, const char *location)
{
	struct plan_jw	 w;
	enum deploy_auth a = DEPLOY_AUTH_KEY;
	char		*compute = plan_k8s_compute_id(p);

	(void)deploy_auth_parse(p->auth_mode, &a);
	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_str(&w, "location", p->location[0] != '\0' ? p->location :
	    location != NULL ? location : "{workspaceLocation}");
	plan_jw_begin(&w, "identity");
	plan_jw_str(&w, "type", "SystemAssigned");
	plan_jw_end(&w);
	plan_jw_begin(&w, "properties");
	plan_jw_str(&w, "authMode", deploy_auth_rest(a));
	plan_jw_str(&w, "compute", compute);
	if (p->description[0] != '\0')
		plan_jw_str(&w, "description", p->description);
	plan_jw_end(&w);
	plan_jw_end(&w);
	free(compute);
	return plan_jw_take(&w);
}
