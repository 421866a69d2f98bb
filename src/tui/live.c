/*
 * Backend calls for the screens (see live.h).  Everything here runs on the
 * worker thread: it may block on the network as long as it likes.
 */
#include "config.h"
#include "tui/live.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/run.h"
#include "azure/arm.h"
#include "azure/clusters.h"
#include "azure/journal.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/vmcatalogue.h"
#include "plan/plan-steps.h"

/* The names of the workspace's computes, for uniqueness. */
static bool
live_names(struct arm *arm, const struct plan_scope *sc,
    struct wizard_facts *f, struct err *err)
{
	struct arm_compute_list	l;
	size_t			i;

	memset(&l, 0, sizeof l);
	if (!arm_list_computes(arm, sc->subscription, sc->resource_group,
	    sc->workspace, &l, err))
		return false;
	f->names = xcalloc(l.n + 1, sizeof *f->names);
	for (i = 0; i < l.n; i++)
		f->names[f->nnames++] = xstrdup(l.v[i].name != NULL ?
		    l.v[i].name : "");
	f->names_known = true;
	arm_compute_list_free(&l);
	return true;
}

/* The workspace's location: its region's sizes and quota follow from it. */
static bool
live_location(struct arm *arm, const struct plan_scope *sc, char *loc,
    size_t len, struct err *err)
{
	struct arm_workspace	ws;

	memset(&ws, 0, sizeof ws);
	if (!arm_get_workspace(arm, sc->subscription, sc->resource_group,
	    sc->workspace, &ws, err))
		return false;
	snprintf(loc, len, "%s", ws.location != NULL ? ws.location : "");
	arm_workspace_done(&ws);
	return true;
}

/* Job: the workspace location, compute names, region sizes and quota. */
void
live_create_run(void *arg)
{
	struct live_create	*lc = arg;
	struct wizard_facts	*f = &lc->facts;
	struct arm_vm_size_list	 sizes;
	struct arm_usage_list	 usages;
	const struct vm_size	*cat;
	size_t			 i;

	memset(&sizes, 0, sizeof sizes);
	memset(&usages, 0, sizeof usages);
	err_clear(&lc->err);
	if (!live_location(lc->arm, &lc->scope, lc->location,
	    sizeof lc->location, &lc->err) ||
	    !live_names(lc->arm, &lc->scope, f, &lc->err) ||
	    !arm_list_vm_sizes(lc->arm, lc->scope.subscription, lc->location,
	    &sizes, &lc->err) ||
	    !arm_list_usages(lc->arm, lc->scope.subscription, lc->location,
	    &usages, &lc->err))
		goto out;
	f->sizes = xcalloc(sizes.n + 1, sizeof *f->sizes);
	f->family = xcalloc(sizes.n + 1, sizeof *f->family);
	for (i = 0; i < sizes.n; i++) {
		struct wizard_size	*s = &f->sizes[f->nsizes];

		snprintf(s->name, sizeof s->name, "%s", sizes.v[i].name);
		s->vcpus = sizes.v[i].vcpus;
		s->memory_gb = sizes.v[i].memory_mb / 1024.0;
		s->family_free = -1;
		if ((cat = vm_catalogue_find(sizes.v[i].name)) != NULL) {
			snprintf(s->family, sizeof s->family, "%s",
			    cat->family != NULL ? cat->family : "");
			s->gpus = cat->gpus;
			s->fpga = cat->fpga;
			if (cat->family != NULL)
				ops_quota_facts(arm_usage_find(&usages,
				    cat->family), &f->family[f->nsizes]);
			if (f->family[f->nsizes].known)
				s->family_free = f->family[f->nsizes].limit -
				    f->family[f->nsizes].usage;
		}
		f->nsizes++;
	}
	ops_quota_facts(arm_usage_find(&usages, "cores"), &f->regional);
	f->live = true;
	lc->ok = true;
out:
	arm_vm_size_list_free(&sizes);
	arm_usage_list_free(&usages);
}

/* Free a create job and what it found. */
void
live_create_free(struct live_create *lc)
{
	if (lc == NULL)
		return;
	wizard_facts_done(&lc->facts);
	free(lc);
}

/* Job: the subscription's AKS clusters with their verdicts, and names. */
void
live_clusters_run(void *arg)
{
	struct live_clusters	*lc = arg;
	struct wizard_facts	*f = &lc->facts;
	struct ops		 o;

	err_clear(&lc->err);
	ops_init(&o, lc->arm);
	o.cloud = lc->cloud;
	o.attach_k8s = lc->attach_k8s;
	if (!live_location(lc->arm, &lc->scope, lc->location,
	    sizeof lc->location, &lc->err) ||
	    !live_names(lc->arm, &lc->scope, f, &lc->err) ||
	    !clusters_list(&o, &lc->scope, PURPOSE_FASTPROD, &f->clusters,
	    &lc->err))
		return;
	f->clusters_known = true;
	f->live = true;
	lc->ok = true;
}

/* Free a clusters job and what it found. */
void
live_clusters_free(struct live_clusters *lc)
{
	if (lc == NULL)
		return;
	wizard_facts_done(&lc->facts);
	free(lc);
}

/* A run of a plan: preflight, submit, follow. */
struct live_run *
live_run_new(struct arm *arm, enum cloud cloud, const struct plan *p)
{
	struct live_run	*r = xcalloc(1, sizeof *r);

	pthread_mutex_init(&r->lock, NULL);
	r->arm = arm;
	r->cloud = cloud;
	r->plan = *p;
	verdicts_init(&r->verdicts);
	/* The steps to come, named before they start (progress lists them). */
	{
		struct plan_step	steps[PLAN_STEPS_MAX];
		int			i, n = plan_steps(p, steps,
					    PLAN_STEPS_MAX);

		for (i = 0; i < n && i < LIVE_STEPS_MAX; i++)
			r->steps_kind[i] = steps[i].kind;
		r->nsteps = n > 1 ? n : 0;
	}
	return r;
}

/* A run that follows a journaled operation instead. */
struct live_run *
live_run_resume(struct arm *arm, enum cloud cloud, const char *path,
    const char *op, const char *compute)
{
	struct plan	p;
	struct live_run	*r;

	plan_init(&p, PLAN_CREATE);
	plan_op_parse(op, &p.op);
	snprintf(p.name, sizeof p.name, "%s", compute);
	r = live_run_new(arm, cloud, &p);
	snprintf(r->resume, sizeof r->resume, "%s", path);
	snprintf(r->journal, sizeof r->journal, "%s", path);
	return r;
}

/* The driver's start event: the preflight's verdicts, or a resume. */
static void
live_run_start(void *ctx, const struct run_start *st)
{
	struct live_run	*r = ctx;

	pthread_mutex_lock(&r->lock);
	if (st->verdicts != NULL) {
		r->verdicts = *st->verdicts;
		r->refused = st->refused;
	}
	r->preflight_done = true;
	pthread_mutex_unlock(&r->lock);
}

/* The progress callback: note every change of state in the log. */
static void
live_run_progress(void *ctx, const struct ops_progress *p)
{
	struct live_run	*r = ctx;
	int		 i;

	pthread_mutex_lock(&r->lock);
	snprintf(r->state, sizeof r->state, "%s", p->state != NULL ?
	    p->state : "");
	/* The whole operation's time: ops counts each step's from zero. */
	if (r->started_ms == 0)
		r->started_ms = clock_now_ms() - p->elapsed_ms;
	r->elapsed_ms = clock_now_ms() - r->started_ms;
	r->step = p->step;
	r->nsteps = p->nsteps;
	r->step_kind = p->kind;
	if (p->journal != NULL)
		snprintf(r->journal, sizeof r->journal, "%s", p->journal);
	if (p->nsteps > 1 && p->step >= 1 && p->step <= LIVE_STEPS_MAX) {
		i = p->step - 1;
		r->steps_seen[i] = true;
		r->steps_kind[i] = p->kind;
		r->steps_ms[i] = p->elapsed_ms;
		r->steps_at[i] = clock_now_ms();
		snprintf(r->steps_state[i], sizeof r->steps_state[i], "%s",
		    p->state != NULL ? p->state : "");
	}
	if (p->changed) {
		if (r->nlog == LIVE_LOG_MAX) {
			for (i = 1; i < LIVE_LOG_MAX; i++) {
				memcpy(r->log[i - 1], r->log[i],
				    sizeof r->log[0]);
				r->log_step_kind[i - 1] = r->log_step_kind[i];
				r->log_ms[i - 1] = r->log_ms[i];
				r->log_step[i - 1] = r->log_step[i];
			}
			r->nlog--;
		}
		snprintf(r->log[r->nlog], sizeof r->log[0], "%s", r->state);
		r->log_step_kind[r->nlog] = r->step_kind;
		r->log_step[r->nlog] = p->nsteps > 1 ? p->step : 0;
		r->log_ms[r->nlog++] = r->elapsed_ms;
	}
	pthread_mutex_unlock(&r->lock);
}

/* Job: preflight and perform the plan (or resume), noting progress. */
void
live_run_run(void *arg)
{
	struct live_run	*r = arg;
	struct run	 run;
	enum run_end	 end;

	err_clear(&r->err);
	run_init(&run, r->arm, r->cloud);
	run.start = live_run_start;
	run.progress = live_run_progress;
	run.ctx = r;
	if (r->resume[0] != '\0')
		end = run_resume_file(&run, r->resume, &r->out, &r->err);
	else
		end = run_plan(&run, &r->plan, &r->out, &r->err);
	pthread_mutex_lock(&r->lock);
	r->preflight_done = true;	/* even when the journal was unreadable */
	pthread_mutex_unlock(&r->lock);
	r->ok = end == RUN_DONE || end == RUN_REFUSED;
	/* Nothing refused or unchecked is journaled; a plan sent is. */
	r->kept = r->out.journal[0] != '\0';
}

/* Free a finished run. */
void
live_run_free(struct live_run *r)
{
	if (r == NULL)
		return;
	pthread_mutex_destroy(&r->lock);
	free(r);
}

/* Job: the subscriptions, or a subscription's workspaces. */
void
live_scope_run(void *arg)
{
	struct live_scope		*ls = arg;
	struct arm_subscription_list	 subs;
	struct arm_workspace_list	 wss;
	size_t				 i;

	memset(&subs, 0, sizeof subs);
	memset(&wss, 0, sizeof wss);
	err_clear(&ls->err);
	if (ls->subscription[0] == '\0') {
		if (!arm_list_subscriptions(ls->arm, &subs, &ls->err))
			return;
		ls->rows = xcalloc(subs.n + 1, sizeof *ls->rows);
		for (i = 0; i < subs.n; i++) {
			struct live_scope_row	*r = &ls->rows[ls->n++];

			snprintf(r->id, sizeof r->id, "%s", subs.v[i].id);
			snprintf(r->name, sizeof r->name, "%s",
			    subs.v[i].name != NULL ? subs.v[i].name : "");
			snprintf(r->state, sizeof r->state, "%s",
			    subs.v[i].state != NULL ? subs.v[i].state : "");
		}
		arm_subscription_list_free(&subs);
	} else {
		if (!arm_list_workspaces(ls->arm, ls->subscription, NULL, &wss,
		    &ls->err))
			return;
		ls->rows = xcalloc(wss.n + 1, sizeof *ls->rows);
		for (i = 0; i < wss.n; i++) {
			struct live_scope_row	*r = &ls->rows[ls->n++];

			snprintf(r->id, sizeof r->id, "%s", ls->subscription);
			snprintf(r->name, sizeof r->name, "%s",
			    wss.v[i].name != NULL ? wss.v[i].name : "");
			snprintf(r->group, sizeof r->group, "%s",
			    wss.v[i].resource_group != NULL ?
			    wss.v[i].resource_group : "");
			snprintf(r->location, sizeof r->location, "%s",
			    wss.v[i].location != NULL ? wss.v[i].location : "");
		}
		arm_workspace_list_free(&wss);
	}
	ls->ok = true;
}

/* Free a scope job and its rows. */
void
live_scope_free(struct live_scope *ls)
{
	if (ls == NULL)
		return;
	free(ls->rows);
	free(ls);
}
