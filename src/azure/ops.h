/*
 * Performing a plan against Azure: preflight (core's rules with the live
 * facts), submit, monitor, resume.  A plan is a list of typed steps
 * (plan/plan-steps.h), each one request to one resource and its own
 * long-running operation (an attach with an internal load balancer is
 * "attach", then "update"); every step is journaled before its first poll
 * and after every state change (azure/journal.h), so that `akswiz watch`
 * can resume after a crash or a lost connection, at the step in progress:
 * a finished step is never sent again, and a step without an answer is
 * looked at before it is sent.
 *
 * A create or attach whose answer was lost is never sent again blindly:
 * the compute is looked up first, and a compute that now exists means the
 * request took effect.
 */
#ifndef AKSWIZ_AZURE_OPS_H
#define AKSWIZ_AZURE_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "azure/journal.h"
#include "common/err.h"
#include "core/plan.h"
#include "core/verdict.h"
#include "plan/plan-steps.h"

struct arm;
struct arm_usage;
struct http_config;
struct journal_entry;
struct quota_facts;

/* What the progress screen (or the CLI) is told after each poll. */
struct ops_progress {
	const char	*compute;
	int		 step, nsteps;
	enum step_kind	 kind;		/* of the step */
	const char	*step_name;	/* step_kind_name(): "create" ... */
	const char	*state;		/* "Creating", "InProgress" ... */
	bool		 changed;	/* state differs from the last call */
	uint64_t	 elapsed_ms;	/* since the step started */
	int		 polls;
	const char	*journal;	/* the journal file */
};

typedef void (*ops_progress_fn)(void *ctx, const struct ops_progress *);

struct ops {
	struct arm	*arm;		/* (borrowed) */
	enum cloud	 cloud;
	uint64_t	 min_poll_ms;	/* 0: LRO_MIN_INTERVAL_MS */
	uint64_t	 default_poll_ms; /* without Retry-After; 0: 30 s */
	int		 max_poll_errors;	/* 0: 20 transport failures */
	ops_progress_fn	 progress;
	void		*progress_ctx;
	bool		 check_other_workspaces; /* attached elsewhere? */
	/* Today's path: register the resource providers it needs. */
	bool		 register_providers;
	/*
	 * The compute's lock, taken by ops_preflight() (kept when the plan
	 * may go ahead) or ops_apply(), released when ops_apply() ends.
	 */
	struct journal_lock lock;
	/* Set by ops_preflight(): the plan was partly applied before and
	 * only its steps from resume_step on are sent (0: all of them). */
	int		 resume_step;
	char		 resume_journal[1024];
	/*
	 * The client settings (debug log, user agent) of the steps that
	 * speak a cluster's Kubernetes API; NULL: the ARM client's debug
	 * log and read-only setting.
	 */
	const struct http_config *kube_http;
	/* clusters_list() judges for an attach as compute type Kubernetes. */
	bool		 attach_k8s;
};

enum ops_result {
	OPS_SUCCEEDED,
	OPS_SUBMITTED,		/* --no-wait: accepted, journaled */
	OPS_FAILED,		/* the service ran it and it failed */
	OPS_CANCELED,
	OPS_ERROR,		/* no verdict: network or service trouble */
	OPS_PARTIAL		/* a later step failed, earlier ones worked */
};

struct ops_outcome {
	enum ops_result	 result;
	char		 state[48];	/* last state seen */
	char		 code[64];	/* service error code */
	char		 line[512];	/* one readable line, translated */
	char		 detail[1024];	/* the service's details */
	char		 hint[512];	/* what to do, translated; or "" */
	char		 journal[1024];	/* the journal file */
	char		 compute_id[1024];
	uint64_t	 elapsed_ms;
	int		 failed_step;	/* 1-based; 0 if none failed */
	int		 nsteps;
};

void	ops_init(struct ops *, struct arm *);
/* Release what ops_preflight() kept (the compute's lock) if not applied. */
void	ops_done(struct ops *);

/*
 * Preflight: plan_check() with what Azure says (workspace, computes, sizes,
 * quota, cluster, versions, attachments).  Verdicts go to vs; false + err
 * only when the facts could not be fetched, or (ERR_BUSY) when another
 * akswiz holds the compute's lock.  A plan the journal has as partly
 * applied, whose compute is there, is checked for its remaining steps
 * (resume_step).
 */
bool	ops_preflight(struct ops *, const struct plan *, struct verdicts *,
	    struct err *);

/*
 * Submit the plan's steps.  With wait, monitor each to its end; without,
 * return OPS_SUBMITTED once the first step is accepted and journaled.
 * False + err when nothing could be submitted (network, sign-in, or
 * ERR_BUSY: the compute's lock is held); a submitted operation that fails
 * is true with OPS_FAILED, or OPS_PARTIAL when a step after the first
 * failed (journaled as partly applied).  A partly applied plan is
 * finished: only the steps from the failed one on are sent, in its
 * journal entry.
 */
bool	ops_apply(struct ops *, const struct plan *, bool wait,
	    struct ops_outcome *, struct err *);
/* Resume a journaled open operation to its end (`akswiz watch`); false +
 * ERR_BUSY when another akswiz holds the compute's lock. */
bool	ops_resume(struct ops *, struct journal_entry *,
	    struct ops_outcome *, struct err *);

/*
 * The hint for a failure, from its code and message: quota (how many more
 * vCPU), Kubernetes version (the supported range), policy (an internal
 * load balancer), production size (nodes and vCPU).  "" if none known.
 */
void	ops_hint(const char *code, const char *message, const char *detail,
	    char *buf, size_t len);
/* A usage line (or NULL: unknown) as the quota facts the rules take. */
void	ops_quota_facts(const struct arm_usage *, struct quota_facts *);
/* "ops_result" names for machine output: "succeeded" ... */
const char *ops_result_name(enum ops_result);

#endif
