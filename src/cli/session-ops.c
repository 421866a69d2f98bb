/*
 * The parts of a session that deal with operations (session.h): apply a
 * plan with preflight, report progress and outcomes.  (session.c sets the
 * session up: cloud, sign-in, scope, the private sandbox.)
 */
#include "config.h"
#include "cli/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "azure/ops.h"
#include "cli/output.h"
#include "common/i18n.h"
#include "core/plan.h"
#include "core/verdict.h"

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

/* Apply AKSWIZ_POLL_MIN_MS to the operations. */
void
session_ops_tune(struct ops *o)
{
	const char	*s = getenv("AKSWIZ_POLL_MIN_MS");
	char		*end;
	unsigned long	 ms;

	if (s == NULL || *s == '\0')
		return;
	ms = strtoul(s, &end, 10);
	if (*end == '\0' && ms >= 10 && ms <= 600000)
		o->min_poll_ms = o->default_poll_ms = ms;
}

/*
 * Preflight and perform p in session s.  Verdicts go to stderr (stdout
 * for -o json when refused).
 */
int
session_ops_apply(struct app_options *g, struct session *s, struct plan *p,
    bool wait)
{
	struct ops		 o;
	struct ops_outcome	 out;
	struct verdicts		 vs;
	struct err		 err;
	int			 status;

	fill_scope(p, s);
	ops_init(&o, &s->arm);
	session_ops_tune(&o);
	o.progress = session_ops_progress;
	o.progress_ctx = g->output == OUTPUT_TABLE ? NULL : (void *)1;
	verdicts_init(&vs);
	err_clear(&err);
	if (!ops_preflight(&o, p, &vs, &err)) {
		session_report(&err);
		return err.kind == ERR_USAGE ? EXIT_PREFLIGHT :
		    session_exit_status(&err);
	}
	if (verdicts_has_errors(&vs)) {
		if (g->output == OUTPUT_JSON) {
			fputs("{\"result\": \"refused\", \"verdicts\": ",
			    stdout);
			output_verdicts(stdout, OUTPUT_JSON, &vs);
			fputs("}\n", stdout);
		} else {
			cli_error(_("preflight refused the plan:"));
			output_verdicts(stderr, g->output, &vs);
		}
		ops_done(&o);
		return EXIT_PREFLIGHT;
	}
	if (verdicts_count(&vs, SEV_WARNING) > 0 && g->output != OUTPUT_JSON)
		output_verdicts(stderr, g->output, &vs);
	if (o.resume_step > 0 && g->output == OUTPUT_TABLE)
		fprintf(stderr, _("akswiz: %s of %s was partly applied (%s): "
		    "only its steps from step %d on are sent.\n"),
		    plan_op_name(p->op), p->name, o.resume_journal,
		    o.resume_step);
	if (!ops_apply(&o, p, wait, &out, &err)) {
		session_report(&err);
		if (out.journal[0] != '\0' && out.result == OPS_ERROR &&
		    g->output != OUTPUT_JSON)
			fprintf(stderr, _("  The operation is journaled in %s; "
			    "\"akswiz watch\" resumes it.\n"), out.journal);
		status = session_exit_status(&err);
	} else
		status = session_ops_outcome(g, &out);
	ops_done(&o);
	return status;
}

/* Print a state change on stderr. */
void
session_ops_progress(void *quiet, const struct ops_progress *p)
{
	if (quiet != NULL || !p->changed)
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

/* Print an outcome and return its exit status. */
int
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
