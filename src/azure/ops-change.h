/*
 * Changing a running deployment (plan/plan-change.h): what preflight
 * looks up for update-deployment, set-traffic, delete-deployment and
 * delete-endpoint before the rules run (core/rules-change.h): whether
 * the endpoint is there, its deployments and its traffic split now.
 */
#ifndef AKSWIZ_AZURE_OPS_CHANGE_H
#define AKSWIZ_AZURE_OPS_CHANGE_H

#include <stdbool.h>

#include "azure/arm-endpoints.h"
#include "azure/ops.h"
#include "common/err.h"
#include "core/plan.h"
#include "core/rules-change.h"

/*
 * The endpoint p->endpoint_name of the plan's workspace into f (its
 * strings owned by f: free with ops_change_facts_done()); false + err
 * when it cannot be told.
 */
bool	ops_change_facts(struct ops *, const struct plan *,
	    struct change_facts *, struct err *);
void	ops_change_facts_done(struct change_facts *);
/*
 * The room a deployment holds on its compute's nodes, as preflight
 * counts it (its requests, the service's defaults where none; its
 * instances, or autoscale's minimum); false for an instance type whose
 * requests are not known here.
 */
bool	ops_change_placed(const struct arm_deployment *,
	    struct deploy_placed *);

#endif
