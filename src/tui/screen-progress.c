/*
 * Progress: a submitted plan followed to its end.  Shows the state, the
 * time elapsed against the usual duration (about 10 minutes to create, 5
 * to attach), every transition, and at the end the outcome; a failure is
 * decoded with its hint and a way back to the step that fixes it (a policy
 * that forbids public IPs: the load balancer; quota: the size).  Leaving
 * does not cancel anything: the operation goes on and its journal lets
 * `akswiz watch` (or the next start) follow it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/text.h"
#include "plan/plan-steps.h"
#include "tui/deploy.h"
#include "tui/display.h"
#include "tui/job.h"
#include "tui/live.h"
#include "tui/screens.h"
#include "tui/tui.h"
#include "tui/wizard.h"

struct progress {
	struct live_run		*run;		/* shared with the job */
	struct wizard		*w;		/* (borrowed) below, or NULL */
	bool			 running;
	uint64_t		 started_ms;	/* clock time of the submit */
	uint64_t		 elapsed_ms;	/* the whole operation's, once done */
	enum wizard_step	 route;		/* where to fix a failure */
	bool			 has_route;
	/* A legacy create refused: back to the type, Kubernetes chosen. */
	bool			 to_k8s;
	/*
	 * A deploy: the page of the deploy screens that fixes a failure
	 * (-1 none); once done, the scoring URI and a call of it
	 * (deploy-call.c).
	 */
	int			 deploy_route;
	struct deploy_call	*call;		/* the latest answer, shown */
	struct deploy_call	*pending;	/* the job running, or NULL */
	struct tui		*tui;
};

static const enum request progress_keys[] = {
	REQ_ENTER, REQ_BACK, REQ_NONE
};

/* "2 min 5 s", "40 s". */
static void
progress_duration(uint64_t ms, char *buf, size_t len)
{
	uint64_t	s = ms / 1000;

	if (s >= 60)
		snprintf(buf, len, _("%llu min %llu s"),
		    (unsigned long long)(s / 60), (unsigned long long)(s % 60));
	else
		snprintf(buf, len, _("%llu s"), (unsigned long long)s);
}


/* Which step fixes what went wrong. */
static void
progress_route(struct progress *p)
{
	struct live_run		*r = p->run;
	const struct verdict	*v = NULL;
	size_t			 i;
	char			 all[4096];

	p->has_route = false;
	if (r->refused) {
		for (i = 0; i < r->verdicts.n && v == NULL; i++)
			if (r->verdicts.v[i].severity == SEV_ERROR)
				v = &r->verdicts.v[i];
		if (v == NULL)
			return;
		p->has_route = true;
		switch (v->field) {
		case FIELD_NAME:
			p->route = STEP_NAME;
			break;
		case FIELD_PURPOSE:
			p->route = STEP_PURPOSE;
			break;
		case FIELD_VM_SIZE:
		case FIELD_NODE_COUNT:
		case FIELD_LOCATION:
			p->route = STEP_SIZE;
			break;
		case FIELD_LB_TYPE:
		case FIELD_LB_SUBNET:
			p->route = STEP_LB;
			break;
		case FIELD_VNET_RESOURCE_GROUP: case FIELD_VNET_NAME:
		case FIELD_SUBNET_NAME: case FIELD_SERVICE_CIDR:
		case FIELD_DNS_SERVICE_IP: case FIELD_DOCKER_BRIDGE_CIDR:
			p->route = STEP_NETWORK;
			break;
		case FIELD_TLS_MODE: case FIELD_TLS_LEAF_LABEL:
		case FIELD_TLS_OVERWRITE: case FIELD_TLS_CERT_FILE:
		case FIELD_TLS_KEY_FILE: case FIELD_TLS_CNAME:
			p->route = STEP_TLS;
			break;
		case FIELD_CLUSTER_ID:
		case FIELD_CLUSTER:
			p->route = STEP_CLUSTER;
			break;
		default:
			p->has_route = false;
		}
		return;
	}
	if (!r->ok || r->out.result == OPS_FAILED) {
		if (snprintf(all, sizeof all, "%s %s %s %s", r->out.code,
		    r->out.line, r->out.detail, r->err.detail) < 0)
			all[0] = '\0';
		/* Azure refuses new AKS computes (D.2): today's path instead. */
		if (r->plan.op == PLAN_CREATE && r->plan.type == COMPUTE_AKS &&
		    strcasestr(all, "no longer supported") != NULL) {
			p->route = STEP_TYPE;
			p->has_route = p->to_k8s = p->w != NULL &&
			    p->w->op == PLAN_CREATE;
		} else if (strcasestr(all, "policy") != NULL) {
			p->route = STEP_LB;
			p->has_route = true;
		} else if (strcasestr(all, "quota") != NULL) {
			p->route = STEP_SIZE;
			p->has_route = p->w == NULL || p->w->op == PLAN_CREATE;
		}
	}
}

static uint64_t	progress_elapsed(struct progress *);

/*
 * A step's own time: the running one's moves on between polls from when
 * its time was last reported (the spinner redraws the screen anyway).
 */
static uint64_t
progress_step_ms(struct progress *p, int i)
{
	struct live_run	*r = p->run;
	uint64_t	 now = clock_now_ms();

	if (!p->running || i + 1 != r->step || now < r->steps_at[i])
		return r->steps_ms[i];
	return r->steps_ms[i] + (now - r->steps_at[i]);
}

/* Cells of an upload's bar, its brackets included. */
#define PROGRESS_BAR	22

/*
 * A running step's whole state under its row; one that ends in a
 * percentage ("uploading model.pkl: 50%") after a bar of it.
 */
static void
progress_step_detail(WINDOW *win, int y, const char *state)
{
	char		 bar[PROGRESS_BAR * 4 + 1];
	const char	*pc = strrchr(state, '%'), *d;
	int		 pct = -1, fill, i, x = 6;
	size_t		 len = 0;

	if (pc != NULL) {
		for (d = pc; d > state && d[-1] >= '0' && d[-1] <= '9'; d--)
			;
		if (d < pc)
			pct = atoi(d);
	}
	if (pct >= 0 && pct <= 100) {
		fill = pct * (PROGRESS_BAR - 2) / 100;
		bar[len++] = '[';
		for (i = 0; i < PROGRESS_BAR - 2; i++)
			len += (size_t)snprintf(bar + len, sizeof bar - len,
			    "%s", i < fill ? "#" : " ");
		bar[len++] = ']';
		bar[len] = '\0';
		display_text(win, y, x, PROGRESS_BAR, bar,
		    display_attr(STYLE_OK), false);
		x += PROGRESS_BAR + 1;
	}
	display_text(win, y, x, COLS - 2 - x, state, display_attr(STYLE_DIM),
	    true);
}

/*
 * A plan of several steps (today's path): a row per step, what it does,
 * its state and its own time; rows used.  Under the run's lock.
 */
static int
progress_steps(struct progress *p, WINDOW *win, int y, int bottom, int spare)
{
	struct live_run	*r = p->run;
	char		 num[16], dur[64];
	const char	*state;
	int		 i, n = 0, pw, st, rows;

	if (r->nsteps < 2)
		return 0;
	/* The phrase gives way to the state (12 cells) and the time (10). */
	pw = COLS - 4 - 4 - 1 - 12 - 1 - 10;
	for (i = 0; i < r->nsteps && i < LIVE_STEPS_MAX && y + n < bottom;
	    i++, n++) {
		st = A_NORMAL;
		dur[0] = '\0';
		if (r->steps_seen[i]) {
			state = r->steps_state[i];
			progress_duration(progress_step_ms(p, i), dur,
			    sizeof dur);
			if (i + 1 == r->step && p->running)
				st = A_BOLD;
		} else if (i + 1 < r->step)
			/* TRANSLATORS: a step done by an earlier run. */
			state = _("done before");
		else
			/* TRANSLATORS: a step not started yet. */
			state = _("waiting");
		snprintf(num, sizeof num, "%d.", i + 1);
		display_text(win, y + n, 2, 3, num, st, false);
		display_text(win, y + n, 6 + pw + 1, 12, state, st, true);
		display_text(win, y + n, 6 + pw + 14, 10, dur,
		    display_attr(STYLE_DIM), false);
		/*
		 * What it does, whole: a narrow pane wraps it under itself,
		 * in the spare rows (the outcome's are kept); else cut.
		 */
		rows = display_wrap_rows(pw, step_kind_phrase(
		    r->steps_kind[i]), false);
		if (rows > 1 && rows - 1 <= spare) {
			display_wrap(win, y + n, 6, pw, bottom - y - n,
			    step_kind_phrase(r->steps_kind[i]), st);
			spare -= rows - 1;
			n += rows - 1;
		} else
			display_text(win, y + n, 6, pw,
			    step_kind_phrase(r->steps_kind[i]), st, true);
		/* A running step's longer state (an upload's) on its row. */
		if (p->running && i + 1 == r->step && r->steps_seen[i] &&
		    display_width(state) > 12 && y + n + 1 < bottom)
			progress_step_detail(win, y + ++n, state);
	}
	return n;
}

/*
 * Once the run has its journal entry (before its first request), the
 * wizard's plan is kept: quitting loses nothing and a hang-up leaves no
 * draft of it.  Under the run's lock.
 */
static void
progress_journaled(struct progress *p)
{
	if (p->w != NULL && p->run->journal[0] != '\0')
		p->w->saved = true;
}

/* A deploy's plan is journaled: its deploy screens lose nothing now. */
static void
progress_deploy_kept(struct progress *p)
{
	int	i;

	for (i = p->tui->depth - 1; i >= 0; i--)
		if (strcmp(p->tui->stack[i]->ops->name, "deploy") == 0) {
			deploy_submitted(p->tui->stack[i]->data);
			return;
		}
}

/* A deploy's call job is back: its answer is the one shown. */
static void
progress_call_done(void *arg)
{
	struct deploy_call	*c = arg;
	struct progress		*p;

	if (c->cancelled) {
		deploy_call_free(c);
		return;
	}
	p = c->owner;
	p->pending = NULL;
	/* A call keeps the scoring URI the first answer brought. */
	if (c->scoring_uri[0] == '\0' && p->call != NULL)
		snprintf(c->scoring_uri, sizeof c->scoring_uri, "%s",
		    p->call->scoring_uri);
	deploy_call_free(p->call);
	p->call = c;
	p->tui->redraw = true;
	/* The reply on a page of its own, whole at any size (w saves it). */
	if (c->what == DEPLOY_CALL_INVOKE && c->ok && p->tui->depth > 0 &&
	    p->tui->stack[p->tui->depth - 1]->data == p) {
		struct open_request	o;

		memset(&o, 0, sizeof o);
		/* TRANSLATORS: the title of the page of a call's reply. */
		o.title = _("The endpoint's reply");
		/* TRANSLATORS: POST URL, then the HTTP status and the time. */
		xasprintf(&o.text, _("POST %s\n%s\n\nHTTP %ld in %llu ms\n\n"
		    "%s\n"), c->scoring_uri, deploy_sample_body, c->status,
		    (unsigned long long)c->latency_ms, c->reply != NULL ?
		    c->reply : "");
		o.file = "deploy-reply.txt";
		tui_open(p->tui, REQ_OPEN_TEXT, &o);
	}
}

/* Start a deploy's job: the scoring URI, or the call. */
static void
progress_call(struct progress *p, int what)
{
	struct deploy_call	*c;

	if (p->pending != NULL || p->run->arm == NULL)
		return;
	c = deploy_call_new(p->run->arm, &p->run->plan, what);
	c->owner = p;
	p->pending = c;
	job_start(deploy_call_run, progress_call_done, c);
}

/* A deploy that failed with a detail (a container's log): l shows it. */
static bool
progress_has_detail(const struct progress *p)
{
	return !p->running && p->run->plan.op == PLAN_DEPLOY &&
	    !p->run->refused && p->run->ok &&
	    p->run->out.result != OPS_SUCCEEDED &&
	    p->run->out.detail[0] != '\0';
}

/* A deploy that succeeded, whose scoring URI is known: c calls it. */
static bool
progress_callable(const struct progress *p)
{
	return !p->running && p->run->plan.op == PLAN_DEPLOY && p->run->ok &&
	    p->run->out.result == OPS_SUCCEEDED && p->call != NULL &&
	    p->call->scoring_uri[0] != '\0';
}

/*
 * A deploy's end: on success its scoring URI; on failure the page of the
 * deploy screens that fixes it (the resources for what Kubernetes could
 * not schedule, the model and code for a container that crashed: the
 * outcome's detail has its log), or a preflight's verdict's page.
 */
static void
progress_deploy_done(struct progress *p)
{
	struct live_run		*r = p->run;
	char			 all[4096];
	size_t			 i;

	p->deploy_route = -1;
	if (r->refused) {
		for (i = 0; i < r->verdicts.n; i++)
			if (r->verdicts.v[i].severity == SEV_ERROR) {
				p->deploy_route = deploy_field_page(
				    r->verdicts.v[i].field);
				break;
			}
		return;
	}
	if (r->ok && r->out.result == OPS_SUCCEEDED) {
		progress_call(p, DEPLOY_CALL_URI);
		return;
	}
	if (snprintf(all, sizeof all, "%s %s %s %s", r->out.code,
	    r->out.line, r->out.detail, r->err.detail) < 0)
		all[0] = '\0';
	if (strcasestr(all, "Unschedulable") != NULL ||
	    strcasestr(all, "Insufficient") != NULL)
		p->deploy_route = DEPLOY_PAGE_RESOURCES;
	else if (r->step_kind == STEP_CREATE_DEPLOYMENT ||
	    r->step_kind == STEP_REGISTER_MODEL ||
	    r->step_kind == STEP_REGISTER_CODE ||
	    r->step_kind == STEP_REGISTER_ENVIRONMENT)
		p->deploy_route = DEPLOY_PAGE_WHAT;
}

/* Job done (main thread): the outcome is in the run. */
static void
progress_done(void *arg)
{
	struct live_run		*r = arg;
	struct progress		*p;

	if (r->cancelled) {
		live_run_free(r);
		return;
	}
	p = r->owner;
	p->elapsed_ms = progress_elapsed(p);
	p->running = false;
	/*
	 * Submitted: the journal keeps the plan, quitting loses nothing.  A
	 * preflight that failed (no answer, another akswiz on the compute)
	 * sent nothing and journaled nothing: the plan is still unsaved.
	 */
	if (p->w != NULL && r->kept)
		p->w->saved = true;
	if (r->kept && r->plan.op == PLAN_DEPLOY)
		progress_deploy_kept(p);
	progress_route(p);
	if (r->plan.op == PLAN_DEPLOY)
		progress_deploy_done(p);
}

/* A screen leaving stops at: home, browse, a compute's endpoints. */
static bool
progress_stop(const struct screen *s)
{
	return strcmp(s->ops->name, "home") == 0 ||
	    strcmp(s->ops->name, "browse") == 0 ||
	    strcmp(s->ops->name, "endpoints") == 0;
}

/* Where leaving goes: the nearest home or browse screen below, or out. */
static const char *
progress_destination(struct screen *s)
{
	struct tui	*t = s->tui;
	int		 i;

	for (i = t->depth - 1; i >= 1; i--)
		if (progress_stop(t->stack[i - 1]))
			return strcmp(t->stack[i - 1]->ops->name, "home") == 0 ?
			    "home" : "browse";	/* endpoints: a list too */
	return "quit";
}

/* The key hints once done, naming where Enter and Esc go. */
static const char *
progress_dest_hint(struct screen *s, bool fix)
{
	const char	*to = progress_destination(s);

	/* TRANSLATORS: key hints; at most 58 cells.  "the list": browse. */
	if (strcmp(to, "browse") == 0)
		return fix ? _("Enter fix it  Esc back to the list") :
		    _("Enter back to the list  Esc back to the list");
	if (strcmp(to, "home") == 0)
		return fix ? _("Enter fix it  Esc home") :
		    _("Enter home  Esc home");
	/* TRANSLATORS: key hints; at most 58 cells.  "quit": leave akswiz. */
	return fix ? _("Enter fix it  Esc quit") : _("Enter quit  Esc quit");
}

/* Milliseconds since the operation began (since the submit until known). */
static uint64_t
progress_elapsed(struct progress *p)
{
	uint64_t	now = clock_now_ms();
	uint64_t	from = p->run->started_ms != 0 ? p->run->started_ms :
			    p->started_ms;

	return now > from ? now - from : 0;
}

/* How long an operation usually takes, for the user. */
static const char *
progress_usual(const struct plan *plan)
{
	switch (plan->op) {
	case PLAN_ATTACH:
		return _("about 5 minutes");
	case PLAN_UPDATE:
	case PLAN_SCALE:
	case PLAN_DEPLOY:
	case PLAN_UPDATE_DEPLOYMENT:
	case PLAN_SET_TRAFFIC:
	case PLAN_DELETE_DEPLOYMENT:
	case PLAN_DELETE_ENDPOINT:
		/* TRANSLATORS: after "it usually takes"; at most 20 cells. */
		return _("a few minutes");
	case PLAN_DETACH:
		/* TRANSLATORS: after "it usually takes"; at most 20 cells. */
		return plan->detach_action == DETACH_DELETE ?
		    _("about 10 minutes") : _("about a minute");
	default:
		return _("about 10 minutes");
	}
}

/* The title: what is being done, then what was done or not. */
static void
progress_title(struct progress *p, char *buf, size_t len)
{
	const struct live_run	*r = p->run;
	const char		*fmt;
	bool			 del = r->plan.op == PLAN_DETACH &&
				    r->plan.detach_action == DETACH_DELETE;
	bool			 good = !p->running && !r->refused && r->ok &&
				    r->out.result == OPS_SUCCEEDED;
	bool			 bad = !p->running && !good;

	/*
	 * TRANSLATORS: progress titles; %s is the compute's name; at most
	 * 40 cells with it.  "Could not ..." once the operation failed.
	 */
	static const struct {
		enum plan_op	 op;
		const char	*doing, *done, *failed;
	} titles[] = {
		{ PLAN_ATTACH, N_("Attaching %s"), N_("Attached %s"),
		    N_("Could not attach %s") },
		{ PLAN_UPDATE, N_("Updating %s"), N_("Updated %s"),
		    N_("Could not update %s") },
		{ PLAN_DETACH, N_("Detaching %s"), N_("Detached %s"),
		    N_("Could not detach %s") },
		{ PLAN_DELETE, N_("Deleting %s"), N_("Deleted %s"),
		    N_("Could not delete %s") },
		{ PLAN_SCALE, N_("Scaling %s"), N_("Scaled %s"),
		    N_("Could not scale %s") },
		{ PLAN_MIGRATE, N_("Migrating %s"), N_("Migrated %s"),
		    N_("Could not migrate %s") },
		/* TRANSLATORS: %s is the Kubernetes compute the online
		 * endpoint is on. */
		{ PLAN_UPDATE_DEPLOYMENT, N_("Changing an endpoint on %s"),
		    N_("Changed an endpoint on %s"),
		    N_("Could not change an endpoint on %s") },
		{ PLAN_SET_TRAFFIC, N_("Changing an endpoint on %s"),
		    N_("Changed an endpoint on %s"),
		    N_("Could not change an endpoint on %s") },
		{ PLAN_DELETE_DEPLOYMENT, N_("Deleting from %s"),
		    N_("Deleted from %s"), N_("Could not delete from %s") },
		{ PLAN_DELETE_ENDPOINT, N_("Deleting from %s"),
		    N_("Deleted from %s"), N_("Could not delete from %s") },
		{ PLAN_DEPLOY, N_("Deploying to %s"), N_("Deployed to %s"),
		    N_("Could not deploy to %s") },
		{ PLAN_CREATE, N_("Creating %s"), N_("Created %s"),
		    N_("Could not create %s") },
	};
	/* A legacy detach that deletes the cluster reads as a delete. */
	enum plan_op	 op = del ? PLAN_DELETE : r->plan.op;
	size_t		 i, n = sizeof titles / sizeof titles[0];

	for (i = 0; i < n - 1 && titles[i].op != op; i++)
		;
	fmt = _(good ? titles[i].done : bad ? titles[i].failed :
	    titles[i].doing);
	/* Not "could not": the steps before the failed one took effect. */
	if (!p->running && !r->refused && r->out.result == OPS_PARTIAL)
		/* TRANSLATORS: progress title; %s is the compute's name; at
		 * most 40 cells with it. */
		fmt = _("Partly applied to %s");
	snprintf(buf, len, fmt, r->plan.name);
}

/* Leave for home (or quit when the wizard was the first screen). */
static void
progress_leave(struct screen *s)
{
	struct tui	*t = s->tui;

	while (t->depth > 1 && !progress_stop(t->stack[t->depth - 1]))
		tui_pop(t);
	if (!progress_stop(t->stack[t->depth - 1]))
		t->quit = true;
}

/* Progress keys: fix (route back), home, or leave while it runs. */
static enum reaction
progress_request(struct screen *s, const struct key_event *ev)
{
	struct progress	*p = s->data;
	struct tui	*t = s->tui;
	struct wizard	*w = p->w;
	char		 journal[1024];

	/* A deploy that succeeded: c calls it with the sample body. */
	if (!p->running && !ev->key.fn && (ev->key.code == 'c' ||
	    ev->key.code == 'C') && progress_callable(p)) {
		progress_call(p, DEPLOY_CALL_INVOKE);
		return REACT_REDRAW;
	}
	/* A deploy that failed: l shows the whole of what went wrong. */
	if (!p->running && !ev->key.fn && (ev->key.code == 'l' ||
	    ev->key.code == 'L') && progress_has_detail(p)) {
		struct open_request	o;
		char			*raw;

		memset(&o, 0, sizeof o);
		/* TRANSLATORS: the title of the page of a failed deploy. */
		o.title = _("Why the deploy failed");
		pthread_mutex_lock(&p->run->lock);
		xasprintf(&raw, "%s\n\n%s\n", p->run->out.line,
		    p->run->out.detail);
		pthread_mutex_unlock(&p->run->lock);
		/* The service's text, its control characters made visible. */
		o.text = text_escape_dup(raw, TEXT_KEEP_NEWLINE);
		free(raw);
		o.file = "deploy-failure.txt";
		tui_open(t, REQ_OPEN_TEXT, &o);
		return REACT_REDRAW;
	}
	switch (ev->req) {
	case REQ_ENTER:
		if (p->running)
			return REACT_NONE;
		if (p->deploy_route >= 0) {
			int	page = p->deploy_route, i;

			/* Back to the deploy screens, at the page to change. */
			for (i = t->depth - 1; i >= 0 &&
			    strcmp(t->stack[i]->ops->name, "deploy") != 0; i--)
				;
			if (i >= 0) {
				while (t->depth > i + 1)
					tui_pop(t);	/* frees p */
				deploy_goto(t->stack[i]->data, page);
				return REACT_REDRAW;
			}
		}
		if (p->has_route && w != NULL) {
			enum wizard_step	route = p->route;
			bool			to_k8s = p->to_k8s;

			/* Back to the wizard, at the step that fixes it. */
			while (t->depth > 0 && strcmp(t->stack[t->depth -
			    1]->ops->name, "wizard") != 0)
				tui_pop(t);	/* frees p */
			if (to_k8s)
				wizard_choose_k8s(w);
			else
				wizard_goto(w, route);
			return REACT_REDRAW;
		}
		progress_leave(s);
		return REACT_REDRAW;
	case REQ_BACK:
		if (p->running) {
			pthread_mutex_lock(&p->run->lock);
			snprintf(journal, sizeof journal, "%s",
			    p->run->journal);
			pthread_mutex_unlock(&p->run->lock);
			progress_leave(s);
			tui_status(t, STYLE_WARNING, _("The operation goes on; "
			    "\"akswiz watch\" follows it%s%s."),
			    journal[0] != '\0' ? _(" (journal ") : "",
			    journal[0] != '\0' ? journal : "");
			return REACT_REDRAW;
		}
		progress_leave(s);
		return REACT_REDRAW;
	case REQ_QUIT:
		if (!p->running)
			return REACT_UNHANDLED;
		/* Submitted: nothing is lost, the operation goes on. */
		t->confirm_quit = true;
		/* TRANSLATORS: %s is a command line, "akswiz watch" or
		   "akswiz --sandbox watch", kept as it is. */
		snprintf(t->confirm_text, sizeof t->confirm_text, _("The "
		    "operation goes on: \"%s\" follows it, and so does the "
		    "home screen. Quit? Press y to quit, any other key to "
		    "stay."), t->ctx.sandbox ? "akswiz --sandbox watch" :
		    "akswiz watch");
		return REACT_REDRAW;
	default:
		return REACT_UNHANDLED;
	}
}

/*
 * A deploy's end (win NULL: only count the rows): the scoring URI and
 * what "call it now" sends, or the call's status and time (its reply
 * opens on a page of its own); the page Enter goes back to.
 */
static int
progress_deploy_rows(struct progress *p, WINDOW *win, int y, int bottom)
{
	const struct deploy_call *c = p->call;
	char		 line[PLAN_TEXT_LEN + 256];
	int		 n = 0, w = COLS - 4, k;

#define ROW(text, attr, max) do {					\
	k = display_wrap_rows(w, (text), true);				\
	if (k > (max))							\
		k = (max);						\
	if (win != NULL && y + n < bottom)				\
		k = display_wrap_split(win, y + n, 2, w, bottom - y - n < k ? \
		    bottom - y - n : k, (text), (attr));		\
	n += k;								\
} while (0)
	if (p->run->plan.op != PLAN_DEPLOY || p->running)
		return 0;
	if (p->pending != NULL) {
		snprintf(line, sizeof line, "%s %s", tui_spinner(p->tui),
		    p->pending->what == DEPLOY_CALL_INVOKE ?
		    _("Calling the endpoint...") :
		    _("Reading the endpoint's scoring URI..."));
		ROW(line, display_attr(STYLE_DIM), 1);
	}
	if (c != NULL && c->scoring_uri[0] != '\0') {
		/* TRANSLATORS: the deployed endpoint's scoring URI.  Under
		 * 24 lines the URI alone, on one row where it fits. */
		if (LINES >= 24)
			snprintf(line, sizeof line, _("Scoring URI: %s"),
			    c->scoring_uri);
		else
			snprintf(line, sizeof line, "%s", c->scoring_uri);
		ROW(line, A_BOLD, 3);
	}
	if (c != NULL && !c->ok) {
		ROW(c->err.msg, display_attr(STYLE_ERROR), 3);
	} else if (c != NULL && c->what == DEPLOY_CALL_INVOKE) {
		/* TRANSLATORS: a call of the endpoint: HTTP status and time. */
		snprintf(line, sizeof line, _("Called it: HTTP %ld in %llu "
		    "ms; c calls it again."), c->status,
		    (unsigned long long)c->latency_ms);
		ROW(line, display_attr(c->status >= 200 && c->status < 300 ?
		    STYLE_OK : STYLE_ERROR), 2);
	}
	if (progress_callable(p) && c->what == DEPLOY_CALL_URI) {
		/* TRANSLATORS: %s is the sample body, JSON. */
		snprintf(line, sizeof line, _("c calls it now with %s"),
		    deploy_sample_body);
		ROW(line, display_attr(STYLE_KEY), 2);
	}
	if (p->deploy_route >= 0) {
		/* TRANSLATORS: %s is a page of the deploy screens. */
		snprintf(line, sizeof line, _("Enter goes back to the page "
		    "\"%s\" to change it; nothing typed is lost."),
		    deploy_page_title(p->deploy_route));
		ROW(line, display_attr(STYLE_KEY), 3);
	}
#undef ROW
	return n;
}

/* The rows the outcome wants once the run is over (under lock). */
static int
progress_outcome_rows(struct progress *p)
{
	struct live_run	*r = p->run;
	char		 line[1200];
	size_t		 k;
	int		 n = 1, w = COLS - 6;

	if (r->refused) {
		n++;
		for (k = 0; k < r->verdicts.n; k++)
			if (r->verdicts.v[k].severity != SEV_INFO) {
				tui_verdict_text(&r->verdicts.v[k], line,
				    sizeof line);
				n += display_wrap_rows(w, line, false);
			}
	} else if (!r->ok) {
		n += display_wrap_rows(w, r->err.msg, false) +
		    display_wrap_rows(w, r->err.detail, false);
	} else {
		n += display_wrap_rows(w, r->out.line, false) +
		    display_wrap_rows(w, r->out.detail, false) +
		    display_wrap_rows(w, r->out.hint, false);
	}
	return p->has_route ? n + 3 : n;
}

/* State, elapsed against the usual duration, transitions, outcome. */
static void
progress_draw(struct screen *s, WINDOW *win)
{
	struct progress	*p = s->data;
	struct live_run	*r = p->run;
	char		 title[256], line[1200], dur[64], right[96];
	char		 cell[80];
	const char	*usual, *mark;
	int		 y = 3, i, st, bottom = LINES - 3, room, drows;
	int		 full = LINES - 3;
	size_t		 k;

	pthread_mutex_lock(&r->lock);
	progress_journaled(p);
	/* A deploy's own rows (the route, the call) are kept at the end. */
	if ((drows = progress_deploy_rows(p, NULL, 0, 0)) > 0)
		bottom = full - drows - (LINES >= 24 ? 1 : 0);
	progress_title(p, title, sizeof title);
	if (p->running)
		snprintf(right, sizeof right, "%s %s", tui_spinner(s->tui),
		    r->state[0] != '\0' ? r->state : _("starting"));
	else
		snprintf(right, sizeof right, "%s", r->state);
	tui_draw_frame(s->tui, win, title, right);
	usual = progress_usual(&r->plan);
	if (!r->preflight_done) {
		snprintf(line, sizeof line, "%s", _("Checking the plan against "
		    "the service (preflight)..."));
		display_text(win, y++, 2, COLS - 4, line, A_NORMAL, true);
	} else if (!r->refused) {
		snprintf(line, sizeof line, _("State     %s"), r->state[0] !=
		    '\0' ? r->state : _("submitting"));
		display_text(win, y++, 2, COLS - 4, line, A_BOLD, true);
		/* The whole operation's; while it runs, time moves on. */
		progress_duration(p->running ? progress_elapsed(p) :
		    p->elapsed_ms, dur, sizeof dur);
		snprintf(line, sizeof line, _("Elapsed   %s (it usually takes "
		    "%s)"), dur, usual);
		display_text(win, y++, 2, COLS - 4, line, A_NORMAL, true);
		if (r->journal[0] != '\0') {
			/* A path to copy: whole, over the rows it needs. */
			int	lw;

			snprintf(line, sizeof line, _("Journal   %s"),
			    r->journal);
			if (strlen(line) > strlen(r->journal))
				line[strlen(line) - strlen(r->journal)] = '\0';
			lw = display_width(line);
			display_text(win, y, 2, lw, line,
			    display_attr(STYLE_DIM), false);
			y += display_wrap_split(win, y, 2 + lw, COLS - 4 - lw,
			    3, r->journal, display_attr(STYLE_DIM));
		}
		y++;
		/* Spare rows for wrapped phrases: what is left once a row a
		 * step, the blanks around the outcome and the outcome (or,
		 * while it runs, the State line's latest) have theirs. */
		if (r->nsteps > 1)
			y += progress_steps(p, win, y, bottom, bottom - y -
			    r->nsteps - 2 - (p->running ? 1 :
			    progress_outcome_rows(p))) +
			    (drows == 0 || LINES >= 24 ? 1 : 0);
		/* The latest transitions, in the rows the outcome leaves. */
		room = bottom - y - 1 - (p->running ? 6 :
		    progress_outcome_rows(p));
		if (room < (p->running ? 1 : 0))
			room = p->running ? 1 : 0;	/* the State line says it */
		i = r->nlog > room ? r->nlog - room : 0;
		for (; i < r->nlog && room-- > 0; i++) {
			progress_duration(r->log_ms[i], dur, sizeof dur);
			/* %10s counts bytes: pad "1 分 5 秒" by cells first. */
			cell[0] = '\0';
			display_cat(cell, sizeof cell, dur, -10);
			strlcpy_ok(dur, cell, sizeof dur);
			if (r->log_step[i] > 0)
				snprintf(line, sizeof line, _("  %10s  %-12s "
				    "step %d of %d: %s"), dur, r->log[i],
				    r->log_step[i], r->nsteps,
				    step_kind_phrase(r->log_step_kind[i]));
			else
				snprintf(line, sizeof line, "  %10s  %s", dur,
				    r->log[i]);
			display_text(win, y++, 2, COLS - 4, line, A_NORMAL,
			    true);
		}
	}
	/* Under 24 lines a deploy's rows take the blank rows' place. */
	if (drows == 0 || LINES >= 24)
		y++;
	if (!p->running) {
		if (r->refused) {
			display_text(win, y++, 2, COLS - 4,
			    _("Preflight refused the plan; nothing was sent:"),
			    display_attr(STYLE_ERROR), true);
			for (k = 0; k < r->verdicts.n && y < bottom - 2; k++) {
				const struct verdict *v = &r->verdicts.v[k];

				if (v->severity == SEV_INFO)
					continue;
				st = v->severity == SEV_ERROR ? STYLE_ERROR :
				    STYLE_WARNING;
				display_text(win, y, 2, 2, v->severity ==
				    SEV_ERROR ? glyph->error : glyph->warning,
				    display_attr(st), false);
				tui_verdict_text(v, line, sizeof line);
				y += display_wrap(win, y, 4, COLS - 6,
				    bottom - 2 - y, line, display_attr(st));
			}
		} else if (!r->ok) {
			mark = glyph->error;
			display_text(win, y, 2, 2, mark,
			    display_attr(STYLE_ERROR), false);
			y += display_wrap(win, y, 4, COLS - 6, bottom - y,
			    r->err.msg, display_attr(STYLE_ERROR));
			if (r->err.detail[0] != '\0')
				y += display_wrap(win, y, 4, COLS - 6,
				    bottom - y, r->err.detail,
				    display_attr(STYLE_DIM));
		} else {
			bool	good = r->out.result == OPS_SUCCEEDED;

			display_text(win, y, 2, 2, good ? glyph->ok :
			    glyph->error, display_attr(good ? STYLE_OK :
			    STYLE_ERROR), false);
			y += display_wrap(win, y, 4, COLS - 6, bottom - y,
			    r->out.line, display_attr(good ? STYLE_OK :
			    STYLE_ERROR));
			if (r->out.detail[0] != '\0')
				y += display_wrap(win, y, 4, COLS - 6,
				    bottom - y, r->out.detail,
				    display_attr(STYLE_DIM));
			if (r->out.hint[0] != '\0')
				y += display_wrap(win, y, 4, COLS - 6,
				    bottom - y, r->out.hint, A_NORMAL);
		}
		if (drows > 0) {
			/* Under the outcome, in the rows kept for them. */
			bottom = full;
			y += LINES >= 24 ? 1 : 0;
			y += progress_deploy_rows(p, win, y, bottom) + 1;
		}
		if (p->has_route && p->w != NULL && p->to_k8s)
			display_wrap(win, y + 1, 2, COLS - 4, bottom + 1 - y,
			    _("Enter goes back to the compute type with "
			    "Kubernetes chosen; nothing typed is lost."),
			    display_attr(STYLE_KEY));
		else if (p->has_route && p->w != NULL) {
			snprintf(line, sizeof line, _("Enter goes back to the "
			    "%s step to change it; nothing typed is lost."),
			    wizard_step_title(p->route));
			display_wrap(win, y + 1, 2, COLS - 4, bottom + 1 - y,
			    line, display_attr(STYLE_KEY));
		}
	}
	pthread_mutex_unlock(&r->lock);
	if (progress_has_detail(p)) {
		/* TRANSLATORS: key hints, before "Enter fix it  Esc home". */
		snprintf(line, sizeof line, "%s  %s", _("l whole log"),
		    progress_dest_hint(s, p->deploy_route >= 0));
		tui_draw_hints(win, line);
	} else if (!p->running && r->plan.op == PLAN_DEPLOY &&
	    p->deploy_route >= 0)
		tui_draw_hints(win, progress_dest_hint(s, true));
	else if (progress_callable(p)) {
		/* TRANSLATORS: key hints, before "Enter home  Esc home". */
		snprintf(line, sizeof line, "%s  %s", _("c call it"),
		    progress_dest_hint(s, false));
		tui_draw_hints(win, line);
	} else
		tui_draw_hints(win, p->running ? _("Esc leave (the operation "
		    "goes on)  ? keys") : p->has_route && p->w != NULL ?
		    progress_dest_hint(s, true) : progress_dest_hint(s,
		    false));
}

/* Free the screen; a running job frees the run itself. */
static void
progress_free(struct screen *s)
{
	struct progress	*p = s->data;

	if (p->running)
		p->run->cancelled = true;	/* the job frees it */
	else
		live_run_free(p->run);
	if (p->pending != NULL)
		p->pending->cancelled = true;	/* its job frees it */
	deploy_call_free(p->call);
	free(p);
}

/* The run for tests. */
static void
progress_save_state(struct screen *s, FILE *fp)
{
	struct progress	*p = s->data;
	struct live_run	*r = p->run;
	int		 i;

	pthread_mutex_lock(&r->lock);
	fprintf(fp, "running: %s\n", p->running ? "yes" : "no");
	fprintf(fp, "state: %s\n", r->state);
	fprintf(fp, "refused: %s\n", r->refused ? "yes" : "no");
	if (!p->running)
		fprintf(fp, "result: %s\n", r->refused ? "refused" : !r->ok ?
		    "error" : ops_result_name(r->out.result));
	fprintf(fp, "code: %s\n", r->out.code);
	for (i = 0; i < r->nlog; i++)
		fprintf(fp, "transition: %s %s\n", r->log[i],
		    step_kind_name(r->log_step_kind[i]));
	for (i = 0; r->nsteps > 1 && i < r->nsteps && i < LIVE_STEPS_MAX; i++)
		fprintf(fp, "step: %d %s %s\n", i + 1,
		    step_kind_name(r->steps_kind[i]), r->steps_seen[i] ?
		    r->steps_state[i] : "-");
	fprintf(fp, "route: %s\n", p->has_route ?
	    wizard_step_title(p->route) : p->deploy_route >= 0 ?
	    deploy_page_title(p->deploy_route) : "");
	if (p->call != NULL)
		fprintf(fp, "call: %s %ld %s\n", p->call->ok ? "ok" : "error",
		    p->call->status, p->call->scoring_uri);
	pthread_mutex_unlock(&r->lock);
}

/* Nothing to lose: the journal keeps the operation. */
static bool
progress_unsaved(struct screen *s)
{
	return false;
}

/*
 * SIGHUP or SIGTERM while it runs: a plan the journal holds already is
 * followed from home, not also offered as a draft to submit again.  (Run
 * before the wizard's own save, which is below on the stack.)
 */
static void
progress_save_draft(struct screen *s)
{
	struct progress	*p = s->data;

	pthread_mutex_lock(&p->run->lock);
	progress_journaled(p);
	pthread_mutex_unlock(&p->run->lock);
}

static const struct screen_ops progress_ops = {
	"progress", NULL, NULL, progress_request, progress_draw,
	progress_free, progress_save_state, progress_unsaved,
	progress_save_draft, progress_keys
};

/* Open the progress screen and start the run. */
void
screen_progress_push(struct tui *t, struct live_run *r, struct wizard *w)
{
	struct progress	*p = xcalloc(1, sizeof *p);

	p->run = r;
	p->w = w;
	p->tui = t;
	p->deploy_route = -1;
	p->running = true;
	p->started_ms = clock_now_ms();
	r->owner = p;
	tui_push(t, &progress_ops, p);
	job_start(live_run_run, progress_done, r);
}
