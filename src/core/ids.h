/* ARM resource IDs of AKS clusters, parsed with a precise error per shape. */
#ifndef AKSWIZ_CORE_IDS_H
#define AKSWIZ_CORE_IDS_H

#include <stdbool.h>

#include "core/plan.h"
#include "core/verdict.h"

struct aks_id {
	char	subscription[PLAN_ID_LEN];
	char	resource_group[PLAN_NAME_LEN];
	char	name[PLAN_NAME_LEN];
};

/*
 * Parse /subscriptions/{id}/resourceGroups/{rg}/providers/
 * Microsoft.ContainerService/managedClusters/{name}; the keyword segments
 * are case-insensitive.  On failure adds one error verdict on field and
 * returns false.
 */
bool	aks_id_parse(const char *, struct aks_id *, enum plan_field,
	    struct verdicts *);
/* The canonical spelling of an AKS ID (for comparing and sending). */
void	aks_id_format(const struct aks_id *, char *, size_t);
/* Same cluster? Subscription, group and name compared case-insensitively. */
bool	aks_id_equal(const struct aks_id *, const struct aks_id *);
/* The attach rule: the cluster must be in the workspace's subscription. */
void	attach_check_subscription(const struct aks_id *,
	    const char *workspace_subscription, struct verdicts *);
/* Case-insensitive comparison of two ARM IDs, ignoring a trailing "/". */
bool	arm_id_equal(const char *, const char *);
bool	guid_valid(const char *);

#endif
