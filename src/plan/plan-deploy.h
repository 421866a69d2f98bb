/*
 * Deploying a model (issue 13; deploy.md 1c, kubernetes-path.md E): the
 * steps of a deploy plan and what they send.  The steps, in order: the
 * local model, the code folder and the image registered as versions
 * (only when the plan names them; azure/assets.h does the uploads, the
 * journaled plan keeps the versions' IDs in p->registered), the endpoint
 * (looked at first: an endpoint the workspace has is deployed into, not
 * written), the Kubernetes online deployment (PUT), and the endpoint's
 * traffic (PATCH).
 */
#ifndef AKSWIZ_PLAN_PLAN_DEPLOY_H
#define AKSWIZ_PLAN_PLAN_DEPLOY_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "core/plan.h"
#include "core/rules-deploy.h"

struct json_object;
enum step_kind;

/* Append the kinds of a deploy's steps to k[n..]; the new count. */
int	 plan_deploy_kinds(const struct plan *, enum step_kind *k, int n);
/* Whether a kind is one of the register steps (no request of its own). */
bool	 plan_deploy_is_register(enum step_kind);
/* The step's target: the workspace's models, codes or environments, or
 * the deployment's ID. */
void	 plan_deploy_target(const struct plan *, enum step_kind, char *,
	    size_t);
/* The workspace's ID, the deployment's ID (caller frees). */
char	*plan_deploy_workspace_id(const struct plan *);
char	*plan_deploy_id(const struct plan *);
/*
 * The ARM IDs the deployment names: a registered reference's, or what a
 * register step made; NULL when it is not known yet (caller frees).
 */
char	*plan_deploy_model_id(const struct plan *);
char	*plan_deploy_environment_id(const struct plan *);
char	*plan_deploy_code_id(const struct plan *);
/*
 * The Kubernetes online deployment's body (OnlineDeploymentTrackedResource,
 * deploy.md 1c); false + err when a version is not registered yet.
 */
bool	 plan_deploy_body(const struct plan *, const char *location,
	    char **body, struct err *);
/*
 * The traffic the deploy gives the endpoint as it is (current, its GET):
 * the plan's traffic, or the endpoint's with the new deployment's share
 * (deploy_plan_new_share()).
 */
void	 plan_deploy_traffic(const struct plan *, struct json_object *current,
	    struct deploy_traffic *);
/* Whether the endpoint's traffic gives a share to another deployment. */
bool	 plan_deploy_routes_others(const struct plan *,
	    struct json_object *current);
/* {"properties": {"traffic": {...}}} for the endpoint's PATCH. */
char	*plan_deploy_traffic_body(const struct plan *,
	    struct json_object *current);
/* The set-traffic step's done-test: the endpoint has that traffic. */
bool	 plan_deploy_traffic_done(const struct plan *,
	    struct json_object *current);
/* "blue=90 green=10" (caller frees). */
char	*plan_deploy_traffic_text(const struct deploy_traffic *);

#endif
