/*
 * Exports of a plan (see plan-export.h).  Each is plain text built in a
 * buffer: one flag or argument per line, so that a diff of two exports
 * reads like a diff of two plans.  Only members that are set are written,
 * so the tools' own defaults apply to the rest, as they would to a user
 * typing the command.
 *
 * Where a tool cannot do something in one call, the export says so in a
 * comment and adds the second call.  `az ml computetarget attach aks` takes
 * only the name, the cluster and the workspace, so the load balancer and
 * TLS follow in `az ml computetarget update aks`, and a purpose other than
 * FastProd cannot be had from az at all (the comment says so).  az has no
 * description flag.  An internal load balancer on attach is an update
 * after the attach in the SDK and ARM exports too, as akswiz does it
 * (DESIGN.md); the workspace's subscription is az's global --subscription.
 */
#include "config.h"
#include "plan/plan-export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/xalloc.h"
#include "core/ids.h"
#include "core/plan-deploy-check.h"
#include "core/rules.h"
#include "core/rules-change.h"
#include "core/rules-deploy.h"
#include "core/rules-k8s.h"
#include "plan/plan-arm.h"
#include "plan/plan-change.h"
#include "plan/plan-deploy.h"
#include "plan/plan-endpoint.h"
#include "plan/plan-k8s.h"
#include "plan/plan-migrate.h"
#include "plan/plan-steps.h"

bool
plan_export_kind_parse(const char *s, enum plan_export_kind *out)
{
	if (strcmp(s, "az") == 0)
		*out = PLAN_EXPORT_AZ;
	else if (strcmp(s, "python") == 0)
		*out = PLAN_EXPORT_PYTHON;
	else if (strcmp(s, "arm") == 0)
		*out = PLAN_EXPORT_ARM;
	else
		return false;
	return true;
}

/* Append s for a POSIX shell: bare when safe, else in single quotes. */
static void
sh_quote(struct buf *b, const char *s)
{
	const char	*p;

	if (s[0] != '\0' && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789_-./:=@%+,") == strlen(s)) {
		buf_adds(b, s);
		return;
	}
	buf_adds(b, "'");
	for (p = s; *p != '\0'; p++)
		if (*p == '\'')
			buf_adds(b, "'\\''");
		else
			buf_add(b, p, 1);
	buf_adds(b, "'");
}

/* Append s as a Python string literal in double quotes. */
static void
py_quote(struct buf *b, const char *s)
{
	const unsigned char	*p;

	buf_adds(b, "\"");
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p == '"' || *p == '\\')
			buf_addf(b, "\\%c", *p);
		else if (*p == '\n')
			buf_adds(b, "\\n");
		else if (*p < 0x20 || *p == 0x7f)
			buf_addf(b, "\\x%02x", *p);
		else
			buf_add(b, p, 1);
	buf_adds(b, "\"");
}

/* One " \\\n    --flag value" continuation line; skipped when v is empty. */
static void
az_flag(struct buf *b, const char *flag, const char *v)
{
	if (v != NULL && v[0] == '\0')
		return;
	buf_addf(b, " \\\n    %s", flag);
	if (v != NULL) {
		buf_adds(b, " ");
		sh_quote(b, v);
	}
}

/* The workspace scope of an az ml command. */
static void
az_workspace(struct buf *b, const struct plan *p)
{
	az_flag(b, "--subscription", p->scope.subscription);
	az_flag(b, "--resource-group", p->scope.resource_group);
	az_flag(b, "--workspace-name", p->scope.workspace);
}

/* --name and the workspace scope, common to every az command. */
static void
az_target(struct buf *b, const struct plan *p)
{
	az_flag(b, "--name", p->name[0] != '\0' ? p->name : "NAME");
	az_workspace(b, p);
}

/* The --ssl-* flags of the plan's TLS mode (--ssl-disable only on update). */
static void
az_tls(struct buf *b, const struct plan *p, bool update)
{
	const struct plan_tls	*t = &p->tls;

	if (t->mode == TLS_MICROSOFT) {
		az_flag(b, "--ssl-leaf-domain-label", t->leaf_label);
		if (t->overwrite)
			az_flag(b, "--ssl-overwrite-domain", NULL);
	} else if (t->mode == TLS_CUSTOM) {
		az_flag(b, "--ssl-cert-file", t->cert_file);
		az_flag(b, "--ssl-key-file", t->key_file);
		az_flag(b, "--ssl-cname", t->cname);
	} else if (update)
		az_flag(b, "--ssl-disable", NULL);
}

/* The load balancer flags. */
static void
az_lb(struct buf *b, const struct plan *p)
{
	az_flag(b, "--load-balancer-type", lb_type_name(p->lb_type));
	az_flag(b, "--load-balancer-subnet", p->lb_subnet);
}

/* A comment line: az has no flag for the plan's description. */
static void
az_no_description(struct buf *b, const struct plan *p)
{
	if (p->description[0] == '\0')
		return;
	buf_adds(b, "# az takes no description; akswiz would send ");
	py_quote(b, p->description);
	buf_adds(b, ".\n");
}

/* The az commands of a detach's steps on a Kubernetes compute's cluster. */
static void
az_cluster_steps(struct buf *b, const struct plan *p)
{
	struct aks_id	 id;
	struct verdicts	 vs;

	verdicts_init(&vs);
	if ((!p->uninstall_extension && !p->delete_cluster) ||
	    !aks_id_parse(p->cluster_id, &id, FIELD_CLUSTER_ID, &vs))
		return;
	if (p->uninstall_extension) {
		buf_adds(b, "az k8s-extension delete --yes");
		az_flag(b, "--name", "azureml");
		az_flag(b, "--cluster-type", "managedClusters");
		az_flag(b, "--cluster-name", id.name);
		az_flag(b, "--resource-group", id.resource_group);
		az_flag(b, "--subscription", id.subscription);
		buf_adds(b, "\n");
	}
	if (p->delete_cluster) {
		buf_adds(b, "az aks delete --yes");
		az_flag(b, "--name", id.name);
		az_flag(b, "--resource-group", id.resource_group);
		az_flag(b, "--subscription", id.subscription);
		buf_adds(b, "\n");
	}
}

/* The az ml computetarget commands that do what the plan does. */
static void
export_az(struct buf *b, const struct plan *p)
{
	char	num[16];

	switch (p->op) {
	case PLAN_CREATE:
		az_no_description(b, p);
		buf_adds(b, "az ml computetarget create aks");
		az_target(b, p);
		az_flag(b, "--cluster-purpose", purpose_name(p->purpose));
		az_flag(b, "--vm-size", p->vm_size);
		if (p->node_count != 0) {
			snprintf(num, sizeof num, "%d", p->node_count);
			az_flag(b, "--agent-count", num);
		}
		az_flag(b, "--location", p->location);
		az_lb(b, p);
		az_flag(b, "--vnet-resourcegroup-name",
		    p->vnet.resource_group);
		az_flag(b, "--vnet-name", p->vnet.vnet);
		az_flag(b, "--subnet-name", p->vnet.subnet);
		az_flag(b, "--service-cidr", p->vnet.service_cidr);
		az_flag(b, "--dns-service-ip", p->vnet.dns_service_ip);
		az_flag(b, "--docker-bridge-cidr", p->vnet.docker_bridge_cidr);
		az_tls(b, p, false);
		buf_adds(b, "\n");
		break;
	case PLAN_ATTACH:
		az_no_description(b, p);
		if (p->purpose != PURPOSE_FASTPROD)
			buf_addf(b, "# az attaches for FastProd and has no "
			    "--cluster-purpose; for %s use the python or arm "
			    "export.\n", purpose_name(p->purpose));
		buf_adds(b, "az ml computetarget attach aks");
		az_target(b, p);
		az_flag(b, "--compute-resource-id", p->cluster_id);
		buf_adds(b, "\n");
		if (p->lb_type == LB_PUBLIC && p->tls.mode == TLS_DISABLED)
			break;
		buf_adds(b, "\n# az attach takes no load balancer or TLS "
		    "flags: an update sets them once the attach has "
		    "succeeded.\naz ml computetarget update aks");
		az_target(b, p);
		if (p->lb_type != LB_PUBLIC)
			az_lb(b, p);
		az_tls(b, p, false);
		buf_adds(b, "\n");
		break;
	case PLAN_UPDATE:
		buf_adds(b, "az ml computetarget update aks");
		az_target(b, p);
		az_lb(b, p);
		az_tls(b, p, true);
		buf_adds(b, "\n");
		break;
	case PLAN_DETACH:
		buf_adds(b, p->detach_action == DETACH_DELETE ?
		    "az ml computetarget delete" :
		    "az ml computetarget detach");
		az_target(b, p);
		buf_adds(b, "\n");
		az_cluster_steps(b, p);
		break;
	case PLAN_SCALE:
	case PLAN_DELETE:
	case PLAN_MIGRATE:	/* plan_export() has its own */
	case PLAN_CREATE_ENDPOINT:
	case PLAN_DEPLOY:
	case PLAN_UPDATE_DEPLOYMENT:
	case PLAN_SET_TRAFFIC:
	case PLAN_DELETE_DEPLOYMENT:
	case PLAN_DELETE_ENDPOINT:
		buf_addf(b, "# akswiz %s: no az ml computetarget command "
		    "does it; see the arm export.\n", plan_op_name(p->op));
		break;
	}
}

/* "    name=value,\n" for a Python keyword argument; skipped when empty. */
static void
py_arg(struct buf *b, bool *first, const char *name, const char *v)
{
	if (v[0] == '\0')
		return;
	buf_addf(b, "%s\n    %s=", *first ? "" : ",", name);
	py_quote(b, v);
	*first = false;
}

static void
py_raw_arg(struct buf *b, bool *first, const char *name, const char *v)
{
	buf_addf(b, "%s\n    %s=%s", *first ? "" : ",", name, v);
	*first = false;
}

static const char *
py_purpose(enum purpose pu)
{
	switch (pu) {
	case PURPOSE_FASTPROD:	return "AksCompute.ClusterPurpose.FAST_PROD";
	case PURPOSE_DEVTEST:	return "AksCompute.ClusterPurpose.DEV_TEST";
	case PURPOSE_DENSEPROD:	return "\"DenseProd\"";
	}
	return "";
}

/* ws = Workspace.get(...), or from_config() when the plan has no scope. */
static void
py_workspace(struct buf *b, const struct plan *p)
{
	bool	first = true;

	if (p->scope.subscription[0] == '\0' &&
	    p->scope.resource_group[0] == '\0' &&
	    p->scope.workspace[0] == '\0') {
		buf_adds(b, "ws = Workspace.from_config()\n");
		return;
	}
	buf_adds(b, "ws = Workspace.get(");
	py_arg(b, &first, "name", p->scope.workspace);
	py_arg(b, &first, "subscription_id", p->scope.subscription);
	py_arg(b, &first, "resource_group", p->scope.resource_group);
	buf_adds(b, ")\n");
}

/* config.enable_ssl(...) for a Microsoft or custom certificate. */
static void
py_enable_ssl(struct buf *b, const char *config, const struct plan *p)
{
	const struct plan_tls	*t = &p->tls;
	bool			 first = true;

	if (t->mode == TLS_DISABLED)
		return;
	buf_addf(b, "%s.enable_ssl(", config);
	if (t->mode == TLS_MICROSOFT) {
		py_arg(b, &first, "leaf_domain_label", t->leaf_label);
		if (t->overwrite)
			py_raw_arg(b, &first, "overwrite_existing_domain",
			    "True");
	} else {
		py_arg(b, &first, "ssl_cert_pem_file", t->cert_file);
		py_arg(b, &first, "ssl_key_pem_file", t->key_file);
		py_arg(b, &first, "ssl_cname", t->cname);
	}
	buf_adds(b, ")\n");
}

static void
py_name(struct buf *b, const struct plan *p)
{
	py_quote(b, p->name[0] != '\0' ? p->name : "NAME");
}

static void
py_wait(struct buf *b)
{
	buf_adds(b, "aks_target.wait_for_completion(show_output=True)\n");
}

/* An AksUpdateConfiguration for the load balancer (and TLS if ssl). */
static void
py_update(struct buf *b, const struct plan *p, bool ssl)
{
	const struct plan_tls	*t = &p->tls;
	bool			 first = true;

	if (ssl) {
		buf_adds(b, "ssl_config = SslConfiguration(");
		if (t->mode == TLS_DISABLED)
			py_raw_arg(b, &first, "status", "\"Disabled\"");
		else if (t->mode == TLS_MICROSOFT) {
			py_raw_arg(b, &first, "status", "\"Auto\"");
			py_arg(b, &first, "leaf_domain_label", t->leaf_label);
			if (t->overwrite)
				py_raw_arg(b, &first,
				    "overwrite_existing_domain", "True");
		} else {
			py_raw_arg(b, &first, "status", "\"Enabled\"");
			buf_adds(b, ",\n    cert=open(");
			py_quote(b, t->cert_file);
			buf_adds(b, ").read(),\n    key=open(");
			py_quote(b, t->key_file);
			buf_adds(b, ").read()");
			py_arg(b, &first, "cname", t->cname);
		}
		buf_adds(b, ")\n");
	}
	buf_addf(b, "update_config = AksUpdateConfiguration(%s, ",
	    ssl ? "ssl_config" : "None");
	py_quote(b, lb_type_name(p->lb_type));
	buf_adds(b, ", ");
	if (p->lb_subnet[0] != '\0')
		py_quote(b, p->lb_subnet);
	else
		buf_adds(b, "None");
	buf_adds(b, ")\naks_target.update(update_config)\n");
	py_wait(b);
}

/* The azureml.core (SDK v1) snippet that does what the plan does. */
static void
export_python(struct buf *b, const struct plan *p)
{
	char	num[16];
	bool	first = true;

	buf_adds(b, "from azureml.core import Workspace\n"
	    "from azureml.core.compute import AksCompute, ComputeTarget\n");
	if (p->op == PLAN_UPDATE)
		buf_adds(b, "from azureml.core.compute.aks import "
		    "AksUpdateConfiguration, SslConfiguration\n");
	else if (plan_arm_needs_update(p))
		buf_adds(b, "from azureml.core.compute.aks import "
		    "AksUpdateConfiguration\n");
	buf_adds(b, "\n");
	py_workspace(b, p);
	if (p->description[0] != '\0' && p->op != PLAN_DETACH) {
		buf_adds(b, "# The SDK takes no description; akswiz would send ");
		py_quote(b, p->description);
		buf_adds(b, ".\n");
	}
	buf_adds(b, "\n");
	switch (p->op) {
	case PLAN_CREATE:
		buf_adds(b, "prov_config = AksCompute."
		    "provisioning_configuration(");
		if (p->node_count != 0) {
			snprintf(num, sizeof num, "%d", p->node_count);
			py_raw_arg(b, &first, "agent_count", num);
		}
		py_arg(b, &first, "vm_size", p->vm_size);
		py_raw_arg(b, &first, "cluster_purpose",
		    py_purpose(p->purpose));
		py_arg(b, &first, "location", p->location);
		py_arg(b, &first, "load_balancer_type",
		    lb_type_name(p->lb_type));
		py_arg(b, &first, "load_balancer_subnet", p->lb_subnet);
		py_arg(b, &first, "vnet_resourcegroup_name",
		    p->vnet.resource_group);
		py_arg(b, &first, "vnet_name", p->vnet.vnet);
		py_arg(b, &first, "subnet_name", p->vnet.subnet);
		py_arg(b, &first, "service_cidr", p->vnet.service_cidr);
		py_arg(b, &first, "dns_service_ip", p->vnet.dns_service_ip);
		py_arg(b, &first, "docker_bridge_cidr",
		    p->vnet.docker_bridge_cidr);
		buf_adds(b, ")\n");
		py_enable_ssl(b, "prov_config", p);
		buf_adds(b, "\naks_target = ComputeTarget.create(workspace=ws, "
		    "name=");
		py_name(b, p);
		buf_adds(b, ",\n    provisioning_configuration=prov_config)\n");
		py_wait(b);
		break;
	case PLAN_ATTACH:
		buf_adds(b, "attach_config = AksCompute.attach_configuration(");
		py_arg(b, &first, "resource_id", p->cluster_id);
		py_raw_arg(b, &first, "cluster_purpose",
		    py_purpose(p->purpose));
		buf_adds(b, ")\n");
		py_enable_ssl(b, "attach_config", p);
		buf_adds(b, "\naks_target = ComputeTarget.attach(workspace=ws, "
		    "name=");
		py_name(b, p);
		buf_adds(b, ",\n    attach_configuration=attach_config)\n");
		py_wait(b);
		if (plan_arm_needs_update(p)) {
			buf_adds(b, "\n# The internal load balancer is set by "
			    "an update once the attach has succeeded.\n");
			py_update(b, p, p->tls.mode != TLS_DISABLED);
		}
		break;
	case PLAN_UPDATE:
		buf_adds(b, "aks_target = AksCompute(ws, ");
		py_name(b, p);
		buf_adds(b, ")\n");
		py_update(b, p, true);
		break;
	case PLAN_DETACH:
		buf_adds(b, "aks_target = AksCompute(ws, ");
		py_name(b, p);
		buf_adds(b, p->detach_action == DETACH_DELETE ?
		    ")\naks_target.delete()\n" : ")\naks_target.detach()\n");
		if (p->uninstall_extension || p->delete_cluster)
			buf_adds(b, "# Then the cluster's steps: not in the v1 "
			    "SDK; see the arm export.\n");
		break;
	case PLAN_SCALE:
	case PLAN_DELETE:
	case PLAN_MIGRATE:	/* plan_export() has its own */
	case PLAN_CREATE_ENDPOINT:
	case PLAN_DEPLOY:
	case PLAN_UPDATE_DEPLOYMENT:
	case PLAN_SET_TRAFFIC:
	case PLAN_DELETE_DEPLOYMENT:
	case PLAN_DELETE_ENDPOINT:
		buf_addf(b, "# akswiz %s: not in the v1 SDK; see the arm "
		    "export.\n", plan_op_name(p->op));
		break;
	}
}

/* A request's body, when there is one, after its headers. */
static void
arm_request_body(struct buf *b, char *body)
{
	if (body != NULL) {
		buf_addf(b, "Content-Type: application/json\n\n%s", body);
		free(body);
	}
}

/* One request: method, path, and the body when there is one. */
static void
arm_request(struct buf *b, const char *method, const char *path, char *body)
{
	buf_addf(b, "%s %s\n", method, path);
	arm_request_body(b, body);
}

/* The ARM requests, with placeholders instead of PEM text. */
static void
export_arm(struct buf *b, const struct plan *p)
{
	struct plan_step	 st[PLAN_STEPS_MAX];
	char			*path;
	int			 i, n;

	n = plan_steps(p, st, PLAN_STEPS_MAX);
	if (p->op == PLAN_SCALE || p->op == PLAN_DELETE ||
	    (p->op == PLAN_DETACH && n > 1)) {
		/* Their steps, each one request without a body of its own. */
		for (i = 0; i < n; i++) {
			if (st[i].kind == STEP_SCALE_POOL)
				buf_addf(b, "%s# GET the pool, set "
				    "properties.count to %d, PUT it back.\n"
				    "GET %s?api-version=%s\n", i ? "\n" : "",
				    p->node_count, st[i].target,
				    st[i].api_version);
			buf_addf(b, "%s%s %s?api-version=%s%s%s\n",
			    i && st[i].kind != STEP_SCALE_POOL ? "\n" : "",
			    step_method_name(st[i].method), st[i].target,
			    st[i].api_version, st[i].query[0] ? "&" : "",
			    st[i].query);
		}
		return;
	}
	path = plan_arm_path(p);
	if (p->op == PLAN_UPDATE)
		buf_addf(b, "# An update: GET the compute, merge these "
		    "properties into it, PUT it back.\nGET %s\n\n", path);
	/* No PEM text is given: the bodies hold placeholders, no secret. */
	arm_request(b, plan_arm_method(p), path, plan_arm_body(p, NULL));
	if (plan_arm_needs_update(p)) {
		buf_addf(b, "\n# Once the attach has succeeded: GET the "
		    "compute, merge these properties into it, PUT it back.\n"
		    "GET %s\n\n", path);
		arm_request(b, "PUT", path, plan_arm_update_body(p, NULL));
	}
	free(path);
}

/*
 * Today's path.  The extension's settings are core's mapping, less the
 * bookkeeping ones az k8s-extension create adds itself (B.4).
 */
static const char *const az_adds[] = {
	"cluster_name", "clusterId",
	"prometheus.prometheusSpec.externalLabels.cluster_name",
	"cluster_name_friendly", "domain", "location", "jobSchedulerLocation",
	"servicebus.enabled", "relayserver.enabled", "nginxIngress.enabled",
	NULL
};

static bool
az_adds_itself(const char *key)
{
	size_t	i;

	for (i = 0; az_adds[i] != NULL; i++)
		if (strcmp(az_adds[i], key) == 0)
			return true;
	return false;
}

/* The extension's settings for the plan (caller frees). */
static struct ext_settings *
k8s_settings(const struct plan *p)
{
	struct ext_settings	*set = xcalloc(1, sizeof *set);
	struct k8s_choices	 c;

	memset(&c, 0, sizeof c);
	c.purpose = p->purpose;
	if (!router_service_parse(plan_router_service(p), &c.router))
		c.router = ROUTER_LOADBALANCER;
	c.lb = p->lb_type;
	c.tls = p->tls.mode;
	c.cname = p->tls.cname;
	c.migrate = p->op == PLAN_MIGRATE;
	ext_settings_init(set);
	k8s_extension_settings(&c, set);
	return set;
}

/*
 * The cluster's group and name: a create's own, or (attach, update) an
 * existing cluster's, from its ID; "" when not known.
 */
static void
k8s_cluster_of(const struct plan *p, struct aks_id *id)
{
	struct verdicts	scratch;

	memset(id, 0, sizeof *id);
	if (p->op != PLAN_CREATE) {
		verdicts_init(&scratch);
		if (!aks_id_parse(p->cluster_id, id, FIELD_CLUSTER_ID,
		    &scratch))
			memset(id, 0, sizeof *id);
		return;
	}
	snprintf(id->resource_group, sizeof id->resource_group, "%s",
	    plan_cluster_group(p));
	snprintf(id->name, sizeof id->name, "%s", plan_cluster_name(p));
}

/* --subscription and --resource-group of the cluster. */
static void
az_cluster_scope(struct buf *b, const struct plan *p)
{
	struct aks_id	id;

	k8s_cluster_of(p, &id);
	az_flag(b, "--subscription", p->scope.subscription);
	az_flag(b, "--resource-group", id.resource_group[0] != '\0' ?
	    id.resource_group : "GROUP");
}

/*
 * az aks create + az k8s-extension create + az ml compute attach; an
 * attach leaves out the first, an update is az k8s-extension update.
 */
static void az_extension(struct buf *, const struct plan *, const char *);
static void az_attach_k8s(struct buf *, const struct plan *,
		    const struct plan *);

static void
export_az_k8s(struct buf *b, const struct plan *p)
{
	struct aks_id		 cid;
	char			 num[16], dns[PLAN_NAME_LEN];
	char			 subnet[PLAN_TEXT_LEN * 2];
	const char		*cluster;

	k8s_cluster_of(p, &cid);
	cluster = cid.name[0] != '\0' ? cid.name : "CLUSTER";
	if (p->op == PLAN_UPDATE) {
		buf_adds(b, "# The Azure Machine Learning extension's new "
		    "settings; the certificate and key are sent again.\n");
		az_extension(b, p, cluster);
		buf_adds(b, "\n");
		return;
	}
	if (p->op == PLAN_ATTACH) {
		buf_adds(b, "# 1. The Azure Machine Learning extension on the "
		    "cluster: installed, or, when it is there with\n"
		    "# other settings, replaced whole.\n");
		az_extension(b, p, cluster);
		buf_adds(b, "\n\n# 2. The cluster attached to the workspace as "
		    "a Kubernetes compute.\n");
		az_attach_k8s(b, p, p);
		return;
	}
	plan_dns_prefix(p, dns, sizeof dns);
	plan_arm_subnet_id(p, subnet, sizeof subnet);
	buf_adds(b, "# 1. The AKS cluster: one System node pool, a managed "
	    "identity.\naz aks create");
	az_flag(b, "--name", cluster);
	az_cluster_scope(b, p);
	az_flag(b, "--location", p->location);
	az_flag(b, "--nodepool-name", plan_node_pool(p));
	az_flag(b, "--node-vm-size", p->vm_size[0] != '\0' ? p->vm_size :
	    AKS_DEFAULT_VM_SIZE);
	snprintf(num, sizeof num, "%d", p->node_count_given ||
	    p->node_count != 0 ? p->node_count : AKS_DEFAULT_NODES);
	az_flag(b, "--node-count", num);
	az_flag(b, "--dns-name-prefix", dns);
	az_flag(b, "--kubernetes-version", p->cluster.kubernetes_version);
	az_flag(b, "--enable-managed-identity", NULL);
	az_flag(b, "--vnet-subnet-id", subnet);
	az_flag(b, "--network-plugin", p->network_plugin);
	az_flag(b, "--service-cidr", p->vnet.service_cidr);
	az_flag(b, "--dns-service-ip", p->vnet.dns_service_ip);
	az_flag(b, "--tags", PLAN_K8S_TAG "=" PLAN_K8S_TAG_VALUE);
	buf_adds(b, "\n\n# 2. The Azure Machine Learning extension on it.\n");
	az_extension(b, p, cluster);
	buf_adds(b, "\n\n# 3. The cluster attached to the workspace as a "
	    "Kubernetes compute.\n");
	az_attach_k8s(b, p, p);
}

/* az k8s-extension create (update) of the plan's extension on cluster. */
static void
az_extension(struct buf *b, const struct plan *p, const char *cluster)
{
	struct ext_settings	*set = k8s_settings(p);
	char			 kv[EXT_KEY_LEN + EXT_VALUE_LEN + 2];
	size_t			 i;

	buf_adds(b, p->op == PLAN_UPDATE ? "az k8s-extension update" :
	    "az k8s-extension create");
	az_flag(b, "--name", EXT_NAME);
	if (p->op != PLAN_UPDATE)
		az_flag(b, "--extension-type", EXT_TYPE);
	az_flag(b, "--cluster-type", "managedClusters");
	az_flag(b, "--cluster-name", cluster);
	az_cluster_scope(b, p);
	if (p->op != PLAN_UPDATE)
		az_flag(b, "--scope", "cluster");
	for (i = 0; i < set->n; i++) {
		if (az_adds_itself(set->s[i].key))
			continue;
		snprintf(kv, sizeof kv, "%s=%s", set->s[i].key,
		    set->s[i].value);
		az_flag(b, "--config", kv);
	}
	if (p->tls.mode == TLS_CUSTOM) {
		snprintf(kv, sizeof kv, "sslCertPemFile=%s", p->tls.cert_file);
		az_flag(b, "--config-protected", kv);
		snprintf(kv, sizeof kv, "sslKeyPemFile=%s", p->tls.key_file);
		az_flag(b, "--config-protected", kv);
	}
	free(set);
}

/* az ml compute attach of the plan's cluster as compute c->name. */
static void
az_attach_k8s(struct buf *b, const struct plan *p, const struct plan *c)
{
	char	*id = plan_k8s_cluster_id(p);

	buf_adds(b, "az ml compute attach");
	az_target(b, c);
	az_flag(b, "--type", "Kubernetes");
	az_flag(b, "--resource-id", id);
	free(id);
	az_flag(b, "--identity-type", "SystemAssigned");
	az_flag(b, "--namespace", plan_namespace(p));
	buf_adds(b, "\n");
}

/* A Python dict from an ARM body: json.loads of a raw string. */
static void
py_body(struct buf *b, const char *var, char *body)
{
	buf_addf(b, "%s = json.loads(r\"\"\"", var);
	buf_adds(b, body);
	buf_adds(b, "\"\"\")\n");
	free(body);
}

/* The Python SDKs (azure-mgmt-containerservice, -kubernetesconfiguration,
 * azure-ai-ml), with the ARM bodies as dicts. */
static void
export_python_k8s(struct buf *b, const struct plan *p)
{
	struct aks_id	cid;
	bool		first = true;

	buf_adds(b, "import base64\nimport json\n\n"
	    "from azure.identity import DefaultAzureCredential\n"
	    "from azure.mgmt.containerservice import ContainerServiceClient\n"
	    "from azure.mgmt.kubernetesconfiguration import "
	    "SourceControlConfigurationClient\n"
	    "from azure.ai.ml import MLClient\n"
	    "from azure.ai.ml.entities import KubernetesCompute\n\n"
	    "credential = DefaultAzureCredential()\nsubscription_id = ");
	py_quote(b, p->scope.subscription[0] != '\0' ?
	    p->scope.subscription : "SUBSCRIPTION");
	k8s_cluster_of(p, &cid);
	buf_adds(b, "\ncluster_group = ");
	py_quote(b, cid.resource_group[0] != '\0' ? cid.resource_group :
	    "GROUP");
	buf_adds(b, "\ncluster_name = ");
	py_quote(b, cid.name[0] != '\0' ? cid.name : "CLUSTER");
	buf_adds(b, "\n\n");
	if (p->op == PLAN_CREATE) {
		buf_adds(b, "# 1. The AKS cluster.\n");
		py_body(b, "cluster_body", plan_k8s_cluster_body(p, NULL));
		buf_adds(b, "aks = ContainerServiceClient(credential, "
		    "subscription_id)\ncluster = aks.managed_clusters."
		    "begin_create_or_update(\n"
		    "    cluster_group, cluster_name, cluster_body).result()"
		    "\n\n# 2. The Azure Machine Learning extension on it.\n");
	} else
		buf_addf(b, "aks = ContainerServiceClient(credential, "
		    "subscription_id)\n"
		    "cluster = aks.managed_clusters.get(cluster_group, "
		    "cluster_name)\n\n# %sThe Azure Machine Learning "
		    "extension (PUT whole: settings replaced).\n",
		    p->op == PLAN_ATTACH ? "1. " : "");
	py_body(b, "extension_body", plan_k8s_extension_body(p, NULL, NULL,
	    NULL));
	if (p->tls.mode == TLS_CUSTOM) {
		buf_adds(b, "protected = extension_body[\"properties\"]"
		    "[\"configurationProtectedSettings\"]\n"
		    "protected[\"" EXT_SSL_CERT "\"] = base64.b64encode("
		    "open(");
		py_quote(b, p->tls.cert_file);
		buf_adds(b, ", \"rb\").read()).decode()\n"
		    "protected[\"" EXT_SSL_KEY "\"] = base64.b64encode("
		    "open(");
		py_quote(b, p->tls.key_file);
		buf_adds(b, ", \"rb\").read()).decode()\n");
	}
	buf_adds(b, "k8s = SourceControlConfigurationClient(credential, "
	    "subscription_id)\n"
	    "k8s.extensions.begin_create(cluster_group, "
	    "\"Microsoft.ContainerService\",\n"
	    "    \"managedClusters\", cluster_name, \"" EXT_NAME "\", "
	    "extension_body).result()\n");
	if (p->op == PLAN_UPDATE)
		return;
	buf_addf(b, "\n# %sThe cluster attached to the workspace as a "
	    "Kubernetes compute.\nml_client = MLClient(credential, "
	    "subscription_id", p->op == PLAN_CREATE ? "3. " :
	    p->op == PLAN_ATTACH ? "2. " : "");
	buf_adds(b, ",\n    resource_group_name=");
	py_quote(b, p->scope.resource_group[0] != '\0' ?
	    p->scope.resource_group : "GROUP");
	buf_adds(b, ",\n    workspace_name=");
	py_quote(b, p->scope.workspace[0] != '\0' ? p->scope.workspace :
	    "WORKSPACE");
	buf_adds(b, ")\ncompute = KubernetesCompute(");
	py_raw_arg(b, &first, "name", "");
	py_name(b, p);
	py_raw_arg(b, &first, "resource_id", "cluster.id");
	py_arg(b, &first, "namespace", plan_namespace(p));
	if (p->description[0] != '\0')
		py_arg(b, &first, "description", p->description);
	buf_adds(b, ")\nml_client.compute.begin_create_or_update(compute)"
	    ".result()\n");
}

/* The three PUTs, in order, each once the one before has succeeded. */
static void
export_arm_k8s(struct buf *b, const struct plan *p)
{
	char	*id;

	if (p->op == PLAN_CREATE) {
		buf_adds(b, "# 1. The AKS cluster.\n");
		id = plan_k8s_cluster_id(p);
		buf_addf(b, "PUT %s?api-version=" PLAN_K8S_AKS_API_VERSION
		    "\n", id);
		free(id);
		arm_request_body(b, plan_k8s_cluster_body(p, NULL));
		buf_adds(b, "\n# 2. Once it has succeeded: the Azure Machine "
		    "Learning extension.\n");
	} else
		buf_addf(b, "# %sThe Azure Machine Learning extension (the "
		    "whole of it: its settings are replaced).\n",
		    p->op == PLAN_ATTACH ? "1. " : "");
	id = plan_k8s_extension_id(p);
	buf_addf(b, "PUT %s?api-version=" PLAN_K8S_EXT_API_VERSION "\n", id);
	free(id);
	arm_request_body(b, plan_k8s_extension_body(p, NULL, NULL, NULL));
	if (p->op == PLAN_UPDATE)
		return;
	buf_addf(b, "\n# %d. Once it has succeeded: the compute of type "
	    "Kubernetes.\n", p->op == PLAN_CREATE ? 3 : 2);
	id = plan_k8s_compute_id(p);
	buf_addf(b, "PUT %s?api-version=" PLAN_K8S_ML_API_VERSION "\n", id);
	free(id);
	arm_request_body(b, plan_k8s_compute_body(p, NULL));
}

/*
 * A migration (plan-migrate.h), in kubernetes-path.md D.4's order: the
 * old azureml-fe annotated (Azure/AML-Kubernetes
 * docs/attach-compute-on-aks-v1-cluster.md, step 1), the extension as an
 * upgrade, the namespace, the attach, the legacy compute's detach.  The
 * new compute is p with its own name.
 */
static void
migrate_new(const struct plan *p, struct plan *n)
{
	*n = *p;
	plan_migrate_new_name(p, n->name, sizeof n->name);
}

static bool
migrate_has_namespace(const struct plan *p)
{
	return strcmp(plan_namespace(p), "default") != 0;
}

static void
export_az_migrate(struct buf *b, const struct plan *p)
{
	struct plan	*n = xmalloc(sizeof *n);
	const char	*cluster = plan_cluster_name(p);

	migrate_new(p, n);
	buf_adds(b, "# 1. The legacy compute's azureml-fe marked for the "
	    "upgrade, with kubectl.\naz aks get-credentials");
	az_flag(b, "--name", cluster);
	az_cluster_scope(b, p);
	buf_adds(b, "\nkubectl annotate deployment azureml-fe "
	    EXT_FE_UPGRADE_ANNOTATION "=true --namespace default\n\n"
	    "# 2. The Azure Machine Learning extension, taking it over.\n");
	az_extension(b, p, cluster);
	if (migrate_has_namespace(p)) {
		buf_adds(b, "\n\n# 3. The new compute's namespace.\n"
		    "kubectl create namespace ");
		sh_quote(b, plan_namespace(p));
	}
	buf_addf(b, "\n\n# %d. The cluster attached as a Kubernetes "
	    "compute of its own name.\n", migrate_has_namespace(p) ? 4 : 3);
	az_attach_k8s(b, p, n);
	buf_addf(b, "\n# %d. The legacy compute detached (the cluster is "
	    "kept).\naz ml compute detach", migrate_has_namespace(p) ? 5 : 4);
	az_target(b, p);
	az_flag(b, "--yes", NULL);
	buf_adds(b, "\n");
	free(n);
}

static void
export_python_migrate(struct buf *b, const struct plan *p)
{
	struct plan	*n = xmalloc(sizeof *n);

	migrate_new(p, n);
	buf_adds(b, "# The cluster's Kubernetes API with the kubeconfig of "
	    "\"az aks get-credentials\".\nfrom kubernetes import client, "
	    "config\n\nconfig.load_kube_config()\n"
	    "client.AppsV1Api().patch_namespaced_deployment(\n"
	    "    \"azureml-fe\", \"default\",\n"
	    "    {\"metadata\": {\"annotations\": {\""
	    EXT_FE_UPGRADE_ANNOTATION "\": \"true\"}}})\n");
	if (migrate_has_namespace(p)) {
		buf_adds(b, "client.CoreV1Api().create_namespace("
		    "{\"metadata\": {\"name\": ");
		py_quote(b, plan_namespace(p));
		buf_adds(b, "}})\n");
	}
	buf_adds(b, "\n# The extension, taking the old azureml-fe over, and "
	    "the compute of type Kubernetes.\n");
	export_python_k8s(b, n);
	buf_adds(b, "\n# The legacy compute detached (the cluster is kept).\n"
	    "ml_client.compute.begin_delete(");
	py_quote(b, p->name);
	buf_adds(b, ", action=\"Detach\").result()\n");
	free(n);
}

static void
export_arm_migrate(struct buf *b, const struct plan *p)
{
	struct plan_step	 st[PLAN_STEPS_MAX];
	char			*body, *path;
	struct err		 err;
	int			 i, n;

	n = plan_steps(p, st, PLAN_STEPS_MAX);
	for (i = 0; i < n; i++) {
		buf_addf(b, "%s# %d. %s\n", i ? "\n" : "", i + 1,
		    step_kind_name(st[i].kind));
		if (st[i].cluster[0] != '\0') {
			/* The API server of the cluster's kubeconfig. */
			path = plan_step_kube_path(&st[i]);
			buf_addf(b, "%s {apiServer}%s\nContent-Type: %s\n\n",
			    step_method_name(st[i].method), path,
			    plan_step_content_type(&st[i]));
			free(path);
			err_clear(&err);
			if (plan_step_body(p, &st[i], NULL, NULL, &body, &err) &&
			    body != NULL)
				buf_adds(b, body);
			free(body);
			buf_adds(b, "\n");
			continue;
		}
		buf_addf(b, "%s %s?api-version=%s%s%s\n",
		    step_method_name(st[i].method), st[i].target,
		    st[i].api_version, st[i].query[0] ? "&" : "",
		    st[i].query);
		if (st[i].kind == STEP_INSTALL_EXTENSION)
			arm_request_body(b, plan_k8s_extension_body(p, NULL,
			    NULL, NULL));
		else if (st[i].kind == STEP_ATTACH_KUBERNETES)
			arm_request_body(b, plan_k8s_compute_body(p, NULL));
	}
}

/*
 * Deploying (create-endpoint): az ml online-endpoint create with its YAML
 * file, azure-ai-ml's KubernetesOnlineEndpoint, or the endpoint's PUT.
 */
static void
export_endpoint(struct buf *b, const struct plan *p,
    enum plan_export_kind kind)
{
	enum deploy_auth	 a = DEPLOY_AUTH_KEY;
	const char		*auth;
	char			*id;

	(void)deploy_auth_parse(p->auth_mode, &a);
	auth = a == DEPLOY_AUTH_AML_TOKEN ? "aml_token" : "key";
	switch (kind) {
	case PLAN_EXPORT_AZ:
		buf_adds(b, "# az ml online-endpoint create reads a YAML file; "
		    "endpoint.yml:\n#   $schema: https://azuremlschemas."
		    "azureedge.net/latest/kubernetesOnlineEndpoint.schema.json"
		    "\n#   name: ");
		py_quote(b, p->endpoint_name);
		buf_adds(b, "\n#   compute: ");
		py_quote(b, p->name);
		buf_addf(b, "\n#   auth_mode: %s\n", auth);
		if (p->description[0] != '\0') {
			buf_adds(b, "#   description: ");
			py_quote(b, p->description);
			buf_adds(b, "\n");
		}
		buf_adds(b, "az ml online-endpoint create --file endpoint.yml");
		az_workspace(b, p);
		buf_adds(b, "\n");
		break;
	case PLAN_EXPORT_PYTHON:
		buf_adds(b, "from azure.identity import DefaultAzureCredential\n"
		    "from azure.ai.ml import MLClient\n"
		    "from azure.ai.ml.entities import "
		    "KubernetesOnlineEndpoint\n\n"
		    "ml_client = MLClient(DefaultAzureCredential(), ");
		py_quote(b, p->scope.subscription[0] != '\0' ?
		    p->scope.subscription : "SUBSCRIPTION");
		buf_adds(b, ",\n    resource_group_name=");
		py_quote(b, p->scope.resource_group[0] != '\0' ?
		    p->scope.resource_group : "GROUP");
		buf_adds(b, ",\n    workspace_name=");
		py_quote(b, p->scope.workspace[0] != '\0' ?
		    p->scope.workspace : "WORKSPACE");
		buf_adds(b, ")\nendpoint = KubernetesOnlineEndpoint(name=");
		py_quote(b, p->endpoint_name);
		buf_adds(b, ", compute=");
		py_quote(b, p->name);
		buf_addf(b, ", auth_mode=\"%s\"", auth);
		if (p->description[0] != '\0') {
			buf_adds(b, ",\n    description=");
			py_quote(b, p->description);
		}
		buf_adds(b, ")\nml_client.online_endpoints."
		    "begin_create_or_update(endpoint).result()\n");
		break;
	case PLAN_EXPORT_ARM:
		id = plan_endpoint_id(p);
		buf_addf(b, "PUT %s?api-version=%s\n", id,
		    PLAN_ENDPOINT_API_VERSION);
		arm_request_body(b, plan_endpoint_body(p, NULL));
		free(id);
		break;
	}
}

/* A YAML line "#   key: value" (quoted) at an indent; skipped when "". */
static void
yaml_str(struct buf *b, int indent, const char *key, const char *v)
{
	if (v[0] == '\0')
		return;
	buf_addf(b, "#   %*s%s: ", indent, "", key);
	py_quote(b, v);
	buf_adds(b, "\n");
}

/* "#   key: n" at an indent; skipped when DEPLOY_UNSET. */
static void
yaml_num(struct buf *b, int indent, const char *key, long v)
{
	if (v != DEPLOY_UNSET)
		buf_addf(b, "#   %*s%s: %ld\n", indent, "", key, v);
}

/* A probe of az's YAML (liveness_probe: ...), in seconds; none if unset. */
static void
yaml_probe(struct buf *b, const char *key, const struct deploy_probe *pr)
{
	if (!deploy_probe_given(pr))
		return;
	buf_addf(b, "#   %s:\n", key);
	yaml_num(b, 2, "initial_delay", pr->initial_delay_s);
	yaml_num(b, 2, "period", pr->period_s);
	yaml_num(b, 2, "timeout", pr->timeout_s);
	yaml_num(b, 2, "success_threshold", pr->success_threshold);
	yaml_num(b, 2, "failure_threshold", pr->failure_threshold);
}

/* An asset reference as az and azure-ai-ml write it: "azureml:N:V". */
static void
azureml_ref(char *v, size_t len, const char *ref)
{
	struct deploy_registry_ref	r;

	/* A registry environment: the workspace's copy (registry.h). */
	if (deploy_registry_env_parse(ref, &r)) {
		snprintf(v, len, "azureml:%s%s%s", r.name, r.version[0] !=
		    '\0' ? ":" : "@", r.version[0] != '\0' ? r.version :
		    r.label);
		return;
	}
	snprintf(v, len, "%s%s", strncmp(ref, "azureml:", 8) == 0 ? "" :
	    "azureml:", ref);
}

/* What to run first when the environment is a registry's. */
static void
registry_env_note(struct buf *b, const struct plan *p)
{
	if (p->deployment.image[0] == '\0' &&
	    deploy_registry_env_parse(p->deployment.environment, NULL))
		buf_addf(b, "# The environment is copied from its registry "
		    "into the workspace first:\n# akswiz environment create "
		    "--from %s\n", p->deployment.environment);
}

static void
yaml_ref(struct buf *b, const char *key, const char *ref)
{
	char	v[PLAN_TEXT_LEN + 16];

	if (ref[0] == '\0')
		return;
	azureml_ref(v, sizeof v, ref);
	yaml_str(b, 0, key, v);
}

/* deployment.yml of az ml online-deployment create (comment lines). */
static void
az_deployment_yaml(struct buf *b, const struct plan *p)
{
	const struct plan_deployment	*d = &p->deployment;

	buf_adds(b, "# deployment.yml:\n#   $schema: https://azuremlschemas."
	    "azureedge.net/latest/kubernetesOnlineDeployment.schema.json\n");
	yaml_str(b, 0, "name", d->name);
	yaml_str(b, 0, "endpoint_name", p->endpoint_name);
	if (deploy_model_is_local(p)) {
		buf_adds(b, "#   model:\n");
		yaml_str(b, 2, "path", d->model);
	} else
		yaml_ref(b, "model", d->model);
	if (d->code_path[0] != '\0' || d->code[0] != '\0') {
		char	v[PLAN_TEXT_LEN + 16];

		if (d->code_path[0] != '\0')
			snprintf(v, sizeof v, "%s", d->code_path);
		else
			azureml_ref(v, sizeof v, d->code);
		buf_adds(b, "#   code_configuration:\n");
		yaml_str(b, 2, "code", v);
		yaml_str(b, 2, "scoring_script", d->scoring_script);
	}
	if (d->image[0] != '\0') {
		buf_adds(b, "#   environment:\n");
		yaml_str(b, 2, "image", d->image);
		yaml_str(b, 2, "conda_file", d->conda_file);
	} else
		yaml_ref(b, "environment", d->environment);
	yaml_str(b, 0, "instance_type", d->instance_type);
	yaml_num(b, 0, "instance_count", d->scale.instances);
	if (d->scale.autoscale) {
		buf_adds(b, "#   scale_settings:\n#     type: "
		    "target_utilization\n");
		yaml_num(b, 2, "min_instances", d->scale.min_instances);
		yaml_num(b, 2, "max_instances", d->scale.max_instances);
		yaml_num(b, 2, "target_utilization_percentage",
		    d->scale.target_utilization);
		yaml_num(b, 2, "polling_interval", d->scale.polling_interval_s);
	}
	if (d->requests.timeout_ms != DEPLOY_UNSET ||
	    d->requests.max_concurrent != DEPLOY_UNSET ||
	    d->requests.max_queue_wait_ms != DEPLOY_UNSET) {
		buf_adds(b, "#   request_settings:\n");
		yaml_num(b, 2, "request_timeout_ms", d->requests.timeout_ms);
		yaml_num(b, 2, "max_concurrent_requests_per_instance",
		    d->requests.max_concurrent);
		yaml_num(b, 2, "max_queue_wait_ms",
		    d->requests.max_queue_wait_ms);
	}
	if (d->cpu[0] != '\0' || d->memory[0] != '\0' ||
	    d->gpu != DEPLOY_UNSET) {
		buf_adds(b, "#   resources:\n#     requests:\n");
		yaml_str(b, 4, "cpu", d->cpu);
		yaml_str(b, 4, "memory", d->memory);
		yaml_num(b, 4, "nvidia.com/gpu", d->gpu);
	}
	if (d->cpu_limit[0] != '\0' || d->memory_limit[0] != '\0') {
		buf_adds(b, "#     limits:\n");
		yaml_str(b, 4, "cpu", d->cpu_limit);
		yaml_str(b, 4, "memory", d->memory_limit);
	}
	yaml_probe(b, "liveness_probe", &d->liveness);
	yaml_probe(b, "readiness_probe", &d->readiness);
	if (d->app_insights)
		buf_adds(b, "#   app_insights_enabled: true\n");
}

/* A Python keyword argument of a number; skipped when DEPLOY_UNSET. */
static void
py_num(struct buf *b, bool *first, const char *name, long v)
{
	char	num[32];

	if (v == DEPLOY_UNSET)
		return;
	snprintf(num, sizeof num, "%ld", v);
	py_raw_arg(b, first, name, num);
}

/* A ProbeSettings keyword argument (seconds); none if nothing given. */
static void
py_probe(struct buf *b, const char *key, const struct deploy_probe *pr)
{
	bool	in = true;

	if (!deploy_probe_given(pr))
		return;
	buf_addf(b, ",\n    %s=ProbeSettings(", key);
	py_num(b, &in, "initial_delay", pr->initial_delay_s);
	py_num(b, &in, "period", pr->period_s);
	py_num(b, &in, "timeout", pr->timeout_s);
	py_num(b, &in, "success_threshold", pr->success_threshold);
	py_num(b, &in, "failure_threshold", pr->failure_threshold);
	buf_adds(b, ")");
}

/* ResourceSettings(cpu=..., memory=...) of a request or limit. */
static void
py_resources(struct buf *b, bool *first, const char *name, const char *cpu,
    const char *memory, long gpu)
{
	bool	inner = true;

	if (cpu[0] == '\0' && memory[0] == '\0' && gpu == DEPLOY_UNSET)
		return;
	buf_addf(b, "%s\n        %s=ResourceSettings(", *first ? "" : ",",
	    name);
	*first = false;
	if (cpu[0] != '\0') {
		buf_adds(b, "cpu=");
		py_quote(b, cpu);
		inner = false;
	}
	if (memory[0] != '\0') {
		buf_adds(b, inner ? "memory=" : ", memory=");
		py_quote(b, memory);
		inner = false;
	}
	if (gpu != DEPLOY_UNSET)
		buf_addf(b, "%sgpu=\"%ld\"", inner ? "" : ", ", gpu);
	buf_adds(b, ")");
}

/* azure-ai-ml's KubernetesOnlineDeployment of the plan, and its traffic. */
static void
export_python_deploy(struct buf *b, const struct plan *p)
{
	const struct plan_deployment	*d = &p->deployment;
	struct deploy_traffic		 t;
	char				 ref[PLAN_TEXT_LEN + 16];
	bool				 first = true, in;
	size_t				 i;

	buf_adds(b, "from azure.ai.ml.entities import (CodeConfiguration, "
	    "Environment,\n    KubernetesOnlineDeployment, Model, "
	    "OnlineRequestSettings,\n    ProbeSettings, "
	    "ResourceRequirementsSettings, ResourceSettings,\n"
	    "    TargetUtilizationScaleSettings)\n\n"
	    "deployment = KubernetesOnlineDeployment(");
	py_arg(b, &first, "name", d->name);
	py_arg(b, &first, "endpoint_name", p->endpoint_name);
	if (deploy_model_is_local(p)) {
		buf_adds(b, ",\n    model=Model(path=");
		py_quote(b, d->model);
		buf_adds(b, ")");
	} else {
		azureml_ref(ref, sizeof ref, d->model);
		py_arg(b, &first, "model", ref);
	}
	if (d->image[0] != '\0') {
		buf_adds(b, ",\n    environment=Environment(image=");
		py_quote(b, d->image);
		if (d->conda_file[0] != '\0') {
			buf_adds(b, ", conda_file=");
			py_quote(b, d->conda_file);
		}
		buf_adds(b, ")");
	} else if (d->environment[0] != '\0') {
		azureml_ref(ref, sizeof ref, d->environment);
		py_arg(b, &first, "environment", ref);
	}
	if (d->code_path[0] != '\0' || d->code[0] != '\0') {
		buf_adds(b, ",\n    code_configuration=CodeConfiguration(code=");
		if (d->code_path[0] != '\0')
			py_quote(b, d->code_path);
		else {
			azureml_ref(ref, sizeof ref, d->code);
			py_quote(b, ref);
		}
		buf_adds(b, ", scoring_script=");
		py_quote(b, d->scoring_script);
		buf_adds(b, ")");
	}
	py_arg(b, &first, "instance_type", d->instance_type);
	py_num(b, &first, "instance_count", d->scale.instances);
	if (d->cpu[0] != '\0' || d->memory[0] != '\0' ||
	    d->gpu != DEPLOY_UNSET || d->cpu_limit[0] != '\0' ||
	    d->memory_limit[0] != '\0') {
		buf_adds(b, ",\n    resources=ResourceRequirementsSettings(");
		in = true;
		py_resources(b, &in, "requests", d->cpu, d->memory, d->gpu);
		py_resources(b, &in, "limits", d->cpu_limit, d->memory_limit,
		    DEPLOY_UNSET);
		buf_adds(b, ")");
	}
	if (d->requests.timeout_ms != DEPLOY_UNSET ||
	    d->requests.max_concurrent != DEPLOY_UNSET ||
	    d->requests.max_queue_wait_ms != DEPLOY_UNSET) {
		buf_adds(b, ",\n    request_settings=OnlineRequestSettings(");
		in = true;
		py_num(b, &in, "request_timeout_ms", d->requests.timeout_ms);
		py_num(b, &in, "max_concurrent_requests_per_instance",
		    d->requests.max_concurrent);
		py_num(b, &in, "max_queue_wait_ms", d->requests.max_queue_wait_ms);
		buf_adds(b, ")");
	}
	py_probe(b, "liveness_probe", &d->liveness);
	py_probe(b, "readiness_probe", &d->readiness);
	if (d->scale.autoscale) {
		buf_adds(b, ",\n    scale_settings="
		    "TargetUtilizationScaleSettings(");
		in = true;
		py_num(b, &in, "min_instances", d->scale.min_instances);
		py_num(b, &in, "max_instances", d->scale.max_instances);
		py_num(b, &in, "target_utilization_percentage",
		    d->scale.target_utilization);
		py_num(b, &in, "polling_interval", d->scale.polling_interval_s);
		buf_adds(b, ")");
	}
	if (d->app_insights)
		py_raw_arg(b, &first, "app_insights_enabled", "True");
	buf_adds(b, ")\nml_client.online_deployments.begin_create_or_update("
	    "deployment).result()\n\nendpoint = "
	    "ml_client.online_endpoints.get(");
	py_quote(b, p->endpoint_name);
	buf_adds(b, ")\n");
	plan_deploy_traffic(p, NULL, &t);
	if (p->traffic.n == 0)
		buf_adds(b, "# On a new endpoint; on one whose traffic goes to "
		    "other deployments, 0.\n");
	for (i = 0; i < t.n; i++) {
		buf_adds(b, "endpoint.traffic[");
		py_quote(b, t.t[i].name);
		buf_addf(b, "] = %ld\n", t.t[i].percent);
	}
	buf_adds(b, "ml_client.online_endpoints.begin_create_or_update("
	    "endpoint).result()\n");
}

/*
 * Deploy: az ml online-endpoint create (when the workspace does not have
 * the endpoint) and online-deployment create with their YAML, then the
 * traffic; or the ARM requests (the uploads are az's, named in a
 * comment); the Python SDK's names in comments.
 */
static void
export_deploy(struct buf *b, const struct plan *p, enum plan_export_kind kind)
{
	struct plan	*q;
	char		*id, *body, *traffic;
	struct err	 err;
	struct deploy_traffic t;

	plan_deploy_traffic(p, NULL, &t);
	traffic = plan_deploy_traffic_text(&t);
	switch (kind) {
	case PLAN_EXPORT_PYTHON:
		export_endpoint(b, p, PLAN_EXPORT_PYTHON);
		buf_adds(b, "# (only when the workspace does not have the "
		    "endpoint)\n\n");
		registry_env_note(b, p);
		export_python_deploy(b, p);
		break;
	case PLAN_EXPORT_AZ:
		registry_env_note(b, p);
		export_endpoint(b, p, PLAN_EXPORT_AZ);
		buf_adds(b, "# (only when the workspace does not have the "
		    "endpoint)\n\n");
		az_deployment_yaml(b, p);
		buf_adds(b, "az ml online-deployment create --file "
		    "deployment.yml");
		if (p->traffic.n == 0)
			buf_adds(b, " \\\n    --all-traffic");
		az_workspace(b, p);
		buf_adds(b, "\n");
		if (p->traffic.n > 0) {
			buf_adds(b, "az ml online-endpoint update --name ");
			py_quote(b, p->endpoint_name);
			az_flag(b, "--traffic", traffic);
			az_workspace(b, p);
			buf_adds(b, "\n");
		}
		break;
	case PLAN_EXPORT_ARM:
		if (deploy_model_is_local(p) || p->deployment.code_path[0] ||
		    p->deployment.image[0])
			buf_adds(b, "# The local model, code folder and image are "
			    "registered first (az ml model|code|environment "
			    "create);\n# their version IDs stand in the "
			    "deployment's body.\n");
		registry_env_note(b, p);
		export_endpoint(b, p, PLAN_EXPORT_ARM);
		buf_adds(b, "\n");
		q = xmalloc(sizeof *q);
		memcpy(q, p, sizeof *q);
		if (deploy_model_is_local(q) && q->registered.model[0] == '\0')
			snprintf(q->registered.model, sizeof q->registered.model,
			    "{modelVersionId}");
		if (q->deployment.code_path[0] != '\0' &&
		    q->registered.code[0] == '\0')
			snprintf(q->registered.code, sizeof q->registered.code,
			    "{codeVersionId}");
		if ((q->deployment.image[0] != '\0' ||
		    deploy_registry_env_parse(q->deployment.environment,
		    NULL)) && q->registered.environment[0] == '\0')
			snprintf(q->registered.environment,
			    sizeof q->registered.environment,
			    "{environmentVersionId}");
		id = plan_deploy_id(q);
		buf_addf(b, "PUT %s?api-version=%s\n", id,
		    PLAN_ENDPOINT_API_VERSION);
		free(id);
		err_clear(&err);
		if (plan_deploy_body(q, NULL, &body, &err))
			arm_request_body(b, body);
		free(q);
		if (p->traffic.n == 0)
			buf_adds(b, "\n# On a new endpoint; on one whose traffic "
			    "goes to other deployments, nothing.");
		id = plan_endpoint_id(p);
		buf_addf(b, "\nPATCH %s?api-version=%s\n", id,
		    PLAN_ENDPOINT_API_VERSION);
		free(id);
		arm_request_body(b, plan_deploy_traffic_body(p, NULL));
		break;
	}
	free(traffic);
}

/* The export of the given kind; the caller frees it. */
char *
plan_export(const struct plan *p, enum plan_export_kind kind)
{
	struct buf	b;

	buf_init(&b, 0);
	if (p->op == PLAN_CREATE_ENDPOINT) {
		export_endpoint(&b, p, kind);
		return buf_take(&b);
	}
	if (rules_change_op(p->op)) {
		plan_change_export(&b, p, kind);
		return buf_take(&b);
	}
	if (p->op == PLAN_DEPLOY) {
		export_deploy(&b, p, kind);
		return buf_take(&b);
	}
	if (p->op == PLAN_MIGRATE) {
		switch (kind) {
		case PLAN_EXPORT_AZ:	 export_az_migrate(&b, p); break;
		case PLAN_EXPORT_PYTHON: export_python_migrate(&b, p); break;
		case PLAN_EXPORT_ARM:	 export_arm_migrate(&b, p); break;
		}
		return buf_take(&b);
	}
	if (p->type == COMPUTE_KUBERNETES && (p->op == PLAN_CREATE ||
	    p->op == PLAN_ATTACH || p->op == PLAN_UPDATE)) {
		switch (kind) {
		case PLAN_EXPORT_AZ:	 export_az_k8s(&b, p); break;
		case PLAN_EXPORT_PYTHON: export_python_k8s(&b, p); break;
		case PLAN_EXPORT_ARM:	 export_arm_k8s(&b, p); break;
		}
		return buf_take(&b);
	}
	switch (kind) {
	case PLAN_EXPORT_AZ:		export_az(&b, p); break;
	case PLAN_EXPORT_PYTHON:	export_python(&b, p); break;
	case PLAN_EXPORT_ARM:		export_arm(&b, p); break;
	}
	return buf_take(&b);
}
