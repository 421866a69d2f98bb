/*
 * The Azure Resource Manager requests that perform a plan (azure-api.md
 * section 1.3): the one place that knows their shape.  `akswiz plan export
 * --as arm` prints them with placeholders for what is not known offline;
 * the backend calls the same functions with the real location and the
 * certificate's and key's PEM text when it submits.
 *
 * On attach, an internal load balancer cannot be part of the attach
 * request (DESIGN.md): it is a second step, an update of the attached
 * compute, like an `update` plan.  An update is "GET the compute, change
 * these properties, PUT it back": plan_arm_update_body() gives only the
 * properties to change, and the caller merges them into what it got.
 */
#ifndef AKSWIZ_PLAN_PLAN_ARM_H
#define AKSWIZ_PLAN_PLAN_ARM_H

#include <stdbool.h>

#include "core/plan.h"

#define PLAN_ARM_API_VERSION	"2024-04-01"

struct plan_arm_opts {
	/* The location when the plan has none; NULL: a placeholder. */
	const char	*location;
	/* PEM text of the custom certificate and key; NULL: placeholders. */
	const char	*cert_pem;
	const char	*key_pem;
};

/* "PUT" for create, attach and update; "DELETE" for detach. */
const char	*plan_arm_method(const struct plan *);
/*
 * The compute's path and query, from /subscriptions/ to the api-version
 * (and underlyingResourceAction for a detach); scope members that are not
 * set appear as placeholders such as {subscriptionId}.  Caller frees.
 */
char		*plan_arm_path(const struct plan *);
/*
 * The body of the main request: the whole compute for create and attach
 * (without the internal load balancer on attach), the properties to change
 * for update, NULL for detach.  It holds the private key when
 * opts->key_pem is given: free it with plan_jw_free_secret().
 */
char		*plan_arm_body(const struct plan *, const struct plan_arm_opts *);
/* True when an attach needs the load-balancer update as a second step. */
bool		 plan_arm_needs_update(const struct plan *);
/*
 * The properties an update changes (load balancer and TLS):
 * {"properties": {"computeType": "AKS", "properties": {...}}}.  Free it
 * with plan_jw_free_secret().
 */
char		*plan_arm_update_body(const struct plan *,
		    const struct plan_arm_opts *);
struct buf;
/* Append a path segment, percent-encoded, or placeholder when v is "". */
void		 plan_arm_segment(struct buf *, const char *v,
		    const char *placeholder);
/* The ARM ID of the subnet named by the plan's network, or "" if none. */
void		 plan_arm_subnet_id(const struct plan *, char *, size_t);

#endif
