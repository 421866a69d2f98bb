/*
 * A deploy plan's part of the operations (ops-deploy.h).
 *
 * Deliberate choices:
 * - The instances already on the compute are those of its endpoints'
 *   deployments that did not fail, at their capacity (or autoscale's
 *   minimum when more), as deploy.md 3.5 has a running replica hold its
 *   room; requests not given are the instance type's (the default one's,
 *   kubernetes-path.md C.7; another's are not known here).
 * - A 404 that says the resource type is unknown (InvalidResourceType)
 *   tells nothing of a model or environment version: the reference is
 *   then "not known", not "missing".
 * - A failure is decoded from the service's words: a scheduler's
 *   "Insufficient cpu|memory|nvidia.com/gpu" names the flags to change
 *   and how many instances fit; a timeout says so; any other failure of
 *   the deployment fetches the inference server's log and shows its last
 *   lines, where an init() crash's traceback is.
 */
#include "config.h"
#include "azure/ops-deploy.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "azure/armerror.h"
#include "azure/assets.h"
#include "azure/registry.h"
#include "azure/http.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/plan-deploy-check.h"
#include "core/rules-deploy.h"
#include "core/text.h"
#include "core/vmcatalogue.h"
#include "plan/plan-deploy.h"
#include "plan/plan-endpoint.h"

#define LOG_TAIL	20

/* Default instance type's requests (kubernetes-path.md C.7). */
#define DEFAULT_IT_NAME		"defaultinstancetype"
#define DEFAULT_IT_CPU		"100m"
#define DEFAULT_IT_MEMORY	"2Gi"

static void
copy(char *dst, size_t len, const char *src)
{
	(void)strlcpy_ok(dst, src != NULL ? src : "", len);
}

/* The requests of one instance: given ones over the instance type's. */
static void
requests_of(const char *instance_type, const char *cpu, const char *memory,
    const char *gpu, struct deploy_resources *r)
{
	bool	dflt = instance_type == NULL || instance_type[0] == '\0' ||
		    strcasecmp(instance_type, DEFAULT_IT_NAME) == 0;

	r->cpu_m = r->memory_mib = r->gpu = DEPLOY_UNSET;
	if (dflt) {
		(void)k8s_cpu_parse(DEFAULT_IT_CPU, &r->cpu_m);
		(void)k8s_memory_parse(DEFAULT_IT_MEMORY, &r->memory_mib);
	}
	if (cpu != NULL && cpu[0] != '\0')
		(void)k8s_cpu_parse(cpu, &r->cpu_m);
	if (memory != NULL && memory[0] != '\0')
		(void)k8s_memory_parse(memory, &r->memory_mib);
	if (gpu != NULL && gpu[0] != '\0')
		r->gpu = strtol(gpu, NULL, 10);
}

/* The plan's requests, the instance type's where not given. */
static void
plan_requests(const struct plan *p, struct deploy_resources *r)
{
	char	gpu[32] = "";

	if (p->deployment.gpu != DEPLOY_UNSET)
		snprintf(gpu, sizeof gpu, "%ld", p->deployment.gpu);
	requests_of(p->deployment.instance_type, p->deployment.cpu,
	    p->deployment.memory, gpu, r);
}

/* Whether "a=90 b=10" gives a positive share to one not named self. */
static bool
routes_others(const char *traffic, const char *self)
{
	char	*t, *tok, *save = NULL, *eq;
	bool	 others = false;

	if (traffic == NULL)
		return false;
	t = xstrdup(traffic);
	for (tok = strtok_r(t, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save))
		if ((eq = strchr(tok, '=')) != NULL) {
			*eq = '\0';
			if (strcmp(tok, self) != 0 && atol(eq + 1) > 0)
				others = true;
		}
	free(t);
	return others;
}

/*
 * Does version id exist?  *known false when the answer cannot tell (an
 * unknown resource type, or another error).
 */
static void
version_exists(struct ops *o, const char *id, bool *known, bool *exists)
{
	struct http_response	 rsp;
	struct err		 err;
	char			*url;

	*known = *exists = false;
	if (id == NULL)
		return;
	err_clear(&err);
	xasprintf(&url, "%s%s?api-version=%s", o->arm->endpoint, id,
	    PLAN_ENDPOINT_API_VERSION);
	http_response_init(&rsp);
	if (arm_get_raw(o->arm, url, &rsp, &err)) {
		if (rsp.status == 200)
			*known = *exists = true;
		else if (rsp.status == 404 && strstr(buf_str(&rsp.body),
		    "InvalidResourceType") == NULL)
			*known = true;
	}
	http_response_done(&rsp);
	free(url);
}

/* The instances of the other deployments on the compute. */
static size_t
placed_on(struct ops *o, const struct plan *p, struct deploy_placed *out,
    size_t max)
{
	struct arm_endpoint_list	 eps = { 0 };
	struct arm_deployment_list	 ds;
	struct arm_deployment		*d;
	struct err			 err;
	size_t				 i, j, n = 0;

	err_clear(&err);
	if (!arm_list_endpoints(o->arm, p->scope.subscription,
	    p->scope.resource_group, p->scope.workspace, &eps, &err))
		return 0;
	for (i = 0; i < eps.n && n < max; i++) {
		if (eps.v[i].compute_name == NULL ||
		    strcasecmp(eps.v[i].compute_name, p->name) != 0)
			continue;
		memset(&ds, 0, sizeof ds);
		if (!arm_list_deployments(o->arm, p->scope.subscription,
		    p->scope.resource_group, p->scope.workspace,
		    eps.v[i].name, &ds, &err))
			continue;
		for (j = 0; j < ds.n && n < max; j++) {
			d = &ds.v[j];
			if ((strcmp(eps.v[i].name, p->endpoint_name) == 0 &&
			    strcmp(d->name, p->deployment.name) == 0) ||
			    (d->provisioning_state != NULL &&
			    strcasecmp(d->provisioning_state, "Failed") == 0))
				continue;
			requests_of(d->instance_type, d->cpu_request,
			    d->memory_request, d->gpu_request, &out[n].req);
			out[n].instances = d->instance_count > 0 ?
			    d->instance_count : 1;
			if (d->scale_type != NULL && strcasecmp(d->scale_type,
			    "TargetUtilization") == 0 && d->min_instances >
			    out[n].instances)
				out[n].instances = d->min_instances;
			n++;
		}
		arm_deployment_list_free(&ds);
	}
	arm_endpoint_list_free(&eps);
	return n;
}

/* The compute's cluster: its nodes and its azureml extension. */
static void
cluster_facts(struct ops *o, const struct plan *p, const struct arm_compute *c,
    struct ops_deploy_facts *df, struct plan_facts *f)
{
	struct err	err;
	bool		found = false;
	size_t		i;
	int		nodes = 0;

	err_clear(&err);
	if (c->resource_id == NULL ||
	    !arm_get_cluster(o->arm, c->resource_id, &df->cluster, &err))
		return;
	if (arm_get_extension(o->arm, c->resource_id, NULL, &df->ext, &found,
	    &err)) {
		f->extension_known = true;
		f->extension_present = found;
		f->extension_state = df->ext.provisioning_state;
	}
	if (df->cluster.npools == 0 || df->cluster.pools[0].vm_size == NULL ||
	    (f->node_size = vm_catalogue_find(df->cluster.pools[0].vm_size)) ==
	    NULL)
		return;
	for (i = 0; i < df->cluster.npools; i++)
		nodes += df->cluster.pools[i].count > 0 ?
		    df->cluster.pools[i].count : 0;
	f->node_count = nodes;
	f->node_k8s_version = df->cluster.version;
	f->placed = df->placed;
	f->n_placed = placed_on(o, p, df->placed, OPS_DEPLOY_PLACED);
}

bool
ops_deploy_facts(struct ops *o, const struct plan *p,
    const struct arm_compute_list *cl, bool partial,
    struct ops_deploy_facts *df, struct plan_facts *f, struct err *err)
{
	const struct arm_compute	*c = NULL;
	char				*id;
	bool				 found = false;
	size_t				 i, n;

	memset(df, 0, sizeof *df);
	for (i = 0; i < cl->n; i++)
		if (strcasecmp(cl->v[i].name, p->name) == 0)
			c = &cl->v[i];
	if (c == NULL)
		return true;
	f->endpoint_compute_type = c->compute_type;
	if (c->compute_type == NULL ||
	    strcasecmp(c->compute_type, "Kubernetes") != 0)
		return true;	/* the rules refuse it: nothing more to read */
	f->compute_state = c->provisioning_state;
	/* A name the rules refuse is not put in a URL. */
	if (deploy_name_valid(p->endpoint_name)) {
		if (!arm_get_endpoint(o->arm, p->scope.subscription,
		    p->scope.resource_group, p->scope.workspace,
		    p->endpoint_name, &df->ep, &found, err))
			return false;
		f->endpoint_known = true;
		f->endpoint_exists = found;
		if (found) {
			f->endpoint_compute = df->ep.compute_name;
			f->endpoint_auth_mode = df->ep.auth_mode;
			f->endpoint_routes_others = routes_others(
			    df->ep.traffic, p->deployment.name);
		}
	}
	if (found && deploy_name_valid(p->deployment.name)) {
		if (!arm_list_deployments(o->arm, p->scope.subscription,
		    p->scope.resource_group, p->scope.workspace,
		    p->endpoint_name, &df->deps, err))
			return false;
		df->names = xcalloc(df->deps.n + 1, sizeof *df->names);
		for (i = n = 0; i < df->deps.n; i++)
			/* Partly applied: the deployment is this plan's. */
			if (!partial || strcmp(df->deps.v[i].name,
			    p->deployment.name) != 0)
				df->names[n++] = df->deps.v[i].name;
		f->deployments = df->names;
		f->n_deployments = n;
		f->deployments_known = true;
	}
	cluster_facts(o, p, c, df, f);
	if (!deploy_model_is_local(p)) {
		id = plan_deploy_model_id(p);
		version_exists(o, id, &f->model_known, &f->model_exists);
		free(id);
	}
	if (p->deployment.code_path[0] == '\0' &&
	    (id = plan_deploy_code_id(p)) != NULL) {
		version_exists(o, id, &f->code_known, &f->code_exists);
		free(id);
	}
	/* A registry environment: read from its registry (copied by its
	 * step). */
	if (p->deployment.image[0] == '\0' &&
	    deploy_registry_env_parse(p->deployment.environment, NULL) &&
	    p->registered.environment[0] == '\0') {
		id = plan_deploy_workspace_id(p);
		registry_env_exists(o->arm, id, p->deployment.environment,
		    &f->environment_known, &f->environment_exists);
		free(id);
	} else if (p->deployment.image[0] == '\0') {
		id = plan_deploy_environment_id(p);
		version_exists(o, id, &f->environment_known,
		    &f->environment_exists);
		free(id);
	}
	return true;
}

void
ops_deploy_facts_done(struct ops_deploy_facts *df)
{
	arm_endpoint_done(&df->ep);
	arm_cluster_done(&df->cluster);
	arm_extension_done(&df->ext);
	arm_deployment_list_free(&df->deps);
	free(df->names);
	df->names = NULL;
}

/* An error on field f that path cannot be read; false then. */
static bool
path_ok(const char *path, enum plan_field f, struct stat *st,
    struct verdicts *vs)
{
	struct verdict	*v;

	if (stat(path, st) == 0)
		return true;
	v = verdicts_add(vs, f, SEV_ERROR, MSG_DEPLOY_PATH_UNREADABLE);
	verdict_arg(v, "%s", path);
	verdict_arg(v, "%s", strerror(errno));
	return false;
}

bool
ops_deploy_check_files(const struct plan *p, struct verdicts *vs)
{
	const struct plan_deployment	*d = &p->deployment;
	struct verdict			*v;
	struct stat			 st;
	char				*script;
	size_t				 before = vs->n;

	if (p->op != PLAN_DEPLOY)
		return true;
	if (deploy_model_is_local(p))
		(void)path_ok(d->model, FIELD_MODEL, &st, vs);
	if (d->code_path[0] != '\0' && path_ok(d->code_path, FIELD_CODE_PATH,
	    &st, vs)) {
		if (!S_ISDIR(st.st_mode)) {
			v = verdicts_add(vs, FIELD_CODE_PATH, SEV_ERROR,
			    MSG_DEPLOY_CODE_NOT_FOLDER);
			verdict_arg(v, "%s", d->code_path);
		} else if (d->scoring_script[0] != '\0') {
			xasprintf(&script, "%s/%s", d->code_path,
			    d->scoring_script);
			if (stat(script, &st) != 0 || !S_ISREG(st.st_mode)) {
				v = verdicts_add(vs, FIELD_SCORING_SCRIPT,
				    SEV_ERROR, MSG_DEPLOY_SCRIPT_MISSING);
				verdict_arg(v, "%s", d->scoring_script);
				verdict_arg(v, "%s", d->code_path);
			}
			free(script);
		}
	}
	if (d->conda_file[0] != '\0')
		(void)path_ok(d->conda_file, FIELD_CONDA_FILE, &st, vs);
	return vs->n == before;
}

/* End st: succeeded, or failed with err's words. */
static void
register_end(struct lro_state *st, const struct err *err)
{
	st->status_changed = true;
	if (err == NULL) {
		st->action = LRO_SUCCEEDED;
		copy(st->status, sizeof st->status, "Succeeded");
		return;
	}
	st->action = LRO_FAILED;
	copy(st->status, sizeof st->status, "Failed");
	snprintf(st->error_code, sizeof st->error_code, "%s",
	    err->http_status > 0 ? "RegistrationFailed" : "UploadFailed");
	copy(st->error_message, sizeof st->error_message, err->msg);
}

/* What an upload's progress needs to tell the operation's. */
struct up_ctx {
	struct ops			*o;
	const struct journal_entry	*je;
	enum step_kind			 kind;
	uint64_t			 started_ms;
	char				 what[256];
	int				 quarter;	/* last told, -1 none */
};

/* An asset_progress callback: each file at 0, 25, 50, 75 and 100%. */
static void
up_progress(void *arg, const char *what, uint64_t done, uint64_t total)
{
	struct up_ctx		*u = arg;
	struct ops_progress	 pr;
	const char		*base = strrchr(what, '/');
	char			 state[300];
	int			 pct = total > 0 ? (int)(done * 100 / total) : 100;

	base = base != NULL ? base + 1 : what;
	if (strcmp(u->what, what) != 0) {
		copy(u->what, sizeof u->what, what);
		u->quarter = -1;
	}
	if (u->o->progress == NULL || pct / 25 <= u->quarter)
		return;
	u->quarter = pct / 25;
	/* TRANSLATORS: a step's state while a file is uploaded:
	 * "uploading model.pkl: 50%". */
	snprintf(state, sizeof state, _("uploading %s: %d%%"), base,
	    u->quarter * 25);
	memset(&pr, 0, sizeof pr);
	pr.compute = u->je->compute;
	pr.step = u->je->step;
	pr.nsteps = u->je->nsteps;
	pr.kind = u->kind;
	pr.step_name = step_kind_name(u->kind);
	pr.state = state;
	pr.changed = true;
	pr.elapsed_ms = clock_now_ms() - u->started_ms;
	pr.journal = u->je->path;
	u->o->progress(u->o->progress_ctx, &pr);
}

/*
 * The registry environment ref copied into the workspace (registry.h);
 * again after an interruption, the workspace's copy is found the same
 * and nothing is sent.
 */
static int
copy_registry_env(struct ops *o, const char *ws, const char *ref, char **id,
    struct err *err)
{
	struct registry_copy	c;

	if (registry_env_copy(o->arm, ws, ref, &c, err) != 0)
		return -1;
	*id = c.id;
	c.id = NULL;
	registry_copy_done(&c);
	return 0;
}

bool
ops_deploy_register(struct ops *o, struct plan *p, const struct plan_step *s,
    const struct journal_entry *je, struct lro_state *st, struct err *err)
{
	struct plan_deployment	*d = &p->deployment;
	struct up_ctx		 u = { o, je, s->kind, clock_now_ms(), "", -1 };
	struct asset_progress	 ap = { up_progress, &u };
	char			*ws, *id = NULL, *dst;
	size_t			 len;
	int			 rc;

	lro_init(st, LRO_PUT, s->target, clock_now_ms(), o->min_poll_ms);
	if (plan_step_done(p, s, NULL)) {
		register_end(st, NULL);	/* journaled: not again */
		return true;
	}
	ws = plan_deploy_workspace_id(p);
	switch (s->kind) {
	case STEP_REGISTER_MODEL:
		rc = assets_register_model(o->arm, ws, d->model, "", "", &ap,
		    &id, err);
		dst = p->registered.model;
		len = sizeof p->registered.model;
		break;
	case STEP_REGISTER_CODE:
		rc = assets_register_code(o->arm, ws, d->code_path, "", "",
		    &ap, &id, err);
		dst = p->registered.code;
		len = sizeof p->registered.code;
		break;
	default:
		if (d->image[0] == '\0')	/* a registry environment */
			rc = copy_registry_env(o, ws, d->environment, &id,
			    err);
		else
			rc = assets_register_environment(o->arm, ws, d->image,
			    d->conda_file, "", "", &id, err);
		dst = p->registered.environment;
		len = sizeof p->registered.environment;
		break;
	}
	free(ws);
	if (rc != 0) {
		/* No verdict of the service: the journal stays as it is. */
		if (err->kind == ERR_AUTH || err->kind == ERR_NETWORK ||
		    err->kind == ERR_TLS || err->kind == ERR_REFUSED)
			return false;
		register_end(st, err);
		return true;
	}
	copy(dst, len, id);
	free(id);
	register_end(st, NULL);
	return true;
}

/* The word after "Insufficient " in s: "cpu", "memory", "nvidia.com/gpu". */
static const char *
insufficient(const char *s)
{
	const char	*a = strcasestr(s, "Insufficient ");

	if (a == NULL)
		return strcasestr(s, "insufficient compute resource") != NULL ?
		    "cpu" : NULL;
	a += strlen("Insufficient ");
	if (strncasecmp(a, "memory", 6) == 0)
		return "memory";
	if (strncasecmp(a, "nvidia.com/gpu", 14) == 0)
		return "gpu";
	return "cpu";
}

/* Append text to out->hint, before what is there. */
static void
hint_first(struct ops_outcome *out, const char *text)
{
	char	rest[sizeof out->hint];

	copy(rest, sizeof rest, out->hint);
	copy(out->hint, sizeof out->hint, text);
	if (rest[0] != '\0') {
		(void)strlcpy_ok(out->hint + strlen(out->hint), " ",
		    sizeof out->hint - strlen(out->hint));
		(void)strlcpy_ok(out->hint + strlen(out->hint), rest,
		    sizeof out->hint - strlen(out->hint));
	}
}

/* How many instances of the plan's requests fit on the compute now. */
static long
instances_fit(struct ops *o, const struct plan *p)
{
	struct arm_compute_list		 cl = { 0 };
	struct ops_deploy_facts		 df;
	struct plan_facts		 f;
	struct deploy_resources		 r;
	struct k8s_version		 ver;
	struct err			 err;
	long				 fit = -1;

	err_clear(&err);
	memset(&f, 0, sizeof f);
	if (!arm_list_computes(o->arm, p->scope.subscription,
	    p->scope.resource_group, p->scope.workspace, &cl, &err))
		return -1;
	if (ops_deploy_facts(o, p, &cl, true, &df, &f, &err) &&
	    f.node_size != NULL && f.node_count > 0) {
		plan_requests(p, &r);
		fit = deploy_instances_fit_with(&r, f.node_size,
		    f.node_k8s_version != NULL && k8s_version_parse(
		    f.node_k8s_version, &ver) ? &ver : NULL, f.node_count, 0,
		    f.placed, f.n_placed);
	}
	ops_deploy_facts_done(&df);
	arm_compute_list_free(&cl);
	return fit;
}

/* The inference server's last lines into out->detail; false if none. */
static bool
last_log_lines(struct ops *o, const struct plan *p, struct ops_outcome *out)
{
	struct err	 err;
	char		*content = NULL, *safe;
	bool		 any;

	err_clear(&err);
	if (!arm_deployment_logs(o->arm, p->scope.subscription,
	    p->scope.resource_group, p->scope.workspace, p->endpoint_name,
	    p->deployment.name, "InferenceServer", LOG_TAIL, &content, &err))
		return false;
	any = content != NULL && content[strspn(content, " \n")] != '\0';
	if (any) {
		/* Service text: control characters escaped, lines kept. */
		safe = text_escape_dup(content, TEXT_KEEP_NEWLINE);
		snprintf(out->detail, sizeof out->detail, "%s%s",
		    _("the container's log ends:\n"), safe);
		free(safe);
	}
	free(content);
	return any;
}

void
ops_deploy_decode(struct ops *o, const struct plan *p,
    const struct plan_step *s, struct ops_outcome *out)
{
	char		 all[2048], hint[512];
	const char	*what;
	long		 fit;

	snprintf(all, sizeof all, "%s %s %s", out->code, out->line,
	    out->detail);
	hint[0] = '\0';
	if (s->kind == STEP_CREATE_ENDPOINT &&
	    strcasestr(all, "exists in region") != NULL) {
		/* TRANSLATORS: %s is the endpoint's name. */
		snprintf(hint, sizeof hint, _("Endpoint names are unique in a "
		    "region: another workspace there has an endpoint named "
		    "%s. Choose another --endpoint-name."), p->endpoint_name);
	} else if (s->kind != STEP_CREATE_DEPLOYMENT) {
		return;
	} else if ((what = insufficient(all)) != NULL) {
		fit = instances_fit(o, p);
		if (strcmp(what, "gpu") == 0)
			snprintf(hint, sizeof hint, _("The deployment's pods "
			    "could not be scheduled: the nodes have no GPU "
			    "left. Lower --gpu, or add nodes with GPUs."));
		else if (strcmp(what, "memory") == 0)
			snprintf(hint, sizeof hint, _("The deployment's pods "
			    "could not be scheduled: the nodes lack memory. "
			    "Lower --memory-gb or --instance-count, or add "
			    "nodes."));
		else
			snprintf(hint, sizeof hint, _("The deployment's pods "
			    "could not be scheduled: the nodes lack CPU. Lower "
			    "--cpu or --instance-count, or add nodes."));
		if (fit >= 0) {
			size_t	n = strlen(hint);

			/* TRANSLATORS: %ld is a number of instances. */
			snprintf(hint + n, sizeof hint - n, fit == 0 ?
			    _(" Not one instance of these requests fits on the "
			    "cluster now.") : _(" At most %ld instances of "
			    "these requests fit on the cluster now."), fit);
		}
	} else if (strcasestr(all, "timed out") != NULL ||
	    strcasestr(all, "timeout") != NULL) {
		snprintf(hint, sizeof hint, _("The deployment did not become "
		    "ready in time; it may still converge. Look at it with "
		    "\"akswiz online-deployment show\" and at its log with "
		    "\"akswiz online-deployment get-logs\"; a model that loads "
		    "slowly may need fewer instances or more CPU."));
	} else if (last_log_lines(o, p, out)) {
		snprintf(hint, sizeof hint, _("The scoring container failed "
		    "as it started: the last lines of its log are above. Fix "
		    "the scoring script's init() or the model, then apply the "
		    "plan again."));
	}
	if (hint[0] != '\0')
		hint_first(out, hint);
}

/* Whether "a=90 b=10" names d. */
static bool
has_share(const char *traffic, const char *d)
{
	size_t		 n = strlen(d);
	const char	*t = traffic;

	for (; (t = strstr(t, d)) != NULL; t += n)
		if ((t == traffic || t[-1] == ' ') && t[n] == '=')
			return true;
	return false;
}

void
ops_deploy_succeeded(struct ops *o, const struct plan *p,
    struct ops_outcome *out)
{
	struct arm_endpoint	ep = { 0 };
	struct err		err;
	bool			found = false;
	char			traffic[256];

	err_clear(&err);
	if (arm_get_endpoint(o->arm, p->scope.subscription,
	    p->scope.resource_group, p->scope.workspace, p->endpoint_name,
	    &ep, &found, &err) && found) {
		/* The new one named even when it gets nothing. */
		snprintf(traffic, sizeof traffic, "%s", ep.traffic != NULL ?
		    ep.traffic : "");
		if (!has_share(traffic, p->deployment.name))
			snprintf(traffic + strlen(traffic), sizeof traffic -
			    strlen(traffic), "%s%s=0", traffic[0] ? " " : "",
			    p->deployment.name);
		/* TRANSLATORS: "deploy of blue on ep1 succeeded; the
		 * endpoint's traffic: blue=100." */
		snprintf(out->line, sizeof out->line, _("%s of %s on %s "
		    "succeeded; the endpoint's traffic: %s."),
		    plan_op_name(p->op), p->deployment.name, p->endpoint_name,
		    traffic);
	}
	else
		snprintf(out->line, sizeof out->line, _("%s of %s on %s "
		    "succeeded."), plan_op_name(p->op), p->deployment.name,
		    p->endpoint_name);
	arm_endpoint_done(&ep);
}
