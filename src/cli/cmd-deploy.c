/*
 * akswiz plan new deploy: the plan of a model deployed to a Kubernetes
 * compute as an online deployment (issue 13), from the flags of "az ml
 * online-endpoint create" and "az ml online-deployment create" (and
 * v1's --cpu-cores/--memory-gb vocabulary kept as --cpu/--memory-gb).
 *
 * Deliberate choices: the plan is built offline, as create's is; what
 * needs the workspace (the compute is Kubernetes, not a legacy AKS one,
 * the endpoint and deployment names free, the fit on the cluster's nodes,
 * the references registered) is apply's preflight, before anything is
 * sent.  --cpu and --memory-gb become Kubernetes quantities ("0.5",
 * "1.5Gi"); the limits default to nothing (the instance type's).
 */
#include "config.h"
#include "cli/cmd.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/i18n.h"
#include "core/plan.h"
#include "core/rules-change.h"
#include "core/rules-deploy.h"

static void
usage_deploy(FILE *fp)
{
	/* TRANSLATORS: keep the command and the flag names. */
	fputs(_("Usage: akswiz plan new deploy --compute NAME --endpoint-name E "
	    "--deployment-name D\n"
	    "    --model PATH|NAME:VERSION [--code-path DIR | --code "
	    "NAME:VERSION\n"
	    "    --scoring-script FILE]\n"
	    "    --environment NAME:VERSION | --image IMAGE [--conda-file F] "
	    "[FLAGS] [-f FILE]\n"
	    "The plan of a model deployed to the Kubernetes compute NAME as "
	    "the online\ndeployment D of endpoint E (made when the workspace "
	    "does not have it); printed,\nor written to FILE. The verdicts "
	    "of the rules go to standard error.\n\n"
	    "  --auth-mode M                  key (default) or aml_token, for "
	    "a new endpoint\n"
	    "  --instance-type T              default: the compute's\n"
	    "  --cpu N, --memory-gb N, --gpu N  each instance's requests\n"
	    "  --cpu-limit N, --memory-limit-gb N  and limits\n"
	    "  --instance-count N             a fixed count (default 1), or\n"
	    "  --min-instances N --max-instances N --target-utilization P\n"
	    "                                 autoscale\n"
	    "  --request-timeout-ms N, --max-concurrent-requests N, "
	    "--max-queue-wait-ms N\n"
	    "  --liveness-initial-delay S, --liveness-period S, "
	    "--liveness-timeout S,\n"
	    "  --liveness-success-threshold N, --liveness-failure-threshold N\n"
	    "                                 the liveness probe (seconds); "
	    "and the same\n"
	    "                                 --readiness-* for the readiness "
	    "probe\n"
	    "  --traffic D=P ...              the endpoint's traffic after it "
	    "(default: 100 to D\n"
	    "                                 on a new endpoint, 0 on one "
	    "with other deployments)\n"
	    "  --app-insights                 logs and metrics to "
	    "Application Insights\n"
	    "  --description TEXT             a new endpoint's "
	    "description\n"), fp);
}

enum dflag_kind {
	D_STR,			/* copied */
	D_CPU,			/* a number of CPUs: a quantity */
	D_GB,			/* a number of GB: "NGi" */
	D_COUNT,		/* a whole number */
	D_TRAFFIC,		/* D=P ... */
	D_FLAG			/* no value */
};

static const struct dflag {
	const char	*name;
	enum dflag_kind	 kind;
} dflags[] = {
	{ "--compute", D_STR }, { "--endpoint-name", D_STR },
	{ "--deployment-name", D_STR }, { "--model", D_STR },
	{ "--code-path", D_STR }, { "--code", D_STR },
	{ "--scoring-script", D_STR },
	{ "--environment", D_STR }, { "--image", D_STR },
	{ "--conda-file", D_STR }, { "--instance-type", D_STR },
	{ "--auth-mode", D_STR }, { "--description", D_STR },
	{ "--cpu", D_CPU }, { "--cpu-limit", D_CPU },
	{ "--memory-gb", D_GB }, { "--memory-limit-gb", D_GB },
	{ "--gpu", D_COUNT }, { "--instance-count", D_COUNT },
	{ "--min-instances", D_COUNT }, { "--max-instances", D_COUNT },
	{ "--target-utilization", D_COUNT },
	{ "--request-timeout-ms", D_COUNT },
	{ "--max-concurrent-requests", D_COUNT },
	{ "--max-queue-wait-ms", D_COUNT },
	{ "--liveness-initial-delay", D_COUNT }, { "--liveness-period", D_COUNT },
	{ "--liveness-timeout", D_COUNT },
	{ "--liveness-success-threshold", D_COUNT },
	{ "--liveness-failure-threshold", D_COUNT },
	{ "--readiness-initial-delay", D_COUNT },
	{ "--readiness-period", D_COUNT }, { "--readiness-timeout", D_COUNT },
	{ "--readiness-success-threshold", D_COUNT },
	{ "--readiness-failure-threshold", D_COUNT },
	{ "--traffic", D_TRAFFIC }, { "--mirror-traffic", D_TRAFFIC },
	{ "--app-insights", D_FLAG }, { "-f", D_STR },
};

/* The text member a string flag sets, and its size. */
static char *
text_of(struct plan *p, const char *flag, size_t *size)
{
	struct plan_deployment	*d = &p->deployment;
	const struct {
		const char	*flag;
		char		*dst;
		size_t		 size;
	} m[] = {
		{ "--compute", p->name, sizeof p->name },
		{ "--endpoint-name", p->endpoint_name, sizeof p->endpoint_name },
		{ "--auth-mode", p->auth_mode, sizeof p->auth_mode },
		{ "--description", p->description, sizeof p->description },
		{ "--deployment-name", d->name, sizeof d->name },
		{ "--model", d->model, sizeof d->model },
		{ "--code-path", d->code_path, sizeof d->code_path },
		{ "--code", d->code, sizeof d->code },
		{ "--scoring-script", d->scoring_script,
		    sizeof d->scoring_script },
		{ "--environment", d->environment, sizeof d->environment },
		{ "--image", d->image, sizeof d->image },
		{ "--conda-file", d->conda_file, sizeof d->conda_file },
		{ "--instance-type", d->instance_type, sizeof d->instance_type },
		{ "--cpu", d->cpu, sizeof d->cpu },
		{ "--cpu-limit", d->cpu_limit, sizeof d->cpu_limit },
		{ "--memory-gb", d->memory, sizeof d->memory },
		{ "--memory-limit-gb", d->memory_limit, sizeof d->memory_limit },
	};
	size_t	i;

	for (i = 0; i < sizeof m / sizeof m[0]; i++)
		if (strcmp(m[i].flag, flag) == 0) {
			*size = m[i].size;
			return m[i].dst;
		}
	*size = 0;
	return NULL;
}

/* The member of a probe that --liveness-REST or --readiness-REST sets. */
static long *
probe_member(struct deploy_probe *pr, const char *rest)
{
	if (strcmp(rest, "initial-delay") == 0)
		return &pr->initial_delay_s;
	if (strcmp(rest, "period") == 0)
		return &pr->period_s;
	if (strcmp(rest, "timeout") == 0)
		return &pr->timeout_s;
	if (strcmp(rest, "success-threshold") == 0)
		return &pr->success_threshold;
	return &pr->failure_threshold;
}

/* The number member a count flag sets. */
static long *
count_of(struct plan *p, const char *flag)
{
	struct plan_deployment	*d = &p->deployment;

	if (strcmp(flag, "--gpu") == 0)
		return &d->gpu;
	if (strcmp(flag, "--instance-count") == 0)
		return &d->scale.instances;
	if (strcmp(flag, "--min-instances") == 0)
		return &d->scale.min_instances;
	if (strcmp(flag, "--max-instances") == 0)
		return &d->scale.max_instances;
	if (strcmp(flag, "--target-utilization") == 0)
		return &d->scale.target_utilization;
	if (strcmp(flag, "--request-timeout-ms") == 0)
		return &d->requests.timeout_ms;
	if (strcmp(flag, "--max-concurrent-requests") == 0)
		return &d->requests.max_concurrent;
	if (strncmp(flag, "--liveness-", 11) == 0)
		return probe_member(&d->liveness, flag + 11);
	if (strncmp(flag, "--readiness-", 12) == 0)
		return probe_member(&d->readiness, flag + 12);
	return &d->requests.max_queue_wait_ms;
}

/* A decimal number ("2", "0.5"): the text, checked; false after saying. */
static bool
decimal(const char *flag, const char *v)
{
	char	*end;
	double	 x;

	errno = 0;
	x = strtod(v, &end);
	if (v[0] == '\0' || *end != '\0' || errno != 0 || !(x >= 0) ||
	    x > 1e6 || strchr(v, 'e') != NULL || strchr(v, 'E') != NULL) {
		/* TRANSLATORS: "--cpu must be a number such as 0.5 or 2". */
		cli_error(_("%s must be a number such as 0.5 or 2, not \"%s\""),
		    flag, v);
		return false;
	}
	return true;
}

/*
 * The D=P items of one --traffic word appended to t: "blue=90", or several
 * in one quoted word as az and `endpoint update` take them ("blue=90
 * green=10", commas too), split by core; false after saying.
 */
static bool
traffic_item(const char *flag, const char *v, struct deploy_traffic *t)
{
	struct deploy_traffic	add;
	char			bad[64];
	size_t			i;

	if (!change_traffic_parse(v, &add, bad, sizeof bad) || add.n == 0) {
		/* TRANSLATORS: "--traffic takes DEPLOYMENT=PERCENT". */
		cli_error(_("%s takes DEPLOYMENT=PERCENT, not \"%s\""), flag,
		    bad[0] != '\0' ? bad : v);
		return false;
	}
	for (i = 0; i < add.n; i++) {
		if (t->n == DEPLOY_TRAFFIC_MAX) {
			cli_error(_("%s names more than %d deployments"), flag,
			    DEPLOY_TRAFFIC_MAX);
			return false;
		}
		t->t[t->n++] = add.t[i];
	}
	return true;
}

/* Set one flag's value; false after saying why not. */
static bool
set_dflag(struct plan *p, const struct dflag *f, const char *v,
    const char **file)
{
	size_t	 size;
	char	*dst;
	long	 n;

	switch (f->kind) {
	case D_STR:
		if (strcmp(f->name, "-f") == 0) {
			*file = v;
			return true;
		}
		break;
	case D_CPU:
	case D_GB:
		if (!decimal(f->name, v))
			return false;
		break;
	case D_COUNT:
		/* -1 is "not given" in a plan: a negative one is refused. */
		if (!cli_count(f->name, v, &n))
			return false;
		*count_of(p, f->name) = n;
		if (strcmp(f->name, "--min-instances") == 0 ||
		    strcmp(f->name, "--max-instances") == 0 ||
		    strcmp(f->name, "--target-utilization") == 0)
			p->deployment.scale.autoscale = true;
		return true;
	case D_TRAFFIC:
		return traffic_item(f->name, v,
		    strcmp(f->name, "--traffic") == 0 ? &p->traffic :
		    &p->mirror_traffic);
	case D_FLAG:
		p->deployment.app_insights = true;
		return true;
	}
	dst = text_of(p, f->name, &size);
	if (strlen(v) + (f->kind == D_GB ? 2 : 0) >= size) {
		cli_error(_("%s is too long: at most %zu bytes"), f->name,
		    size - 1);
		return false;
	}
	snprintf(dst, size, "%s%s", v, f->kind == D_GB ? "Gi" : "");
	return true;
}

int
cli_plan_new_deploy(struct app_options *g, int argc, char **argv,
    struct plan *p, const char **file, bool *helped)
{
	const struct dflag	*f;
	const char		*arg, *eq;
	size_t			 k, len;
	int			 i;

	*helped = false;
	*file = NULL;
	plan_init(p, PLAN_DEPLOY);
	for (i = 2; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			usage_deploy(stdout);
			*helped = true;
			return EXIT_OK;
		}
	if ((g->subscription != NULL && snprintf(p->scope.subscription,
	    sizeof p->scope.subscription, "%s", g->subscription) >=
	    (int)sizeof p->scope.subscription) ||
	    (g->resource_group != NULL && snprintf(p->scope.resource_group,
	    sizeof p->scope.resource_group, "%s", g->resource_group) >=
	    (int)sizeof p->scope.resource_group) ||
	    (g->workspace != NULL && snprintf(p->scope.workspace,
	    sizeof p->scope.workspace, "%s", g->workspace) >=
	    (int)sizeof p->scope.workspace)) {
		cli_error(_("the workspace scope is too long"));
		return EXIT_USAGE;
	}
	for (i = 2; i < argc; i++) {
		arg = argv[i];
		eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
		len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
		f = NULL;
		for (k = 0; k < sizeof dflags / sizeof dflags[0]; k++)
			if (strlen(dflags[k].name) == len &&
			    strncmp(dflags[k].name, arg, len) == 0)
				f = &dflags[k];
		if (f == NULL) {
			cli_error(_("unknown flag \"%s\"; \"akswiz plan new "
			    "deploy --help\" lists the flags"), arg);
			return EXIT_USAGE;
		}
		if (f->kind == D_FLAG) {
			if (!set_dflag(p, f, NULL, file))
				return EXIT_USAGE;
			continue;
		}
		if (eq == NULL && i + 1 >= argc) {
			cli_error(_("%s needs a value"), f->name);
			return EXIT_USAGE;
		}
		if (!set_dflag(p, f, eq != NULL ? eq + 1 : argv[++i], file))
			return EXIT_USAGE;
		/* --traffic D=P D2=P2: the values that follow. */
		while (f->kind == D_TRAFFIC && cli_traffic_word_next(argc, argv,
		    i))
			if (!set_dflag(p, f, argv[++i], file))
				return EXIT_USAGE;
	}
	if (p->name[0] == '\0') {
		cli_error(_("plan new deploy needs --compute NAME, a Kubernetes "
		    "compute"));
		return EXIT_USAGE;
	}
	/* An endpoint's auth mode: key unless said (az's default). */
	if (p->auth_mode[0] == '\0')
		snprintf(p->auth_mode, sizeof p->auth_mode, "key");
	return EXIT_OK;
}
