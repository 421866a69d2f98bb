/*
 * The commands' side of operations (session.h): the driver (app/run.h)
 * preflights, applies or resumes and monitors; this prints what it tells
 * on stderr and the outcome on stdout.  (session.c sets the session up:
 * cloud, sign-in, scope, the private sandbox.)
 */
#include "config.h"
#include "cli/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/run.h"
#include "azure/journal.h"
#include "azure/ops.h"
#include "cli/output.h"
#include "common/i18n.h"
#include "core/plan.h"
#include "core/verdict.h"

static int	session_ops_outcome(const struct app_options *,
		    const struct ops_outcome *);

/* Fill the plan's empty scope members from the session. */
static void
fill_scope(struct plan *p, const struct session *s)
{
	if (p->scope.subscription[0] == '\0')
		snprintf(p->scope.subscription, sizeof p->scope.subscription,
		    "%s", s->subscription);
	if (p->scope.resource_group[0] == '\0')
		snprintf(p->scope.resource_group,
		    sizeof p->scope.resource_group, "%s", s->resource_group);
	if (p->scope.workspace[0] == '\0')
		snprintf(p->scope.workspace, sizeof p->scope.workspace, "%s",
		    s->workspace);
}

/* What the CLI's callbacks need: where to print, and how. */
struct cli_run {
	const struct app_options	*g;
};

/* Does a verdict speak of the cluster's Azure ML extension? */
static bool
verdicts_on_extension(const struct verdicts *vs)
{
	size_t	i;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].field == FIELD_EXTENSION)
			return true;
	return false;
}

/* Before anything is sent: a refusal, warnings, what is left to send, or
 * the operation being resumed (the driver's start event). */
static void
cli_run_start(void *ctx, const struct run_start *st)
{
	const struct cli_run	*c = ctx;
	const struct app_options *g = c->g;

	if (st->entry != NULL) {
		if (g->output == OUTPUT_TABLE)
			fprintf(stderr, _("akswiz: resuming %s of %s (step %d "
			    "of %d), last seen %s\n"), st->entry->step_name,
			    st->entry->compute, st->entry->step,
			    st->entry->nsteps, st->entry->state);
		return;
	}
	if (st->verdicts == NULL)
		return;
	if (st->refused) {
		if (g->output == OUTPUT_JSON) {
			fputs("{\"result\": \"refused\", \"verdicts\": ",
			    stdout);
			output_verdicts(stdout, OUTPUT_JSON, st->verdicts);
			fputs("}\n", stdout);
		} else {
			cli_error(_("preflight refused the plan:"));
			output_verdicts(stderr, g->output, st->verdicts);
		}
		return;
	}
	/* Warnings, and what happens to an existing cluster's extension. */
	if ((verdicts_count(st->verdicts, SEV_WARNING) > 0 ||
	    verdicts_on_extension(st->verdicts)) && g->output != OUTPUT_JSON)
		output_verdicts(stderr, g->output, st->verdicts);
	if (st->resume_step > 0 && g->output == OUTPUT_TABLE)
		fprintf(stderr, _("akswiz: %s of %s was partly applied (%s): "
		    "only its steps from step %d on are sent.\n"),
		    plan_op_name(st->plan->op), st->plan->name,
		    st->resume_journal, st->resume_step);
}

/* Print a state change on stderr (the table output only). */
static void
cli_run_progress(void *ctx, const struct ops_progress *p)
{
	const struct cli_run	*c = ctx;

	if (c->g->output != OUTPUT_TABLE || !p->changed)
		return;
	if (p->nsteps > 1)
		fprintf(stderr,
		    _("akswiz: %s %s (step %d of %d): %s (%llu s)\n"),
		    p->step_name, p->compute, p->step, p->nsteps, p->state,
		    (unsigned long long)(p->elapsed_ms / 1000));
	else
		fprintf(stderr, _("akswiz: %s %s: %s (%llu s)\n"),
		    p->step_name, p->compute, p->state,
		    (unsigned long long)(p->elapsed_ms / 1000));
}

/* The driver on session s, telling the CLI's callbacks c. */
static void
cli_run_init(struct run *r, struct cli_run *c, struct app_options *g,
    struct session *s, bool wait)
{
	enum cloud	cloud = CLOUD_AZURE;

	c->g = g;
	if (g->cloud != NULL && !cloud_parse(g->cloud, &cloud))
		cloud = CLOUD_AZURE;
	run_init(r, &s->arm, cloud);
	r->wait = wait;
	r->start = cli_run_start;
	r->progress = cli_run_progress;
	r->ctx = c;
}

/*
 * Preflight and perform p in session s.  Verdicts go to stderr (stdout
 * for -o json when refused).
 */
int
session_ops_apply(struct app_options *g, struct session *s, struct plan *p,
    bool wait)
{
	struct run		 r;
	struct cli_run		 c;
	struct ops_outcome	 out;
	struct err		 err;

	fill_scope(p, s);
	cli_run_init(&r, &c, g, s, wait);
	r.register_providers = g->register_providers;
	err_clear(&err);
	switch (run_plan(&r, p, &out, &err)) {
	case RUN_NO_PREFLIGHT:
		session_report(&err);
		return err.kind == ERR_USAGE ? EXIT_PREFLIGHT :
		    session_exit_status(&err);
	case RUN_REFUSED:
		return EXIT_PREFLIGHT;
	case RUN_ERROR:
		session_report(&err);
		if (out.journal[0] != '\0' && out.result == OPS_ERROR &&
		    g->output != OUTPUT_JSON)
			fprintf(stderr, _("  The operation is journaled in %s; "
			    "\"akswiz watch\" resumes it.\n"), out.journal);
		return session_exit_status(&err);
	case RUN_DONE:
		break;
	}
	return session_ops_outcome(g, &out);
}

/* Follow journal entry e to its end in session s (akswiz watch). */
int
session_ops_resume(struct app_options *g, struct session *s,
    struct journal_entry *e)
{
	struct run		 r;
	struct cli_run		 c;
	struct ops_outcome	 out;
	struct err		 err;

	cli_run_init(&r, &c, g, s, true);
	err_clear(&err);
	if (run_resume(&r, e, &out, &err) != RUN_DONE) {
		session_report(&err);
		return err.kind == ERR_PARSE ? EXIT_JOURNAL :
		    session_exit_status(&err);
	}
	return session_ops_outcome(g, &out);
}

/* Print an outcome and return its exit status. */
static int
session_ops_outcome(const struct app_options *g, const struct ops_outcome *o)
{
	bool	first = true;
	int	status;

	switch (o->result) {
	case OPS_SUCCEEDED:
	case OPS_SUBMITTED:
		status = EXIT_OK;
		break;
	case OPS_FAILED:
	case OPS_CANCELED:
		status = EXIT_FAILED;
		break;
	case OPS_PARTIAL:
		status = EXIT_PARTLY;
		break;
	default:
		status = EXIT_SERVICE;
		break;
	}
	if (g->output == OUTPUT_JSON) {
		fputc('{', stdout);
#define MEMBER(key, v) session_json_member(stdout, &first, (key), \
	(v)[0] != '\0' ? (v) : NULL)
		MEMBER("result", ops_result_name(o->result));
		MEMBER("state", o->state);
		MEMBER("code", o->code);
		MEMBER("message", o->line);
		MEMBER("detail", o->detail);
		MEMBER("hint", o->hint);
		MEMBER("journal", o->journal);
#undef MEMBER
		if (o->failed_step > 0)
			fprintf(stdout, ", \"failedStep\": %d", o->failed_step);
		else
			fputs(", \"failedStep\": null", stdout);
		fprintf(stdout, ", \"steps\": %d", o->nsteps);
		fprintf(stdout, ", \"elapsedSeconds\": %llu}\n",
		    (unsigned long long)(o->elapsed_ms / 1000));
		return status;
	}
	if (g->output == OUTPUT_TSV) {
		printf("%s\t%s\t%s\n", ops_result_name(o->result), o->state,
		    o->code);
		return status;
	}
	if (status == EXIT_OK)
		printf("%s\n", o->line);
	else {
		cli_error("%s", o->line[0] ? o->line : _("the operation "
		    "failed"));
		if (o->detail[0] != '\0')
			fprintf(stderr, _("  Details: %s\n"), o->detail);
		if (o->hint[0] != '\0')
			fprintf(stderr, _("  Hint: %s\n"), o->hint);
	}
	return status;
}
