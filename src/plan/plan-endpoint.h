/*
 * Deploying (issue 13, deploy.md 1c): the online endpoint a
 * create-endpoint plan makes on its Kubernetes compute (p->name): its
 * resource ID and its request body (OnlineEndpointTrackedResource).
 */
#ifndef AKSWIZ_PLAN_PLAN_ENDPOINT_H
#define AKSWIZ_PLAN_PLAN_ENDPOINT_H

#include "core/plan.h"

/* A GA api-version with Kubernetes endpoints (the compute's as well). */
#define PLAN_ENDPOINT_API_VERSION	"2024-10-01"

/* The endpoint's resource ID (caller frees). */
char	*plan_endpoint_id(const struct plan *);
/*
 * {"location", "identity": SystemAssigned, "properties": {"authMode",
 * "compute", "description"}} (caller frees); location: the workspace's
 * when the plan names none.
 */
char	*plan_endpoint_body(const struct plan *, const char *location);

#endif
