/*
 * Changing a deployment once it runs (issue 13, "Change it"): the rules
 * of an endpoint's traffic split, a deployment's update and the deletion
 * of a deployment or an endpoint, as pure functions over what preflight
 * found (struct change_facts).  The traffic, scale and request rules
 * themselves are rules-deploy.h's; these add what only a change of a
 * running endpoint has: the targets must exist, and a deployment that
 * still takes traffic is not deleted (the service would refuse it, after
 * the request: deploy.md 1c, traffic must sum to 100 over the deployments
 * that exist).
 */
#ifndef AKSWIZ_CORE_RULES_CHANGE_H
#define AKSWIZ_CORE_RULES_CHANGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/plan.h"
#include "core/rules-deploy.h"
#include "core/verdict.h"

/* What preflight found of the endpoint (known false: nothing looked up). */
struct change_facts {
	bool			 known;
	bool			 endpoint_exists;
	const char *const	*deployments;	/* the endpoint's, by name */
	size_t			 ndeployments;
	struct deploy_traffic	 traffic;	/* the endpoint's split now */
	/*
	 * update-deployment: the cluster under the compute (fit_known false:
	 * not looked up), the deployment's requests, and the instances of
	 * the other deployments on the compute.
	 */
	bool			 fit_known;
	struct deploy_resources	 requests;
	const struct vm_size	*node_size;
	char			 k8s_version[32];
	int			 nodes;
	const struct deploy_placed *placed;
	size_t			 nplaced;
};

/* The endpoint exists; with deployment non-NULL, so does that deployment. */
void	rules_change_target(const char *endpoint, const char *deployment,
	    const struct change_facts *, struct verdicts *);
/*
 * A new split: rules_deploy_traffic() over the endpoint's deployments
 * (the split replaces the whole map, as az's --traffic does: a
 * deployment it does not name gets 0).
 */
void	rules_change_traffic(const struct deploy_traffic *,
	    const struct change_facts *, struct verdicts *);
/*
 * Deleting deployment: refused while it takes traffic, with the split
 * that frees it (its share to the deployment with the most of the rest,
 * or all 0 when there is none) in the command to run first.
 */
void	rules_change_delete_deployment(const char *endpoint,
	    const char *deployment, const struct change_facts *,
	    struct verdicts *);
/* The share of deployment in t (0 when t does not name it). */
long	change_traffic_of(const struct deploy_traffic *, const char *);
/* t as "a=90 b=10" into buf. */
void	change_traffic_text(const struct deploy_traffic *, char *buf,
	    size_t len);
/* Whether op is a change of a running endpoint (the four plans). */
bool	rules_change_op(enum plan_op);
/*
 * Every rule of such a plan: the endpoint's and the deployment's names,
 * the targets there (f NULL: not known), and the op's own: the split
 * (set-traffic); something to change, scale and request settings, and
 * that the instances fit the cluster's nodes beside the compute's other
 * deployments (update-deployment, rules_deploy_fit_with()); no traffic
 * left (delete-deployment).
 */
void	rules_change_plan(const struct plan *, const struct change_facts *,
	    struct verdicts *);
/*
 * Whether an update changes more than the instance count (autoscale or
 * request settings): then the deployment is PUT, not PATCHed.
 */
bool	change_update_needs_put(const struct plan_deployment *);
/*
 * "a=90 b=10" (or "a=90,b=10") into t; false with the word that is not
 * NAME=PERCENT in bad (of len).
 */
bool	change_traffic_parse(const char *, struct deploy_traffic *,
	    char *bad, size_t len);

#endif
