/*
 * Azure ML workspace computes in the sandbox: PUT (create, attach,
 * update), GET, list with nextLink paging, DELETE with
 * underlyingResourceAction, listKeys, and the long-running operations
 * behind them (azure-api.md §1, §2.1 and §8).
 *
 * The checks are the src/core rules (rules.h), answered with the
 * service's codes and texts (service-behaviour.md).  Which ones are
 * synchronous follows the service as far as it is known:
 *   - body, name, sizing of a create, load balancer and TLS, virtual
 *     network, resource ID, other subscription, a cluster already
 *     attached or not running: 400 at once;
 *   - duplicate name: 409 Conflict (azure-api.md §8.6 leaves it open);
 *   - VM size not offered, quota (regional, family), the public-IP
 *     policy, and on attach the Kubernetes version, production size and
 *     a private cluster: the PUT is accepted (201) and the operation
 *     fails, with the error in provisioningErrors, as users saw it;
 *     settings.policyDenialSync makes the policy a synchronous 403.
 * Resources are kept in the 2024-04-01 shape and rendered in the shape
 * of the api-version asked for (agentVMSize up to 2021-01-01).
 */
#include "config.h"

#include "sandbox/arm.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <openssl/evp.h>

#include "common/clock.h"
#include "common/xalloc.h"
#include "core/ids.h"
#include "core/rules.h"
#include "core/verdict.h"
#include "core/versions.h"
#include "core/vmcatalogue.h"

#define COMPUTE_TYPE	"Microsoft.MachineLearningServices/workspaces/computes"

static const char *const compute_types[] = {
	"AKS", "Kubernetes", "AmlCompute", "ComputeInstance", "DataFactory",
	"VirtualMachine", "HDInsight", "Databricks", "DataLakeAnalytics",
	"SynapseSpark", NULL
};
static const char *const purposes[] = {
	"FastProd", "DenseProd", "DevTest", NULL
};
static const char *const lb_types[] = {
	"PublicIp", "InternalLoadBalancer", NULL
};
static const char *const ssl_statuses[] = {
	"Disabled", "Enabled", "Auto", NULL
};

/* What a PUT body says, after the type and enum checks. */
struct put_body {
	struct json_object	*root;		/* owned */
	struct json_object	*props;		/* properties (borrowed) */
	struct json_object	*inner;		/* properties.properties */
	const char		*location;
	const char		*compute_type;	/* canonical */
	const char		*compute_location;
	const char		*description;
	const char		*resource_id;
	const char		*vm_size;
	int			 agent_count;	/* -1: not given */
	const char		*purpose;	/* canonical */
	const char		*lb_type;
	const char		*lb_subnet;
	struct json_object	*ssl;
	struct json_object	*net;
};

static const char *
jstr(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static void
set_str(struct json_object *o, const char *key, const char *val)
{
	json_object_object_add(o, key, json_object_new_string(val));
}

/* A compute's properties, or NULL. */
static struct json_object *
props_of(struct json_object *res)
{
	struct json_object *p = NULL;

	json_object_object_get_ex(res, "properties", &p);
	return p;
}

/* A compute's properties.properties, or NULL. */
static struct json_object *
inner_of(struct json_object *res)
{
	struct json_object *p = props_of(res), *pp = NULL;

	if (p != NULL)
		json_object_object_get_ex(p, "properties", &pp);
	return pp;
}

/* ARM's 400 InvalidRequestContent with a formatted reason. */
static void
bad_content(struct arm_ctx *c, const char *fmt, const char *a,
    const char *b)
{
	char msg[1024];

	snprintf(msg, sizeof msg, fmt, a, b);
	sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
	    "The request content was invalid and could not be deserialized: "
	    "'%s'.", msg);
}

/*
 * Look up key in o, which must have JSON type t when present and not
 * null; false (400 sent) on a wrong type.
 */
static bool
field(struct arm_ctx *c, struct json_object *o, const char *key,
    json_type t, const char *path, struct json_object **out)
{
	struct json_object *v;
	static const char *const tn[] = { "null", "boolean", "number",
	    "integer", "object", "array", "string" };

	*out = NULL;
	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    json_object_is_type(v, json_type_null))
		return true;
	if (!json_object_is_type(v, t)) {
		bad_content(c, "Unexpected value type at path '%s': expected "
		    "%s.", path, tn[t]);
		return false;
	}
	*out = v;
	return true;
}

/* A string member (NULL when absent); false with the 400 sent. */
static bool
str_field(struct arm_ctx *c, struct json_object *o, const char *key,
    const char *path, const char **out)
{
	struct json_object *v;

	*out = NULL;
	if (!field(c, o, key, json_type_string, path, &v))
		return false;
	if (v != NULL)
		*out = json_object_get_string(v);
	return true;
}

/* A string enum, case-insensitive, canonicalised in place. */
static bool
enum_field(struct arm_ctx *c, struct json_object *o, const char *key,
    const char *path, const char *type, const char *const *values,
    const char **out)
{
	const char *v;
	size_t i;

	if (!str_field(c, o, key, path, &v))
		return false;
	*out = NULL;
	if (v == NULL)
		return true;
	for (i = 0; values[i] != NULL; i++)
		if (strcasecmp(v, values[i]) == 0) {
			*out = values[i];
			set_str(o, key, values[i]);
			return true;
		}
	{
		char msg[1024];

		snprintf(msg, sizeof msg, "Error converting value \"%.64s\" "
		    "to type '%s'. Path '%s'.", v, type, path);
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid and could not be "
		    "deserialized: '%s'.", msg);
	}
	return false;
}

/* Parse and type-check a PUT body; false with the 400 sent. */
static bool
parse_put(struct arm_ctx *c, struct put_body *b)
{
	struct json_tokener *tok;
	struct json_object *v;
	enum json_tokener_error jerr;
	const char *s;

	memset(b, 0, sizeof *b);
	b->agent_count = -1;
	tok = json_tokener_new_ex(64);
	b->root = json_tokener_parse_ex(tok, c->req->body,
	    (int)c->req->body_len);
	jerr = json_tokener_get_error(tok);
	if (b->root != NULL && jerr == json_tokener_success &&
	    json_tokener_get_parse_end(tok) < c->req->body_len) {
		/* Trailing garbage after the document. */
		for (s = c->req->body + json_tokener_get_parse_end(tok);
		    *s != '\0'; s++)
			if (strchr(" \t\r\n", *s) == NULL) {
				jerr = json_tokener_error_parse_unexpected;
				break;
			}
	}
	json_tokener_free(tok);
	if (b->root == NULL || jerr != json_tokener_success) {
		sb_resp_arm_error(c->resp, 400, "InvalidRequestContent",
		    "The request content was invalid and could not be "
		    "deserialized: '%s'.", b->root == NULL && c->req->body_len
		    == 0 ? "The request body is empty" :
		    json_tokener_error_desc(jerr));
		return false;
	}
	if (!json_object_is_type(b->root, json_type_object)) {
		bad_content(c, "Unexpected value type at path '%s': expected "
		    "%s.", "$", "object");
		return false;
	}
	if (!field(c, b->root, "properties", json_type_object, "properties",
	    &b->props) ||
	    !str_field(c, b->root, "location", "location", &b->location))
		return false;
	if (b->props == NULL) {
		sb_resp_arm_error(c->resp, 400, "BadRequest",
		    "The request body must have 'properties' with a "
		    "'computeType'.");
		return false;
	}
	if (!enum_field(c, b->props, "computeType", "properties.computeType",
	    "ComputeType", compute_types, &b->compute_type) ||
	    !str_field(c, b->props, "computeLocation",
	    "properties.computeLocation", &b->compute_location) ||
	    !str_field(c, b->props, "description", "properties.description",
	    &b->description) ||
	    !str_field(c, b->props, "resourceId", "properties.resourceId",
	    &b->resource_id) ||
	    !field(c, b->props, "properties", json_type_object,
	    "properties.properties", &b->inner))
		return false;
	if (b->compute_type == NULL) {
		sb_resp_arm_error(c->resp, 400, "BadRequest",
		    "The request body must have 'properties.computeType'.");
		return false;
	}
	if (!field(c, b->inner, "agentCount", json_type_int,
	    "properties.properties.agentCount", &v))
		return false;
	if (v != NULL) {
		int64_t n = json_object_get_int64(v);

		b->agent_count = n < 0 ? -2 : n > 100000 ? 100000 : (int)n;
		if (b->agent_count == -2) {
			sb_resp_arm_error(c->resp, 400, "BadRequest",
			    "Invalid configuration, agent count must be a "
			    "positive integer.");
			return false;
		}
	}
	/* .NET reads property names case-insensitively: both spellings. */
	if (!str_field(c, b->inner, "agentVmSize",
	    "properties.properties.agentVmSize", &b->vm_size))
		return false;
	if (b->vm_size == NULL) {
		if (!str_field(c, b->inner, "agentVMSize",
		    "properties.properties.agentVMSize", &b->vm_size))
			return false;
		if (b->vm_size != NULL) {
			set_str(b->inner, "agentVmSize", b->vm_size);
			b->vm_size = jstr(b->inner, "agentVmSize");
			json_object_object_del(b->inner, "agentVMSize");
		}
	}
	if (!enum_field(c, b->inner, "clusterPurpose",
	    "properties.properties.clusterPurpose", "ClusterPurpose",
	    purposes, &b->purpose) ||
	    !enum_field(c, b->inner, "loadBalancerType",
	    "properties.properties.loadBalancerType", "LoadBalancerType",
	    lb_types, &b->lb_type) ||
	    !str_field(c, b->inner, "loadBalancerSubnet",
	    "properties.properties.loadBalancerSubnet", &b->lb_subnet) ||
	    !field(c, b->inner, "sslConfiguration", json_type_object,
	    "properties.properties.sslConfiguration", &b->ssl) ||
	    !field(c, b->inner, "aksNetworkingConfiguration",
	    json_type_object,
	    "properties.properties.aksNetworkingConfiguration", &b->net))
		return false;
	if (b->ssl != NULL) {
		const char *x;

		if (!enum_field(c, b->ssl, "status",
		    "properties.properties.sslConfiguration.status",
		    "SslConfigStatus", ssl_statuses, &x) ||
		    !str_field(c, b->ssl, "cert", "sslConfiguration.cert",
		    &x) ||
		    !str_field(c, b->ssl, "key", "sslConfiguration.key", &x) ||
		    !str_field(c, b->ssl, "cname", "sslConfiguration.cname",
		    &x) ||
		    !str_field(c, b->ssl, "leafDomainLabel",
		    "sslConfiguration.leafDomainLabel", &x) ||
		    !field(c, b->ssl, "overwriteExistingDomain",
		    json_type_boolean,
		    "sslConfiguration.overwriteExistingDomain", &v))
			return false;
	}
	if (b->net != NULL) {
		const char *x;

		if (!str_field(c, b->net, "subnetId",
		    "aksNetworkingConfiguration.subnetId", &x) ||
		    !str_field(c, b->net, "serviceCidr",
		    "aksNetworkingConfiguration.serviceCidr", &x) ||
		    !str_field(c, b->net, "dnsServiceIP",
		    "aksNetworkingConfiguration.dnsServiceIP", &x) ||
		    !str_field(c, b->net, "dockerBridgeCidr",
		    "aksNetworkingConfiguration.dockerBridgeCidr", &x))
			return false;
	}
	return true;
}

/* The service's words for a rule's verdict (English, untranslated). */
static void
service_text(const struct verdict *v, char *buf, size_t len)
{
	switch (v->msg) {
	case MSG_PROD_NODES:
		snprintf(buf, len, "At least %d machine(s) are required for "
		    "cluster with purpose 'FastProd'. Available machine(s) : "
		    "%s", PROD_MIN_NODES, v->args[0]);
		return;
	case MSG_PROD_VCPU:
		snprintf(buf, len, "Agent coresCluster should have at least "
		    "%d cores to operate.", PROD_MIN_VCPU);
		return;
	case MSG_CLUSTER_TOO_SMALL:
		if (atoi(v->args[1]) < PROD_MIN_NODES)
			snprintf(buf, len, "At least %d machine(s) are "
			    "required for cluster with purpose 'FastProd'. "
			    "Available machine(s) : %s", PROD_MIN_NODES,
			    v->args[1]);
		else
			snprintf(buf, len, "Agent coresCluster should have at "
			    "least %d cores to operate.", PROD_MIN_VCPU);
		return;
	case MSG_NAME_EMPTY: case MSG_NAME_LENGTH: case MSG_NAME_CHARS:
	case MSG_NAME_FIRST: case MSG_NAME_LAST: case MSG_NAME_DIGIT_SUFFIX:
		snprintf(buf, len, "Compute name is invalid. It can include "
		    "letters, digits and dashes. It must start with a letter, "
		    "end with a letter or digit, and be between %d and %d "
		    "characters in length.", NAME_MIN_LEN, NAME_MAX_LEN);
		return;
	case MSG_NAME_RESERVED:
		snprintf(buf, len, "Please specify a different target name. "
		    "%s is a reserved name.", v->args[0]);
		return;
	case MSG_TLS_MICROSOFT_INTERNAL:
		snprintf(buf, len, "If your AKS cluster is configured with an "
		    "Internal Load Balancer, using a Microsoft provided "
		    "certificate is not supported and you must use custom "
		    "certificate to enable TLS.");
		return;
	case MSG_TLS_CUSTOM_INCOMPLETE:
		snprintf(buf, len, "Invalid configuration, not all ssl "
		    "information provided. To enable SSL validation please "
		    "provide the cname, cert pem file, and key pem file.");
		return;
	case MSG_TLS_LEAF_WITH_CUSTOM:
		snprintf(buf, len, "Invalid configuration. When leaf domain "
		    "label is provided, cname, cert pem file, or key pem file "
		    "should not be provided.");
		return;
	case MSG_TLS_OVERWRITE_ONLY_LEAF:
		snprintf(buf, len, "Invalid configuration. Overwrite existing "
		    "domain only applies to leaf domain label. When cname, "
		    "cert pem file, and key pem file is provided, Overwrite "
		    "existing domain should not be provided.");
		return;
	case MSG_LB_SUBNET_PUBLIC:
		snprintf(buf, len, "Invalid configuration, load balancer "
		    "subnet cannot be used with a Public IP.");
		return;
	case MSG_VNET_INCOMPLETE:
		snprintf(buf, len, "Invalid configuration, not all virtual "
		    "net information provided. To use a custom virtual net "
		    "with aks, please provide vnet name, vnet resource group, "
		    "subnet name, service cidr, dns service ip and docker "
		    "bridge cidr");
		return;
	case MSG_K8S_UNSUPPORTED:
		snprintf(buf, len, "Specified kubernetes version %s is not "
		    "supported. Supported versions are between %s - %s ",
		    v->args[0], v->args[1], v->args[2]);
		return;
	default:
		verdict_render(v, msg_format(v->msg), buf, len);
		return;
	}
}

/* The first error verdict, or NULL. */
static const struct verdict *
first_error(const struct verdicts *vs)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].severity == SEV_ERROR)
			return &vs->v[i];
	return NULL;
}

/* Answer 400 with the first error verdict in the service's words. */
static bool
sync_error(struct arm_ctx *c, const struct verdicts *vs)
{
	const struct verdict *v = first_error(vs);
	char msg[1024];

	if (v == NULL)
		return false;
	service_text(v, msg, sizeof msg);
	sb_resp_arm_error(c->resp, 400, "BadRequest", "%s", msg);
	return true;
}

/* The wrapper the service used for attach validation failures (§8.8). */
static struct json_object *
bad_request_error(const char *detail)
{
	struct json_object *e = json_object_new_object();
	struct json_object *d = json_object_new_array();

	set_str(e, "code", "BadRequest");
	json_object_object_add(e, "statusCode", json_object_new_int(400));
	set_str(e, "message", "The request is invalid");
	json_object_array_add(d, arm_err_new("BadRequestFormat", "%s",
	    detail));
	json_object_object_add(e, "details", d);
	return e;
}

/*
 * An operation's error carries the HTTP status of its code, as the
 * service reports it (azure-api.md §8.8): 403 for a policy denial, 500
 * for the service's own failure, 400 otherwise.  e is returned.
 */
static struct json_object *
with_status_code(struct json_object *e)
{
	const char *code = jstr(e, "code");

	if (e == NULL || json_object_object_get(e, "statusCode") != NULL)
		return e;
	json_object_object_add(e, "statusCode", json_object_new_int(
	    code != NULL && strcmp(code, "RequestDisallowedByPolicy") == 0 ?
	    403 : code != NULL && strcmp(code, "InternalServerError") == 0 ?
	    500 : 400));
	return e;
}

/* RequestDisallowedByPolicy, as Azure Policy denies (§8.9). */
static struct json_object *
policy_error(struct arm_ctx *c, const struct sb_group *g, const char *sub)
{
	struct json_object *e, *ai, *x, *info;
	char res[SB_NAME], buf[SB_TEXT];

	snprintf(res, sizeof res, "kubernetes-a%08llx",
	    (unsigned long long)(c->w->seq * 2654435761u & 0xffffffffu));
	e = arm_err_new("RequestDisallowedByPolicy", "Resource '%s' was "
	    "disallowed by policy. Reasons: '%s'. See error details for "
	    "policy resource IDs.", res, g->policy_display);
	set_str(e, "target", res);
	info = json_object_new_object();
	snprintf(buf, sizeof buf, "/providers/Microsoft.Authorization/"
	    "policyDefinitions/%s", g->policy_name);
	set_str(info, "policyDefinitionId", buf);
	set_str(info, "policyDefinitionName", g->policy_name);
	set_str(info, "policyDefinitionDisplayName", g->policy_display);
	set_str(info, "policyDefinitionEffect", "deny");
	snprintf(buf, sizeof buf, "/subscriptions/%s/resourceGroups/%s/"
	    "providers/Microsoft.Authorization/policyAssignments/%s", sub,
	    g->name, g->policy_name);
	set_str(info, "policyAssignmentId", buf);
	set_str(info, "policyAssignmentName", g->policy_name);
	set_str(info, "policyAssignmentDisplayName", g->policy_display);
	snprintf(buf, sizeof buf, "/subscriptions/%s/resourceGroups/%s", sub,
	    g->name);
	set_str(info, "policyAssignmentScope", buf);
	json_object_object_add(info, "policyAssignmentParameters",
	    json_object_new_object());
	x = json_object_new_object();
	set_str(x, "type", "PolicyViolation");
	json_object_object_add(x, "info", info);
	ai = json_object_new_array();
	json_object_array_add(ai, x);
	json_object_object_add(e, "additionalInfo", ai);
	return e;
}

/* The quota message of the compute resource provider, with numbers. */
static struct json_object *
quota_error(const char *quota, const char *location,
    const struct sb_usage *u, long need)
{
	return arm_err_new("OperationNotAllowed", "Operation could not be "
	    "completed as it results in exceeding approved %s Cores quota. "
	    "Additional details - Deployment Model: Resource Manager, "
	    "Location: %s, Current Limit: %ld, Current Usage: %ld, "
	    "Additional Required: %ld, (Minimum) New Limit Required: %ld. "
	    "Submit a request for Quota increase at https://aka.ms/"
	    "ProdportalCRP/?#create/Microsoft.Support/Parameters/ by "
	    "specifying parameters listed in the \u2018Details\u2019 section "
	    "for deployment to succeed.", quota, location, u->limit, u->usage,
	    need, u->usage + need);
}

static struct json_object *old_error(struct arm_ctx *, struct json_object *);
static bool compute_seen(struct arm_ctx *, size_t idx);

/* A new object holding references to src's members (no deep copy). */
static struct json_object *
shallow(struct json_object *src, const char *skip)
{
	struct json_object *o = json_object_new_object();

	if (src == NULL || !json_object_is_type(src, json_type_object))
		return o;
	json_object_object_foreach(src, k, v) {
		if (skip != NULL && strcmp(k, skip) == 0)
			continue;
		json_object_object_add(o, k, json_object_get(v));
	}
	return o;
}

/*
 * The members 2020-era versions define (ML 2020-06-01 swagger: Compute,
 * AKS.properties, SslConfiguration, AksNetworkingConfiguration); later
 * members (disableLocalAuth, clusterPurpose, loadBalancerType, ...) are
 * not in their shape.
 */
static const char *const old_compute_keys[] = {
	"computeType", "computeLocation", "provisioningState", "description",
	"createdOn", "modifiedOn", "resourceId", "provisioningErrors",
	"isAttachedCompute", "properties", NULL
};
static const char *const old_aks_keys[] = {
	"clusterFqdn", "systemServices", "agentCount", "agentVMSize",
	"sslConfiguration", "aksNetworkingConfiguration", NULL
};
static const char *const old_ssl_keys[] = {
	"status", "cert", "key", "cname", NULL
};
static const char *const old_net_keys[] = {
	"subnetId", "serviceCidr", "dnsServiceIP", "dockerBridgeCidr", NULL
};

/* o (a copy) without the members keys does not name. */
static void
keep_only(struct json_object *o, const char *const *keys)
{
	const char *drop[64];
	size_t n = 0, i;

	if (o == NULL || !json_object_is_type(o, json_type_object))
		return;
	json_object_object_foreach(o, k, v) {
		(void)v;
		for (i = 0; keys[i] != NULL && strcmp(keys[i], k) != 0; i++)
			;
		if (keys[i] == NULL && n < sizeof drop / sizeof drop[0])
			drop[n++] = k;
	}
	for (i = 0; i < n; i++)
		json_object_object_del(o, drop[i]);
}

/* pp's member key, copied one level and cut to keys (2020 shapes). */
static void
keep_only_in(struct json_object *pp, const char *key,
    const char *const *keys)
{
	struct json_object *v = json_object_object_get(pp, key), *cp;

	if (v == NULL || !json_object_is_type(v, json_type_object))
		return;
	cp = shallow(v, NULL);
	keep_only(cp, keys);
	json_object_object_add(pp, key, cp);
}

/* The compute's resource, to read or change in this request. */
static struct json_object *
res_of(struct arm_ctx *c, struct sb_compute *cp)
{
	return world_compute_res(c->w, cp);
}

/*
 * A compute in the shape of the api-version asked for.  Members are
 * shared with the stored resource (a list page renders many), so only
 * the copied levels are changed.
 */
static struct json_object *
render(struct arm_ctx *c, const struct sb_compute *cp)
{
	struct json_object *o = json_object_new_object();
	struct json_object *res = world_compute_peek(cp);
	struct json_object *sp = props_of(res), *p, *pp;
	char id[SB_TEXT];

	world_compute_id(cp, id, sizeof id);
	set_str(o, "id", id);
	set_str(o, "name", cp->name);
	set_str(o, "type", COMPUTE_TYPE);
	json_object_object_foreach(res, k, v) {
		if (strcmp(k, "id") == 0 || strcmp(k, "name") == 0 ||
		    strcmp(k, "type") == 0 || strcmp(k, "properties") == 0 ||
		    strcmp(k, KUBE_SECRET_MEMBER) == 0)
			continue;
		json_object_object_add(o, k, json_object_get(v));
	}
	p = shallow(sp, "properties");
	if (inner_of(res) != NULL) {
		pp = shallow(inner_of(res), NULL);
		if (arm_ml_old(c->api) && jstr(pp, "agentVmSize") != NULL) {
			json_object_object_add(pp, "agentVMSize",
			    json_object_get(json_object_object_get(pp,
			    "agentVmSize")));
			json_object_object_del(pp, "agentVmSize");
		}
		if (arm_ml_old(c->api)) {
			keep_only(pp, old_aks_keys);
			keep_only_in(pp, "sslConfiguration", old_ssl_keys);
			keep_only_in(pp, "aksNetworkingConfiguration",
			    old_net_keys);
		}
		json_object_object_add(p, "properties", pp);
	}
	if (arm_ml_old(c->api)) {
		struct json_object *pe = json_object_object_get(p,
		    "provisioningErrors"), *a;
		size_t i;

		keep_only(p, old_compute_keys);

		if (pe != NULL && json_object_is_type(pe, json_type_array)) {
			a = json_object_new_array();
			for (i = 0; i < json_object_array_length(pe); i++) {
				struct json_object *w, *e;

				e = json_object_object_get(
				    json_object_array_get_idx(pe, i), "error");
				w = json_object_new_object();
				json_object_object_add(w, "error",
				    old_error(c, e));
				json_object_array_add(a, w);
			}
			json_object_object_add(p, "provisioningErrors", a);
		}
	}
	json_object_object_add(o, "properties", p);
	if (!arm_ml_old(c->api)) {
		struct json_object *sd = json_object_new_object();

		set_str(sd, "createdAt", jstr(sp, "createdOn") != NULL ?
		    jstr(sp, "createdOn") : "");
		set_str(sd, "createdBy", "akswiz-sandbox");
		set_str(sd, "createdByType", "Application");
		set_str(sd, "lastModifiedAt", jstr(sp, "modifiedOn") != NULL ?
		    jstr(sp, "modifiedOn") : "");
		set_str(sd, "lastModifiedBy", "akswiz-sandbox");
		set_str(sd, "lastModifiedByType", "Application");
		json_object_object_add(o, "systemData", sd);
	}
	json_object_put(res);
	return o;
}

/* Azure-AsyncOperation (and Location) headers for an operation. */
static void
lro_headers(struct arm_ctx *c, const struct sb_op *op, bool location)
{
	char url[SB_TEXT * 2];

	arm_url(c, url, sizeof url, "/subscriptions/%s/providers/"
	    "Microsoft.MachineLearningServices/locations/%s/"
	    "computeOperationsStatus/%s?api-version=%s&service=new", op->sub,
	    op->location, op->id, c->api);
	sb_resp_header(c->resp, "Azure-AsyncOperation", "%s", url);
	if (location) {
		arm_url(c, url, sizeof url, "/subscriptions/%s/providers/"
		    "Microsoft.MachineLearningServices/locations/%s/"
		    "computeOperationsResults/%s?api-version=%s&service=new",
		    op->sub, op->location, op->id, c->api);
		sb_resp_header(c->resp, "Location", "%s", url);
	}
	sb_resp_header(c->resp, "Retry-After", "%d",
	    c->w->settings.retry_after);
}

/* Fill a plan_tls from an sslConfiguration (PEM text stands for files). */
static void
tls_of(struct json_object *ssl, struct plan_tls *t)
{
	const char *s = jstr(ssl, "status");
	struct json_object *v;

	memset(t, 0, sizeof *t);
	t->mode = s == NULL || strcmp(s, "Disabled") == 0 ? TLS_DISABLED :
	    strcmp(s, "Auto") == 0 ? TLS_MICROSOFT : TLS_CUSTOM;
	if (jstr(ssl, "leafDomainLabel") != NULL)
		strlcpy_ok(t->leaf_label, jstr(ssl, "leafDomainLabel"),
		    sizeof t->leaf_label);
	if (jstr(ssl, "cert") != NULL && *jstr(ssl, "cert") != '\0')
		strlcpy_ok(t->cert_file, "cert", sizeof t->cert_file);
	if (jstr(ssl, "key") != NULL && *jstr(ssl, "key") != '\0')
		strlcpy_ok(t->key_file, "key", sizeof t->key_file);
	if (jstr(ssl, "cname") != NULL)
		strlcpy_ok(t->cname, jstr(ssl, "cname"), sizeof t->cname);
	if (json_object_object_get_ex(ssl, "overwriteExistingDomain", &v))
		t->overwrite = json_object_get_boolean(v);
}

/* Load balancer and TLS rules; true with the 400 sent. */
static bool
lb_tls_errors(struct arm_ctx *c, const struct put_body *b)
{
	struct verdicts vs;
	struct plan_tls tls;

	verdicts_init(&vs);
	tls_of(b->ssl, &tls);
	rules_lb_tls(b->lb_type != NULL && strcmp(b->lb_type,
	    "InternalLoadBalancer") == 0 ? LB_INTERNAL : LB_PUBLIC,
	    b->lb_subnet != NULL ? b->lb_subnet : "", &tls, &vs);
	return sync_error(c, &vs);
}

/* The public-IP policy; true when it denies (sync 403 sent if so set). */
static bool
policy_denies(struct arm_ctx *c, const struct put_body *b,
    const struct sb_group *g, const char *sub, struct json_object **fail)
{
	if (g == NULL || !g->deny_public_ip || (b->lb_type != NULL &&
	    strcmp(b->lb_type, "InternalLoadBalancer") == 0))
		return false;
	if (c->w->settings.policy_sync) {
		arm_error_obj(c, 403, policy_error(c, g, sub));
		return true;
	}
	if (*fail == NULL)
		*fail = policy_error(c, g, sub);
	return false;
}

/* The inner properties kept for a compute (no secrets). */
static struct json_object *
kept_inner(const struct put_body *b)
{
	struct json_object *in = NULL, *ssl;

	if (b->inner != NULL)
		json_object_deep_copy(b->inner, &in, NULL);
	else
		in = json_object_new_object();
	if (jstr(in, "clusterPurpose") == NULL)
		set_str(in, "clusterPurpose", "FastProd");
	if (jstr(in, "loadBalancerType") == NULL)
		set_str(in, "loadBalancerType", "PublicIp");
	if (json_object_object_get_ex(in, "sslConfiguration", &ssl) &&
	    json_object_is_type(ssl, json_type_object)) {
		json_object_object_del(ssl, "cert");
		json_object_object_del(ssl, "key");
	}
	return in;
}

/* The stored resource of a new AKS compute. */
static struct json_object *
new_resource(struct arm_ctx *c, const struct put_body *b, const char *name,
    const char *location, const char *state, bool attached)
{
	struct json_object *res = json_object_new_object();
	struct json_object *p = json_object_new_object();
	char t[64];

	world_time(c->now_ms, t, sizeof t);
	set_str(res, "name", name);
	set_str(res, "location", location);
	set_str(p, "computeType", "AKS");
	set_str(p, "computeLocation", b->compute_location != NULL ?
	    b->compute_location : location);
	if (b->description != NULL)
		set_str(p, "description", b->description);
	set_str(p, "provisioningState", state);
	set_str(p, "createdOn", t);
	set_str(p, "modifiedOn", t);
	json_object_object_add(p, "isAttachedCompute",
	    json_object_new_boolean(attached));
	json_object_object_add(p, "disableLocalAuth",
	    json_object_new_boolean(false));
	json_object_object_add(p, "provisioningErrors", NULL);
	json_object_object_add(p, "properties", kept_inner(b));
	json_object_object_add(res, "properties", p);
	if (b->ssl != NULL && jstr(b->ssl, "status") != NULL &&
	    strcmp(jstr(b->ssl, "status"), "Disabled") != 0 &&
	    jstr(b->ssl, "cert") != NULL && jstr(b->ssl, "key") != NULL)
		kube_keep_secret(res, jstr(b->ssl, "cert"),
		    jstr(b->ssl, "key"));
	return res;
}

/* Start the operation and answer 201 (or 200) with the resource. */
static void
accepted(struct arm_ctx *c, size_t idx, enum sb_op_kind kind,
    const char *location, struct json_object *fail,
    struct json_object *update, int status)
{
	struct sb_op *op = world_add_op(c->w, kind, idx, c->now_ms);
	char code[128], msg[SB_TEXT];

	strlcpy_ok(op->location, location, sizeof op->location);
	if (fail == NULL && c->sb->faults != NULL &&
	    faults_operation_fails(c->sb->faults, c->w->computes[idx].name,
	    code, sizeof code, msg, sizeof msg))
		fail = arm_err_new(code, "%s", msg);
	op->fail = with_status_code(fail);
	op->update = update;
	lro_headers(c, op, false);
	arm_json(c, status, render(c, &c->w->computes[idx]));
}

/*
 * Creating a new AKS compute, refused as Azure refuses it today
 * (kubernetes-path.md D.2): the shape of the endpoint refusal, a
 * BadRequest with a NotSupported detail; the detail's text is a
 * placeholder (the service's own is unpublished), naming the way on.
 */
static void
legacy_create_refused(struct arm_ctx *c)
{
	struct json_object *e, *d;

	e = arm_err_new("BadRequest", "The request is invalid.");
	d = json_object_new_array();
	json_object_array_add(d, arm_err_new("NotSupported", "Creation of "
	    "new computes of type AKS is no longer supported. Use compute "
	    "type Kubernetes: create the AKS cluster, install the Azure "
	    "Machine Learning extension (Microsoft.AzureML.Kubernetes) on "
	    "it and attach it as a Kubernetes compute."));
	json_object_object_add(e, "details", d);
	arm_error_obj(c, 400, e);
}

/* PUT of a new AKS cluster through AML. */
static void
put_create(struct arm_ctx *c, struct sb_workspace *ws, const char *name,
    struct put_body *b)
{
	struct verdicts vs;
	struct json_object *fail = NULL;
	const struct vm_size *vm;
	struct sb_location *loc;
	const char *location, *size;
	enum purpose purpose = PURPOSE_FASTPROD;
	int count;
	size_t idx;

	if (c->w->settings.refuse_aks_create) {
		legacy_create_refused(c);
		return;
	}
	size = b->vm_size != NULL ? b->vm_size : "Standard_D3_v2";
	count = b->agent_count >= 0 ? b->agent_count : 3;
	if (b->purpose != NULL)
		purpose_parse(b->purpose, &purpose);
	vm = vm_catalogue_find(size);
	verdicts_init(&vs);
	rules_sizing(purpose, count, vm != NULL ? vm->vcpus : 0, false,
	    FIELD_NODE_COUNT, &vs);
	if (sync_error(c, &vs) || lb_tls_errors(c, b))
		return;
	if (b->net != NULL) {
		struct plan_vnet pv;
		char *id = xstrdup(jstr(b->net, "subnetId") != NULL ?
		    jstr(b->net, "subnetId") : "");
		char *segs[12], *save, *t;
		int n = 0;

		memset(&pv, 0, sizeof pv);
		for (t = strtok_r(id, "/", &save); t != NULL && n < 12;
		    t = strtok_r(NULL, "/", &save))
			segs[n++] = t;
		if (n == 10) {
			strlcpy_ok(pv.resource_group, segs[3],
			    sizeof pv.resource_group);
			strlcpy_ok(pv.vnet, segs[7], sizeof pv.vnet);
			strlcpy_ok(pv.subnet, segs[9], sizeof pv.subnet);
		}
		free(id);
#define NETF(f, k) strlcpy_ok(pv.f, jstr(b->net, k) != NULL ? \
		    jstr(b->net, k) : "", sizeof pv.f)
		NETF(service_cidr, "serviceCidr");
		NETF(dns_service_ip, "dnsServiceIP");
		NETF(docker_bridge_cidr, "dockerBridgeCidr");
#undef NETF
		verdicts_init(&vs);
		rules_vnet(&pv, NULL, &vs);
		if (sync_error(c, &vs))
			return;
	}
	location = b->compute_location != NULL ? b->compute_location :
	    b->location != NULL ? b->location : ws->location;

	/* What ends the operation Failed, checked in the service's order. */
	loc = world_location(c->w, location);
	if (loc == NULL || !world_size_offered(loc, size) || vm == NULL)
		fail = arm_err_new("BadRequest", "The VM size of %s is not "
		    "allowed in your subscription in location '%s'.", size,
		    location);
	if (fail == NULL) {
		struct quota_facts fam, reg;
		struct sb_usage *uf = world_usage(c->sub, location, vm->family);
		struct sb_usage *ur = world_usage(c->sub, location, "cores");
		long need = (long)count * vm->vcpus;

		memset(&fam, 0, sizeof fam);
		memset(&reg, 0, sizeof reg);
		if (uf != NULL) {
			fam.known = true;
			fam.limit = uf->limit;
			fam.usage = uf->usage;
			strlcpy_ok(fam.label, uf->label, sizeof fam.label);
		}
		if (ur != NULL) {
			reg.known = true;
			reg.limit = ur->limit;
			reg.usage = ur->usage;
		}
		verdicts_init(&vs);
		rules_quota(need, location, &fam, &reg, &vs);
		if (verdicts_has_msg(&vs, MSG_QUOTA_REGIONAL) && ur != NULL)
			fail = quota_error("Total Regional", location, ur,
			    need);
		else if (verdicts_has_msg(&vs, MSG_QUOTA_FAMILY) && uf != NULL)
			fail = quota_error(uf->name, location, uf, need);
	}
	if (policy_denies(c, b, c->group, c->sub->id, &fail)) {
		json_object_put(fail);
		return;
	}
	idx = world_add_compute(c->w, c->sub->id, c->group->name, ws->name,
	    name, new_resource(c, b, name, b->location != NULL ? b->location :
	    ws->location, "Creating", false));
	{
		struct json_object *in = inner_of(res_of(c,
		    &c->w->computes[idx]));

		json_object_object_add(in, "agentCount",
		    json_object_new_int(count));
		set_str(in, "agentVmSize", size);
	}
	accepted(c, idx, SB_OP_CREATE, location, fail, NULL, 201);
}

/* Which compute, if any, has this cluster attached (not idx). */
static struct sb_compute *
attached_by(struct arm_ctx *c, const char *cluster_id, long except)
{
	size_t i;

	for (i = 0; i < c->w->ncomputes; i++) {
		struct sb_compute *cp = &c->w->computes[i];
		const char *rid, *st;

		if (cp->gone || (long)i == except ||
		    !world_compute_may_hold(cp, cluster_id))
			continue;
		rid = jstr(props_of(res_of(c, cp)), "resourceId");
		st = jstr(props_of(res_of(c, cp)), "provisioningState");
		/* A failed attach attached nothing. */
		if (rid != NULL &&
		    arm_id_equal(rid, cluster_id) &&
		    (st == NULL || strcmp(st, "Failed") != 0))
			return cp;
	}
	return NULL;
}

/* PUT attaching an existing AKS cluster. */
static void
put_attach(struct arm_ctx *c, struct sb_workspace *ws, const char *name,
    struct put_body *b)
{
	struct verdicts vs;
	struct aks_id id;
	struct sb_cluster *cl;
	struct cluster_facts f;
	struct k8s_offer offers[32];
	struct sb_location *loc;
	struct sb_compute *other;
	struct sb_subscription *csub;
	struct json_object *fail = NULL, *res;
	enum purpose purpose = PURPOSE_FASTPROD;
	const struct verdict *v;
	char cid[SB_TEXT], msg[1024];
	size_t n = 0, i, idx;
	int p;

	verdicts_init(&vs);
	if (!aks_id_parse(b->resource_id, &id, FIELD_CLUSTER_ID, &vs)) {
		if (!sync_error(c, &vs))
			sb_resp_arm_error(c->resp, 400, "BadRequest",
			    "Invalid resource_id provided: %s",
			    b->resource_id);
		return;
	}
	attach_check_subscription(&id, ws->sub, &vs);
	if (verdicts_has_errors(&vs)) {
		sb_resp_arm_error(c->resp, 400, "BadRequest", "The AKS cluster "
		    "must be in the same subscription as the workspace: the "
		    "cluster is in subscription %s and workspace %s is in "
		    "subscription %s.", id.subscription, ws->name, ws->sub);
		return;
	}
	if ((cl = world_cluster(c->w, id.subscription, id.resource_group,
	    id.name)) == NULL) {
		sb_resp_arm_error(c->resp, 400, "BadRequest", "The AKS cluster "
		    "'%s' could not be found.", b->resource_id);
		return;
	}
	if (lb_tls_errors(c, b))
		return;
	world_cluster_id(cl, cid, sizeof cid);
	if (b->purpose != NULL)
		purpose_parse(b->purpose, &purpose);

	memset(&f, 0, sizeof f);
	strlcpy_ok(f.id, cid, sizeof f.id);
	strlcpy_ok(f.name, cl->name, sizeof f.name);
	strlcpy_ok(f.location, cl->location, sizeof f.location);
	strlcpy_ok(f.provisioning_state, cl->state,
	    sizeof f.provisioning_state);
	strlcpy_ok(f.power_state, cl->power, sizeof f.power_state);
	strlcpy_ok(f.version, cl->version, sizeof f.version);
	f.private_cluster = cl->private_cluster;
	for (p = 0; p < cl->npools; p++) {
		const struct vm_size *vm = vm_catalogue_find(
		    cl->pools[p].vm_size);

		f.node_count += cl->pools[p].count;
		if (vm != NULL)
			f.vcpu_total += cl->pools[p].count * vm->vcpus;
	}
	for (p = 0; p < cl->nranges; p++) {
		if (p > 0)
			strlcpy_ok(f.authorized_ranges + strlen(
			    f.authorized_ranges), ", ", sizeof
			    f.authorized_ranges - strlen(f.authorized_ranges));
		strlcpy_ok(f.authorized_ranges + strlen(f.authorized_ranges),
		    cl->ranges[p], sizeof f.authorized_ranges -
		    strlen(f.authorized_ranges));
	}
	if ((other = attached_by(c, cid, -1)) != NULL) {
		strlcpy_ok(f.attached_workspace, other->ws,
		    sizeof f.attached_workspace);
		strlcpy_ok(f.attached_as, other->name, sizeof f.attached_as);
	}
	if ((loc = world_location(c->w, cl->location)) != NULL)
		for (i = 0; i < loc->nk8s && n < 32; i++) {
			if (loc->k8s[i].retired)
				continue;
			offers[n].version = loc->k8s[i].version;
			offers[n].is_default = loc->k8s[i].is_default;
			offers[n++].is_preview = loc->k8s[i].preview;
		}
	verdicts_init(&vs);
	rules_attach_cluster(&f, purpose, ws->sub, offers, n, &vs);

	/* Refused at once: the cluster cannot be attached at all now. */
	if (first_error(&vs) != NULL) {
		for (i = 0; i < vs.n; i++) {
			v = &vs.v[i];
			if (v->severity != SEV_ERROR)
				continue;
			if (v->msg == MSG_CLUSTER_ATTACHED) {
				sb_resp_arm_error(c->resp, 409, "Conflict",
				    "The AKS cluster '%s' is already attached "
				    "to workspace '%s' as compute '%s'. Each "
				    "new attachment breaks the existing one; "
				    "detach it first.", cid,
				    f.attached_workspace, f.attached_as);
				return;
			}
			if (v->msg == MSG_CLUSTER_NOT_READY ||
			    v->msg == MSG_ATTACH_OTHER_SUBSCRIPTION) {
				service_text(v, msg, sizeof msg);
				sb_resp_arm_error(c->resp, 400, "BadRequest",
				    "%s", msg);
				return;
			}
		}
		/* Found only once the service talks to the cluster. */
		service_text(first_error(&vs), msg, sizeof msg);
		fail = bad_request_error(msg);
	}
	/*
	 * The sandbox's workspaces are on no virtual network, so the
	 * service cannot reach a private cluster's API server (core calls
	 * it a warning: "the workspace must be on the same network").
	 */
	if (fail == NULL && verdicts_has_msg(&vs, MSG_CLUSTER_PRIVATE)) {
		snprintf(msg, sizeof msg, "Unable to reach the Kubernetes API "
		    "server of private cluster '%s': the workspace is not on "
		    "the cluster's virtual network.", cl->name);
		fail = bad_request_error(msg);
	}
	csub = world_sub(c->w, cl->sub);
	if (policy_denies(c, b, csub != NULL ? world_group(csub, cl->group) :
	    NULL, cl->sub, &fail)) {
		json_object_put(fail);
		return;
	}
	res = new_resource(c, b, name, b->location != NULL ? b->location :
	    ws->location, "Updating", true);
	set_str(props_of(res), "resourceId", cid);
	if (b->compute_location == NULL)
		set_str(props_of(res), "computeLocation", cl->location);
	idx = world_add_compute(c->w, c->sub->id, c->group->name, ws->name,
	    name, res);
	accepted(c, idx, SB_OP_ATTACH, cl->location, fail, NULL, 201);
}

/*
 * Attach as compute type Kubernetes (kubernetes-path.md C): the cluster,
 * in the workspace's subscription, with the Azure ML extension installed
 * (else the operation fails, with placeholder text: the service's is
 * unpublished); KubernetesProperties echoed with their defaults.
 */
static void
put_kubernetes(struct arm_ctx *c, struct sb_workspace *ws, const char *name,
    struct put_body *b)
{
	struct verdicts vs;
	struct aks_id id;
	struct sb_cluster *cl;
	struct json_object *res, *in = NULL, *fail = NULL, *x;
	char cid[SB_TEXT];
	size_t idx;

	verdicts_init(&vs);
	if (b->resource_id == NULL ||
	    !aks_id_parse(b->resource_id, &id, FIELD_CLUSTER_ID, &vs) ||
	    (attach_check_subscription(&id, ws->sub, &vs),
	    verdicts_has_errors(&vs))) {
		sb_resp_arm_error(c->resp, 400, "BadRequest", "A Kubernetes "
		    "compute needs the resourceId of an AKS cluster in the "
		    "workspace's subscription %s; got '%s'.", ws->sub,
		    b->resource_id != NULL ? b->resource_id : "");
		return;
	}
	if ((cl = world_cluster(c->w, id.subscription, id.resource_group,
	    id.name)) == NULL || cl->gone) {
		sb_resp_arm_error(c->resp, 400, "BadRequest", "The AKS cluster "
		    "'%s' could not be found.", b->resource_id);
		return;
	}
	world_cluster_id(cl, cid, sizeof cid);
	if (!arm_extension_ready(c, cl))
		fail = bad_request_error("Azure Machine Learning extension is "
		    "not installed or not healthy on the cluster: install the "
		    "Microsoft.AzureML.Kubernetes extension, then attach it "
		    "(sandbox placeholder: the service's text is "
		    "unpublished).");
	res = new_resource(c, b, name, b->location != NULL ? b->location :
	    ws->location, "Creating", true);
	x = props_of(res);
	set_str(x, "computeType", "Kubernetes");
	set_str(x, "resourceId", cid);
	if (b->compute_location == NULL)
		set_str(x, "computeLocation", cl->location);
	if (json_object_object_get_ex(b->root, "identity", &in) &&
	    json_object_is_type(in, json_type_object))
		json_object_object_add(res, "identity", json_object_get(in));
	in = NULL;
	if (b->inner != NULL)
		json_object_deep_copy(b->inner, &in, NULL);
	else
		in = json_object_new_object();
	if (jstr(in, "namespace") == NULL)
		set_str(in, "namespace", "default");
	if (!json_object_object_get_ex(in, "extensionInstanceReleaseTrain",
	    NULL))
		set_str(in, "extensionInstanceReleaseTrain", "stable");
	json_object_object_add(in, "relayConnectionString", NULL);
	json_object_object_add(in, "serviceBusConnectionString", NULL);
	json_object_object_add(in, "extensionPrincipalId", NULL);
	if (!json_object_object_get_ex(in, "vcName", NULL))
		json_object_object_add(in, "vcName", NULL);
	json_object_object_add(x, "properties", in);
	idx = world_add_compute(c->w, c->sub->id, c->group->name, ws->name,
	    name, res);
	accepted(c, idx, SB_OP_ATTACH, cl->location, fail, NULL, 201);
}

/* PUT of the full body of an existing compute: load balancer, TLS. */
static void
put_update(struct arm_ctx *c, long idx, struct put_body *b)
{
	struct sb_compute *cp = &c->w->computes[idx];
	struct json_object *p = props_of(res_of(c, cp));
	struct json_object *old = inner_of(res_of(c, cp));
	struct json_object *in, *v, *fail = NULL;
	struct sb_cluster *cl = NULL;
	struct sb_subscription *csub;
	const char *rid = jstr(p, "resourceId"), *loc;
	struct aks_id id;
	struct verdicts vs;
	static const char *const keep[] = { "clusterFqdn", "systemServices",
	    "agentCount", "agentVmSize", "aksNetworkingConfiguration", NULL };
	size_t i;

	if (lb_tls_errors(c, b))
		return;
	in = kept_inner(b);
	for (i = 0; keep[i] != NULL; i++)
		if (old != NULL && json_object_object_get_ex(old, keep[i], &v))
			json_object_object_add(in, keep[i], json_object_get(v));
	verdicts_init(&vs);
	if (rid != NULL && aks_id_parse(rid, &id, FIELD_CLUSTER_ID, &vs))
		cl = world_cluster(c->w, id.subscription, id.resource_group,
		    id.name);
	csub = cl != NULL ? world_sub(c->w, cl->sub) : NULL;
	if (policy_denies(c, b, csub != NULL ? world_group(csub, cl->group) :
	    NULL, cl != NULL ? cl->sub : c->sub->id, &fail)) {
		json_object_put(in);
		json_object_put(fail);
		return;
	}
	if (b->description != NULL)
		set_str(p, "description", b->description);
	set_str(p, "provisioningState", "Updating");
	json_object_object_del(p, "provisioningErrors");
	/* The cluster's azuremlfessl secret follows the TLS settings. */
	if (fail == NULL && b->ssl != NULL && jstr(b->ssl, "status") != NULL) {
		if (strcmp(jstr(b->ssl, "status"), "Disabled") == 0)
			json_object_object_del(res_of(c, cp),
			    KUBE_SECRET_MEMBER);
		else if (jstr(b->ssl, "cert") != NULL &&
		    jstr(b->ssl, "key") != NULL)
			kube_keep_secret(res_of(c, cp), jstr(b->ssl, "cert"),
			    jstr(b->ssl, "key"));
	}
	loc = jstr(p, "computeLocation") != NULL ? jstr(p, "computeLocation") :
	    jstr(res_of(c, cp), "location");
	accepted(c, (size_t)idx, SB_OP_UPDATE, loc != NULL ? loc : "eastus",
	    fail, in, 200);
}

/* Whether an operation is running on the compute. */
static bool
busy(struct arm_ctx *c, struct sb_compute *cp)
{
	const char *s = jstr(props_of(res_of(c, cp)), "provisioningState");

	return s != NULL && (strcmp(s, "Creating") == 0 ||
	    strcmp(s, "Updating") == 0 || strcmp(s, "Deleting") == 0);
}

/* PUT of a compute: create, attach, update or refuse. */
static void
put_compute(struct arm_ctx *c, struct sb_workspace *ws, const char *name)
{
	struct put_body b;
	struct verdicts vs;
	long idx;

	if (!parse_put(c, &b))
		goto out;
	verdicts_init(&vs);
	rules_name(name, &vs);
	if (sync_error(c, &vs))
		goto out;
	if (strcmp(b.compute_type, "AKS") != 0 &&
	    strcmp(b.compute_type, "Kubernetes") != 0) {
		sb_resp_arm_error(c->resp, 400, "BadRequest", "The sandbox "
		    "creates and attaches only computes of type AKS or "
		    "Kubernetes, not %s.", b.compute_type);
		goto out;
	}
	idx = world_compute(c->w, c->sub->id, c->group->name, ws->name, name);
	if (idx >= 0) {
		struct sb_compute *cp = &c->w->computes[idx];
		const char *rid = jstr(props_of(res_of(c, cp)), "resourceId");
		const char *type = jstr(props_of(res_of(c, cp)), "computeType");

		if (busy(c, cp)) {
			sb_resp_arm_error(c->resp, 409, "Conflict", "Compute "
			    "'%s' is %s; wait for its operation to finish.",
			    cp->name, jstr(props_of(res_of(c, cp)),
			    "provisioningState"));
			goto out;
		}
		/* An update is the resource sent back: same cluster. */
		if (type != NULL && strcmp(type, "AKS") == 0 && rid != NULL &&
		    b.resource_id != NULL && arm_id_equal(rid, b.resource_id)) {
			put_update(c, idx, &b);
			goto out;
		}
		sb_resp_arm_error(c->resp, 409, "Conflict", "Compute name '%s' "
		    "is not available. Reason: AlreadyExists. Message: A "
		    "compute with this name already exists in workspace '%s'.",
		    cp->name, ws->name);
		goto out;
	}
	if (strcmp(b.compute_type, "Kubernetes") == 0)
		put_kubernetes(c, ws, name, &b);
	else if (b.resource_id != NULL)
		put_attach(c, ws, name, &b);
	else
		put_create(c, ws, name, &b);
out:
	json_object_put(b.root);
}

/* DELETE with underlyingResourceAction: detach or delete. */
static void
delete_compute(struct arm_ctx *c, struct sb_workspace *ws, const char *name)
{
	const char *action = sb_req_query(c->req, "underlyingResourceAction");
	enum sb_op_kind kind;
	struct sb_op *op;
	const char *loc;
	long idx;

	if (action == NULL) {
		sb_resp_arm_error(c->resp, 400, "BadRequest", "The query "
		    "parameter 'underlyingResourceAction' is required. "
		    "Allowed values: Delete, Detach.");
		return;
	}
	if (strcasecmp(action, "Detach") == 0)
		kind = SB_OP_DETACH;
	else if (strcasecmp(action, "Delete") == 0)
		kind = SB_OP_DELETE;
	else {
		sb_resp_arm_error(c->resp, 400, "BadRequest", "Invalid value "
		    "'%.64s' for query parameter 'underlyingResourceAction'. "
		    "Allowed values: Delete, Detach.", action);
		return;
	}
	idx = world_compute(c->w, c->sub->id, c->group->name, ws->name, name);
	if (idx < 0) {
		/* RPC: deleting what is not there is a success. */
		c->resp->status = arm_ml_old(c->api) ? 200 : 204;
		if (arm_ml_old(c->api))
			buf_adds(&c->resp->body, "{}");
		return;
	}
	if (busy(c, &c->w->computes[idx])) {
		sb_resp_arm_error(c->resp, 409, "Conflict", "Compute '%s' is "
		    "%s; wait for its operation to finish.", name,
		    jstr(props_of(res_of(c, &c->w->computes[idx])),
		    "provisioningState"));
		return;
	}
	set_str(props_of(res_of(c, &c->w->computes[idx])),
	    "provisioningState", "Deleting");
	op = world_add_op(c->w, kind, (size_t)idx, c->now_ms);
	loc = jstr(props_of(res_of(c, &c->w->computes[idx])),
	    "computeLocation");
	strlcpy_ok(op->location, loc != NULL ? loc : ws->location,
	    sizeof op->location);
	lro_headers(c, op, true);
	c->resp->status = 202;
}

/*
 * base64url of "i=N" (an opaque continuation token) and back.  N is where
 * the next page starts in the world's computes, which are only ever
 * appended to (a deleted one is marked gone): a page is read from there,
 * not counted from the first compute, so that it costs the same however
 * deep in the list it is, and a token stays valid while computes are
 * added or deleted, as ARM's do.
 */
static void
token_make(size_t index, char *buf, size_t len)
{
	char raw[32];
	unsigned char out[64];
	int n, i;

	n = snprintf(raw, sizeof raw, "i=%zu", index);
	n = EVP_EncodeBlock(out, (const unsigned char *)raw, n);
	for (i = 0; i < n; i++)
		out[i] = out[i] == '+' ? '-' : out[i] == '/' ? '_' : out[i];
	while (n > 0 && out[n - 1] == '=')
		n--;
	out[n] = '\0';
	strlcpy_ok(buf, (char *)out, len);
}

/* The index in a continuation token; false if it is not one. */
static bool
token_read(const char *tok, size_t *index)
{
	unsigned char in[64], out[64];
	size_t n = strlen(tok), i;
	int m;
	char *end;

	if (n == 0 || n > 40)
		return false;
	for (i = 0; i < n; i++)
		in[i] = tok[i] == '-' ? '+' : tok[i] == '_' ? '/' :
		    (unsigned char)tok[i];
	while (n % 4 != 0)
		in[n++] = '=';
	in[n] = '\0';
	if ((m = EVP_DecodeBlock(out, in, (int)n)) < 3)
		return false;
	out[m] = '\0';
	if (strncmp((char *)out, "i=", 2) != 0 ||
	    !isdigit((unsigned char)out[2]))
		return false;
	*index = strtoul((char *)out + 2, &end, 10);
	return end != (char *)out + 2 && *end == '\0';
}

/* One page of a workspace's computes, nextLink to the next. */
static void
list_computes(struct arm_ctx *c, struct sb_workspace *ws)
{
	const char *key = arm_ml_old(c->api) ? "$skiptoken" : "$skip";
	const char *tok = sb_req_query(c->req, key);
	struct json_object *o, *a;
	size_t start = 0, i;
	int page = c->w->settings.page_size;
	bool more = false;

	if (tok != NULL && (!token_read(tok, &start) ||
	    start > c->w->ncomputes)) {
		sb_resp_arm_error(c->resp, 400, "BadRequest", "The "
		    "continuation token '%.64s' is invalid.", tok);
		return;
	}
	a = json_object_new_array();
	for (i = start; i < c->w->ncomputes; i++) {
		struct sb_compute *cp = &c->w->computes[i];

		if (cp->gone || strcasecmp(cp->sub, c->sub->id) != 0 ||
		    strcasecmp(cp->group, c->group->name) != 0 ||
		    strcasecmp(cp->ws, ws->name) != 0)
			continue;
		if ((int)json_object_array_length(a) >= page) {
			more = true;
			break;
		}
		json_object_array_add(a, render(c, cp));
	}
	o = json_object_new_object();
	json_object_object_add(o, "value", a);
	if (more) {
		char t[64], url[SB_TEXT * 2];

		token_make(i, t, sizeof t);
		arm_url(c, url, sizeof url, "%s?api-version=%s&%s=%s",
		    c->req->path, c->api, key, t);
		set_str(o, "nextLink", url);
	}
	arm_json(c, 200, o);
}

/* listKeys of an AKS compute: plain-text kubeconfigs. */
static void
list_keys(struct arm_ctx *c, struct sb_compute *cp)
{
	struct json_object *o = json_object_new_object();
	char cfg[2048];
	const char *fqdn = jstr(inner_of(res_of(c, cp)), "clusterFqdn");

	snprintf(cfg, sizeof cfg, "apiVersion: v1\nkind: Config\nclusters:\n"
	    "- cluster:\n    server: https://%s:443\n  name: %s\n"
	    "contexts:\n- context:\n    cluster: %s\n    user: clusterUser\n"
	    "  name: %s\ncurrent-context: %s\nusers:\n- name: clusterUser\n"
	    "  user:\n    token: sandbox-redacted\n", fqdn != NULL ? fqdn :
	    "unknown", cp->name, cp->name, cp->name, cp->name);
	set_str(o, "computeType", "AKS");
	set_str(o, "userKubeConfig", cfg);
	set_str(o, "adminKubeConfig", cfg);
	set_str(o, "imagePullSecretName", "azuremlfessl");
	arm_json(c, 200, o);
}

/* .../workspaces/{ws}/computes[/{name}[/{action}]] */
void
arm_computes(struct arm_ctx *c, struct sb_workspace *ws)
{
	const char *m = c->req->method;
	const char *name = c->nseg > 3 ? c->seg[3] : NULL;
	long idx;

	if (c->nseg == 3) {
		if (strcmp(m, "GET") != 0)
			sb_resp_method_not_allowed(c->resp, c->req);
		else
			list_computes(c, ws);
		return;
	}
	if (c->nseg > 5) {
		sb_resp_no_resource_type(c->resp, c->req);
		return;
	}
	if (c->nseg == 5) {
		idx = world_compute(c->w, c->sub->id, c->group->name,
		    ws->name, name);
		if (strcmp(m, "POST") != 0 ||
		    strcasecmp(c->seg[4], "listKeys") != 0) {
			sb_resp_no_resource_type(c->resp, c->req);
		} else if (idx < 0)
			arm_not_found(c, COMPUTE_TYPE, name);
		else
			list_keys(c, &c->w->computes[idx]);
		return;
	}
	if (strcmp(m, "PUT") == 0) {
		put_compute(c, ws, name);
		return;
	}
	if (strcmp(m, "DELETE") == 0) {
		delete_compute(c, ws, name);
		return;
	}
	idx = world_compute(c->w, c->sub->id, c->group->name, ws->name, name);
	if (strcmp(m, "GET") == 0) {
		if (idx >= 0 && compute_seen(c, (size_t)idx))
			idx = -1;	/* that poll ended its delete */
		if (idx < 0) {
			char t[SB_TEXT];

			snprintf(t, sizeof t,
			    "Microsoft.MachineLearningServices/workspaces/%s/"
			    "computes", ws->name);
			arm_not_found(c, t, name);
		} else
			arm_json(c, 200, render(c, &c->w->computes[idx]));
		return;
	}
	if (strcmp(m, "PATCH") == 0) {
		sb_resp_arm_error(c->resp, 400, "BadRequest", "PATCH updates "
		    "only AmlCompute scale settings; to change an AKS compute, "
		    "PUT the full resource.");
		return;
	}
	sb_resp_method_not_allowed(c->resp, c->req);
}

/*
 * An error in the schema of the api-version: up to 2021-01-01 the ML
 * service's MachineLearningServiceError {code, message, details} (the
 * sandbox's extra members dropped), later common-types' ErrorResponse.
 */
static struct json_object *
old_error(struct arm_ctx *c, struct json_object *e)
{
	struct json_object *o;

	if (e == NULL || !arm_ml_old(c->api))
		return json_object_get(e);
	o = shallow(e, NULL);
	json_object_object_del(o, "target");
	json_object_object_del(o, "additionalInfo");
	return o;
}

/*
 * A GET of compute idx: with pollsToComplete, a poll of its running
 * operation (arm_op_seen says why), which may end it now.  True when
 * that ended a delete or a detach: the compute is gone.
 */
static bool
compute_seen(struct arm_ctx *c, size_t idx)
{
	size_t	i;

	if (c->w->settings.polls_to_complete <= 0)
		return false;
	for (i = 0; i < c->w->nops; i++)
		if (c->w->ops[i].compute == idx && !c->w->ops[i].done) {
			c->w->ops[i].polls++;
			c->w->dirty = true;
		}
	world_tick(c->w, c->now_ms, c->sb->speed);
	return c->w->computes[idx].gone;
}

/* How far a running operation is, in percent (never 100). */
static double
progress(struct arm_ctx *c, const struct sb_op *op)
{
	double p;

	if (c->w->settings.polls_to_complete > 0)
		p = 100.0 * op->polls / c->w->settings.polls_to_complete;
	else if (op->duration_s > 0)
		p = (double)(c->now_ms - op->start_ms) * c->sb->speed /
		    (op->duration_s * 10.0);
	else
		p = 0;
	return p < 0 ? 0 : p > 99 ? 99 : (double)(int)p;
}

/* An operation's status document, or its Location URL. */
void
arm_ml_operation(struct arm_ctx *c, const char *id, bool location)
{
	struct sb_op *op = world_op(c->w, id);
	struct json_object *o;
	char t[32], full[SB_TEXT];

	if (op == NULL || strcasecmp(op->sub, c->sub->id) != 0 ||
	    strcmp(c->req->method, "GET") != 0) {
		sb_resp_arm_error(c->resp, 404, "ResourceNotFound", "The "
		    "operation '%.64s' was not found.", id);
		return;
	}
	op->polls++;
	c->w->dirty = true;
	world_tick(c->w, c->now_ms, c->sb->speed);
	if (location) {
		if (!op->done) {
			lro_headers(c, op, true);
			c->resp->status = 202;
		} else if (op->fail != NULL)
			arm_error_obj(c, 400, old_error(c, op->fail));
		else if (arm_ml_old(c->api)) {
			c->resp->status = 200;
			buf_adds(&c->resp->body, "{}");
		} else
			c->resp->status = 204;
		return;
	}
	o = json_object_new_object();
	snprintf(full, sizeof full, "/subscriptions/%s/providers/"
	    "Microsoft.MachineLearningServices/locations/%s/"
	    "computeOperationsStatus/%s", op->sub, op->location, op->id);
	set_str(o, "id", full);
	set_str(o, "name", op->id);
	set_str(o, "status", !op->done ? "InProgress" : op->fail != NULL ?
	    "Failed" : "Succeeded");
	clock_format_iso8601((time_t)(op->start_ms / 1000), t, sizeof t);
	set_str(o, "startTime", t);
	if (op->done) {
		clock_format_iso8601((time_t)(op->end_ms / 1000), t, sizeof t);
		set_str(o, "endTime", t);
		json_object_object_add(o, "percentComplete",
		    json_object_new_double(100.0));
		if (op->fail != NULL)
			json_object_object_add(o, "error", old_error(c,
			    op->fail));
	} else {
		json_object_object_add(o, "percentComplete",
		    json_object_new_double(progress(c, op)));
		sb_resp_header(c->resp, "Retry-After", "%d",
		    c->w->settings.retry_after);
	}
	arm_json(c, 200, o);
}
