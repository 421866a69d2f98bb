/* The steps of a deploy plan and their bodies (plan-deploy.h). */
#include "config.h"
#include "plan/plan-deploy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/plan-deploy-check.h"
#include "plan/plan-endpoint.h"
#include "plan/plan-jw.h"
#include "plan/plan-k8s.h"
#include "plan/plan-steps.h"

int
plan_deploy_kinds(const struct plan *p, enum step_kind *k, int n)
{
	if (deploy_model_is_local(p))
		k[n++] = STEP_REGISTER_MODEL;
	if (p->deployment.code_path[0] != '\0')
		k[n++] = STEP_REGISTER_CODE;
	/* An image, or a registry environment copied (registry.h). */
	if (p->deployment.image[0] != '\0' ||
	    deploy_registry_env_parse(p->deployment.environment, NULL))
		k[n++] = STEP_REGISTER_ENVIRONMENT;
	/* Looked at first: one the workspace has is deployed into. */
	k[n++] = STEP_CREATE_ENDPOINT;
	k[n++] = STEP_CREATE_DEPLOYMENT;
	k[n++] = STEP_SET_TRAFFIC;
	return n;
}

bool
plan_deploy_is_register(enum step_kind k)
{
	return k == STEP_REGISTER_MODEL || k == STEP_REGISTER_CODE ||
	    k == STEP_REGISTER_ENVIRONMENT;
}

char *
plan_deploy_workspace_id(const struct plan *p)
{
	char	*id = plan_k8s_compute_id(p), *slash;

	/* .../workspaces/W/computes/C -> .../workspaces/W */
	if ((slash = strstr(id, "/computes/")) != NULL)
		*slash = '\0';
	return id;
}

char *
plan_deploy_id(const struct plan *p)
{
	char	*ep = plan_endpoint_id(p), *id;

	xasprintf(&id, "%s/deployments/%s", ep, p->deployment.name);
	free(ep);
	return id;
}

void
plan_deploy_target(const struct plan *p, enum step_kind k, char *buf,
    size_t len)
{
	char	*id;

	switch (k) {
	case STEP_REGISTER_MODEL:
	case STEP_REGISTER_CODE:
	case STEP_REGISTER_ENVIRONMENT:
		id = plan_deploy_workspace_id(p);
		snprintf(buf, len, "%s/%s", id, k == STEP_REGISTER_MODEL ?
		    "models" : k == STEP_REGISTER_CODE ? "codes" :
		    "environments");
		break;
	case STEP_SET_TRAFFIC:
		id = plan_endpoint_id(p);
		snprintf(buf, len, "%s", id);
		break;
	default:
		id = plan_deploy_id(p);
		snprintf(buf, len, "%s", id);
		break;
	}
	free(id);
}

/* The ID of a reference of a kind ("models"), or registered; or NULL. */
static char *
asset_id(const struct plan *p, const char *ref, const char *kind,
    const char *registered)
{
	struct deploy_ref	 r;
	char			*ws, *id;

	if (registered[0] != '\0')
		return xstrdup(registered);
	if (ref[0] == '\0' || !deploy_ref_parse(ref, &r))
		return NULL;
	if (r.arm_id)
		return xstrdup(r.name);
	ws = plan_deploy_workspace_id(p);
	xasprintf(&id, "%s/%s/%s/versions/%s", ws, kind, r.name, r.version);
	free(ws);
	return id;
}

char *
plan_deploy_model_id(const struct plan *p)
{
	return asset_id(p, p->deployment.model, "models",
	    p->registered.model);
}

char *
plan_deploy_code_id(const struct plan *p)
{
	/* A local folder: the version its upload registered, once it has. */
	if (p->deployment.code_path[0] != '\0')
		return p->registered.code[0] != '\0' ?
		    xstrdup(p->registered.code) : NULL;
	return asset_id(p, p->deployment.code, "codes", "");
}

char *
plan_deploy_environment_id(const struct plan *p)
{
	return asset_id(p, p->deployment.image[0] != '\0' ? "" :
	    p->deployment.environment, "environments",
	    p->registered.environment);
}

/*
 * A probe with what was given; none (the service's defaults, deploy.md
 * 1c) when nothing was.
 */
static void
probe(struct plan_jw *w, const char *key, const struct deploy_probe *pr)
{
	char	dur[32];

	if (!deploy_probe_given(pr))
		return;
	plan_jw_begin(w, key);
	if (pr->initial_delay_s != DEPLOY_UNSET) {
		deploy_duration_format(pr->initial_delay_s * 1000, dur, sizeof dur);
		plan_jw_str(w, "initialDelay", dur);
	}
	if (pr->period_s != DEPLOY_UNSET) {
		deploy_duration_format(pr->period_s * 1000, dur, sizeof dur);
		plan_jw_str(w, "period", dur);
	}
	if (pr->timeout_s != DEPLOY_UNSET) {
		deploy_duration_format(pr->timeout_s * 1000, dur, sizeof dur);
		plan_jw_str(w, "timeout", dur);
	}
	if (pr->failure_threshold != DEPLOY_UNSET)
		plan_jw_int(w, "failureThreshold", pr->failure_threshold);
	if (pr->success_threshold != DEPLOY_UNSET)
		plan_jw_int(w, "successThreshold", pr->success_threshold);
	plan_jw_end(w);
}

static void
resources(struct plan_jw *w, const struct plan_deployment *d)
{
	char	gpu[32];

	if (d->cpu[0] == '\0' && d->memory[0] == '\0' && d->gpu == DEPLOY_UNSET &&
	    d->cpu_limit[0] == '\0' && d->memory_limit[0] == '\0')
		return;
	snprintf(gpu, sizeof gpu, "%ld", d->gpu);
	plan_jw_begin(w, "containerResourceRequirements");
	if (d->cpu[0] != '\0' || d->memory[0] != '\0' ||
	    d->gpu != DEPLOY_UNSET) {
		plan_jw_begin(w, "containerResourceRequests");
		if (d->cpu[0] != '\0')
			plan_jw_str(w, "cpu", d->cpu);
		if (d->memory[0] != '\0')
			plan_jw_str(w, "memory", d->memory);
		if (d->gpu != DEPLOY_UNSET)
			plan_jw_str(w, "gpu", gpu);
		plan_jw_end(w);
	}
	if (d->cpu_limit[0] != '\0' || d->memory_limit[0] != '\0' ||
	    d->gpu != DEPLOY_UNSET) {
		plan_jw_begin(w, "containerResourceLimits");
		if (d->cpu_limit[0] != '\0')
			plan_jw_str(w, "cpu", d->cpu_limit);
		if (d->memory_limit[0] != '\0')
			plan_jw_str(w, "memory", d->memory_limit);
		/* A GPU's limit is its request (Kubernetes's rule). */
		if (d->gpu != DEPLOY_UNSET)
			plan_jw_str(w, "gpu", gpu);
		plan_jw_end(w);
	}
	plan_jw_end(w);
}

bool
plan_deploy_body(const struct plan *p, const char *location, char **body,
    struct err *err)
{
	const struct plan_deployment	*d = &p->deployment;
	const struct deploy_scale	*sc = &d->scale;
	const struct deploy_requests	*rq = &d->requests;
	struct plan_jw			 w;
	char				*model = plan_deploy_model_id(p);
	char				*env = plan_deploy_environment_id(p);
	char				*code = plan_deploy_code_id(p);
	char				 dur[32];

	*body = NULL;
	if (model == NULL || env == NULL || (code == NULL &&
	    (d->code_path[0] != '\0' || d->code[0] != '\0'))) {
		free(model);
		free(env);
		free(code);
		/* TRANSLATORS: a deploy's step ran before its uploads. */
		return err_set(err, ERR_USAGE, _("the deployment's model, code "
		    "or environment is not registered yet; apply the plan "
		    "again"));
	}
	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_str(&w, "location", p->location[0] != '\0' ? p->location :
	    location != NULL ? location : "{workspaceLocation}");
	if (!sc->autoscale) {
		plan_jw_begin(&w, "sku");
		plan_jw_str(&w, "name", "Default");
		plan_jw_int(&w, "capacity", sc->instances != DEPLOY_UNSET ?
		    sc->instances : 1);
		plan_jw_end(&w);
	}
	plan_jw_begin(&w, "properties");
	plan_jw_str(&w, "endpointComputeType", "Kubernetes");
	plan_jw_str(&w, "model", model);
	if (code != NULL) {
		plan_jw_begin(&w, "codeConfiguration");
		plan_jw_str(&w, "codeId", code);
		plan_jw_str(&w, "scoringScript", d->scoring_script);
		plan_jw_end(&w);
	}
	plan_jw_str(&w, "environmentId", env);
	if (d->instance_type[0] != '\0')
		plan_jw_str(&w, "instanceType", d->instance_type);
	plan_jw_begin(&w, "scaleSettings");
	if (sc->autoscale) {
		plan_jw_str(&w, "scaleType", "TargetUtilization");
		if (sc->min_instances != DEPLOY_UNSET)
			plan_jw_int(&w, "minInstances", sc->min_instances);
		if (sc->max_instances != DEPLOY_UNSET)
			plan_jw_int(&w, "maxInstances", sc->max_instances);
		if (sc->target_utilization != DEPLOY_UNSET)
			plan_jw_int(&w, "targetUtilizationPercentage",
			    sc->target_utilization);
		if (sc->polling_interval_s != DEPLOY_UNSET) {
			deploy_duration_format(sc->polling_interval_s * 1000, dur, sizeof dur);
			plan_jw_str(&w, "pollingInterval", dur);
		}
	} else
		plan_jw_str(&w, "scaleType", "Default");
	plan_jw_end(&w);
	if (rq->timeout_ms != DEPLOY_UNSET || rq->max_queue_wait_ms !=
	    DEPLOY_UNSET || rq->max_concurrent != DEPLOY_UNSET) {
		plan_jw_begin(&w, "requestSettings");
		if (rq->timeout_ms != DEPLOY_UNSET) {
			deploy_duration_format(rq->timeout_ms, dur, sizeof dur);
			plan_jw_str(&w, "requestTimeout", dur);
		}
		if (rq->max_queue_wait_ms != DEPLOY_UNSET) {
			deploy_duration_format(rq->max_queue_wait_ms, dur, sizeof dur);
			plan_jw_str(&w, "maxQueueWait", dur);
		}
		if (rq->max_concurrent != DEPLOY_UNSET)
			plan_jw_int(&w, "maxConcurrentRequestsPerInstance",
			    rq->max_concurrent);
		plan_jw_end(&w);
	}
	probe(&w, "livenessProbe", &d->liveness);
	probe(&w, "readinessProbe", &d->readiness);
	resources(&w, d);
	plan_jw_bool(&w, "appInsightsEnabled", d->app_insights);
	plan_jw_end(&w);
	plan_jw_end(&w);
	free(model);
	free(env);
	free(code);
	*body = plan_jw_take(&w);
	return true;
}

/* properties.traffic of an endpoint, or NULL. */
static json_object *
traffic_of(json_object *cur)
{
	json_object	*props, *t;

	if (cur == NULL || !json_object_object_get_ex(cur, "properties",
	    &props) || !json_object_object_get_ex(props, "traffic", &t) ||
	    !json_object_is_type(t, json_type_object))
		return NULL;
	return t;
}

bool
plan_deploy_routes_others(const struct plan *p, json_object *cur)
{
	json_object	*t = traffic_of(cur);

	if (t == NULL)
		return false;
	json_object_object_foreach(t, k, v)
		if (strcmp(k, p->deployment.name) != 0 &&
		    json_object_get_int64(v) > 0)
			return true;
	return false;
}

void
plan_deploy_traffic(const struct plan *p, json_object *cur,
    struct deploy_traffic *out)
{
	json_object	*t = traffic_of(cur);
	size_t		 n = 0;
	bool		 has_new = false;
	long		 share;

	if (p->traffic.n > 0) {
		*out = p->traffic;
		return;
	}
	memset(out, 0, sizeof *out);
	share = deploy_plan_new_share(p, plan_deploy_routes_others(p, cur));
	if (t != NULL) {
		json_object_object_foreach(t, k, v) {
			if (n == DEPLOY_TRAFFIC_MAX ||
			    strlen(k) >= sizeof out->t[0].name)
				continue;
			memcpy(out->t[n].name, k, strlen(k) + 1);
			out->t[n].percent = strcmp(k, p->deployment.name) == 0 ?
			    share : json_object_get_int64(v);
			has_new = has_new || strcmp(k, p->deployment.name) == 0;
			n++;
		}
	}
	if (!has_new && n < DEPLOY_TRAFFIC_MAX &&
	    strlen(p->deployment.name) < sizeof out->t[0].name) {
		memcpy(out->t[n].name, p->deployment.name,
		    strlen(p->deployment.name) + 1);
		out->t[n++].percent = share;
	}
	out->n = n;
}

char *
plan_deploy_traffic_body(const struct plan *p, json_object *cur)
{
	struct deploy_traffic	 t;
	struct plan_jw		 w;
	size_t			 i;

	plan_deploy_traffic(p, cur, &t);
	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_begin(&w, "properties");
	plan_jw_begin(&w, "traffic");
	for (i = 0; i < t.n; i++)
		plan_jw_int(&w, t.t[i].name, t.t[i].percent);
	plan_jw_end(&w);
	plan_jw_end(&w);
	plan_jw_end(&w);
	return plan_jw_take(&w);
}

bool
plan_deploy_traffic_done(const struct plan *p, json_object *cur)
{
	struct deploy_traffic	 want;
	json_object		*t = traffic_of(cur), *v;
	size_t			 i;

	if (cur == NULL)
		return false;
	plan_deploy_traffic(p, cur, &want);
	/* Each share as wanted (absent is 0) ... */
	for (i = 0; i < want.n; i++) {
		long	have = t != NULL && json_object_object_get_ex(t,
			    want.t[i].name, &v) ? json_object_get_int64(v) : 0;

		if (have != want.t[i].percent)
			return false;
	}
	/* ... and none to a deployment the plan leaves out. */
	if (t != NULL) {
		json_object_object_foreach(t, k, val) {
			bool	named = false;

			for (i = 0; i < want.n; i++)
				if (strcmp(want.t[i].name, k) == 0)
					named = true;
			if (!named && json_object_get_int64(val) != 0)
				return false;
		}
	}
	return true;
}

char *
plan_deploy_traffic_text(const struct deploy_traffic *t)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, 0);
	for (i = 0; i < t->n; i++)
		buf_addf(&b, "%s%s=%ld", i > 0 ? " " : "", t->t[i].name,
		    t->t[i].percent);
	return buf_take(&b);
}
