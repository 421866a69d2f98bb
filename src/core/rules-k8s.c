/*
 * Today's path, the cluster side (kubernetes-path.md A.2, A.4, A.9, A.10,
 * B.4): AKS's name rules, the node sizes the purpose and a System pool
 * need, and the mapping of the wizard's choices to the Azure ML
 * extension's settings.
 */
#include "config.h"
#include "core/rules-k8s.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/i18n.h"
#include "core/rules.h"

/*
 * 1 to max ASCII letters, digits and the characters of inner; the first
 * and last are a letter or a digit.
 */
static bool
aks_name_shape(const char *s, size_t max, const char *inner)
{
	size_t	i, len;

	if (s == NULL || (len = strlen(s)) < 1 || len > max)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char	c = (unsigned char)s[i];

		if (c < 0x80 && isalnum(c))
			continue;
		if (c != '\0' && strchr(inner, c) != NULL && i > 0 &&
		    i + 1 < len)
			continue;
		return false;
	}
	return true;
}

/* ^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$ */
bool
aks_cluster_name_valid(const char *s)
{
	return aks_name_shape(s, AKS_CLUSTER_NAME_MAX, "-_");
}

/* ^[a-z][a-z0-9]{0,11}$ */
bool
aks_pool_name_valid(const char *s)
{
	size_t	i, len;

	if (s == NULL || (len = strlen(s)) < 1 || len > AKS_POOL_NAME_MAX ||
	    s[0] < 'a' || s[0] > 'z')
		return false;
	for (i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			return false;
	return true;
}

/* 1-54 letters, digits and hyphens, a letter or digit at each end. */
bool
aks_dns_prefix_valid(const char *s)
{
	return aks_name_shape(s, AKS_DNS_PREFIX_MAX, "-");
}

/* Unless valid, an error msg on field naming the value. */
static void
name_verdict(bool valid, const char *value, enum plan_field field,
    enum msg_id msg, struct verdicts *vs)
{
	if (!valid)
		verdict_arg(verdicts_add(vs, field, SEV_ERROR, msg), "%s",
		    value != NULL ? value : "");
}

/* Words AKS refuses inside a cluster name (A.9), matched in any case. */
static const char *const aks_trademarks[] = { "microsoft", "windows" };

void
rules_aks_cluster_name(const char *name, struct verdicts *vs)
{
	struct verdict	*v;
	size_t		 i, k, len;

	if (name == NULL)
		name = "";
	if (!aks_cluster_name_valid(name)) {
		name_verdict(false, name, FIELD_CLUSTER_NAME,
		    MSG_AKS_CLUSTER_NAME, vs);
		return;
	}
	if (strcasecmp(name, "azure") == 0) {
		v = verdicts_add(vs, FIELD_CLUSTER_NAME, SEV_ERROR,
		    MSG_AKS_NAME_RESERVED);
		verdict_arg(v, "%s", name);
		return;
	}
	len = strlen(name);
	for (k = 0; k < sizeof aks_trademarks / sizeof aks_trademarks[0];
	    k++) {
		size_t	wl = strlen(aks_trademarks[k]);

		for (i = 0; i + wl <= len; i++)
			if (strncasecmp(name + i, aks_trademarks[k], wl) == 0)
				break;
		if (i + wl > len)
			continue;
		v = verdicts_add(vs, FIELD_CLUSTER_NAME, SEV_ERROR,
		    MSG_AKS_NAME_TRADEMARK);
		verdict_arg(v, "%s", name);
		verdict_arg(v, "%s", aks_trademarks[k]);
		return;
	}
}

void
rules_aks_pool_name(const char *name, struct verdicts *vs)
{
	name_verdict(aks_pool_name_valid(name), name, FIELD_POOL_NAME,
	    MSG_AKS_POOL_NAME, vs);
}

void
rules_aks_dns_prefix(const char *prefix, struct verdicts *vs)
{
	name_verdict(aks_dns_prefix_valid(prefix), prefix, FIELD_DNS_PREFIX,
	    MSG_AKS_DNS_PREFIX, vs);
}

/* A size's name, vCPU and memory as a verdict's three arguments. */
static void
size_args(struct verdict *v, const struct vm_size *size)
{
	verdict_arg(v, "%s", size->name);
	verdict_arg(v, "%d", size->vcpus);
	verdict_arg(v, "%g", size->memory_gb);
}

void
rules_k8s_sizing(enum purpose purpose, int nodes, const struct vm_size *size,
    bool ok_info, enum plan_field field, struct verdicts *vs)
{
	rules_k8s_pool_sizing(purpose, nodes, size, true, ok_info, field, vs);
}

void
rules_k8s_pool_sizing(enum purpose purpose, int nodes,
    const struct vm_size *size, bool system, bool ok_info,
    enum plan_field field, struct verdicts *vs)
{
	struct verdict	*v;

	rules_sizing(purpose, nodes, size != NULL ? size->vcpus : 0, ok_info,
	    field, vs);
	if (size == NULL)
		return;
	if (system && (size->vcpus < AKS_SYSTEM_MIN_VCPU ||
	    size->memory_gb < AKS_SYSTEM_MIN_MEMORY_GB)) {
		v = verdicts_add(vs, FIELD_VM_SIZE, SEV_ERROR,
		    MSG_AKS_SYSTEM_POOL_SIZE);
		size_args(v, size);
	}
	if (purpose != PURPOSE_DEVTEST && (size->vcpus < K8S_PROD_NODE_VCPU ||
	    size->memory_gb < K8S_PROD_NODE_MEMORY_GB)) {
		v = verdicts_add(vs, FIELD_VM_SIZE, SEV_ERROR,
		    MSG_K8S_PROD_NODE_SIZE);
		size_args(v, size);
	}
}

static const char *const router_names[] = {
	[ROUTER_LOADBALANCER] = "LoadBalancer",
	[ROUTER_NODEPORT] = "NodePort",
	[ROUTER_CLUSTERIP] = "ClusterIP"
};

const char *
router_service_name(enum router_service r)
{
	return (unsigned)r < sizeof router_names / sizeof router_names[0] ?
	    router_names[r] : "";
}

const char *
router_service_meaning(enum router_service r)
{
	/* TRANSLATORS: after a service type of the router and ": "
	 * ("NodePort: ..."); the type names are Kubernetes', kept. */
	static const char *const meaning[] = {
		N_("an Azure load balancer gives the router its address, "
		    "public or internal (the default)."),
		N_("the router listens on a port of every node; no load "
		    "balancer, and not with an internal one."),
		N_("the router is reachable only from inside the cluster.")
	};

	return (unsigned)r < sizeof meaning / sizeof meaning[0] ?
	    meaning[r] : "";
}

/* Case-insensitive, as the CLI compares them (B.6). */
bool
router_service_parse(const char *s, enum router_service *out)
{
	size_t	i;

	for (i = 0; s != NULL && i < sizeof router_names /
	    sizeof router_names[0]; i++)
		if (strcasecmp(s, router_names[i]) == 0) {
			*out = (enum router_service)i;
			return true;
		}
	return false;
}

/* Set a setting when its value is known. */
static void
set_if(struct ext_settings *out, const char *key, const char *value)
{
	if (value != NULL && *value != '\0')
		ext_settings_set(out, key, value);
}

void
k8s_extension_settings(const struct k8s_choices *c, struct ext_settings *out)
{
	char	domain[EXT_VALUE_LEN];

	ext_settings_set(out, "enableTraining", "False");
	ext_settings_set(out, "enableInference", "True");
	ext_settings_set(out, "inferenceRouterServiceType",
	    router_service_name(c->router));
	if (c->router == ROUTER_NODEPORT)
		ext_settings_set(out, "scoringFe.serviceType.nodePort",
		    "true");
	if (c->lb == LB_INTERNAL && c->router != ROUTER_NODEPORT) {
		ext_settings_set(out, "internalLoadBalancerProvider",
		    "azure");
		ext_settings_set(out,
		    "scoringFe.serviceType.internalLoadBalancer", "true");
	}
	if (c->tls == TLS_CUSTOM) {
		ext_settings_set(out, "allowInsecureConnections", "False");
		set_if(out, "sslCname", c->cname);
	} else
		ext_settings_set(out, "allowInsecureConnections", "True");
	if (c->purpose == PURPOSE_DEVTEST) {
		ext_settings_set(out, "clusterPurpose", "DevTest");
		ext_settings_set(out, "inferenceRouterHA", "False");
	} else {
		ext_settings_set(out, "clusterPurpose", "FastProd");
		ext_settings_set(out, "inferenceRouterHA", "True");
	}
	if (c->migrate)
		ext_settings_set(out, "scoringFe.enableUpgrade", "true");
	/* The bookkeeping az k8s-extension create adds (B.4). */
	set_if(out, "cluster_name", c->cluster_id);
	set_if(out, "clusterId", c->cluster_id);
	set_if(out, "prometheus.prometheusSpec.externalLabels.cluster_name",
	    c->cluster_id);
	set_if(out, "cluster_name_friendly", c->cluster_name);
	if (c->location != NULL && *c->location != '\0') {
		snprintf(domain, sizeof domain, "%s.cloudapp.azure.com",
		    c->location);
		ext_settings_set(out, "domain", domain);
	}
	set_if(out, "location", c->location);
	set_if(out, "jobSchedulerLocation", c->location);
	ext_settings_set(out, "servicebus.enabled", "false");
	ext_settings_set(out, "relayserver.enabled", "false");
	ext_settings_set(out, "nginxIngress.enabled", "true");
}

void
rules_k8s_choices(const struct k8s_choices *c, struct verdicts *vs)
{
	if (c->lb == LB_INTERNAL && c->router == ROUTER_NODEPORT)
		verdicts_add(vs, FIELD_ROUTER_SERVICE, SEV_ERROR,
		    MSG_K8S_NODEPORT_INTERNAL);
	else if (c->lb == LB_INTERNAL)
		verdicts_add(vs, FIELD_LB_TYPE, SEV_INFO,
		    MSG_K8S_INTERNAL_LB_SUBNET);
	switch (c->tls) {
	case TLS_MICROSOFT:
		verdicts_add(vs, FIELD_TLS_MODE, SEV_ERROR,
		    MSG_K8S_TLS_MICROSOFT);
		break;
	case TLS_DISABLED:
		verdicts_add(vs, FIELD_TLS_MODE, SEV_WARNING,
		    MSG_K8S_TLS_OFF);
		break;
	case TLS_CUSTOM:
		if (c->cname == NULL || *c->cname == '\0')
			verdicts_add(vs, FIELD_TLS_CNAME, SEV_ERROR,
			    MSG_K8S_CNAME_NEEDED);
		break;
	}
}
