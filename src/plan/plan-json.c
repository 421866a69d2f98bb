/*
 * Reading and writing the plan document (man/akswiz-plan.5).
 *
 * Reading parses with json-c in strict mode, then walks the tree once,
 * copying each member into struct plan: a member of the wrong type, an
 * unknown member, an unknown enum value or a string longer than its
 * buffer is an error naming the member's path ("tls.cname"), the same
 * path as plan_field_path() so that verdicts and read errors agree.  The
 * version is checked before anything else, so that a newer document gets
 * "version 2 is not supported" rather than a list of unknown fields.
 *
 * Writing is canonical: fixed member order, 2-space indent, only members
 * that are set (enums that matter to the operation always), a final
 * newline.  It uses plan-jw, not json-c's printer, so its bytes do not
 * depend on the json-c version.
 */
#include "config.h"
#include "plan/plan-json.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "common/buf.h"
#include "common/i18n.h"
#include "core/rules.h"
#include "core/rules-change.h"
#include "plan/plan-jw.h"

/* The members of each object, in canonical order. */
static const char *const top_keys[] = {
	"akswizPlan", "operation", "computeType", "scope", "name",
	"description", "purpose", "location", "vmSize", "nodeCount",
	"clusterResourceId", "cluster", "namespace",
	"inferenceRouterServiceType", "loadBalancer", "network", "tls",
	"underlyingResourceAction", "nodepoolName", "uninstallExtension",
	"deleteCluster", "newName", "nodepoolMode",
	"deploy", NULL
};
/* Deploying (issue 13): create-endpoint's members, and deploy's. */
static const char *const deploy_keys[] = {
	"endpointName", "authMode",
	"deploymentName", "model", "codePath", "code", "scoringScript", "environment",
	"image", "condaFile", "instanceType", "resources", "instanceCount",
	"scale", "requests", "appInsights", "traffic", "mirrorTraffic",
	"registered", "livenessProbe", "readinessProbe", NULL
};
static const char *const probe_keys[] = {
	"initialDelaySeconds", "periodSeconds", "timeoutSeconds",
	"successThreshold", "failureThreshold", NULL
};
static const char *const registered_keys[] = {
	"model", "code", "environment", NULL
};
static const char *const resources_keys[] = {
	"cpu", "memory", "cpuLimit", "memoryLimit", "gpu", NULL
};
static const char *const scale_keys[] = {
	"minInstances", "maxInstances", "targetUtilization", "pollingInterval",
	NULL
};
static const char *const requests_keys[] = {
	"timeoutMs", "maxConcurrentPerInstance", "maxQueueWaitMs", NULL
};
static const char *const scope_keys[] = {
	"subscription", "resourceGroup", "workspace", NULL
};
static const char *const cluster_keys[] = {
	"name", "resourceGroup", "dnsPrefix", "nodePool", "kubernetesVersion",
	NULL
};
static const char *const lb_keys[] = { "type", "subnet", NULL };
static const char *const network_keys[] = {
	"vnetResourceGroup", "vnetName", "subnetName", "serviceCidr",
	"dnsServiceIp", "dockerBridgeCidr", "networkPlugin", NULL
};
static const char *const tls_keys[] = {
	"mode", "leafDomainLabel", "overwriteExistingDomain", "certFile",
	"keyFile", "cname", NULL
};

static const struct {
	const char		*prefix;
	const char *const	*keys;
} all_objects[] = {
	{ "", top_keys }, { "scope.", scope_keys },
	{ "cluster.", cluster_keys },
	{ "loadBalancer.", lb_keys }, { "network.", network_keys },
	{ "tls.", tls_keys },
};

/* What a JSON type is called in messages ("must be X, not Y"). */
static const char *
type_phrase(json_type t)
{
	switch (t) {
	case json_type_null:	return _("null");
	case json_type_boolean:	return _("true or false");
	case json_type_double:	return _("a number with a fraction");
	case json_type_int:	return _("a whole number");
	case json_type_object:	return _("an object");
	case json_type_array:	return _("an array");
	case json_type_string:	return _("a string");
	}
	return "?";
}

/* Edit distance of two short keys, case-insensitive, capped at 9. */
static int
distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j;
	int	row[33], prev, tmp, best;

	if (la > 32 || lb > 32)
		return 9;
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + ((a[i - 1] | 0x20) != (b[j - 1] | 0x20));
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb] > 9 ? 9 : row[lb];
}

/*
 * The member a misspelt key probably meant: a close key of the same
 * object, or the same key in another object ("subnetName" at the top is
 * "network.subnetName").  Writes the full path into buf; false if none.
 */
static bool
suggest(const char *prefix, const char *const *keys, const char *key,
    char *buf, size_t len)
{
	const char	*best = NULL;
	int		 d, bestd = 3;
	size_t		 i, k;

	for (k = 0; keys[k] != NULL; k++)
		if ((d = distance(key, keys[k])) < bestd) {
			bestd = d;
			best = keys[k];
		}
	if (best != NULL && (size_t)bestd * 3 <= strlen(key) + 2) {
		snprintf(buf, len, "%s%s", prefix, best);
		return true;
	}
	for (i = 0; i < sizeof all_objects / sizeof all_objects[0]; i++)
		for (k = 0; all_objects[i].keys[k] != NULL; k++)
			if (strcasecmp(all_objects[i].keys[k], key) == 0 &&
			    strcmp(all_objects[i].prefix, prefix) != 0) {
				snprintf(buf, len, "%s%s", all_objects[i].prefix,
				    all_objects[i].keys[k]);
				return true;
			}
	return false;
}

/* Every member of o must be one of keys. */
static bool
check_keys(json_object *o, const char *prefix, const char *const *keys,
    struct err *err)
{
	char	hint[96];
	size_t	k;

	json_object_object_foreach(o, key, val) {
		(void)val;
		for (k = 0; keys[k] != NULL; k++)
			if (strcmp(keys[k], key) == 0)
				break;
		if (keys[k] != NULL)
			continue;
		if (suggest(prefix, keys, key, hint, sizeof hint))
			return err_set(err, ERR_PARSE, _("unknown field "
			    "\"%s%s\"; did you mean \"%s\"?"), prefix, key,
			    hint);
		return err_set(err, ERR_PARSE, _("unknown field \"%s%s\""),
		    prefix, key);
	}
	return true;
}

/* The member key of o, checked to be of type t; NULL when absent. */
static bool
member(json_object *o, const char *prefix, const char *key, json_type t,
    json_object **out, struct err *err)
{
	json_object	*v;

	*out = NULL;
	if (!json_object_object_get_ex(o, key, &v))
		return true;
	/* A number is named as written: 1e300 has no fraction. */
	if (json_object_get_type(v) != t &&
	    json_object_get_type(v) == json_type_double)
		return err_set(err, ERR_PARSE, _("%s%s must be %s, not %.40s"),
		    prefix, key, type_phrase(t), json_object_get_string(v));
	if (json_object_get_type(v) != t)
		return err_set(err, ERR_PARSE, _("%s%s must be %s, not %s"),
		    prefix, key, type_phrase(t),
		    type_phrase(json_object_get_type(v)));
	*out = v;
	return true;
}

/* Copy a string member into dst (size bytes with the NUL). */
static bool
get_str(json_object *o, const char *prefix, const char *key, char *dst,
    size_t size, struct err *err)
{
	json_object	*v;
	const char	*s;
	size_t		 n;

	if (!member(o, prefix, key, json_type_string, &v, err))
		return false;
	if (v == NULL)
		return true;
	s = json_object_get_string(v);
	n = (size_t)json_object_get_string_len(v);
	if (strlen(s) != n)
		return err_set(err, ERR_PARSE, _("%s%s contains a NUL "
		    "character"), prefix, key);
	if (n >= size)
		return err_set(err, ERR_PARSE, _("%s%s is too long: %zu "
		    "bytes, at most %zu"), prefix, key, n, size - 1);
	memcpy(dst, s, n + 1);
	return true;
}

/* An enum member: a string among allowed (for the message, "a, b or c"). */
static bool
get_enum(json_object *o, const char *prefix, const char *key,
    bool (*parse)(const char *, void *), void *dst, const char *allowed,
    bool *present, struct err *err)
{
	json_object	*v;

	if (present != NULL)
		*present = false;
	if (!member(o, prefix, key, json_type_string, &v, err))
		return false;
	if (v == NULL)
		return true;
	if (!parse(json_object_get_string(v), dst))
		return err_set(err, ERR_PARSE, _("%s%s must be %s, not "
		    "\"%.80s\""), prefix, key, allowed,
		    json_object_get_string(v));
	if (present != NULL)
		*present = true;
	return true;
}

/* Adapters from the typed parse functions of core/plan.h. */
static bool
p_op(const char *s, void *out)
{
	return plan_op_parse(s, out);
}

static bool
p_purpose(const char *s, void *out)
{
	return purpose_parse(s, out);
}

static bool
p_lb(const char *s, void *out)
{
	return lb_type_parse(s, out);
}

static bool
p_tls(const char *s, void *out)
{
	return tls_mode_parse(s, out);
}

static bool
p_detach(const char *s, void *out)
{
	return detach_action_parse(s, out);
}

/* A nested object member; *out NULL when absent. */
static bool
get_object(json_object *o, const char *key, const char *prefix,
    const char *const *keys, json_object **out, struct err *err)
{
	if (!member(o, "", key, json_type_object, out, err))
		return false;
	return *out == NULL || check_keys(*out, prefix, keys, err);
}

/*
 * The version member, checked before anything else: 2, or 1 (a legacy
 * AKS plan, as written before today's path).
 */
static bool
read_version(json_object *root, int *version, struct err *err)
{
	json_object	*v;

	if (!json_object_object_get_ex(root, "akswizPlan", &v))
		return err_set(err, ERR_PARSE, _("akswizPlan is missing: this "
		    "is not an akswiz plan, or it lacks its version (this "
		    "akswiz reads version %d)"), PLAN_VERSION);
	if (json_object_get_type(v) != json_type_int)
		return member(root, "", "akswizPlan", json_type_int, &v, err);
	if (json_object_get_int64(v) != PLAN_VERSION &&
	    json_object_get_int64(v) != PLAN_VERSION_LEGACY)
		return err_set(err, ERR_PARSE, _("akswizPlan %lld is not "
		    "supported: this akswiz reads version %d"),
		    (long long)json_object_get_int64(v), PLAN_VERSION);
	*version = (int)json_object_get_int64(v);
	return true;
}

/* The tls object, with the mode derived from its members when absent. */
static bool
read_tls(json_object *root, struct plan *p, struct err *err)
{
	json_object	*o, *v;
	bool		 has_mode;
	struct plan_tls	*t = &p->tls;

	if (!get_object(root, "tls", "tls.", tls_keys, &o, err))
		return false;
	if (o == NULL)
		return true;
	if (!get_enum(o, "tls.", "mode", p_tls, &t->mode,
	    "disabled, microsoft or custom", &has_mode, err) ||
	    !get_str(o, "tls.", "leafDomainLabel", t->leaf_label,
	    sizeof t->leaf_label, err) ||
	    !member(o, "tls.", "overwriteExistingDomain", json_type_boolean,
	    &v, err) ||
	    !get_str(o, "tls.", "certFile", t->cert_file, sizeof t->cert_file,
	    err) ||
	    !get_str(o, "tls.", "keyFile", t->key_file, sizeof t->key_file,
	    err) ||
	    !get_str(o, "tls.", "cname", t->cname, sizeof t->cname, err))
		return false;
	if (v != NULL)
		t->overwrite = json_object_get_boolean(v);
	/* Without a mode, the members given decide it, as for the flags. */
	if (!has_mode) {
		if (t->cert_file[0] != '\0' || t->key_file[0] != '\0' ||
		    t->cname[0] != '\0')
			t->mode = TLS_CUSTOM;
		else if (t->leaf_label[0] != '\0')
			t->mode = TLS_MICROSOFT;
	}
	return true;
}

/* A whole number member from 0 to LONG_MAX; DEPLOY_UNSET stays when absent. */
static bool
get_count(json_object *o, const char *prefix, const char *key, long *dst,
    struct err *err)
{
	json_object	*v;
	int64_t		 n;

	if (!member(o, prefix, key, json_type_int, &v, err))
		return false;
	if (v == NULL)
		return true;
	n = json_object_get_int64(v);
	if (n < 0 || n >= INT_MAX)
		return err_set(err, ERR_PARSE, _("%s%s is out of range: a "
		    "whole number from 0 to %d"), prefix, key, INT_MAX - 1);
	*dst = (long)n;
	return true;
}

/* A nested object of the deploy object; *out NULL when absent. */
static bool
get_deploy_object(json_object *o, const char *key, const char *prefix,
    const char *const *keys, json_object **out, struct err *err)
{
	if (!member(o, "deploy.", key, json_type_object, out, err))
		return false;
	return *out == NULL || check_keys(*out, prefix, keys, err);
}

/* The probe under key of the deploy object (livenessProbe ...), if any. */
static bool
get_probe(json_object *o, const char *key, const char *prefix,
    struct deploy_probe *pr, struct err *err)
{
	json_object	*sub;

	if (!get_deploy_object(o, key, prefix, probe_keys, &sub, err))
		return false;
	return sub == NULL || (
	    get_count(sub, prefix, "initialDelaySeconds", &pr->initial_delay_s,
	    err) &&
	    get_count(sub, prefix, "periodSeconds", &pr->period_s, err) &&
	    get_count(sub, prefix, "timeoutSeconds", &pr->timeout_s, err) &&
	    get_count(sub, prefix, "successThreshold", &pr->success_threshold,
	    err) &&
	    get_count(sub, prefix, "failureThreshold", &pr->failure_threshold,
	    err));
}

/* A traffic object: deployment name -> percent, in the document's order. */
static bool
read_traffic(json_object *o, const char *key, struct deploy_traffic *t,
    struct err *err)
{
	json_object	*sub;
	char		 prefix[32];
	struct json_object_iterator it, end;

	if (!member(o, "deploy.", key, json_type_object, &sub, err))
		return false;
	if (sub == NULL)
		return true;
	snprintf(prefix, sizeof prefix, "deploy.%s.", key);
	it = json_object_iter_begin(sub);
	end = json_object_iter_end(sub);
	for (; !json_object_iter_equal(&it, &end);
	    json_object_iter_next(&it)) {
		const char	*name = json_object_iter_peek_name(&it);
		long		 pc = DEPLOY_UNSET;

		if (t->n == DEPLOY_TRAFFIC_MAX)
			return err_set(err, ERR_PARSE, _("%s has more than %d "
			    "deployments"), prefix, DEPLOY_TRAFFIC_MAX);
		if (strlen(name) >= sizeof t->t[0].name)
			return err_set(err, ERR_PARSE, _("%s%s is too long: "
			    "%zu bytes, at most %zu"), prefix, "",
			    strlen(name), sizeof t->t[0].name - 1);
		if (!get_count(sub, prefix, name, &pc, err))
			return false;
		memcpy(t->t[t->n].name, name, strlen(name) + 1);
		t->t[t->n].percent = pc;
		t->n++;
	}
	return true;
}

/*
 * Deploy's members of the deploy object (man/akswiz-plan.5): the
 * deployment, its resources, scale, request settings and the traffic.
 */
static bool
read_deploy(json_object *o, struct plan *p, struct err *err)
{
	struct plan_deployment	*d = &p->deployment;
	json_object		*v, *sub;

	if (!get_str(o, "deploy.", "deploymentName", d->name, sizeof d->name,
	    err) ||
	    !get_str(o, "deploy.", "model", d->model, sizeof d->model, err) ||
	    !get_str(o, "deploy.", "codePath", d->code_path,
	    sizeof d->code_path, err) ||
	    !get_str(o, "deploy.", "code", d->code, sizeof d->code, err) ||
	    !get_str(o, "deploy.", "scoringScript", d->scoring_script,
	    sizeof d->scoring_script, err) ||
	    !get_str(o, "deploy.", "environment", d->environment,
	    sizeof d->environment, err) ||
	    !get_str(o, "deploy.", "image", d->image, sizeof d->image, err) ||
	    !get_str(o, "deploy.", "condaFile", d->conda_file,
	    sizeof d->conda_file, err) ||
	    !get_str(o, "deploy.", "instanceType", d->instance_type,
	    sizeof d->instance_type, err) ||
	    !get_count(o, "deploy.", "instanceCount", &d->scale.instances,
	    err) ||
	    !member(o, "deploy.", "appInsights", json_type_boolean, &v, err))
		return false;
	if (v != NULL)
		d->app_insights = json_object_get_boolean(v);

	if (!get_deploy_object(o, "resources", "deploy.resources.",
	    resources_keys, &sub, err))
		return false;
	if (sub != NULL && (
	    !get_str(sub, "deploy.resources.", "cpu", d->cpu, sizeof d->cpu,
	    err) ||
	    !get_str(sub, "deploy.resources.", "memory", d->memory,
	    sizeof d->memory, err) ||
	    !get_str(sub, "deploy.resources.", "cpuLimit", d->cpu_limit,
	    sizeof d->cpu_limit, err) ||
	    !get_str(sub, "deploy.resources.", "memoryLimit", d->memory_limit,
	    sizeof d->memory_limit, err) ||
	    !get_count(sub, "deploy.resources.", "gpu", &d->gpu, err)))
		return false;

	if (!get_deploy_object(o, "scale", "deploy.scale.", scale_keys, &sub,
	    err))
		return false;
	if (sub != NULL) {
		d->scale.autoscale = true;
		if (!get_count(sub, "deploy.scale.", "minInstances",
		    &d->scale.min_instances, err) ||
		    !get_count(sub, "deploy.scale.", "maxInstances",
		    &d->scale.max_instances, err) ||
		    !get_count(sub, "deploy.scale.", "targetUtilization",
		    &d->scale.target_utilization, err) ||
		    !get_count(sub, "deploy.scale.", "pollingInterval",
		    &d->scale.polling_interval_s, err))
			return false;
	}

	if (!get_deploy_object(o, "requests", "deploy.requests.",
	    requests_keys, &sub, err))
		return false;
	if (sub != NULL && (
	    !get_count(sub, "deploy.requests.", "timeoutMs",
	    &d->requests.timeout_ms, err) ||
	    !get_count(sub, "deploy.requests.", "maxConcurrentPerInstance",
	    &d->requests.max_concurrent, err) ||
	    !get_count(sub, "deploy.requests.", "maxQueueWaitMs",
	    &d->requests.max_queue_wait_ms, err)))
		return false;

	if (!get_probe(o, "livenessProbe", "deploy.livenessProbe.",
	    &d->liveness, err) ||
	    !get_probe(o, "readinessProbe", "deploy.readinessProbe.",
	    &d->readiness, err))
		return false;

	if (!get_deploy_object(o, "registered", "deploy.registered.",
	    registered_keys, &sub, err))
		return false;
	if (sub != NULL && (
	    !get_str(sub, "deploy.registered.", "model", p->registered.model,
	    sizeof p->registered.model, err) ||
	    !get_str(sub, "deploy.registered.", "code", p->registered.code,
	    sizeof p->registered.code, err) ||
	    !get_str(sub, "deploy.registered.", "environment",
	    p->registered.environment, sizeof p->registered.environment,
	    err)))
		return false;
	return read_traffic(o, "traffic", &p->traffic, err) &&
	    read_traffic(o, "mirrorTraffic", &p->mirror_traffic, err);
}

/* Copy the checked tree into the plan. */
static bool
read_tree(json_object *root, struct plan *p, struct err *err)
{
	json_object	*o, *v;
	enum plan_op	 op;
	enum compute_type ctype;
	bool		 has_op;
	char		 type[PLAN_ID_LEN] = "";
	struct plan_vnet *n = &p->vnet;
	int		 version = PLAN_VERSION;

	if (!read_version(root, &version, err) ||
	    !check_keys(root, "", top_keys, err))
		return false;
	if (!get_enum(root, "", "operation", p_op, &op,
	    "create, attach, detach, update, scale, delete or migrate",
	    &has_op,
	    err))
		return false;
	if (!has_op)
		return err_set(err, ERR_PARSE, _("operation is missing: it "
		    "must be create, attach, detach or update"));
	plan_init(p, op);
	p->version = version;

	/*
	 * Version 1 knows only AKS; version 2 is today's path unless it
	 * says AKS.
	 */
	if (!get_str(root, "", "computeType", type, sizeof type, err))
		return false;
	if (version == PLAN_VERSION_LEGACY && type[0] != '\0' &&
	    strcmp(type, "AKS") != 0)
		return err_set(err, ERR_PARSE, _("computeType must be %s, not "
		    "\"%s\""), "AKS", type);
	if (version != PLAN_VERSION_LEGACY) {
		if (type[0] != '\0' && !compute_type_parse(type, &ctype))
			return err_set(err, ERR_PARSE, _("%s%s must be %s, "
			    "not \"%.80s\""), "", "computeType",
			    "Kubernetes or AKS", type);
		plan_set_type(p, type[0] != '\0' ? ctype :
		    COMPUTE_KUBERNETES);
	}

	if (!get_object(root, "scope", "scope.", scope_keys, &o, err))
		return false;
	if (o != NULL && (
	    !get_str(o, "scope.", "subscription", p->scope.subscription,
	    sizeof p->scope.subscription, err) ||
	    !get_str(o, "scope.", "resourceGroup", p->scope.resource_group,
	    sizeof p->scope.resource_group, err) ||
	    !get_str(o, "scope.", "workspace", p->scope.workspace,
	    sizeof p->scope.workspace, err)))
		return false;

	if (!get_str(root, "", "name", p->name, sizeof p->name, err) ||
	    !get_str(root, "", "description", p->description,
	    sizeof p->description, err) ||
	    !get_enum(root, "", "purpose", p_purpose, &p->purpose,
	    "FastProd, DevTest or DenseProd", NULL, err) ||
	    !get_str(root, "", "location", p->location, sizeof p->location,
	    err) ||
	    !get_str(root, "", "vmSize", p->vm_size, sizeof p->vm_size, err) ||
	    !member(root, "", "nodeCount", json_type_int, &v, err))
		return false;
	if (v != NULL) {
		int64_t	nodes = json_object_get_int64(v);

		/*
		 * json-c clamps what int64 cannot hold, so the number is not
		 * repeated: it may not be the document's.
		 */
		if (nodes > INT_MAX || nodes < INT_MIN)
			return err_set(err, ERR_PARSE, _("nodeCount is out of "
			    "range: a node count is a whole number from 1 to "
			    "%d"), AKS_MAX_NODES);
		p->node_count = (int)nodes;
		p->node_count_given = true;
	}
	if (!get_str(root, "", "clusterResourceId", p->cluster_id,
	    sizeof p->cluster_id, err))
		return false;

	if (!get_object(root, "cluster", "cluster.", cluster_keys, &o, err))
		return false;
	if (o != NULL && (
	    !get_str(o, "cluster.", "name", p->cluster.name,
	    sizeof p->cluster.name, err) ||
	    !get_str(o, "cluster.", "resourceGroup",
	    p->cluster.resource_group, sizeof p->cluster.resource_group,
	    err) ||
	    !get_str(o, "cluster.", "dnsPrefix", p->cluster.dns_prefix,
	    sizeof p->cluster.dns_prefix, err) ||
	    !get_str(o, "cluster.", "nodePool", p->cluster.node_pool,
	    sizeof p->cluster.node_pool, err) ||
	    !get_str(o, "cluster.", "kubernetesVersion",
	    p->cluster.kubernetes_version,
	    sizeof p->cluster.kubernetes_version, err)))
		return false;
	if (!get_str(root, "", "namespace", p->namespace_,
	    sizeof p->namespace_, err) ||
	    !get_str(root, "", "inferenceRouterServiceType",
	    p->router_service, sizeof p->router_service, err))
		return false;

	if (!get_object(root, "loadBalancer", "loadBalancer.", lb_keys, &o,
	    err))
		return false;
	if (o != NULL && (
	    !get_enum(o, "loadBalancer.", "type", p_lb, &p->lb_type,
	    "PublicIp or InternalLoadBalancer", NULL, err) ||
	    !get_str(o, "loadBalancer.", "subnet", p->lb_subnet,
	    sizeof p->lb_subnet, err)))
		return false;

	if (!get_object(root, "network", "network.", network_keys, &o, err))
		return false;
	if (o != NULL && (
	    !get_str(o, "network.", "vnetResourceGroup", n->resource_group,
	    sizeof n->resource_group, err) ||
	    !get_str(o, "network.", "vnetName", n->vnet, sizeof n->vnet,
	    err) ||
	    !get_str(o, "network.", "subnetName", n->subnet,
	    sizeof n->subnet, err) ||
	    !get_str(o, "network.", "serviceCidr", n->service_cidr,
	    sizeof n->service_cidr, err) ||
	    !get_str(o, "network.", "dnsServiceIp", n->dns_service_ip,
	    sizeof n->dns_service_ip, err) ||
	    !get_str(o, "network.", "dockerBridgeCidr", n->docker_bridge_cidr,
	    sizeof n->docker_bridge_cidr, err) ||
	    !get_str(o, "network.", "networkPlugin", p->network_plugin,
	    sizeof p->network_plugin, err)))
		return false;

	if (!get_str(root, "", "nodepoolName", p->nodepool,
	    sizeof p->nodepool, err) ||
	    !member(root, "", "uninstallExtension", json_type_boolean, &v,
	    err))
		return false;
	if (v != NULL)
		p->uninstall_extension = json_object_get_boolean(v);
	if (!member(root, "", "deleteCluster", json_type_boolean, &v, err))
		return false;
	if (v != NULL)
		p->delete_cluster = json_object_get_boolean(v);
	if (!get_str(root, "", "newName", p->new_name, sizeof p->new_name,
	    err) || !get_str(root, "", "nodepoolMode", p->nodepool_mode,
	    sizeof p->nodepool_mode, err))
		return false;
	if (p->nodepool_mode[0] != '\0' && strcasecmp(p->nodepool_mode,
	    "System") != 0 && strcasecmp(p->nodepool_mode, "User") != 0)
		/* TRANSLATORS: nodepoolMode, System and User are not
		 * translated. */
		return err_set(err, ERR_PARSE, _("nodepoolMode is \"%s\": "
		    "System or User"), p->nodepool_mode);
	if (!get_object(root, "deploy", "deploy.", deploy_keys, &o, err))
		return false;
	if (o != NULL && (
	    !get_str(o, "deploy.", "endpointName", p->endpoint_name,
	    sizeof p->endpoint_name, err) ||
	    !get_str(o, "deploy.", "authMode", p->auth_mode,
	    sizeof p->auth_mode, err) ||
	    !read_deploy(o, p, err)))
		return false;

	return read_tls(root, p, err) &&
	    get_enum(root, "", "underlyingResourceAction", p_detach,
	    &p->detach_action, "Detach or Delete", NULL, err);
}

/* 1-based line and column of a byte offset. */
static void
line_col(const char *text, size_t off, int *line, int *col)
{
	size_t	i, start = 0;

	*line = 1;
	for (i = 0; i < off; i++)
		if (text[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = (int)(off - start) + 1;
}

/*
 * json-c keeps the last of two equal keys without a word, so a plan edited
 * by hand with "nodeCount" twice would silently lose one.  This scan runs
 * on a document json-c accepted and read_tree() found to hold only known
 * members (so no arrays, objects two deep, short keys, at most 23 distinct
 * keys per object before the first repeat): it looks for a repeated key
 * and names it with both lines.
 */
#define DUP_DEPTH	4
#define DUP_KEYS	28
#define DUP_KEY_LEN	40

struct dup_frame {
	char	prefix[DUP_KEY_LEN + 2];
	char	keys[DUP_KEYS][DUP_KEY_LEN];
	int	lines[DUP_KEYS];
	int	n;
};

/* Find a repeated key in one object; false with err naming it. */
static bool
check_duplicates(const char *s, size_t len, struct err *err)
{
	struct dup_frame	 f[DUP_DEPTH];
	char			 key[DUP_KEY_LEN], last[DUP_KEY_LEN] = "";
	size_t			 i, j, k;
	int			 depth = -1, line = 1, key_line = 1;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '\n':
			line++;
			break;
		case '{':
			if (++depth >= DUP_DEPTH)
				return true;	/* not a plan read_tree accepts */
			f[depth].n = 0;
			snprintf(f[depth].prefix, sizeof f[depth].prefix, "%s%s",
			    depth == 0 ? "" : last, depth == 0 ? "" : ".");
			break;
		case '}':
			depth--;
			break;
		case '"':
			/* A string: a key when a colon follows. */
			for (j = i + 1, k = 0; j < len && s[j] != '"'; j++) {
				if (s[j] == '\\')
					j++;
				else if (k + 1 < sizeof key)
					key[k++] = s[j];
			}
			key[k] = '\0';
			key_line = line;
			i = j;
			for (j = i + 1; j < len && strchr(" \t\r\n", s[j]) != NULL;
			    j++)
				if (s[j] == '\n')
					line++;
			if (j >= len || s[j] != ':' || depth < 0)
				break;
			i = j;
			for (k = 0; k < (size_t)f[depth].n; k++)
				if (strcmp(f[depth].keys[k], key) == 0)
					return err_set(err, ERR_PARSE, _("%s%s "
					    "appears twice, on lines %d and %d"),
					    f[depth].prefix, key,
					    f[depth].lines[k], key_line);
			if (f[depth].n < DUP_KEYS) {
				memcpy(f[depth].keys[f[depth].n], key,
				    strlen(key) + 1);
				f[depth].lines[f[depth].n++] = key_line;
			}
			memcpy(last, key, strlen(key) + 1);
			break;
		}
	}
	return true;
}

static bool
only_space(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r')
			return false;
	return true;
}

/* The document is JSON's null, with spaces around it. */
static bool
is_null(const char *s, size_t n)
{
	while (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' ||
	    s[0] == '\n'))
		s++, n--;
	return n >= 4 && memcmp(s, "null", 4) == 0 && only_space(s + 4, n - 4);
}

/* Parse into p; errors name the member, or the line and column. */
bool
plan_json_parse(const char *text, size_t len, struct plan *p,
    struct err *err)
{
	json_tokener		*tok;
	json_object		*root;
	enum json_tokener_error	 jerr;
	size_t			 end;
	int			 line, col;
	bool			 ok;

	if (len > PLAN_JSON_MAX_BYTES)
		return err_set(err, ERR_PARSE, _("the plan is %zu bytes, more "
		    "than the %d bytes a plan may have"), len,
		    PLAN_JSON_MAX_BYTES);
	/* Some editors start UTF-8 files with a byte order mark. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (only_space(text, len))
		return err_set(err, ERR_PARSE, _("the plan is empty"));
	if ((tok = json_tokener_new()) == NULL)
		return err_set(err, ERR_INTERNAL, _("out of memory"));
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
	    JSON_TOKENER_VALIDATE_UTF8);
	root = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	/* "null" parses, to no object at all (or waits for more text). */
	if (root == NULL && (jerr == json_tokener_success ||
	    jerr == json_tokener_continue) && is_null(text, len))
		return err_set(err, ERR_PARSE, _("the plan must be %s, not %s"),
		    type_phrase(json_type_object),
		    type_phrase(json_type_null));
	if (root == NULL || jerr != json_tokener_success) {
		json_object_put(root);
		if (jerr == json_tokener_continue) {
			line_col(text, len, &line, &col);
			return err_set(err, ERR_PARSE, _("line %d, column %d: "
			    "the document ends before the JSON is complete "
			    "(truncated?)"), line, col);
		}
		line_col(text, end < len ? end : len, &line, &col);
		return err_set(err, ERR_PARSE, _("line %d, column %d: "
		    "malformed JSON: %s"), line, col,
		    json_tokener_error_desc(jerr));
	}
	if (!only_space(text + end, len - end)) {
		json_object_put(root);
		line_col(text, end, &line, &col);
		return err_set(err, ERR_PARSE, _("line %d, column %d: "
		    "unexpected text after the end of the plan"), line, col);
	}
	if (json_object_get_type(root) != json_type_object) {
		ok = err_set(err, ERR_PARSE, _("the plan must be %s, not %s"),
		    type_phrase(json_type_object),
		    type_phrase(json_object_get_type(root)));
		json_object_put(root);
		return ok;
	}
	ok = read_tree(root, p, err) && check_duplicates(text, len, err);
	json_object_put(root);
	return ok;
}

/*
 * Read at most PLAN_JSON_MAX_BYTES + 1 bytes of a file or stdin, then
 * parse; a parse error starts with the file's name.
 */
bool
plan_json_read_file(const char *path, struct plan *p, struct err *err)
{
	FILE		*fp;
	struct buf	 b;
	char		 chunk[8192];
	size_t		 n;
	bool		 ok, is_stdin = strcmp(path, "-") == 0;

	if (is_stdin)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL)
		return err_set(err, ERR_IO, _("cannot open %s: %s"), path,
		    strerror(errno));
	/* One byte over the limit is enough to know it is too big. */
	buf_init(&b, PLAN_JSON_MAX_BYTES + 1);
	ok = true;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		if (!buf_add(&b, chunk, n)) {
			ok = err_set(err, ERR_PARSE, _("the plan is more than "
			    "the %d bytes a plan may have"),
			    PLAN_JSON_MAX_BYTES);
			break;
		}
	if (ok && ferror(fp))
		ok = err_set(err, ERR_IO, _("cannot read %s: %s"), is_stdin ?
		    _("standard input") : path, strerror(errno));
	if (!is_stdin)
		fclose(fp);
	if (ok)
		ok = plan_json_parse(buf_str(&b), b.len, p, err);
	buf_done(&b);
	/* Every command that reads a plan names it, as a compiler does. */
	if (!ok && err->kind == ERR_PARSE) {
		char	msg[sizeof err->msg];

		memcpy(msg, err->msg, sizeof msg);
		err_set(err, ERR_PARSE, "%s: %s", is_stdin ?
		    _("standard input") : path, msg);
	}
	return ok;
}

/* A string member, only when set. */
static void
put_str(struct plan_jw *w, const char *key, const char *v)
{
	if (v[0] != '\0')
		plan_jw_str(w, key, v);
}

static bool
tls_is_default(const struct plan_tls *t)
{
	return t->mode == TLS_DISABLED && t->leaf_label[0] == '\0' &&
	    !t->overwrite && t->cert_file[0] == '\0' &&
	    t->key_file[0] == '\0' && t->cname[0] == '\0';
}

static void
put_count(struct plan_jw *w, const char *key, long v)
{
	if (v != DEPLOY_UNSET)
		plan_jw_int(w, key, v);
}

static void
put_probe(struct plan_jw *w, const char *key, const struct deploy_probe *pr)
{
	if (!deploy_probe_given(pr))
		return;
	plan_jw_begin(w, key);
	put_count(w, "initialDelaySeconds", pr->initial_delay_s);
	put_count(w, "periodSeconds", pr->period_s);
	put_count(w, "timeoutSeconds", pr->timeout_s);
	put_count(w, "successThreshold", pr->success_threshold);
	put_count(w, "failureThreshold", pr->failure_threshold);
	plan_jw_end(w);
}

static void
put_traffic(struct plan_jw *w, const char *key, const struct deploy_traffic *t)
{
	size_t	i;

	if (t->n == 0)
		return;
	plan_jw_begin(w, key);
	for (i = 0; i < t->n; i++)
		plan_jw_int(w, t->t[i].name, t->t[i].percent);
	plan_jw_end(w);
}

/* Deploy's members of the deploy object, in read_deploy()'s order. */
static void
write_deploy(struct plan_jw *w, const struct plan *p)
{
	const struct plan_deployment	*d = &p->deployment;
	const struct deploy_scale	*sc = &d->scale;
	const struct deploy_requests	*r = &d->requests;

	put_str(w, "deploymentName", d->name);
	put_str(w, "model", d->model);
	put_str(w, "codePath", d->code_path);
	put_str(w, "code", d->code);
	put_str(w, "scoringScript", d->scoring_script);
	put_str(w, "environment", d->environment);
	put_str(w, "image", d->image);
	put_str(w, "condaFile", d->conda_file);
	put_str(w, "instanceType", d->instance_type);
	if (d->cpu[0] != '\0' || d->memory[0] != '\0' ||
	    d->cpu_limit[0] != '\0' || d->memory_limit[0] != '\0' ||
	    d->gpu != DEPLOY_UNSET) {
		plan_jw_begin(w, "resources");
		put_str(w, "cpu", d->cpu);
		put_str(w, "memory", d->memory);
		put_str(w, "cpuLimit", d->cpu_limit);
		put_str(w, "memoryLimit", d->memory_limit);
		put_count(w, "gpu", d->gpu);
		plan_jw_end(w);
	}
	put_count(w, "instanceCount", sc->instances);
	if (sc->autoscale) {
		plan_jw_begin(w, "scale");
		put_count(w, "minInstances", sc->min_instances);
		put_count(w, "maxInstances", sc->max_instances);
		put_count(w, "targetUtilization", sc->target_utilization);
		put_count(w, "pollingInterval", sc->polling_interval_s);
		plan_jw_end(w);
	}
	if (r->timeout_ms != DEPLOY_UNSET || r->max_concurrent != DEPLOY_UNSET ||
	    r->max_queue_wait_ms != DEPLOY_UNSET) {
		plan_jw_begin(w, "requests");
		put_count(w, "timeoutMs", r->timeout_ms);
		put_count(w, "maxConcurrentPerInstance", r->max_concurrent);
		put_count(w, "maxQueueWaitMs", r->max_queue_wait_ms);
		plan_jw_end(w);
	}
	if (d->app_insights)
		plan_jw_bool(w, "appInsights", true);
	put_traffic(w, "traffic", &p->traffic);
	put_traffic(w, "mirrorTraffic", &p->mirror_traffic);
	put_probe(w, "livenessProbe", &d->liveness);
	put_probe(w, "readinessProbe", &d->readiness);
	if (p->registered.model[0] != '\0' || p->registered.code[0] != '\0' ||
	    p->registered.environment[0] != '\0') {
		plan_jw_begin(w, "registered");
		put_str(w, "model", p->registered.model);
		put_str(w, "code", p->registered.code);
		put_str(w, "environment", p->registered.environment);
		plan_jw_end(w);
	}
}

/* The canonical document of p (man/akswiz-plan.5 "CANONICAL FORM"). */
char *
plan_json_write(const struct plan *p)
{
	struct plan_jw	 w;
	bool		 shapes = p->op == PLAN_CREATE || p->op == PLAN_ATTACH;
	bool		 serves = shapes || p->op == PLAN_UPDATE;

	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	/* A legacy plan is written as before today's path: version 1. */
	plan_jw_int(&w, "akswizPlan", p->type == COMPUTE_KUBERNETES ?
	    PLAN_VERSION : PLAN_VERSION_LEGACY);
	plan_jw_str(&w, "operation", plan_op_name(p->op));
	plan_jw_str(&w, "computeType", compute_type_name(p->type));
	if (p->scope.subscription[0] != '\0' ||
	    p->scope.resource_group[0] != '\0' ||
	    p->scope.workspace[0] != '\0') {
		plan_jw_begin(&w, "scope");
		put_str(&w, "subscription", p->scope.subscription);
		put_str(&w, "resourceGroup", p->scope.resource_group);
		put_str(&w, "workspace", p->scope.workspace);
		plan_jw_end(&w);
	}
	put_str(&w, "name", p->name);
	put_str(&w, "description", p->description);
	if (shapes || p->purpose != PURPOSE_FASTPROD)
		plan_jw_str(&w, "purpose", purpose_name(p->purpose));
	put_str(&w, "location", p->location);
	put_str(&w, "vmSize", p->vm_size);
	if (p->node_count != 0 || p->node_count_given)
		plan_jw_int(&w, "nodeCount", p->node_count);
	put_str(&w, "clusterResourceId", p->cluster_id);
	if (p->cluster.name[0] != '\0' || p->cluster.resource_group[0] != '\0' ||
	    p->cluster.dns_prefix[0] != '\0' || p->cluster.node_pool[0] != '\0' ||
	    p->cluster.kubernetes_version[0] != '\0') {
		plan_jw_begin(&w, "cluster");
		put_str(&w, "name", p->cluster.name);
		put_str(&w, "resourceGroup", p->cluster.resource_group);
		put_str(&w, "dnsPrefix", p->cluster.dns_prefix);
		put_str(&w, "nodePool", p->cluster.node_pool);
		put_str(&w, "kubernetesVersion", p->cluster.kubernetes_version);
		plan_jw_end(&w);
	}
	put_str(&w, "namespace", p->namespace_);
	if (p->type == COMPUTE_KUBERNETES && shapes)
		plan_jw_str(&w, "inferenceRouterServiceType",
		    plan_router_service(p));
	else
		put_str(&w, "inferenceRouterServiceType", p->router_service);
	if (serves || p->lb_type != LB_PUBLIC || p->lb_subnet[0] != '\0') {
		plan_jw_begin(&w, "loadBalancer");
		plan_jw_str(&w, "type", lb_type_name(p->lb_type));
		put_str(&w, "subnet", p->lb_subnet);
		plan_jw_end(&w);
	}
	if (!plan_vnet_is_empty(&p->vnet) || p->network_plugin[0] != '\0') {
		plan_jw_begin(&w, "network");
		put_str(&w, "vnetResourceGroup", p->vnet.resource_group);
		put_str(&w, "vnetName", p->vnet.vnet);
		put_str(&w, "subnetName", p->vnet.subnet);
		put_str(&w, "serviceCidr", p->vnet.service_cidr);
		put_str(&w, "dnsServiceIp", p->vnet.dns_service_ip);
		put_str(&w, "dockerBridgeCidr", p->vnet.docker_bridge_cidr);
		put_str(&w, "networkPlugin", p->network_plugin);
		plan_jw_end(&w);
	}
	if (serves || !tls_is_default(&p->tls)) {
		plan_jw_begin(&w, "tls");
		plan_jw_str(&w, "mode", tls_mode_name(p->tls.mode));
		put_str(&w, "leafDomainLabel", p->tls.leaf_label);
		if (p->tls.overwrite)
			plan_jw_bool(&w, "overwriteExistingDomain", true);
		put_str(&w, "certFile", p->tls.cert_file);
		put_str(&w, "keyFile", p->tls.key_file);
		put_str(&w, "cname", p->tls.cname);
		plan_jw_end(&w);
	}
	if (p->op == PLAN_DETACH || p->detach_action != DETACH_KEEP)
		plan_jw_str(&w, "underlyingResourceAction",
		    detach_action_name(p->detach_action));
	put_str(&w, "nodepoolName", p->nodepool);
	if (p->uninstall_extension)
		plan_jw_bool(&w, "uninstallExtension", true);
	if (p->delete_cluster)
		plan_jw_bool(&w, "deleteCluster", true);
	put_str(&w, "newName", p->new_name);
	put_str(&w, "nodepoolMode", p->nodepool_mode);
	if (p->endpoint_name[0] != '\0' || p->auth_mode[0] != '\0' ||
	    p->op == PLAN_DEPLOY) {
		plan_jw_begin(&w, "deploy");
		put_str(&w, "endpointName", p->endpoint_name);
		put_str(&w, "authMode", p->auth_mode);
		/* A change of a running endpoint: the same members. */
		if (p->op == PLAN_DEPLOY || rules_change_op(p->op))
			write_deploy(&w, p);
		plan_jw_end(&w);
	}
	plan_jw_end(&w);
	return plan_jw_take(&w);
}
