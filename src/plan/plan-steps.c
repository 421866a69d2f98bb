/*
 * A plan's steps (plan-steps.h): the kinds' table, the list a plan makes,
 * the bodies, and the update merge on json-c objects.
 */
#include "config.h"
#include "plan/plan-steps.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <openssl/crypto.h>

#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/rules-k8s.h"
#include "core/state.h"
#include "plan/plan-arm.h"
#include "plan/plan-deploy.h"
#include "plan/plan-endpoint.h"
#include "plan/plan-jw.h"
#include "plan/plan-k8s.h"
#include "plan/plan-migrate.h"

#define PEM_MAX		(256 * 1024)

/* One row a kind: everything the runner needs to know of it. */
static const struct step_kind_row {
	enum step_kind	 kind;
	const char	*name;		/* shown to users, never translated */
	const char	*id;		/* the journal's machine name */
	const char	*phrase;	/* N_(): what it does, for a screen */
	enum step_method method;
	enum step_done	 done;
	bool		 look_first;
	bool		 needs_current;
} kinds[] = {
	{ STEP_CREATE_COMPUTE, "create", "createCompute",
	    N_("create the cluster"), STEP_PUT, STEP_DONE_EXISTS, true, false },
	{ STEP_ATTACH_COMPUTE, "attach", "attachCompute",
	    N_("attach the cluster"), STEP_PUT, STEP_DONE_EXISTS, true, false },
	{ STEP_UPDATE_COMPUTE, "update", "updateCompute",
	    N_("apply the load balancer and TLS"), STEP_PUT,
	    STEP_DONE_MATCHES, false, true },
	/* TRANSLATORS: what a step of detach or migrate does. */
	{ STEP_DETACH_COMPUTE, "detach", "detachCompute",
	    N_("detach the compute (its cluster is kept)"),
	    STEP_DELETE, STEP_DONE_GONE, false, false },
	/* TRANSLATORS: a step of a create on today's path. */
	{ STEP_CREATE_CLUSTER, "create cluster", "createCluster",
	    N_("create the AKS cluster"), STEP_PUT, STEP_DONE_EXISTS, true,
	    false },
	/* TRANSLATORS: a step of a create on today's path. */
	{ STEP_INSTALL_EXTENSION, "install extension", "installExtension",
	    N_("install the Azure Machine Learning extension"), STEP_PUT,
	    STEP_DONE_EXISTS, true, false },
	/* TRANSLATORS: a step of a create on today's path. */
	{ STEP_ATTACH_KUBERNETES, "attach", "attachKubernetes",
	    N_("attach the cluster as a Kubernetes compute"), STEP_PUT,
	    STEP_DONE_EXISTS, true, false },
	/*
	 * Looked at first: a PUT whose answer was lost is not sent twice.
	 * TRANSLATORS: what a step of scale, detach or delete does.
	 */
	{ STEP_SCALE_POOL, "scale", "scalePool",
	    N_("scale the node pool"), STEP_PUT, STEP_DONE_MATCHES, true,
	    true },
	/* TRANSLATORS: what a step of detach does. */
	{ STEP_DELETE_EXTENSION, "uninstall", "deleteExtension",
	    N_("uninstall the Azure ML extension"), STEP_DELETE,
	    STEP_DONE_GONE, false, false },
	/* TRANSLATORS: what a step of detach or delete does. */
	{ STEP_DELETE_CLUSTER, "delete-cluster", "deleteCluster",
	    N_("delete the AKS cluster"), STEP_DELETE, STEP_DONE_GONE, false,
	    false },
	/* TRANSLATORS: what a step of delete does. */
	{ STEP_DELETE_COMPUTE, "delete", "deleteCompute",
	    N_("delete the compute"), STEP_DELETE, STEP_DONE_GONE, false,
	    false },
	/* TRANSLATORS: a step that creates a namespace in the cluster. */
	{ STEP_CREATE_NAMESPACE, "create namespace", "createNamespace",
	    N_("create the Kubernetes namespace"), STEP_POST,
	    STEP_DONE_EXISTS, true, false },
	/*
	 * TRANSLATORS: the first step of a migration: the legacy compute's
	 * azureml-fe gets the annotation that lets the extension take it
	 * over.
	 */
	{ STEP_ANNOTATE_FE, "annotate", "annotateFe",
	    N_("mark the old azureml-fe for the upgrade"), STEP_PATCH,
	    STEP_DONE_MATCHES, true, false },
	{ STEP_CREATE_ENDPOINT, "create endpoint", "createEndpoint",
	    N_("create the online endpoint"), STEP_PUT, STEP_DONE_EXISTS,
	    true, false },
	/*
	 * A deploy's uploads: done when the journal holds the version's ID.
	 * TRANSLATORS: steps of a deploy; a version is a registered asset.
	 */
	{ STEP_REGISTER_MODEL, "register model", "registerModel",
	    N_("upload and register the model"), STEP_PUT, STEP_DONE_EXISTS,
	    true, false },
	{ STEP_REGISTER_CODE, "register code", "registerCode",
	    N_("upload and register the scoring code"), STEP_PUT,
	    STEP_DONE_EXISTS, true, false },
	{ STEP_REGISTER_ENVIRONMENT, "register environment",
	    "registerEnvironment", N_("register the environment"), STEP_PUT,
	    STEP_DONE_EXISTS, true, false },
	/* TRANSLATORS: steps of a deploy. */
	{ STEP_CREATE_DEPLOYMENT, "create deployment", "createDeployment",
	    N_("create the online deployment"), STEP_PUT, STEP_DONE_EXISTS,
	    true, false },
	/* The endpoint's traffic, the others' shares kept: GET it first. */
	{ STEP_SET_TRAFFIC, "set traffic", "setTraffic",
	    N_("set the endpoint's traffic"), STEP_PATCH, STEP_DONE_MATCHES,
	    true, true },
};

static const struct step_kind_row *
row(enum step_kind k)
{
	size_t	i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kinds[i].kind == k)
			return &kinds[i];
	return &kinds[0];
}

const char *
step_kind_name(enum step_kind k)
{
	return row(k)->name;
}

const char *
step_kind_phrase(enum step_kind k)
{
	return _(row(k)->phrase);
}

const char *
step_kind_id(enum step_kind k)
{
	return row(k)->id;
}

bool
step_kind_parse(const char *id, enum step_kind *k)
{
	size_t	i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].id, id) == 0 ||
		    strcmp(kinds[i].name, id) == 0) {
			*k = kinds[i].kind;
			return true;
		}
	return false;
}

const char *
step_method_name(enum step_method m)
{
	switch (m) {
	case STEP_PUT:		return "PUT";
	case STEP_PATCH:	return "PATCH";
	case STEP_POST:		return "POST";
	case STEP_DELETE:	break;
	}
	return "DELETE";
}

/* A step of kind k as its row has it, without a target yet. */
static void
step_of(enum step_kind k, struct plan_step *s)
{
	const struct step_kind_row	*r = row(k);

	memset(s, 0, sizeof *s);
	s->kind = k;
	s->method = r->method;
	s->done = r->done;
	s->look_first = r->look_first;
	s->needs_current = r->needs_current;
}

/* A step of kind k on the plan's compute. */
static void
compute_step(const struct plan *p, enum step_kind k, struct plan_step *s)
{
	char	*path = plan_arm_path(p), *q;

	step_of(k, s);
	s->api_version = PLAN_ARM_API_VERSION;
	/* The path without its query is the compute's ID. */
	if ((q = strchr(path, '?')) != NULL)
		*q = '\0';
	snprintf(s->target, sizeof s->target, "%s", path);
	if (k == STEP_DETACH_COMPUTE)
		snprintf(s->query, sizeof s->query,
		    "underlyingResourceAction=%s",
		    detach_action_name(p->detach_action));
	else if (k == STEP_DELETE_COMPUTE)
		snprintf(s->query, sizeof s->query,
		    "underlyingResourceAction=%s",
		    detach_action_name(DETACH_DELETE));
	free(path);
}

/* A step of today's path: its own target and api-version. */
static void
k8s_step(const struct plan *p, enum step_kind k, struct plan_step *s)
{
	char	*id;

	step_of(k, s);
	switch (k) {
	case STEP_CREATE_CLUSTER:
		id = plan_k8s_cluster_id(p);
		s->api_version = PLAN_K8S_AKS_API_VERSION;
		break;
	case STEP_INSTALL_EXTENSION:
		id = plan_k8s_extension_id(p);
		s->api_version = PLAN_K8S_EXT_API_VERSION;
		break;
	default:
		id = p->op == PLAN_MIGRATE ? plan_migrate_compute_id(p) :
		    plan_k8s_compute_id(p);
		s->api_version = PLAN_K8S_ML_API_VERSION;
		break;
	}
	snprintf(s->target, sizeof s->target, "%s", id);
	free(id);
}

/*
 * The legacy azureml-fe of a v1 AksCompute: Deployment azureml-fe in the
 * default namespace (Azure/AML-Kubernetes
 * docs/attach-compute-on-aks-v1-cluster.md, step 1: "kubectl annotate
 * deployment azureml-fe azureml-fe-enable-upgrade=true").
 */
#define KUBE_FE_PATH	"/apis/apps/v1/namespaces/default/deployments/" \
			"azureml-fe"

char *
plan_steps_cluster_id(const struct plan *p)
{
	if (p->cluster_id[0] != '\0')
		return xstrdup(p->cluster_id);
	return plan_k8s_cluster_id(p);
}

/* A step on an object of the cluster's Kubernetes API. */
static void
kube_step(const struct plan *p, enum step_kind k, struct plan_step *s)
{
	char	*id = plan_steps_cluster_id(p);

	step_of(k, s);
	snprintf(s->cluster, sizeof s->cluster, "%s", id);
	free(id);
	if (k == STEP_CREATE_NAMESPACE) {
		s->api_version = "v1";
		snprintf(s->target, sizeof s->target, "/api/v1/namespaces/%s",
		    plan_namespace(p));
	} else {
		s->api_version = "apps/v1";
		snprintf(s->target, sizeof s->target, "%s", KUBE_FE_PATH);
	}
}

int
plan_steps_add_k8s_attach(const struct plan *p, enum step_kind *k, int n)
{
	if (strcmp(plan_namespace(p), "default") != 0)
		k[n++] = STEP_CREATE_NAMESPACE;
	k[n++] = STEP_ATTACH_KUBERNETES;
	return n;
}

const char *
plan_step_content_type(const struct plan_step *s)
{
	/* A JSON merge patch (RFC 7386), which the API server takes. */
	return s->method == STEP_PATCH && s->cluster[0] != '\0' ?
	    "application/merge-patch+json" : "application/json";
}

char *
plan_step_kube_path(const struct plan_step *s)
{
	char	*path = xstrdup(s->target), *slash;

	/* A create is sent to the object's collection. */
	if (s->method == STEP_POST && (slash = strrchr(path, '/')) != NULL)
		*slash = '\0';
	return path;
}

/*
 * A step of kind k on the AKS cluster of the plan's compute (cluster_id):
 * the cluster, its pool or its extension.
 */
static void
cluster_step(const struct plan *p, enum step_kind k, struct plan_step *s)
{
	step_of(k, s);
	s->api_version = PLAN_K8S_AKS_API_VERSION;
	switch (k) {
	case STEP_SCALE_POOL:
		snprintf(s->target, sizeof s->target, "%s/agentPools/%s",
		    p->cluster_id, p->nodepool);
		break;
	case STEP_DELETE_EXTENSION:
		snprintf(s->target, sizeof s->target, "%s/providers/"
		    "Microsoft.KubernetesConfiguration/extensions/%s",
		    p->cluster_id, EXT_NAME);
		s->api_version = PLAN_K8S_EXT_API_VERSION;
		break;
	default:
		snprintf(s->target, sizeof s->target, "%s", p->cluster_id);
		break;
	}
}

/* The online endpoint of a create-endpoint plan. */
static void
endpoint_step(const struct plan *p, enum step_kind k, struct plan_step *s)
{
	char	*id = plan_endpoint_id(p);

	step_of(k, s);
	s->api_version = PLAN_ENDPOINT_API_VERSION;
	snprintf(s->target, sizeof s->target, "%s", id);
	free(id);
}

int
plan_steps(const struct plan *p, struct plan_step *s, int max)
{
	enum step_kind	k[PLAN_STEPS_MAX];
	int		n = 0, i;

	switch (p->op) {
	case PLAN_CREATE:
		if (p->type == COMPUTE_KUBERNETES) {
			k[n++] = STEP_CREATE_CLUSTER;
			k[n++] = STEP_INSTALL_EXTENSION;
			n = plan_steps_add_k8s_attach(p, k, n);
			break;
		}
		k[n++] = STEP_CREATE_COMPUTE;
		break;
	case PLAN_ATTACH:
		if (p->type == COMPUTE_KUBERNETES) {
			/* Skipped when the extension has the settings. */
			k[n++] = STEP_INSTALL_EXTENSION;
			n = plan_steps_add_k8s_attach(p, k, n);
			break;
		}
		k[n++] = STEP_ATTACH_COMPUTE;
		if (plan_arm_needs_update(p))
			k[n++] = STEP_UPDATE_COMPUTE;
		break;
	case PLAN_UPDATE:
		if (p->type == COMPUTE_KUBERNETES) {
			k[n++] = STEP_INSTALL_EXTENSION;
			break;
		}
		k[n++] = STEP_UPDATE_COMPUTE;
		break;
	case PLAN_DETACH:
		k[n++] = STEP_DETACH_COMPUTE;
		if (p->uninstall_extension && p->cluster_id[0] != '\0')
			k[n++] = STEP_DELETE_EXTENSION;
		if (p->delete_cluster && p->cluster_id[0] != '\0')
			k[n++] = STEP_DELETE_CLUSTER;
		break;
	case PLAN_SCALE:
		k[n++] = STEP_SCALE_POOL;
		break;
	case PLAN_DELETE:
		k[n++] = STEP_DELETE_COMPUTE;
		if (p->delete_cluster && p->cluster_id[0] != '\0')
			k[n++] = STEP_DELETE_CLUSTER;
		break;
	case PLAN_MIGRATE:
		/* kubernetes-path.md D.4's order: scoring works throughout. */
		k[n++] = STEP_ANNOTATE_FE;
		k[n++] = STEP_INSTALL_EXTENSION;
		n = plan_steps_add_k8s_attach(p, k, n);
		k[n++] = STEP_DETACH_COMPUTE;
		break;
	case PLAN_CREATE_ENDPOINT:
		k[n++] = STEP_CREATE_ENDPOINT;
		break;
	case PLAN_DEPLOY:	/* plan-deploy.c's steps */
		n = plan_deploy_kinds(p, k, n);
		break;
	}
	for (i = 0; i < n && i < max; i++) {
		if (k[i] == STEP_CREATE_NAMESPACE || k[i] == STEP_ANNOTATE_FE)
			kube_step(p, k[i], &s[i]);
		else if (k[i] == STEP_CREATE_ENDPOINT)
			endpoint_step(p, k[i], &s[i]);
		else if (p->op == PLAN_DEPLOY) {
			step_of(k[i], &s[i]);
			s[i].api_version = PLAN_ENDPOINT_API_VERSION;
			plan_deploy_target(p, k[i], s[i].target,
			    sizeof s[i].target);
		}
		else if (k[i] == STEP_SCALE_POOL ||
		    k[i] == STEP_DELETE_EXTENSION ||
		    k[i] == STEP_DELETE_CLUSTER)
			cluster_step(p, k[i], &s[i]);
		else if (k[i] == STEP_CREATE_CLUSTER ||
		    k[i] == STEP_INSTALL_EXTENSION ||
		    k[i] == STEP_ATTACH_KUBERNETES)
			k8s_step(p, k[i], &s[i]);
		else
			compute_step(p, k[i], &s[i]);
		/*
		 * On an existing cluster (attach, update) the extension may be
		 * there: the step is done when it has the plan's settings.
		 */
		if (k[i] == STEP_INSTALL_EXTENSION && p->op != PLAN_CREATE)
			s[i].done = STEP_DONE_MATCHES;
	}
	return i;
}

/* Read a PEM file into memory (caller wipes and frees). */
static char *
read_pem(const char *path, struct err *err)
{
	FILE	*fp;
	char	*data;
	size_t	 n;

	if ((fp = fopen(path, "r")) == NULL) {
		err_set(err, ERR_IO, _("cannot read %s: %s"), path,
		    strerror(errno));
		return NULL;
	}
	data = xmalloc(PEM_MAX + 1);
	n = fread(data, 1, PEM_MAX, fp);
	fclose(fp);
	data[n] = '\0';
	return data;
}

/* properties.properties of a compute body, or NULL. */
static json_object *
aks_props(json_object *o)
{
	json_object	*p, *pp;

	if (o == NULL || !json_object_object_get_ex(o, "properties", &p) ||
	    !json_object_is_type(p, json_type_object) ||
	    !json_object_object_get_ex(p, "properties", &pp) ||
	    !json_object_is_type(pp, json_type_object))
		return NULL;
	return pp;
}

/* Member k of o, made an object if it is not one. */
static json_object *
object_at(json_object *o, const char *k)
{
	json_object	*v;

	if (json_object_object_get_ex(o, k, &v) &&
	    json_object_is_type(v, json_type_object))
		return v;
	v = json_object_new_object();
	json_object_object_add(o, k, v);
	return v;
}

static void
set_str(json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

/* sslConfiguration as the plan has it (the PEM text when given). */
static json_object *
ssl_object(const struct plan *p, const char *cert, const char *key)
{
	const struct plan_tls	*t = &p->tls;
	json_object		*o = json_object_new_object();

	set_str(o, "status", tls_status_name(t->mode));
	if (t->mode == TLS_MICROSOFT) {
		set_str(o, "leafDomainLabel", t->leaf_label);
		json_object_object_add(o, "overwriteExistingDomain",
		    json_object_new_boolean(t->overwrite));
	} else if (t->mode == TLS_CUSTOM) {
		if (cert != NULL)
			set_str(o, "cert", cert);
		if (key != NULL)
			set_str(o, "key", key);
		set_str(o, "cname", t->cname);
	}
	return o;
}

json_object *
plan_update_merge(json_object *cur, const struct plan *p, const char *cert,
    const char *key)
{
	static const char	*ro[] = { "provisioningState",
		"provisioningErrors", "createdOn", "modifiedOn",
		"isAttachedCompute" };
	static const char	*top_ro[] = { "id", "name", "type",
		"systemData" };
	json_object		*props, *pp;
	size_t			 i;

	for (i = 0; i < sizeof top_ro / sizeof top_ro[0]; i++)
		json_object_object_del(cur, top_ro[i]);
	props = object_at(cur, "properties");
	for (i = 0; i < sizeof ro / sizeof ro[0]; i++)
		json_object_object_del(props, ro[i]);
	set_str(props, "computeType", "AKS");
	pp = object_at(props, "properties");
	/*
	 * Replaced, not merged: a switch back to a public IP must not keep
	 * the old loadBalancerSubnet, nor a switch to a Microsoft
	 * certificate the old CNAME.
	 */
	json_object_object_del(pp, "loadBalancerSubnet");
	set_str(pp, "loadBalancerType", lb_type_name(p->lb_type));
	if (p->lb_subnet[0] != '\0')
		set_str(pp, "loadBalancerSubnet", p->lb_subnet);
	/*
	 * After an attach too: the service does not echo a certificate and
	 * key (x-ms-secret), so an update without them is refused as "not
	 * all ssl information provided".
	 */
	if (p->op != PLAN_ATTACH || p->tls.mode != TLS_DISABLED)
		json_object_object_add(pp, "sslConfiguration",
		    ssl_object(p, cert, key));
	return cur;
}

json_object *
plan_pool_merge(json_object *cur, const struct plan *p)
{
	static const char	*top_ro[] = { "id", "name", "type",
		"systemData" };
	json_object		*props;
	size_t			 i;

	for (i = 0; i < sizeof top_ro / sizeof top_ro[0]; i++)
		json_object_object_del(cur, top_ro[i]);
	props = object_at(cur, "properties");
	json_object_object_del(props, "provisioningState");
	json_object_object_add(props, "count",
	    json_object_new_int(p->node_count));
	return cur;
}

/* Wipe and free text that held a secret. */
static void
free_secret(char *s)
{
	if (s != NULL) {
		OPENSSL_cleanse(s, strlen(s));
		free(s);
	}
}

bool
plan_step_body(const struct plan *p, const struct plan_step *s,
    const char *location, json_object *current, char **body,
    struct err *err)
{
	struct plan_arm_opts	 opts;
	char			*cert = NULL, *key = NULL;

	*body = NULL;
	if (s->method == STEP_DELETE)
		return true;
	if (s->needs_current && current == NULL)
		/* TRANSLATORS: %s is an Azure resource ID. */
		return err_set(err, ERR_USAGE, _("%s is not there to change"),
		    s->target);
	if (s->kind == STEP_CREATE_NAMESPACE) {
		json_object	*o = json_object_new_object();
		json_object	*md = json_object_new_object();

		set_str(o, "apiVersion", "v1");
		set_str(o, "kind", "Namespace");
		set_str(md, "name", plan_namespace(p));
		json_object_object_add(o, "metadata", md);
		*body = xstrdup(json_object_to_json_string_ext(o,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(o);
		return true;
	}
	if (s->kind == STEP_ANNOTATE_FE) {
		*body = xstrdup("{\"metadata\":{\"annotations\":{\""
		    EXT_FE_UPGRADE_ANNOTATION "\":\"true\"}}}");
		return true;
	}
	if (s->kind == STEP_CREATE_ENDPOINT) {
		*body = plan_endpoint_body(p, location);
		return true;
	}
	if (s->kind == STEP_CREATE_DEPLOYMENT)
		return plan_deploy_body(p, location, body, err);
	if (s->kind == STEP_SET_TRAFFIC) {
		*body = plan_deploy_traffic_body(p, current);
		return true;
	}
	if (plan_deploy_is_register(s->kind))
		return true;	/* azure/assets.c's uploads, no body */
	memset(&opts, 0, sizeof opts);
	opts.location = location;
	/* On today's path only the extension carries them; a scale none. */
	if (p->tls.mode == TLS_CUSTOM && p->tls.cert_file[0] != '\0' &&
	    s->kind != STEP_SCALE_POOL && (p->type != COMPUTE_KUBERNETES ||
	    s->kind == STEP_INSTALL_EXTENSION)) {
		if ((cert = read_pem(p->tls.cert_file, err)) == NULL ||
		    (key = read_pem(p->tls.key_file, err)) == NULL) {
			free_secret(cert);
			return false;
		}
		opts.cert_pem = cert;
		opts.key_pem = key;
	}
	if (s->kind == STEP_SCALE_POOL)
		*body = xstrdup(json_object_to_json_string_ext(
		    plan_pool_merge(current, p),
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	else if (s->needs_current)
		*body = xstrdup(json_object_to_json_string_ext(
		    plan_update_merge(current, p, cert, key),
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	else if (s->kind == STEP_CREATE_CLUSTER)
		*body = plan_k8s_cluster_body(p, location);
	else if (s->kind == STEP_INSTALL_EXTENSION)
		*body = plan_k8s_extension_body(p, location, cert, key);
	else if (s->kind == STEP_ATTACH_KUBERNETES)
		*body = plan_k8s_compute_body(p, location);
	else
		*body = plan_arm_body(p, &opts);
	free_secret(cert);
	free_secret(key);
	return true;
}

/* Member k of o as text, or "". */
static const char *
str_at(json_object *o, const char *k)
{
	json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, k, &v) ||
	    !json_object_is_type(v, json_type_string))
		return "";
	return json_object_get_string(v);
}

bool
plan_step_done(const struct plan *p, const struct plan_step *s,
    json_object *current)
{
	json_object	*pp, *ssl;

	/* Registered: the journaled plan has the version's ID. */
	if (s->kind == STEP_REGISTER_MODEL)
		return p->registered.model[0] != '\0';
	if (s->kind == STEP_REGISTER_CODE)
		return p->registered.code[0] != '\0';
	if (s->kind == STEP_REGISTER_ENVIRONMENT)
		return p->registered.environment[0] != '\0';
	if (s->kind == STEP_SET_TRAFFIC)
		return plan_deploy_traffic_done(p, current);
	switch (s->done) {
	case STEP_DONE_EXISTS:
		return current != NULL;
	case STEP_DONE_GONE:
		return current == NULL;
	case STEP_DONE_MATCHES:
		break;
	}
	if (s->kind == STEP_ANNOTATE_FE) {
		json_object	*md, *an;

		/* No old azureml-fe: nothing to mark. */
		if (current == NULL)
			return true;
		return json_object_object_get_ex(current, "metadata", &md) &&
		    json_object_object_get_ex(md, "annotations", &an) &&
		    strcasecmp(str_at(an, EXT_FE_UPGRADE_ANNOTATION),
		    "true") == 0;
	}
	if (s->kind == STEP_INSTALL_EXTENSION)
		return plan_k8s_extension_done(p, current);
	if (s->kind == STEP_SCALE_POOL) {
		json_object	*props, *count;

		return current != NULL && json_object_object_get_ex(current,
		    "properties", &props) && json_object_object_get_ex(props,
		    "count", &count) && json_object_is_type(count,
		    json_type_int) && json_object_get_int(count) ==
		    p->node_count;
	}
	if ((pp = aks_props(current)) == NULL ||
	    strcasecmp(str_at(pp, "loadBalancerType"),
	    lb_type_name(p->lb_type)) != 0)
		return false;
	if (p->tls.mode == TLS_DISABLED)
		return true;
	return json_object_object_get_ex(pp, "sslConfiguration", &ssl) &&
	    strcasecmp(str_at(ssl, "status"),
	    tls_status_name(p->tls.mode)) == 0;
}
