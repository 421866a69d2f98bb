/*
 * The sandbox's AKS and regional read-only surfaces: managed clusters
 * (get, list by subscription and group, listClusterUserCredential and
 * listClusterAdminCredential), Kubernetes versions (kubernetesVersions,
 * with "values", and the legacy orchestrators list, to 2019-08-01),
 * Microsoft.Compute VM sizes, usages and resource SKUs, and the ML
 * service's own vmSizes, usages and quotas (azure-api.md §1.6, §3, §4).
 * Regions and their sizes and versions come from the world; sizes' cores
 * and memory from the core catalogue, so client and server agree.
 */
#include "config.h"

#include "sandbox/arm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <openssl/evp.h>

#include "common/xalloc.h"
#include "core/vmcatalogue.h"

static void
set_str(struct json_object *o, const char *key, const char *val)
{
	json_object_object_add(o, key, json_object_new_string(val));
}

static void
set_int(struct json_object *o, const char *key, int64_t v)
{
	json_object_object_add(o, key, json_object_new_int64(v));
}

static void
set_bool(struct json_object *o, const char *key, bool v)
{
	json_object_object_add(o, key, json_object_new_boolean(v));
}

/* Answer {key: a} (a taken). */
static void
value_reply(struct arm_ctx *c, const char *key, struct json_object *a)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, key, a);
	arm_json(c, 200, o);
}

/*
 * The cluster's API server FQDN: infix "" (public), "privatelink." or
 * "portal." (the name the Azure portal reaches it through).
 */
static void
cluster_fqdn(const struct sb_cluster *cl, const char *infix, char *buf,
    size_t len)
{
	unsigned h = 5381;
	const char *s;

	for (s = cl->name; *s != '\0'; s++)
		h = h * 33u + (unsigned char)*s;
	snprintf(buf, len, "%s-%08x.%shcp.%s.azmk8s.io", cl->dns_prefix, h,
	    infix, cl->location);
}

/* A stable GUID-shaped id of the cluster for what (an identity, an eTag). */
static void
cluster_guid(const struct sb_cluster *cl, const char *what, char *buf,
    size_t len)
{
	unsigned h1 = 5381, h2 = 2166136261u;
	const char *parts[5] = { cl->sub, cl->group, cl->name, what, NULL };
	const char *s;
	int i;

	for (i = 0; parts[i] != NULL; i++)
		for (s = parts[i]; *s != '\0'; s++) {
			h1 = h1 * 33u + (unsigned char)*s;
			h2 = (h2 ^ (unsigned char)*s) * 16777619u;
		}
	snprintf(buf, len, "%08x-%04x-4%03x-a%03x-%08x%04x", h1, h2 >> 16,
	    h2 & 0xfffu, (h1 >> 20) & 0xfffu, h2 ^ h1, h1 & 0xffffu);
}

/*
 * What real AKS always returns and clients read (az aks list reads
 * servicePrincipalProfile; the SDKs identity and identityProfile): a
 * cluster with a system-assigned identity shows clientId "msi".
 */
static void
cluster_identity(struct arm_ctx *c, const struct sb_cluster *cl,
    struct json_object *o, struct json_object *p)
{
	struct json_object *x, *k, *ip;
	char buf[SB_TEXT * 4], g[48];

	x = json_object_new_object();
	set_str(x, "clientId", cl->sp_client_id[0] != '\0' ?
	    cl->sp_client_id : "msi");
	json_object_object_add(p, "servicePrincipalProfile", x);
	/* A service principal's cluster has no managed identity. */
	if (cl->sp_client_id[0] != '\0')
		return;
	x = json_object_new_object();
	cluster_guid(cl, "principal", g, sizeof g);
	set_str(x, "principalId", g);
	set_str(x, "tenantId", c->w->tenant);
	set_str(x, "type", "SystemAssigned");
	json_object_object_add(o, "identity", x);
	k = json_object_new_object();
	snprintf(buf, sizeof buf, "/subscriptions/%s/resourcegroups/"
	    "MC_%s_%s_%s/providers/Microsoft.ManagedIdentity/"
	    "userAssignedIdentities/%s-agentpool", cl->sub, cl->group,
	    cl->name, cl->location, cl->name);
	set_str(k, "resourceId", buf);
	cluster_guid(cl, "kubelet-client", g, sizeof g);
	set_str(k, "clientId", g);
	cluster_guid(cl, "kubelet-object", g, sizeof g);
	set_str(k, "objectId", g);
	ip = json_object_new_object();
	json_object_object_add(ip, "kubeletidentity", k);
	json_object_object_add(p, "identityProfile", ip);
}

/* A ManagedCluster as 2024-09-01 (or, old, 2020-06-01) shows it. */
static struct json_object *
cluster_json(struct arm_ctx *c, const struct sb_cluster *cl)
{
	bool old = arm_aks_old(c->api);
	struct json_object *o = json_object_new_object();
	struct json_object *p = json_object_new_object();
	struct json_object *x, *a, *pw;
	char buf[SB_TEXT];
	int i;

	world_cluster_id(cl, buf, sizeof buf);
	set_str(o, "id", buf);
	set_str(o, "location", cl->location);
	set_str(o, "name", cl->name);
	json_object_object_add(o, "tags", world_cluster_tags_json(cl));
	set_str(o, "type", "Microsoft.ContainerService/ManagedClusters");
	if (!old) {
		/* Changes with what the sandbox changes of the cluster. */
		char tag[SB_TEXT], g[48];

		snprintf(tag, sizeof tag, "%s/%s/%s/%d", cl->state, cl->power,
		    cl->version, cl->npools > 0 ? cl->pools[0].count : 0);
		cluster_guid(cl, tag, g, sizeof g);
		set_str(o, "eTag", g);
	}
	x = json_object_new_object();
	set_str(x, "name", "Base");
	set_str(x, "tier", cl->tier);
	json_object_object_add(o, "sku", x);
	set_str(p, "provisioningState", cl->state);
	set_int(p, "maxAgentPools", 100);
	if (!old) {
		pw = json_object_new_object();
		set_str(pw, "code", cl->power);
		json_object_object_add(p, "powerState", pw);
	}
	set_str(p, "kubernetesVersion", cl->version);
	if (!old)
		set_str(p, "currentKubernetesVersion", cl->version);
	set_str(p, "dnsPrefix", cl->dns_prefix);
	if (cl->private_cluster) {
		cluster_fqdn(cl, "privatelink.", buf, sizeof buf);
		set_str(p, "privateFQDN", buf);
	} else {
		cluster_fqdn(cl, "", buf, sizeof buf);
		set_str(p, "fqdn", buf);
		cluster_fqdn(cl, "portal.", buf, sizeof buf);
		set_str(p, "azurePortalFQDN", buf);
	}
	snprintf(buf, sizeof buf, "MC_%s_%s_%s", cl->group, cl->name,
	    cl->location);
	set_str(p, "nodeResourceGroup", buf);
	if (!old) {
		set_str(p, "supportPlan", "KubernetesOfficial");
		set_str(p, "publicNetworkAccess", "Enabled");
	}
	set_bool(p, "enableRBAC", true);
	cluster_identity(c, cl, o, p);
	a = json_object_new_array();
	for (i = 0; i < cl->npools; i++) {
		x = json_object_new_object();
		set_str(x, "name", cl->pools[i].name);
		set_int(x, "count", cl->pools[i].count);
		set_str(x, "vmSize", cl->pools[i].vm_size);
		set_int(x, "osDiskSizeGB", 128);
		set_int(x, "maxPods", 110);
		set_str(x, "mode", cl->pools[i].mode);
		set_str(x, "osType", "Linux");
		set_str(x, "type", "VirtualMachineScaleSets");
		set_str(x, "orchestratorVersion", cl->version);
		if (!old)
			set_str(x, "currentOrchestratorVersion", cl->version);
		set_bool(x, "enableAutoScaling", cl->pools[i].autoscale);
		if (cl->pools[i].autoscale) {
			set_int(x, "minCount", cl->pools[i].min_count);
			set_int(x, "maxCount", cl->pools[i].max_count);
		}
		set_str(x, "provisioningState", cl->state);
		if (!old) {
			pw = json_object_new_object();
			set_str(pw, "code", cl->power);
			json_object_object_add(x, "powerState", pw);
		}
		json_object_array_add(a, x);
	}
	json_object_object_add(p, "agentPoolProfiles", a);
	x = json_object_new_object();
	a = json_object_new_array();
	for (i = 0; i < cl->nranges; i++)
		json_object_array_add(a, json_object_new_string(cl->ranges[i]));
	json_object_object_add(x, "authorizedIPRanges", a);
	set_bool(x, "enablePrivateCluster", cl->private_cluster);
	if (cl->private_cluster)
		set_str(x, "privateDNSZone", "system");
	json_object_object_add(p, "apiServerAccessProfile", x);
	x = json_object_new_object();
	set_str(x, "networkPlugin", "kubenet");
	set_str(x, "loadBalancerSku", "standard");
	set_str(x, "outboundType", "loadBalancer");
	set_str(x, "serviceCidr", "10.0.0.0/16");
	set_str(x, "dnsServiceIP", "10.0.0.10");
	set_str(x, "podCidr", "10.244.0.0/16");
	json_object_object_add(p, "networkProfile", x);
	json_object_object_add(o, "properties", p);
	return o;
}

/* The sandbox CA (ca.pem in the state directory) in base64, or a stand-in. */
static char *
ca_data(const struct arm_ctx *c)
{
	char path[1024], pem[8192];
	unsigned char *b64;
	FILE *fp;
	size_t n = 0;

	snprintf(path, sizeof path, "%s/ca.pem", c->sb->state_dir);
	if (strncmp(c->sb->endpoint, "https:", 6) == 0 &&
	    (fp = fopen(path, "r")) != NULL) {
		n = fread(pem, 1, sizeof pem, fp);
		fclose(fp);
	}
	if (n == 0 || n == sizeof pem)
		return xstrdup("U0FOREJPWA==");
	b64 = xmalloc(n * 4 / 3 + 8);
	EVP_EncodeBlock(b64, (const unsigned char *)pem, (int)n);
	return (char *)b64;
}

/*
 * listClusterUserCredential / listClusterAdminCredential: the server is
 * the sandbox's own Kubernetes (kube.c) under /kube/{sub}/{group}/{name},
 * trusted through the sandbox CA, with the cluster's token.
 */
static void
credentials(struct arm_ctx *c, const struct sb_cluster *cl, bool admin)
{
	struct json_object *o = json_object_new_object();
	struct json_object *a = json_object_new_array();
	struct json_object *k = json_object_new_object();
	char tok[64] = "", cfg[16384], *ca = ca_data(c);
	unsigned char *b64;
	int n;

	kube_token(cl->sub, cl->group, cl->name, tok, sizeof tok);
	n = snprintf(cfg, sizeof cfg, "apiVersion: v1\nclusters:\n"
	    "- cluster:\n    certificate-authority-data: %s\n"
	    "    server: %s/kube/%s/%s/%s\n  name: %s\ncontexts:\n"
	    "- context:\n    cluster: %s\n    user: cluster%s_%s_%s\n"
	    "  name: %s\ncurrent-context: %s\nkind: Config\n"
	    "preferences: {}\nusers:\n- name: cluster%s_%s_%s\n  user:\n"
	    "    token: %s\n", ca, c->sb->endpoint, cl->sub, cl->group,
	    cl->name, cl->name,
	    cl->name, admin ? "Admin" : "User", cl->group, cl->name, cl->name,
	    cl->name, admin ? "Admin" : "User", cl->group, cl->name, tok);
	free(ca);
	if (n < 0 || (size_t)n >= sizeof cfg)
		n = (int)strlen(cfg);
	b64 = xmalloc((size_t)n * 4 / 3 + 8);
	EVP_EncodeBlock(b64, (const unsigned char *)cfg, n);
	set_str(k, "name", admin ? "clusterAdmin" : "clusterUser");
	set_str(k, "value", (char *)b64);
	free(b64);
	json_object_array_add(a, k);
	json_object_object_add(o, "kubeconfigs", a);
	arm_json(c, 200, o);
}

/* .../managedClusters[/{name}[/{action}]] */
void
arm_clusters(struct arm_ctx *c)
{
	const char *m = c->req->method;
	struct sb_cluster *cl;
	struct json_object *a;
	size_t i;

	if (c->nseg == 1) {
		if (strcmp(m, "GET") != 0) {
			sb_resp_method_not_allowed(c->resp, c->req);
			return;
		}
		a = json_object_new_array();
		for (i = 0; i < c->w->nclusters; i++) {
			cl = &c->w->clusters[i];
			if (cl->gone || strcasecmp(cl->sub, c->sub->id) != 0 ||
			    (c->group != NULL &&
			    strcasecmp(cl->group, c->group->name) != 0))
				continue;
			json_object_array_add(a, cluster_json(c, cl));
		}
		value_reply(c, "value", a);
		return;
	}
	if (c->group == NULL) {
		sb_resp_no_resource_type(c->resp, c->req);
		return;
	}
	if (arm_cluster_write(c))	/* arm-clusters.c */
		return;
	if ((cl = world_cluster(c->w, c->sub->id, c->group->name,
	    c->seg[1])) != NULL)
		arm_cluster_tick(c, cl, c->nseg == 2 &&
		    strcmp(m, "GET") == 0);
	cl = world_cluster(c->w, c->sub->id, c->group->name, c->seg[1]);
	if (cl == NULL) {
		arm_not_found(c, "Microsoft.ContainerService/managedClusters",
		    c->seg[1]);
		return;
	}
	if (c->nseg == 2 && strcmp(m, "GET") == 0)
		arm_json(c, 200, cluster_json(c, cl));
	else if (c->nseg == 3 && strcmp(m, "POST") == 0 &&
	    strcasecmp(c->seg[2], "listClusterUserCredential") == 0)
		credentials(c, cl, false);
	else if (c->nseg == 3 && strcmp(m, "POST") == 0 &&
	    strcasecmp(c->seg[2], "listClusterAdminCredential") == 0)
		credentials(c, cl, true);
	else
		sb_resp_method_not_allowed(c->resp, c->req);
}

/* The region, or NULL with ARM's 400 sent. */
static struct sb_location *
region(struct arm_ctx *c, const char *name, const char *type)
{
	struct sb_location *l = world_location(c->w, name);
	char list[1024] = "";
	size_t i;

	if (l != NULL)
		return l;
	for (i = 0; i < c->w->nlocs; i++) {
		if (i > 0)
			strlcpy_ok(list + strlen(list), ",",
			    sizeof list - strlen(list));
		strlcpy_ok(list + strlen(list), c->w->locs[i].name,
		    sizeof list - strlen(list));
	}
	sb_resp_arm_error(c->resp, 400, "LocationNotAvailableForResourceType",
	    "The provided location '%.64s' is not available for resource type "
	    "'%s'. List of available regions for the resource type is '%s'.",
	    name, type, list);
	return NULL;
}

/* True for GET; otherwise 405 sent. */
static bool
get_only(struct arm_ctx *c)
{
	if (strcmp(c->req->method, "GET") == 0)
		return true;
	sb_resp_method_not_allowed(c->resp, c->req);
	return false;
}

/* The region's kubernetesVersions "values" (retired left out). */
static struct json_object *
k8s_values(const struct sb_location *l)
{
	struct json_object *a = json_object_new_array();
	size_t i, j;
	int p, q;

	for (i = 0; i < l->nk8s; i++) {
		const struct sb_k8s *k = &l->k8s[i];
		struct json_object *v, *cap, *plans, *pv;

		if (k->retired)
			continue;
		v = json_object_new_object();
		set_str(v, "version", k->version);
		if (k->is_default)
			set_bool(v, "isDefault", true);
		if (k->preview)
			set_bool(v, "isPreview", true);
		cap = json_object_new_object();
		plans = json_object_new_array();
		json_object_array_add(plans,
		    json_object_new_string("KubernetesOfficial"));
		json_object_object_add(cap, "supportPlan", plans);
		json_object_object_add(v, "capabilities", cap);
		pv = json_object_new_object();
		for (p = 0; p < k->npatches; p++) {
			struct json_object *e = json_object_new_object();
			struct json_object *up = json_object_new_array();

			for (q = p + 1; q < k->npatches; q++)
				json_object_array_add(up,
				    json_object_new_string(k->patches[q]));
			/* The next minor's patches are upgrades too. */
			for (j = i + 1; j < l->nk8s; j++)
				if (!l->k8s[j].retired && l->k8s[j].npatches)
					break;
			if (j < l->nk8s)
				json_object_array_add(up,
				    json_object_new_string(
				    l->k8s[j].patches[0]));
			json_object_object_add(e, "upgrades", up);
			json_object_object_add(pv, k->patches[p], e);
		}
		json_object_object_add(v, "patchVersions", pv);
		json_object_array_add(a, v);
	}
	return a;
}

/* The region's legacy orchestrators list. */
static struct json_object *
orchestrators(struct arm_ctx *c, const struct sb_location *l)
{
	struct json_object *o = json_object_new_object();
	struct json_object *p = json_object_new_object();
	struct json_object *a = json_object_new_array();
	char id[SB_TEXT];
	size_t i, j;
	int q;

	snprintf(id, sizeof id, "/subscriptions/%s/providers/"
	    "Microsoft.ContainerService/locations/%s/orchestrators",
	    c->sub->id, l->name);
	set_str(o, "id", id);
	set_str(o, "name", "default");
	set_str(o, "type", "Microsoft.ContainerService/locations/"
	    "orchestrators");
	for (i = 0; i < l->nk8s; i++) {
		const struct sb_k8s *k = &l->k8s[i];

		if (k->retired)
			continue;
		for (q = 0; q < k->npatches; q++) {
			struct json_object *e = json_object_new_object();
			struct json_object *up = json_object_new_array();

			set_str(e, "orchestratorType", "Kubernetes");
			set_str(e, "orchestratorVersion", k->patches[q]);
			if (k->is_default && q == k->npatches - 1)
				set_bool(e, "default", true);
			if (k->preview)
				set_bool(e, "isPreview", true);
			for (j = i; j < l->nk8s; j++) {
				int r;

				if (l->k8s[j].retired)
					continue;
				for (r = j == i ? q + 1 : 0;
				    r < l->k8s[j].npatches; r++) {
					struct json_object *u =
					    json_object_new_object();

					set_str(u, "orchestratorType",
					    "Kubernetes");
					set_str(u, "orchestratorVersion",
					    l->k8s[j].patches[r]);
					if (l->k8s[j].preview)
						set_bool(u, "isPreview", true);
					json_object_array_add(up, u);
				}
			}
			if (json_object_array_length(up) > 0)
				json_object_object_add(e, "upgrades", up);
			else
				json_object_put(up);
			json_object_array_add(a, e);
		}
	}
	json_object_object_add(p, "orchestrators", a);
	json_object_object_add(o, "properties", p);
	return o;
}

/* .../Microsoft.ContainerService/locations/{loc}/{what} */
void
arm_aks_location(struct arm_ctx *c, const char *location, const char *what)
{
	struct sb_location *l;

	if (!get_only(c) || (l = region(c, location,
	    "Microsoft.ContainerService/locations")) == NULL)
		return;
	if (strcasecmp(what, "kubernetesVersions") == 0)
		value_reply(c, "values", k8s_values(l));
	else
		arm_json(c, 200, orchestrators(c, l));
}

/* .../Microsoft.Compute/locations/{loc}/{vmSizes|usages} */
void
arm_compute_location(struct arm_ctx *c, const char *location,
    const char *what)
{
	struct sb_location *l;
	struct json_object *a = json_object_new_array();
	size_t i, j;

	if (!get_only(c) || (l = region(c, location,
	    "Microsoft.Compute/locations")) == NULL) {
		json_object_put(a);
		return;
	}
	if (strcasecmp(what, "vmSizes") == 0) {
		for (i = 0; i < l->nsizes; i++) {
			const struct vm_size *vm = vm_catalogue_find(
			    l->sizes[i]);
			struct json_object *e;

			if (vm == NULL)
				continue;
			e = json_object_new_object();
			set_str(e, "name", vm->name);
			set_int(e, "numberOfCores", vm->vcpus);
			set_int(e, "osDiskSizeInMB", 1047552);
			set_int(e, "resourceDiskSizeInMB",
			    (int64_t)vm->vcpus * 16384);
			set_int(e, "memoryInMB",
			    (int64_t)(vm->memory_gb * 1024.0 + 0.5));
			set_int(e, "maxDataDiskCount", vm->vcpus * 2 > 64 ? 64 :
			    vm->vcpus * 2);
			json_object_array_add(a, e);
		}
		value_reply(c, "value", a);
		return;
	}
	for (i = 0; i < c->sub->nquotas; i++) {
		const struct sb_quota *q = &c->sub->quotas[i];

		if (strcasecmp(q->location, l->name) != 0)
			continue;
		for (j = 0; j < q->n; j++) {
			struct json_object *e = json_object_new_object();
			struct json_object *n = json_object_new_object();

			set_str(e, "unit", "Count");
			set_int(e, "currentValue", q->u[j].usage);
			set_int(e, "limit", q->u[j].limit);
			set_str(n, "value", q->u[j].name);
			set_str(n, "localizedValue", q->u[j].label);
			json_object_object_add(e, "name", n);
			json_object_array_add(a, e);
		}
	}
	value_reply(c, "value", a);
}

/* Add a {name, value} capability, the value a string. */
static void
capability(struct json_object *a, const char *name, const char *fmt,
    double v)
{
	struct json_object *e = json_object_new_object();
	char buf[64];

	snprintf(buf, sizeof buf, fmt, v);
	set_str(e, "name", name);
	set_str(e, "value", buf);
	json_object_array_add(a, e);
}

/* .../Microsoft.Compute/skus[?$filter=location eq 'x'] */
void
arm_compute_skus(struct arm_ctx *c)
{
	const char *filter = sb_req_query(c->req, "$filter");
	struct json_object *a;
	char want[SB_ID] = "";
	size_t i, j;

	if (!get_only(c))
		return;
	if (filter != NULL) {
		const char *s = strstr(filter, "'");
		const char *e = s != NULL ? strchr(s + 1, '\'') : NULL;

		if (strncasecmp(filter, "location eq '", 13) != 0 ||
		    e == NULL || (size_t)(e - s) >= sizeof want) {
			sb_resp_arm_error(c->resp, 400, "InvalidFilter",
			    "The $filter '%.100s' is not supported; only "
			    "location eq '<region>' is.", filter);
			return;
		}
		memcpy(want, s + 1, (size_t)(e - s - 1));
		want[e - s - 1] = '\0';
	}
	a = json_object_new_array();
	for (i = 0; i < c->w->nlocs; i++) {
		const struct sb_location *l = &c->w->locs[i];

		if (*want != '\0' && strcasecmp(want, l->name) != 0)
			continue;
		for (j = 0; j < l->nsizes; j++) {
			const struct vm_size *vm =
			    vm_catalogue_find(l->sizes[j]);
			struct json_object *e, *x, *li, *z, *caps;

			if (vm == NULL)
				continue;
			e = json_object_new_object();
			set_str(e, "resourceType", "virtualMachines");
			set_str(e, "name", vm->name);
			set_str(e, "tier", "Standard");
			set_str(e, "size", strncmp(vm->name, "Standard_", 9) ==
			    0 ? vm->name + 9 : vm->name);
			set_str(e, "family", vm->family);
			x = json_object_new_array();
			json_object_array_add(x,
			    json_object_new_string(l->name));
			json_object_object_add(e, "locations", x);
			li = json_object_new_object();
			set_str(li, "location", l->name);
			z = json_object_new_array();
			json_object_array_add(z, json_object_new_string("1"));
			json_object_array_add(z, json_object_new_string("2"));
			json_object_array_add(z, json_object_new_string("3"));
			json_object_object_add(li, "zones", z);
			x = json_object_new_array();
			json_object_array_add(x, li);
			json_object_object_add(e, "locationInfo", x);
			caps = json_object_new_array();
			capability(caps, "vCPUs", "%.0f", vm->vcpus);
			capability(caps, "MemoryGB", "%g", vm->memory_gb);
			capability(caps, "GPUs", "%.0f", vm->gpus);
			capability(caps, "vCPUsAvailable", "%.0f", vm->vcpus);
			x = json_object_new_object();
			set_str(x, "name", "LowPriorityCapable");
			set_str(x, "value", vm->fpga ? "False" : "True");
			json_object_array_add(caps, x);
			json_object_object_add(e, "capabilities", caps);
			json_object_object_add(e, "restrictions",
			    json_object_new_array());
			json_object_array_add(a, e);
		}
	}
	value_reply(c, "value", a);
}

/* .../Microsoft.MachineLearningServices/locations/{loc}/{what} */
void
arm_ml_location(struct arm_ctx *c, const char *location, const char *what)
{
	bool old = arm_ml_old(c->api);
	struct sb_location *l;
	struct json_object *a, *e, *n;
	char id[SB_TEXT];
	size_t i;

	if (!get_only(c) || (l = region(c, location,
	    "Microsoft.MachineLearningServices/locations")) == NULL)
		return;
	a = json_object_new_array();
	if (strcasecmp(what, "vmSizes") == 0) {
		for (i = 0; i < l->nsizes; i++) {
			const struct vm_size *vm = vm_catalogue_find(
			    l->sizes[i]);
			struct json_object *t;

			if (vm == NULL)
				continue;
			e = json_object_new_object();
			set_str(e, "name", vm->name);
			set_str(e, "family", vm->family);
			set_int(e, "vCPUs", vm->vcpus);
			set_int(e, "gpus", vm->gpus);
			set_int(e, "osVhdSizeMB", 1047552);
			set_int(e, "maxResourceVolumeMB",
			    (int64_t)vm->vcpus * 16384);
			json_object_object_add(e, "memoryGB",
			    json_object_new_double(vm->memory_gb));
			set_bool(e, "lowPriorityCapable", !vm->fpga);
			set_bool(e, "premiumIO", true);
			t = json_object_new_array();
			json_object_array_add(t,
			    json_object_new_string("AmlCompute"));
			json_object_array_add(t,
			    json_object_new_string("ComputeInstance"));
			json_object_object_add(e, "supportedComputeTypes", t);
			json_object_array_add(a, e);
		}
		value_reply(c, old ? "amlCompute" : "value", a);
		return;
	}
	/* usages and quotas: AML's own compute, not AKS nodes. */
	e = json_object_new_object();
	snprintf(id, sizeof id, "/subscriptions/%s/providers/"
	    "Microsoft.MachineLearningServices/locations/%s/%s/"
	    "totalCores", c->sub->id, l->name, what);
	set_str(e, "id", id);
	if (!old)
		set_str(e, "amlWorkspaceLocation", l->name);
	set_str(e, "type", strcasecmp(what, "usages") == 0 ?
	    "Microsoft.MachineLearningServices/totalCores/usages" :
	    "Microsoft.MachineLearningServices/vmFamily/quotas");
	set_str(e, "unit", "Count");
	if (strcasecmp(what, "usages") == 0)
		set_int(e, "currentValue", 0);
	set_int(e, "limit", 100);
	n = json_object_new_object();
	set_str(n, "value", "Total Cluster Dedicated Regional vCPUs");
	set_str(n, "localizedValue", "Total Cluster Dedicated Regional vCPUs");
	json_object_object_add(e, "name", n);
	json_object_array_add(a, e);
	value_reply(c, "value", a);
}

/* A ManagedCluster as the api-version shows it (for arm-clusters.c). */
struct json_object *
arm_cluster_json(struct arm_ctx *c, const struct sb_cluster *cl)
{
	return cluster_json(c, cl);
}
