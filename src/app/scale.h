/*
 * Scaling the AKS node pool under a compute (Kubernetes or legacy AKS):
 * what `akswiz scale` and browse's scale form share, so that both pick
 * the same pool and refuse the same counts.  No network here: the
 * caller reads the cluster (and a Kubernetes compute's extension).
 */
#ifndef AKSWIZ_APP_SCALE_H
#define AKSWIZ_APP_SCALE_H

#include "azure/arm.h"
#include "core/plan.h"
#include "core/rules-k8s.h"
#include "core/verdict.h"

/* The pool to scale: named, else the only one, else the System one; or NULL. */
const struct arm_pool *scale_pick_pool(const struct arm_cluster *,
	    const char *name);
/*
 * The purpose of the compute's cluster: a legacy AKS compute's own
 * (compute_purpose), or the clusterPurpose of the Azure ML extension x
 * (Kubernetes; NULL for AKS), whose settings go to set.
 */
void	scale_purpose(const char *compute_purpose,
	    const struct arm_extension *x, enum purpose *,
	    struct ext_settings *set);
/* The pool into the scale plan: its name, VM size and mode. */
void	scale_plan_pool(struct plan *, const struct arm_pool *);
/*
 * The scale plan p's rules (core's plan_check), and what the extension's
 * health check finds on the cluster once the pool has the plan's count
 * (its inference router's high availability needs 3 nodes).
 */
void	scale_check(const struct plan *p, const struct ext_settings *set,
	    const struct arm_cluster *, const struct arm_pool *,
	    struct verdicts *);

#endif
