/*
 * Managed clusters written (kubernetes-path.md A.1-A.6, F.2): PUT create
 * (201 Creating) and update (200), DELETE (202), agent pools (list, get,
 * PUT: scale or a new pool), each change a long-running operation at
 * .../providers/Microsoft.ContainerService/locations/{l}/operations/{id}.
 * The checks are AKS's: the name patterns (core's rules-k8s.h), at least
 * one System pool, counts, the DNS service IP inside the service CIDR, a
 * dnsPrefix that does not change.
 *
 * The operations live in the world file's "clusterOperations" array
 * (saved with the world): {"id", "sub", "group", "name", "location",
 * "kind", "sinceMs", "polls", "seconds", "status", "endMs"}.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "common/xalloc.h"
#include "core/cidr.h"
#include "core/rules-k8s.h"
#include "sandbox/arm.h"


/* Short names for arm-json.c's readers. */
static const char *
str(struct json_object *o, const char *key)
{
	return arm_jstr(o, key);
}

static int64_t
num(struct json_object *o, const char *key, int64_t def)
{
	return arm_jint(o, key, def);
}

static void
cpy(char *dst, size_t len, const char *s)
{
	snprintf(dst, len, "%s", s != NULL ? s : "");
}

/* The world's array of cluster operations. */
static struct json_object *
ops(struct arm_ctx *c)
{
	return arm_world_array(c->w, "clusterOperations");
}

/* The cluster an operation is about, or NULL (deleted). */
static struct sb_cluster *
op_cluster(struct arm_ctx *c, struct json_object *op)
{
	return world_cluster(c->w, str(op, "sub") != NULL ? str(op, "sub") :
	    "", str(op, "group") != NULL ? str(op, "group") : "",
	    str(op, "name") != NULL ? str(op, "name") : "");
}

/* Finish op if its time (or poll count) has come. */
static void
op_tick(struct arm_ctx *c, struct json_object *op)
{
	struct sb_cluster	*cl;
	const char		*kind = str(op, "kind");
	bool			 due, failed;

	if (str(op, "status") != NULL)
		return;
	due = c->w->settings.polls_to_complete > 0 ?
	    num(op, "polls", 0) >= c->w->settings.polls_to_complete :
	    (double)(c->now_ms - (uint64_t)num(op, "sinceMs", 0)) *
	    c->sb->speed >= (double)num(op, "seconds", 60) * 1000.0;
	if (!due)
		return;
	c->w->dirty = true;
	failed = json_object_object_get_ex(op, "fail", NULL);
	json_object_object_add(op, "status",
	    json_object_new_string(failed ? "Failed" : "Succeeded"));
	json_object_object_add(op, "endMs",
	    json_object_new_int64((int64_t)c->now_ms));
	if ((cl = op_cluster(c, op)) == NULL)
		return;
	if (failed)
		cpy(cl->state, sizeof cl->state, "Failed");
	else if (kind != NULL && strcmp(kind, "Delete") == 0)
		cl->gone = true;
	else
		cpy(cl->state, sizeof cl->state, "Succeeded");
}

/* Finish whatever operation of the cluster is due; seen: a GET of the
 * cluster (arm_op_seen). */
void
arm_cluster_tick(struct arm_ctx *c, const struct sb_cluster *cl, bool seen)
{
	struct json_object	*a = ops(c), *op;
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++) {
		op = json_object_array_get_idx(a, i);
		if (str(op, "status") == NULL &&
		    strcasecmp(str(op, "sub") != NULL ? str(op, "sub") : "",
		    cl->sub) == 0 &&
		    strcasecmp(str(op, "group") != NULL ? str(op, "group") :
		    "", cl->group) == 0 &&
		    strcasecmp(str(op, "name") != NULL ? str(op, "name") : "",
		    cl->name) == 0) {
			if (seen)
				arm_op_seen(c, op);
			op_tick(c, op);
		}
	}
}

/* Start an operation on cl and send its headers. */
static void
op_start(struct arm_ctx *c, struct sb_cluster *cl, const char *kind,
    int seconds, bool location)
{
	struct json_object	*op = json_object_new_object();
	char			 id[SB_ID], url[SB_TEXT * 2], code[128];
	char			 msg[SB_TEXT];

	world_guid(c->w, id, sizeof id);
	json_object_object_add(op, "id", json_object_new_string(id));
	json_object_object_add(op, "sub", json_object_new_string(cl->sub));
	json_object_object_add(op, "group", json_object_new_string(cl->group));
	json_object_object_add(op, "name", json_object_new_string(cl->name));
	json_object_object_add(op, "location",
	    json_object_new_string(cl->location));
	json_object_object_add(op, "kind", json_object_new_string(kind));
	json_object_object_add(op, "sinceMs",
	    json_object_new_int64((int64_t)c->now_ms));
	json_object_object_add(op, "polls", json_object_new_int64(0));
	json_object_object_add(op, "seconds", json_object_new_int64(seconds));
	/* --faults op:CLUSTER=fail:... (akswiz-sandbox(1)). */
	if (c->sb->faults != NULL && faults_operation_fails(c->sb->faults,
	    cl->name, code, sizeof code, msg, sizeof msg))
		json_object_object_add(op, "fail", arm_err_new(code, "%s",
		    msg));
	json_object_array_add(ops(c), op);
	c->w->dirty = true;
	arm_url(c, url, sizeof url, "/subscriptions/%s/providers/"
	    "Microsoft.ContainerService/locations/%s/operations/%s"
	    "?api-version=%s", cl->sub, cl->location, id, c->api);
	sb_resp_header(c->resp, "Azure-AsyncOperation", "%s", url);
	if (location) {
		arm_url(c, url, sizeof url, "/subscriptions/%s/providers/"
		    "Microsoft.ContainerService/locations/%s/operationresults/"
		    "%s?api-version=%s", cl->sub, cl->location, id, c->api);
		sb_resp_header(c->resp, "Location", "%s", url);
	}
	sb_resp_header(c->resp, "Retry-After", "%d",
	    c->w->settings.retry_after);
}

/* GET .../locations/{l}/operations/{id}: the status document (A.5). */
void
arm_aks_operation(struct arm_ctx *c, const char *id)
{
	struct json_object	*a = ops(c), *op = NULL, *o, *x;
	char			 t[64], path[SB_TEXT];
	size_t			 i;

	for (i = 0; i < json_object_array_length(a); i++)
		if (strcasecmp(str(json_object_array_get_idx(a, i), "id") !=
		    NULL ? str(json_object_array_get_idx(a, i), "id") : "",
		    id) == 0)
			op = json_object_array_get_idx(a, i);
	if (op == NULL || strcasecmp(str(op, "sub"), c->sub->id) != 0) {
		sb_resp_arm_error(c->resp, 404, "NotFound", "Operation "
		    "'%.64s' could not be found.", id);
		return;
	}
	if (str(op, "status") == NULL)
		json_object_object_add(op, "polls",
		    json_object_new_int64(num(op, "polls", 0) + 1));
	op_tick(c, op);
	o = json_object_new_object();
	snprintf(path, sizeof path, "/subscriptions/%s/providers/"
	    "Microsoft.ContainerService/locations/%s/operations/%s",
	    str(op, "sub"), str(op, "location"), id);
	json_object_object_add(o, "id", json_object_new_string(path));
	json_object_object_add(o, "name", json_object_new_string(id));
	json_object_object_add(o, "status", json_object_new_string(
	    str(op, "status") != NULL ? str(op, "status") : "InProgress"));
	world_time((uint64_t)num(op, "sinceMs", 0), t, sizeof t);
	json_object_object_add(o, "startTime", json_object_new_string(t));
	if (str(op, "status") != NULL) {
		world_time((uint64_t)num(op, "endMs", 0), t, sizeof t);
		json_object_object_add(o, "endTime", json_object_new_string(t));
	}
	if (json_object_object_get_ex(op, "fail", &x) &&
	    str(op, "status") != NULL)
		json_object_object_add(o, "error", json_object_get(x));
	arm_json(c, 200, o);
}

/* A 400 with AKS's code, message and target. */
static void __attribute__((format(printf, 4, 5)))
bad(struct arm_ctx *c, const char *code, const char *target,
    const char *fmt, ...)
{
	struct json_object	*e;
	char			 msg[SB_TEXT * 2];
	va_list			 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	e = arm_err_new(code, "%s", msg);

	if (target != NULL)
		json_object_object_add(e, "target",
		    json_object_new_string(target));
	arm_error_obj(c, 400, e);
}

/* A pool's count within AKS's range for its mode; false with the 400. */
static bool
count_ok(struct arm_ctx *c, const char *pool, const char *mode, int64_t n)
{
	char	msg[SB_TEXT];

	if (n >= (mode != NULL && strcasecmp(mode, "System") == 0 ? 1 : 0) &&
	    n <= 1000)
		return true;
	snprintf(msg, sizeof msg, "The value of parameter agentPoolProfile"
	    ".count is invalid. Please see https://aka.ms/aks-naming-rules "
	    "for more details. (pool %s: %lld; a System pool has 1 to 1000 "
	    "nodes, a User pool 0 to 1000)", pool, (long long)n);
	bad(c, "InvalidParameter", "agentPoolProfile.count", "%s", msg);
	return false;
}

/* The pools of a create body into cl; false with the 400 sent. */
static bool
pools_of(struct arm_ctx *c, struct json_object *p, struct sb_cluster *cl)
{
	struct json_object	*a, *x;
	size_t			 i, n;
	bool			 system = false;

	if (!json_object_object_get_ex(p, "agentPoolProfiles", &a) ||
	    !json_object_is_type(a, json_type_array) ||
	    (n = json_object_array_length(a)) == 0) {
		bad(c, "InvalidParameter", "agentPoolProfiles", "%s", "A "
		    "managed cluster needs at least one agent pool "
		    "(agentPoolProfiles).");
		return false;
	}
	if (n > sizeof cl->pools / sizeof cl->pools[0]) {
		bad(c, "InvalidParameter", "agentPoolProfiles", "%s", "The "
		    "sandbox keeps at most 4 agent pools per cluster.");
		return false;
	}
	for (i = 0; i < n; i++) {
		const char *name, *mode;

		x = json_object_array_get_idx(a, i);
		name = str(x, "name");
		mode = str(x, "mode") != NULL ? str(x, "mode") : i == 0 ?
		    "System" : "User";
		if (!aks_pool_name_valid(name)) {
			bad(c, "InvalidParameter", "agentPoolProfile.name",
			    "The agent pool name '%s' is invalid: it must "
			    "start with a lower-case letter and have only "
			    "lower-case letters and digits, 12 characters at "
			    "most (^[a-z][a-z0-9]{0,11}$).", name != NULL ?
			    name : "");
			return false;
		}
		if (!count_ok(c, name, mode, num(x, "count", 1)))
			return false;
		if (str(x, "vmSize") == NULL) {
			bad(c, "InvalidParameter", "agentPoolProfile.vmSize",
			    "%s", "Each agent pool needs a vmSize.");
			return false;
		}
		cpy(cl->pools[i].name, sizeof cl->pools[i].name, name);
		cpy(cl->pools[i].mode, sizeof cl->pools[i].mode, mode);
		cpy(cl->pools[i].vm_size, sizeof cl->pools[i].vm_size,
		    str(x, "vmSize"));
		cl->pools[i].count = (int)num(x, "count", 1);
		world_pool_autoscale_set(&cl->pools[i], x);
		if (strcasecmp(mode, "System") == 0)
			system = true;
	}
	cl->npools = (int)n;
	if (!system) {
		bad(c, "InvalidParameter", "agentPoolProfiles", "%s", "A "
		    "cluster must have at least one 'System' Agent Pool.");
		return false;
	}
	return true;
}

/* The network profile's DNS service IP inside its service CIDR. */
static bool
network_ok(struct arm_ctx *c, struct json_object *p)
{
	struct json_object	*np;
	struct cidr		 svc;
	uint32_t		 ip;
	const char		*sc, *dns;

	if (!json_object_object_get_ex(p, "networkProfile", &np))
		return true;
	sc = str(np, "serviceCidr");
	dns = str(np, "dnsServiceIP");
	if (sc != NULL && !cidr_parse(sc, true, &svc)) {
		bad(c, "InvalidParameter", "networkProfile.serviceCidr",
		    "The value of parameter networkProfile.serviceCidr is "
		    "invalid: '%s'.", sc);
		return false;
	}
	if (dns != NULL && !ipv4_parse(dns, &ip)) {
		bad(c, "InvalidParameter", "networkProfile.dnsServiceIP",
		    "The value of parameter networkProfile.dnsServiceIP is "
		    "invalid: '%s'.", dns);
		return false;
	}
	if (sc != NULL && dns != NULL && !cidr_contains(&svc, ip)) {
		bad(c, "InvalidParameter", "networkProfile.dnsServiceIP",
		    "The DNS service IP %s is not within the service CIDR.",
		    dns);
		return false;
	}
	return true;
}

/* The cluster name: AKS's pattern and reserved words (A.2, A.9). */
static bool
name_ok(struct arm_ctx *c, const char *name)
{
	struct verdicts	 vs;
	char		 msg[SB_TEXT];

	verdicts_init(&vs);
	rules_aks_cluster_name(name, &vs);
	if (verdicts_has_msg(&vs, MSG_AKS_NAME_TRADEMARK)) {
		snprintf(msg, sizeof msg, "The resource name '%s' or a part of "
		    "the name is a trademarked or reserved word.", name);
		bad(c, "ReservedResourceName", NULL, "%s", msg);
		return false;
	}
	if (verdicts_has_msg(&vs, MSG_AKS_NAME_RESERVED)) {
		snprintf(msg, sizeof msg, "The value of parameter name is "
		    "invalid. Error details: \"%s\" managed cluster name is "
		    "invalid because it is reserved.. Please see "
		    "https://aka.ms/aks-naming-rules for more details.", name);
		bad(c, "InvalidParameter", "name", "%s", msg);
		return false;
	}
	if (verdicts_has_errors(&vs)) {
		bad(c, "InvalidParameter", "name", "The value of parameter "
		    "name is invalid: '%s'. Please see "
		    "https://aka.ms/aks-naming-rules for more details.", name);
		return false;
	}
	return true;
}

/* PUT .../managedClusters/{name}: create or update. */
static void
put_cluster(struct arm_ctx *c, const char *name)
{
	struct json_object	*body = json_tokener_parse(c->req->body), *p;
	struct json_object	*tags = NULL;
	struct sb_cluster	 tmp, *cl;
	struct sb_location	*loc;
	const char		*location, *prefix, *ver;
	size_t			 i;

	p = NULL;
	if (body != NULL)
		json_object_object_get_ex(body, "properties", &p);
	if (body == NULL || p == NULL ||
	    !json_object_is_type(p, json_type_object)) {
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid: properties is "
		    "required.");
		goto out;
	}
	if (!name_ok(c, name))
		goto out;
	cl = world_cluster(c->w, c->sub->id, c->group->name, name);
	if (cl != NULL)
		arm_cluster_tick(c, cl, false);
	prefix = str(p, "dnsPrefix");
	if (cl != NULL) {
		/* An update: the dnsPrefix stays (A.2). */
		if (prefix != NULL && strcasecmp(prefix, cl->dns_prefix)
		    != 0) {
			bad(c, "PropertyChangeNotAllowed", "dnsPrefix",
			    "Changing property 'dnsPrefix' is not allowed; it "
			    "is '%s'.", cl->dns_prefix);
			goto out;
		}
		if (strcmp(cl->state, "Succeeded") != 0 &&
		    strcmp(cl->state, "Failed") != 0) {
			sb_resp_arm_error(c->resp, 409,
			    "OperationNotAllowed", "Operation is not allowed "
			    "because there's an in progress %s operation.",
			    cl->state);
			goto out;
		}
		memcpy(&tmp, cl, sizeof tmp);
		if (json_object_object_get_ex(p, "agentPoolProfiles", NULL) &&
		    !pools_of(c, p, &tmp))
			goto out;
		if (!network_ok(c, p))
			goto out;
		memcpy(cl, &tmp, sizeof tmp);
		json_object_object_get_ex(body, "tags", &tags);
		world_cluster_tags_set(cl, tags);
		cpy(cl->state, sizeof cl->state, "Updating");
		op_start(c, cl, "Update", c->w->settings.update_seconds, false);
		arm_json(c, 200, arm_cluster_json(c, cl));
		goto out;
	}
	location = str(body, "location");
	if (location == NULL || (loc = world_location(c->w, location)) ==
	    NULL) {
		bad(c, "LocationRequired", "location", "The location '%s' is "
		    "missing or not one of the subscription's regions.",
		    location != NULL ? location : "");
		goto out;
	}
	if (prefix == NULL)
		prefix = str(p, "fqdnSubdomain");
	if (!aks_dns_prefix_valid(prefix)) {
		bad(c, "InvalidParameter", "dnsPrefix", "The value of "
		    "parameter dnsPrefix is invalid: '%s'. It must be 1 to 54 letters, "
		    "digits and hyphens, starting and ending with a letter or "
		    "a digit.", prefix != NULL ? prefix : "");
		goto out;
	}
	memset(&tmp, 0, sizeof tmp);
	if (!pools_of(c, p, &tmp) || !network_ok(c, p))
		goto out;
	cl = world_add_cluster(c->w);
	memcpy(cl->pools, tmp.pools, sizeof cl->pools);
	cl->npools = tmp.npools;
	cpy(cl->sub, sizeof cl->sub, c->sub->id);
	cpy(cl->group, sizeof cl->group, c->group->name);
	cpy(cl->name, sizeof cl->name, name);
	cpy(cl->location, sizeof cl->location, loc->name);
	cpy(cl->state, sizeof cl->state, "Creating");
	cpy(cl->power, sizeof cl->power, "Running");
	cpy(cl->dns_prefix, sizeof cl->dns_prefix, prefix);
	cpy(cl->tier, sizeof cl->tier, "Free");
	/*
	 * Without an identity, a servicePrincipalProfile other than "msi"
	 * makes a cluster that signs in as that service principal (its
	 * secret is not kept: nothing here signs in with it).
	 */
	{
		struct json_object *spp = NULL;

		if (!json_object_object_get_ex(body, "identity", NULL) &&
		    json_object_object_get_ex(p, "servicePrincipalProfile",
		    &spp) && str(spp, "clientId") != NULL &&
		    strcasecmp(str(spp, "clientId"), "msi") != 0)
			cpy(cl->sp_client_id, sizeof cl->sp_client_id,
			    str(spp, "clientId"));
	}
	json_object_object_get_ex(body, "tags", &tags);
	world_cluster_tags_set(cl, tags);
	/* The region's default version, or the major.minor asked for. */
	ver = str(p, "kubernetesVersion");
	for (i = 0; i < loc->nk8s; i++)
		if ((ver == NULL || *ver == '\0') ? loc->k8s[i].is_default :
		    strcmp(loc->k8s[i].version, ver) == 0 ||
		    strncmp(ver, loc->k8s[i].version,
		    strlen(loc->k8s[i].version)) == 0)
			cpy(cl->version, sizeof cl->version,
			    loc->k8s[i].npatches > 0 ? loc->k8s[i].patches[
			    loc->k8s[i].npatches - 1] : loc->k8s[i].version);
	if (cl->version[0] == '\0')
		cpy(cl->version, sizeof cl->version, ver != NULL && *ver !=
		    '\0' ? ver : "1.29.4");
	op_start(c, cl, "Create", c->w->settings.create_seconds, false);
	arm_json(c, 201, arm_cluster_json(c, cl));
out:
	json_object_put(body);
}

/* An agent pool as its own resource (A.6). */
static struct json_object *
pool_json(struct arm_ctx *c, const struct sb_cluster *cl, int i)
{
	struct json_object	*all = arm_cluster_json(c, cl), *p, *a, *x;
	struct json_object	*o = json_object_new_object();
	char			 id[SB_TEXT * 2];

	world_cluster_id(cl, id, sizeof id);
	snprintf(id + strlen(id), sizeof id - strlen(id), "/agentPools/%s",
	    cl->pools[i].name);
	json_object_object_add(o, "id", json_object_new_string(id));
	json_object_object_add(o, "name",
	    json_object_new_string(cl->pools[i].name));
	json_object_object_add(o, "type", json_object_new_string(
	    "Microsoft.ContainerService/managedClusters/agentPools"));
	if (json_object_object_get_ex(all, "properties", &p) &&
	    json_object_object_get_ex(p, "agentPoolProfiles", &a) &&
	    (x = json_object_array_get_idx(a, (size_t)i)) != NULL) {
		x = json_object_get(x);
		json_object_object_del(x, "name");
		json_object_object_add(o, "properties", x);
	}
	json_object_put(all);
	return o;
}

/* .../agentPools[/{pool}] */
static void
agent_pools(struct arm_ctx *c, struct sb_cluster *cl)
{
	const char		*m = c->req->method;
	struct json_object	*a, *body, *p;
	struct sb_pool		*pool = NULL;
	bool			 created = false;
	int			 i;

	if (c->nseg == 3) {
		a = json_object_new_array();
		for (i = 0; i < cl->npools; i++)
			json_object_array_add(a, pool_json(c, cl, i));
		p = json_object_new_object();
		json_object_object_add(p, "value", a);
		arm_json(c, 200, p);
		return;
	}
	for (i = 0; i < cl->npools; i++)
		if (strcmp(cl->pools[i].name, c->seg[3]) == 0)
			pool = &cl->pools[i];
	if (strcmp(m, "GET") == 0) {
		if (pool == NULL)
			arm_not_found(c, "Microsoft.ContainerService/"
			    "managedClusters/agentPools", c->seg[3]);
		else
			arm_json(c, 200, pool_json(c, cl, (int)(pool -
			    cl->pools)));
		return;
	}
	if (strcmp(m, "PUT") != 0) {
		sb_resp_method_not_allowed(c->resp, c->req);
		return;
	}
	body = json_tokener_parse(c->req->body);
	p = NULL;
	if (body != NULL)
		json_object_object_get_ex(body, "properties", &p);
	if (p == NULL || !json_object_is_type(p, json_type_object)) {
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid: properties is "
		    "required.");
		goto out;
	}
	if (strcmp(cl->state, "Succeeded") != 0) {
		sb_resp_arm_error(c->resp, 409, "OperationNotAllowed",
		    "Operation is not allowed because there's an in progress "
		    "%s operation.", cl->state);
		goto out;
	}
	if (pool == NULL) {
		if (!aks_pool_name_valid(c->seg[3]) || cl->npools ==
		    (int)(sizeof cl->pools / sizeof cl->pools[0])) {
			bad(c, "InvalidParameter", "agentPoolName", "The agent "
			    "pool name '%s' is invalid, or the cluster has "
			    "its 4 pools.", c->seg[3]);
			goto out;
		}
		pool = &cl->pools[cl->npools];
		created = true;
		memset(pool, 0, sizeof *pool);
		cpy(pool->name, sizeof pool->name, c->seg[3]);
		cpy(pool->mode, sizeof pool->mode, "User");
		cpy(pool->vm_size, sizeof pool->vm_size, "Standard_DS2_v2");
	} else if (str(p, "vmSize") != NULL &&
	    strcasecmp(str(p, "vmSize"), pool->vm_size) != 0) {
		bad(c, "PropertyChangeNotAllowed", "vmSize", "Changing "
		    "property 'vmSize' is not allowed; it is '%s'.",
		    pool->vm_size);
		goto out;
	}
	if (str(p, "mode") != NULL && created)
		cpy(pool->mode, sizeof pool->mode, str(p, "mode"));
	if (str(p, "vmSize") != NULL)
		cpy(pool->vm_size, sizeof pool->vm_size, str(p, "vmSize"));
	if (!count_ok(c, pool->name, pool->mode, num(p, "count", 1)))
		goto out;
	pool->count = (int)num(p, "count", 1);
	world_pool_autoscale_set(pool, p);
	i = (int)(pool - cl->pools);
	if (i == cl->npools)
		cl->npools++;
	cpy(cl->state, sizeof cl->state, "Scaling");
	c->w->dirty = true;
	op_start(c, cl, "Scale", c->w->settings.update_seconds, false);
	arm_json(c, created ? 201 : 200, pool_json(c, cl, i));
out:
	json_object_put(body);
}

/*
 * The writes under .../managedClusters/{name}: PUT, DELETE, agentPools.
 * False when the request is not one of them (arm-aks.c serves it).
 */
bool
arm_cluster_write(struct arm_ctx *c)
{
	const char		*m = c->req->method;
	struct sb_cluster	*cl;

	if (c->group == NULL || c->nseg < 2)
		return false;
	if (c->nseg == 2 && strcmp(m, "PUT") == 0) {
		if (arm_provider_ready(c, "Microsoft.ContainerService"))
			put_cluster(c, c->seg[1]);
		return true;
	}
	cl = world_cluster(c->w, c->sub->id, c->group->name, c->seg[1]);
	if (cl != NULL)
		arm_cluster_tick(c, cl, false);
	cl = world_cluster(c->w, c->sub->id, c->group->name, c->seg[1]);
	if (c->nseg == 2 && strcmp(m, "DELETE") == 0) {
		if (cl == NULL) {
			c->resp->status = 204;
			return true;
		}
		cpy(cl->state, sizeof cl->state, "Deleting");
		op_start(c, cl, "Delete", c->w->settings.delete_seconds, true);
		c->resp->status = 202;
		return true;
	}
	if ((c->nseg == 3 || c->nseg == 4) &&
	    strcasecmp(c->seg[2], "agentPools") == 0) {
		if (cl == NULL)
			arm_not_found(c, "Microsoft.ContainerService/"
			    "managedClusters", c->seg[1]);
		else
			agent_pools(c, cl);
		return true;
	}
	return false;
}
