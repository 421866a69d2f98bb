/*
 * Online endpoints and their deployments (Microsoft.MachineLearningServices,
 * deploy.md 1c and 4), under a workspace:
 *
 *   .../workspaces/{ws}/onlineEndpoints[/{e}[/listKeys|regenerateKeys|token
 *       |deployments[/{d}[/getLogs]]]]
 *   /subscriptions/{s}/providers/Microsoft.MachineLearningServices/
 *       locations/{l}/mfeOperationsStatus|mfeOperationResults/{id}
 *
 * PUT creates (201) or replaces (200), each with Azure-AsyncOperation and
 * x-ms-async-operation-timeout; PATCH, DELETE and regenerateKeys answer 202
 * with Location and Retry-After; the status document says InProgress,
 * then Succeeded or Failed (with the error); the Location answers 202
 * until the end, then 200 (the resource, for a PATCH) or 204.  The
 * provisioning states are deploy.md's: endpoints Creating, Updating,
 * Deleting, Succeeded, Failed; deployments also Scaling.
 *
 * Checked as the service does, with core's rules (rules-deploy.h): the
 * names, authMode (AADToken not on Kubernetes endpoints), the compute (a
 * Kubernetes compute, Succeeded, whose cluster has a Succeeded Azure ML
 * extension; an AKS compute gets the service's NotSupported refusal,
 * kubernetes-path.md D.2), traffic (known deployments, 0-100, sum 100 or
 * 0), mirror traffic (refused on Kubernetes endpoints), scale and request
 * settings, and what a deployment refers to (no registry environment or
 * model on Kubernetes, kubernetes-path.md E.5; a workspace's model, code
 * and environment versions must exist, arm-assets.c).  The service's own text is published only for the
 * NotSupported refusal and the compute state; the other messages are
 * placeholders (core's English text, under the code "BadRequest" with a
 * "details" entry), documented as such in akswiz-sandbox(1).  A deployment
 * whose requests do not fit the cluster's nodes (after AKS's reservations
 * and the extension's pods, rules_deploy_fit) is accepted and its
 * operation ends Failed with a Kubernetes scheduler reason (deploy.md 3).
 * "op:ENDPOINT/DEPLOYMENT=fail:..." faults make any operation fail.
 *
 * Keys live only in the world file: GET shows "keys": null, the journal
 * redacts primaryKey, secondaryKey, keyValue and accessToken.
 *
 * Saved with the world: "onlineEndpoints" [{"workspaceId", "resource",
 * "keys", "op", "gone"}], "onlineDeployments" [{"endpointId", "resource",
 * "op", "gone"}]; op = {"id", "kind", "sinceMs", "polls", "fail",
 * "status", "endMs"}.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <openssl/rand.h>

#include "common/xalloc.h"
#include "core/ids.h"
#include "core/plan-deploy-check.h"
#include "core/rules-deploy.h"
#include "core/vmcatalogue.h"
#include "sandbox/apiversions.h"
#include "sandbox/arm.h"

#define EP_VTYPE	"Microsoft.MachineLearningServices/workspaces/onlineEndpoints"
#define EP_TYPE		EP_VTYPE
#define DEP_TYPE	EP_VTYPE "/deployments"
#define EP_OP_SECONDS	90
#define DEP_OP_SECONDS	300
#define TOKEN_REFRESH_S	(12 * 3600)
#define TOKEN_EXPIRY_S	(24 * 3600)
#define TOKENS_KEPT	8
#define SCORE_PREFIX	"/api/v1/endpoint/"
/* Managed endpoints' words (deploy.md 1c); the Kubernetes router's are
 * unconfirmed. */
#define NO_DEPLOYMENTS	"No valid deployments to route to. Please check " \
	"that the endpoint has at least one deployment with positive weight " \
	"values or use a deployment specific header to route."
/* The default instance type's requests (kubernetes-path.md C.7). */
#define DEFAULT_INSTANCE_TYPE	"defaultinstancetype"
#define DEFAULT_IT_CPU		"100m"
#define DEFAULT_IT_MEMORY	"2Gi"
/* kubernetes-path.md D.2, exact. */
#define AKS_NOT_SUPPORTED "Creation of Online Endpoints or deployments on " \
	"AKS compute type is no longer supported. More details can be found " \
	"here, https://aka.ms/troubleshoot-creating-aks-endpoint"

static const char *
str(struct json_object *o, const char *key)
{
	return arm_jstr(o, key);
}

static struct json_object *
obj(struct json_object *o, const char *key)
{
	return arm_jobj(o, key);
}

static bool
gone(struct json_object *e)
{
	struct json_object	*v;

	return json_object_object_get_ex(e, "gone", &v) &&
	    json_object_get_boolean(v);
}

static bool
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcasecmp(a, b) == 0;
}

/* The entry of the array whose key is id and resource name is name. */
static struct json_object *
find(struct arm_ctx *c, const char *array, const char *key, const char *id,
    const char *name)
{
	struct json_object	*a = arm_world_array(c->w, array), *e;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (!gone(e) && same(str(e, key), id) &&
		    (name == NULL || same(str(obj(e, "resource"), "name"),
		    name)))
			return e;
	}
	return NULL;
}

/* The live endpoint whose ARM id is id, or NULL. */
static struct json_object *
endpoint_by_id(struct arm_ctx *c, const char *id)
{
	struct json_object	*a = arm_world_array(c->w, "onlineEndpoints"), *e;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (!gone(e) && same(str(obj(e, "resource"), "id"), id))
			return e;
	}
	return NULL;
}

/* A 400 the service's way: BadRequest, "The request is invalid.", details. */
static void
bad_request(struct arm_ctx *c, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void
bad_request(struct arm_ctx *c, const char *code, const char *fmt, ...)
{
	struct json_object	*e, *d, *a;
	va_list			 ap;
	char			 msg[SB_TEXT * 2];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	e = arm_err_new("BadRequest", "The request is invalid.");
	d = arm_err_new(code, "%s", msg);
	a = json_object_new_array();
	json_object_array_add(a, d);
	json_object_object_add(e, "details", a);
	arm_error_obj(c, 400, e);
}

/* The first error verdict as English text (the placeholder message). */
static bool
verdict_error(const struct verdicts *vs, char *buf, size_t len)
{
	size_t	i;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].severity == SEV_ERROR) {
			verdict_render(&vs->v[i], msg_format(vs->v[i].msg),
			    buf, len);
			return true;
		}
	return false;
}

static bool
refuse_verdicts(struct arm_ctx *c, const struct verdicts *vs)
{
	char	msg[SB_TEXT];

	if (!verdict_error(vs, msg, sizeof msg))
		return false;
	bad_request(c, "Invalid", "%s", msg);
	return true;
}

/* Random URL-safe text of n characters (keys, tokens). */
static void
random_text(char *buf, size_t n)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
	    "qrstuvwxyz0123456789";
	unsigned char	b[64];
	size_t		i;

	if (n > sizeof b)
		n = sizeof b;
	if (RAND_bytes(b, (int)n) != 1)
		memset(b, 7, n);
	for (i = 0; i < n; i++)
		buf[i] = abc[b[i] % (sizeof abc - 1)];
	buf[n] = '\0';
}

/* Where the workspace's long-running operations are watched. */
static void
op_urls(struct arm_ctx *c, struct sb_workspace *ws, const char *id,
    bool location)
{
	char	url[SB_TEXT * 2];

	arm_url(c, url, sizeof url, "/subscriptions/%s/providers/"
	    "Microsoft.MachineLearningServices/locations/%s/"
	    "mfeOperationsStatus/%s?api-version=%s", ws->sub, ws->location,
	    id, c->api);
	sb_resp_header(c->resp, "Azure-AsyncOperation", "%s", url);
	if (location) {
		arm_url(c, url, sizeof url, "/subscriptions/%s/providers/"
		    "Microsoft.MachineLearningServices/locations/%s/"
		    "mfeOperationResults/%s?api-version=%s", ws->sub,
		    ws->location, id, c->api);
		sb_resp_header(c->resp, "Location", "%s", url);
		sb_resp_header(c->resp, "Retry-After", "%d",
		    c->w->settings.retry_after);
	} else
		sb_resp_header(c->resp, "x-ms-async-operation-timeout",
		    "PT1H");
}

/* Start an operation of kind on the entry (fail: its error, or NULL). */
static void
op_start(struct arm_ctx *c, struct sb_workspace *ws, struct json_object *e,
    const char *kind, const char *target, struct json_object *fail,
    bool location)
{
	char	id[SB_ID];

	json_object_object_add(e, "op", arm_op_new(c, kind, target, fail, id,
	    sizeof id));
	op_urls(c, ws, id, location);
}

static void
set_state(struct json_object *e, const char *state)
{
	json_object_object_add(obj(obj(e, "resource"), "properties"),
	    "provisioningState", json_object_new_string(state));
}

static void
deployments_gone(struct arm_ctx *c, const char *epid)
{
	struct json_object	*a = arm_world_array(c->w,
				    "onlineDeployments"), *d;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		d = json_object_array_get_idx(a, i);
		if (same(str(d, "endpointId"), epid))
			json_object_object_add(d, "gone",
			    json_object_new_boolean(true));
	}
}

/*
 * Finish the entry's operation when its time (or poll count) has come;
 * true when the entry is deleted by it.
 */
static bool
tick(struct arm_ctx *c, struct json_object *e, bool deployment)
{
	struct json_object	*op = obj(e, "op");
	bool			 failed;

	if (!arm_op_due(c, op, deployment ? DEP_OP_SECONDS : EP_OP_SECONDS))
		return false;
	failed = obj(op, "fail") != NULL;
	if (!failed && same(str(op, "kind"), "Delete")) {
		json_object_object_add(e, "gone",
		    json_object_new_boolean(true));
		if (!deployment)
			deployments_gone(c, str(obj(e, "resource"), "id"));
		return true;
	}
	set_state(e, failed ? "Failed" : "Succeeded");
	return false;
}

/* A GET of entry e (arm_op_seen); true when that ends it (deleted). */
static bool
seen(struct arm_ctx *c, struct json_object *e, bool deployment)
{
	arm_op_seen(c, obj(e, "op"));
	return tick(c, e, deployment);
}

/* Tick every live entry of an array (so lists show final states). */
static void
tick_all(struct arm_ctx *c, const char *array, bool deployment)
{
	struct json_object	*a = arm_world_array(c->w, array);
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++)
		if (!gone(json_object_array_get_idx(a, i)))
			tick(c, json_object_array_get_idx(a, i), deployment);
}

/* mirrorTraffic appears from 2023-04-01 (2022-12-01-preview) on. */
static bool
has_mirror(const char *api)
{
	return apiv_era(EP_VTYPE, api, "2023");
}

static struct json_object *
render(struct arm_ctx *c, struct json_object *e, bool deployment)
{
	struct json_object	*o = NULL, *p;
	char			 url[SB_TEXT * 2];

	json_object_deep_copy(obj(e, "resource"), &o, NULL);
	p = obj(o, "properties");
	if (!deployment && p != NULL) {
		/* On this run's host and port, which a restart may change. */
		arm_url(c, url, sizeof url, "/api/v1/endpoint/%s/score",
		    str(o, "name"));
		json_object_object_add(p, "scoringUri",
		    json_object_new_string(url));
		arm_url(c, url, sizeof url, "/api/v1/endpoint/%s/swagger.json",
		    str(o, "name"));
		json_object_object_add(p, "swaggerUri",
		    json_object_new_string(url));
		json_object_object_add(p, "keys", NULL);
		if (!has_mirror(c->api))
			json_object_object_del(p, "mirrorTraffic");
	}
	return o;
}

static void
list_reply(struct arm_ctx *c, struct json_object *value)
{
	struct json_object	*o = json_object_new_object();

	json_object_object_add(o, "value", value);
	json_object_object_add(o, "nextLink", NULL);
	arm_json(c, 200, o);
}

/* The traffic map of a JSON object; false (answered) when malformed. */
static bool
traffic_of(struct arm_ctx *c, struct json_object *m, struct deploy_traffic *t)
{
	memset(t, 0, sizeof(*t));
	if (m == NULL)
		return true;
	json_object_object_foreach(m, k, v) {
		if (!json_object_is_type(v, json_type_int) ||
		    t->n >= DEPLOY_TRAFFIC_MAX) {
			sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
			    "The request content was invalid: traffic values "
			    "are integers.");
			return false;
		}
		snprintf(t->t[t->n].name, sizeof t->t[t->n].name, "%s", k);
		t->t[t->n++].percent = (long)json_object_get_int64(v);
	}
	return true;
}

/* The endpoint's deployments' names (borrowed), at most max. */
static size_t
deployment_names(struct arm_ctx *c, const char *epid, const char **names,
    size_t max)
{
	struct json_object	*a = arm_world_array(c->w, "onlineDeployments");
	struct json_object	*d;
	size_t			 i, n = 0;

	for (i = 0; i < json_object_array_length(a) && n < max; i++) {
		d = json_object_array_get_idx(a, i);
		if (!gone(d) && same(str(d, "endpointId"), epid))
			names[n++] = str(obj(d, "resource"), "name");
	}
	return n;
}

static bool
check_traffic(struct arm_ctx *c, const char *epid, struct json_object *p,
    bool kubernetes)
{
	struct deploy_traffic	 t;
	struct verdicts		 vs;
	const char		*names[64];
	size_t			 n;

	verdicts_init(&vs);
	if (!traffic_of(c, obj(p, "traffic"), &t))
		return false;
	n = deployment_names(c, epid, names, 64);
	rules_deploy_traffic(&t, names, n, &vs);
	if (kubernetes) {
		if (!traffic_of(c, obj(p, "mirrorTraffic"), &t))
			return false;
		rules_deploy_mirror_traffic(&t, &vs);
	}
	return !refuse_verdicts(c, &vs);
}

/*
 * The Kubernetes compute an endpoint names (false: answered).  *comp
 * stays NULL for an endpoint without one (managed).
 */
static bool
endpoint_compute(struct arm_ctx *c, struct sb_workspace *ws, const char *cid,
    struct json_object **comp)
{
	struct json_object	*res, *p;
	struct sb_cluster	*cl;
	struct aks_id		 aid;
	struct verdicts		 vs;
	const char		*name, *type, *state, *rid;
	long			 i;

	*comp = NULL;
	if (cid == NULL)
		return true;
	name = strrchr(cid, '/') != NULL ? strrchr(cid, '/') + 1 : cid;
	i = world_compute(c->w, ws->sub, ws->group, ws->name, name);
	if (i < 0 || c->w->computes[i].gone) {
		bad_request(c, "ComputeNotFound", "Compute %s was not found in "
		    "workspace %s.", name, ws->name);	/* placeholder */
		return false;
	}
	res = world_compute_peek(&c->w->computes[i]);
	p = obj(res, "properties");
	type = str(p, "computeType");
	state = str(p, "provisioningState");
	if (same(type, "AKS")) {
		json_object_put(res);
		bad_request(c, "NotSupported", "%s", AKS_NOT_SUPPORTED);
		return false;
	}
	if (!same(type, "Kubernetes")) {
		bad_request(c, "NotSupported", "Compute %s is of type %s; online "
		    "endpoints need a Kubernetes compute.", name,
		    type != NULL ? type : "?");	/* placeholder */
		json_object_put(res);
		return false;
	}
	if (!same(state, "Succeeded")) {
		bad_request(c, "ComputeResourceNotCreated", "Compute resource "
		    "with Id: %s is not in Succeeded state. Compute "
		    "provisioning state: %s", name, state != NULL ? state : "");
		json_object_put(res);
		return false;
	}
	verdicts_init(&vs);
	rid = str(p, "resourceId");
	cl = rid != NULL && aks_id_parse(rid, &aid, FIELD_CLUSTER_ID, &vs) ?
	    world_cluster(c->w, aid.subscription, aid.resource_group,
	    aid.name) : NULL;
	if (cl == NULL || cl->gone || !arm_extension_ready(c, cl)) {
		bad_request(c, "ExtensionNotReady", "The Azure Machine Learning "
		    "extension of compute %s's cluster is not installed or "
		    "not Succeeded.", name);	/* placeholder */
		json_object_put(res);
		return false;
	}
	*comp = res;
	return true;
}

static void
copy_member(struct json_object *to, struct json_object *from, const char *k)
{
	struct json_object	*v;

	if (json_object_object_get_ex(from, k, &v))
		json_object_object_add(to, k, json_object_get(v));
}

/* Whether another workspace of the region has a live endpoint so named. */
static bool
taken_in_region(struct arm_ctx *c, struct sb_workspace *ws, const char *name)
{
	struct json_object	*a = arm_world_array(c->w, "onlineEndpoints"), *e;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (!gone(e) && same(str(obj(e, "resource"), "name"), name) &&
		    same(str(obj(e, "resource"), "location"), ws->location))
			return true;
	}
	return false;
}

/* PUT .../onlineEndpoints/{e} */
static void
endpoint_put(struct arm_ctx *c, struct sb_workspace *ws, const char *wsid,
    const char *name)
{
	struct json_object	*body, *p, *e, *res, *np, *comp = NULL, *k;
	struct verdicts		 vs;
	enum deploy_auth	 auth = DEPLOY_AUTH_KEY;
	const char		*mode;
	char			 id[SB_TEXT * 2], key[40];
	bool			 create;

	body = json_tokener_parse(c->req->body);
	if (body == NULL || (p = obj(body, "properties")) == NULL ||
	    str(body, "location") == NULL) {
		json_object_put(body);
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid: location and properties "
		    "are required.");
		return;
	}
	verdicts_init(&vs);
	rules_deploy_endpoint_name(name, &vs);
	mode = str(p, "authMode");
	if (mode == NULL || (!deploy_auth_parse(mode, &auth) &&
	    !same(mode, "AADToken")))
		rules_deploy_auth_mode(mode != NULL ? mode : "", &vs);
	if (refuse_verdicts(c, &vs) ||
	    !endpoint_compute(c, ws, str(p, "compute"), &comp))
		goto out;
	if (comp != NULL && same(mode, "AADToken")) {
		rules_deploy_auth_mode(mode, &vs);
		refuse_verdicts(c, &vs);
		goto out;
	}
	snprintf(id, sizeof id, "%s/onlineEndpoints/%s", wsid, name);
	if (!check_traffic(c, id, p, comp != NULL))
		goto out;
	e = find(c, "onlineEndpoints", "workspaceId", wsid, name);
	if (e != NULL && tick(c, e, false))
		e = NULL;
	create = e == NULL;
	if (create && taken_in_region(c, ws, name)) {
		bad_request(c, "Conflict", "An endpoint named %s already exists "
		    "in region %s; endpoint names are unique in a region.",
		    name, ws->location);	/* placeholder */
		goto out;
	}
	res = json_object_new_object();
	json_object_object_add(res, "id", json_object_new_string(id));
	json_object_object_add(res, "name", json_object_new_string(name));
	json_object_object_add(res, "type", json_object_new_string(EP_TYPE));
	copy_member(res, body, "location");
	copy_member(res, body, "tags");
	copy_member(res, body, "kind");
	if (obj(body, "identity") != NULL)
		copy_member(res, body, "identity");
	np = json_object_new_object();
	json_object_object_add(np, "authMode", json_object_new_string(
	    same(mode, "AADToken") ? "AADToken" : deploy_auth_rest(auth)));
	copy_member(np, p, "compute");
	copy_member(np, p, "description");
	json_object_object_add(np, "properties", obj(p, "properties") != NULL ?
	    json_object_get(obj(p, "properties")) : json_object_new_object());
	json_object_object_add(np, "traffic", obj(p, "traffic") != NULL ?
	    json_object_get(obj(p, "traffic")) : json_object_new_object());
	json_object_object_add(np, "mirrorTraffic", json_object_new_object());
	json_object_object_add(np, "publicNetworkAccess", json_object_new_string(
	    str(p, "publicNetworkAccess") != NULL ?
	    str(p, "publicNetworkAccess") : "Enabled"));
	json_object_object_add(np, "provisioningState",
	    json_object_new_string(create ? "Creating" : "Updating"));
	json_object_object_add(res, "properties", np);
	arm_system_data(c, res, obj(e, "resource"));
	if (create) {
		e = json_object_new_object();
		json_object_object_add(e, "workspaceId",
		    json_object_new_string(wsid));
		k = json_object_new_object();
		random_text(key, 32);
		json_object_object_add(k, "primaryKey",
		    json_object_new_string(key));
		random_text(key, 32);
		json_object_object_add(k, "secondaryKey",
		    json_object_new_string(key));
		json_object_object_add(e, "keys", k);
		json_object_array_add(arm_world_array(c->w, "onlineEndpoints"),
		    e);
	}
	/* Keys given at create or update replace the kept ones. */
	if ((k = obj(p, "keys")) != NULL) {
		if (str(k, "primaryKey") != NULL)
			json_object_object_add(obj(e, "keys"), "primaryKey",
			    json_object_new_string(str(k, "primaryKey")));
		if (str(k, "secondaryKey") != NULL)
			json_object_object_add(obj(e, "keys"), "secondaryKey",
			    json_object_new_string(str(k, "secondaryKey")));
	}
	json_object_object_add(e, "resource", res);
	op_start(c, ws, e, create ? "Create" : "Update", name, NULL, false);
	arm_json(c, create ? 201 : 200, render(c, e, false));
out:
	json_object_put(comp);
	json_object_put(body);
}

/* PATCH .../onlineEndpoints/{e}: tags, identity, traffic. */
static void
endpoint_patch(struct arm_ctx *c, struct sb_workspace *ws,
    struct json_object *e)
{
	struct json_object	*body = json_tokener_parse(c->req->body);
	struct json_object	*res = obj(e, "resource"), *bp;
	struct json_object	*p = obj(res, "properties");

	if (body == NULL) {
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid.");
		return;
	}
	bp = obj(body, "properties");
	if (bp != NULL && !check_traffic(c, str(res, "id"), bp,
	    str(p, "compute") != NULL)) {
		json_object_put(body);
		return;
	}
	if (obj(bp, "traffic") != NULL)
		copy_member(p, bp, "traffic");
	copy_member(res, body, "tags");
	if (obj(body, "identity") != NULL)
		copy_member(res, body, "identity");
	set_state(e, "Updating");
	json_object_put(body);
	op_start(c, ws, e, "Update", str(res, "name"), NULL, true);
	arm_json(c, 202, NULL);
}

/* The instance type's requests on the compute (default: C.7's). */
static bool
instance_type(struct json_object *comp, const char *name,
    struct deploy_resources *r)
{
	struct json_object	*its, *req;
	const char		*cpu = DEFAULT_IT_CPU, *mem = DEFAULT_IT_MEMORY;

	its = obj(obj(obj(comp, "properties"), "properties"), "instanceTypes");
	if (name != NULL && !same(name, DEFAULT_INSTANCE_TYPE)) {
		req = obj(obj(obj(its, name), "resources"), "requests");
		if (obj(its, name) == NULL)
			return false;
		cpu = str(req, "cpu") != NULL ? str(req, "cpu") : cpu;
		mem = str(req, "memory") != NULL ? str(req, "memory") : mem;
	}
	return k8s_cpu_parse(cpu, &r->cpu_m) &&
	    k8s_memory_parse(mem, &r->memory_mib);
}

/* Scale settings and sku of a deployment body into s. */
static bool
scale_of(struct arm_ctx *c, struct json_object *body, struct json_object *p,
    struct deploy_scale *s)
{
	struct json_object	*ss = obj(p, "scaleSettings");
	long			 ms;

	deploy_scale_init(s);
	s->instances = (long)arm_jint(obj(body, "sku"), "capacity",
	    DEPLOY_UNSET);
	if (ss != NULL && same(str(ss, "scaleType"), "TargetUtilization")) {
		s->autoscale = true;
		s->instances = DEPLOY_UNSET;
		s->min_instances = (long)arm_jint(ss, "minInstances", 1);
		s->max_instances = (long)arm_jint(ss, "maxInstances", 1);
		s->target_utilization = (long)arm_jint(ss,
		    "targetUtilizationPercentage", 70);
		if (str(ss, "pollingInterval") != NULL) {
			if (!deploy_duration_parse(str(ss, "pollingInterval"), &ms)) {
				sb_resp_arm_error(c->resp, 400,
				    "InvalidRequestContent", "The request "
				    "content was invalid: pollingInterval is "
				    "not an ISO 8601 duration.");
				return false;
			}
			s->polling_interval_s = ms / 1000;
		}
	}
	return true;
}

static bool
requests_of(struct arm_ctx *c, struct json_object *p, struct deploy_requests *r)
{
	static const struct {
		const char	*key;
		size_t		 off;
	} durs[] = {
		{ "requestTimeout", offsetof(struct deploy_requests, timeout_ms) },
		{ "maxQueueWait", offsetof(struct deploy_requests,
		    max_queue_wait_ms) },
	};
	struct json_object	*rs = obj(p, "requestSettings");
	size_t			 i;

	deploy_requests_init(r);
	r->max_concurrent = (long)arm_jint(rs,
	    "maxConcurrentRequestsPerInstance", DEPLOY_UNSET);
	for (i = 0; i < sizeof durs / sizeof durs[0]; i++)
		if (str(rs, durs[i].key) != NULL && !deploy_duration_parse(str(rs,
		    durs[i].key), (long *)((char *)r + durs[i].off))) {
			sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
			    "The request content was invalid: %s is not an "
			    "ISO 8601 duration.", durs[i].key);
			return false;
		}
	return true;
}

/*
 * Probe key (livenessProbe, readinessProbe) of properties p into pr, its
 * durations in whole seconds; false after an error reply.
 */
static bool
probe_of(struct arm_ctx *c, struct json_object *p, const char *key,
    struct deploy_probe *pr)
{
	static const struct {
		const char	*key;
		size_t		 off;
	} durs[] = {
		{ "initialDelay", offsetof(struct deploy_probe, initial_delay_s) },
		{ "period", offsetof(struct deploy_probe, period_s) },
		{ "timeout", offsetof(struct deploy_probe, timeout_s) },
	};
	struct json_object	*o = obj(p, key);
	long			 ms;
	size_t			 i;

	deploy_probe_init(pr);
	if (o == NULL)
		return true;
	pr->success_threshold = (long)arm_jint(o, "successThreshold",
	    DEPLOY_UNSET);
	pr->failure_threshold = (long)arm_jint(o, "failureThreshold",
	    DEPLOY_UNSET);
	for (i = 0; i < sizeof durs / sizeof durs[0]; i++) {
		if (str(o, durs[i].key) == NULL)
			continue;
		if (!deploy_duration_parse(str(o, durs[i].key), &ms)) {
			sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
			    "The request content was invalid: %s.%s is not an "
			    "ISO 8601 duration.", key, durs[i].key);
			return false;
		}
		*(long *)((char *)pr + durs[i].off) = ms / 1000;
	}
	return true;
}

/* The cluster of the compute: its size, node count, version. */
static struct sb_cluster *
compute_cluster(struct arm_ctx *c, struct json_object *comp, int *nodes)
{
	struct sb_cluster	*cl;
	struct aks_id		 aid;
	struct verdicts		 vs;
	const char		*rid = str(obj(comp, "properties"), "resourceId");
	int			 i;

	verdicts_init(&vs);
	*nodes = 0;
	if (rid == NULL || !aks_id_parse(rid, &aid, FIELD_CLUSTER_ID, &vs) ||
	    (cl = world_cluster(c->w, aid.subscription, aid.resource_group,
	    aid.name)) == NULL)
		return NULL;
	for (i = 0; i < cl->npools; i++)
		*nodes += cl->pools[i].count;
	return cl;
}

/* The resource that runs out first on a node (Kubernetes's name for it). */
static const char *
binding(const struct sb_cluster *cl, const struct vm_size *size,
    const struct deploy_resources *r)
{
	struct deploy_resources	room;
	struct k8s_version	ver;
	long			cpu = -1, mem = -1;

	aks_node_allocatable(size, k8s_version_parse(cl->version, &ver) ?
	    &ver : NULL, 0, &room);
	if (r->gpu > 0 && room.gpu / r->gpu <= 0)
		return "nvidia.com/gpu";
	if (r->cpu_m > 0)
		cpu = room.cpu_m / r->cpu_m;
	if (r->memory_mib > 0)
		mem = room.memory_mib / r->memory_mib;
	return mem >= 0 && (cpu < 0 || mem < cpu) ? "memory" : "cpu";
}

/* A stored deployment's requests: its instance type's, then its own. */
static bool
stored_requests(struct json_object *comp, struct json_object *props,
    struct deploy_resources *r)
{
	struct json_object	*x;

	r->cpu_m = r->memory_mib = r->gpu = DEPLOY_UNSET;
	if (!instance_type(comp, str(props, "instanceType"), r))
		return false;
	x = obj(obj(props, "containerResourceRequirements"),
	    "containerResourceRequests");
	if (str(x, "cpu") != NULL)
		k8s_cpu_parse(str(x, "cpu"), &r->cpu_m);
	if (str(x, "memory") != NULL)
		k8s_memory_parse(str(x, "memory"), &r->memory_mib);
	if (str(x, "gpu") != NULL)
		r->gpu = strtol(str(x, "gpu"), NULL, 10);
	return true;
}

/*
 * The instances of the other live deployments on endpoints of the same
 * compute (self, the deployment's id, left out): running ones hold their
 * room, as deploy.md 3.5 tells of a redeploy: its sku capacity, or an
 * autoscaled deployment's minimum if more.
 */
static size_t
placed_on(struct arm_ctx *c, struct json_object *comp, const char *compute,
    const char *self, struct deploy_placed *out, size_t max)
{
	struct json_object	*ds = arm_world_array(c->w, "onlineDeployments");
	struct json_object	*d, *res, *ep, *ss;
	size_t			 i, n = 0;

	for (i = 0; i < json_object_array_length(ds) && n < max; i++) {
		d = json_object_array_get_idx(ds, i);
		res = obj(d, "resource");
		if (gone(d) || same(str(res, "id"), self) ||
		    same(str(obj(res, "properties"), "provisioningState"),
		    "Failed") || (ep = endpoint_by_id(c,
		    str(d, "endpointId"))) == NULL ||
		    !same(str(obj(obj(ep, "resource"), "properties"),
		    "compute"), compute) ||
		    !stored_requests(comp, obj(res, "properties"), &out[n].req))
			continue;
		ss = obj(obj(res, "properties"), "scaleSettings");
		out[n].instances = (long)arm_jint(obj(res, "sku"), "capacity",
		    1);
		if (same(str(ss, "scaleType"), "TargetUtilization") &&
		    arm_jint(ss, "minInstances", 1) > out[n].instances)
			out[n].instances = (long)arm_jint(ss, "minInstances", 1);
		n++;
	}
	return n;
}

/*
 * The operation's error when the deployment cannot be scheduled (its
 * requests or instances do not fit the nodes), or NULL.  The outer code
 * and message are those deploy.md 3 reports; the detail is Kubernetes's
 * scheduler's own wording.
 */
static struct json_object *
unschedulable(struct arm_ctx *c, struct json_object *comp, const char *compute,
    const char *self, const struct deploy_resources *r,
    const struct deploy_scale *s)
{
	struct deploy_placed	 placed[64];
	struct sb_cluster	*cl;
	const struct vm_size	*size;
	struct verdicts		 vs;
	struct json_object	*e, *a;
	const char		*what = "cpu";
	int			 nodes;
	size_t			 i;

	if ((cl = compute_cluster(c, comp, &nodes)) == NULL || nodes < 1 ||
	    (size = vm_catalogue_find(cl->pools[0].vm_size)) == NULL)
		return NULL;
	verdicts_init(&vs);
	rules_deploy_fit_with(r, size, cl->version, nodes, 0, s, placed,
	    placed_on(c, comp, compute, self, placed, 64), &vs);
	if (!verdicts_has_errors(&vs))
		return NULL;
	for (i = 0; i < vs.n; i++)
		if (vs.v[i].field == FIELD_MEMORY_REQUEST)
			what = "memory";
		else if (vs.v[i].field == FIELD_GPU_REQUEST)
			what = "nvidia.com/gpu";
		else if (vs.v[i].msg == MSG_DEPLOY_FIT_COUNT)
			what = binding(cl, size, r);
	e = arm_err_new("KubernetesError", "Kubernetes Deployment Error");
	a = json_object_new_array();
	json_object_array_add(a, arm_err_new("Unschedulable", "0/%d nodes are "
	    "available: %d Insufficient %s.", nodes, nodes, what));
	json_object_object_add(e, "details", a);
	return e;
}

/*
 * GET .../deployments/{d}/skus: the one SKU, its capacity from 1 to what
 * the compute's nodes hold beside its other deployments (no limit for a
 * deployment without a compute).
 */
static void
deployment_skus(struct arm_ctx *c, struct sb_workspace *ws,
    struct json_object *ep, struct json_object *d)
{
	struct json_object	*res = obj(d, "resource"), *comp = NULL, *o, *x;
	struct deploy_placed	 placed[64];
	struct deploy_resources	 r;
	struct sb_cluster	*cl;
	struct k8s_version	 ver;
	const char		*cid = str(obj(obj(ep, "resource"), "properties"),
				    "compute");
	long			 i, max = 1000;
	int			 nodes;

	if (cid != NULL && (i = world_compute(c->w, ws->sub, ws->group,
	    ws->name, strrchr(cid, '/') != NULL ? strrchr(cid, '/') + 1 :
	    cid)) >= 0)
		comp = world_compute_peek(&c->w->computes[i]);
	if (comp != NULL && stored_requests(comp, obj(res, "properties"), &r) &&
	    (cl = compute_cluster(c, comp, &nodes)) != NULL && nodes > 0 &&
	    vm_catalogue_find(cl->pools[0].vm_size) != NULL)
		max = deploy_instances_fit_with(&r,
		    vm_catalogue_find(cl->pools[0].vm_size),
		    k8s_version_parse(cl->version, &ver) ? &ver : NULL, nodes, 0,
		    placed, placed_on(c, comp, cid, str(res, "id"), placed, 64));
	json_object_put(comp);
	o = json_object_new_object();
	json_object_object_add(o, "resourceType",
	    json_object_new_string(DEP_TYPE));
	x = json_object_new_object();
	json_object_object_add(x, "name", json_object_new_string("Default"));
	json_object_object_add(x, "tier", json_object_new_string("Standard"));
	json_object_object_add(o, "sku", x);
	x = json_object_new_object();
	json_object_object_add(x, "minimum", json_object_new_int(1));
	json_object_object_add(x, "maximum", json_object_new_int64(
	    max > 1000 ? 1000 : max));
	json_object_object_add(x, "default", json_object_new_int(1));
	json_object_object_add(x, "scaleType", json_object_new_string(
	    same(str(obj(obj(res, "properties"), "scaleSettings"),
	    "scaleType"), "TargetUtilization") ? "Automatic" : "Manual"));
	json_object_object_add(o, "capacity", x);
	x = json_object_new_array();
	json_object_array_add(x, o);
	list_reply(c, x);
}

/* PUT .../deployments/{d} */
/*
 * What a deployment refers to: registry references are refused on
 * Kubernetes (kubernetes-path.md E.5: the environment's message as the
 * client reported it; the model's a placeholder after the docs' "Models
 * ... from the Model Catalog and Registry aren't supported on Kubernetes
 * online endpoints."), and a workspace's model, code or environment
 * version must exist (placeholder text).  False with the 400 sent.
 */
static bool
references_ok(struct arm_ctx *c, struct json_object *p, bool k8s)
{
	const char	*ref[3], *what[3] = { "model", "code", "environment" };
	int		 i;

	ref[0] = str(p, "model");
	ref[1] = str(obj(p, "codeConfiguration"), "codeId");
	ref[2] = str(p, "environmentId");
	for (i = 0; i < 3; i++) {
		if (ref[i] == NULL)
			continue;
		if (deploy_ref_is_registry(ref[i])) {
			if (!k8s)
				continue;	/* managed endpoints take them */
			if (i == 2)
				bad_request(c, "NotSupported", "Registry "
				    "reference for environments is not "
				    "supported for K8SDeployment");
			else
				bad_request(c, "NotSupported", "A %s from a "
				    "registry is not supported on Kubernetes "
				    "online endpoints: %s", what[i], ref[i]);
			return false;
		}
		if (ref[i][0] == '/' && !arm_asset_exists(c->w, ref[i])) {
			bad_request(c, "NotFound", "The %s version %s does not "
			    "exist in the workspace.", what[i], ref[i]);
			return false;
		}
	}
	return true;
}

static void
deployment_put(struct arm_ctx *c, struct sb_workspace *ws,
    struct json_object *ep, const char *name)
{
	struct json_object	*body, *p, *d, *res, *np, *comp = NULL, *fail;
	struct deploy_resources	 r = { DEPLOY_UNSET, DEPLOY_UNSET, DEPLOY_UNSET };
	struct deploy_scale	 s;
	struct deploy_requests	 rq;
	struct deploy_probe	 live, ready;
	struct verdicts		 vs;
	struct json_object	*req, *x;
	const char		*ctype, *epid = str(obj(ep, "resource"), "id");
	const char		*cid;
	char			 id[SB_TEXT * 2], target[SB_NAME * 2];
	bool			 create, k8s;
	long			 i;

	body = json_tokener_parse(c->req->body);
	p = obj(body, "properties");
	ctype = str(p, "endpointComputeType");
	if (p == NULL || str(body, "location") == NULL || ctype == NULL) {
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid: location, properties and "
		    "properties.endpointComputeType are required.");
		goto out;
	}
	verdicts_init(&vs);
	rules_deploy_deployment_name(name, &vs);
	if (refuse_verdicts(c, &vs))
		goto out;
	cid = str(obj(obj(ep, "resource"), "properties"), "compute");
	k8s = cid != NULL;
	if (k8s != same(ctype, "Kubernetes")) {
		bad_request(c, "Invalid", "Endpoint %s takes deployments of "
		    "type %s, not %s.", str(obj(ep, "resource"), "name"),
		    k8s ? "Kubernetes" : "Managed", ctype);	/* placeholder */
		goto out;
	}
	if (k8s) {
		i = world_compute(c->w, ws->sub, ws->group, ws->name,
		    strrchr(cid, '/') != NULL ? strrchr(cid, '/') + 1 : cid);
		if (i >= 0)
			comp = world_compute_peek(&c->w->computes[i]);
	}
	if (!scale_of(c, body, p, &s) || !requests_of(c, p, &rq) ||
	    !probe_of(c, p, "livenessProbe", &live) ||
	    !probe_of(c, p, "readinessProbe", &ready))
		goto out;
	rules_deploy_scale(&s, &vs);
	rules_deploy_requests(&rq, &vs);
	rules_deploy_probe(&live, true, &vs);
	rules_deploy_probe(&ready, false, &vs);
	req = obj(obj(p, "containerResourceRequirements"),
	    "containerResourceRequests");
	if (!references_ok(c, p, k8s))
		;
	else if (k8s && !instance_type(comp, str(p, "instanceType"), &r))
		bad_request(c, "InvalidInstanceType", "Instance type %s is not "
		    "defined on the compute.", str(p, "instanceType"));
	else if ((str(req, "cpu") != NULL && !k8s_cpu_parse(str(req, "cpu"),
	    &r.cpu_m)) || (str(req, "memory") != NULL &&
	    !k8s_memory_parse(str(req, "memory"), &r.memory_mib)) ||
	    (str(req, "gpu") != NULL &&
	    (r.gpu = strtol(str(req, "gpu"), NULL, 10)) < 0))
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid: a resource request is "
		    "not a Kubernetes quantity.");
	else if (!refuse_verdicts(c, &vs))
		goto accepted;
	goto out;
accepted:
	snprintf(id, sizeof id, "%s/deployments/%s", epid, name);
	fail = k8s && comp != NULL ? unschedulable(c, comp, cid, id, &r, &s) :
	    NULL;
	d = find(c, "onlineDeployments", "endpointId", epid, name);
	if (d != NULL && tick(c, d, true))
		d = NULL;
	create = d == NULL;
	res = json_object_new_object();
	json_object_object_add(res, "id", json_object_new_string(id));
	json_object_object_add(res, "name", json_object_new_string(name));
	json_object_object_add(res, "type", json_object_new_string(DEP_TYPE));
	copy_member(res, body, "location");
	copy_member(res, body, "tags");
	copy_member(res, body, "kind");
	x = json_object_new_object();
	json_object_object_add(x, "name", json_object_new_string(
	    str(obj(body, "sku"), "name") != NULL ? str(obj(body, "sku"),
	    "name") : "Default"));
	json_object_object_add(x, "capacity", json_object_new_int64(
	    s.instances != DEPLOY_UNSET ? s.instances : 1));
	json_object_object_add(res, "sku", x);
	json_object_deep_copy(p, &np, NULL);
	if (obj(np, "scaleSettings") == NULL) {
		/* A Kubernetes deployment's default (deploy.md 1c). */
		x = json_object_new_object();
		json_object_object_add(x, "scaleType", json_object_new_string(
		    k8s ? "TargetUtilization" : "Default"));
		if (k8s) {
			json_object_object_add(x, "minInstances",
			    json_object_new_int(1));
			json_object_object_add(x, "maxInstances",
			    json_object_new_int(1));
			json_object_object_add(x, "pollingInterval",
			    json_object_new_string("PT1S"));
			json_object_object_add(x, "targetUtilizationPercentage",
			    json_object_new_int(70));
		}
		json_object_object_add(np, "scaleSettings", x);
	}
	if (k8s && str(np, "instanceType") == NULL)
		json_object_object_add(np, "instanceType",
		    json_object_new_string(DEFAULT_INSTANCE_TYPE));
	if (obj(np, "requestSettings") == NULL) {
		x = json_object_new_object();
		json_object_object_add(x, "requestTimeout",
		    json_object_new_string("PT5S"));
		json_object_object_add(x, "maxQueueWait",
		    json_object_new_string("PT0.5S"));
		json_object_object_add(x, "maxConcurrentRequestsPerInstance",
		    json_object_new_int(1));
		json_object_object_add(np, "requestSettings", x);
	}
	if (!json_object_object_get_ex(np, "appInsightsEnabled", &x))
		json_object_object_add(np, "appInsightsEnabled",
		    json_object_new_boolean(false));
	json_object_object_add(np, "provisioningState",
	    json_object_new_string(create ? "Creating" : "Updating"));
	json_object_object_add(res, "properties", np);
	arm_system_data(c, res, obj(d, "resource"));
	if (create) {
		d = json_object_new_object();
		json_object_object_add(d, "endpointId",
		    json_object_new_string(epid));
		json_object_array_add(arm_world_array(c->w,
		    "onlineDeployments"), d);
	}
	json_object_object_add(d, "resource", res);
	snprintf(target, sizeof target, "%s/%s",
	    str(obj(ep, "resource"), "name"), name);
	op_start(c, ws, d, create ? "Create" : "Update", target, fail, false);
	arm_json(c, create ? 201 : 200, render(c, d, true));
out:
	json_object_put(comp);
	json_object_put(body);
}

/* PATCH .../deployments/{d}: tags and sku (capacity: Scaling). */
static void
deployment_patch(struct arm_ctx *c, struct sb_workspace *ws,
    struct json_object *ep, struct json_object *d)
{
	struct json_object	*body = json_tokener_parse(c->req->body);
	struct json_object	*res = obj(d, "resource"), *comp = NULL;
	struct json_object	*fail = NULL;
	struct deploy_scale	 s;
	struct deploy_resources	 r = { DEPLOY_UNSET, DEPLOY_UNSET, DEPLOY_UNSET };
	struct verdicts		 vs;
	const char		*cid;
	char			 target[SB_NAME * 2];
	long			 i;

	if (body == NULL) {
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid.");
		return;
	}
	deploy_scale_init(&s);
	s.instances = (long)arm_jint(obj(body, "sku"), "capacity",
	    DEPLOY_UNSET);
	verdicts_init(&vs);
	rules_deploy_scale(&s, &vs);
	if (refuse_verdicts(c, &vs)) {
		json_object_put(body);
		return;
	}
	cid = str(obj(obj(ep, "resource"), "properties"), "compute");
	if (s.instances != DEPLOY_UNSET && cid != NULL) {
		i = world_compute(c->w, ws->sub, ws->group, ws->name,
		    strrchr(cid, '/') != NULL ? strrchr(cid, '/') + 1 : cid);
		if (i >= 0)
			comp = world_compute_peek(&c->w->computes[i]);
		if (comp != NULL && stored_requests(comp, obj(res,
		    "properties"), &r))
			fail = unschedulable(c, comp, cid, str(res, "id"), &r,
			    &s);
		json_object_put(comp);
	}
	if (s.instances != DEPLOY_UNSET)
		json_object_object_add(obj(res, "sku"), "capacity",
		    json_object_new_int64(s.instances));
	copy_member(res, body, "tags");
	set_state(d, s.instances != DEPLOY_UNSET ? "Scaling" : "Updating");
	json_object_put(body);
	snprintf(target, sizeof target, "%s/%s",
	    str(obj(ep, "resource"), "name"), str(res, "name"));
	op_start(c, ws, d, "Update", target, fail, true);
	arm_json(c, 202, NULL);
}

#define LOG_REQUESTS	40	/* scoring requests a deployment's log keeps */

/* POST .../deployments/{d}/getLogs */
static void
deployment_logs(struct arm_ctx *c, struct json_object *d)
{
	static const char *const server[] = {
		"Azure ML Inferencing HTTP server v1.3.0",
		"Server Settings",
		"---------------",
		"Entry Script Name: /var/azureml-app/onlinescoring/score.py",
		"Model Directory: /var/azureml-app/azureml-models",
		"Worker Count: 1",
		"Worker Timeout (seconds): 300",
		"Server Port: 31311",
		"Application Insights Enabled: false",
		"Initializing logger",
		"Starting up app insights client",
		"Found user script at /var/azureml-app/onlinescoring/score.py",
		("run() is not decorated. Server will invoke it with the input "
		    "in JSON string."),
		"Invoking user's init function",
		"Users's init has completed successfully",
		"Scoring timeout is set to 5000",
		"Swagger file not present",
		"Booting worker with pid: 42",
	};
	static const char *const crashed[] = {
		"Azure ML Inferencing HTTP server v1.3.0",
		"Found user script at /var/azureml-app/onlinescoring/score.py",
		"Invoking user's init function",
		"Traceback (most recent call last):",
		("  File \"/var/azureml-app/onlinescoring/score.py\", line 12, "
		    "in init"),
		"    model = joblib.load(model_path)",
	};
	static const char *const storage[] = {
		"Downloading model to /var/azureml-app/azureml-models",
		"Model download completed",
		"Downloading code to /var/azureml-app/onlinescoring",
		"Code download completed",
	};
	struct json_object	*body = json_tokener_parse(c->req->body), *o;
	const char *const	*lines = server;
	const char		*ct = str(body, "containerType");
	size_t			 n = sizeof server / sizeof server[0], i;
	int64_t			 tail = arm_jint(body, "tail", -1);
	char			 text[4096];
	size_t			 len = 0;
	struct json_object	*fail;
	const char		*crash = NULL;
	const char		**all;
	char			 reqs[LOG_REQUESTS][64];
	int64_t			 scored, m, k;

	if (ct != NULL && same(ct, "StorageInitializer")) {
		lines = storage;
		n = sizeof storage / sizeof storage[0];
	} else if (ct != NULL && !same(ct, "InferenceServer")) {
		json_object_put(body);
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid: containerType must be "
		    "InferenceServer or StorageInitializer.");
		return;
	}
	json_object_put(body);
	fail = obj(obj(d, "op"), "fail");
	if (same(str(obj(obj(d, "resource"), "properties"),
	    "provisioningState"), "Failed") && lines == server) {
		if (fail == NULL || same(str(fail, "code"), "KubernetesError"))
			n = 0;	/* never scheduled: no container, no log */
		else {
			/* It ran and crashed in init(): score.py's traceback. */
			lines = crashed;
			n = sizeof crashed / sizeof crashed[0];
			crash = str(fail, "message");
		}
	}
	/*
	 * A running server logs each scoring request after its start-up
	 * lines (the last LOG_REQUESTS of them kept): the log grows.
	 * Placeholder wording after azureml-inference-server-http's access
	 * lines, without the time; the number is the request's.
	 */
	all = xcalloc(n + LOG_REQUESTS, sizeof *all);
	for (i = 0; i < n; i++)
		all[i] = lines[i];
	scored = lines == server ? arm_jint(d, "scored", 0) : 0;
	m = scored < LOG_REQUESTS ? scored : LOG_REQUESTS;
	for (k = 0; k < m; k++) {
		snprintf(reqs[k], sizeof reqs[0], "I [42] azmlinfsrv - POST "
		    "/score 200 request %lld", (long long)(scored - m + k + 1));
		all[n++] = reqs[k];
	}
	text[0] = '\0';
	for (i = tail >= 0 && (size_t)tail < n ? n - (size_t)tail : 0; i < n;
	    i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "%s\n",
		    all[i]);
	free(all);
	if (crash != NULL && len < sizeof text)
		snprintf(text + len, sizeof text - len, "%s\n", crash);
	o = json_object_new_object();
	json_object_object_add(o, "content", json_object_new_string(text));
	arm_json(c, 200, o);
}

/* Keep an issued token (the last TOKENS_KEPT) with its expiry, for scoring. */
static void
keep_token(struct arm_ctx *c, struct json_object *e, const char *token)
{
	struct json_object	*a, *t;

	if ((a = json_object_object_get(e, "tokens")) == NULL ||
	    !json_object_is_type(a, json_type_array)) {
		a = json_object_new_array();
		json_object_object_add(e, "tokens", a);
	}
	while (json_object_array_length(a) >= TOKENS_KEPT)
		json_object_array_del_idx(a, 0, 1);
	t = json_object_new_object();
	json_object_object_add(t, "token", json_object_new_string(token));
	json_object_object_add(t, "expiry", json_object_new_int64(
	    (int64_t)(c->now_ms / 1000) + TOKEN_EXPIRY_S));
	json_object_array_add(a, t);
	c->w->dirty = true;
}

/* POST .../onlineEndpoints/{e}/listKeys | regenerateKeys | token */
static void
endpoint_action(struct arm_ctx *c, struct sb_workspace *ws,
    struct json_object *e, const char *action)
{
	struct json_object	*res = obj(e, "resource"), *o, *body;
	const char		*mode = str(obj(res, "properties"), "authMode");
	const char		*kt, *member;
	char			 text[48];

	if (same(action, "listKeys")) {
		if (!same(mode, "Key")) {
			bad_request(c, "Invalid", "Keys exist only for "
			    "endpoints whose authMode is Key.");	/* placeholder */
			return;
		}
		o = json_object_new_object();
		copy_member(o, obj(e, "keys"), "primaryKey");
		copy_member(o, obj(e, "keys"), "secondaryKey");
		arm_json(c, 200, o);
	} else if (same(action, "regenerateKeys")) {
		body = json_tokener_parse(c->req->body);
		kt = str(body, "keyType");
		if (kt == NULL || (!same(kt, "Primary") &&
		    !same(kt, "Secondary")) || !same(mode, "Key")) {
			json_object_put(body);
			bad_request(c, "Invalid", "keyType must be Primary or "
			    "Secondary, on an endpoint whose authMode is Key.");
			return;	/* placeholder */
		}
		member = same(kt, "Primary") ? "primaryKey" : "secondaryKey";
		if (str(body, "keyValue") != NULL)
			snprintf(text, sizeof text, "%.40s",
			    str(body, "keyValue"));
		else
			random_text(text, 32);
		json_object_object_add(obj(e, "keys"), member,
		    json_object_new_string(text));
		json_object_put(body);
		op_start(c, ws, e, "RegenerateKeys", str(res, "name"), NULL,
		    true);
		arm_json(c, 202, NULL);
	} else {
		if (!same(mode, "AMLToken")) {
			bad_request(c, "Invalid", "Tokens exist only for "
			    "endpoints whose authMode is AMLToken.");
			return;	/* placeholder */
		}
		o = json_object_new_object();
		random_text(text, 40);
		keep_token(c, e, text);
		json_object_object_add(o, "accessToken",
		    json_object_new_string(text));
		json_object_object_add(o, "tokenType",
		    json_object_new_string("Bearer"));
		json_object_object_add(o, "expiryTimeUtc", json_object_new_int64(
		    (int64_t)(c->now_ms / 1000) + TOKEN_EXPIRY_S));
		json_object_object_add(o, "refreshAfterTimeUtc",
		    json_object_new_int64((int64_t)(c->now_ms / 1000) +
		    TOKEN_REFRESH_S));
		arm_json(c, 200, o);
	}
}

/* DELETE of an entry: 204 when there is none, else 202 and an operation. */
static void
delete_entry(struct arm_ctx *c, struct sb_workspace *ws, struct json_object *e,
    const char *target)
{
	if (e == NULL) {
		c->resp->status = 204;
		return;
	}
	set_state(e, "Deleting");
	op_start(c, ws, e, "Delete", target, NULL, true);
	c->resp->status = 202;
}

/* .../workspaces/{ws}/onlineEndpoints... */
void
arm_endpoints(struct arm_ctx *c, struct sb_workspace *ws)
{
	const char		*m = c->req->method;
	struct json_object	*a, *e, *d, *list;
	char			 wsid[SB_TEXT], epid[SB_TEXT * 2];
	char			 target[SB_NAME * 2];
	size_t			 i;

	snprintf(wsid, sizeof wsid, "/subscriptions/%s/resourceGroups/%s/"
	    "providers/Microsoft.MachineLearningServices/workspaces/%s",
	    ws->sub, ws->group, ws->name);
	tick_all(c, "onlineEndpoints", false);
	tick_all(c, "onlineDeployments", true);
	if (c->nseg == 3) {
		if (strcmp(m, "GET") != 0)
			goto method;
		a = arm_world_array(c->w, "onlineEndpoints");
		list = json_object_new_array();
		for (i = 0; i < json_object_array_length(a); i++) {
			e = json_object_array_get_idx(a, i);
			if (!gone(e) && same(str(e, "workspaceId"), wsid))
				json_object_array_add(list, render(c, e, false));
		}
		list_reply(c, list);
		return;
	}
	if (c->nseg == 4 && strcmp(m, "PUT") == 0) {
		endpoint_put(c, ws, wsid, c->seg[3]);
		return;
	}
	e = find(c, "onlineEndpoints", "workspaceId", wsid, c->seg[3]);
	if (c->nseg == 4 && strcmp(m, "DELETE") == 0) {
		delete_entry(c, ws, e, c->seg[3]);
		return;
	}
	if (e == NULL) {
		arm_not_found(c, EP_TYPE, c->seg[3]);
		return;
	}
	snprintf(epid, sizeof epid, "%s", str(obj(e, "resource"), "id"));
	if (c->nseg == 4) {
		if (strcmp(m, "GET") == 0 && seen(c, e, false))
			arm_not_found(c, EP_TYPE, c->seg[3]);
		else if (strcmp(m, "GET") == 0)
			arm_json(c, 200, render(c, e, false));
		else if (strcmp(m, "PATCH") == 0)
			endpoint_patch(c, ws, e);
		else
			goto method;
		return;
	}
	if (c->nseg == 5 && (same(c->seg[4], "listKeys") ||
	    same(c->seg[4], "regenerateKeys") || same(c->seg[4], "token"))) {
		if (strcmp(m, "POST") != 0)
			goto method;
		endpoint_action(c, ws, e, c->seg[4]);
		return;
	}
	if (!same(c->seg[4], "deployments"))
		goto notfound;
	if (c->nseg == 5) {
		if (strcmp(m, "GET") != 0)
			goto method;
		a = arm_world_array(c->w, "onlineDeployments");
		list = json_object_new_array();
		for (i = 0; i < json_object_array_length(a); i++) {
			d = json_object_array_get_idx(a, i);
			if (!gone(d) && same(str(d, "endpointId"), epid))
				json_object_array_add(list, render(c, d, true));
		}
		list_reply(c, list);
		return;
	}
	if (c->nseg == 6 && strcmp(m, "PUT") == 0) {
		deployment_put(c, ws, e, c->seg[5]);
		return;
	}
	d = find(c, "onlineDeployments", "endpointId", epid, c->seg[5]);
	snprintf(target, sizeof target, "%s/%s", c->seg[3], c->seg[5]);
	if (c->nseg == 6 && strcmp(m, "DELETE") == 0) {
		delete_entry(c, ws, d, target);
		return;
	}
	if (d == NULL) {
		arm_not_found(c, DEP_TYPE, c->seg[5]);
		return;
	}
	if (c->nseg == 6) {
		if (strcmp(m, "GET") == 0 && seen(c, d, true))
			arm_not_found(c, DEP_TYPE, c->seg[5]);
		else if (strcmp(m, "GET") == 0)
			arm_json(c, 200, render(c, d, true));
		else if (strcmp(m, "PATCH") == 0)
			deployment_patch(c, ws, e, d);
		else
			goto method;
		return;
	}
	if (c->nseg == 7 && same(c->seg[6], "skus")) {
		if (strcmp(m, "GET") != 0)
			goto method;
		deployment_skus(c, ws, e, d);
		return;
	}
	if (c->nseg == 7 && same(c->seg[6], "getLogs")) {
		if (strcmp(m, "POST") != 0)
			goto method;
		deployment_logs(c, d);
		return;
	}
notfound:
	sb_resp_no_resource_type(c->resp, c->req);
	return;
method:
	sb_resp_method_not_allowed(c->resp, c->req);
}

/* The entry (live or deleted) whose last operation is id. */
static struct json_object *
op_entry(struct arm_ctx *c, const char *id, bool *deployment)
{
	static const char *const arrays[] = { "onlineEndpoints",
	    "onlineDeployments" };
	struct json_object	*a, *e;
	size_t			 i, k;

	for (k = 0; k < 2; k++) {
		a = arm_world_array(c->w, arrays[k]);
		for (i = 0; i < json_object_array_length(a); i++) {
			e = json_object_array_get_idx(a, i);
			if (same(str(obj(e, "op"), "id"), id)) {
				*deployment = k == 1;
				return e;
			}
		}
	}
	return NULL;
}

/* .../locations/{l}/mfeOperationsStatus|mfeOperationResults/{id} */
void
arm_mfe_operation(struct arm_ctx *c, const char *id, bool result)
{
	struct json_object	*e, *op;
	const char		*status;
	bool			 dep = false;

	if (strcmp(c->req->method, "GET") != 0) {
		sb_resp_method_not_allowed(c->resp, c->req);
		return;
	}
	if ((e = op_entry(c, id, &dep)) == NULL) {
		sb_resp_arm_error(c->resp, 404, "NotFound", "Operation %.64s "
		    "was not found.", id);
		return;
	}
	op = obj(e, "op");
	arm_op_polled(c, op);
	tick(c, e, dep);
	status = str(op, "status") != NULL ? str(op, "status") : "InProgress";
	if (result) {
		if (strcmp(status, "InProgress") == 0) {
			/* The operation's own URL again, api-version and
			 * all, as the 202 that started it gave it. */
			sb_resp_header(c->resp, "Location",
			    "%s%s?api-version=%s", c->sb->endpoint,
			    c->req->path, c->api);
			sb_resp_header(c->resp, "Retry-After", "%d",
			    c->w->settings.retry_after);
			c->resp->status = 202;
		} else if (strcmp(status, "Failed") == 0)
			arm_error_obj(c, 400, json_object_get(obj(op, "fail")));
		else if (same(str(op, "kind"), "Update") && !gone(e))
			arm_json(c, 200, render(c, e, dep));
		else
			c->resp->status = 204;
		return;
	}
	arm_json(c, 200, arm_op_document(op, id, c->req->path));
}

/* Whether the bearer credential is a key or live token of the endpoint. */
static bool
score_auth(struct arm_ctx *c, struct json_object *e)
{
	const char		*h = sb_req_header(c->req, "Authorization");
	const char		*mode = str(obj(obj(e, "resource"), "properties"),
				    "authMode");
	struct json_object	*a, *t;
	size_t			 i;

	if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0 || h[7] == '\0')
		return false;
	h += 7;
	if (same(mode, "Key"))
		return (str(obj(e, "keys"), "primaryKey") != NULL &&
		    strcmp(h, str(obj(e, "keys"), "primaryKey")) == 0) ||
		    (str(obj(e, "keys"), "secondaryKey") != NULL &&
		    strcmp(h, str(obj(e, "keys"), "secondaryKey")) == 0);
	a = json_object_object_get(e, "tokens");
	for (i = 0; a != NULL && json_object_is_type(a, json_type_array) &&
	    i < json_object_array_length(a); i++) {
		t = json_object_array_get_idx(a, i);
		if (str(t, "token") != NULL && strcmp(h, str(t, "token")) == 0)
			return arm_jint(t, "expiry", 0) >
			    (int64_t)(c->now_ms / 1000);
	}
	return false;
}

/* The endpoint's Succeeded deployment named d, or NULL. */
static struct json_object *
live_deployment(struct arm_ctx *c, const char *epid, const char *d)
{
	struct json_object *x = find(c, "onlineDeployments", "endpointId", epid,
	    d);

	return x != NULL && same(str(obj(obj(x, "resource"), "properties"),
	    "provisioningState"), "Succeeded") ? x : NULL;
}

/*
 * The deployment traffic sends request seq to: the weights cut 0-99 into
 * runs in the order the endpoint lists them, seq % 100 picks one.
 */
static const char *
by_traffic(struct arm_ctx *c, struct json_object *e, uint64_t seq)
{
	struct json_object	*t = obj(obj(obj(e, "resource"), "properties"),
				    "traffic");
	const char		*epid = str(obj(e, "resource"), "id");
	int64_t			 at = (int64_t)(seq % 100), sum = 0, w;

	if (t == NULL)
		return NULL;
	json_object_object_foreach(t, k, v) {
		w = json_object_get_int64(v);
		if (w <= 0 || live_deployment(c, epid, k) == NULL)
			continue;
		sum += w;
		if (at < sum)
			return k;
	}
	/* Weights of deployments not (yet) live: the first live one. */
	json_object_object_foreach(t, k2, v2)
		if (json_object_get_int64(v2) > 0 &&
		    live_deployment(c, epid, k2) != NULL)
			return k2;
	return NULL;
}

/*
 * The load the faults put on deployment d of endpoint ename ("score:E/D=
 * busy:N", "slow:MS"): false, and resp filled, when the request is refused.
 * Capacity is maxConcurrentRequestsPerInstance x instances; a request past
 * it waits in the queue until the in-flight ones end (their slow time,
 * forever without one) and, past maxQueueWait, gets 503.  One that the
 * model takes longer than requestTimeout over gets 504.  Nothing sleeps.
 */
static bool
score_load(struct arm_ctx *c, const char *ename, struct json_object *d)
{
	struct json_object	*res = obj(d, "resource");
	struct deploy_requests	 r;
	char			 target[2 * SB_NAME + 2];
	long			 slow, busy, cap;

	snprintf(target, sizeof target, "%s/%s", ename, str(res, "name"));
	faults_score_load(c->sb->faults, target, &slow, &busy);
	if (slow < 0 && busy < 0)
		return true;
	if (!requests_of(c, obj(res, "properties"), &r))
		return false;
	if (r.timeout_ms == DEPLOY_UNSET)
		r.timeout_ms = 5000;
	if (r.max_queue_wait_ms == DEPLOY_UNSET)
		r.max_queue_wait_ms = 500;
	if (r.max_concurrent == DEPLOY_UNSET)
		r.max_concurrent = 1;
	cap = r.max_concurrent * (long)arm_jint(obj(res, "sku"), "capacity",
	    1);
	if (busy >= 0 && busy >= cap && (slow < 0 ||
	    slow > r.max_queue_wait_ms)) {
		/*
		 * The inference router's text from MicrosoftDocs/azure-docs
		 * #68044 (deploy.md 4.10), in plain text as it sends it.
		 */
		c->resp->content_type = "text/plain; charset=utf-8";
		buf_reset(&c->resp->body);
		buf_adds(&c->resp->body, "Too many requests for service ");
		buf_adds(&c->resp->body, str(res, "name"));
		buf_adds(&c->resp->body, " (overloaded)");
		c->resp->status = 503;
		return false;
	}
	if (slow > r.timeout_ms) {
		/*
		 * Placeholder: the router's proxy (Envoy) answers a timeout
		 * with "upstream request timeout" (MicrosoftDocs/azure-docs
		 * #94105, as 408 on a managed endpoint); the status of a
		 * Kubernetes endpoint's timeout is 504 per deploy.md.
		 */
		c->resp->content_type = "text/plain; charset=utf-8";
		buf_reset(&c->resp->body);
		buf_adds(&c->resp->body, "upstream request timeout");
		c->resp->status = 504;
		return false;
	}
	return true;
}

/*
 * POST {endpoint}/api/v1/endpoint/{e}/score: the scoring data plane of
 * an endpoint, on the sandbox's own host.  Key or token in "Authorization:
 * Bearer" (401 without), the deployment from the azureml-model-deployment
 * header or the traffic; a deterministic answer naming the model and the
 * deployment that served it.
 */
bool
score_route(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	struct arm_ctx		 c;
	struct json_object	*a, *e = NULL, *d, *o, *in;
	const char		*path = req->path != NULL ? req->path : "";
	const char		*hdr, *dn, *epid;
	char			 name[SB_NAME];
	size_t			 i, n;

	if (strncmp(path, SCORE_PREFIX, strlen(SCORE_PREFIX)) != 0)
		return false;
	path += strlen(SCORE_PREFIX);
	n = strcspn(path, "/");
	if (n == 0 || n >= sizeof name || strcmp(path + n, "/score") != 0)
		return false;
	memcpy(name, path, n);
	name[n] = '\0';
	arm_ctx_init(&c, sb, req, resp);
	tick_all(&c, "onlineEndpoints", false);
	tick_all(&c, "onlineDeployments", true);
	a = arm_world_array(c.w, "onlineEndpoints");
	for (i = 0; i < json_object_array_length(a) && e == NULL; i++)
		if (!gone(json_object_array_get_idx(a, i)) &&
		    same(str(obj(json_object_array_get_idx(a, i), "resource"),
		    "name"), name))
			e = json_object_array_get_idx(a, i);
	if (e == NULL) {
		sb_resp_arm_error(resp, 404, "NotFound", "Endpoint %s was not "
		    "found.", name);	/* placeholder */
		return true;
	}
	if (strcmp(req->method, "POST") != 0) {
		sb_resp_method_not_allowed(resp, req);
		return true;
	}
	if (!score_auth(&c, e)) {
		sb_resp_header(resp, "WWW-Authenticate", "Bearer");
		sb_resp_arm_error(resp, 401, "Unauthorized", "Unauthorized, "
		    "no valid key or token in the Authorization header.");
		return true;	/* placeholder text */
	}
	epid = str(obj(e, "resource"), "id");
	hdr = sb_req_header(req, "azureml-model-deployment");
	if (hdr != NULL && *hdr != '\0')
		dn = live_deployment(&c, epid, hdr) != NULL ? hdr : NULL;
	else
		dn = by_traffic(&c, e, req->seq);
	if (dn == NULL) {
		sb_resp_arm_error(resp, 404, "NotFound", "%s", NO_DEPLOYMENTS);
		return true;
	}
	d = live_deployment(&c, epid, dn);
	if (!score_load(&c, name, d))
		return true;
	o = json_object_new_object();
	json_object_object_add(o, "endpoint", json_object_new_string(name));
	json_object_object_add(o, "deployment", json_object_new_string(
	    str(obj(d, "resource"), "name")));
	json_object_object_add(o, "model", str(obj(obj(d, "resource"),
	    "properties"), "model") != NULL ? json_object_new_string(
	    str(obj(obj(d, "resource"), "properties"), "model")) : NULL);
	in = json_tokener_parse(req->body);
	json_object_object_add(o, "input", in);
	json_object_object_add(o, "inputBytes",
	    json_object_new_int64((int64_t)req->body_len));
	sb_resp_header(resp, "azureml-model-deployment", "%s",
	    str(obj(d, "resource"), "name"));
	sb_resp_json(resp, 200, o);
	json_object_object_add(d, "scored",
	    json_object_new_int64(arm_jint(d, "scored", 0) + 1));
	c.w->dirty = true;
	return true;
}
