/*
 * The AKS clusters an inference cluster can be attached to: each one's
 * facts (core's struct cluster_facts, made once from the ARM answer, its
 * attachment in this or another workspace of the subscription included),
 * its attach verdicts, and what the attach step and `akswiz clusters`
 * show of it.  Preflight of an attach plan uses the same facts.
 */
#ifndef AKSWIZ_AZURE_CLUSTERS_H
#define AKSWIZ_AZURE_CLUSTERS_H

#include <stdbool.h>
#include <stddef.h>

#include "azure/arm.h"
#include "common/err.h"
#include "core/plan.h"
#include "core/rules.h"
#include "core/state.h"
#include "core/verdict.h"

struct ops;

/* One cluster of the subscription with its attach verdicts. */
struct cluster_entry {
	struct cluster_facts	 facts;	/* id, name, state, size, attachment */
	enum provisioning_state	 prov;	/* facts.provisioning_state parsed */
	struct verdicts		 verdicts;
	bool			 attachable;	/* no error among the verdicts */
	/* Display: the name (the ID when it has none) and the attachment
	 * as "workspace/compute" ("" when not attached). */
	char			 label[PLAN_TEXT_LEN];
	char			 attached[2 * PLAN_NAME_LEN];
	char			 attached_type[32];	/* its computeType */
};

struct cluster_list {
	struct cluster_entry	*v;
	size_t			 n;
};

/*
 * Every AKS cluster of the workspace's subscription, judged for attaching
 * to the workspace with the purpose (rules_attach_cluster): versions of
 * each region, existing attachments in this and (when the ops ask for it)
 * other workspaces.  False + err when the clusters or the workspace's
 * computes could not be listed.
 */
bool	clusters_list(struct ops *, const struct plan_scope *, enum purpose,
	    struct cluster_list *, struct err *);
void	cluster_list_free(struct cluster_list *);

/* The facts of one cluster from the ARM answer and the VM catalogue. */
void	cluster_facts_from(const struct arm_cluster *, struct cluster_facts *);

/* The computes of the subscription's other workspaces (a few of them). */
struct other_computes {
	struct arm_workspace_list	 ws;
	struct arm_compute_list		*computes;	/* one per ws entry */
	bool				 loaded;
};

/*
 * Fill cf's attachment: the compute of mine (the workspace's computes)
 * that attaches cluster_id, else, when the ops check other workspaces,
 * one of those (listed once into others, best effort; others NULL: for
 * this one look only).
 */
void	cluster_attachment(struct ops *, const struct plan_scope *,
	    const struct arm_compute_list *mine, const char *cluster_id,
	    struct other_computes *others, struct cluster_facts *cf);
void	other_computes_free(struct other_computes *);

/* A region's versions as core's offers (strings borrowed from l). */
struct k8s_offer *cluster_offers_from(const struct arm_k8s_version_list *);

#endif
