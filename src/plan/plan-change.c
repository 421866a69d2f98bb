/* The plans of changing a running deployment (plan-change.h). */
#include "config.h"
#include "plan/plan-change.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "common/buf.h"
#include "common/xalloc.h"
#include "core/rules-change.h"
#include "core/rules-deploy.h"
#include "plan/plan-endpoint.h"
#include "plan/plan-jw.h"
#include "plan/plan-steps.h"

const char *
plan_change_subject(const struct plan *p)
{
	return p->op == PLAN_UPDATE_DEPLOYMENT ||
	    p->op == PLAN_DELETE_DEPLOYMENT ? p->deployment.name :
	    p->endpoint_name;
}

char *
plan_change_deployment_id(const struct plan *p)
{
	char	*ep = plan_endpoint_id(p), *id;

	xasprintf(&id, "%s/deployments/%s", ep, p->deployment.name);
	free(ep);
	return id;
}

bool
plan_change_needs_put(const struct plan *p)
{
	return change_update_needs_put(&p->deployment);
}

char *
plan_change_scale_body(const struct plan *p)
{
	struct plan_jw	w;

	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_begin(&w, "sku");
	plan_jw_str(&w, "name", "Default");
	plan_jw_int(&w, "capacity", p->deployment.scale.instances);
	plan_jw_end(&w);
	plan_jw_end(&w);
	return plan_jw_take(&w);
}

static void
set_int(json_object *o, const char *k, long v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static void
set_ms(json_object *o, const char *k, long ms)
{
	char	d[32];

	deploy_duration_format(ms, d, sizeof d);
	json_object_object_add(o, k, json_object_new_string(d));
}

/* The probe's members given, in the service's names (deploy.md 1c). */
static const char *const probe_keys[5] = {
	"initialDelay", "period", "timeout", "successThreshold",
	"failureThreshold"
};

/* A probe's members in probe_keys' order (seconds, then counts). */
static void
probe_values(const struct deploy_probe *pr, long v[5])
{
	v[0] = pr->initial_delay_s;
	v[1] = pr->period_s;
	v[2] = pr->timeout_s;
	v[3] = pr->success_threshold;
	v[4] = pr->failure_threshold;
}

/* The members of a probe given, set in the deployment's properties. */
static void
merge_probe(json_object *props, const char *key, const struct deploy_probe *pr)
{
	json_object	*o;
	long		 v[5];
	int		 i;

	if (!deploy_probe_given(pr))
		return;
	o = plan_step_object_at(props, key);
	probe_values(pr, v);
	for (i = 0; i < 5; i++)
		if (v[i] != DEPLOY_UNSET && i < 3)
			set_ms(o, probe_keys[i], v[i] * 1000);
		else if (v[i] != DEPLOY_UNSET)
			set_int(o, probe_keys[i], v[i]);
}

json_object *
plan_change_deployment_merge(json_object *cur, const struct plan *p)
{
	static const char		*top_ro[] = { "id", "name", "type",
		"systemData" };
	const struct deploy_scale	*s = &p->deployment.scale;
	const struct deploy_requests	*r = &p->deployment.requests;
	json_object			*props, *ss, *rs;
	size_t				 i;

	for (i = 0; i < sizeof top_ro / sizeof top_ro[0]; i++)
		json_object_object_del(cur, top_ro[i]);
	props = plan_step_object_at(cur, "properties");
	json_object_object_del(props, "provisioningState");
	if (s->instances != DEPLOY_UNSET) {
		json_object *sku = plan_step_object_at(cur, "sku");

		json_object_object_add(sku, "name",
		    json_object_new_string("Default"));
		set_int(sku, "capacity", s->instances);
	}
	if (s->autoscale || s->min_instances != DEPLOY_UNSET ||
	    s->max_instances != DEPLOY_UNSET ||
	    s->target_utilization != DEPLOY_UNSET ||
	    s->polling_interval_s != DEPLOY_UNSET) {
		ss = plan_step_object_at(props, "scaleSettings");
		json_object_object_add(ss, "scaleType",
		    json_object_new_string("TargetUtilization"));
		if (s->min_instances != DEPLOY_UNSET)
			set_int(ss, "minInstances", s->min_instances);
		if (s->max_instances != DEPLOY_UNSET)
			set_int(ss, "maxInstances", s->max_instances);
		if (s->target_utilization != DEPLOY_UNSET)
			set_int(ss, "targetUtilizationPercentage",
			    s->target_utilization);
		if (s->polling_interval_s != DEPLOY_UNSET)
			set_ms(ss, "pollingInterval",
			    s->polling_interval_s * 1000);
	} else if (s->instances != DEPLOY_UNSET) {
		/* A fixed count: the Default scale type (deploy.md 1c). */
		ss = json_object_new_object();
		json_object_object_add(ss, "scaleType",
		    json_object_new_string("Default"));
		json_object_object_add(props, "scaleSettings", ss);
	}
	if (r->timeout_ms != DEPLOY_UNSET || r->max_concurrent !=
	    DEPLOY_UNSET || r->max_queue_wait_ms != DEPLOY_UNSET) {
		rs = plan_step_object_at(props, "requestSettings");
		if (r->timeout_ms != DEPLOY_UNSET)
			set_ms(rs, "requestTimeout", r->timeout_ms);
		if (r->max_queue_wait_ms != DEPLOY_UNSET)
			set_ms(rs, "maxQueueWait", r->max_queue_wait_ms);
		if (r->max_concurrent != DEPLOY_UNSET)
			set_int(rs, "maxConcurrentRequestsPerInstance",
			    r->max_concurrent);
	}
	merge_probe(props, "livenessProbe", &p->deployment.liveness);
	merge_probe(props, "readinessProbe", &p->deployment.readiness);
	return cur;
}

/* o's member k as a number, or DEPLOY_UNSET. */
static long
int_at(json_object *o, const char *k)
{
	json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, k, &v) ||
	    !json_object_is_type(v, json_type_int))
		return DEPLOY_UNSET;
	return (long)json_object_get_int64(v);
}

static json_object *
obj_at(json_object *o, const char *k)
{
	json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, k, &v) ||
	    !json_object_is_type(v, json_type_object))
		return NULL;
	return v;
}

/* Whether a wanted number (DEPLOY_UNSET: any) is what o has. */
static bool
same_int(long want, json_object *o, const char *k)
{
	return want == DEPLOY_UNSET || int_at(o, k) == want;
}

static bool
same_ms(long want, json_object *o, const char *k)
{
	long	have;

	/* Read back, so that the service's spelling ("PT1M") counts. */
	return want == DEPLOY_UNSET ||
	    (deploy_duration_parse(plan_step_str_at(o, k), &have) &&
	    have == want);
}

/* Whether the service's probe has the members given. */
static bool
same_probe(const struct deploy_probe *pr, json_object *o)
{
	long	v[5];
	int	i;

	probe_values(pr, v);
	for (i = 0; i < 5; i++)
		if (v[i] != DEPLOY_UNSET && !(i < 3 ?
		    same_ms(v[i] * 1000, o, probe_keys[i]) :
		    same_int(v[i], o, probe_keys[i])))
			return false;
	return true;
}

bool
plan_change_deployment_done(const struct plan *p, json_object *cur)
{
	const struct deploy_scale	*s = &p->deployment.scale;
	const struct deploy_requests	*r = &p->deployment.requests;
	json_object			*props = obj_at(cur, "properties");
	json_object			*ss = obj_at(props, "scaleSettings");
	json_object			*rs = obj_at(props, "requestSettings");

	if (cur == NULL || !same_int(s->instances, obj_at(cur, "sku"),
	    "capacity"))
		return false;
	if (plan_change_needs_put(p) && (s->autoscale ||
	    s->min_instances != DEPLOY_UNSET ||
	    s->max_instances != DEPLOY_UNSET) &&
	    strcasecmp(plan_step_str_at(ss, "scaleType"),
	    "TargetUtilization") != 0)
		return false;
	return same_int(s->min_instances, ss, "minInstances") &&
	    same_int(s->max_instances, ss, "maxInstances") &&
	    same_int(s->target_utilization, ss,
	    "targetUtilizationPercentage") &&
	    same_ms(r->timeout_ms, rs, "requestTimeout") &&
	    same_ms(r->max_queue_wait_ms, rs, "maxQueueWait") &&
	    same_int(r->max_concurrent, rs,
	    "maxConcurrentRequestsPerInstance") &&
	    same_probe(&p->deployment.liveness,
	    obj_at(props, "livenessProbe")) &&
	    same_probe(&p->deployment.readiness,
	    obj_at(props, "readinessProbe"));
}

char *
plan_change_traffic_body(const struct plan *p)
{
	struct plan_jw	w;
	size_t		i;

	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_begin(&w, "properties");
	plan_jw_begin(&w, "traffic");
	for (i = 0; i < p->traffic.n && i < DEPLOY_TRAFFIC_MAX; i++)
		plan_jw_int(&w, p->traffic.t[i].name, p->traffic.t[i].percent);
	plan_jw_end(&w);
	plan_jw_end(&w);
	plan_jw_end(&w);
	return plan_jw_take(&w);
}

bool
plan_change_traffic_done(const struct plan *p, json_object *cur)
{
	json_object	*t = obj_at(obj_at(cur, "properties"), "traffic");
	size_t		 i;
	long		 v;

	if (cur == NULL || t == NULL)
		return false;
	for (i = 0; i < p->traffic.n && i < DEPLOY_TRAFFIC_MAX; i++) {
		v = int_at(t, p->traffic.t[i].name);
		if (v == DEPLOY_UNSET)
			v = 0;
		if (v != p->traffic.t[i].percent)
			return false;
	}
	/* No share left on a deployment the split does not name. */
	json_object_object_foreach(t, k, val) {
		bool named = false;

		for (i = 0; i < p->traffic.n && i < DEPLOY_TRAFFIC_MAX; i++)
			if (strcasecmp(p->traffic.t[i].name, k) == 0)
				named = true;
		if (!named && json_object_get_int64(val) != 0)
			return false;
	}
	return true;
}

/* A probe's members given, as azure-ai-ml's ProbeSettings names them. */
static void
export_probe(struct buf *b, const char *name, const struct deploy_probe *pr,
    const char *pre, const char *sep)
{
	static const char *const members[5] = {
		"initial_delay", "period", "timeout", "success_threshold",
		"failure_threshold"
	};
	long	v[5];
	int	i;

	if (!deploy_probe_given(pr))
		return;
	/* azure-ai-ml: a deployment without the probe has None there. */
	if (*sep == '\n')
		buf_addf(b, "if %s%s is None:\n    %s%s = ProbeSettings()\n",
		    pre, name, pre, name);
	probe_values(pr, v);
	for (i = 0; i < 5; i++)
		if (v[i] != DEPLOY_UNSET)
			buf_addf(b, "%s%s.%s=%ld%s", pre, name, members[i], v[i],
			    sep);
}

/* The update's --set arguments of az, or assignments of azure-ai-ml. */
static void
export_settings(struct buf *b, const struct plan *p, const char *pre,
    const char *sep)
{
	const struct deploy_scale	*s = &p->deployment.scale;
	const struct deploy_requests	*r = &p->deployment.requests;

	if (s->instances != DEPLOY_UNSET)
		buf_addf(b, "%sinstance_count=%ld%s", pre, s->instances, sep);
	if (plan_change_needs_put(p) && (s->autoscale ||
	    s->min_instances != DEPLOY_UNSET ||
	    s->max_instances != DEPLOY_UNSET))
		buf_addf(b, "%sscale_settings.type=%s%s", pre,
		    *sep == '\n' ? "\"target_utilization\"" :
		    "target_utilization", sep);
	if (s->min_instances != DEPLOY_UNSET)
		buf_addf(b, "%sscale_settings.min_instances=%ld%s", pre,
		    s->min_instances, sep);
	if (s->max_instances != DEPLOY_UNSET)
		buf_addf(b, "%sscale_settings.max_instances=%ld%s", pre,
		    s->max_instances, sep);
	if (s->target_utilization != DEPLOY_UNSET)
		buf_addf(b, "%sscale_settings.target_utilization_percentage="
		    "%ld%s", pre, s->target_utilization, sep);
	if (r->timeout_ms != DEPLOY_UNSET)
		buf_addf(b, "%srequest_settings.request_timeout_ms=%ld%s", pre,
		    r->timeout_ms, sep);
	if (r->max_concurrent != DEPLOY_UNSET)
		buf_addf(b, "%srequest_settings."
		    "max_concurrent_requests_per_instance=%ld%s", pre,
		    r->max_concurrent, sep);
	export_probe(b, "liveness_probe", &p->deployment.liveness, pre, sep);
	export_probe(b, "readiness_probe", &p->deployment.readiness, pre,
	    sep);
}

void
plan_change_export(struct buf *b, const struct plan *p,
    enum plan_export_kind kind)
{
	const char	*e = p->endpoint_name, *d = p->deployment.name;
	char		 traffic[DEPLOY_TRAFFIC_MAX * 64], *id, *body = NULL;
	size_t		 i;
	json_object	*o;

	change_traffic_text(&p->traffic, traffic, sizeof traffic);
	if (kind == PLAN_EXPORT_AZ) {
		if (p->op == PLAN_SET_TRAFFIC)
			buf_addf(b, "az ml online-endpoint update --name %s "
			    "--traffic \"%s\"\n", e, traffic);
		else if (p->op == PLAN_UPDATE_DEPLOYMENT) {
			buf_addf(b, "az ml online-deployment update --name %s "
			    "--endpoint-name %s", d, e);
			export_settings(b, p, " --set ", "");
			buf_adds(b, "\n");
		} else if (p->op == PLAN_DELETE_DEPLOYMENT)
			buf_addf(b, "az ml online-deployment delete --name %s "
			    "--endpoint-name %s --yes\n", d, e);
		else
			buf_addf(b, "az ml online-endpoint delete --name %s "
			    "--yes\n", e);
		return;
	}
	if (kind == PLAN_EXPORT_PYTHON) {
		buf_adds(b, "from azure.ai.ml import MLClient\n");
		if (p->op == PLAN_UPDATE_DEPLOYMENT &&
		    (deploy_probe_given(&p->deployment.liveness) ||
		    deploy_probe_given(&p->deployment.readiness)))
			buf_adds(b, "from azure.ai.ml.entities import "
			    "ProbeSettings\n");
		buf_adds(b, "from azure.identity import "
		    "DefaultAzureCredential\n\n");
		buf_addf(b, "ml_client = MLClient(DefaultAzureCredential(), "
		    "\"%s\", \"%s\", \"%s\")\n", p->scope.subscription,
		    p->scope.resource_group, p->scope.workspace);
		if (p->op == PLAN_SET_TRAFFIC) {
			buf_addf(b, "endpoint = ml_client.online_endpoints.get("
			    "\"%s\")\nendpoint.traffic = {", e);
			for (i = 0; i < p->traffic.n; i++)
				buf_addf(b, "%s\"%s\": %ld", i > 0 ? ", " : "",
				    p->traffic.t[i].name,
				    p->traffic.t[i].percent);
			buf_adds(b, "}\nml_client.online_endpoints."
			    "begin_create_or_update(endpoint).result()\n");
		} else if (p->op == PLAN_UPDATE_DEPLOYMENT) {
			buf_addf(b, "deployment = ml_client.online_deployments."
			    "get(name=\"%s\", endpoint_name=\"%s\")\n", d, e);
			export_settings(b, p, "deployment.", "\n");
			buf_adds(b, "ml_client.online_deployments."
			    "begin_create_or_update(deployment).result()\n");
		} else if (p->op == PLAN_DELETE_DEPLOYMENT)
			buf_addf(b, "ml_client.online_deployments.begin_delete("
			    "name=\"%s\", endpoint_name=\"%s\").result()\n",
			    d, e);
		else
			buf_addf(b, "ml_client.online_endpoints.begin_delete("
			    "name=\"%s\").result()\n", e);
		return;
	}
	id = p->op == PLAN_SET_TRAFFIC || p->op == PLAN_DELETE_ENDPOINT ?
	    plan_endpoint_id(p) : plan_change_deployment_id(p);
	if (p->op == PLAN_SET_TRAFFIC)
		body = plan_change_traffic_body(p);
	else if (p->op == PLAN_UPDATE_DEPLOYMENT && !plan_change_needs_put(p))
		body = plan_change_scale_body(p);
	else if (p->op == PLAN_UPDATE_DEPLOYMENT) {
		buf_adds(b, "# The deployment as GET returns it, without its "
		    "read-only members, with:\n");
		o = plan_change_deployment_merge(json_object_new_object(), p);
		body = xstrdup(json_object_to_json_string_ext(o,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(o);
	}
	buf_addf(b, "%s %s?api-version=%s\n", p->op == PLAN_SET_TRAFFIC ||
	    (p->op == PLAN_UPDATE_DEPLOYMENT && !plan_change_needs_put(p)) ?
	    "PATCH" : p->op == PLAN_UPDATE_DEPLOYMENT ? "PUT" : "DELETE", id,
	    PLAN_ENDPOINT_API_VERSION);
	if (body != NULL)
		buf_addf(b, "Content-Type: application/json\n\n%s\n", body);
	free(body);
	free(id);
}
