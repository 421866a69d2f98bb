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

/* The new compute's name: new_name, or the legacy name's default. */
void	plan_migrate_new_name(const struct plan *, char *, size_t);
/* The new compute's ARM ID (caller frees). */
char	*plan_migrate_compute_id(const struct plan *);

/* The legacy compute as ARM has it (NULL or "": not given). */
struct plan_legacy {
	const char	*compute_type;	/* "AKS" */
	const char	*resource_id;	/* its AKS cluster */
	const char	*lb_type;	/* loadBalancerType */
	const char	*ssl_status;	/* Disabled, Enabled, Auto */
	const char	*ssl_cname;
	const char	*ssl_leaf_label;
	const char	*purpose;	/* clusterPurpose */
};

/*
 * Fill a migration plan from the legacy compute: its cluster (cluster_id,
 * and cluster.name and cluster.resourceGroup from it), and, unless the
 * user chose them (lb_given, tls_given, purpose_given), its load
 * balancer type, TLS (Disabled; Enabled with its CNAME, the certificate
 * and key files still to give; Auto: a Microsoft certificate, which
 * rules_migrate() refuses) and purpose.  False + err when it is not a
 * legacy AKS compute on an AKS cluster.
 */
bool	plan_migrate_from_legacy(struct plan *, const struct plan_legacy *,
	    bool lb_given, bool tls_given, bool purpose_given, struct err *);

#endif
