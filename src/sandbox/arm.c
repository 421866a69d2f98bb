/*
 * Resource Manager in the sandbox: routing (paths compared
 * case-insensitively, as ARM does), the bearer check, api-version per
 * resource type (data/api-versions.tsv; missing or unknown: ARM's 400s,
 * listing the supported versions), subscription and group lookup (404 SubscriptionNotFound,
 * ResourceGroupNotFound), the headers ARM adds to every answer, and the
 * small read-only resources: subscriptions, resource groups, locations,
 * ML workspaces.
 *
 * The order follows ARM: authentication first, then the route and its
 * api-version, then the subscription and group, then the provider.
 */
#include "config.h"

#include "sandbox/arm.h"
#include "sandbox/apiversions.h"
#include "sandbox/blob.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <openssl/rand.h>

#include "common/clock.h"
#include "common/xalloc.h"

/* The table keys (data/api-versions.tsv) of the routes' api-versions. */
#define V_SUBS		"Microsoft.Resources/subscriptions"
#define V_GROUPS	"Microsoft.Resources/resourceGroups"
#define V_ML		"Microsoft.MachineLearningServices/workspaces"
#define V_AKS		"Microsoft.ContainerService/managedClusters"
#define V_AKS_VERSIONS	"Microsoft.ContainerService/locations/kubernetesVersions"
#define V_ORCH		"Microsoft.ContainerService/locations/orchestrators"
#define V_COMPUTE	"Microsoft.Compute/locations"
#define V_SKUS		"Microsoft.Compute/skus"
#define V_PROVIDERS	"Microsoft.Resources/providers"
#define V_EXT		"Microsoft.KubernetesConfiguration/extensions"
#define V_ENDPOINTS	"Microsoft.MachineLearningServices/workspaces/onlineEndpoints"

enum route {
	R_NONE,
	R_SUBS, R_SUB, R_GROUPS, R_GROUP, R_LOCATIONS,
	R_WS_LIST, R_WS, R_COMPUTES,
	R_ML_OP, R_ML_OP_RESULT, R_ML_LOCATION,
	R_CLUSTERS, R_AKS_VERSIONS, R_AKS_ORCH,
	R_COMPUTE_LOCATION, R_SKUS,
	R_PROVIDER, R_PROVIDER_REGISTER, R_EXTENSIONS, R_AKS_OP,
	R_ENDPOINTS, R_MFE_OP, R_MFE_OP_RESULT, R_ASSETS
};

/* Whether the api-version is one of the old (2020-era) ML shapes. */
bool
arm_ml_old(const char *api)
{
	return apiv_era(V_ML, api, "2020");
}

/* Whether the api-version is one of the 2020-era AKS shapes. */
bool
arm_aks_old(const char *api)
{
	return apiv_era(V_AKS, api, "2020");
}

/* Answer status with o (taken) as the body. */
void
arm_json(struct arm_ctx *c, int status, struct json_object *o)
{
	buf_reset(&c->resp->body);
	if (o != NULL &&
	    !buf_adds(&c->resp->body, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE))) {
		buf_reset(&c->resp->body);
		status = 500;
	}
	c->resp->status = status;
	json_object_put(o);
}

/* Answer status with {"error": e} (e taken). */
void
arm_error_obj(struct arm_ctx *c, int status, struct json_object *e)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "error", e);
	arm_json(c, status, o);
}

/* A new {"code","message"} error object. */
struct json_object *
arm_err_new(const char *code, const char *fmt, ...)
{
	struct json_object *e = json_object_new_object();
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	json_object_object_add(e, "code", json_object_new_string(code));
	json_object_object_add(e, "message",
	    json_object_new_string(msg != NULL ? msg : code));
	free(msg);
	return e;
}

/* ARM's 404 ResourceNotFound for a resource in the group. */
void
arm_not_found(struct arm_ctx *c, const char *type, const char *name)
{
	sb_resp_arm_error(c->resp, 404, "ResourceNotFound",
	    "The Resource '%s/%s' under resource group '%s' was not found. "
	    "For more details please go to "
	    "https://aka.ms/ARMResourceNotFoundFix", type, name,
	    c->group != NULL ? c->group->name : "");
}

/* An absolute URL on the sandbox's endpoint. */
void
arm_url(struct arm_ctx *c, char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	n = (size_t)snprintf(buf, len, "%s", c->sb->endpoint);
	if (n >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + n, len - n, fmt, ap);
	va_end(ap);
}

/* A random version-4 GUID, for request ids. */
static void
guid(char *buf, size_t len)
{
	unsigned char b[16];

	if (RAND_bytes(b, sizeof b) != 1)
		memset(b, 0x5a, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(buf, len, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5],
	    b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* The headers ARM puts on every answer. */
static void
arm_headers(struct arm_ctx *c)
{
	const char *v;
	char id[40];

	guid(id, sizeof id);
	sb_resp_header(c->resp, "x-ms-request-id", "%s", id);
	sb_resp_header(c->resp, "x-ms-routing-request-id",
	    "EASTUS:20261123T000000Z:%s", id);
	v = sb_req_header(c->req, "x-ms-correlation-request-id");
	sb_resp_header(c->resp, "x-ms-correlation-request-id", "%s",
	    v != NULL && strlen(v) < 128 ? v : id);
	v = sb_req_header(c->req, "x-ms-client-request-id");
	if (v != NULL && strlen(v) < 256)
		sb_resp_header(c->resp, "x-ms-client-request-id", "%s", v);
}

/* The decrementing x-ms-ratelimit-remaining-subscription-* header. */
static void
rate_headers(struct arm_ctx *c)
{
	const char *m = c->req->method;

	if (strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0) {
		if (c->w->reads > 0)
			c->w->reads--;
		sb_resp_header(c->resp,
		    "x-ms-ratelimit-remaining-subscription-reads", "%ld",
		    c->w->reads);
	} else if (strcmp(m, "DELETE") == 0) {
		if (c->w->deletes > 0)
			c->w->deletes--;
		sb_resp_header(c->resp,
		    "x-ms-ratelimit-remaining-subscription-deletes", "%ld",
		    c->w->deletes);
	} else {
		if (c->w->writes > 0)
			c->w->writes--;
		sb_resp_header(c->resp,
		    "x-ms-ratelimit-remaining-subscription-writes", "%ld",
		    c->w->writes);
	}
}

static bool
eq(const char *a, const char *b)
{
	return a != NULL && strcasecmp(a, b) == 0;
}

/*
 * Check api-version against the versions of the table's type vtype
 * (type is what the error names); false with the 400 sent.
 */
static bool
check_api(struct arm_ctx *c, const char *vtype, const char *type)
{
	const char *v = sb_req_query(c->req, "api-version");
	const struct sb_api_version *e;
	char list[4096];

	if (v == NULL || *v == '\0') {
		sb_resp_arm_error(c->resp, 400, "MissingApiVersionParameter",
		    "The api-version query parameter (?api-version=) is "
		    "required for all requests.");
		return false;
	}
	if ((e = apiv_find(vtype, v)) != NULL) {
		c->api = e->version;
		return true;
	}
	apiv_list(vtype, list, sizeof list);
	sb_resp_arm_error(c->resp, 400, "InvalidApiVersionParameter",
	    "The api-version '%.64s' is invalid. The supported versions are "
	    "'%s' for resource type '%s'.", v, list, type);
	return false;
}

/* A subscription as Microsoft.Resources shows it. */
static struct json_object *
sub_json(struct arm_ctx *c, const struct sb_subscription *s)
{
	/* Before 2019-06-01: no tenantId, managedByTenants or tags. */
	bool old = apiv_era(V_SUBS, c->api, "2016");
	struct json_object *o = json_object_new_object();
	struct json_object *p = json_object_new_object();
	struct json_object *m = json_object_new_array();
	struct json_object *t = json_object_new_object();
	char id[SB_TEXT];

	snprintf(id, sizeof id, "/subscriptions/%s", s->id);
	json_object_object_add(o, "id", json_object_new_string(id));
	json_object_object_add(o, "authorizationSource",
	    json_object_new_string("RoleBased"));
	if (!old)
		json_object_object_add(o, "managedByTenants", m);
	else
		json_object_put(m);
	json_object_object_add(o, "subscriptionId",
	    json_object_new_string(s->id));
	if (!old)
		json_object_object_add(o, "tenantId",
		    json_object_new_string(c->w->tenant));
	json_object_object_add(o, "displayName",
	    json_object_new_string(s->display));
	json_object_object_add(o, "state", json_object_new_string(s->state));
	json_object_object_add(p, "locationPlacementId",
	    json_object_new_string("Public_2014-09-01"));
	json_object_object_add(p, "quotaId",
	    json_object_new_string(s->quota_id));
	json_object_object_add(p, "spendingLimit",
	    json_object_new_string("Off"));
	json_object_object_add(o, "subscriptionPolicies", p);
	if (!old)
		json_object_object_add(o, "tags", t);
	else
		json_object_put(t);
	return o;
}

/* A resource group as Microsoft.Resources shows it. */
static struct json_object *
group_json(const struct sb_subscription *s, const struct sb_group *g)
{
	struct json_object *o = json_object_new_object();
	struct json_object *p = json_object_new_object();
	char id[SB_TEXT];

	snprintf(id, sizeof id, "/subscriptions/%s/resourceGroups/%s", s->id,
	    g->name);
	json_object_object_add(o, "id", json_object_new_string(id));
	json_object_object_add(o, "name", json_object_new_string(g->name));
	json_object_object_add(o, "type",
	    json_object_new_string("Microsoft.Resources/resourceGroups"));
	json_object_object_add(o, "location",
	    json_object_new_string(g->location));
	json_object_object_add(p, "provisioningState",
	    json_object_new_string("Succeeded"));
	json_object_object_add(o, "properties", p);
	json_object_object_add(o, "tags", json_object_new_object());
	return o;
}

/* An ML workspace as the ML service shows it. */
static struct json_object *
ws_json(struct arm_ctx *c, const struct sb_workspace *ws)
{
	struct json_object *o = json_object_new_object();
	struct json_object *p = json_object_new_object();
	struct json_object *k = json_object_new_object();
	char id[SB_TEXT], base[SB_TEXT], buf[SB_TEXT * 2], acct[32];

	snprintf(id, sizeof id, "/subscriptions/%s/resourceGroups/%s/"
	    "providers/Microsoft.MachineLearningServices/workspaces/%s",
	    ws->sub, ws->group, ws->name);
	snprintf(base, sizeof base, "/subscriptions/%s/resourceGroups/%s/"
	    "providers", ws->sub, ws->group);
	json_object_object_add(o, "id", json_object_new_string(id));
	json_object_object_add(o, "name", json_object_new_string(ws->name));
	json_object_object_add(o, "type", json_object_new_string(
	    "Microsoft.MachineLearningServices/workspaces"));
	json_object_object_add(o, "location",
	    json_object_new_string(ws->location));
	json_object_object_add(o, "tags", json_object_new_object());
	json_object_object_add(k, "name", json_object_new_string("Basic"));
	json_object_object_add(k, "tier", json_object_new_string("Basic"));
	json_object_object_add(o, "sku", k);
	k = json_object_new_object();
	json_object_object_add(k, "type",
	    json_object_new_string("SystemAssigned"));
	json_object_object_add(k, "tenantId",
	    json_object_new_string(c->w->tenant));
	json_object_object_add(o, "identity", k);
	if (!arm_ml_old(c->api))
		json_object_object_add(o, "kind",
		    json_object_new_string("Default"));
	json_object_object_add(p, "friendlyName",
	    json_object_new_string(ws->friendly));
	json_object_object_add(p, "description", json_object_new_string(""));
	json_object_object_add(p, "provisioningState",
	    json_object_new_string("Succeeded"));
	json_object_object_add(p, "workspaceId",
	    json_object_new_string(ws->workspace_id));
	/* Azure: https://{location}.api.azureml.ms/discovery; here the
	 * sandbox serves it under its ML API's name (arm-registry.c). */
	registry_api_base(c->sb, buf, sizeof buf - 16);
	strcat(buf, "/discovery");
	json_object_object_add(p, "discoveryUrl", json_object_new_string(buf));
	blob_account_name(ws->name, acct, sizeof acct);
	snprintf(buf, sizeof buf, "%s/Microsoft.Storage/storageAccounts/%s",
	    base, acct);
	json_object_object_add(p, "storageAccount",
	    json_object_new_string(buf));
	snprintf(buf, sizeof buf, "%s/Microsoft.KeyVault/vaults/%.20s-kv",
	    base, ws->name);
	json_object_object_add(p, "keyVault", json_object_new_string(buf));
	snprintf(buf, sizeof buf, "%s/Microsoft.insights/components/%.20s-ai",
	    base, ws->name);
	json_object_object_add(p, "applicationInsights",
	    json_object_new_string(buf));
	json_object_object_add(p, "hbiWorkspace",
	    json_object_new_boolean(false));
	json_object_object_add(o, "properties", p);
	return o;
}

/* Answer {"value": value} (taken). */
static void
list_reply(struct arm_ctx *c, struct json_object *value)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "value", value);
	arm_json(c, 200, o);
}

/* Subscriptions, groups and locations. */
static void
serve_subs(struct arm_ctx *c, enum route r)
{
	struct json_object *a;
	size_t i;

	switch (r) {
	case R_SUBS:
		a = json_object_new_array();
		for (i = 0; i < c->w->nsubs; i++)
			json_object_array_add(a, sub_json(c, &c->w->subs[i]));
		list_reply(c, a);
		break;
	case R_SUB:
		arm_json(c, 200, sub_json(c, c->sub));
		break;
	case R_GROUPS:
		a = json_object_new_array();
		for (i = 0; i < c->sub->ngroups; i++)
			json_object_array_add(a, group_json(c->sub,
			    &c->sub->groups[i]));
		list_reply(c, a);
		break;
	case R_GROUP:
		arm_json(c, 200, group_json(c->sub, c->group));
		break;
	case R_LOCATIONS:
		a = json_object_new_array();
		for (i = 0; i < c->w->nlocs; i++) {
			struct json_object *l = json_object_new_object();
			char id[SB_TEXT];

			snprintf(id, sizeof id,
			    "/subscriptions/%s/locations/%s", c->sub->id,
			    c->w->locs[i].name);
			json_object_object_add(l, "id",
			    json_object_new_string(id));
			json_object_object_add(l, "name",
			    json_object_new_string(c->w->locs[i].name));
			json_object_object_add(l, "displayName",
			    json_object_new_string(c->w->locs[i].display));
			json_object_object_add(l, "regionalDisplayName",
			    json_object_new_string(c->w->locs[i].display));
			json_object_array_add(a, l);
		}
		list_reply(c, a);
		break;
	default:
		break;
	}
}

/* Workspace lists and gets; computes under a workspace. */
static void
serve_workspaces(struct arm_ctx *c, enum route r)
{
	struct sb_workspace *ws;
	struct json_object *a;
	size_t i;

	if (r == R_WS_LIST) {
		a = json_object_new_array();
		for (i = 0; i < c->w->nwss; i++) {
			ws = &c->w->wss[i];
			if (strcasecmp(ws->sub, c->sub->id) != 0 ||
			    (c->group != NULL &&
			    strcasecmp(ws->group, c->group->name) != 0))
				continue;
			json_object_array_add(a, ws_json(c, ws));
		}
		list_reply(c, a);
		return;
	}
	ws = world_workspace(c->w, c->sub->id, c->group->name, c->seg[1]);
	if (ws == NULL) {
		arm_not_found(c, "Microsoft.MachineLearningServices/workspaces",
		    c->seg[1]);
		return;
	}
	if (r == R_WS) {
		if (strcmp(c->req->method, "GET") != 0) {
			sb_resp_arm_error(c->resp, 405, "MethodNotAllowed",
			    "The sandbox does not %s workspaces.",
			    c->req->method);
			return;
		}
		arm_json(c, 200, ws_json(c, ws));
		return;
	}
	if (r == R_ENDPOINTS)
		arm_endpoints(c, ws);
	else if (r == R_ASSETS)
		arm_assets(c, ws);
	else
		arm_computes(c, ws);
}

/* Work out the route from the path segments. */
static enum route
route_of(struct arm_ctx *c, char **p, int n, const char **sub,
    const char **group, const char **vtype, const char **type)
{
	int i = 2, r;
	const char *ns;
	char **rest;

	*sub = *group = NULL;
	if (n < 1 || !eq(p[0], "subscriptions"))
		return R_NONE;
	*type = "Microsoft.Resources/subscriptions";
	*vtype = V_SUBS;
	if (n == 1)
		return R_SUBS;
	*sub = p[1];
	if (n == 2)
		return R_SUB;
	if (eq(p[2], "resourcegroups")) {
		*type = "Microsoft.Resources/resourceGroups";
		*vtype = V_GROUPS;
		if (n == 3)
			return R_GROUPS;
		*group = p[3];
		if (n == 4)
			return R_GROUP;
		i = 4;
	} else if (n == 3 && eq(p[2], "locations"))
		return R_LOCATIONS;
	else if (eq(p[2], "providers") && (n == 4 || (n == 5 &&
	    eq(p[4], "register")))) {
		*type = "Microsoft.Resources/providers";
		*vtype = V_PROVIDERS;
		c->seg[0] = p[3];
		c->nseg = 1;
		return n == 4 ? R_PROVIDER : R_PROVIDER_REGISTER;
	}
	if (n < i + 3 || !eq(p[i], "providers"))
		return R_NONE;
	ns = p[i + 1];
	rest = p + i + 2;
	r = n - i - 2;
	for (i = 0; i < r && i < ARM_MAX_SEGS; i++)
		c->seg[i] = rest[i];
	c->nseg = r;
	if (eq(ns, "Microsoft.MachineLearningServices")) {
		*vtype = V_ML;
		*type = "Microsoft.MachineLearningServices/workspaces";
		if (eq(rest[0], "workspaces") && r > 1 && *group == NULL)
			return R_NONE;
		if (eq(rest[0], "workspaces") && r >= 3 && r <= 7 &&
		    eq(rest[2], "onlineEndpoints")) {
			*vtype = V_ENDPOINTS;
			*type = V_ENDPOINTS;
			return R_ENDPOINTS;
		}
		/* Assets are in the same mfe.json: the same versions. */
		if (eq(rest[0], "workspaces") && r >= 3 && r <= 7 &&
		    arm_assets_path(rest[2])) {
			*vtype = V_ENDPOINTS;
			*type = eq(rest[2], "models") ? V_ML "/models" :
			    eq(rest[2], "codes") ? V_ML "/codes" :
			    eq(rest[2], "environments") ? V_ML "/environments" :
			    V_ML "/datastores";
			return R_ASSETS;
		}
		if (*group == NULL && eq(rest[0], "locations") && r == 4 &&
		    (eq(rest[2], "mfeOperationsStatus") ||
		    eq(rest[2], "mfeOperationResults"))) {
			*vtype = V_ENDPOINTS;
			*type = "Microsoft.MachineLearningServices/locations/"
			    "mfeOperationsStatus";
			return eq(rest[2], "mfeOperationsStatus") ? R_MFE_OP :
			    R_MFE_OP_RESULT;
		}
		if (eq(rest[0], "workspaces"))
			return r == 1 ? R_WS_LIST : r == 2 ? R_WS :
			    eq(rest[2], "computes") ? R_COMPUTES : R_NONE;
		if (*group == NULL && eq(rest[0], "locations") && r == 4 &&
		    (eq(rest[2], "computeOperationsStatus") ||
		    eq(rest[2], "computeOperationsResults"))) {
			*type = "Microsoft.MachineLearningServices/locations/"
			    "computeOperationsStatus";
			return eq(rest[2], "computeOperationsStatus") ?
			    R_ML_OP : R_ML_OP_RESULT;
		}
		if (*group == NULL && eq(rest[0], "locations") && r == 3 &&
		    (eq(rest[2], "vmSizes") || eq(rest[2], "usages") ||
		    eq(rest[2], "quotas"))) {
			*type = "Microsoft.MachineLearningServices/locations";
			return R_ML_LOCATION;
		}
		return R_NONE;
	}
	if (eq(ns, "Microsoft.ContainerService")) {
		*vtype = V_AKS;
		*type = "Microsoft.ContainerService/managedClusters";
		if (eq(rest[0], "managedClusters") && r <= 4)
			return R_CLUSTERS;
		if (eq(rest[0], "managedClusters") && *group != NULL &&
		    (r == 5 || r == 6 || r == 8) && eq(rest[2], "providers") &&
		    eq(rest[3], "Microsoft.KubernetesConfiguration") &&
		    eq(rest[4], "extensions")) {
			*vtype = V_EXT;
			*type = "Microsoft.KubernetesConfiguration/extensions";
			return R_EXTENSIONS;
		}
		if (*group == NULL && eq(rest[0], "locations") && r == 4 &&
		    eq(rest[2], "operations"))
			return R_AKS_OP;
		if (*group == NULL && eq(rest[0], "locations") && r == 3) {
			if (eq(rest[2], "kubernetesVersions")) {
				*vtype = V_AKS_VERSIONS;
				*type = "Microsoft.ContainerService/locations/"
				    "kubernetesVersions";
				return R_AKS_VERSIONS;
			}
			if (eq(rest[2], "orchestrators")) {
				*vtype = V_ORCH;
				*type = "Microsoft.ContainerService/locations/"
				    "orchestrators";
				return R_AKS_ORCH;
			}
		}
		return R_NONE;
	}
	if (eq(ns, "Microsoft.Compute") && *group == NULL) {
		*vtype = V_COMPUTE;
		*type = "Microsoft.Compute/locations";
		if (eq(rest[0], "locations") && r == 3 &&
		    (eq(rest[2], "vmSizes") || eq(rest[2], "usages")))
			return R_COMPUTE_LOCATION;
		if (eq(rest[0], "skus") && r == 1) {
			*vtype = V_SKUS;
			*type = "Microsoft.Compute/skus";
			return R_SKUS;
		}
	}
	return R_NONE;
}

void
arm_ctx_init(struct arm_ctx *c, struct sandbox *sb,
    const struct sb_request *req, struct sb_response *resp)
{
	memset(c, 0, sizeof(*c));
	c->sb = sb;
	c->w = sb->world;
	c->req = req;
	c->resp = resp;
	c->now_ms = clock_now_ms();
	world_tick(c->w, c->now_ms, sb->speed);
}

/* Serve one Resource Manager request. */
void
arm_route(struct sandbox *sb, const struct sb_request *req,
    struct sb_response *resp)
{
	struct arm_ctx c;
	char *path, *save, *tok, *p[32];
	const char *vtype = V_SUBS;
	const char *sub, *group, *type = "";
	enum route r;
	int n = 0;

	arm_ctx_init(&c, sb, req, resp);
	arm_headers(&c);
	if (!aad_check_bearer(sb, req, resp))
		return;

	path = xstrdup(req->path != NULL ? req->path : "/");
	for (tok = strtok_r(path, "/", &save); tok != NULL && n < 32;
	    tok = strtok_r(NULL, "/", &save))
		p[n++] = tok;
	r = n >= 32 ? R_NONE :
	    route_of(&c, p, n, &sub, &group, &vtype, &type);
	if (r == R_NONE) {
		sb_resp_no_resource_type(resp, req);
		goto out;
	}
	if (!check_api(&c, vtype, type))
		goto out;
	if (r != R_SUBS && (c.sub = world_sub(c.w, sub)) == NULL) {
		sb_resp_arm_error(resp, 404, "SubscriptionNotFound",
		    "The subscription '%.100s' could not be found.", sub);
		goto out;
	}
	if (group != NULL && (c.group = world_group(c.sub, group)) == NULL) {
		sb_resp_arm_error(resp, 404, "ResourceGroupNotFound",
		    "Resource group '%.100s' could not be found.", group);
		goto out;
	}
	rate_headers(&c);
	switch (r) {
	case R_SUBS: case R_SUB: case R_GROUPS: case R_GROUP: case R_LOCATIONS:
		if (r == R_GROUP && strcmp(req->method, "HEAD") == 0)
			resp->status = 204;	/* ResourceGroups_CheckExistence */
		else if (strcmp(req->method, "GET") != 0)
			sb_resp_method_not_allowed(resp, req);
		else
			serve_subs(&c, r);
		break;
	case R_WS_LIST: case R_WS: case R_COMPUTES: case R_ENDPOINTS:
	case R_ASSETS:
		if ((r == R_COMPUTES || r == R_ENDPOINTS || r == R_ASSETS) &&
		    !arm_provider_ready(&c, "Microsoft.MachineLearningServices"))
			break;
		if (r == R_WS_LIST && strcmp(req->method, "GET") != 0)
			sb_resp_method_not_allowed(resp, req);
		else
			serve_workspaces(&c, r);
		break;
	case R_ML_OP: case R_ML_OP_RESULT:
		arm_ml_operation(&c, c.seg[3], r == R_ML_OP_RESULT);
		break;
	case R_MFE_OP: case R_MFE_OP_RESULT:
		arm_mfe_operation(&c, c.seg[3], r == R_MFE_OP_RESULT);
		break;
	case R_ML_LOCATION:
		arm_ml_location(&c, c.seg[1], c.seg[2]);
		break;
	case R_CLUSTERS:
		if (arm_provider_ready(&c, "Microsoft.ContainerService"))
			arm_clusters(&c);
		break;
	case R_EXTENSIONS:
		arm_extensions(&c);
		break;
	case R_AKS_OP:
		arm_aks_operation(&c, c.seg[3]);
		break;
	case R_PROVIDER: case R_PROVIDER_REGISTER:
		arm_providers(&c, c.seg[0], r == R_PROVIDER_REGISTER);
		break;
	case R_AKS_VERSIONS: case R_AKS_ORCH:
		arm_aks_location(&c, c.seg[1], c.seg[2]);
		break;
	case R_COMPUTE_LOCATION:
		arm_compute_location(&c, c.seg[1], c.seg[2]);
		break;
	case R_SKUS:
		arm_compute_skus(&c);
		break;
	case R_NONE:
		break;
	}
out:
	free(path);
}
