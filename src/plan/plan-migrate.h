/*
 * A migration from a legacy AKS compute to today's path (PLAN_MIGRATE,
 * kubernetes-path.md D.4): one plan of five steps on the legacy
 * compute's cluster, in the order that keeps scoring working: annotate
 * the old azureml-fe, install the extension with
 * scoringFe.enableUpgrade=true, [create the namespace], attach the
 * cluster as a Kubernetes compute of its own name, detach the legacy
 * compute (the cluster is kept).
 */
#ifndef AKSWIZ_PLAN_PLAN_MIGRATE_H
#define AKSWIZ_PLAN_PLAN_MIGRATE_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "core/plan.h"

struct json_object;

/* The new compute's name: new_name, or the legacy name's default. */
void	plan_migrate_new_name(const struct plan *, char *, size_t);
/* The new compute's ARM ID (caller frees). */
char	*plan_migrate_compute_id(const struct plan *);

/*
 * Fill a migration plan from the legacy compute as ARM answers it
 * (compute: the GET's document): its cluster (properties.resourceId;
 * cluster.name and cluster.resourceGroup from it), and, unless the user
 * chose them (lb_given, tls_given), its load balancer and TLS: type and
 * subnet, Disabled / Enabled with its CNAME / Auto (a Microsoft
 * certificate, which rules_migrate() refuses).  False + err when it is
 * not a legacy AKS compute on an AKS cluster.
 */
bool	plan_migrate_from_compute(struct plan *, struct json_object *compute,
	    bool lb_given, bool tls_given, struct err *);

#endif
