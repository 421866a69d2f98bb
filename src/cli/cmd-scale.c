/*
 * akswiz scale NAME --agent-count N [--nodepool-name P] [--yes]
 * [--no-wait]: change the node count of the AKS node pool under a compute
 * of type Kubernetes or AKS (a legacy compute's cluster is an AKS cluster
 * too).  The pool is P, else the cluster's only pool, else its System
 * pool; a pool with the cluster autoscaler on is refused, as the
 * autoscaler sets the count itself.  The purpose's rules (production: 3
 * nodes, 12 vCPU) are checked by the preflight with the pool's VM size,
 * the purpose read from the compute (AKS) or the Azure ML extension's
 * clusterPurpose (Kubernetes).  One step (plan-steps.h STEP_SCALE_POOL):
 * the pool fetched, its count changed, PUT back; journaled and resumable
 * by `akswiz watch`.  It asks on a terminal unless --yes, and refuses
 * without one and without --yes.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/scale.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "core/plan.h"
#include "core/rules.h"
#include "core/rules-k8s.h"

/*
 * The purpose of the compute's cluster and, for a Kubernetes compute, the
 * settings of its Azure ML extension (app/scale.c reads them).
 */
static bool
purpose_of(struct session *s, const struct arm_compute *c,
    enum purpose *purpose, struct ext_settings *set, struct err *err)
{
	struct arm_extension	 x;
	bool			 found;

	if (strcasecmp(c->compute_type, "AKS") == 0) {
		scale_purpose(c->cluster_purpose, NULL, purpose, set);
		return true;
	}
	memset(&x, 0, sizeof x);
	if (!arm_get_extension(&s->arm, c->resource_id, NULL, &x, &found,
	    err))
		return false;
	scale_purpose(NULL, found ? &x : NULL, purpose, set);
	arm_extension_done(&x);
	return true;
}

/*
 * The plan's rules, and what the extension's health check finds on the
 * cluster once the pool has the plan's count (its inference router's high
 * availability needs 3 nodes): refused as the preflight refuses, with
 * EXIT_PREFLIGHT; else EXIT_OK.
 */
static int
check_extension(const struct app_options *g, const struct plan *p,
    const struct ext_settings *set, const struct arm_cluster *cl,
    const struct arm_pool *pool)
{
	struct verdicts	vs;

	verdicts_init(&vs);
	scale_check(p, set, cl, pool, &vs);
	if (!verdicts_has_errors(&vs))
		return EXIT_OK;
	if (g->output == OUTPUT_JSON) {
		fputs("{\"result\": \"refused\", \"verdicts\": ", stdout);
		output_verdicts(stdout, OUTPUT_JSON, &vs);
		fputs("}\n", stdout);
	} else {
		cli_error(_("preflight refused the plan:"));
		output_verdicts(stderr, g->output, &vs);
	}
	return EXIT_PREFLIGHT;
}

/* Ask on the terminal; true only for an answer starting with y. */
static bool
confirm(const char *pool, const char *cluster, int from, int to)
{
	/* TRANSLATORS: "Scale node pool nodepool1 of AKS cluster aks-1 from 3
	 * to 5 nodes? [y/N] " */
	fprintf(stderr, _("Scale node pool %s of AKS cluster %s from %d to %d "
	    "nodes? [y/N] "), pool, cluster, from, to);
	return cli_answer_yes();
}

/* Build the scale plan of compute name in p; an exit status, EXIT_OK to go
 * ahead (*same: the pool has that count already, nothing to do). */
static int
scale_plan(const struct app_options *g, struct session *s, const char *name,
    const char *pool_name, int count, bool yes, struct plan *p, bool *same)
{
	struct arm_compute	 c;
	struct arm_cluster	 cl;
	struct ext_settings	 set;
	const struct arm_pool	*pool;
	struct err		 err;
	bool			 found;
	int			 status = EXIT_PREFLIGHT;

	*same = false;
	memset(&cl, 0, sizeof cl);
	if ((status = cli_get_compute(s, name, &c, &found)) != EXIT_OK)
		goto out;
	status = EXIT_PREFLIGHT;
	if (!found) {
		cli_error(_("workspace %s has no compute named \"%s\""),
		    s->workspace, name);
		goto out;
	}
	if (!cli_compute_is(&c, "Kubernetes") && !cli_compute_is(&c, "AKS")) {
		/* TRANSLATORS: the second %s is a compute type:
		 * "AmlCompute". */
		cli_error(_("scale: %s is a compute of type %s, without an AKS "
		    "node pool; only Kubernetes and AKS computes can be "
		    "scaled"), name, c.compute_type != NULL ? c.compute_type :
		    "?");
		goto out;
	}
	err_clear(&err);
	if (!arm_get_cluster(&s->arm, c.resource_id, &cl, &err) ||
	    !purpose_of(s, &c, &p->purpose, &set, &err)) {
		session_report(&err);
		status = session_exit_status(&err);
		goto out;
	}
	if ((pool = scale_pick_pool(&cl, pool_name)) == NULL) {
		if (pool_name != NULL)
			/* TRANSLATORS: "AKS cluster aks-1 has no node pool
			 * named "pool2"". */
			cli_error(_("AKS cluster %s has no node pool named "
			    "\"%s\""), cl.name, pool_name);
		else
			/* TRANSLATORS: System is AKS's pool mode; the flag
			 * is not translated. */
			cli_error(_("AKS cluster %s has several node pools "
			    "and none in System mode: name one with "
			    "--nodepool-name"), cl.name);
		goto out;
	}
	if (pool->autoscale) {
		/* TRANSLATORS: "nodepool1 of AKS cluster aks-1 ... (1 to 5
		 * nodes)". */
		cli_error(_("scale: node pool %s of AKS cluster %s has the "
		    "cluster autoscaler on (%d to %d nodes), which sets its "
		    "node count itself; turn the autoscaler off first, or "
		    "change its range in AKS"), pool->name, cl.name,
		    pool->min_count, pool->max_count);
		goto out;
	}
	snprintf(p->scope.subscription, sizeof p->scope.subscription, "%s",
	    s->subscription);
	snprintf(p->scope.resource_group, sizeof p->scope.resource_group,
	    "%s", s->resource_group);
	snprintf(p->scope.workspace, sizeof p->scope.workspace, "%s",
	    s->workspace);
	snprintf(p->name, sizeof p->name, "%s", name);
	snprintf(p->cluster_id, sizeof p->cluster_id, "%s", c.resource_id);
	scale_plan_pool(p, pool);
	p->node_count = count;
	p->node_count_given = true;
	*same = pool->count == count;
	if (!*same && check_extension(g, p, &set, &cl, pool) != EXIT_OK)
		goto out;
	if (*same)
		/* TRANSLATORS: "Node pool nodepool1 of AKS cluster aks-1
		 * has 3 nodes already; ...". */
		printf(count == 1 ?
		    /* TRANSLATORS: the same, for one node. */
		    _("Node pool %s of AKS cluster %s has %d node already; "
		    "nothing to do.\n") :
		    _("Node pool %s of AKS cluster %s has %d nodes already; "
		    "nothing to do.\n"), pool->name, cl.name, count);
	else if (!yes && !confirm(pool->name, cl.name, pool->count,
	    count)) {
		/* TRANSLATORS: after a question answered no. */
		fprintf(stderr, _("akswiz: nothing was scaled.\n"));
		status = EXIT_FAILED;
		goto out;
	}
	status = EXIT_OK;
out:
	arm_cluster_done(&cl);
	arm_compute_done(&c);
	return status;
}

/* scale's own options: --agent-count, --nodepool-name. */
struct scale_opts {
	const char	*count, *pool;
};

static int
scale_take(void *ctx, int argc, char **argv, int *i)
{
	struct scale_opts	*o = ctx;
	int			 r;

	if ((r = session_opt_value(argc, argv, i, "agent-count", 0,
	    &o->count)) != 0)
		return r;
	return session_opt_value(argc, argv, i, "nodepool-name", 0, &o->pool);
}

/* akswiz scale NAME --agent-count N [--nodepool-name P] [--yes]. */
int
cmd_scale(struct app_options *g, int argc, char **argv)
{
	struct session		 s;
	struct plan		 p;
	struct cli_change	 c;
	struct scale_opts	 o = { NULL, NULL };
	char			*end = NULL;
	long			 count = 0;
	bool			 same;
	int			 status;

	if ((status = cli_change_args("scale", argc, argv, scale_take, &o,
	    &c)) != EXIT_OK)
		return status;
	if (o.count != NULL)
		count = strtol(o.count, &end, 10);
	if (c.name == NULL || o.count == NULL || *o.count == '\0' ||
	    *end != '\0' || count < 0 || count > 100000) {
		/* TRANSLATORS: command syntax, not translated but for NAME,
		 * N and P. */
		cli_error(_("usage: akswiz scale NAME --agent-count N "
		    "[--nodepool-name P] [--yes]"));
		return EXIT_USAGE;
	}
	if ((status = cli_change_open(g, "scale", c.yes, &s)) != EXIT_OK)
		return status;
	plan_init(&p, PLAN_SCALE);
	status = scale_plan(g, &s, c.name, o.pool, (int)count, c.yes, &p,
	    &same);
	if (status == EXIT_OK && !same)
		status = session_ops_apply(g, &s, &p, c.wait);
	session_close(&s);
	return status;
}
