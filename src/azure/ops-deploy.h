/*
 * A deploy plan's part of the operations (ops.c calls these): the live
 * facts of its preflight, its register steps (azure/assets.h), and the
 * decoding of a deployment that ended Failed into what to change.
 */
#ifndef AKSWIZ_AZURE_OPS_DEPLOY_H
#define AKSWIZ_AZURE_OPS_DEPLOY_H

#include <stdbool.h>

#include "azure/arm.h"
#include "azure/arm-endpoints.h"
#include "azure/lro.h"
#include "azure/ops.h"
#include "core/rules.h"

#define OPS_DEPLOY_PLACED	64

/* What the facts point into (ops_deploy_facts_done() frees it). */
struct ops_deploy_facts {
	struct arm_endpoint	 ep;
	struct arm_cluster	 cluster;
	struct arm_extension	 ext;
	const char		**names;	/* the endpoint's deployments */
	struct arm_deployment_list deps;
	struct deploy_placed	 placed[OPS_DEPLOY_PLACED];
};

/*
 * The facts of a deploy (cl: the workspace's computes; partial: the plan
 * was partly applied, its deployment is its own): the compute's type and
 * state, its cluster's nodes and extension, the endpoint and its
 * deployments, the other deployments on the compute, the model and
 * environment references.  False + err when a request fails.
 */
bool	ops_deploy_facts(struct ops *, const struct plan *,
	    const struct arm_compute_list *cl, bool partial,
	    struct ops_deploy_facts *, struct plan_facts *, struct err *);
void	ops_deploy_facts_done(struct ops_deploy_facts *);

/*
 * The local files a deploy uploads can be read (the model, the code
 * folder with its scoring script in it, the conda file), as apply would
 * read them, relative to the current directory: an error each that
 * cannot.  False when there is one.
 */
bool	ops_deploy_check_files(const struct plan *, struct verdicts *);

/*
 * Run a register step of p (journal entry je): the upload and
 * registration, unless p has the version's ID already; p->registered
 * gets it.  Each file's upload is told to o->progress at every quarter.  st ends Succeeded or
 * Failed (with the error); false + err only when nothing can be told.
 */
bool	ops_deploy_register(struct ops *, struct plan *,
	    const struct plan_step *, const struct journal_entry *,
	    struct lro_state *, struct err *);

/*
 * A deploy that failed at step s (out filled by the step's end): the
 * service's reason decoded into a hint naming what to change, and for a
 * container that crashed the last lines of its log in out->detail.
 */
void	ops_deploy_decode(struct ops *, const struct plan *,
	    const struct plan_step *, struct ops_outcome *);
/* The line of a deploy that succeeded: where its traffic goes. */
void	ops_deploy_succeeded(struct ops *, const struct plan *,
	    struct ops_outcome *);

#endif
