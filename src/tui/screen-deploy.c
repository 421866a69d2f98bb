/*
 * Deploy a model (issue 13): three pages from the home screen, each with
 * Esc back and Enter next, keeping what was typed when going back.
 *
 *   Target	the Kubernetes compute (the workspace's computes, legacy AKS
 *		ones dimmed and refused with the service's message and the
 *		migration that moves them), the endpoint (new, its name
 *		checked as typed and against the workspace's endpoints, or
 *		an existing one on that compute), the deployment's name and
 *		the auth mode (key or aml_token: v2 has no no-auth mode).
 *   What	the model (a local file or folder, its size shown, or a
 *		registered NAME:VERSION), the code folder and scoring script,
 *		the environment (NAME:VERSION, or an image and a conda file).
 *   Resources	instance type, requests and limits, GPU, a fixed count or
 *		autoscale, request settings, App Insights, probes; checked as typed
 *		with core's rules, including the fit on the compute's
 *		cluster (its nodes read from AKS): "fits N instances".
 *
 * Enter on the last page makes the deploy plan and opens the review, which
 * submits it and follows it on the progress screen.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <dirent.h>

#include "azure/arm.h"
#include "azure/arm-endpoints.h"
#include "azure/assets.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/plan-deploy-check.h"
#include "core/rules-deploy.h"
#include "core/vmcatalogue.h"
#include "tui/deploy.h"
#include "tui/display.h"
#include "tui/job.h"
#include "tui/screens.h"
#include "tui/tui.h"
#include "tui/widget.h"

/* ---- what is read from the workspace and the cluster (worker) ---- */

/*
 * The registered assets of a kind: names and latest versions (their
 * details are the pickers', read after: deploy-pick.c).  False, with why
 * in errbuf, when the service does not list them.
 */
static bool
deploy_assets_read(struct deploy_facts_job *j, const char *wsid,
    enum asset_kind kind, struct deploy_asset **out, size_t *n,
    char *errbuf, size_t errlen)
{
	struct asset_list	l;
	struct err		err;
	size_t			i;

	memset(&l, 0, sizeof l);
	err_clear(&err);
	if (assets_list(j->arm, wsid, kind, NULL, &l, &err) != 0) {
		snprintf(errbuf, errlen, "%s", err.msg);
		return false;	/* not known: nothing is judged by it */
	}
	*out = xcalloc(l.n + 1, sizeof **out);
	for (i = 0; i < l.n; i++) {
		snprintf((*out)[i].name, sizeof (*out)[i].name, "%s",
		    l.v[i].name != NULL ? l.v[i].name : "");
		snprintf((*out)[i].version, sizeof (*out)[i].version, "%s",
		    l.v[i].version != NULL ? l.v[i].version : "");
	}
	*n = l.n;
	asset_list_free(&l);
	return true;
}

/* Job: the workspace's computes and online endpoints. */
static void
deploy_facts_run(void *arg)
{
	struct deploy_facts_job	*j = arg;
	struct arm_compute_list	 cl;
	struct arm_endpoint_list el;
	size_t			 i;
	char			*wsid;

	memset(&cl, 0, sizeof cl);
	memset(&el, 0, sizeof el);
	err_clear(&j->err);
	if (!arm_list_computes(j->arm, j->scope.subscription,
	    j->scope.resource_group, j->scope.workspace, &cl, &j->err))
		return;
	j->computes = xcalloc(cl.n + 1, sizeof *j->computes);
	for (i = 0; i < cl.n; i++) {
		struct deploy_compute	*c = &j->computes[j->ncomputes++];
		const struct arm_compute *a = &cl.v[i];

#define CP(dst, src) snprintf(dst, sizeof dst, "%s", (src) != NULL ? (src) : "")
		CP(c->name, a->name);
		CP(c->type, a->compute_type);
		CP(c->state, a->provisioning_state);
		CP(c->cluster_id, a->resource_id);
		CP(c->default_instance_type, a->default_instance_type);
		CP(c->instance_types, a->instance_types);
		CP(c->lb, a->lb_type);
		CP(c->tls, a->ssl_status);
		CP(c->cname, a->ssl_cname);
		CP(c->leaf, a->ssl_leaf_label);
		CP(c->purpose, a->cluster_purpose);
#undef CP
	}
	arm_compute_list_free(&cl);
	if (!arm_list_endpoints(j->arm, j->scope.subscription,
	    j->scope.resource_group, j->scope.workspace, &el, &j->err))
		return;
	j->endpoints = xcalloc(el.n + 1, sizeof *j->endpoints);
	for (i = 0; i < el.n; i++) {
		struct deploy_endpoint	*e = &j->endpoints[j->nendpoints++];

		snprintf(e->name, sizeof e->name, "%s", el.v[i].name != NULL ?
		    el.v[i].name : "");
		snprintf(e->compute, sizeof e->compute, "%s",
		    el.v[i].compute_name != NULL ? el.v[i].compute_name : "");
		snprintf(e->auth_mode, sizeof e->auth_mode, "%s",
		    el.v[i].auth_mode != NULL ? el.v[i].auth_mode : "");
		snprintf(e->state, sizeof e->state, "%s",
		    el.v[i].provisioning_state != NULL ?
		    el.v[i].provisioning_state : "");
	}
	arm_endpoint_list_free(&el);
	j->ok = true;
	xasprintf(&wsid, "/subscriptions/%s/resourceGroups/%s/providers/"
	    "Microsoft.MachineLearningServices/workspaces/%s",
	    j->scope.subscription, j->scope.resource_group,
	    j->scope.workspace);
	j->models_known = deploy_assets_read(j, wsid, ASSET_MODEL,
	    &j->models, &j->nmodels, j->models_err, sizeof j->models_err);
	j->environments_known = deploy_assets_read(j, wsid,
	    ASSET_ENVIRONMENT, &j->environments, &j->nenvironments,
	    j->environments_err, sizeof j->environments_err);
	j->codes_known = deploy_assets_read(j, wsid, ASSET_CODE, &j->codes,
	    &j->ncodes, j->codes_err, sizeof j->codes_err);
	free(wsid);
}

/* Job: the compute's AKS cluster (node size, count, version). */
static void
deploy_cluster_run(void *arg)
{
	struct deploy_cluster_job	*j = arg;
	struct arm_cluster		 c;
	size_t				 i;

	memset(&c, 0, sizeof c);
	err_clear(&j->err);
	if (!arm_get_cluster(j->arm, j->cluster_id, &c, &j->err))
		return;
	snprintf(j->version, sizeof j->version, "%s", c.version != NULL ?
	    c.version : "");
	for (i = 0; i < c.npools; i++) {
		/* The first pool's size; the nodes of every pool of it. */
		if (j->vm_size[0] == '\0' && c.pools[i].vm_size != NULL)
			snprintf(j->vm_size, sizeof j->vm_size, "%s",
			    c.pools[i].vm_size);
		if (c.pools[i].vm_size != NULL &&
		    strcasecmp(c.pools[i].vm_size, j->vm_size) == 0)
			j->nodes += c.pools[i].count;
	}
	arm_cluster_done(&c);
	j->ok = true;
}

/* ---- the screen ---- */

static const char *const auth_labels[] = {
	/* TRANSLATORS: the endpoint's auth modes, as az names them. */
	N_("key"), N_("aml_token")
};
static const char *const scale_labels[] = {
	/* TRANSLATORS: a deployment's scale: a fixed count or autoscale. */
	N_("fixed count"), N_("autoscale")
};
static const char *const probe_labels[] = {
	/* TRANSLATORS: a deployment's probes: the service's defaults or custom ones. */
	N_("defaults"), N_("custom")
};
/* TRANSLATORS: the probe fields' labels: s is seconds; successes and failures are thresholds (counts). */
static const char *const live_labels[] = {
	N_("Liveness delay s"), N_("Liveness period s"),
	N_("Liveness timeout s"), N_("Liveness successes"),
	N_("Liveness failures")
};
static const char *const ready_labels[] = {
	N_("Readiness delay s"), N_("Readiness period s"),
	N_("Readiness timeout s"), N_("Readiness successes"),
	N_("Readiness failures")
};
static const enum plan_field live_fields[] = {
	FIELD_LIVENESS_INITIAL_DELAY, FIELD_LIVENESS_PERIOD,
	FIELD_LIVENESS_TIMEOUT, FIELD_LIVENESS_SUCCESS, FIELD_LIVENESS_FAILURE
};
static const enum plan_field ready_fields[] = {
	FIELD_READINESS_INITIAL_DELAY, FIELD_READINESS_PERIOD,
	FIELD_READINESS_TIMEOUT, FIELD_READINESS_SUCCESS,
	FIELD_READINESS_FAILURE
};

static const enum request deploy_keys[] = {
	REQ_UP, REQ_DOWN, REQ_NEXT_FIELD, REQ_PREV_FIELD, REQ_LEFT,
	REQ_RIGHT, REQ_TOGGLE, REQ_ENTER, REQ_BACK, REQ_PICK, REQ_NONE
};

/* The page's title, translated. */
const char *
deploy_page_title(int page)
{
	switch (page) {
	/* TRANSLATORS: the deploy screens' pages. */
	case DEPLOY_PAGE_TARGET:	return _("Where: compute and endpoint");
	case DEPLOY_PAGE_WHAT:		return _("What: model, code, environment");
	default:			return _("Resources and scale");
	}
}

/* The chosen compute, or NULL. */
const struct deploy_compute *
deploy_compute_chosen(const struct deploy *d)
{
	const char	*key = widget_list_selected(&d->computes);
	size_t		 i;

	if (key == NULL || d->facts == NULL)
		return NULL;
	for (i = 0; i < d->facts->ncomputes; i++)
		if (strcmp(d->facts->computes[i].name, key) == 0)
			return &d->facts->computes[i];
	return NULL;
}

/* The workspace's endpoint of that name, or NULL. */
const struct deploy_endpoint *
deploy_endpoint_find(const struct deploy *d, const char *name)
{
	size_t	i;

	if (d->facts == NULL)
		return NULL;
	for (i = 0; i < d->facts->nendpoints; i++)
		if (strcmp(d->facts->endpoints[i].name, name) == 0)
			return &d->facts->endpoints[i];
	return NULL;
}

/* Add a text field to a form. */
static void
deploy_add_field(struct widget_form *f, const char *label,
    struct widget_field *w, enum plan_field pf, bool path)
{
	struct form_item	*it = widget_form_add(f, FORM_FIELD, label, pf);

	widget_field_init(w);
	w->path = path;
	it->field = w;
}

/* The forms of the three pages. */
static void
deploy_build(struct deploy *d)
{
	struct form_item	*it;
	int			 i;

	widget_list_init(&d->computes);
	widget_list_init(&d->picks);
	widget_form_init(&d->target_form);
	/* TRANSLATORS: form labels of the deploy screens (at most 24
	 * cells). */
	deploy_add_field(&d->target_form, N_("Compute"), &d->compute,
	    FIELD_NAME, false);
	deploy_add_field(&d->target_form, N_("Endpoint"), &d->endpoint,
	    FIELD_ENDPOINT_NAME, false);
	deploy_add_field(&d->target_form, N_("Deployment"), &d->deployment,
	    FIELD_DEPLOYMENT_NAME, false);
	widget_field_set(&d->deployment, "blue");
	d->deployment.touched = false;
	it = widget_form_add(&d->target_form, FORM_CHOICE, N_("Auth mode"),
	    FIELD_AUTH_MODE);
	it->choice = &d->auth;
	it->choices = auth_labels;
	it->nchoices = 2;

	widget_form_init(&d->what_form);
	deploy_add_field(&d->what_form, N_("Model"), &d->model, FIELD_MODEL,
	    true);
	deploy_add_field(&d->what_form, N_("Code"), &d->code,
	    FIELD_CODE_PATH, true);
	deploy_add_field(&d->what_form, N_("Scoring script"), &d->script,
	    FIELD_SCORING_SCRIPT, false);
	deploy_add_field(&d->what_form, N_("Environment"), &d->environment,
	    FIELD_ENVIRONMENT, false);
	deploy_add_field(&d->what_form, N_("or image"), &d->image,
	    FIELD_IMAGE, false);
	deploy_add_field(&d->what_form, N_("Conda file"), &d->conda,
	    FIELD_CONDA_FILE, true);

	widget_form_init(&d->res_form);
	deploy_add_field(&d->res_form, N_("Instance type"),
	    &d->instance_type, FIELD_INSTANCE_TYPE, false);
	deploy_add_field(&d->res_form, N_("CPU request"), &d->cpu,
	    FIELD_CPU_REQUEST, false);
	deploy_add_field(&d->res_form, N_("Memory request"), &d->memory,
	    FIELD_MEMORY_REQUEST, false);
	deploy_add_field(&d->res_form, N_("CPU limit"), &d->cpu_limit,
	    FIELD_NONE, false);
	deploy_add_field(&d->res_form, N_("Memory limit"), &d->memory_limit,
	    FIELD_NONE, false);
	deploy_add_field(&d->res_form, N_("GPU"), &d->gpu,
	    FIELD_GPU_REQUEST, false);
	it = widget_form_add(&d->res_form, FORM_CHOICE, N_("Scale"),
	    FIELD_NONE);
	it->choice = &d->autoscale;
	it->choices = scale_labels;
	it->nchoices = 2;
	deploy_add_field(&d->res_form, N_("Instances"), &d->instances,
	    FIELD_INSTANCE_COUNT, false);
	widget_field_set(&d->instances, "1");
	d->instances.touched = false;
	deploy_add_field(&d->res_form, N_("Minimum instances"), &d->min_inst,
	    FIELD_MIN_INSTANCES, false);
	deploy_add_field(&d->res_form, N_("Maximum instances"), &d->max_inst,
	    FIELD_MAX_INSTANCES, false);
	deploy_add_field(&d->res_form, N_("Target utilization %"),
	    &d->target_util, FIELD_TARGET_UTILIZATION, false);
	deploy_add_field(&d->res_form, N_("Polling interval s"), &d->polling,
	    FIELD_POLLING_INTERVAL, false);
	deploy_add_field(&d->res_form, N_("Request timeout ms"), &d->timeout,
	    FIELD_REQUEST_TIMEOUT, false);
	deploy_add_field(&d->res_form, N_("Max concurrent"),
	    &d->concurrent, FIELD_MAX_CONCURRENT, false);
	deploy_add_field(&d->res_form, N_("Max queue wait ms"),
	    &d->queue_wait, FIELD_MAX_QUEUE_WAIT, false);
	it = widget_form_add(&d->res_form, FORM_CHECK, N_("App Insights"),
	    FIELD_NONE);
	it->check = &d->app_insights;
	it = widget_form_add(&d->res_form, FORM_CHOICE, N_("Probes"),
	    FIELD_NONE);
	it->choice = &d->probes;
	it->choices = probe_labels;
	it->nchoices = 2;
	for (i = 0; i < 5; i++)
		deploy_add_field(&d->res_form, live_labels[i], &d->live[i],
		    live_fields[i], false);
	for (i = 0; i < 5; i++)
		deploy_add_field(&d->res_form, ready_labels[i], &d->ready[i],
		    ready_fields[i], false);
}

/* Show autoscale's fields or the fixed count, as chosen. */
static void
deploy_visibility(struct deploy *d)
{
	int	i;

	for (i = 0; i < d->res_form.n; i++) {
		struct form_item *it = &d->res_form.items[i];

		if (it->field == &d->instances)
			it->hidden = d->autoscale;
		else if (it->field == &d->min_inst ||
		    it->field == &d->max_inst ||
		    it->field == &d->target_util ||
		    it->field == &d->polling)
			it->hidden = !d->autoscale;
		else if (it->field != NULL &&
		    ((it->field >= &d->live[0] && it->field <= &d->live[4]) ||
		    (it->field >= &d->ready[0] && it->field <= &d->ready[4])))
			it->hidden = !d->probes;
	}
	/* The compute is typed only when there is no list to choose from. */
	d->target_form.items[0].hidden = d->computes.n > 0;
	if (d->target_form.items[0].hidden && d->target_form.focus == 0)
		d->target_form.focus = 1;
}

/* ---- checks ---- */

/* The compute's name: the chosen row, or the typed one. */
void
deploy_compute_name(const struct deploy *d, char *buf, size_t len)
{
	const struct deploy_compute *c = deploy_compute_chosen(d);

	if (d->computes.n > 0)
		snprintf(buf, len, "%s", c != NULL ? c->name : "");
	else
		widget_field_get(&d->compute, buf, len);
}

/*
 * A number field: DEPLOY_UNSET when empty; false when not a number or
 * negative (never read as "not given": the rules then refuse it).
 */
bool
deploy_field_long(const struct widget_field *f, long *out)
{
	char	buf[64], *end;

	widget_field_get(f, buf, sizeof buf);
	if (buf[0] == '\0') {
		*out = DEPLOY_UNSET;
		return true;
	}
	errno = 0;
	*out = strtol(buf, &end, 10);
	return errno == 0 && *end == '\0' && end != buf && *out >= 0;
}

/* The scale and request settings as typed (unparsable: 0, refused). */
void
deploy_read_scale(const struct deploy *d, struct deploy_scale *sc,
    struct deploy_requests *rq)
{
	deploy_scale_init(sc);
	deploy_requests_init(rq);
	sc->autoscale = d->autoscale != 0;
	if (!sc->autoscale) {
		if (!deploy_field_long(&d->instances, &sc->instances))
			sc->instances = 0;
	} else {
		if (!deploy_field_long(&d->min_inst, &sc->min_instances))
			sc->min_instances = 0;
		if (!deploy_field_long(&d->max_inst, &sc->max_instances))
			sc->max_instances = 0;
		if (!deploy_field_long(&d->target_util,
		    &sc->target_utilization))
			sc->target_utilization = 0;
		if (!deploy_field_long(&d->polling, &sc->polling_interval_s))
			sc->polling_interval_s = 0;
	}
	if (!deploy_field_long(&d->timeout, &rq->timeout_ms))
		rq->timeout_ms = 0;
	if (!deploy_field_long(&d->concurrent, &rq->max_concurrent))
		rq->max_concurrent = 0;
	if (!deploy_field_long(&d->queue_wait, &rq->max_queue_wait_ms))
		rq->max_queue_wait_ms = -2;
}

/* One probe's fields into pr (unparsable: -2, which the rules refuse). */
static void
read_probe(const struct widget_field *f, struct deploy_probe *pr)
{
	long	*m[5];
	int	 i;

	m[0] = &pr->initial_delay_s;
	m[1] = &pr->period_s;
	m[2] = &pr->timeout_s;
	m[3] = &pr->success_threshold;
	m[4] = &pr->failure_threshold;
	for (i = 0; i < 5; i++)
		if (!deploy_field_long(&f[i], m[i]))
			*m[i] = -2;
}

void
deploy_read_probes(const struct deploy *d, struct deploy_probe *live,
    struct deploy_probe *ready)
{
	deploy_probe_init(live);
	deploy_probe_init(ready);
	if (!d->probes)
		return;
	read_probe(d->live, live);
	read_probe(d->ready, ready);
}

/* Which page a verdict's field is on. */
int
deploy_field_page(enum plan_field f)
{
	switch (f) {
	case FIELD_NAME:
	case FIELD_ENDPOINT_NAME:
	case FIELD_DEPLOYMENT_NAME:
	case FIELD_AUTH_MODE:
	case FIELD_TRAFFIC:
	case FIELD_MIRROR_TRAFFIC:
		return DEPLOY_PAGE_TARGET;
	case FIELD_MODEL:
	case FIELD_CODE_PATH:
	case FIELD_SCORING_SCRIPT:
	case FIELD_ENVIRONMENT:
	case FIELD_IMAGE:
	case FIELD_CONDA_FILE:
		return DEPLOY_PAGE_WHAT;
	default:
		return DEPLOY_PAGE_RESOURCES;
	}
}

/*
 * Whether a reference (NAME:VERSION) is judged by the list of registered
 * assets, and *exists: the name is registered with that version or a
 * later one (the list has each name's latest).  A local path or an ARM
 * ID is not judged here (preflight reads the version itself).
 */
static bool
deploy_asset_known(const struct deploy_asset *a, size_t n, const char *ref,
    bool *exists)
{
	struct deploy_ref	r;
	char			*end;
	long			want, latest;
	size_t			i;

	*exists = false;
	if (ref[0] == '\0' || !deploy_ref_parse(ref, &r) || r.arm_id)
		return false;
	for (i = 0; i < n; i++) {
		if (strcmp(a[i].name, r.name) != 0)
			continue;
		want = strtol(r.version, &end, 10);
		if (*end != '\0' || r.version[0] == '\0') {
			*exists = true;		/* a label or a word: the name */
			return true;
		}
		latest = strtol(a[i].version, &end, 10);
		*exists = *end != '\0' || want <= latest;
		return true;
	}
	return true;
}

/*
 * An endpoint's deployments' names, split from its list ("blue green")
 * into buf, pointed to from names; how many (at most max).
 */
static size_t
deploy_endpoint_names(const struct deploy_endpoint *e, char *buf,
    size_t len, const char **names, size_t max)
{
	char	*tok, *save;
	size_t	 n = 0;

	snprintf(buf, len, "%s", e->deployments);
	for (tok = strtok_r(buf, " ", &save); tok != NULL && n < max;
	    tok = strtok_r(NULL, " ", &save))
		names[n++] = tok;
	return n;
}

/*
 * The deploy plan's rules (core's check_deploy) with what is known: the
 * chosen compute's type, the workspace's endpoints, the cluster's nodes.
 */
static void
deploy_check_plan(struct deploy *d, struct verdicts *vs)
{
	const struct deploy_compute	*c = deploy_compute_chosen(d);
	const struct deploy_endpoint	*e;
	struct plan_facts		 f;
	char				 names[PLAN_TEXT_LEN];
	const char			*deployments[DEPLOY_NAMES_MAX];

	deploy_make_plan(d, &d->plan);
	memset(&f, 0, sizeof f);
	f.cloud = d->tui->ctx.cloud;
	if (c != NULL && d->computes.n > 0)
		f.endpoint_compute_type = c->type;
	if (d->facts != NULL) {
		e = deploy_endpoint_find(d, d->plan.endpoint_name);
		f.endpoint_known = true;
		f.endpoint_exists = e != NULL;
		f.endpoint_compute = e != NULL ? e->compute : NULL;
		/* Its deployments, once read: a name it has is refused. */
		if (e != NULL && e->deployments_known) {
			f.n_deployments = deploy_endpoint_names(e, names,
			    sizeof names, deployments, DEPLOY_NAMES_MAX);
			f.deployments = deployments;
			f.deployments_known = true;
		}
	}
	if (d->facts != NULL && d->facts->models_known)
		f.model_known = deploy_asset_known(d->facts->models,
		    d->facts->nmodels, d->plan.deployment.model,
		    &f.model_exists);
	if (d->facts != NULL && d->facts->environments_known)
		f.environment_known = deploy_asset_known(
		    d->facts->environments, d->facts->nenvironments,
		    d->plan.deployment.environment, &f.environment_exists);
	if (d->cluster_known) {
		f.node_size = vm_catalogue_find(d->cluster.vm_size);
		f.node_k8s_version = d->cluster.version;
		f.node_count = d->cluster.nodes;
	}
	check_deploy(&d->plan, &f, vs);
}

/* The instances that fit on the cluster, said under the resources. */
static void
deploy_fit_line(struct deploy *d)
{
	struct deploy_resources	 req;
	const struct vm_size	*size;
	struct k8s_version	 ver;
	long			 fit;

	d->fit[0] = '\0';
	if (!d->cluster_known || verdicts_has_errors(&d->v) ||
	    (size = vm_catalogue_find(d->cluster.vm_size)) == NULL ||
	    !deploy_plan_resources(&d->plan, &req) ||
	    (req.cpu_m == DEPLOY_UNSET && req.memory_mib == DEPLOY_UNSET &&
	    req.gpu == DEPLOY_UNSET))
		return;
	fit = deploy_instances_fit(&req, size,
	    k8s_version_parse(d->cluster.version, &ver) ? &ver : NULL,
	    d->cluster.nodes, 0);
	/*
	 * One node said apart ("1 node", not "1 nodes"), the message of
	 * several kept as it was, with its translations.
	 */
	if (d->cluster.nodes == 1)
		/* TRANSLATORS: "Fits 5 instances on the cluster's 1 node of
		 * Standard_D4s_v3." (a cluster of one node). */
		snprintf(d->fit, sizeof d->fit, P_("Fits %ld instance on the "
		    "cluster's %d node of %s.", "Fits %ld instances on the "
		    "cluster's %d node of %s.", (unsigned long)fit), fit,
		    d->cluster.nodes, d->cluster.vm_size);
	else
		/* TRANSLATORS: "Fits 5 instances on the cluster's 3 nodes of
		 * Standard_D4s_v3." */
		snprintf(d->fit, sizeof d->fit, P_("Fits %ld instance on the "
		    "cluster's %d nodes of %s.", "Fits %ld instances on the "
		    "cluster's %d nodes of %s.", (unsigned long)fit), fit,
		    d->cluster.nodes, d->cluster.vm_size);
}

/* The local path's kind and size into note; false when it is missing. */
static bool
deploy_path_note(const char *path, char *note, size_t len)
{
	struct stat	st;

	if (stat(path, &st) != 0)
		return false;
	if (S_ISDIR(st.st_mode))
		/* TRANSLATORS: a local model or code folder. */
		snprintf(note, len, _("%s: a folder"), path);
	else
		/* TRANSLATORS: a local model file and its size in bytes. */
		snprintf(note, len, _("%s: a file of %lld bytes"), path,
		    (long long)st.st_size);
	return true;
}

/* Add a note to the what page. */
static void
deploy_note(struct deploy *d, int sev, const char *fmt, const char *arg)
{
	if (d->nnotes >= DEPLOY_NOTES)
		return;
	d->notes_sev[d->nnotes] = sev;
	snprintf(d->notes[d->nnotes++], sizeof d->notes[0], fmt, arg);
}

/*
 * The what page's local paths, read (the rules of the plan are core's):
 * the model's file or folder and its size, or a registered model (one
 * the workspace's list lacks has its error under the field); the
 * code folder and the scoring script inside it; the conda file.
 */
static void
deploy_check_what(struct deploy *d)
{
	const struct plan_deployment *dp = &d->plan.deployment;
	char	note[PLAN_TEXT_LEN + 64], path[2 * PLAN_TEXT_LEN + 2];
	struct stat st;

	if (dp->model[0] == '\0')
		;
	else if (deploy_ref_parse(dp->model, NULL) &&
	    verdicts_find(&d->v, FIELD_MODEL, SEV_ERROR) != NULL)
		;	/* the workspace has no such version: said under it */
	else if (deploy_ref_parse(dp->model, NULL))
		/* TRANSLATORS: %s is NAME:VERSION. */
		deploy_note(d, SEV_INFO, _("%s: a registered model"),
		    dp->model);
	else if (deploy_path_note(dp->model, note, sizeof note))
		deploy_note(d, SEV_INFO, "%s", note);
	else
		deploy_note(d, SEV_ERROR, _("%s: no such file or folder, and "
		    "not a registered model's NAME:VERSION."), dp->model);
	if (dp->code_path[0] != '\0' && (stat(dp->code_path, &st) != 0 ||
	    !S_ISDIR(st.st_mode)))
		deploy_note(d, SEV_ERROR, _("%s: no such folder."),
		    dp->code_path);
	else if (dp->code_path[0] != '\0' && dp->scoring_script[0] != '\0') {
		snprintf(path, sizeof path, "%s/%s", dp->code_path,
		    dp->scoring_script);
		if (dp->scoring_script[0] == '/' ||
		    strstr(dp->scoring_script, "..") != NULL)
			deploy_note(d, SEV_ERROR, _("%s: the scoring script "
			    "must be inside the code folder."),
			    dp->scoring_script);
		else if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			deploy_note(d, SEV_ERROR, _("%s: no such file in the "
			    "code folder."), dp->scoring_script);
		else
			/* TRANSLATORS: %s is code/score.py. */
			deploy_note(d, SEV_INFO, _("%s: the scoring script"),
			    path);
	}
	if (dp->conda_file[0] != '\0' && (stat(dp->conda_file, &st) != 0 ||
	    !S_ISREG(st.st_mode)))
		deploy_note(d, SEV_ERROR, _("%s: no such file."),
		    dp->conda_file);
}

/* The resources page's fields that take a whole number. */
static bool
deploy_whole_number_field(enum plan_field pf)
{
	size_t	i;

	switch (pf) {
	case FIELD_INSTANCE_COUNT:
	case FIELD_MIN_INSTANCES:
	case FIELD_MAX_INSTANCES:
	case FIELD_TARGET_UTILIZATION:
	case FIELD_POLLING_INTERVAL:
	case FIELD_REQUEST_TIMEOUT:
	case FIELD_MAX_CONCURRENT:
	case FIELD_MAX_QUEUE_WAIT:
		return true;
	default:
		for (i = 0; i < 5; i++)
			if (pf == live_fields[i] || pf == ready_fields[i])
				return true;
		return false;
	}
}

/*
 * A number field that cannot be read ("abc", "-1", "2.5") is marked with
 * what was typed, instead of the rules' verdict on the 0 (or the -2)
 * deploy_read_scale reads it as.
 */
static void
deploy_check_numbers(struct deploy *d)
{
	struct form_item	*it;
	struct verdict		*v;
	char			 text[64];
	long			 n;
	size_t			 j, k;
	int			 i;

	for (i = 0; i < d->res_form.n; i++) {
		it = &d->res_form.items[i];
		if (it->field == NULL || it->hidden ||
		    !deploy_whole_number_field(it->pf) ||
		    deploy_field_long(it->field, &n))
			continue;
		for (j = k = 0; j < d->v.n; j++)
			if (d->v.v[j].field != it->pf)
				d->v.v[k++] = d->v.v[j];
		d->v.n = k;
		widget_field_get(it->field, text, sizeof text);
		v = verdicts_add(&d->v, it->pf, SEV_ERROR,
		    MSG_FIELD_NOT_WHOLE_NUMBER);
		verdict_arg_text(v, it->label);
		verdict_arg(v, "%s", text);
	}
}

/* The current page's verdicts (and notes). */
void
deploy_check(struct deploy *d)
{
	struct verdicts	all;
	size_t		i;

	deploy_visibility(d);
	verdicts_init(&all);
	deploy_check_plan(d, &all);
	verdicts_init(&d->v);
	for (i = 0; i < all.n; i++)
		if (deploy_field_page(all.v[i].field) == d->page &&
		    d->v.n < VERDICTS_MAX)
			d->v.v[d->v.n++] = all.v[i];
	d->nnotes = 0;
	if (d->page == DEPLOY_PAGE_WHAT)
		deploy_check_what(d);
	if (d->page == DEPLOY_PAGE_RESOURCES) {
		long	gpu;
		char	text[64];
		struct verdict *v;

		deploy_check_numbers(d);
		if (!deploy_field_long(&d->gpu, &gpu)) {
			widget_field_get(&d->gpu, text, sizeof text);
			v = verdicts_add(&d->v, FIELD_GPU_REQUEST, SEV_ERROR,
			    MSG_DEPLOY_REQUEST_INVALID);
			verdict_arg_text(v, N_("GPU"));
			verdict_arg(v, "%s", text);
		}
		deploy_fit_line(d);
	}
}

/* True when the page has an error (what page: an error note). */
static bool
deploy_page_errors(const struct deploy *d)
{
	int	i;

	for (i = 0; i < d->nnotes; i++)
		if (d->notes_sev[i] == SEV_ERROR)
			return true;
	return verdicts_has_errors(&d->v);
}

/* ---- facts arriving ---- */

static void	deploy_cluster_load(struct deploy *);
static void	deploy_suggest_endpoint(struct deploy *);

/* The computes' rows: Kubernetes ones first-class, others dimmed. */
static void
deploy_compute_rows(struct deploy *d)
{
	char	line[512];
	size_t	i;
	const char *keep = widget_list_selected(&d->computes);
	char	sel[PLAN_NAME_LEN];
	bool	chosen = false;

	snprintf(sel, sizeof sel, "%s", keep != NULL ? keep : "");
	widget_list_clear(&d->computes);
	for (i = 0; i < d->facts->ncomputes; i++) {
		const struct deploy_compute *c = &d->facts->computes[i];
		bool	k8s = strcmp(c->type, "Kubernetes") == 0;

		/* Training computes and the like: not a place to deploy. */
		if (!k8s && strcmp(c->type, "AKS") != 0)
			continue;
		line[0] = '\0';
		display_cat(line, sizeof line, c->name, 20);
		display_cat(line, sizeof line, " ", 0);
		/* TRANSLATORS: a legacy compute in the deploy list. */
		display_cat(line, sizeof line, k8s ? c->type :
		    _("AKS (legacy: migrate it first)"), 0);
		widget_list_add(&d->computes, c->name, line, !k8s);
	}
	widget_list_refilter(&d->computes);
	if (sel[0] != '\0')
		chosen = widget_list_select(&d->computes, sel);
	/* The first Kubernetes compute, by default. */
	for (i = 0; !chosen && i < d->facts->ncomputes; i++)
		if (strcmp(d->facts->computes[i].type, "Kubernetes") == 0)
			chosen = widget_list_select(&d->computes,
			    d->facts->computes[i].name);
}

/* The workspace's computes and endpoints are back. */
static void
deploy_facts_done(void *arg)
{
	struct deploy_facts_job	*j = arg;
	struct deploy		*d = j->owner;

	if (j->cancelled) {
		deploy_facts_free(j);
		return;
	}
	d->loading = NULL;
	if (!j->ok) {
		snprintf(d->live_error, sizeof d->live_error, "%s", j->err.msg);
		deploy_facts_free(j);
		d->tui->redraw = true;
		deploy_check(d);
		return;
	}
	d->facts = j;
	deploy_pick_details_load(d);
	deploy_compute_rows(d);
	deploy_suggest_endpoint(d);
	deploy_check(d);
	deploy_cluster_load(d);
	d->tui->redraw = true;
}

/* The cluster of the chosen compute is back. */
static void
deploy_cluster_done(void *arg)
{
	struct deploy_cluster_job	*j = arg;
	struct deploy			*d = j->owner;

	if (j->cancelled) {
		free(j);
		return;
	}
	d->loading_cluster = NULL;
	if (j->ok && strcmp(j->compute, d->cluster_of) == 0) {
		d->cluster = *j;
		d->cluster_known = true;
	}
	free(j);
	deploy_check(d);
	d->tui->redraw = true;
}

/* Read the chosen compute's cluster, once per compute. */
static void
deploy_cluster_load(struct deploy *d)
{
	const struct deploy_compute	*c = deploy_compute_chosen(d);
	struct deploy_cluster_job	*j;

	if (c == NULL || d->tui->ctx.arm == NULL ||
	    strcmp(c->name, d->cluster_of) == 0 || c->cluster_id[0] == '\0' ||
	    d->loading_cluster != NULL)
		return;
	snprintf(d->cluster_of, sizeof d->cluster_of, "%s", c->name);
	d->cluster_known = false;
	j = xcalloc(1, sizeof *j);
	j->arm = d->tui->ctx.arm;
	j->owner = d;
	snprintf(j->compute, sizeof j->compute, "%s", c->name);
	snprintf(j->cluster_id, sizeof j->cluster_id, "%s", c->cluster_id);
	d->loading_cluster = j;
	job_start(deploy_cluster_run, deploy_cluster_done, j);
}

/* Free what the facts job holds. */
void
deploy_facts_free(struct deploy_facts_job *j)
{
	if (j == NULL)
		return;
	free(j->computes);
	free(j->endpoints);
	free(j->models);
	free(j->environments);
	free(j->codes);
	free(j);
}

/* ---- keys ---- */

/* The endpoint's name as suggested for a compute. */
static void
deploy_suggest_endpoint(struct deploy *d)
{
	char	name[PLAN_NAME_LEN], ep[PLAN_NAME_LEN + 8];

	if (d->endpoint.touched)
		return;
	deploy_compute_name(d, name, sizeof name);
	if (name[0] == '\0')
		return;
	snprintf(ep, sizeof ep, "%s-ep", name);
	ep[DEPLOY_NAME_MAX] = '\0';
	widget_field_set(&d->endpoint, ep);
	d->endpoint.touched = false;
	deploy_suggest_deployment(d);
}

void
deploy_suggest_deployment(struct deploy *d)
{
	static const char *const colour[] = { "blue", "green" };
	char				 ep[PLAN_NAME_LEN], name[PLAN_NAME_LEN];
	char				 buf[PLAN_TEXT_LEN];
	const char			*taken[DEPLOY_NAMES_MAX];
	const struct deploy_endpoint	*e;
	size_t				 n = 0, k;
	int				 i;

	if (d->deployment.touched)
		return;
	widget_field_get(&d->endpoint, ep, sizeof ep);
	if ((e = deploy_endpoint_find(d, ep)) != NULL && e->deployments_known)
		n = deploy_endpoint_names(e, buf, sizeof buf, taken,
		    DEPLOY_NAMES_MAX);
	/* One more name than the endpoint has is always free. */
	for (i = 0; i <= (int)n; i++) {
		if (i < 2)
			snprintf(name, sizeof name, "%s", colour[i]);
		else
			snprintf(name, sizeof name, "%s-%d", colour[i % 2],
			    i / 2 + 1);
		for (k = 0; k < n && strcmp(taken[k], name) != 0; k++)
			;
		if (k == n)
			break;
	}
	widget_field_set(&d->deployment, name);
	d->deployment.touched = false;
}

/*
 * The existing endpoint chosen by name: its auth mode is the one, and the
 * deployment's name one it does not have (until typed).
 */
void
deploy_follow_endpoint(struct deploy *d)
{
	char				 ep[PLAN_NAME_LEN];
	const struct deploy_endpoint	*e;

	widget_field_get(&d->endpoint, ep, sizeof ep);
	if ((e = deploy_endpoint_find(d, ep)) != NULL)
		d->auth = strcasecmp(e->auth_mode, "AMLToken") == 0 ? 1 : 0;
	deploy_suggest_deployment(d);
}

/* The form of the page. */
static struct widget_form *
deploy_form(struct deploy *d)
{
	return d->page == DEPLOY_PAGE_TARGET ? &d->target_form :
	    d->page == DEPLOY_PAGE_WHAT ? &d->what_form : &d->res_form;
}

/* Enter: the next page, or the review, once the page has no errors. */
static void
deploy_next(struct deploy *d)
{
	struct open_request	o;

	deploy_check(d);
	if (deploy_page_errors(d)) {
		d->show_errors = true;
		tui_status(d->tui, STYLE_ERROR, "%s", _("Fix what is marked "
		    "first."));
		return;
	}
	d->show_errors = false;
	if (d->page < DEPLOY_PAGE_RESOURCES) {
		d->page++;
		deploy_check(d);
		return;
	}
	memset(&o, 0, sizeof o);
	deploy_make_plan(d, &d->plan);
	o.plan = &d->plan;
	tui_open(d->tui, REQ_OPEN_REVIEW, &o);
}

/* Keys of the target page's list: move, then the form. */
static bool
deploy_key_list(struct deploy *d, const struct key_event *ev)
{
	int	page = 3;

	switch (ev->req) {
	case REQ_NEXT_FIELD:
		d->list_focus = false;
		return true;
	case REQ_UP:
	case REQ_DOWN:
	case REQ_PAGE_UP:
	case REQ_PAGE_DOWN:
	case REQ_HOME:
	case REQ_END:
		if (!widget_list_key(&d->computes, ev, page))
			return false;
		deploy_suggest_endpoint(d);
		deploy_cluster_load(d);
		return true;
	default:
		return false;
	}
}

/* F1: the page's keys, then the deploy screens' own. */
static void
deploy_help_open(struct deploy *d)
{
	/* TRANSLATORS: key names, at most 14 cells; then what they do. */
	static const char *const target[] = {
		N_("Up/Down"), N_("choose the compute (legacy AKS ones are "
		    "dimmed: migrate them first)"),
		N_("m"), N_("on a legacy AKS compute: its migration to a "
		    "Kubernetes compute on the same cluster"),
		N_("Ctrl-S"), N_("on the migration's form, when the compute "
		    "has a certificate of its own: save it and its key from "
		    "the cluster first"),
		N_("Tab"), N_("from the computes to the endpoint and on"),
		N_("typing"), N_("a new endpoint's name, or one of this "
		    "compute's endpoints to add the deployment to it"),
		N_("F4"), N_("on the endpoint: pick one of this compute's "
		    "endpoints (Ctrl-O too)"),
		N_("Left/Right"), N_("the auth mode: key or aml_token"),
		NULL
	};
	static const char *const what[] = {
		N_("Tab"), N_("complete a file name, then the next field"),
		N_("typing"), N_("a local model file or folder, or a "
		    "registered NAME:VERSION; the code folder and the scoring "
		    "script inside it; NAME:VERSION of an environment, or an "
		    "image and its conda file"),
		N_("F4"), N_("on the model, the code or the environment: pick "
		    "one the workspace has registered, filtered by typing "
		    "(Ctrl-O too)"),
		NULL
	};
	static const char *const resources[] = {
		N_("typing"), N_("Kubernetes quantities (\"500m\" CPU, "
		    "\"1Gi\" memory) and numbers; empty: the service's "
		    "default"),
		N_("Left/Right"), N_("a fixed instance count or autoscale"),
		N_("Space"), N_("App Insights on or off"),
		N_("Left/Right"), N_("on Probes: the service's default "
		    "liveness and readiness probes, or custom ones (seconds "
		    "and thresholds)"),
		NULL
	};
	static const struct {
		enum request	 req;
		const char	*keys, *help;
	} common[] = {
		{ REQ_ENTER,	N_("Enter"),
		    N_("the next page, once this one has no errors; the review "
		    "after the last") },
		{ REQ_BACK,	N_("Esc"),
		    N_("the page before; everything typed is kept") },
		{ REQ_QUIT,	N_("Ctrl-C"),
		    N_("quit (asking first when work is unsaved)") },
	};
	const char *const	*k = d->page == DEPLOY_PAGE_TARGET ? target :
				    d->page == DEPLOY_PAGE_WHAT ? what : resources;
	struct tui_help		 h;
	size_t			 i;

	memset(&h, 0, sizeof h);
	/* TRANSLATORS: the keys overlay's title; %s is a page's title. */
	snprintf(h.title, sizeof h.title, _(" Keys of this page: %s "),
	    deploy_page_title(d->page));
	for (; *k != NULL; k += 2)
		(void)tui_help_add(&h, REQ_NONE, _(k[0]), k[1]);
	for (i = 0; i < sizeof common / sizeof common[0]; i++)
		(void)tui_help_add(&h, common[i].req, _(common[i].keys),
		    common[i].help);
	tui_help_open(d->tui, &h);
}

/* m: the migrate form on the chosen legacy AKS compute. */
static void
deploy_migrate_open(struct deploy *d)
{
	const struct deploy_compute	*c = deploy_compute_chosen(d);
	struct browse_migrate_legacy	 l;

	if (c == NULL || strcmp(c->type, "AKS") != 0) {
		/* TRANSLATORS: m on a compute that is not a legacy one. */
		tui_status(d->tui, STYLE_WARNING, "%s", _("m migrates a legacy "
		    "AKS compute: choose one of the dimmed rows."));
		return;
	}
	memset(&l, 0, sizeof l);
#define CP(to, from) snprintf(l.to, sizeof l.to, "%s", (from))
	CP(name, c->name);
	CP(type, c->type);
	CP(resource_id, c->cluster_id);
	CP(lb, c->lb);
	CP(tls, c->tls);
	CP(cname, c->cname);
	CP(leaf, c->leaf);
	CP(purpose, c->purpose);
#undef CP
	memset(&d->migrate, 0, sizeof d->migrate);
	if (!browse_migrate_begin(&d->migrate, d->tui, &l,
	    d->tui->ctx.scope.workspace))
		return;
	d->migrating = true;
	d->saving = false;
	d->migrate_scroll = 0;
}

/* The certificate and key were saved (tls-save.h): the form takes them. */
static void
deploy_migrate_saved(void *owner, bool ok, const char *cert, const char *key)
{
	struct deploy	*d = owner;

	d->saving = false;
	/* Saved: the form from its top; not: its end, where it says why. */
	d->migrate_scroll = ok ? 0 : DISPLAY_PANEL_ROWS;
	browse_migrate_saved(&d->migrate, d->tui, ok ? cert : NULL,
	    ok ? key : NULL, d->save.note);
}

/* display_panel's draw: the migrate form, or its certificate's save. */
static int
deploy_migrate_panel(void *arg, WINDOW *pad, int y, int ymax)
{
	struct deploy	*d = arg;

	return d->saving ? tls_save_draw(&d->save, d->tui, pad, y, ymax) :
	    browse_migrate_draw(&d->migrate, pad, y, ymax);
}

/* Keys of the migrate form: Enter reviews its plan, Esc cancels. */
static enum reaction
deploy_migrate_key(struct deploy *d, const struct key_event *ev)
{
	struct open_request	o;

	/* Taller than the screen (60x20): PgUp/PgDn scroll it. */
	if (ev->req == REQ_PAGE_UP || ev->req == REQ_PAGE_DOWN) {
		d->migrate_scroll += (ev->req == REQ_PAGE_UP ? -1 : 1) *
		    (LINES > 10 ? LINES - 8 : 2);
		if (d->migrate_scroll < 0)
			d->migrate_scroll = 0;
		return REACT_REDRAW;
	}
	if (d->saving) {
		/* The paths of the save; Esc back to the form unless it
		 * runs, Ctrl-C still quits. */
		if (ev->req == REQ_QUIT && !keys_is_text(&ev->key))
			return REACT_UNHANDLED;
		if (ev->req == REQ_BACK) {
			if (tls_save_busy(&d->save))
				return REACT_NONE;
			d->saving = false;
			d->migrate_scroll = 0;
			return REACT_REDRAW;
		}
		if (ev->req != REQ_ENTER)
			return tls_save_key(&d->save, ev) ? REACT_REDRAW :
			    REACT_NONE;
		(void)tls_save_start(&d->save, d->tui);
		return REACT_REDRAW;
	}
	switch (ev->req) {
	case REQ_SAVE:
		/* As browse's: a certificate of its own saved first. */
		if (!d->migrate.custom)
			return REACT_NONE;
		tls_save_open(&d->save, d->migrate.legacy.name,
		    deploy_migrate_saved, d);
		d->saving = true;
		d->migrate_scroll = 0;
		return REACT_REDRAW;
	case REQ_BACK:
		d->migrating = false;
		return REACT_REDRAW;
	case REQ_ENTER:
		if (!browse_migrate_plan(&d->migrate, d->tui, &d->plan))
			return REACT_REDRAW;
		d->migrating = false;
		memset(&o, 0, sizeof o);
		o.plan = &d->plan;
		tui_open(d->tui, REQ_OPEN_REVIEW, &o);
		return REACT_REDRAW;
	case REQ_QUIT:
		if (ev->key.code == 'q')
			break;
		return REACT_UNHANDLED;
	default:
		break;
	}
	return browse_migrate_key(&d->migrate, d->tui, ev) ? REACT_REDRAW :
	    REACT_NONE;
}

/* Deploy keys. */
static enum reaction
deploy_request(struct screen *s, const struct key_event *ev)
{
	struct deploy		*d = s->data;
	struct widget_form	*f = deploy_form(d);
	bool			 list = d->page == DEPLOY_PAGE_TARGET &&
				    d->list_focus && d->computes.n > 0;
	struct form_item	*it = widget_form_focused(f);
	bool			 typing = !list && it != NULL &&
				    it->kind == FORM_FIELD;

	if (d->migrating)
		return deploy_migrate_key(d, ev);
	if (d->pick != DEPLOY_PICK_NONE) {
		/* Typed text filters ("q" too); Ctrl-C quits. */
		if (ev->req == REQ_QUIT && !keys_is_text(&ev->key))
			return REACT_UNHANDLED;
		if (!deploy_pick_key(d, ev))
			return REACT_NONE;
		deploy_check(d);
		return REACT_REDRAW;
	}
	if (ev->req == REQ_PICK) {
		(void)deploy_pick_open(d);
		return REACT_REDRAW;
	}
	/* m on a legacy AKS compute: its migration, as browse's m. */
	if (list && d->page == DEPLOY_PAGE_TARGET && !ev->key.fn &&
	    (ev->key.code == 'm' || ev->key.code == 'M')) {
		deploy_migrate_open(d);
		return REACT_REDRAW;
	}
	switch (ev->req) {
	case REQ_ENTER:
		deploy_next(d);
		return REACT_REDRAW;
	case REQ_BACK:
		d->show_errors = false;
		if (d->page > DEPLOY_PAGE_TARGET) {
			d->page--;
			deploy_check(d);
		} else
			tui_pop(d->tui);
		return REACT_REDRAW;
	case REQ_QUIT:
		/* "q" is text in a field; Ctrl-C quits everywhere. */
		if (ev->key.code != 'q' || !typing)
			return REACT_UNHANDLED;
		break;
	case REQ_HELP:
		if (ev->key.fn || !typing) {
			deploy_help_open(d);
			return REACT_REDRAW;
		}
		break;
	default:
		break;
	}
	if (list) {
		if (!deploy_key_list(d, ev))
			return ev->req == REQ_CHAR ? REACT_NONE :
			    REACT_UNHANDLED;
	} else {
		/* Shift-Tab at the form's top goes back to the list. */
		if (d->page == DEPLOY_PAGE_TARGET && d->computes.n > 0 &&
		    (ev->req == REQ_PREV_FIELD || ev->req == REQ_UP)) {
			int	i, first = -1;

			for (i = 0; i < f->n && first < 0; i++)
				if (!f->items[i].hidden)
					first = i;
			if (f->focus == first) {
				d->list_focus = true;
				return REACT_REDRAW;
			}
		}
		if (!widget_form_key(f, ev))
			return ev->req == REQ_CHAR ? REACT_NONE :
			    REACT_UNHANDLED;
		d->typed = true;
		if (d->page == DEPLOY_PAGE_TARGET) {
			if (it != NULL && it->field == &d->endpoint)
				deploy_follow_endpoint(d);
			if (it != NULL && it->field == &d->compute)
				deploy_suggest_endpoint(d);
		}
	}
	deploy_check(d);
	return REACT_REDRAW;
}

/* ---- drawing ---- */

/* True on a terminal smaller than 80x24. */
static bool
deploy_compact(void)
{
	return LINES < 24 || COLS < 80;
}

/* A verdict (or note) with its mark, wrapped; rows used. */
static int
deploy_draw_line(WINDOW *win, int y, int bottom, int sev, const char *text)
{
	int	st = sev == SEV_ERROR ? STYLE_ERROR : sev == SEV_WARNING ?
		    STYLE_WARNING : STYLE_DIM;
	const char *mark = sev == SEV_ERROR ? glyph->error :
		    sev == SEV_WARNING ? glyph->warning : glyph->ok;

	if (y >= bottom)
		return 0;
	display_text(win, y, 2, 2, mark, display_attr(st), false);
	return display_wrap(win, y, 4, COLS - 6, bottom - y, text,
	    display_attr(st));
}

/* The target page: the computes, the form, what the endpoint is. */
static void
deploy_draw_target(struct deploy *d, WINDOW *win, int y, int bottom)
{
	const struct verdict		*v;
	const struct deploy_endpoint	*e;
	const char			*auth;
	char				 text[1024], ep[PLAN_NAME_LEN],
					 name[PLAN_NAME_LEN];
	int				 h, n = 0, focus;
	size_t				 i;

	if (d->loading != NULL) {
		snprintf(text, sizeof text, _("%s Reading the workspace's "
		    "computes and endpoints..."), tui_spinner(d->tui));
		display_text(win, y++, 2, COLS - 4, text,
		    display_attr(STYLE_DIM), true);
	} else if (d->computes.n > 0) {
		h = (int)d->computes.n;
		if (h > (deploy_compact() ? 3 : 5))
			h = deploy_compact() ? 3 : 5;
		widget_list_draw(&d->computes, win, y, 2, h, COLS - 4,
		    d->list_focus);
		y += h;
		/* The compute's refusal (a legacy AKS compute) under it. */
		if ((v = verdicts_find(&d->v, FIELD_NAME, SEV_ERROR)) != NULL) {
			tui_verdict_text(v, text, sizeof text);
			y += deploy_draw_line(win, y, bottom, SEV_ERROR, text);
			if (deploy_compute_chosen(d) != NULL &&
			    strcmp(deploy_compute_chosen(d)->type, "AKS") == 0)
				y += display_wrap(win, y, 4, COLS - 6,
				    bottom - y, _("m migrates it now, on the same "
				    "AKS cluster."), display_attr(STYLE_KEY));
		}
	} else if (d->live_error[0] != '\0')
		y += deploy_draw_line(win, y, bottom, SEV_WARNING,
		    d->live_error);
	y++;
	/* One pointer on the page: the form's only when it has the keys. */
	focus = d->target_form.focus;
	if (d->list_focus && d->computes.n > 0)
		d->target_form.focus = -1;
	y += widget_form_draw(&d->target_form, win, y, 2, COLS - 4,
	    bottom - y, &d->v, d->show_errors);
	d->target_form.focus = focus;
	if (deploy_pick_line(d, text, sizeof text) && y < bottom)
		y += display_wrap(win, y, 2, COLS - 4, bottom - y, text,
		    display_attr(STYLE_DIM));
	if (y >= bottom)
		return;
	widget_field_get(&d->endpoint, ep, sizeof ep);
	deploy_compute_name(d, name, sizeof name);
	e = deploy_endpoint_find(d, ep);
	if (e != NULL && strcmp(e->compute, name) == 0)
		/* TRANSLATORS: %s is an endpoint. */
		snprintf(text, sizeof text, _("%s exists on this compute: the "
		    "deployment is added to it, its auth mode kept."), ep);
	else {
		text[0] = '\0';
		for (i = 0; d->facts != NULL && i < d->facts->nendpoints; i++)
			if (strcmp(d->facts->endpoints[i].compute, name) == 0) {
				display_cat(text, sizeof text, n++ == 0 ?
				    _("Endpoints on this compute (type a name "
				    "to add to one): ") : ", ", 0);
				display_cat(text, sizeof text,
				    d->facts->endpoints[i].name, 0);
			}
		if (n == 0)
			snprintf(text, sizeof text, "%s", _("A new endpoint "
			    "is created for the deployment."));
	}
	y += display_wrap(win, y, 2, COLS - 4, bottom - y, text,
	    display_attr(STYLE_DIM));
	/* A reminder, so only whole: left out where it would be cut. */
	auth = _("No authentication (the old auth_enabled=False) does not "
	    "exist in v2: key or aml_token.");
	if (display_wrap_rows(COLS - 4, auth, false) <= bottom - y)
		display_wrap(win, y, 2, COLS - 4, bottom - y, auth,
		    display_attr(STYLE_DIM));
}

/* The what page: the form, then what each path is. */
static void
deploy_draw_what(struct deploy *d, WINDOW *win, int y, int bottom)
{
	int	i;

	char	pick[1024];

	y += widget_form_draw(&d->what_form, win, y, 2, COLS - 4,
	    bottom - y - 2, &d->v, d->show_errors) + 1;
	if (deploy_pick_line(d, pick, sizeof pick) && y < bottom)
		y += display_wrap(win, y, 2, COLS - 4, 2, pick,
		    display_attr(STYLE_DIM));
	for (i = 0; i < d->nnotes && y < bottom; i++) {
		/* Errors only once Next was refused or something typed. */
		if (d->notes_sev[i] == SEV_ERROR && !d->show_errors &&
		    !d->model.touched)
			continue;
		y += deploy_draw_line(win, y, bottom, d->notes_sev[i],
		    d->notes[i]);
	}
}

/* The resources page: the form, then the fit on the cluster. */
static void
deploy_draw_resources(struct deploy *d, WINDOW *win, int y, int bottom)
{
	char	text[512];
	int	below = 0, sev = SEV_INFO;

	text[0] = '\0';
	if (d->fit[0] != '\0')
		snprintf(text, sizeof text, "%s", d->fit);
	else if (d->cluster_known && !verdicts_has_errors(&d->v)) {
		/* TRANSLATORS: the cluster the fit is judged on. */
		snprintf(text, sizeof text, d->cluster.nodes == 1 ?
		    _("The cluster: %d node of %s, Kubernetes %s. Give "
		    "requests to see how many instances fit.") :
		    _("The cluster: %d nodes of %s, "
		    "Kubernetes %s. Give requests to see how many instances "
		    "fit."), d->cluster.nodes, d->cluster.vm_size,
		    d->cluster.version);
		sev = -1;
	}
	/* The line under the form keeps its rows; the form scrolls. */
	if (text[0] != '\0')
		below = 1 + display_wrap_rows(COLS - 6, text, false);
	y += widget_form_draw(&d->res_form, win, y, 2, COLS - 4,
	    bottom - y - below, &d->v, d->show_errors);
	if (text[0] == '\0' || y + 1 >= bottom)
		return;
	if (sev == SEV_INFO)
		deploy_draw_line(win, y + 1, bottom, SEV_INFO, text);
	else
		display_wrap(win, y + 1, 2, COLS - 4, bottom - y - 1, text,
		    display_attr(STYLE_DIM));
}

/* The page inside the frame. */
static void
deploy_draw(struct screen *s, WINDOW *win)
{
	struct deploy	*d = s->data;
	char		 right[64];
	int		 y = 3, bottom = LINES - 2;

	snprintf(right, sizeof right, _("Step %d of %d"), d->page + 1, 3);
	tui_draw_frame(d->tui, win, _("Deploy a model"), right);
	if (d->migrating) {
		/* Its own title says what it is: the rows go to the form. */
		bool	more = display_panel(win, y, bottom,
			    &d->migrate_scroll, deploy_migrate_panel, d);

		if (d->saving)
			tui_draw_hints(win, more ? _("PgUp/PgDn scroll  Enter "
			    "save  Esc back") : _("Enter save  Esc back  Tab "
			    "move  F1 keys"));
		else
			tui_draw_hints(win, more ? _("PgUp/PgDn scroll  Enter "
			    "review  Esc cancel") : _("Enter review  Esc cancel  "
			    "Tab move  F1 keys"));
		return;
	}
	display_text(win, y++, 2, COLS - 4, deploy_page_title(d->page),
	    A_BOLD, true);
	y++;
	if (d->pick != DEPLOY_PICK_NONE) {
		deploy_pick_draw(d, win, y, bottom);
		/* TRANSLATORS: the picker's keys. */
		tui_draw_hints(win, _("Enter pick  Esc back  typing filters"));
		return;
	}
	switch (d->page) {
	case DEPLOY_PAGE_TARGET:
		deploy_draw_target(d, win, y, bottom);
		break;
	case DEPLOY_PAGE_WHAT:
		deploy_draw_what(d, win, y, bottom);
		break;
	default:
		deploy_draw_resources(d, win, y, bottom);
		break;
	}
	if (deploy_pick_kind(d) != DEPLOY_PICK_NONE)
		/* TRANSLATORS: the keys on a field with a list. */
		tui_draw_hints(win, _("Enter next  Esc back  F4 pick  F1 keys  "
		    "Ctrl-C quit"));
	else
		tui_draw_hints(win, d->page < DEPLOY_PAGE_RESOURCES ?
		    _("Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit") :
		    _("Enter review  Esc back  Tab move  F1 keys  Ctrl-C "
		    "quit"));
}

/* The plan was submitted (journaled): nothing is lost by quitting. */
void
deploy_submitted(struct deploy *d)
{
	d->submitted = true;
}

/* Back at a page, everything typed kept, what is wrong shown. */
void
deploy_goto(struct deploy *d, int page)
{
	d->page = page;
	deploy_check(d);
	d->show_errors = true;
	if (page == DEPLOY_PAGE_RESOURCES)
		(void)widget_form_focus_field(&d->res_form,
		    FIELD_CPU_REQUEST);
}

/* Re-check the page when the screen shows again (back from review). */
static void
deploy_enter(struct screen *s)
{
	deploy_check(s->data);
}

/* Free the screen; a running job frees its answer. */
static void
deploy_free(struct screen *s)
{
	struct deploy	*d = s->data;

	if (d->loading != NULL)
		d->loading->cancelled = true;
	if (d->loading_cluster != NULL)
		d->loading_cluster->cancelled = true;
	deploy_pick_details_cancel(d);
	tls_save_cancel(&d->save);
	deploy_facts_free(d->facts);
	widget_list_done(&d->computes);
	widget_list_done(&d->picks);
	free(d);
}

/* A field's text for tests. */
static void
deploy_state_field(FILE *fp, const char *key, const struct widget_field *f)
{
	char	buf[PLAN_TEXT_LEN];

	widget_field_get(f, buf, sizeof buf);
	fprintf(fp, "%s: %s\n", key, buf);
}

/* The model for tests: the page, every field, the page's verdicts. */
static void
deploy_save_state(struct screen *s, FILE *fp)
{
	struct deploy	*d = s->data;
	char		 name[PLAN_NAME_LEN];
	size_t		 i;
	int		 k;

	deploy_compute_name(d, name, sizeof name);
	fprintf(fp, "page: %d\ncompute: %s\n", d->page + 1, name);
	fprintf(fp, "pick: %s\n", d->pick == DEPLOY_PICK_MODEL ? "model" :
	    d->pick == DEPLOY_PICK_ENVIRONMENT ? "environment" :
	    d->pick == DEPLOY_PICK_ENDPOINT ? "endpoint" :
	    d->pick == DEPLOY_PICK_CODE ? "code" : "none");
	deploy_state_field(fp, "endpoint", &d->endpoint);
	deploy_state_field(fp, "deployment", &d->deployment);
	fprintf(fp, "auth: %s\n", auth_labels[d->auth]);
	deploy_state_field(fp, "model", &d->model);
	deploy_state_field(fp, "code", &d->code);
	deploy_state_field(fp, "script", &d->script);
	deploy_state_field(fp, "environment", &d->environment);
	deploy_state_field(fp, "image", &d->image);
	deploy_state_field(fp, "conda", &d->conda);
	deploy_state_field(fp, "instanceType", &d->instance_type);
	deploy_state_field(fp, "cpu", &d->cpu);
	deploy_state_field(fp, "memory", &d->memory);
	deploy_state_field(fp, "instances", &d->instances);
	fprintf(fp, "autoscale: %s\n", d->autoscale ? "true" : "false");
	if (d->cluster_known)
		fprintf(fp, "cluster: %d %s %s\n", d->cluster.nodes,
		    d->cluster.vm_size, d->cluster.version);
	fprintf(fp, "fit: %s\n", d->fit);
	for (i = 0; i < d->v.n; i++)
		fprintf(fp, "verdict: %s %s %s\n",
		    severity_name(d->v.v[i].severity),
		    plan_field_path(d->v.v[i].field)[0] != '\0' ?
		    plan_field_path(d->v.v[i].field) : "-",
		    msg_name(d->v.v[i].msg));
	for (k = 0; k < d->nnotes; k++)
		fprintf(fp, "note: %s %s\n", severity_name(d->notes_sev[k]),
		    d->notes[k]);
}

/* Typed and not submitted: q asks first, as the wizard's does. */
static bool
deploy_unsaved(struct screen *s)
{
	struct deploy	*d = s->data;

	return d->typed && !d->submitted;
}

static const struct screen_ops deploy_ops = {
	"deploy", deploy_enter, NULL, deploy_request, deploy_draw,
	deploy_free, deploy_save_state, deploy_unsaved, NULL, deploy_keys
};

/* Open the deploy screens, reading the workspace when live. */
void
screen_deploy_open(struct tui *t, const struct open_request *o)
{
	struct deploy		*d = xcalloc(1, sizeof *d);
	struct deploy_facts_job	*j;

	(void)o;
	d->tui = t;
	d->list_focus = true;
	deploy_build(d);
	if (t->ctx.arm != NULL && t->ctx.scope.workspace[0] != '\0') {
		j = xcalloc(1, sizeof *j);
		j->arm = t->ctx.arm;
		j->scope = t->ctx.scope;
		j->owner = d;
		d->loading = j;
		job_start(deploy_facts_run, deploy_facts_done, j);
	} else
		snprintf(d->live_error, sizeof d->live_error, "%s",
		    _("Offline: type the compute's name."));
	tui_push(t, &deploy_ops, d);
}
