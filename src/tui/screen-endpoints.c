/*
 * A Kubernetes compute's online endpoints (deploy.md 1c), opened from
 * browse with e: each endpoint of the compute with its deployments nested
 * under it (state, instances or autoscale bounds, instance type, traffic),
 * a detail of the selected row, read again while something is Creating,
 * Updating or Deleting.  Its uses: k the keys (masked until v; p and s
 * regenerate one, after a confirmation) or an AMLToken endpoint's token,
 * i a request sent to the scoring URI (status, latency, the reply), l the
 * deployment's container logs (Tab switches container, f follows).  Every
 * call is a job (job.c); secrets live in this screen only, cleared when a
 * view closes, and never reach save_state or a log.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "azure/arm-endpoints.h"
#include "azure/invoke.h"
#include "azure/journal.h"
#include "azure/ops-change.h"
#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/rules-change.h"
#include "core/state.h"
#include "core/vmcatalogue.h"
#include "core/text.h"
#include "tui/browse.h"
#include "tui/display.h"
#include "tui/endpoints.h"
#include "tui/job.h"
#include "tui/screens.h"
#include "tui/timer.h"
#include "tui/tui.h"
#include "tui/widget.h"

#define EPS_REFRESH_MS	5000	/* while something is transitional */
#define EPS_FOLLOW_MS	3000	/* logs followed */
#define EPS_LOG_TAIL	200	/* lines of logs asked for */
#define EPS_INVOKE_MAX	(16 * 1024 * 1024)

enum eps_mode {
	EPS_LIST,
	EPS_KEYS,
	EPS_INVOKE,
	EPS_LOGS,
	EPS_SCALE,		/* a deployment's instances (a plan) */
	EPS_TRAFFIC,		/* the endpoint's split (a plan) */
	EPS_DELETE		/* a deployment or the endpoint (a plan) */
};

#define EPS_FIELDS	8	/* deployments in a traffic form */

enum eps_kind {
	EPS_JOB_LOAD,
	EPS_JOB_KEYS,
	EPS_JOB_REGEN,
	EPS_JOB_INVOKE,
	EPS_JOB_LOGS,
	EPS_JOB_CLUSTER,	/* the compute's nodes, for the fit */
	EPS_JOB__COUNT
};

/* One call on the worker; what it needs and what it brings back. */
struct eps_job {
	enum eps_kind		 kind;
	struct arm		*arm;
	struct plan_scope	 scope;
	char			 compute[PLAN_NAME_LEN];
	char			 endpoint[PLAN_NAME_LEN];
	char			 deployment[PLAN_NAME_LEN];	/* "": none */
	void			*owner;
	bool			 cancelled;
	bool			 ok;
	struct err		 err;
	/* load */
	struct arm_endpoint_list eps;
	struct arm_deployment_list *deps;	/* one per endpoint */
	/* keys, regenerate, invoke */
	bool			 token;
	char			*k1, *k2;
	struct arm_endpoint_token tok;
	const char		*key_type;	/* Primary, Secondary */
	/* invoke */
	char			*file;
	char			*scoring_uri;
	long			 status;
	uint64_t		 ms;
	char			*reply;
	/* logs */
	const char		*container;
	char			*logs;
	/* the cluster: its first pool's size and count, its version */
	char			 vm_size[64];
	int			 nodes;
	char			 version[32];
};

/* A row of the list: an endpoint, or one of its deployments. */
struct eps_row {
	size_t	ep;
	long	dep;		/* -1: the endpoint itself */
};

struct eps {
	struct tui		*tui;
	char			 compute[PLAN_NAME_LEN];
	bool			 readonly;
	enum eps_mode		 mode;
	struct eps_job		*job[EPS_JOB__COUNT];
	/* the list */
	struct arm_endpoint_list eps;
	struct arm_deployment_list *deps;
	struct eps_row		*rows;
	char			**failure;	/* per row: the journal's error
						 * of a failed deployment, or NULL */
	size_t			 nrows, sel, top;
	bool			 loaded;
	char			 error[512];
	int			 list_height;
	/* the view's endpoint and deployment */
	char			 endpoint[PLAN_NAME_LEN];
	char			 deployment[PLAN_NAME_LEN];
	char			 note[512];	/* the view's outcome */
	bool			 note_error;
	int			 scroll;
	/* keys */
	bool			 token;
	char			*k1, *k2;
	struct arm_endpoint_token tok;
	bool			 keys_read, revealed;
	const char		*confirm;	/* Primary, Secondary: asked */
	/* invoke */
	struct widget_field	 file;
	int			 focus;		/* 0 the file, 1 the deployment */
	int			 target;	/* 0 by traffic, i: deps[i-1] */
	bool			 sent;
	long			 status;
	uint64_t		 ms;
	char			*reply;
	/* logs */
	int			 container;	/* 0 inference server, 1 storage */
	bool			 follow;
	char			*logs;
	/* changes: scale, traffic, delete (plans of deploy-change) */
	struct widget_form	 form;
	struct widget_field	 fields[EPS_FIELDS];
	char			 fnames[EPS_FIELDS][PLAN_NAME_LEN];
	int			 nfields;
	bool			 autoscale;	/* the deployment's, as read */
	struct verdicts		 checks;	/* of the change's plan */
	bool			 checked;	/* Enter was tried */
	/* the compute's cluster, read once for the fit of a scale */
	bool			 fit_known;
	char			 vm_size[64];
	int			 nodes;
	char			 version[32];
};

static const char *const eps_containers[] = {
	"InferenceServer", "StorageInitializer"
};

static void	eps_load_start(struct screen *);
static void	eps_logs_start(struct screen *);
static void	eps_help_open(struct eps *);
static void	eps_change_plan(struct screen *, struct plan *);

/* ---- jobs ---- */

/* Free a job and what it holds (secrets cleared). */
static void
eps_job_free(struct eps_job *j)
{
	size_t	i;

	if (j == NULL)
		return;
	if (j->deps != NULL) {
		for (i = 0; i < j->eps.n; i++)
			arm_deployment_list_free(&j->deps[i]);
		free(j->deps);
	}
	arm_endpoint_list_free(&j->eps);
	arm_secret_free(j->k1);
	arm_secret_free(j->k2);
	arm_endpoint_token_done(&j->tok);
	free(j->file);
	free(j->scoring_uri);
	free(j->reply);
	free(j->logs);
	free(j);
}

/* The compute's endpoints, and each one's deployments. */
static void
eps_load_run(struct eps_job *j)
{
	struct arm_endpoint_list all = { 0 };
	size_t			 i;

	j->ok = arm_list_endpoints(j->arm, j->scope.subscription,
	    j->scope.resource_group, j->scope.workspace, &all, &j->err);
	if (!j->ok)
		return;
	for (i = 0; i < all.n; i++) {
		struct arm_endpoint	*e = &all.v[i];

		if (e->compute_name == NULL ||
		    strcasecmp(e->compute_name, j->compute) != 0) {
			arm_endpoint_done(e);
			continue;
		}
		if (j->eps.n == j->eps.alloc) {
			j->eps.alloc = j->eps.alloc * 2 + 4;
			j->eps.v = xreallocarray(j->eps.v, j->eps.alloc,
			    sizeof *j->eps.v);
		}
		j->eps.v[j->eps.n++] = *e;
	}
	free(all.v);
	j->deps = xcalloc(j->eps.n + 1, sizeof *j->deps);
	for (i = 0; i < j->eps.n && j->ok; i++)
		j->ok = arm_list_deployments(j->arm, j->scope.subscription,
		    j->scope.resource_group, j->scope.workspace,
		    j->eps.v[i].name, &j->deps[i], &j->err);
}

/* The keys, or the token of an AMLToken endpoint. */
static bool
eps_secrets(struct eps_job *j)
{
	return j->token ? arm_endpoint_token(j->arm, j->scope.subscription,
	    j->scope.resource_group, j->scope.workspace, j->endpoint,
	    &j->tok, &j->err) : arm_endpoint_keys(j->arm,
	    j->scope.subscription, j->scope.resource_group,
	    j->scope.workspace, j->endpoint, &j->k1, &j->k2, &j->err);
}

/* The request file sent to the scoring URI. */
static void
eps_invoke_run(struct eps_job *j)
{
	struct arm_endpoint_reply	 rsp;
	struct arm_endpoint	 e;
	struct buf		 body;

	buf_init(&body, EPS_INVOKE_MAX);
	memset(&e, 0, sizeof e);
	e.name = j->endpoint;
	e.scoring_uri = j->scoring_uri;
	e.auth_mode = j->token ? "AMLToken" : "Key";
	/* JSON typed in the field is the request itself. */
	if (j->file[0] == '{' || j->file[0] == '[')
		j->ok = buf_adds(&body, j->file);
	else
		j->ok = arm_endpoint_read_request(j->file, false, &body,
		    &j->err);
	j->ok = j->ok && arm_endpoint_invoke(
	    j->arm, j->scope.subscription, j->scope.resource_group,
	    j->scope.workspace, &e, j->deployment, buf_str(&body), body.len,
	    &rsp, &j->err);
	buf_done(&body);
	if (!j->ok)
		return;
	j->status = rsp.status;
	j->ms = rsp.ms;
	j->reply = text_escape_dup(rsp.body, TEXT_KEEP_NEWLINE);
	arm_endpoint_reply_done(&rsp);
}

/* The compute's AKS cluster: its first pool and version (for the fit). */
static void
eps_cluster_run(struct eps_job *j)
{
	struct arm_compute	c;
	struct arm_cluster	k;
	bool			found = false;

	memset(&c, 0, sizeof c);
	memset(&k, 0, sizeof k);
	j->ok = arm_get_compute(j->arm, j->scope.subscription,
	    j->scope.resource_group, j->scope.workspace, j->compute, &c,
	    &found, &j->err);
	if (j->ok && found && c.resource_id != NULL) {
		j->ok = arm_get_cluster(j->arm, c.resource_id, &k, &j->err);
		if (j->ok && k.npools > 0 && k.pools[0].vm_size != NULL) {
			snprintf(j->vm_size, sizeof j->vm_size, "%s",
			    k.pools[0].vm_size);
			j->nodes = k.pools[0].count;
			snprintf(j->version, sizeof j->version, "%s",
			    k.version != NULL ? k.version : "");
		}
		arm_cluster_done(&k);
	}
	if (found)
		arm_compute_done(&c);
}

/* Job: whatever the job's kind asks. */
static void
eps_job_run(void *arg)
{
	struct eps_job	*j = arg;
	uint64_t	 min_ms = 1000;
	const char	*env = getenv("AKSWIZ_POLL_MIN_MS");

	err_clear(&j->err);
	switch (j->kind) {
	case EPS_JOB_LOAD:
		eps_load_run(j);
		break;
	case EPS_JOB_KEYS:
		j->ok = eps_secrets(j);
		break;
	case EPS_JOB_REGEN:
		if (env != NULL && env[0] != '\0')
			min_ms = strtoull(env, NULL, 10);
		j->ok = arm_endpoint_regenerate(j->arm, j->scope.subscription,
		    j->scope.resource_group, j->scope.workspace, j->endpoint,
		    j->key_type, min_ms, &j->err);
		break;
	case EPS_JOB_INVOKE:
		eps_invoke_run(j);
		break;
	case EPS_JOB_CLUSTER:
		eps_cluster_run(j);
		break;
	case EPS_JOB_LOGS:
		j->ok = arm_deployment_logs(j->arm, j->scope.subscription,
		    j->scope.resource_group, j->scope.workspace, j->endpoint,
		    j->deployment, j->container, EPS_LOG_TAIL, &j->logs,
		    &j->err);
		break;
	default:
		break;
	}
}

/* ---- the model ---- */

/* The kind of a state: busy rows make the list refresh itself. */
static enum browse_state
eps_state_kind(const char *state)
{
	return browse_state_kind(provisioning_state_parse(state));
}

/* The selected row, or NULL. */
static const struct eps_row *
eps_selected(const struct eps *e)
{
	return e->sel < e->nrows ? &e->rows[e->sel] : NULL;
}

/* The endpoint of a row. */
static const struct arm_endpoint *
eps_endpoint(const struct eps *e, const struct eps_row *r)
{
	return r != NULL && r->ep < e->eps.n ? &e->eps.v[r->ep] : NULL;
}

/* The deployment of a row, or NULL for an endpoint's. */
static const struct arm_deployment *
eps_deployment(const struct eps *e, const struct eps_row *r)
{
	if (r == NULL || r->dep < 0 || r->ep >= e->eps.n ||
	    (size_t)r->dep >= e->deps[r->ep].n)
		return NULL;
	return &e->deps[r->ep].v[r->dep];
}

/* True while an endpoint or a deployment is changing. */
static bool
eps_transitional(const struct eps *e)
{
	size_t	i, k;

	for (i = 0; i < e->eps.n; i++) {
		if (eps_state_kind(e->eps.v[i].provisioning_state) ==
		    BROWSE_STATE_BUSY)
			return true;
		for (k = 0; k < e->deps[i].n; k++)
			if (eps_state_kind(e->deps[i].v[k].provisioning_state)
			    == BROWSE_STATE_BUSY)
				return true;
	}
	return false;
}

/* The percentage of dep in traffic ("blue=90 green=10"); 0 if absent. */
static long
eps_traffic(const char *traffic, const char *dep)
{
	const char	*p = traffic;
	size_t		 n = strlen(dep);

	while (p != NULL && *p != '\0') {
		while (*p == ' ')
			p++;
		if (strncasecmp(p, dep, n) == 0 && p[n] == '=')
			return strtol(p + n + 1, NULL, 10);
		p = strchr(p, ' ');
	}
	return 0;
}

/* Free the list. */
static void
eps_list_free(struct eps *e)
{
	size_t	i;

	if (e->deps != NULL)
		for (i = 0; i < e->eps.n; i++)
			arm_deployment_list_free(&e->deps[i]);
	free(e->deps);
	e->deps = NULL;
	arm_endpoint_list_free(&e->eps);
	memset(&e->eps, 0, sizeof e->eps);
	for (i = 0; e->failure != NULL && i < e->nrows; i++)
		free(e->failure[i]);
	free(e->failure);
	e->failure = NULL;
	free(e->rows);
	e->rows = NULL;
	e->nrows = 0;
}

/*
 * Why a failed deployment failed: the service says it in the operation
 * only (a deployment has no error member), so the newest operation akswiz
 * journaled on it, in this workspace on this Resource Manager, that ended
 * with an error says it.
 */
static void
eps_failures(struct eps *e)
{
	const struct tui_context	*ctx = &e->tui->ctx;
	struct journal_list		 jl = { 0 };
	const struct journal_entry	*je, *newest;
	struct err			 err;
	char				 tail[2 * PLAN_NAME_LEN + 32];
	size_t				 i, k, n, q;

	e->failure = xcalloc(e->nrows + 1, sizeof *e->failure);
	if (ctx->arm == NULL || !journal_list(&jl, false, &err))
		return;
	for (i = 0; i < e->nrows; i++) {
		const struct arm_deployment *d = eps_deployment(e,
		    &e->rows[i]);

		if (d == NULL || eps_state_kind(d->provisioning_state) !=
		    BROWSE_STATE_FAILED)
			continue;
		snprintf(tail, sizeof tail, "/onlineEndpoints/%s/deployments/"
		    "%s", eps_endpoint(e, &e->rows[i])->name, d->name);
		n = strlen(tail);
		newest = NULL;
		for (k = 0; k < jl.n; k++) {
			je = &jl.v[k];
			if (je->error_message[0] == '\0' ||
			    strcasecmp(je->workspace,
			    ctx->scope.workspace) != 0 ||
			    strcasecmp(je->resource_group,
			    ctx->scope.resource_group) != 0 ||
			    !journal_entry_on_endpoint(je, ctx->arm->endpoint))
				continue;
			/* The URL's path ends with the deployment's. */
			q = strcspn(je->resource_url, "?");
			if (q < n || strncasecmp(je->resource_url + q - n,
			    tail, n) != 0)
				continue;
			if (newest == NULL || je->started >= newest->started)
				newest = je;
		}
		if (newest != NULL) {
			size_t len = strlen(newest->error_code) +
			    strlen(newest->error_message) + 3;

			e->failure[i] = xmalloc(len);
			snprintf(e->failure[i], len, "%s%s%s",
			    newest->error_code, newest->error_code[0] != '\0' ?
			    ": " : "", newest->error_message);
		}
	}
	journal_list_free(&jl);
}

/* Take over a load's list; the selection stays on the same name. */
static void
eps_list_take(struct eps *e, struct eps_job *j)
{
	const struct eps_row		*r = eps_selected(e);
	const struct arm_endpoint	*ep = eps_endpoint(e, r);
	const struct arm_deployment	*d = eps_deployment(e, r);
	char				 sep[PLAN_NAME_LEN] = "",
					 sdep[PLAN_NAME_LEN] = "";
	size_t				 i, k, n = 0;

	if (ep != NULL)
		snprintf(sep, sizeof sep, "%s", ep->name);
	if (d != NULL)
		snprintf(sdep, sizeof sdep, "%s", d->name);
	eps_list_free(e);
	e->eps = j->eps;
	e->deps = j->deps;
	memset(&j->eps, 0, sizeof j->eps);
	j->deps = NULL;
	for (i = 0; i < e->eps.n; i++)
		n += 1 + e->deps[i].n;
	e->rows = xcalloc(n + 1, sizeof *e->rows);
	e->sel = 0;
	for (i = 0; i < e->eps.n; i++) {
		e->rows[e->nrows].ep = i;
		e->rows[e->nrows].dep = -1;
		if (sep[0] != '\0' && strcmp(e->eps.v[i].name, sep) == 0 &&
		    sdep[0] == '\0')
			e->sel = e->nrows;
		e->nrows++;
		for (k = 0; k < e->deps[i].n; k++) {
			e->rows[e->nrows].ep = i;
			e->rows[e->nrows].dep = (long)k;
			if (sep[0] != '\0' && strcmp(e->eps.v[i].name,
			    sep) == 0 && strcmp(e->deps[i].v[k].name,
			    sdep) == 0)
				e->sel = e->nrows;
			e->nrows++;
		}
	}
	eps_failures(e);
}

/* Clear the secrets of the keys view. */
static void
eps_secrets_forget(struct eps *e)
{
	arm_secret_free(e->k1);
	arm_secret_free(e->k2);
	e->k1 = e->k2 = NULL;
	arm_endpoint_token_done(&e->tok);
	memset(&e->tok, 0, sizeof e->tok);
	e->keys_read = e->revealed = false;
	e->confirm = NULL;
}

/* Leave a view for the list: its secrets and text dropped. */
static void
eps_view_close(struct screen *s)
{
	struct eps	*e = s->data;

	eps_secrets_forget(e);
	free(e->reply);
	free(e->logs);
	e->reply = e->logs = NULL;
	e->sent = false;
	e->follow = false;
	timer_cancel_owner(&e->follow);
	e->note[0] = '\0';
	e->mode = EPS_LIST;
}

/* ---- job starts and ends ---- */

/* Done: hand the job to the screen, or free it when the screen is gone. */
static void eps_job_done(void *);

static struct eps_job *
eps_job_new(struct screen *s, enum eps_kind kind)
{
	struct eps		*e = s->data;
	struct tui_context	*ctx = &s->tui->ctx;
	struct eps_job		*j;

	if (ctx->arm == NULL || e->job[kind] != NULL)
		return NULL;
	j = xcalloc(1, sizeof *j);
	j->kind = kind;
	j->arm = ctx->arm;
	j->scope = ctx->scope;
	j->owner = s;
	snprintf(j->compute, sizeof j->compute, "%s", e->compute);
	snprintf(j->endpoint, sizeof j->endpoint, "%s", e->endpoint);
	j->token = e->token;
	e->job[kind] = j;
	return j;
}

static void
eps_tick(struct tui *t, void *arg)
{
	(void)t;
	eps_load_start(arg);
}

static void
eps_load_start(struct screen *s)
{
	struct eps_job	*j = eps_job_new(s, EPS_JOB_LOAD);

	if (j != NULL) {
		timer_cancel_owner(s);
		job_start(eps_job_run, eps_job_done, j);
	}
}

static void
eps_follow_tick(struct tui *t, void *arg)
{
	struct screen	*s = arg;
	struct eps	*e = s->data;

	(void)t;
	if (e->mode == EPS_LOGS && e->follow)
		eps_logs_start(s);
}

/* A load came back. */
static void
eps_loaded(struct screen *s, struct eps_job *j)
{
	struct eps	*e = s->data;

	if (!j->ok) {
		snprintf(e->error, sizeof e->error, "%s", j->err.msg);
		(void)tui_scope_failed(s->tui, &j->err);
		return;
	}
	e->error[0] = '\0';
	e->loaded = true;
	eps_list_take(e, j);
	if (eps_transitional(e))
		timer_add(clock_now_ms() + EPS_REFRESH_MS, true, s, eps_tick,
		    s);
}

static void
eps_job_done(void *arg)
{
	struct eps_job	*j = arg;
	struct screen	*s = j->owner;
	struct eps	*e;

	if (j->cancelled) {
		eps_job_free(j);
		return;
	}
	e = s->data;
	e->job[j->kind] = NULL;
	s->tui->redraw = true;
	e->note_error = !j->ok;
	if (!j->ok && j->kind != EPS_JOB_LOAD)
		snprintf(e->note, sizeof e->note, "%s", j->err.msg);
	switch (j->kind) {
	case EPS_JOB_LOAD:
		eps_loaded(s, j);
		break;
	case EPS_JOB_KEYS:
		if (!j->ok || e->mode != EPS_KEYS)
			break;
		eps_secrets_forget(e);
		e->k1 = j->k1;
		e->k2 = j->k2;
		e->tok = j->tok;
		j->k1 = j->k2 = NULL;
		memset(&j->tok, 0, sizeof j->tok);
		e->keys_read = true;
		break;
	case EPS_JOB_REGEN:
		if (!j->ok)
			break;
		/* TRANSLATORS: %s is Primary or Secondary (as the service
		 * spells it), then the endpoint. */
		snprintf(e->note, sizeof e->note, _("The %s key of %s was "
		    "regenerated."), j->key_type, j->endpoint);
		if (e->mode == EPS_KEYS) {
			struct eps_job	*keys;

			/* The keys read again: the regeneration's job goes. */
			eps_secrets_forget(e);
			if ((keys = eps_job_new(s, EPS_JOB_KEYS)) != NULL)
				job_start(eps_job_run, eps_job_done, keys);
		}
		break;
	case EPS_JOB_INVOKE:
		if (!j->ok || e->mode != EPS_INVOKE)
			break;
		e->sent = true;
		e->status = j->status;
		e->ms = j->ms;
		free(e->reply);
		e->reply = j->reply;
		j->reply = NULL;
		e->scroll = 0;
		break;
	case EPS_JOB_CLUSTER:
		/* Without it, the fit is left to preflight and the service. */
		e->note[0] = '\0';
		if (!j->ok || j->vm_size[0] == '\0')
			break;
		e->fit_known = true;
		snprintf(e->vm_size, sizeof e->vm_size, "%s", j->vm_size);
		e->nodes = j->nodes;
		snprintf(e->version, sizeof e->version, "%s", j->version);
		if (e->mode == EPS_SCALE) {
			struct plan	p;

			eps_change_plan(s, &p);
		}
		break;
	case EPS_JOB_LOGS:
		if (e->mode != EPS_LOGS)
			break;
		if (j->ok) {
			free(e->logs);
			e->logs = text_escape_dup(j->logs != NULL ? j->logs :
			    "", TEXT_KEEP_NEWLINE);
			e->scroll = -1;		/* the end */
		}
		if (e->follow)
			timer_add(clock_now_ms() + EPS_FOLLOW_MS, false,
			    &e->follow, eps_follow_tick, s);
		break;
	default:
		break;
	}
	eps_job_free(j);
}

static void
eps_logs_start(struct screen *s)
{
	struct eps	*e = s->data;
	struct eps_job	*j = eps_job_new(s, EPS_JOB_LOGS);

	if (j == NULL)
		return;
	snprintf(j->deployment, sizeof j->deployment, "%s", e->deployment);
	j->container = eps_containers[e->container];
	job_start(eps_job_run, eps_job_done, j);
}

/* ---- views ---- */

/* Open a view on the selected row's endpoint (and deployment). */
static bool
eps_view_open(struct screen *s, enum eps_mode mode)
{
	struct eps			*e = s->data;
	const struct eps_row		*r = eps_selected(e);
	const struct arm_endpoint	*ep = eps_endpoint(e, r);
	const struct arm_deployment	*d = eps_deployment(e, r);

	if (ep == NULL)
		return false;
	if (mode == EPS_LOGS && d == NULL && e->deps[r->ep].n > 0)
		d = &e->deps[r->ep].v[0];
	if (mode == EPS_LOGS && d == NULL) {
		/* TRANSLATORS: %s is the online endpoint. */
		tui_status(s->tui, STYLE_WARNING, _("%s has no deployment: "
		    "there are no logs to read."), ep->name);
		return false;
	}
	if (mode == EPS_INVOKE && (ep->scoring_uri == NULL ||
	    ep->scoring_uri[0] == '\0')) {
		tui_status(s->tui, STYLE_WARNING, _("online endpoint %s has no "
		    "scoring URI yet (state %s)"), ep->name,
		    ep->provisioning_state != NULL ? ep->provisioning_state :
		    "?");
		return false;
	}
	snprintf(e->endpoint, sizeof e->endpoint, "%s", ep->name);
	snprintf(e->deployment, sizeof e->deployment, "%s", d != NULL ?
	    d->name : "");
	e->token = ep->auth_mode != NULL &&
	    strcasecmp(ep->auth_mode, "AMLToken") == 0;
	e->mode = mode;
	e->scroll = 0;
	e->note[0] = '\0';
	tui_status_clear(s->tui);
	switch (mode) {
	case EPS_KEYS: {
		struct eps_job *j = eps_job_new(s, EPS_JOB_KEYS);

		if (j != NULL)
			job_start(eps_job_run, eps_job_done, j);
		break;
	}
	case EPS_INVOKE:
		e->focus = 0;
		/* A deployment's row: that one; an endpoint's: by traffic. */
		e->target = r->dep >= 0 ? (int)r->dep + 1 : 0;
		break;
	case EPS_LOGS:
		e->container = 0;
		e->follow = false;
		eps_logs_start(s);
		break;
	default:
		break;
	}
	return true;
}

/* Send the invoke view's request. */
static void
eps_invoke_send(struct screen *s)
{
	struct eps			*e = s->data;
	const struct arm_endpoint	*ep = NULL;
	struct eps_job			*j;
	char				 path[1024];
	size_t				 i;

	for (i = 0; i < e->eps.n; i++)
		if (strcmp(e->eps.v[i].name, e->endpoint) == 0)
			ep = &e->eps.v[i];
	(void)widget_field_get(&e->file, path, sizeof path);
	if (path[0] == '\0') {
		e->note_error = true;
		snprintf(e->note, sizeof e->note, "%s", _("Type the path of "
		    "a file with the request's JSON, or the JSON itself."));
		return;
	}
	if (ep == NULL || (j = eps_job_new(s, EPS_JOB_INVOKE)) == NULL)
		return;
	j->file = xstrdup(path);
	j->scoring_uri = xstrdup(ep->scoring_uri);
	if (e->target > 0 && (size_t)e->target <= e->deps[ep - e->eps.v].n)
		snprintf(j->deployment, sizeof j->deployment, "%s",
		    e->deps[ep - e->eps.v].v[e->target - 1].name);
	e->note[0] = '\0';
	job_start(eps_job_run, eps_job_done, j);
}

/* The deployments of the view's endpoint (for the invoke choice). */
static const struct arm_deployment_list *
eps_view_deps(const struct eps *e)
{
	size_t	i;

	for (i = 0; i < e->eps.n; i++)
		if (strcmp(e->eps.v[i].name, e->endpoint) == 0)
			return &e->deps[i];
	return NULL;
}

/* The rows a movement key moves by (page rows, all of them); false for
 * another key. */
static bool
eps_move(enum request req, int page, long all, long *delta)
{
	switch (req) {
	case REQ_UP:		*delta = -1;		return true;
	case REQ_DOWN:		*delta = 1;		return true;
	case REQ_PAGE_UP:	*delta = -page;		return true;
	case REQ_PAGE_DOWN:	*delta = page;		return true;
	case REQ_HOME:		*delta = -all;		return true;
	case REQ_END:		*delta = all;		return true;
	default:		return false;
	}
}

/* Keys of a view. */
static enum reaction
eps_view_key(struct screen *s, const struct key_event *ev)
{
	struct eps	*e = s->data;
	const struct arm_deployment_list *dl = eps_view_deps(e);
	int		 h = e->list_height > 0 ? e->list_height : 10;
	long		 delta;

	/* The request file's field takes text. */
	if (e->mode == EPS_INVOKE && e->focus == 0 && ev->req != REQ_ENTER &&
	    ev->req != REQ_BACK && ev->req != REQ_NEXT_FIELD &&
	    ev->req != REQ_PREV_FIELD && ev->req != REQ_UP &&
	    ev->req != REQ_DOWN && ev->req != REQ_PAGE_UP &&
	    ev->req != REQ_PAGE_DOWN) {
		if (keys_is_text(&ev->key) || ev->req == REQ_BACKSPACE ||
		    ev->req == REQ_DELETE || ev->req == REQ_KILL_LINE ||
		    ev->req == REQ_LEFT || ev->req == REQ_RIGHT ||
		    ev->req == REQ_HOME || ev->req == REQ_END)
			return widget_field_key(&e->file, ev) ? REACT_REDRAW :
			    REACT_NONE;
	}
	if (e->confirm != NULL) {
		if (ev->req == REQ_ENTER) {
			struct eps_job *j = eps_job_new(s, EPS_JOB_REGEN);

			if (j != NULL) {
				j->key_type = e->confirm;
				e->note[0] = '\0';
				job_start(eps_job_run, eps_job_done, j);
			}
		}
		e->confirm = NULL;
		return REACT_REDRAW;
	}
	if (eps_move(ev->req, h, 1 << 20, &delta)) {
		if (e->scroll < 0)
			e->scroll = 1 << 20;	/* from the end, clamped */
		e->scroll = e->scroll + delta < 0 ? 0 :
		    e->scroll + (int)delta;
		return REACT_REDRAW;
	}
	switch (ev->req) {
	case REQ_BACK:
		eps_view_close(s);
		return REACT_REDRAW;
	case REQ_HELP:
		eps_help_open(e);
		return REACT_REDRAW;
	default:
		break;
	}
	switch (e->mode) {
	case EPS_KEYS:
		if (ev->req == REQ_REVEAL && e->keys_read) {
			e->revealed = !e->revealed;
			return REACT_REDRAW;
		}
		if ((ev->req == REQ_REGEN_PRIMARY ||
		    ev->req == REQ_REGEN_SECONDARY) && !e->token &&
		    !e->readonly && e->job[EPS_JOB_REGEN] == NULL) {
			e->confirm = ev->req == REQ_REGEN_PRIMARY ?
			    "Primary" : "Secondary";
			return REACT_REDRAW;
		}
		break;
	case EPS_INVOKE:
		if (ev->req == REQ_NEXT_FIELD || ev->req == REQ_PREV_FIELD) {
			if (e->focus == 0 && ev->req == REQ_NEXT_FIELD &&
			    widget_field_complete(&e->file))
				return REACT_REDRAW;
			e->focus = !e->focus;
			return REACT_REDRAW;
		}
		if (e->focus == 1 && dl != NULL && (ev->req == REQ_LEFT ||
		    ev->req == REQ_RIGHT || ev->req == REQ_TOGGLE)) {
			int n = (int)dl->n + 1;

			e->target = (e->target + (ev->req == REQ_LEFT ?
			    n - 1 : 1)) % n;
			return REACT_REDRAW;
		}
		if (ev->req == REQ_ENTER && e->job[EPS_JOB_INVOKE] == NULL) {
			eps_invoke_send(s);
			return REACT_REDRAW;
		}
		break;
	case EPS_LOGS:
		if (ev->req == REQ_NEXT_FIELD || ev->req == REQ_PREV_FIELD) {
			e->container = !e->container;
			free(e->logs);
			e->logs = NULL;
			eps_logs_start(s);
			return REACT_REDRAW;
		}
		if (ev->req == REQ_FOLLOW) {
			e->follow = !e->follow;
			timer_cancel_owner(&e->follow);
			if (e->follow)
				eps_logs_start(s);
			return REACT_REDRAW;
		}
		if (ev->req == REQ_REFRESH) {
			eps_logs_start(s);
			return REACT_REDRAW;
		}
		break;
	default:
		break;
	}
	return REACT_NONE;
}

/* ---- changes: plans of deploy-change, through review and progress ---- */

/* The endpoint of the view (by name), or NULL. */
static const struct arm_endpoint *
eps_view_endpoint(const struct eps *e, size_t *index)
{
	size_t	i;

	for (i = 0; i < e->eps.n; i++)
		if (strcmp(e->eps.v[i].name, e->endpoint) == 0) {
			if (index != NULL)
				*index = i;
			return &e->eps.v[i];
		}
	return NULL;
}

/* A number typed in a field: DEPLOY_UNSET when empty, -2 when not one. */
static long
eps_field_number(const struct widget_field *f)
{
	char	buf[32], *end;
	long	n;

	if (!widget_field_get(f, buf, sizeof buf))
		return -2;
	if (buf[0] == '\0')
		return DEPLOY_UNSET;
	n = strtol(buf, &end, 10);
	return *end == '\0' && n >= 0 ? n : -2;
}

/* What preflight would know, from the list as read. */
static void
eps_change_facts(const struct eps *e, struct change_facts *f,
    const char **names, size_t max)
{
	const struct arm_endpoint	*ep;
	size_t				 i, k;
	char				 bad[64];

	memset(f, 0, sizeof *f);
	if ((ep = eps_view_endpoint(e, &i)) == NULL)
		return;
	f->known = f->endpoint_exists = true;
	for (k = 0; k < e->deps[i].n && k < max; k++)
		names[k] = e->deps[i].v[k].name;
	f->deployments = names;
	f->ndeployments = k;
	if (ep->traffic != NULL)
		(void)change_traffic_parse(ep->traffic, &f->traffic, bad,
		    sizeof bad);
}

/*
 * Do the deployment's instances fit on the compute's nodes, after what
 * AKS reserves and the extension takes, beside the instances of the
 * compute's other deployments (core's rules, as preflight counts them:
 * ops_change_placed)?
 */
static void
eps_fit(struct eps *e, const struct deploy_scale *scale)
{
	const struct arm_deployment_list *dl = eps_view_deps(e);
	const struct arm_deployment	*d = NULL, *o;
	const struct vm_size		*vm;
	struct deploy_placed		 self, *placed;
	size_t				 i, k, n = 0, all = 0;

	for (i = 0; dl != NULL && i < dl->n; i++)
		if (strcmp(dl->v[i].name, e->deployment) == 0)
			d = &dl->v[i];
	if (!e->fit_known || d == NULL ||
	    (vm = vm_catalogue_find(e->vm_size)) == NULL ||
	    !ops_change_placed(d, &self))
		return;
	for (i = 0; i < e->eps.n; i++)
		all += e->deps[i].n;
	placed = xcalloc(all + 1, sizeof *placed);
	for (i = 0; i < e->eps.n; i++)
		for (k = 0; k < e->deps[i].n; k++) {
			o = &e->deps[i].v[k];
			/* Itself, and a failed one (it holds nothing). */
			if (o == d || (o->provisioning_state != NULL &&
			    strcasecmp(o->provisioning_state, "Failed") == 0))
				continue;
			if (ops_change_placed(o, &placed[n]))
				n++;
		}
	rules_deploy_fit_with(&self.req, vm, e->version[0] != '\0' ?
	    e->version : NULL, e->nodes, 0, scale, placed, n, &e->checks);
	free(placed);
}

/* The change's plan from the form, and its verdicts in e->checks. */
static void
eps_change_plan(struct screen *s, struct plan *p)
{
	struct eps		*e = s->data;
	struct plan_deployment	*d = &p->deployment;
	struct change_facts	 f;
	const char		*names[DEPLOY_TRAFFIC_MAX];
	int			 i;

	plan_init(p, e->mode == EPS_SCALE ? PLAN_UPDATE_DEPLOYMENT :
	    e->mode == EPS_TRAFFIC ? PLAN_SET_TRAFFIC : e->deployment[0] !=
	    '\0' ? PLAN_DELETE_DEPLOYMENT : PLAN_DELETE_ENDPOINT);
	p->scope = s->tui->ctx.scope;
	snprintf(p->name, sizeof p->name, "%s", e->compute);
	snprintf(p->endpoint_name, sizeof p->endpoint_name, "%s",
	    e->endpoint);
	snprintf(d->name, sizeof d->name, "%s", e->deployment);
	if (e->mode == EPS_SCALE && e->autoscale) {
		d->scale.autoscale = true;
		d->scale.min_instances = eps_field_number(&e->fields[0]);
		d->scale.max_instances = eps_field_number(&e->fields[1]);
	} else if (e->mode == EPS_SCALE)
		d->scale.instances = eps_field_number(&e->fields[0]);
	for (i = 0; e->mode == EPS_TRAFFIC && i < e->nfields; i++) {
		snprintf(p->traffic.t[i].name, sizeof p->traffic.t[i].name,
		    "%s", e->fnames[i]);
		p->traffic.t[i].percent = eps_field_number(&e->fields[i]);
		if (p->traffic.t[i].percent == DEPLOY_UNSET)
			p->traffic.t[i].percent = 0;
		p->traffic.n++;
	}
	eps_change_facts(e, &f, names, DEPLOY_TRAFFIC_MAX);
	verdicts_init(&e->checks);
	rules_change_plan(p, &f, &e->checks);
	if (e->mode == EPS_SCALE && !verdicts_has_errors(&e->checks))
		eps_fit(e, &d->scale);
}

/* Open a change's form on the selected row. */
static bool
eps_change_open(struct screen *s, enum eps_mode mode)
{
	struct eps			*e = s->data;
	const struct eps_row		*r = eps_selected(e);
	const struct arm_endpoint	*ep = eps_endpoint(e, r);
	const struct arm_deployment	*d = eps_deployment(e, r);
	const struct arm_deployment_list *dl;
	struct form_item		*it;
	char				 num[32];
	struct plan			 p;
	size_t				 i;

	if (ep == NULL)
		return false;
	if (e->readonly || s->tui->ctx.arm == NULL) {
		tui_status(s->tui, STYLE_WARNING, "%s", _("--readonly: "
		    "akswiz changes nothing."));
		return false;
	}
	if (mode == EPS_SCALE && d == NULL) {
		/* TRANSLATORS: c on an endpoint's row. */
		tui_status(s->tui, STYLE_WARNING, "%s", _("c scales a "
		    "deployment: select one of the endpoint's."));
		return false;
	}
	dl = &e->deps[r->ep];
	if (mode == EPS_TRAFFIC && dl->n == 0) {
		tui_status(s->tui, STYLE_WARNING, _("%s has no deployment to "
		    "send traffic to."), ep->name);
		return false;
	}
	snprintf(e->endpoint, sizeof e->endpoint, "%s", ep->name);
	snprintf(e->deployment, sizeof e->deployment, "%s", mode !=
	    EPS_TRAFFIC && d != NULL ? d->name : "");
	tui_status_clear(s->tui);
	widget_form_init(&e->form);
	e->nfields = 0;
	e->checked = false;
	e->mode = mode;
	e->note[0] = '\0';
	for (i = 0; i < EPS_FIELDS; i++)
		widget_field_init(&e->fields[i]);
	switch (mode) {
	case EPS_SCALE:
		if (!e->fit_known) {
			struct eps_job *j = eps_job_new(s, EPS_JOB_CLUSTER);

			if (j != NULL)
				job_start(eps_job_run, eps_job_done, j);
		}
		e->autoscale = d->scale_type != NULL &&
		    strcasecmp(d->scale_type, "TargetUtilization") == 0;
		/* TRANSLATORS: fields of the endpoints screen's scale. */
		it = widget_form_add(&e->form, FORM_FIELD, e->autoscale ?
		    N_("Min instances") : N_("Instances"), e->autoscale ?
		    FIELD_MIN_INSTANCES : FIELD_INSTANCE_COUNT);
		it->field = &e->fields[0];
		snprintf(num, sizeof num, "%ld", e->autoscale ?
		    d->min_instances : d->instance_count);
		widget_field_set(&e->fields[0], num);
		e->nfields = 1;
		if (e->autoscale) {
			it = widget_form_add(&e->form, FORM_FIELD,
			    N_("Max instances"), FIELD_MAX_INSTANCES);
			it->field = &e->fields[1];
			snprintf(num, sizeof num, "%ld", d->max_instances);
			widget_field_set(&e->fields[1], num);
			e->nfields = 2;
		}
		break;
	case EPS_TRAFFIC:
		for (i = 0; i < dl->n && i < EPS_FIELDS; i++) {
			snprintf(e->fnames[i], sizeof e->fnames[i], "%s",
			    dl->v[i].name);
			it = widget_form_add(&e->form, FORM_FIELD, e->fnames[i],
			    FIELD_NONE);
			it->field = &e->fields[i];
			snprintf(num, sizeof num, "%ld", eps_traffic(
			    ep->traffic, dl->v[i].name));
			widget_field_set(&e->fields[i], num);
		}
		e->nfields = (int)i;
		break;
	case EPS_DELETE:
		/* TRANSLATORS: the field where the name to delete is typed. */
		it = widget_form_add(&e->form, FORM_FIELD, N_("Name"),
		    FIELD_NONE);
		it->field = &e->fields[0];
		e->nfields = 1;
		/* A deployment with traffic: refused at once, with the fix. */
		eps_change_plan(s, &p);
		e->checked = true;
		break;
	default:
		break;
	}
	return true;
}

/* Enter on a change's form: its plan on the review screen, if it holds. */
static enum reaction
eps_change_submit(struct screen *s)
{
	struct eps		*e = s->data;
	struct open_request	 o;
	struct plan		 p;
	char			 typed[PLAN_NAME_LEN];

	eps_change_plan(s, &p);
	e->checked = true;
	if (verdicts_has_errors(&e->checks))
		return REACT_REDRAW;
	if (e->mode == EPS_DELETE) {
		(void)widget_field_get(&e->fields[0], typed, sizeof typed);
		if (strcmp(typed, e->deployment[0] != '\0' ? e->deployment :
		    e->endpoint) != 0) {
			e->note_error = true;
			/* TRANSLATORS: %s is the name to type. */
			snprintf(e->note, sizeof e->note, _("Type %s to "
			    "confirm; nothing is deleted otherwise."),
			    e->deployment[0] != '\0' ? e->deployment :
			    e->endpoint);
			return REACT_REDRAW;
		}
	}
	e->mode = EPS_LIST;
	e->note[0] = '\0';
	memset(&o, 0, sizeof o);
	o.plan = &p;
	tui_open(s->tui, REQ_OPEN_REVIEW, &o);
	return REACT_REDRAW;
}

/* Keys of a change's form. */
static enum reaction
eps_change_key(struct screen *s, const struct key_event *ev)
{
	struct eps	*e = s->data;
	struct plan	 p;

	switch (ev->req) {
	case REQ_BACK:
		e->mode = EPS_LIST;
		e->note[0] = '\0';
		return REACT_REDRAW;
	case REQ_ENTER:
		return eps_change_submit(s);
	case REQ_HELP:
		eps_help_open(e);
		return REACT_REDRAW;
	default:
		break;
	}
	if (!widget_form_key(&e->form, ev))
		return REACT_NONE;
	/* Checked as typed (a delete's name: once Enter was tried). */
	if (e->checked || e->mode != EPS_DELETE)
		eps_change_plan(s, &p);
	return REACT_REDRAW;
}

/* The sum of the split as typed. */
static long
eps_traffic_sum(const struct eps *e)
{
	long	sum = 0, n;
	int	i;

	for (i = 0; i < e->nfields; i++)
		if ((n = eps_field_number(&e->fields[i])) > 0)
			sum += n;
	return sum;
}

/* A change's form and what is wrong with it. */
static int
eps_draw_change(struct eps *e, WINDOW *win, int y, int ymax)
{
	char	line[512];
	size_t	i, n = 0;

	switch (e->mode) {
	case EPS_SCALE:
		/* TRANSLATORS: title of the scale form: deployment,
		 * endpoint. */
		snprintf(line, sizeof line, _("Scale %s of %s"), e->deployment,
		    e->endpoint);
		break;
	case EPS_TRAFFIC:
		snprintf(line, sizeof line, _("Traffic of %s (percent per "
		    "deployment)"), e->endpoint);
		break;
	default:
		for (i = 0; i < e->eps.n; i++)
			if (strcmp(e->eps.v[i].name, e->endpoint) == 0)
				n = e->deps[i].n;
		if (e->deployment[0] != '\0')
			snprintf(line, sizeof line, _("Delete deployment %s of "
			    "%s: type its name to confirm"), e->deployment,
			    e->endpoint);
		else
			snprintf(line, sizeof line, P_("Delete online "
			    "endpoint %s and its %zu deployment: type its "
			    "name to confirm", "Delete online endpoint %s and "
			    "its %zu deployments: type its name to confirm",
			    n), e->endpoint, n);
		break;
	}
	y += display_wrap(win, y, 1, COLS - 2, ymax - y, line,
	    display_attr(STYLE_TITLE)) + 1;
	y += widget_form_draw(&e->form, win, y, 1, COLS - 2, ymax - y,
	    &e->checks, e->checked || e->mode == EPS_SCALE);
	if (e->mode == EPS_TRAFFIC && y < ymax) {
		/* TRANSLATORS: the split's sum as typed. */
		snprintf(line, sizeof line, _("Sum: %ld%% (100 required)"),
		    eps_traffic_sum(e));
		display_text(win, y++, 1, COLS - 2, line, display_attr(
		    eps_traffic_sum(e) == 100 ? STYLE_OK : STYLE_WARNING),
		    true);
	}
	/* What is wrong with the whole (the split, a deployment's traffic). */
	for (i = 0; (e->checked || e->mode != EPS_DELETE) &&
	    i < e->checks.n && y < ymax; i++) {
		enum plan_field	f = e->checks.v[i].field;

		/* The form's own fields show theirs under them. */
		if (e->mode == EPS_SCALE && (f == FIELD_INSTANCE_COUNT ||
		    f == FIELD_MIN_INSTANCES || f == FIELD_MAX_INSTANCES))
			continue;
		snprintf(line, sizeof line, "%s ", e->checks.v[i].severity ==
		    SEV_ERROR ? glyph->error : glyph->warning);
		tui_verdict_text(&e->checks.v[i], line + strlen(line),
		    sizeof line - strlen(line));
		y += display_wrap(win, y, 1, COLS - 2, ymax - y, line,
		    display_attr(e->checks.v[i].severity == SEV_ERROR ?
		    STYLE_ERROR : STYLE_WARNING));
	}
	tui_draw_hints(win, _("Enter review  Tab next field  Esc cancel"));
	return y;
}

/* "?": the keys of the list or of the view, in place of the body. */
static void
eps_help_open(struct eps *e)
{
	static const struct {
		enum eps_mode	 mode;
		enum request	 req;
		const char	*keys, *help;	/* NULL: the request's */
		bool		 acts;		/* not with --readonly */
	} rows[] = {
		/* TRANSLATORS: the endpoints screen's keys overlay. */
		{ EPS_LIST, REQ_UP, "Up Down PgUp PgDn", N_("move"), false },
		{ EPS_LIST, REQ_ENDPOINT_KEYS, NULL, NULL, false },
		{ EPS_LIST, REQ_INVOKE, NULL, NULL, true },
		{ EPS_LIST, REQ_LOGS, NULL, NULL, false },
		{ EPS_LIST, REQ_SCALE_DEPLOYMENT, NULL, NULL, true },
		{ EPS_LIST, REQ_TRAFFIC, NULL, NULL, true },
		{ EPS_LIST, REQ_DELETE_ENDPOINT, NULL, NULL, true },
		{ EPS_LIST, REQ_REFRESH, "r", N_("refresh now (automatic "
		    "while something is being created, updated or deleted)"),
		    false },
		{ EPS_LIST, REQ_BACK, "Esc", N_("back to browse"), false },
		{ EPS_KEYS, REQ_REVEAL, NULL, NULL, false },
		{ EPS_KEYS, REQ_REGEN_PRIMARY, NULL, NULL, true },
		{ EPS_KEYS, REQ_REGEN_SECONDARY, NULL, NULL, true },
		{ EPS_INVOKE, REQ_NEXT_FIELD, "Tab", N_("the request, or the "
		    "deployment"), false },
		{ EPS_INVOKE, REQ_LEFT, "Left Right", N_("choose the "
		    "deployment (by traffic, or one by name)"), false },
		{ EPS_INVOKE, REQ_ENTER, "Enter", N_("send the request"),
		    false },
		{ EPS_LOGS, REQ_NEXT_FIELD, "Tab", N_("the inference server's "
		    "or the storage initializer's logs"), false },
		{ EPS_LOGS, REQ_FOLLOW, NULL, NULL, false },
		{ EPS_LOGS, REQ_REFRESH, "r", N_("read the logs again"),
		    false },
		{ EPS_INVOKE, REQ_PAGE_UP, "Up Down PgUp PgDn", N_("scroll"),
		    false },
		{ EPS_LOGS, REQ_PAGE_UP, "Up Down PgUp PgDn", N_("scroll"),
		    false },
		{ EPS_KEYS, REQ_BACK, "Esc", N_("back to the list"), false },
		{ EPS_INVOKE, REQ_BACK, "Esc", N_("back to the list"), false },
		{ EPS_LOGS, REQ_BACK, "Esc", N_("back to the list"), false },
		{ EPS_SCALE, REQ_ENTER, "Enter", N_("review the plan"),
		    false },
		{ EPS_TRAFFIC, REQ_ENTER, "Enter", N_("review the plan"),
		    false },
		{ EPS_DELETE, REQ_ENTER, "Enter", N_("review the plan"),
		    false },
		{ EPS_SCALE, REQ_BACK, "Esc", N_("cancel"), false },
		{ EPS_TRAFFIC, REQ_BACK, "Esc", N_("cancel"), false },
		{ EPS_DELETE, REQ_BACK, "Esc", N_("cancel"), false },
	};
	struct tui_help	 h;
	size_t		 i;

	memset(&h, 0, sizeof h);
	h.top = 3;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].mode == e->mode && (!e->readonly ||
		    !rows[i].acts) && !(e->mode == EPS_KEYS && e->token &&
		    rows[i].acts))
			(void)tui_help_add(&h, rows[i].req, rows[i].keys,
			    rows[i].help);
	(void)tui_help_add(&h, REQ_QUIT, "q", N_("quit"));
	tui_help_open(e->tui, &h);
}

/* ---- keys ---- */

static const enum request eps_keys[] = {
	REQ_UP, REQ_DOWN, REQ_PAGE_UP, REQ_PAGE_DOWN, REQ_HOME, REQ_END,
	REQ_BACK, REQ_REFRESH, REQ_ENDPOINT_KEYS, REQ_INVOKE, REQ_LOGS,
	REQ_REVEAL, REQ_REGEN_PRIMARY, REQ_REGEN_SECONDARY, REQ_FOLLOW,
	REQ_NEXT_FIELD, REQ_SCALE_DEPLOYMENT, REQ_TRAFFIC, REQ_DELETE_ENDPOINT,
	REQ_NONE
};

static enum reaction
eps_request(struct screen *s, const struct key_event *ev)
{
	struct eps	*e = s->data;
	int		 h = e->list_height > 0 ? e->list_height : 10;
	long		 sel = (long)e->sel, delta;

	if (e->mode == EPS_SCALE || e->mode == EPS_TRAFFIC ||
	    e->mode == EPS_DELETE)
		return eps_change_key(s, ev);
	if (e->mode != EPS_LIST)
		return eps_view_key(s, ev);
	if (eps_move(ev->req, h, (long)e->nrows, &delta)) {
		sel += delta;
		if (sel >= (long)e->nrows)
			sel = (long)e->nrows - 1;
		e->sel = sel < 0 ? 0 : (size_t)sel;
		return REACT_REDRAW;
	}
	switch (ev->req) {
	case REQ_BACK:
		tui_pop(s->tui);
		return REACT_REDRAW;
	case REQ_REFRESH:
		eps_load_start(s);
		return REACT_REDRAW;
	case REQ_ENDPOINT_KEYS:
		return eps_view_open(s, EPS_KEYS) ? REACT_REDRAW : REACT_NONE;
	case REQ_INVOKE:
		if (e->readonly) {
			tui_status(s->tui, STYLE_WARNING, "%s", _("--readonly: "
			    "akswiz sends no request to a scoring URI."));
			return REACT_REDRAW;
		}
		return eps_view_open(s, EPS_INVOKE) ? REACT_REDRAW :
		    REACT_NONE;
	case REQ_LOGS:
		return eps_view_open(s, EPS_LOGS) ? REACT_REDRAW : REACT_NONE;
	case REQ_SCALE_DEPLOYMENT:
	case REQ_TRAFFIC:
	case REQ_DELETE_ENDPOINT:
		return eps_change_open(s, ev->req == REQ_SCALE_DEPLOYMENT ?
		    EPS_SCALE : ev->req == REQ_TRAFFIC ? EPS_TRAFFIC :
		    EPS_DELETE) ? REACT_REDRAW : REACT_NONE;
	case REQ_HELP:
		eps_help_open(e);
		return REACT_REDRAW;
	case REQ_CHAR:
		return REACT_NONE;
	default:
		return REACT_UNHANDLED;
	}
}

/* ---- drawing ---- */

/* A state with its mark, so that it reads without colour. */
static void
eps_state_text(const char *state, char *buf, size_t len, int *attr)
{
	const char	*mark;

	switch (eps_state_kind(state)) {
	case BROWSE_STATE_OK:
		mark = glyph->ok;
		*attr = display_attr(STYLE_OK);
		break;
	case BROWSE_STATE_FAILED:
		mark = glyph->error;
		*attr = display_attr(STYLE_ERROR);
		break;
	case BROWSE_STATE_BUSY:
		mark = glyph->more;
		*attr = display_attr(STYLE_WARNING);
		break;
	default:
		mark = glyph->info;
		*attr = A_NORMAL;
		break;
	}
	snprintf(buf, len, "%s %s", mark, state != NULL ? state : "?");
}

/* "2", or autoscale bounds "1–4". */
static void
eps_instances(const struct arm_deployment *d, char *buf, size_t len)
{
	if (d->scale_type != NULL &&
	    strcasecmp(d->scale_type, "TargetUtilization") == 0)
		/* TRANSLATORS: autoscale bounds in the Instances column,
		 * 9 columns wide with the numbers: keep the word short. */
		snprintf(buf, len, _("%ld-%ld auto"), d->min_instances,
		    d->max_instances);
	else if (d->instance_count >= 0)
		snprintf(buf, len, "%ld", d->instance_count);
	else
		snprintf(buf, len, "?");
}

/* The endpoint's auth mode, in words. */
static const char *
eps_auth_text(const char *mode)
{
	if (mode == NULL)
		return "";
	if (strcasecmp(mode, "Key") == 0)
		/* TRANSLATORS: an endpoint's auth mode, in the list. */
		return _("key auth");
	if (strcasecmp(mode, "AMLToken") == 0)
		return _("AML token");
	if (strcasecmp(mode, "AADToken") == 0)
		return _("Entra ID token");
	return mode;
}

/* Column widths: name, state, instances, type, traffic. */
static void
eps_layout(int width, int w[5])
{
	int	rest;

	w[1] = 13;
	w[2] = 9;
	w[4] = 7;
	rest = width - 2 - w[1] - w[2] - w[4] - 4;
	w[0] = rest / 2 < 12 ? 12 : rest / 2;
	w[3] = rest - w[0];
}

static void
eps_draw_list(struct eps *e, WINDOW *win, int y, int height)
{
	int	w[5], i, attr;
	char	line[1024], cell[256];

	eps_layout(COLS - 2, w);
	line[0] = '\0';
	display_cat(line, sizeof line, "  ", 2);
	/* TRANSLATORS: headings of the endpoints list. */
	display_cat(line, sizeof line, _("Name"), w[0] + 1);
	display_cat(line, sizeof line, _("State"), w[1] + 1);
	display_cat(line, sizeof line, _("Instances"), w[2] + 1);
	display_cat(line, sizeof line, _("Type"), w[3] + 1);
	display_cat(line, sizeof line, _("Traffic"), w[4]);
	display_text(win, y++, 1, COLS - 2, line, display_attr(STYLE_TITLE),
	    true);
	height--;
	e->list_height = height;
	if (e->sel < e->top)
		e->top = e->sel;
	if (height > 0 && e->sel >= e->top + (size_t)height)
		e->top = e->sel - (size_t)height + 1;
	for (i = 0; i < height && e->top + (size_t)i < e->nrows; i++) {
		const struct eps_row		*r = &e->rows[e->top + i];
		const struct arm_endpoint	*ep = eps_endpoint(e, r);
		const struct arm_deployment	*d = eps_deployment(e, r);
		bool				 sel = e->top + (size_t)i ==
						    e->sel;
		int				 x = 1;

		/* Each cell cut to its column (with "…"). */
		snprintf(line, sizeof line, "%s %s%s", sel ? glyph->pointer :
		    " ", d != NULL ? "  " : "", d != NULL ? d->name :
		    ep->name);
		display_text(win, y + i, x, w[0] + 2, line, sel ?
		    display_attr(STYLE_SELECTED) : (int)A_NORMAL, true);
		x += w[0] + 3;
		eps_state_text(d != NULL ? d->provisioning_state :
		    ep->provisioning_state, cell, sizeof cell, &attr);
		display_text(win, y + i, x, w[1], cell, attr, true);
		x += w[1] + 1;
		if (d == NULL) {
			display_text(win, y + i, x + w[2] + 1, w[3],
			    eps_auth_text(ep->auth_mode), A_NORMAL, true);
			continue;
		}
		eps_instances(d, cell, sizeof cell);
		display_text(win, y + i, x, w[2], cell, A_NORMAL, true);
		x += w[2] + 1;
		display_text(win, y + i, x, w[3], d->instance_type != NULL ?
		    d->instance_type : _("default"), A_NORMAL, true);
		x += w[3] + 1;
		snprintf(cell, sizeof cell, "%ld%%", eps_traffic(ep->traffic,
		    d->name));
		line[0] = '\0';
		display_cat(line, sizeof line, cell, -w[4]);
		display_text(win, y + i, x, w[4], line, A_NORMAL, true);
	}
}

/* One "label  value" row of a detail (value wrapped); rows used. */
static int
eps_pair(WINDOW *win, int y, int ymax, const char *label, const char *value)
{
	char	line[128];

	if (value == NULL || value[0] == '\0' || y >= ymax)
		return 0;
	line[0] = '\0';
	display_cat(line, sizeof line, label, 15);
	display_text(win, y, 1, 16, line, display_attr(STYLE_DIM), true);
	return display_wrap_split(win, y, 17, COLS - 18, ymax - y, value,
	    A_NORMAL);
}

/* "cpu 500m, memory 1Gi" of requests or limits. */
static void
eps_resources(const char *cpu, const char *mem, const char *gpu, char *buf,
    size_t len)
{
	buf[0] = '\0';
	if (cpu != NULL)
		snprintf(buf + strlen(buf), len - strlen(buf), "cpu %s", cpu);
	if (mem != NULL)
		snprintf(buf + strlen(buf), len - strlen(buf), "%smemory %s",
		    buf[0] != '\0' ? ", " : "", mem);
	if (gpu != NULL)
		snprintf(buf + strlen(buf), len - strlen(buf), "%sgpu %s",
		    buf[0] != '\0' ? ", " : "", gpu);
}

/* A registered model's ID as NAME:VERSION (azureml's short form). */
static void
eps_model_text(const char *id, char *buf, size_t len)
{
	const char	*m, *v;

	buf[0] = '\0';
	if (id == NULL)
		return;
	m = strstr(id, "/models/");
	v = m != NULL ? strstr(m + 8, "/versions/") : NULL;
	if (v != NULL && strchr(v + 10, '/') == NULL)
		snprintf(buf, len, "%.*s:%s", (int)(v - m - 8), m + 8, v + 10);
	else
		snprintf(buf, len, "%s", id);
}

/* The selected row's detail, from row y to ymax. */
static void
eps_draw_detail(struct eps *e, WINDOW *win, int y, int ymax)
{
	const struct eps_row		*r = eps_selected(e);
	const struct arm_endpoint	*ep = eps_endpoint(e, r);
	const struct arm_deployment	*d = eps_deployment(e, r);
	char				 buf[512];

	if (ep == NULL || y >= ymax)
		return;
	display_hline(win, y++, 1, COLS - 2);
	if (d == NULL) {
		/* TRANSLATORS: labels of the endpoints' detail. */
		y += eps_pair(win, y, ymax, _("Scoring URI"), ep->scoring_uri);
		y += eps_pair(win, y, ymax, _("Auth mode"), ep->auth_mode);
		y += eps_pair(win, y, ymax, _("Traffic"), ep->traffic);
		y += eps_pair(win, y, ymax, _("Mirror traffic"),
		    ep->mirror_traffic);
		y += eps_pair(win, y, ymax, _("Description"),
		    ep->description);
		if (e->deps[r->ep].n == 0)
			(void)eps_pair(win, y, ymax, _("Deployments"),
			    _("none yet: akswiz plan new deploy makes one"));
		return;
	}
	eps_model_text(d->model, buf, sizeof buf);
	y += eps_pair(win, y, ymax, _("Model"), buf);
	eps_resources(d->cpu_request, d->memory_request, d->gpu_request, buf,
	    sizeof buf);
	y += eps_pair(win, y, ymax, _("Requests"), buf);
	eps_resources(d->cpu_limit, d->memory_limit, d->gpu_limit, buf,
	    sizeof buf);
	y += eps_pair(win, y, ymax, _("Limits"), buf);
	if (d->scale_type != NULL &&
	    strcasecmp(d->scale_type, "TargetUtilization") == 0)
		/* TRANSLATORS: a deployment's autoscale bounds. */
		snprintf(buf, sizeof buf, _("autoscale, %ld to %ld "
		    "instances"), d->min_instances, d->max_instances);
	else
		snprintf(buf, sizeof buf, P_("%ld instance", "%ld instances",
		    (unsigned long)(d->instance_count > 0 ?
		    d->instance_count : 0)), d->instance_count);
	y += eps_pair(win, y, ymax, _("Scale"), buf);
	y += eps_pair(win, y, ymax, _("Timeout"), d->request_timeout);
	y += eps_pair(win, y, ymax, _("Description"), d->description);
	if (eps_state_kind(d->provisioning_state) != BROWSE_STATE_FAILED)
		return;
	if (e->failure != NULL && e->failure[e->sel] != NULL) {
		char *safe = text_escape_dup(e->failure[e->sel], 0);

		y += eps_pair(win, y, ymax, _("Failure"), safe);
		free(safe);
	}
	/* TRANSLATORS: the label of the line that says l shows them. */
	(void)eps_pair(win, y, ymax, _("Logs"), _("l shows the "
	    "container's logs (Tab: the storage initializer's)"));
}

/* The secret, or its mask until revealed. */
static const char *
eps_secret_text(const struct eps *e, const char *secret)
{
	if (secret == NULL)
		return "";
	if (e->revealed)
		return secret;
	return strcmp(glyph->ok, "✓") == 0 ? "••••••••••••••••" :
	    "****************";
}

static int
eps_draw_keys(struct eps *e, WINDOW *win, int y, int ymax)
{
	char	exp[32], ref[32];

	if (!e->keys_read)
		return y;
	if (e->token) {
		y += eps_pair(win, y, ymax, _("Access token"),
		    eps_secret_text(e, e->tok.access_token));
		y += eps_pair(win, y, ymax, _("Token type"),
		    e->tok.token_type);
		exp[0] = ref[0] = '\0';
		if (e->tok.expiry >= 0)
			clock_format_iso8601((time_t)e->tok.expiry, exp,
			    sizeof exp);
		if (e->tok.refresh_after >= 0)
			clock_format_iso8601((time_t)e->tok.refresh_after,
			    ref, sizeof ref);
		y += eps_pair(win, y, ymax, _("Expires"), exp);
		y += eps_pair(win, y, ymax, _("Refresh after"), ref);
	} else {
		y += eps_pair(win, y, ymax, _("Primary key"),
		    eps_secret_text(e, e->k1));
		y += eps_pair(win, y, ymax, _("Secondary key"),
		    eps_secret_text(e, e->k2));
	}
	if (e->confirm != NULL && y + 1 < ymax) {
		char	q[512];

		/* TRANSLATORS: %s is Primary or Secondary, then the
		 * endpoint. */
		snprintf(q, sizeof q, _("Regenerate the %s key of %s? Clients "
		    "that use it stop being let in. Enter regenerates, Esc "
		    "keeps it."), e->confirm, e->endpoint);
		y += 1 + display_wrap(win, y + 1, 1, COLS - 2, ymax - y - 1, q,
		    display_attr(STYLE_WARNING));
	}
	return y;
}

/* The line at p (without its newline) into buf; the text after it, or
 * NULL. */
static const char *
eps_text_line(const char *p, char *buf, size_t len)
{
	const char	*nl = strchr(p, '\n');
	size_t		 n = nl != NULL ? (size_t)(nl - p) : strlen(p);

	snprintf(buf, len, "%.*s", (int)n, p);
	return nl != NULL ? nl + 1 : NULL;
}

/*
 * A line's indent: its leading blanks (a tab to the next stop of 8),
 * which a log's traceback needs, drawn as cells and kept on the rows it
 * wraps onto; none where it would leave less than half the width.  *rest
 * is the text after it.
 */
static int
eps_line_indent(const char *line, int width, const char **rest)
{
	const char	*p = line;
	int		 ind = 0;

	for (; *p == ' ' || *p == '\t'; p++)
		ind = *p == '\t' ? (ind / 8 + 1) * 8 : ind + 1;
	*rest = p;
	if (*p == '\0' || ind > width / 2) {
		*rest = line;
		return 0;
	}
	return ind;
}

/*
 * Text of many lines (the reply, the logs) from row y, scrolled by lines.
 * A long line wraps over rows, under its indent, so the last scroll
 * position is the first line from which the rest fits in the rows there
 * are: End shows the last lines whole, at any width.
 */
static void
eps_draw_text(struct eps *e, WINDOW *win, int y, int ymax, const char *text)
{
	const char	*p, *rest;
	int		 n = 0, last, rows, i, ind, w = COLS - 2;
	int		*height;
	char		 line[1024];

	for (p = text; p != NULL && *p != '\0'; n++)
		p = eps_text_line(p, line, sizeof line);
	height = xcalloc((size_t)n + 1, sizeof *height);
	for (p = text, i = 0; i < n; i++) {
		p = eps_text_line(p, line, sizeof line);
		ind = eps_line_indent(line, w, &rest);
		height[i] = line[0] != '\0' ? display_wrap_rows(w - ind,
		    rest, true) : 1;
	}
	for (last = n, rows = 0; last > 0 && rows + height[last - 1] <=
	    ymax - y; last--)
		rows += height[last - 1];
	if (last == n && n > 0)
		last = n - 1;	/* a last line taller than the rows */
	free(height);
	if (e->scroll < 0 || e->scroll > last)
		e->scroll = last;
	for (p = text, i = 0; p != NULL && *p != '\0' && y < ymax; i++) {
		p = eps_text_line(p, line, sizeof line);
		if (i < e->scroll)
			continue;
		/* A long line (a JSON reply) wraps, under its indent. */
		ind = eps_line_indent(line, w, &rest);
		y += line[0] != '\0' ? display_wrap_split(win, y, 1 + ind,
		    w - ind, ymax - y, rest, A_NORMAL) : 1;
	}
}

static void
eps_draw_view(struct eps *e, WINDOW *win, int y, int ymax)
{
	const struct arm_deployment_list *dl = eps_view_deps(e);
	char	 line[512], path[1024];
	const char *hints = "";

	switch (e->mode) {
	case EPS_KEYS:
		/* TRANSLATORS: title of the keys view; %s is the
		 * endpoint. */
		snprintf(line, sizeof line, e->token ? _("Token of %s") :
		    _("Keys of %s"), e->endpoint);
		display_text(win, y++, 1, COLS - 2, line,
		    display_attr(STYLE_TITLE), true);
		y = eps_draw_keys(e, win, y + 1, ymax);
		hints = e->confirm != NULL ? _("Enter regenerate  Esc keep") :
		    e->token || e->readonly ? _("v reveal  Esc back") :
		    /* TRANSLATORS: hints of the keys view. */
		    _("v reveal  p/s regenerate primary/secondary  Esc back");
		break;
	case EPS_INVOKE:
		snprintf(line, sizeof line, _("Invoke %s"), e->endpoint);
		display_text(win, y++, 1, COLS - 2, line,
		    display_attr(STYLE_TITLE), true);
		y++;
		line[0] = '\0';
		/* TRANSLATORS: a file's path, or the request's JSON typed
		 * there. */
		display_cat(line, sizeof line, _("Request"), 15);
		display_text(win, y, 1, 16, line, A_NORMAL, true);
		widget_field_draw(&e->file, win, y++, 17, COLS - 19,
		    e->focus == 0);
		line[0] = '\0';
		display_cat(line, sizeof line, _("Deployment"), 15);
		display_text(win, y, 1, 16, line, A_NORMAL, true);
		snprintf(path, sizeof path, "< %s >", e->target == 0 ||
		    dl == NULL || (size_t)e->target > dl->n ?
		    /* TRANSLATORS: invoke's deployment choice: the one the
		     * endpoint's traffic picks. */
		    _("by traffic") : dl->v[e->target - 1].name);
		display_text(win, y++, 17, COLS - 19, path, e->focus == 1 ?
		    display_attr(STYLE_SELECTED) : (int)A_NORMAL, true);
		y++;
		if (e->job[EPS_JOB_INVOKE] != NULL)
			display_text(win, y++, 1, COLS - 2, _("Sending..."),
			    display_attr(STYLE_DIM), true);
		else if (e->sent && e->note[0] == '\0') {
			/* TRANSLATORS: "HTTP 200 in 12 ms". */
			snprintf(line, sizeof line, _("HTTP %ld in %llu ms"),
			    e->status, (unsigned long long)e->ms);
			display_text(win, y++, 1, COLS - 2, line,
			    display_attr(e->status >= 200 && e->status < 300 ?
			    STYLE_OK : STYLE_ERROR), true);
			eps_draw_text(e, win, y, ymax, e->reply != NULL ?
			    e->reply : "");
		}
		hints = _("Enter send  Tab next field  PgUp/PgDn scroll  "
		    "Esc back");
		break;
	case EPS_LOGS:
		/* TRANSLATORS: title of the logs view: the deployment, its
		 * endpoint, the container. */
		snprintf(line, sizeof line, _("Logs of %s/%s · %s%s"),
		    e->endpoint, e->deployment, e->container == 0 ?
		    _("inference server") : _("storage initializer"),
		    e->follow ? _(" (following)") : "");
		display_text(win, y++, 1, COLS - 2, line,
		    display_attr(STYLE_TITLE), true);
		if (e->logs != NULL)
			eps_draw_text(e, win, y, ymax, e->logs);
		/* TRANSLATORS: hints of the logs view. */
		hints = _("Tab container  f follow  r reload  Esc back");
		break;
	default:
		break;
	}
	tui_draw_hints(win, hints);
}

static void
eps_draw(struct screen *s, WINDOW *win)
{
	struct eps	*e = s->data;
	char		 right[128];
	int		 y = 3, bottom = LINES - 3, h;
	bool		 busy = false;
	size_t		 i;

	for (i = 0; i < EPS_JOB__COUNT; i++)
		busy = busy || e->job[i] != NULL;
	snprintf(right, sizeof right, P_("%zu endpoint", "%zu endpoints",
	    e->eps.n), e->eps.n);
	if (busy)
		snprintf(right + strlen(right), sizeof right - strlen(right),
		    " %s", tui_spinner(s->tui));
	{
		char	title[256];

		/* TRANSLATORS: the endpoints screen's title; %s is the
		 * Kubernetes compute. */
		snprintf(title, sizeof title, _("Online endpoints on %s"),
		    e->compute);
		tui_draw_frame(s->tui, win, title, right);
	}
	if (e->error[0] != '\0') {
		y = 2 + display_wrap(win, 2, 1, COLS - 2, bottom - 4,
		    e->error, display_attr(STYLE_ERROR));
		y = y < 3 ? 3 : y + 1;
	}
	if (e->mode == EPS_SCALE || e->mode == EPS_TRAFFIC ||
	    e->mode == EPS_DELETE) {
		if (e->note[0] != '\0')
			tui_draw_status(win, e->note, display_attr(STYLE_ERROR));
		(void)eps_draw_change(e, win, y, bottom);
		return;
	}
	if (e->mode != EPS_LIST) {
		if (e->note[0] != '\0')
			tui_draw_status(win, e->note, display_attr(
			    e->note_error ? STYLE_ERROR : STYLE_OK));
		e->list_height = bottom - y - 3;
		eps_draw_view(e, win, y, bottom - (e->note[0] != '\0' ?
		    display_wrap_rows(COLS - 2, e->note, false) : 0));
		return;
	}
	if (e->loaded && e->nrows == 0) {
		display_wrap(win, y, 1, COLS - 2, bottom - y, _("No online "
		    "endpoint on this compute yet: akswiz plan new deploy "
		    "makes one, with its deployment."), A_NORMAL);
	} else if (e->nrows > 0) {
		/* The list takes what the detail leaves (at least 4 rows). */
		h = (int)e->nrows + 1;
		if (h > bottom - y - 8)
			h = bottom - y - 8;
		if (h < 4)
			h = 4;
		eps_draw_list(e, win, y, h);
		eps_draw_detail(e, win, y + h, bottom);
	}
	{
		const struct browse_hint hint[] = {
			/* TRANSLATORS: key hints of the endpoints footer,
			 * each "key word"; keep each short. */
			{ e->nrows > 0 ? _("k keys") : NULL, 1 },
			{ e->nrows > 0 && !e->readonly ? _("i invoke") :
			    NULL, 1 },
			{ e->nrows > 0 ? _("l logs") : NULL, 1 },
			{ e->nrows > 0 && !e->readonly ? _("c scale") : NULL,
			    4 },
			{ e->nrows > 0 && !e->readonly ? _("t traffic") :
			    NULL, 4 },
			{ e->nrows > 0 && !e->readonly ? _("x delete") : NULL,
			    4 },
			{ _("r refresh"), 3 },
			{ _("Esc back"), 2 },
			{ _("? help"), 0 },
		};
		char	line[256];

		browse_hints_fit(hint, sizeof hint / sizeof hint[0],
		    COLS - 2, line, sizeof line);
		tui_draw_hints(win, line);
	}
}

/* ---- the screen ---- */

/* Opened or back: read the list (from the loop, as browse does). */
static void
eps_enter(struct screen *s)
{
	timer_add(clock_now_ms(), true, s, eps_tick, s);
}

static void
eps_free(struct screen *s)
{
	struct eps	*e = s->data;
	size_t		 i;

	for (i = 0; i < EPS_JOB__COUNT; i++)
		if (e->job[i] != NULL)
			e->job[i]->cancelled = true;
	timer_cancel_owner(s);
	timer_cancel_owner(&e->follow);
	eps_secrets_forget(e);
	free(e->reply);
	free(e->logs);
	eps_list_free(e);
	free(e);
}

/* The model for tests: never a secret. */
static void
eps_save_state(struct screen *s, FILE *fp)
{
	static const char *const modes[] = { "list", "keys", "invoke",
		"logs", "scale", "traffic", "delete" };
	struct eps	*e = s->data;
	const struct eps_row *r = eps_selected(e);
	size_t		 i;

	fprintf(fp, "compute: %s\n", e->compute);
	fprintf(fp, "mode: %s\n", modes[e->mode]);
	fprintf(fp, "auto-refresh: %s\n", eps_transitional(e) ? "on" : "off");
	fprintf(fp, "keys: %s\n", !e->keys_read ? "unread" : e->revealed ?
	    "revealed" : "masked");
	fprintf(fp, "follow: %s\n", e->follow ? "on" : "off");
	if (r != NULL)
		fprintf(fp, "selected: %s%s%s\n", eps_endpoint(e, r)->name,
		    r->dep >= 0 ? "/" : "", r->dep >= 0 ?
		    eps_deployment(e, r)->name : "");
	for (i = 0; i < e->nrows; i++) {
		const struct arm_deployment *d = eps_deployment(e,
		    &e->rows[i]);
		const struct arm_endpoint *ep = eps_endpoint(e, &e->rows[i]);

		if (d != NULL)
			fprintf(fp, "row: %s/%s %s %ld\n", ep->name, d->name,
			    d->provisioning_state != NULL ?
			    d->provisioning_state : "?", d->instance_count);
		else
			fprintf(fp, "row: %s %s\n", ep->name,
			    ep->provisioning_state != NULL ?
			    ep->provisioning_state : "?");
	}
}

static const struct screen_ops eps_ops = {
	"endpoints", eps_enter, NULL, eps_request, eps_draw, eps_free,
	eps_save_state, NULL, NULL, eps_keys
};

void
screen_endpoints_open(struct tui *t, const struct open_request *o)
{
	struct eps	*e = xcalloc(1, sizeof *e);

	e->tui = t;
	e->readonly = t->ctx.readonly;
	snprintf(e->compute, sizeof e->compute, "%s", o != NULL &&
	    o->compute != NULL ? o->compute : "");
	widget_field_init(&e->file);
	tui_push(t, &eps_ops, e);
}

/* Browse's e on a compute: its endpoints, or why it has none. */
enum reaction
endpoints_from_browse(struct tui *t, const struct browse_row *r)
{
	struct open_request	o;

	if (r == NULL)
		return REACT_NONE;
	if (browse_row_kubernetes(r)) {
		memset(&o, 0, sizeof o);
		o.compute = r->name;
		tui_open(t, REQ_OPEN_ENDPOINTS, &o);
	} else if (browse_row_inference(r))
		/* TRANSLATORS: %s is a legacy AKS compute; m is browse's
		 * migrate key. */
		tui_status(t, STYLE_WARNING, _("%s is a legacy AKS compute: "
		    "online endpoints run on Kubernetes computes only; m "
		    "migrates it to today's path."), r->name);
	else
		tui_status(t, STYLE_WARNING, _("%s (%s) is not an inference "
		    "cluster: akswiz leaves it alone."), r->name, r->type);
	return REACT_REDRAW;
}
