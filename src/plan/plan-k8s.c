/*
 * The ARM requests of today's path (see plan-k8s.h).  Shapes from
 * kubernetes-path.md: the managed cluster A.3/A.4 (one System pool,
 * SystemAssigned identity, dnsPrefix, the akswiz tag, the network choices
 * of 2024-09-01: the pool's vnetSubnetID, networkPlugin, serviceCidr,
 * dnsServiceIP; no Docker bridge), the extension B.3/B.10 (its settings
 * are core's mapping, k8s_extension_settings()), the compute C.1 (the
 * minimal body azure-ai-ml sends).  Unset members are omitted.
 */
#include "config.h"
#include "plan/plan-k8s.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "common/buf.h"
#include "common/xalloc.h"
#include "core/rules.h"
#include "core/rules-k8s.h"
#include "core/state.h"
#include "plan/plan-arm.h"
#include "plan/plan-jw.h"

/* /subscriptions/{s}/resourceGroups/{g} of the cluster. */
static void
cluster_prefix(struct buf *b, const struct plan *p)
{
	buf_adds(b, "/subscriptions/");
	plan_arm_segment(b, p->scope.subscription, "{subscriptionId}");
	buf_adds(b, "/resourceGroups/");
	plan_arm_segment(b, plan_cluster_group(p), "{resourceGroupName}");
	buf_adds(b, "/providers/Microsoft.ContainerService/managedClusters/");
	plan_arm_segment(b, plan_cluster_name(p), "{clusterName}");
}

char *
plan_k8s_cluster_id(const struct plan *p)
{
	struct buf	b;

	/* An existing cluster (attach, update): its ID as given. */
	if (p->op != PLAN_CREATE && p->cluster_id[0] != '\0')
		return xstrdup(p->cluster_id);
	buf_init(&b, 0);
	cluster_prefix(&b, p);
	return buf_take(&b);
}

char *
plan_k8s_extension_id(const struct plan *p)
{
	struct buf	b;
	char		*id = plan_k8s_cluster_id(p);

	buf_init(&b, 0);
	buf_adds(&b, id);
	free(id);
	buf_adds(&b, "/providers/Microsoft.KubernetesConfiguration/"
	    "extensions/" EXT_NAME);
	return buf_take(&b);
}

char *
plan_k8s_compute_id(const struct plan *p)
{
	char	*path = plan_arm_path(p), *q;

	if ((q = strchr(path, '?')) != NULL)
		*q = '\0';
	return path;
}

static const char *
location_of(const struct plan *p, const char *location)
{
	return p->location[0] != '\0' ? p->location :
	    location != NULL ? location : "{workspaceLocation}";
}

char *
plan_k8s_cluster_body(const struct plan *p, const char *location)
{
	struct plan_jw	 w;
	char		 dns[PLAN_NAME_LEN], subnet[PLAN_TEXT_LEN * 2];
	const struct plan_vnet *n = &p->vnet;

	plan_dns_prefix(p, dns, sizeof dns);
	plan_arm_subnet_id(p, subnet, sizeof subnet);
	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_str(&w, "location", location_of(p, location));
	plan_jw_begin(&w, "tags");
	plan_jw_str(&w, PLAN_K8S_TAG, PLAN_K8S_TAG_VALUE);
	plan_jw_end(&w);
	plan_jw_begin(&w, "identity");
	plan_jw_str(&w, "type", "SystemAssigned");
	plan_jw_end(&w);
	plan_jw_begin(&w, "properties");
	plan_jw_str(&w, "dnsPrefix", dns[0] != '\0' ? dns : "{dnsPrefix}");
	if (p->cluster.kubernetes_version[0] != '\0')
		plan_jw_str(&w, "kubernetesVersion",
		    p->cluster.kubernetes_version);
	plan_jw_begin_array(&w, "agentPoolProfiles");
	plan_jw_element(&w);
	plan_jw_str(&w, "name", plan_node_pool(p));
	plan_jw_str(&w, "mode", "System");
	plan_jw_int(&w, "count", p->node_count_given || p->node_count != 0 ?
	    p->node_count : AKS_DEFAULT_NODES);
	plan_jw_str(&w, "vmSize", p->vm_size[0] != '\0' ? p->vm_size :
	    AKS_DEFAULT_VM_SIZE);
	plan_jw_str(&w, "osType", "Linux");
	plan_jw_str(&w, "type", "VirtualMachineScaleSets");
	if (subnet[0] != '\0')
		plan_jw_str(&w, "vnetSubnetID", subnet);
	plan_jw_end(&w);
	plan_jw_end_array(&w);
	if (p->network_plugin[0] != '\0' || n->service_cidr[0] != '\0' ||
	    n->dns_service_ip[0] != '\0') {
		plan_jw_begin(&w, "networkProfile");
		if (p->network_plugin[0] != '\0')
			plan_jw_str(&w, "networkPlugin", p->network_plugin);
		if (n->service_cidr[0] != '\0')
			plan_jw_str(&w, "serviceCidr", n->service_cidr);
		if (n->dns_service_ip[0] != '\0')
			plan_jw_str(&w, "dnsServiceIP", n->dns_service_ip);
		plan_jw_end(&w);
	}
	plan_jw_end(&w);
	plan_jw_end(&w);
	return plan_jw_take(&w);
}

/* Standard base64 of a PEM text (caller wipes and frees). */
static char *
base64_of(const char *pem)
{
	size_t	 n = strlen(pem);
	char	*out = xmalloc(4 * ((n + 2) / 3) + 1);

	EVP_EncodeBlock((unsigned char *)out, (const unsigned char *)pem,
	    (int)n);
	return out;
}

/* One protected setting: base64 of pem, or a placeholder naming file. */
static void
protected_setting(struct plan_jw *w, const char *key, const char *pem,
    const char *file)
{
	char	*v, ph[PLAN_TEXT_LEN + 32];

	if (pem == NULL) {
		snprintf(ph, sizeof ph, "<base64 of %s>", file);
		plan_jw_str(w, key, ph);
		return;
	}
	v = base64_of(pem);
	plan_jw_str(w, key, v);
	plan_jw_free_secret(v);
}

void
plan_k8s_extension_settings(const struct plan *p, const char *location,
    struct ext_settings *set)
{
	struct k8s_choices	 c;
	char			*id = plan_k8s_cluster_id(p), *slash;

	memset(&c, 0, sizeof c);
	c.purpose = p->purpose;
	if (!router_service_parse(plan_router_service(p), &c.router))
		c.router = ROUTER_LOADBALANCER;	/* plan_check refuses it */
	c.lb = p->lb_type;
	c.tls = p->tls.mode;
	c.cname = p->tls.cname;
	/* Over a legacy compute's azureml-fe (D.4): as an upgrade. */
	c.migrate = p->op == PLAN_MIGRATE;
	c.cluster_id = id;
	c.cluster_name = plan_cluster_name(p);
	/* An existing cluster's name is the last segment of its ID. */
	if (p->op != PLAN_CREATE && p->cluster_id[0] != '\0' &&
	    (slash = strrchr(id, '/')) != NULL)
		c.cluster_name = slash + 1;
	c.location = location_of(p, location);
	ext_settings_init(set);
	k8s_extension_settings(&c, set);
	free(id);
}

void
plan_k8s_settings_of(json_object *ext, struct ext_settings *set)
{
	json_object	*props, *cs;

	ext_settings_init(set);
	if (ext == NULL || !json_object_object_get_ex(ext, "properties",
	    &props) || !json_object_object_get_ex(props,
	    "configurationSettings", &cs) ||
	    !json_object_is_type(cs, json_type_object))
		return;
	json_object_object_foreach(cs, k, v)
		if (json_object_is_type(v, json_type_string))
			ext_settings_set(set, k, json_object_get_string(v));
}

bool
plan_k8s_extension_done(const struct plan *p, json_object *ext)
{
	struct ext_settings	*want, *have;
	json_object		*props, *ps;
	bool			 same;

	if (ext == NULL || p->tls.mode == TLS_CUSTOM ||
	    !json_object_object_get_ex(ext, "properties", &props) ||
	    !json_object_object_get_ex(props, "provisioningState", &ps) ||
	    provisioning_state_parse(json_object_get_string(ps)) !=
	    PROV_SUCCEEDED)
		return false;
	want = xcalloc(1, sizeof *want);
	have = xcalloc(1, sizeof *have);
	plan_k8s_extension_settings(p, NULL, want);
	plan_k8s_settings_of(ext, have);
	same = k8s_extension_same(want, have, NULL);
	free(want);
	free(have);
	return same;
}

char *
plan_k8s_extension_body(const struct plan *p, const char *location,
    const char *cert_pem, const char *key_pem)
{
	struct plan_jw		 w;
	struct ext_settings	*set = xcalloc(1, sizeof *set);
	size_t			 i;

	plan_k8s_extension_settings(p, location, set);
	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_begin(&w, "properties");
	plan_jw_str(&w, "extensionType", EXT_TYPE);
	plan_jw_bool(&w, "autoUpgradeMinorVersion", true);
	plan_jw_str(&w, "releaseTrain", "stable");
	plan_jw_begin(&w, "scope");
	plan_jw_begin(&w, "cluster");
	plan_jw_str(&w, "releaseNamespace", EXT_RELEASE_NAMESPACE);
	plan_jw_end(&w);
	plan_jw_end(&w);
	plan_jw_begin(&w, "configurationSettings");
	for (i = 0; i < set->n; i++)
		plan_jw_str(&w, set->s[i].key, set->s[i].value);
	plan_jw_end(&w);
	plan_jw_begin(&w, "configurationProtectedSettings");
	if (p->tls.mode == TLS_CUSTOM) {
		protected_setting(&w, EXT_SSL_CERT, cert_pem,
		    p->tls.cert_file);
		protected_setting(&w, EXT_SSL_KEY, key_pem, p->tls.key_file);
	}
	plan_jw_end(&w);
	plan_jw_end(&w);
	plan_jw_end(&w);
	free(set);
	return plan_jw_take(&w);
}

char *
plan_k8s_compute_body(const struct plan *p, const char *location)
{
	struct plan_jw	 w;
	char		*id = plan_k8s_cluster_id(p);

	plan_jw_init(&w);
	plan_jw_begin(&w, NULL);
	plan_jw_str(&w, "location", location_of(p, location));
	plan_jw_begin(&w, "properties");
	plan_jw_str(&w, "computeType", "Kubernetes");
	plan_jw_str(&w, "resourceId", id);
	if (p->description[0] != '\0')
		plan_jw_str(&w, "description", p->description);
	plan_jw_begin(&w, "properties");
	plan_jw_str(&w, "namespace", plan_namespace(p));
	plan_jw_end(&w);
	plan_jw_end(&w);
	plan_jw_end(&w);
	free(id);
	return plan_jw_take(&w);
}
