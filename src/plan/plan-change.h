/*
 * Changing a deployment once it runs (issue 13, "Change it"; deploy.md
 * 1c): the resources and request bodies of the plans update-deployment,
 * set-traffic, delete-deployment and delete-endpoint.  The endpoint is
 * p->endpoint_name on the workspace of p->scope (p->name, the Kubernetes
 * compute it is on, is what locks and `akswiz watch` name); the
 * deployment p->deployment.name.
 */
#ifndef AKSWIZ_PLAN_PLAN_CHANGE_H
#define AKSWIZ_PLAN_PLAN_CHANGE_H

#include <stdbool.h>

#include "core/plan.h"
#include "plan/plan-export.h"

struct json_object;

/*
 * What the outcome names: the deployment (update-deployment,
 * delete-deployment) or the endpoint (set-traffic, delete-endpoint).
 */
const char *plan_change_subject(const struct plan *);
/* The deployment's resource ID (caller frees). */
char	*plan_change_deployment_id(const struct plan *);
/*
 * Whether the update changes more than the instance count (autoscale or
 * request settings): then the deployment is PUT as it is, changed;
 * otherwise its sku PATCHed (OnlineDeployments_Update takes sku and tags
 * only: PartialMinimalTrackedResourceWithSku).
 */
bool	plan_change_needs_put(const struct plan *);
/* {"sku": {"name": "Default", "capacity": N}} (caller frees). */
char	*plan_change_scale_body(const struct plan *);
/*
 * The fetched deployment (changed in place and returned) without its
 * read-only members, with the plan's instance count, scale settings and
 * request settings.
 */
struct json_object *plan_change_deployment_merge(struct json_object *current,
	    const struct plan *);
/* Whether the fetched deployment shows what the update sets. */
bool	plan_change_deployment_done(const struct plan *,
	    struct json_object *current);
/* {"properties": {"traffic": {...}}}: the plan's split (caller frees). */
char	*plan_change_traffic_body(const struct plan *);
/* Whether the fetched endpoint's traffic is the plan's split. */
bool	plan_change_traffic_done(const struct plan *,
	    struct json_object *current);
/*
 * The plan as az ml commands, azure-ai-ml Python, or its ARM request
 * (plan-export.h's kinds), added to b.
 */
struct buf;
void	plan_change_export(struct buf *, const struct plan *,
	    enum plan_export_kind);

#endif
