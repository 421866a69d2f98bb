/*
 * Changing a running online endpoint (issue 13, "Change it"):
 *
 *   akswiz online-endpoint update --name E --traffic "blue=90 green=10"
 *   akswiz online-endpoint delete --name E [--yes]
 *   akswiz online-deployment update --name D --endpoint-name E
 *       [--instance-count N | --min-instances N --max-instances N
 *       --target-utilization P] [--request-timeout-ms N]
 *       [--max-concurrent-requests N] [--liveness-initial-delay S
 *       --liveness-period S --liveness-timeout S
 *       --liveness-success-threshold N --liveness-failure-threshold N]
 *       [--readiness-* the same]
 *   akswiz online-deployment delete --name D --endpoint-name E [--yes]
 *
 * and the short forms, `akswiz endpoint VERB E ...` and `akswiz
 * deployment VERB E D ...`, which name the endpoint (and deployment) by
 * position and run the same code.  Each change is a plan of one typed
 * step (plan/plan-change.h), checked by core's rules before anything is
 * sent (core/rules-change.h), journaled and followed like every plan
 * (session_ops_apply): `akswiz watch COMPUTE` resumes it.
 */
#include "config.h"
#include "cli/cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "azure/arm-endpoints.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/plan.h"
#include "core/rules-change.h"

/* The options of update and delete. */
struct change_args {
	const char	*cmd, *verb;
	const char	*name, *endpoint;
	const char	*traffic, *mirror;
	char		 traffic_words[1024];	/* --traffic D=P D=P ... */
	const char	*count, *min, *max, *target, *timeout, *concurrent;
	const char	*probe[2][5];	/* liveness, readiness: probe_opts */
	bool		 yes, no_wait;
};

/* The probe options after --liveness- and --readiness-, as deploy's. */
static const char *const probe_opts[5] = {
	"initial-delay", "period", "timeout", "success-threshold",
	"failure-threshold"
};

/* A whole number >= 0 of option opt, if given, into *v; false, said. */
static bool
number(const char *opt, const char *s, long *v)
{
	return s == NULL || cli_count(opt, s, v);
}

/* A --liveness-* or --readiness-* option at argv[*i]: as session_opt_value. */
static int
probe_parse(int argc, char **argv, int *i, struct change_args *a)
{
	char	name[64];
	int	k, m, r;

	for (k = 0; k < 2; k++)
		for (m = 0; m < 5; m++) {
			snprintf(name, sizeof name, "%s-%s", k == 0 ?
			    "liveness" : "readiness", probe_opts[m]);
			if ((r = session_opt_value(argc, argv, i, name, 0,
			    &a->probe[k][m])) != 0)
				return r;
		}
	return 0;
}

/* The probe options into the plan's probes; false after saying why. */
static bool
probe_numbers(const struct change_args *a, struct plan_deployment *d)
{
	char	 opt[64];
	long	*member[2][5] = {
		{ &d->liveness.initial_delay_s, &d->liveness.period_s,
		  &d->liveness.timeout_s, &d->liveness.success_threshold,
		  &d->liveness.failure_threshold },
		{ &d->readiness.initial_delay_s, &d->readiness.period_s,
		  &d->readiness.timeout_s, &d->readiness.success_threshold,
		  &d->readiness.failure_threshold }
	};
	int	 k, m;

	for (k = 0; k < 2; k++)
		for (m = 0; m < 5; m++) {
			snprintf(opt, sizeof opt, "--%s-%s", k == 0 ?
			    "liveness" : "readiness", probe_opts[m]);
			if (!number(opt, a->probe[k][m], member[k][m]))
				return false;
		}
	return true;
}

/* Take the options; EXIT_OK or EXIT_USAGE, said. */
static int
change_parse(int argc, char **argv, struct change_args *a)
{
	bool		 dep = strcmp(a->cmd, "online-deployment") == 0;
	bool		 upd = strcmp(a->verb, "update") == 0;
	const char	*traffic;
	int		 i, r;

	for (i = 2; i < argc; i++) {
		traffic = a->traffic;
		r = session_opt_value(argc, argv, &i, "name", 'n', &a->name);
		if (r == 0 && dep)
			r = session_opt_value(argc, argv, &i, "endpoint-name",
			    'e', &a->endpoint);
		if (r == 0 && upd && !dep && (r = session_opt_value(argc,
		    argv, &i, "traffic", 0, &a->traffic)) == 0)
			r = session_opt_value(argc, argv, &i, "mirror-traffic",
			    0, &a->mirror);
		if (r == 0 && upd && dep && (r = session_opt_value(argc,
		    argv, &i, "instance-count", 0, &a->count)) == 0 &&
		    (r = session_opt_value(argc, argv, &i, "min-instances", 0,
		    &a->min)) == 0 && (r = session_opt_value(argc, argv, &i,
		    "max-instances", 0, &a->max)) == 0 &&
		    (r = session_opt_value(argc, argv, &i,
		    "target-utilization", 0, &a->target)) == 0 &&
		    (r = session_opt_value(argc, argv, &i,
		    "request-timeout-ms", 0, &a->timeout)) == 0)
			r = session_opt_value(argc, argv, &i,
			    "max-concurrent-requests", 0, &a->concurrent);
		if (r == 0 && upd && dep)
			r = probe_parse(argc, argv, &i, a);
		if (r < 0)
			return EXIT_USAGE;
		/*
		 * --traffic blue=90 green=10: the words that follow, as plan
		 * new deploy takes them, beside az's one quoted word.
		 */
		if (r > 0 && a->traffic != traffic &&
		    cli_traffic_word_next(argc, argv, i)) {
			snprintf(a->traffic_words, sizeof a->traffic_words, "%s",
			    a->traffic);
			while (cli_traffic_word_next(argc, argv, i)) {
				size_t	len = strlen(a->traffic_words);

				if (len + 1 + strlen(argv[i + 1]) >=
				    sizeof a->traffic_words) {
					cli_error(_("%s is too long: at most %zu "
					    "bytes"), "--traffic",
					    sizeof a->traffic_words - 1);
					return EXIT_USAGE;
				}
				snprintf(a->traffic_words + len,
				    sizeof a->traffic_words - len, " %s",
				    argv[++i]);
			}
			a->traffic = a->traffic_words;
		}
		if (r > 0)
			continue;
		if (strcmp(argv[i], "--no-wait") == 0)
			a->no_wait = true;
		else if (!upd && (strcmp(argv[i], "--yes") == 0 ||
		    strcmp(argv[i], "-y") == 0))
			a->yes = true;
		else {
			cli_error(_("%s %s: unknown argument \"%s\""), a->cmd,
			    a->verb, argv[i]);
			return EXIT_USAGE;
		}
	}
	if (a->name == NULL) {
		cli_error(_("%s %s needs --name"), a->cmd, a->verb);
		return EXIT_USAGE;
	}
	if (dep && a->endpoint == NULL) {
		cli_error(_("%s %s needs --endpoint-name E"), a->cmd, a->verb);
		return EXIT_USAGE;
	}
	if (upd && !dep && a->traffic == NULL && a->mirror == NULL) {
		cli_error(_("%s %s needs --traffic \"D=P D=P\""), a->cmd,
		    a->verb);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* The split of option opt into t; false after saying why. */
static bool
split(const char *opt, const char *s, struct deploy_traffic *t)
{
	char	bad[64];

	if (change_traffic_parse(s, t, bad, sizeof bad) && t->n > 0)
		return true;
	/* TRANSLATORS: "--traffic takes NAME=PERCENT words, not "x"". */
	cli_error(_("%s takes NAME=PERCENT words (\"blue=90 green=10\"), "
	    "not \"%s\""), opt, t->n > 0 ? bad : s);
	return false;
}

/* Print verdicts (of a rule run before asking) and say whether any refuses. */
static bool
refused(const struct app_options *g, struct verdicts *vs)
{
	if (!verdicts_has_errors(vs))
		return false;
	output_verdicts(stderr, g->output == OUTPUT_JSON ? OUTPUT_TABLE :
	    g->output, vs);
	return true;
}

/* The typed confirmation: the name, as asked on stderr. */
static bool
confirmed(const char *name)
{
	char	line[256];

	return cli_answer(line, sizeof line) && strcmp(line, name) == 0;
}

/*
 * Ask before a delete: the endpoint's with its deployments (the service
 * deletes them with it), or the deployment's.  e is the endpoint.
 */
static bool
ask_delete(struct session *s, const struct change_args *a, bool dep,
    const struct arm_endpoint *e)
{
	struct arm_deployment_list	 dl = { 0 };
	struct err			 err;
	size_t				 n = 0;

	if (dep) {
		/* TRANSLATORS: the last %s is the deployment's name, which
		 * the user types. */
		fprintf(stderr, _("Delete deployment %s of online endpoint "
		    "%s?  Type the deployment's name (%s) to confirm: "),
		    a->name, e->name, a->name);
		return confirmed(a->name);
	}
	err_clear(&err);
	if (arm_list_deployments(&s->arm, s->subscription, s->resource_group,
	    s->workspace, a->name, &dl, &err))
		n = dl.n;
	arm_deployment_list_free(&dl);
	/* TRANSLATORS: %zu is the number of deployments; the last %s is the
	 * endpoint's name, which the user types. */
	fprintf(stderr, P_("Delete online endpoint %s of workspace %s "
	    "and, with it, its %zu deployment (the service deletes them "
	    "together)?  Type the endpoint's name (%s) to confirm: ",
	    "Delete online endpoint %s of workspace %s and, with it, its %zu "
	    "deployments (the service deletes them together)?  Type the "
	    "endpoint's name (%s) to confirm: ", n), a->name, s->workspace,
	    n, a->name);
	return confirmed(a->name);
}

/* Fill the plan of the change from a; EXIT_OK or EXIT_USAGE, said. */
static int
change_plan(const struct change_args *a, bool dep, struct plan *p)
{
	struct plan_deployment	*d = &p->deployment;
	bool			 upd = strcmp(a->verb, "update") == 0;

	plan_init(p, upd ? (dep ? PLAN_UPDATE_DEPLOYMENT : PLAN_SET_TRAFFIC) :
	    dep ? PLAN_DELETE_DEPLOYMENT : PLAN_DELETE_ENDPOINT);
	if (snprintf(p->endpoint_name, sizeof p->endpoint_name, "%s", dep ?
	    a->endpoint : a->name) >= (int)sizeof p->endpoint_name ||
	    (dep && snprintf(d->name, sizeof d->name, "%s", a->name) >=
	    (int)sizeof d->name)) {
		cli_error(_("%s is too long"), "--name");
		return EXIT_USAGE;
	}
	if (a->traffic != NULL && !split("--traffic", a->traffic,
	    &p->traffic))
		return EXIT_USAGE;
	if (!number("--instance-count", a->count, &d->scale.instances) ||
	    !number("--min-instances", a->min, &d->scale.min_instances) ||
	    !number("--max-instances", a->max, &d->scale.max_instances) ||
	    !number("--target-utilization", a->target,
	    &d->scale.target_utilization) ||
	    !number("--request-timeout-ms", a->timeout,
	    &d->requests.timeout_ms) ||
	    !number("--max-concurrent-requests", a->concurrent,
	    &d->requests.max_concurrent) || !probe_numbers(a, d))
		return EXIT_USAGE;
	d->scale.autoscale = a->min != NULL || a->max != NULL ||
	    a->target != NULL;
	return EXIT_OK;
}

/* After a new split: the endpoint's traffic as the service has it now. */
static void
show_traffic(struct session *s, const char *name)
{
	struct arm_endpoint	e = { 0 };
	struct err		err;
	bool			found = false;

	err_clear(&err);
	if (arm_get_endpoint(&s->arm, s->subscription, s->resource_group,
	    s->workspace, name, &e, &found, &err) && found)
		/* TRANSLATORS: "traffic of online endpoint ep1: blue=90
		 * green=10". */
		printf(_("traffic of online endpoint %s: %s\n"), name,
		    e.traffic != NULL ? e.traffic : "-");
	arm_endpoint_done(&e);
}

/* online-endpoint|online-deployment update|delete ... */
int
cmd_endpoint_change(struct app_options *g, int argc, char **argv)
{
	struct change_args	 a = { 0 };
	struct deploy_traffic	 mirror;
	struct arm_endpoint	 e = { 0 };
	struct change_facts	 f;
	struct verdicts		 vs;
	struct session		 s;
	struct plan		 p;
	struct err		 err;
	char			 what[64], bad[64];
	bool			 dep, del, found = false;
	int			 st;

	a.cmd = argv[0];
	a.verb = argv[1];
	dep = strcmp(a.cmd, "online-deployment") == 0;
	del = strcmp(a.verb, "delete") == 0;
	if ((st = change_parse(argc, argv, &a)) != EXIT_OK ||
	    (st = change_plan(&a, dep, &p)) != EXIT_OK)
		return st;
	/* Mirror traffic: refused on Kubernetes endpoints, nothing sent. */
	if (a.mirror != NULL) {
		if (!change_traffic_parse(a.mirror, &mirror, bad, sizeof bad)) {
			cli_error(_("%s takes NAME=PERCENT words (\"blue=90 "
			    "green=10\"), not \"%s\""), "--mirror-traffic",
			    bad);
			return EXIT_USAGE;
		}
		verdicts_init(&vs);
		rules_deploy_mirror_traffic(&mirror, &vs);
		if (refused(g, &vs))
			return EXIT_PREFLIGHT;
		if (a.traffic == NULL)
			return EXIT_OK;		/* all 0: nothing to change */
	}
	snprintf(what, sizeof what, "%s %s", a.cmd, a.verb);
	if (del) {
		if ((st = cli_change_open(g, what, a.yes, &s)) != EXIT_OK)
			return st;
	} else {
		if (cli_readonly_refuse(g, what) != EXIT_OK)
			return EXIT_PREFLIGHT;
		err_clear(&err);
		if (!session_open(&s, g, SESSION_SCOPE, &err)) {
			session_report(&err);
			return session_exit_status(&err);
		}
	}
	/* The endpoint's compute is what the plan locks and watch names. */
	err_clear(&err);
	if (!arm_get_endpoint(&s.arm, s.subscription, s.resource_group,
	    s.workspace, p.endpoint_name, &e, &found, &err)) {
		session_report(&err);
		st = session_exit_status(&err);
		goto out;
	}
	if (!found) {
		cli_error(_("workspace %s has no online endpoint named \"%s\""),
		    s.workspace, p.endpoint_name);
		st = EXIT_FAILED;
		goto out;
	}
	if (e.compute_name != NULL)
		snprintf(p.name, sizeof p.name, "%s", e.compute_name);
	if (del && !a.yes) {
		/* A deployment with traffic is refused before the question. */
		memset(&f, 0, sizeof f);
		f.known = f.endpoint_exists = true;
		if (e.traffic != NULL)
			(void)change_traffic_parse(e.traffic, &f.traffic, bad,
			    sizeof bad);
		verdicts_init(&vs);
		if (dep)
			rules_change_delete_deployment(p.endpoint_name,
			    a.name, &f, &vs);
		if (refused(g, &vs)) {
			st = EXIT_PREFLIGHT;
			goto out;
		}
		if (!ask_delete(&s, &a, dep, &e)) {
			fprintf(stderr, _("akswiz: nothing was deleted.\n"));
			st = EXIT_FAILED;
			goto out;
		}
	}
	st = session_ops_apply(g, &s, &p, !a.no_wait);
	if (st == EXIT_OK && p.op == PLAN_SET_TRAFFIC && !a.no_wait &&
	    g->output != OUTPUT_JSON)
		show_traffic(&s, p.endpoint_name);
out:
	arm_endpoint_done(&e);
	session_close(&s);
	return st;
}

/*
 * argv with the positional names of the short form moved into options:
 * out[0] = cmd, out[1] = verb, then "--name" N1 (or, with dep, 
 * "--endpoint-name" N1 and "--name" N2), then the rest.  The count.
 */
static int
short_form(const char *cmd, const char *verb, int argc, char **argv,
    bool dep, char **out)
{
	int	i = 2, n = 0;

	out[n++] = (char *)cmd;
	out[n++] = (char *)verb;
	if (i < argc && argv[i][0] != '-') {
		out[n++] = dep ? "--endpoint-name" : "--name";
		out[n++] = argv[i++];
	}
	if (dep && i < argc && argv[i][0] != '-') {
		out[n++] = "--name";
		out[n++] = argv[i++];
	}
	for (; i < argc; i++)
		/* get-logs E --deployment-name D: the deployment's name. */
		out[n++] = strcmp(argv[i], "--deployment-name") == 0 &&
		    strcmp(verb, "get-logs") == 0 ? "--name" : argv[i];
	out[n] = NULL;
	return n;
}

/*
 * akswiz endpoint list|show E|invoke E ...|get-credentials E|
 * regenerate-keys E ...|get-logs E --deployment-name D ...|update E ...|
 * delete E [--yes]: online-endpoint's verbs (get-logs online-deployment's)
 * with the endpoint by position (or --name, az's form).
 */
int
cmd_endpoint(struct app_options *g, int argc, char **argv)
{
	char	**v;
	int	  n, st;
	bool	  logs = argc >= 2 && strcmp(argv[1], "get-logs") == 0;

	if (argc < 2) {
		cli_error(_("usage: akswiz endpoint list|show|invoke|"
		    "get-credentials|regenerate-keys|get-logs|update|delete "
		    "[E]"));
		return EXIT_USAGE;
	}
	v = xcalloc((size_t)argc + 4, sizeof *v);
	n = short_form(logs ? "online-deployment" : "online-endpoint",
	    argv[1], argc, argv, logs, v);
	st = logs ? cmd_online_deployment(g, n, v) :
	    cmd_online_endpoint(g, n, v);
	free(v);
	return st;
}

/*
 * akswiz deployment scale|update|get-logs|show|delete E D ..., list E:
 * online-deployment's verbs (scale is update) with the endpoint and the
 * deployment by position.
 */
int
cmd_deployment(struct app_options *g, int argc, char **argv)
{
	char	**v;
	int	  n, st;

	if (argc < 2) {
		cli_error(_("usage: akswiz deployment scale|update|get-logs|"
		    "show|delete E D, or list E"));
		return EXIT_USAGE;
	}
	v = xcalloc((size_t)argc + 4, sizeof *v);
	n = short_form("online-deployment", strcmp(argv[1], "scale") == 0 ?
	    "update" : argv[1], argc, argv, true, v);
	st = cmd_online_deployment(g, n, v);
	free(v);
	return st;
}
