/*
 * Cluster extensions (Microsoft.KubernetesConfiguration, kubernetes-path.md
 * B.2-B.8, F.3) under a managed cluster:
 *
 *   .../managedClusters/{c}/providers/Microsoft.KubernetesConfiguration/
 *       extensions[/{name}[/operations/{id}]]
 *
 * PUT (201 create, 200 update), GET, list, PATCH (202), DELETE (202;
 * forceDelete=true at once), each change a long-running operation whose
 * status document is at .../operations/{id}.  The Azure ML extension
 * (Microsoft.AzureML.Kubernetes) is checked with core's rules (rules-k8s.h):
 * one that breaks them is accepted and its operation ends Failed with the
 * in-cluster health check's error (B.7, B.8), as an emulator choice, the
 * service's own checks being unpublished.  Protected settings are never
 * stored, echoed or journaled; an update that sends none has none (they
 * are not merged).
 *
 * The extensions live in the world file's "extensions" array, saved with
 * the world: {"clusterId", "resource", "op": {"id", "kind", "sinceMs",
 * "polls", "fail"}}.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "core/rules-k8s.h"
#include "sandbox/apiversions.h"
#include "sandbox/arm.h"

#define EXT_OP_SECONDS		300	/* create, update */
#define EXT_DELETE_SECONDS	600	/* "about 10 minutes" (B.5) */
#define EXT_VERSION		"1.1.64"	/* placeholder (B.7) */
#define EXT_VTYPE		"Microsoft.KubernetesConfiguration/extensions"


/* Short names for arm-json.c's readers. */
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

/* The world's array of extensions. */
static struct json_object *
ext_all(struct arm_ctx *c)
{
	return arm_world_array(c->w, "extensions");
}

/* Is the entry deleted (kept only for its operation's status)? */
static bool
ext_gone(struct json_object *e)
{
	struct json_object	*v;

	return json_object_object_get_ex(e, "gone", &v) &&
	    json_object_get_boolean(v);
}

/*
 * The entry of extension name on cluster id, or NULL: the live one, or
 * with op_id the one (live or deleted) whose last operation it is.
 */
static struct json_object *
ext_find(struct arm_ctx *c, const char *cid, const char *name,
    const char *op_id)
{
	struct json_object	*a = ext_all(c), *e;
	size_t			 i, n = json_object_array_length(a);

	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(a, i);
		if (strcasecmp(str(e, "clusterId") != NULL ?
		    str(e, "clusterId") : "", cid) != 0 ||
		    strcasecmp(str(obj(e, "resource"), "name") != NULL ?
		    str(obj(e, "resource"), "name") : "", name) != 0)
			continue;
		if (op_id == NULL ? !ext_gone(e) :
		    strcasecmp(str(obj(e, "op"), "id") != NULL ?
		    str(obj(e, "op"), "id") : "", op_id) == 0)
			return e;
	}
	return NULL;
}

/* Mark the entry deleted. */
static void
ext_remove(struct arm_ctx *c, struct json_object *e)
{
	json_object_object_add(e, "gone", json_object_new_boolean(true));
	c->w->dirty = true;
}

/* The time as the resource's systemData shows it. */
static void
now_text(struct arm_ctx *c, char *buf, size_t len)
{
	world_time(c->now_ms, buf, len);
}

/* The operation's status URL (absolute) for the extension. */
static void
op_url(struct arm_ctx *c, const char *ext_id, const char *op_id,
    char *buf, size_t len)
{
	arm_url(c, buf, len, "%s/operations/%s?api-version=%s", ext_id, op_id,
	    c->api);
}

/*
 * Finish the entry's operation if its time (or poll count) has come:
 * the resource takes its final state; a finished delete removes the
 * entry (true then: e is gone).
 */
static bool
ext_tick(struct arm_ctx *c, struct json_object *e)
{
	struct json_object	*op = obj(e, "op"), *res = obj(e, "resource");
	struct json_object	*p = obj(res, "properties"), *fail;
	const char		*kind = str(op, "kind");

	if (p == NULL || !arm_op_due(c, op, kind != NULL &&
	    strcmp(kind, "Delete") == 0 ? EXT_DELETE_SECONDS : EXT_OP_SECONDS))
		return false;
	fail = obj(op, "fail");
	if (fail == NULL && kind != NULL && strcmp(kind, "Delete") == 0) {
		ext_remove(c, e);
		return true;
	}
	json_object_object_add(p, "provisioningState", json_object_new_string(
	    fail != NULL ? "Failed" : "Succeeded"));
	if (fail == NULL)
		json_object_object_add(p, "currentVersion",
		    json_object_new_string(EXT_VERSION));
	return false;
}

/*
 * The extension as GET shows it: the stored resource (2022-11-01 on),
 * protected settings empty; 2022-03-01 and 2022-07-01 call the version
 * installedVersion and have no isSystemExtension, 2021-09-01 has neither.
 */
static struct json_object *
ext_render(struct arm_ctx *c, struct json_object *e)
{
	struct json_object	*o = NULL, *p, *v = NULL;
	bool			 e2021, e2022;

	json_object_deep_copy(obj(e, "resource"), &o, NULL);
	if ((p = obj(o, "properties")) == NULL)
		return o;
	json_object_object_add(p, "configurationProtectedSettings",
	    json_object_new_object());
	e2021 = apiv_era(EXT_VTYPE, c->api, "2021");
	e2022 = apiv_era(EXT_VTYPE, c->api, "2022");
	if (e2021 || e2022) {
		json_object_object_get_ex(p, "currentVersion", &v);
		if (e2022)
			json_object_object_add(p, "installedVersion",
			    json_object_get(v));
		json_object_object_del(p, "currentVersion");
		json_object_object_del(p, "isSystemExtension");
	}
	return o;
}

/* String-to-string settings of a JSON object into es. */
static void
settings_of(struct json_object *o, struct ext_settings *es)
{
	ext_settings_init(es);
	if (o == NULL)
		return;
	json_object_object_foreach(o, k, v)
		ext_settings_set(es, k, v == NULL ? "" :
		    json_object_get_string(v));
}

/* The nodes of the cluster, over all its pools. */
static int
cluster_nodes(const struct sb_cluster *cl)
{
	int	i, n = 0;

	for (i = 0; i < cl->npools; i++)
		n += cl->pools[i].count;
	return n;
}

/*
 * The Azure ML extension's rules on what was sent: NULL when they pass,
 * else the operation's error (B.7) with a status entry of the health
 * check's code (B.8).
 */
static struct json_object *
aml_check(struct arm_ctx *c, struct json_object *p, struct json_object *prot,
    const struct sb_cluster *cl, const char *name, const char *what,
    struct json_object *statuses)
{
	char			 cid[SB_TEXT];
	bool			 annotated;
	struct ext_settings	 set, pset;
	struct verdicts		 vs;
	struct json_object	*scope = obj(p, "scope"), *fail, *st;
	const char		*ns = NULL, *code, *hname = NULL;
	char			 text[1024];
	size_t			 i;

	if (str(p, "extensionType") == NULL ||
	    strcasecmp(str(p, "extensionType"), EXT_TYPE) != 0)
		return NULL;
	if (obj(scope, "namespace") != NULL)
		ns = str(obj(scope, "namespace"), "targetNamespace") != NULL ?
		    str(obj(scope, "namespace"), "targetNamespace") : "";
	settings_of(obj(p, "configurationSettings"), &set);
	settings_of(prot, &pset);
	verdicts_init(&vs);
	rules_extension(&set, &pset, ns, &vs);
	if (!verdicts_has_errors(&vs))
		rules_extension_nodes(&set, cluster_nodes(cl), &vs);
	world_cluster_id(cl, cid, sizeof cid);
	if (!verdicts_has_errors(&vs)) {
		bool	legacy = kube_legacy_fe(c->sb, cid, &annotated);

		rules_extension_legacy_fe(&set, legacy, annotated, &vs);
	}
	for (i = 0; i < vs.n && vs.v[i].severity != SEV_ERROR; i++)
		;
	if (i == vs.n)
		return NULL;
	verdict_render(&vs.v[i], msg_format(vs.v[i].msg), text, sizeof text);
	code = ext_health_code(vs.v[i].msg, &hname);
	st = json_object_new_object();
	json_object_object_add(st, "code", json_object_new_string(
	    code != NULL ? code : "HealthCheckFailed"));
	json_object_object_add(st, "displayStatus", json_object_new_string(
	    hname != NULL ? hname : "HEALTH_CHECK_FAILED"));
	json_object_object_add(st, "level", json_object_new_string("Error"));
	json_object_object_add(st, "message", json_object_new_string(text));
	json_object_array_add(statuses, st);
	fail = arm_err_new("ExtensionOperationFailed", "The extension "
	    "operation failed with the following error:  Error: [ InnerError: "
	    "[Helm installation failed : Unable to create/update Kubernetes "
	    "resources for the extension : Recommendation Please check that "
	    "there are no policies blocking the resource creation/update for "
	    "the extension. Please refer to this URL for more details on this "
	    "error: aka.ms/bing : InnerError [release %s failed, and has been "
	    "uninstalled due to atomic being set: failed pre-install: pod "
	    "healthcheck failed%s%s]]] occurred while doing the operation : "
	    "[%s] on the config, For general troubleshooting visit: "
	    "https://aka.ms/k8s-extensions-TSG, For more application specific "
	    "troubleshooting visit: Troubleshooting: https://aka.ms/arcmltsg.",
	    name, code != NULL ? ": " : "", code != NULL ? code : "", what);
	return fail;
}

/* Start an operation of kind on the entry and send the LRO headers. */
static void
ext_start(struct arm_ctx *c, struct json_object *e, const char *kind,
    struct json_object *fail, const char *timeout)
{
	char		 id[SB_ID], url[SB_TEXT * 2], target[SB_TEXT];
	const char	*cid = str(e, "clusterId"), *slash;

	/* --faults op:CLUSTER/EXTENSION=fail:... (akswiz-sandbox(1)). */
	slash = cid != NULL ? strrchr(cid, '/') : NULL;
	snprintf(target, sizeof target, "%s/%s", slash != NULL ? slash + 1 :
	    "", str(obj(e, "resource"), "name") != NULL ?
	    str(obj(e, "resource"), "name") : "");
	json_object_object_add(e, "op", arm_op_new(c, kind, target, fail, id,
	    sizeof id));
	op_url(c, str(obj(e, "resource"), "id"), id, url, sizeof url);
	sb_resp_header(c->resp, "Azure-AsyncOperation", "%s", url);
	sb_resp_header(c->resp, "Operation-Location", "%s", url);
	sb_resp_header(c->resp, "x-ms-async-operation-timeout", "%s",
	    timeout);
	sb_resp_header(c->resp, "Retry-After", "%d",
	    c->w->settings.retry_after);
}

/* PUT: create (201) or replace (200) the extension. */
static void
ext_put(struct arm_ctx *c, const struct sb_cluster *cl, const char *cid,
    const char *name)
{
	struct json_object	*body, *p, *res, *e, *np, *fail, *statuses;
	struct json_object	*sd, *x;
	const char		*what;
	char			 id[SB_TEXT * 2], t[48];
	bool			 create;

	body = json_tokener_parse(c->req->body);
	if (body == NULL || (p = obj(body, "properties")) == NULL ||
	    str(p, "extensionType") == NULL) {
		json_object_put(body);
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid: properties.extensionType "
		    "is required.");
		return;
	}
	e = ext_find(c, cid, name, NULL);
	if (e != NULL && ext_tick(c, e))
		e = NULL;
	create = e == NULL;
	what = create ? "Create" : "Update";
	snprintf(id, sizeof id, "%s/providers/Microsoft.KubernetesConfiguration"
	    "/extensions/%s", cid, name);
	res = json_object_new_object();
	json_object_object_add(res, "id", json_object_new_string(id));
	json_object_object_add(res, "name", json_object_new_string(name));
	json_object_object_add(res, "type", json_object_new_string(
	    "Microsoft.KubernetesConfiguration/extensions"));
	np = json_object_new_object();
	json_object_object_add(np, "extensionType", json_object_new_string(
	    str(p, "extensionType")));
	x = NULL;
	json_object_object_get_ex(p, "autoUpgradeMinorVersion", &x);
	json_object_object_add(np, "autoUpgradeMinorVersion",
	    json_object_new_boolean(x == NULL || json_object_get_boolean(x)));
	json_object_object_add(np, "releaseTrain", json_object_new_string(
	    str(p, "releaseTrain") != NULL ? str(p, "releaseTrain") :
	    "Stable"));
	json_object_object_add(np, "version", str(p, "version") != NULL ?
	    json_object_new_string(str(p, "version")) : NULL);
	json_object_object_add(np, "currentVersion", NULL);
	if ((x = obj(p, "scope")) != NULL)
		json_object_object_add(np, "scope", json_object_get(x));
	x = obj(p, "configurationSettings");
	json_object_object_add(np, "configurationSettings", x != NULL ?
	    json_object_get(x) : json_object_new_object());
	json_object_object_add(np, "provisioningState",
	    json_object_new_string(create ? "Creating" : "Updating"));
	statuses = json_object_new_array();
	fail = aml_check(c, p, obj(p, "configurationProtectedSettings"), cl,
	    name, what, statuses);
	json_object_object_add(np, "statuses", statuses);
	json_object_object_add(np, "errorInfo", NULL);
	json_object_object_add(np, "isSystemExtension",
	    json_object_new_boolean(false));
	x = json_object_new_object();
	json_object_object_add(x, "principalId",
	    json_object_new_string("00000000-0000-0000-0000-0000000e0001"));
	json_object_object_add(x, "tenantId",
	    json_object_new_string(c->w->tenant));
	json_object_object_add(x, "type",
	    json_object_new_string("SystemAssigned"));
	json_object_object_add(np, "aksAssignedIdentity", x);
	json_object_object_add(res, "properties", np);
	sd = json_object_new_object();
	now_text(c, t, sizeof t);
	json_object_object_add(sd, "createdAt", json_object_new_string(
	    !create && str(obj(obj(e, "resource"), "systemData"),
	    "createdAt") != NULL ? str(obj(obj(e, "resource"), "systemData"),
	    "createdAt") : t));
	json_object_object_add(sd, "lastModifiedAt", json_object_new_string(t));
	json_object_object_add(res, "systemData", sd);
	json_object_put(body);
	if (create) {
		e = json_object_new_object();
		json_object_object_add(e, "clusterId",
		    json_object_new_string(cid));
		json_object_array_add(ext_all(c), e);
	}
	json_object_object_add(e, "resource", res);
	ext_start(c, e, create ? "Create" : "Update", fail, "PT48H");
	arm_json(c, create ? 201 : 200, ext_render(c, e));
}

/* PATCH: merge the public settings; protected ones replace (not merged). */
static void
ext_patch(struct arm_ctx *c, const struct sb_cluster *cl, struct json_object *e)
{
	struct json_object	*body = json_tokener_parse(c->req->body);
	struct json_object	*bp = obj(body, "properties"), *p, *cs, *fail;
	struct json_object	*x, *statuses;
	static const char *const plain[] = { "releaseTrain", "version" };
	size_t			 i;

	p = obj(obj(e, "resource"), "properties");
	if (body == NULL || bp == NULL || p == NULL) {
		json_object_put(body);
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid: properties is required.");
		return;
	}
	for (i = 0; i < sizeof plain / sizeof plain[0]; i++)
		if (str(bp, plain[i]) != NULL)
			json_object_object_add(p, plain[i],
			    json_object_new_string(str(bp, plain[i])));
	if (json_object_object_get_ex(bp, "autoUpgradeMinorVersion", &x))
		json_object_object_add(p, "autoUpgradeMinorVersion",
		    json_object_new_boolean(json_object_get_boolean(x)));
	if ((cs = obj(bp, "configurationSettings")) != NULL) {
		if (obj(p, "configurationSettings") == NULL)
			json_object_object_add(p, "configurationSettings",
			    json_object_new_object());
		json_object_object_foreach(cs, k, v)
			json_object_object_add(obj(p, "configurationSettings"),
			    k, json_object_get(v));
	}
	json_object_object_add(p, "provisioningState",
	    json_object_new_string("Updating"));
	statuses = json_object_new_array();
	fail = aml_check(c, p, obj(bp, "configurationProtectedSettings"), cl,
	    str(obj(e, "resource"), "name"), "Update", statuses);
	json_object_object_add(p, "statuses", statuses);
	json_object_put(body);
	ext_start(c, e, "Update", fail, "PT48H");
	arm_json(c, 202, ext_render(c, e));
}

/* GET .../extensions/{name}/operations/{id}: the status document. */
static void
ext_op_status(struct arm_ctx *c, struct json_object *e, const char *op_id,
    const char *path)
{
	struct json_object	*op = obj(e, "op"), *o;

	if (op == NULL || str(op, "id") == NULL ||
	    strcasecmp(str(op, "id"), op_id) != 0) {
		arm_not_found(c, "Microsoft.KubernetesConfiguration/extensions/"
		    "operations", op_id);
		return;
	}
	arm_op_polled(c, op);
	ext_tick(c, e);
	o = arm_op_document(op, op_id, path);
	json_object_object_add(o, "properties", json_object_new_object());
	arm_json(c, 200, o);
}

/* .../managedClusters/{c}/providers/Microsoft.KubernetesConfiguration/... */
void
arm_extensions(struct arm_ctx *c)
{
	const char		*m = c->req->method, *name;
	struct sb_cluster	*cl;
	struct json_object	*a, *e, *list;
	char			 cid[SB_TEXT];
	size_t			 i;

	cl = world_cluster(c->w, c->sub->id, c->group->name, c->seg[1]);
	if (cl == NULL || cl->gone) {
		arm_not_found(c, "Microsoft.ContainerService/managedClusters",
		    c->seg[1]);
		return;
	}
	world_cluster_id(cl, cid, sizeof cid);
	if (c->nseg == 5) {
		if (strcmp(m, "GET") != 0)
			goto method;
		a = ext_all(c);
		list = json_object_new_array();
		for (i = 0; i < json_object_array_length(a); i++) {
			e = json_object_array_get_idx(a, i);
			if (ext_gone(e) || strcasecmp(str(e, "clusterId") !=
			    NULL ? str(e, "clusterId") : "", cid) != 0 ||
			    ext_tick(c, e))
				continue;
			json_object_array_add(list, ext_render(c, e));
		}
		e = json_object_new_object();
		json_object_object_add(e, "value", list);
		json_object_object_add(e, "nextLink", NULL);
		arm_json(c, 200, e);
		return;
	}
	name = c->seg[5];
	if (c->nseg == 6 && strcmp(m, "PUT") == 0) {
		if (arm_provider_ready(c, "Microsoft.KubernetesConfiguration"))
			ext_put(c, cl, cid, name);
		return;
	}
	if (c->nseg == 8 && strcasecmp(c->seg[6], "operations") == 0 &&
	    strcmp(m, "GET") == 0) {
		if ((e = ext_find(c, cid, name, c->seg[7])) == NULL)
			arm_not_found(c, "Microsoft.KubernetesConfiguration/"
			    "extensions/operations", c->seg[7]);
		else
			ext_op_status(c, e, c->seg[7], c->req->path);
		return;
	}
	if (c->nseg != 6)
		goto method;
	e = ext_find(c, cid, name, NULL);
	if (e != NULL && strcmp(m, "GET") == 0)
		arm_op_seen(c, obj(e, "op"));
	if (e != NULL && ext_tick(c, e))
		e = NULL;
	if (strcmp(m, "DELETE") == 0) {
		const char *force = sb_req_query(c->req, "forceDelete");

		if (e == NULL) {
			c->resp->status = 204;
			return;
		}
		if (force != NULL && strcasecmp(force, "true") == 0) {
			ext_remove(c, e);
			c->resp->status = 200;
			return;
		}
		json_object_object_add(obj(obj(e, "resource"), "properties"),
		    "provisioningState", json_object_new_string("Deleting"));
		ext_start(c, e, "Delete", NULL, "PT1H");
		c->resp->status = 202;
		return;
	}
	if (e == NULL) {
		arm_not_found(c, "Microsoft.KubernetesConfiguration/extensions",
		    name);
		return;
	}
	if (strcmp(m, "GET") == 0)
		arm_json(c, 200, ext_render(c, e));
	else if (strcmp(m, "PATCH") == 0)
		ext_patch(c, cl, e);
	else
		goto method;
	return;
method:
	sb_resp_method_not_allowed(c->resp, c->req);
}

bool
k8s_extension_installed(struct sb_world *w, const char *cid)
{
	struct json_object	*a, *e, *p;
	size_t			 i;

	if (!json_object_object_get_ex(w->root, "extensions", &a) ||
	    !json_object_is_type(a, json_type_array))
		return false;
	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		p = obj(obj(e, "resource"), "properties");
		if (!ext_gone(e) && strcasecmp(str(e, "clusterId") != NULL ?
		    str(e, "clusterId") : "", cid) == 0 &&
		    str(p, "extensionType") != NULL &&
		    strcasecmp(str(p, "extensionType"), EXT_TYPE) == 0 &&
		    str(p, "provisioningState") != NULL &&
		    strcmp(str(p, "provisioningState"), "Succeeded") == 0)
			return true;
	}
	return false;
}

bool
arm_extension_ready(struct arm_ctx *c, const struct sb_cluster *cl)
{
	struct json_object	*a = ext_all(c), *e;
	char			 cid[SB_TEXT];
	size_t			 i;

	world_cluster_id(cl, cid, sizeof cid);
	for (i = 0; i < json_object_array_length(a); i++) {
		e = json_object_array_get_idx(a, i);
		if (!ext_gone(e) && strcasecmp(str(e, "clusterId") != NULL ?
		    str(e, "clusterId") : "", cid) == 0)
			ext_tick(c, e);
	}
	return k8s_extension_installed(c->w, cid);
}
