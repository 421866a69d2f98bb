/*
 * Objects of a cluster's Kubernetes API that today's Azure ML path needs
 * (kubernetes-path.md C.6, C.7), under /kube/{sub}/{group}/{cluster}/:
 *
 *	GET, POST api/v1/namespaces		NamespaceList; create (201)
 *	GET api/v1/namespaces/{name}		Namespace
 *	GET apis/apiextensions.k8s.io/v1/customresourcedefinitions/
 *	    instancetypes.amlarc.azureml.com	the InstanceType CRD
 *	GET, POST apis/amlarc.azureml.com/v1alpha1/instancetypes
 *	GET, PUT, DELETE .../instancetypes/{name}
 *
 * A cluster has default, kube-system, kube-public and kube-node-lease,
 * azureml once the Azure ML extension is installed, and the namespaces
 * created here.  The CRD and its instance types exist only with the
 * extension; the CRD is cluster-scoped (the fact sheet's inference,
 * UNCONFIRMED).  State: the world file's "kube" object, by cluster id.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "core/rules-k8s.h"
#include "core/rules.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"

#define NS_PATH		"api/v1/namespaces"
#define CRD_PATH	"apis/apiextensions.k8s.io/v1/customresourcedefinitions/" \
			"instancetypes.amlarc.azureml.com"
#define IT_PATH		"apis/amlarc.azureml.com/v1alpha1/instancetypes"
#define IT_API		"amlarc.azureml.com/v1alpha1"
#define FE_PATH		"apis/apps/v1/namespaces/default/deployments/azureml-fe"

static const char *const builtin_ns[] = {
	"default", "kube-system", "kube-public", "kube-node-lease"
};

/* The cluster's stored objects {"namespaces":[...],"instanceTypes":{}}. */
static struct json_object *
store(struct sandbox *sb, const char *cid)
{
	struct json_object	*root = sb->world->root, *k, *c, *x;
	char			 key[SB_TEXT];
	size_t			 i;

	for (i = 0; cid[i] != '\0' && i + 1 < sizeof key; i++)
		key[i] = (char)(cid[i] >= 'A' && cid[i] <= 'Z' ?
		    cid[i] - 'A' + 'a' : cid[i]);
	key[i] = '\0';
	if (!json_object_object_get_ex(root, "kube", &k)) {
		k = json_object_new_object();
		json_object_object_add(root, "kube", k);
	}
	if (!json_object_object_get_ex(k, key, &c)) {
		c = json_object_new_object();
		json_object_object_add(k, key, c);
	}
	if (!json_object_object_get_ex(c, "namespaces", &x))
		json_object_object_add(c, "namespaces",
		    json_object_new_array());
	if (!json_object_object_get_ex(c, "instanceTypes", &x))
		json_object_object_add(c, "instanceTypes",
		    json_object_new_object());
	return c;
}

/* A Namespace object. */
static struct json_object *
ns_json(const char *name)
{
	struct json_object	*o = json_object_new_object();
	struct json_object	*md = json_object_new_object(), *st;

	json_object_object_add(o, "kind", json_object_new_string("Namespace"));
	json_object_object_add(o, "apiVersion", json_object_new_string("v1"));
	json_object_object_add(md, "name", json_object_new_string(name));
	json_object_object_add(o, "metadata", md);
	st = json_object_new_object();
	json_object_object_add(st, "phase", json_object_new_string("Active"));
	json_object_object_add(o, "status", st);
	return o;
}

/* Every namespace of the cluster, as a new array of names. */
static struct json_object *
ns_all(struct sandbox *sb, const char *cid, bool ext)
{
	struct json_object	*a = json_object_new_array(), *made;
	size_t			 i;

	for (i = 0; i < sizeof builtin_ns / sizeof builtin_ns[0]; i++)
		json_object_array_add(a, json_object_new_string(builtin_ns[i]));
	if (ext)
		json_object_array_add(a, json_object_new_string("azureml"));
	json_object_object_get_ex(store(sb, cid), "namespaces", &made);
	for (i = 0; i < json_object_array_length(made); i++)
		json_object_array_add(a, json_object_get(
		    json_object_array_get_idx(made, i)));
	return a;
}

static bool
ns_exists(struct sandbox *sb, const char *cid, bool ext, const char *name)
{
	struct json_object	*a = ns_all(sb, cid, ext);
	size_t			 i;
	bool			 found = false;

	for (i = 0; i < json_object_array_length(a); i++)
		if (strcmp(json_object_get_string(json_object_array_get_idx(a,
		    i)), name) == 0)
			found = true;
	json_object_put(a);
	return found;
}

/* The name in a posted object's metadata, or NULL. */
static const char *
posted_name(struct json_object *body)
{
	struct json_object	*md, *n;

	if (body == NULL || !json_object_object_get_ex(body, "metadata", &md)
	    || !json_object_object_get_ex(md, "name", &n) ||
	    !json_object_is_type(n, json_type_string))
		return NULL;
	return json_object_get_string(n);
}

/* A DNS-1123 label: lower case, digits, '-', at most 63. */
static bool
dns1123(const char *s)
{
	size_t	i;

	if (!rules_dns_label_valid(s))
		return false;
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			return false;
	return true;
}

static void
namespaces(struct sandbox *sb, const char *cid, bool ext, const char *rest,
    const struct sb_request *req, struct sb_response *resp)
{
	struct json_object	*o, *a, *items, *body, *made;
	const char		*name;
	char			 msg[512];
	size_t			 i;

	if (*rest == '/') {
		name = rest + 1;
		if (strcmp(req->method, "GET") != 0) {
			kube_status(resp, 405, "MethodNotAllowed", "the server "
			    "does not allow this method on the requested "
			    "resource");
		} else if (!ns_exists(sb, cid, ext, name)) {
			snprintf(msg, sizeof msg, "namespaces \"%.200s\" not "
			    "found", name);
			kube_status(resp, 404, "NotFound", msg);
		} else
			kube_send(resp, 200, ns_json(name));
		return;
	}
	if (strcmp(req->method, "GET") == 0) {
		a = ns_all(sb, cid, ext);
		items = json_object_new_array();
		for (i = 0; i < json_object_array_length(a); i++)
			json_object_array_add(items, ns_json(
			    json_object_get_string(json_object_array_get_idx(a,
			    i))));
		json_object_put(a);
		o = json_object_new_object();
		json_object_object_add(o, "kind",
		    json_object_new_string("NamespaceList"));
		json_object_object_add(o, "apiVersion",
		    json_object_new_string("v1"));
		json_object_object_add(o, "metadata", json_object_new_object());
		json_object_object_add(o, "items", items);
		kube_send(resp, 200, o);
		return;
	}
	if (strcmp(req->method, "POST") != 0) {
		kube_status(resp, 405, "MethodNotAllowed", "the server does "
		    "not allow this method on the requested resource");
		return;
	}
	body = json_tokener_parse(req->body);
	name = posted_name(body);
	if (name == NULL || !dns1123(name)) {
		snprintf(msg, sizeof msg, "Namespace \"%.200s\" is invalid: "
		    "metadata.name: Invalid value: \"%.200s\": a lowercase "
		    "RFC 1123 label must consist of lower case alphanumeric "
		    "characters or '-', and must start and end with an "
		    "alphanumeric character", name != NULL ? name : "",
		    name != NULL ? name : "");
		kube_status(resp, 422, "Invalid", msg);
	} else if (ns_exists(sb, cid, ext, name)) {
		snprintf(msg, sizeof msg, "namespaces \"%.200s\" already "
		    "exists", name);
		kube_status(resp, 409, "AlreadyExists", msg);
	} else {
		json_object_object_get_ex(store(sb, cid), "namespaces", &made);
		json_object_array_add(made, json_object_new_string(name));
		sb->world->dirty = true;
		kube_send(resp, 201, ns_json(name));
	}
	json_object_put(body);
}

/* The CRD of InstanceType (spec.scope Cluster: UNCONFIRMED). */
static struct json_object *
crd_json(void)
{
	struct json_object	*o = json_object_new_object(), *md, *sp, *n;

	json_object_object_add(o, "kind",
	    json_object_new_string("CustomResourceDefinition"));
	json_object_object_add(o, "apiVersion",
	    json_object_new_string("apiextensions.k8s.io/v1"));
	md = json_object_new_object();
	json_object_object_add(md, "name", json_object_new_string(
	    "instancetypes.amlarc.azureml.com"));
	json_object_object_add(o, "metadata", md);
	sp = json_object_new_object();
	json_object_object_add(sp, "group",
	    json_object_new_string("amlarc.azureml.com"));
	json_object_object_add(sp, "scope", json_object_new_string("Cluster"));
	n = json_object_new_object();
	json_object_object_add(n, "kind",
	    json_object_new_string("InstanceType"));
	json_object_object_add(n, "listKind",
	    json_object_new_string("InstanceTypeList"));
	json_object_object_add(n, "plural",
	    json_object_new_string("instancetypes"));
	json_object_object_add(n, "singular",
	    json_object_new_string("instancetype"));
	json_object_object_add(sp, "names", n);
	json_object_object_add(o, "spec", sp);
	return o;
}

/*
 * An InstanceType's spec is valid (C.7): CPU and memory, non-empty
 * strings, in both requests and limits; GPU only in limits.
 */
static bool
it_valid(struct json_object *it, char *msg, size_t len)
{
	static const char *const need[] = { "cpu", "memory" };
	struct json_object	*sp, *res, *part, *v;
	const char		*parts[2] = { "requests", "limits" };
	size_t			 i, k;

	if (!json_object_object_get_ex(it, "spec", &sp) ||
	    !json_object_object_get_ex(sp, "resources", &res)) {
		snprintf(msg, len, "spec.resources: Required value");
		return false;
	}
	for (k = 0; k < 2; k++) {
		if (!json_object_object_get_ex(res, parts[k], &part)) {
			snprintf(msg, len, "spec.resources.%s: Required value",
			    parts[k]);
			return false;
		}
		for (i = 0; i < 2; i++)
			if (!json_object_object_get_ex(part, need[i], &v) ||
			    !json_object_is_type(v, json_type_string) ||
			    *json_object_get_string(v) == '\0') {
				snprintf(msg, len, "spec.resources.%s.%s: "
				    "Required value: a non-empty string",
				    parts[k], need[i]);
				return false;
			}
		if (k == 0 && json_object_object_get_ex(part, "nvidia.com/gpu",
		    NULL)) {
			snprintf(msg, len, "spec.resources.requests."
			    "nvidia.com/gpu: Forbidden: GPU goes in limits "
			    "only");
			return false;
		}
	}
	return true;
}

static void
instance_types(struct sandbox *sb, const char *cid, const char *rest,
    const struct sb_request *req, struct sb_response *resp)
{
	struct json_object	*all, *o, *items, *body, *it, *md;
	const char		*name = *rest == '/' ? rest + 1 : NULL;
	const char		*m = req->method;
	char			 msg[512];

	json_object_object_get_ex(store(sb, cid), "instanceTypes", &all);
	if (name == NULL && strcmp(m, "GET") == 0) {
		items = json_object_new_array();
		json_object_object_foreach(all, k, v) {
			(void)k;
			json_object_array_add(items, json_object_get(v));
		}
		o = json_object_new_object();
		json_object_object_add(o, "kind",
		    json_object_new_string("InstanceTypeList"));
		json_object_object_add(o, "apiVersion",
		    json_object_new_string(IT_API));
		json_object_object_add(o, "metadata", json_object_new_object());
		json_object_object_add(o, "items", items);
		kube_send(resp, 200, o);
		return;
	}
	if (name != NULL && (strcmp(m, "GET") == 0 ||
	    strcmp(m, "DELETE") == 0)) {
		if (!json_object_object_get_ex(all, name, &it)) {
			snprintf(msg, sizeof msg, "instancetypes.amlarc."
			    "azureml.com \"%.200s\" not found", name);
			kube_status(resp, 404, "NotFound", msg);
			return;
		}
		if (strcmp(m, "GET") == 0) {
			kube_send(resp, 200, json_object_get(it));
			return;
		}
		json_object_get(it);
		json_object_object_del(all, name);
		sb->world->dirty = true;
		kube_send(resp, 200, it);
		return;
	}
	if (!((name == NULL && strcmp(m, "POST") == 0) ||
	    (name != NULL && strcmp(m, "PUT") == 0))) {
		kube_status(resp, 405, "MethodNotAllowed", "the server does "
		    "not allow this method on the requested resource");
		return;
	}
	body = json_tokener_parse(req->body);
	if (posted_name(body) == NULL || !dns1123(posted_name(body)) ||
	    (name != NULL && strcmp(name, posted_name(body)) != 0)) {
		kube_status(resp, 422, "Invalid", "InstanceType is invalid: "
		    "metadata.name: a lowercase RFC 1123 label, the one of "
		    "the path");
	} else if (!it_valid(body, msg, sizeof msg)) {
		char full[640];

		snprintf(full, sizeof full, "InstanceType.amlarc.azureml.com "
		    "\"%.64s\" is invalid: %s", posted_name(body), msg);
		kube_status(resp, 422, "Invalid", full);
	} else if (name == NULL && json_object_object_get_ex(all,
	    posted_name(body), NULL)) {
		snprintf(msg, sizeof msg, "instancetypes.amlarc.azureml.com "
		    "\"%.200s\" already exists", posted_name(body));
		kube_status(resp, 409, "AlreadyExists", msg);
	} else {
		json_object_object_add(body, "apiVersion",
		    json_object_new_string(IT_API));
		json_object_object_add(body, "kind",
		    json_object_new_string("InstanceType"));
		json_object_object_get_ex(body, "metadata", &md);
		json_object_object_del(md, "namespace");
		json_object_object_add(all, posted_name(body),
		    json_object_get(body));
		sb->world->dirty = true;
		kube_send(resp, name == NULL ? 201 : 200, json_object_get(body));
	}
	json_object_put(body);
}

/*
 * Whether the cluster still runs a legacy AKS compute's azureml-fe: a
 * compute of type AKS (live or detached) stood on it, and the deployment
 * was not deleted here.  *annotated: marked for the upgrade.
 */
bool
kube_legacy_fe(struct sandbox *sb, const char *cid, bool *annotated)
{
	struct sb_world		*w = sb->world;
	struct json_object	*fe, *p, *v, *an;
	bool			 legacy = false;
	size_t			 i;

	for (i = 0; i < w->ncomputes && !legacy; i++) {
		struct json_object	*res;

		/* Only a compute that may name the cluster is parsed. */
		if (!world_compute_may_hold(&w->computes[i], cid))
			continue;
		res = world_compute_peek(&w->computes[i]);
		legacy = json_object_object_get_ex(res, "properties", &p) &&
		    json_object_object_get_ex(p, "computeType", &v) &&
		    strcmp(json_object_get_string(v), "AKS") == 0 &&
		    json_object_object_get_ex(p, "resourceId", &v) &&
		    strcasecmp(json_object_get_string(v), cid) == 0;
		json_object_put(res);
	}
	fe = NULL;
	json_object_object_get_ex(store(sb, cid), "azuremlFe", &fe);
	if (json_object_object_get_ex(fe, "removed", &v) &&
	    json_object_get_boolean(v))
		legacy = false;
	*annotated = json_object_object_get_ex(fe, "annotations", &an) &&
	    json_object_object_get_ex(an, EXT_FE_UPGRADE_ANNOTATION, &v) &&
	    strcasecmp(json_object_get_string(v), "true") == 0;
	return legacy;
}

/*
 * The content types the API server takes for a PATCH of a built-in
 * object; a JSON patch (an array of operations) is not played here.
 */
static bool
patch_type_ok(const char *ct)
{
	static const char *const ok[] = { "application/merge-patch+json",
	    "application/strategic-merge-patch+json" };
	size_t	i, n;

	for (i = 0; ct != NULL && i < sizeof ok / sizeof ok[0]; i++) {
		n = strlen(ok[i]);
		if (strncasecmp(ct, ok[i], n) == 0 &&
		    (ct[n] == '\0' || ct[n] == ';'))
			return true;
	}
	return false;
}

/*
 * The legacy azureml-fe Deployment (default namespace, a placeholder
 * shape): GET, PATCH of its annotations (merge or strategic merge
 * patch; other media types 415 as the API server answers them), DELETE.
 */
static void
legacy_fe(struct sandbox *sb, const char *cid, const struct sb_request *req,
    struct sb_response *resp)
{
	struct json_object	*st = store(sb, cid), *fe, *an, *o, *md, *body;
	struct json_object	*bmd, *ban, *sp;
	bool			 annotated;

	if (!kube_legacy_fe(sb, cid, &annotated)) {
		kube_status(resp, 404, "NotFound", "deployments.apps "
		    "\"azureml-fe\" not found");
		return;
	}
	if (!json_object_object_get_ex(st, "azuremlFe", &fe)) {
		fe = json_object_new_object();
		json_object_object_add(st, "azuremlFe", fe);
	}
	if (!json_object_object_get_ex(fe, "annotations", &an)) {
		an = json_object_new_object();
		json_object_object_add(fe, "annotations", an);
	}
	if (strcmp(req->method, "DELETE") == 0) {
		json_object_object_add(fe, "removed",
		    json_object_new_boolean(true));
		sb->world->dirty = true;
	} else if (strcmp(req->method, "PATCH") == 0) {
		if (!patch_type_ok(sb_req_header(req, "Content-Type"))) {
			kube_status(resp, 415, "UnsupportedMediaType", "the body "
			    "of the request was in an unknown format - "
			    "accepted media types include: "
			    "application/json-patch+json, "
			    "application/merge-patch+json, "
			    "application/apply-patch+yaml, "
			    "application/strategic-merge-patch+json");
			return;
		}
		body = json_tokener_parse(req->body);
		if (json_object_object_get_ex(body, "metadata", &bmd) &&
		    json_object_object_get_ex(bmd, "annotations", &ban) &&
		    json_object_is_type(ban, json_type_object)) {
			/* Merge patch (RFC 7386): null removes a key. */
			json_object_object_foreach(ban, k, v) {
				if (v == NULL)
					json_object_object_del(an, k);
				else
					json_object_object_add(an, k,
					    json_object_get(v));
			}
			sb->world->dirty = true;
		}
		json_object_put(body);
	} else if (strcmp(req->method, "GET") != 0) {
		kube_status(resp, 405, "MethodNotAllowed", "the server does "
		    "not allow this method on the requested resource");
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "kind", json_object_new_string("Deployment"));
	json_object_object_add(o, "apiVersion",
	    json_object_new_string("apps/v1"));
	md = json_object_new_object();
	json_object_object_add(md, "name", json_object_new_string("azureml-fe"));
	json_object_object_add(md, "namespace",
	    json_object_new_string("default"));
	json_object_object_add(md, "annotations", json_object_get(an));
	json_object_object_add(o, "metadata", md);
	sp = json_object_new_object();
	json_object_object_add(sp, "replicas", json_object_new_int(3));
	json_object_object_add(o, "spec", sp);
	kube_send(resp, 200, o);
}

bool
kube_objects(struct sandbox *sb, struct sb_cluster *cl, const char *p,
    const struct sb_request *req, struct sb_response *resp)
{
	char	cid[SB_TEXT];
	bool	ext;

	world_cluster_id(cl, cid, sizeof cid);
	ext = k8s_extension_installed(sb->world, cid);
	if (strcmp(p, FE_PATH) == 0) {
		legacy_fe(sb, cid, req, resp);
		return true;
	}
	if (strncmp(p, NS_PATH, strlen(NS_PATH)) == 0 &&
	    (p[strlen(NS_PATH)] == '\0' || (p[strlen(NS_PATH)] == '/' &&
	    strchr(p + strlen(NS_PATH) + 1, '/') == NULL))) {
		namespaces(sb, cid, ext, p + strlen(NS_PATH), req, resp);
		return true;
	}
	if (strcmp(p, CRD_PATH) == 0 || (strncmp(p, IT_PATH,
	    strlen(IT_PATH)) == 0 && (p[strlen(IT_PATH)] == '\0' ||
	    (p[strlen(IT_PATH)] == '/' && strchr(p + strlen(IT_PATH) + 1,
	    '/') == NULL)))) {
		if (!ext)
			kube_status(resp, 404, "NotFound", "the server could "
			    "not find the requested resource");
		else if (strcmp(p, CRD_PATH) == 0)
			kube_send(resp, 200, crd_json());
		else
			instance_types(sb, cid, p + strlen(IT_PATH), req,
			    resp);
		return true;
	}
	return false;
}
