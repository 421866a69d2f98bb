/*
 * The ARM parsers on the published examples (copied from specs/ into
 * tests/azure/data/) and on answers that are truncated, malformed, of the
 * wrong shape or missing fields: each either parses what is there or
 * fails with a clear error, and never crashes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "azure/arm.h"
#include "common/buf.h"
#include "tests/tap.h"

static char *
fixture(const char *name)
{
	const char	*dir = getenv("top_srcdir");
	char		 path[1024];
	struct buf	 b;
	char		 chunk[4096];
	size_t		 n;
	FILE		*fp;

	if (dir == NULL)
		dir = TOP_SRCDIR;
	snprintf(path, sizeof path, "%s/tests/azure/data/%s", dir, name);
	if ((fp = fopen(path, "r")) == NULL) {
		printf("Bail out! cannot open %s\n", path);
		exit(1);
	}
	buf_init(&b, 0);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	return buf_take(&b);
}

static void
test_computes(void)
{
	struct arm_compute_list	 l = { 0 };
	struct arm_compute	 c;
	struct err		 err;
	char			*body = fixture("compute-list.json"), *next;

	err_clear(&err);
	ok(arm_parse_computes(body, &l, &next, &err), "compute list parses");
	is_int(l.n, 2, "two computes");
	is_str(l.v[0].name, "compute123", "first name");
	is_str(l.v[0].compute_type, "AKS", "computeType");
	is_str(l.v[0].provisioning_state, "Succeeded", "provisioningState");
	is_int(l.v[0].prov, PROV_SUCCEEDED, "provisioningState parsed once");
	is_str(l.v[0].location, "eastus", "location");
	ok(l.v[0].resource_id != NULL && strstr(l.v[0].resource_id,
	    "managedClusters/compute123-56826") != NULL, "resourceId");
	is_int(l.v[0].agent_count, -1, "absent agentCount is -1");
	ok(l.v[0].agent_vm_size == NULL, "absent agentVmSize is NULL");
	is_str(next, "nextLink", "nextLink taken verbatim");
	free(next);
	arm_compute_list_free(&l);
	free(body);

	body = fixture("compute-get-aks.json");
	ok(arm_parse_compute(body, &c, &err), "compute get parses");
	is_str(c.name, "compute123", "get: name");
	is_str(c.description, "some compute", "get: description");
	is_str(c.created_on, "2021-04-01T22:00:00.0000000+00:00", "createdOn");
	arm_compute_done(&c);
	free(body);

	/* A live-looking AKS compute with the old field spelling. */
	ok(arm_parse_compute("{\"name\":\"a1\",\"properties\":{\"computeType\""
	    ":\"AKS\",\"isAttachedCompute\":true,\"provisioningState\":"
	    "\"Failed\",\"provisioningErrors\":[{\"error\":{\"code\":"
	    "\"BadRequest\",\"message\":\"The request is invalid\"}}],"
	    "\"properties\":{\"agentCount\":3,\"agentVMSize\":\"Standard_D3_v2"
	    "\",\"clusterPurpose\":\"FastProd\",\"loadBalancerType\":"
	    "\"InternalLoadBalancer\",\"loadBalancerSubnet\":\"aks-subnet\","
	    "\"sslConfiguration\":{\"status\":\"Auto\",\"leafDomainLabel\":"
	    "\"contoso\"}}}}", &c, &err), "AKS properties parse");
	is_int(c.agent_count, 3, "agentCount");
	is_str(c.agent_vm_size, "Standard_D3_v2", "agentVMSize (2020 name)");
	ok(c.is_attached, "isAttachedCompute");
	is_str(c.lb_type, "InternalLoadBalancer", "loadBalancerType");
	is_str(c.lb_subnet, "aks-subnet", "loadBalancerSubnet");
	is_str(c.ssl_status, "Auto", "ssl status");
	is_int(c.tls, TLS_STATUS_AUTO, "ssl status parsed once");
	is_str(c.ssl_leaf_label, "contoso", "leaf label");
	is_str(c.error_code, "BadRequest", "first provisioning error code");
	arm_compute_done(&c);

	/* Wrong types are treated as absent. */
	ok(arm_parse_compute("{\"name\":\"a2\",\"properties\":{\"computeType\""
	    ":7,\"properties\":{\"agentCount\":\"x\",\"agentVmSize\":[]}}}",
	    &c, &err), "wrong types parse");
	ok(c.compute_type == NULL && c.agent_count == -1 &&
	    c.agent_vm_size == NULL, "wrong types are absent");
	arm_compute_done(&c);
	ok(!arm_parse_compute("{\"properties\":{}}", &c, &err) &&
	    err.kind == ERR_PARSE, "a compute without a name is an error");
}

static void
test_malformed(void)
{
	static const char *bad[] = {
		"", "{", "{\"value\":[{\"name\":\"x\"", "[1,2]", "null",
		"<html>502</html>", "{\"value\":{}}", "{\"value\":\"x\"}",
		"\"\xff\xfe\"",
	};
	struct arm_compute_list	 l = { 0 };
	struct err		 err;
	char			*next = NULL;
	size_t			 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&err);
		ok(!arm_parse_computes(bad[i], &l, &next, &err) &&
		    err.kind == ERR_PARSE && err.msg[0] != '\0' &&
		    next == NULL, "malformed list %zu fails clearly: %s", i,
		    err.msg);
	}
	is_int(l.n, 0, "nothing was added");
	err_clear(&err);
	ok(arm_parse_computes("{}", &l, &next, &err) && l.n == 0 &&
	    next == NULL, "an empty object is an empty last page");
	ok(arm_parse_computes("{\"value\":[1,null,{\"id\":\"x\"},{\"name\":"
	    "\"ok\"}],\"nextLink\":null}", &l, &next, &err) && l.n == 1 &&
	    next == NULL, "entries without a name are skipped");
	arm_compute_list_free(&l);
	ok(arm_parse_computes("{\"value\":[],\"nextLink\":\"\"}", &l, &next,
	    &err) && next == NULL, "an empty nextLink ends the list");
}

/* Pages of odd shapes and elements, as json-c reads them. */
static void
test_odd_pages(void)
{
	static const struct {
		const char	*body;
		bool		 ok;		/* arm_parse_computes() */
		const char	*next;
		size_t		 n;
	} rows[] = {
		{ "{\"value\":[{\"name\":\"a\"}],\"nextLink\":\"u\"}", true, "u", 1 },
		{ " {\"value\":null} \n", true, NULL, 0 },
		{ "{\"value\":[],\"nextLink\":\"a\\/b\"}", true, "a/b", 0 },
		{ "{\"value\":[]} x", true, NULL, 0 },
		{ "{\"value\":[],\"value\":[{\"name\":\"b\"}]}", true,
		  NULL, 1 },
		{ "{\"value\":[{\"name\":\"a\",}]}", true, NULL, 1 },
		{ "{\"value\":[{\"name\":\"\\ud83d\\ude00\"}]}", true,
		  NULL, 1 },
		{ "{\"value\":{}}", false, NULL, 0 },
		{ "{\"value\":[{\"name\":\"a\"}], \"n\": 01}", true,
		  NULL, 1 },
		{ "{\"value\":[{\"name\":\"tab\there\"}]}", true, NULL,
		  1 },
	};
	struct arm_compute_list	 l = { 0 };
	struct err		 err;
	char			*next, *body = fixture("compute-list-odd.json");
	size_t			 i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		next = NULL;
		err_clear(&err);
		ok(arm_parse_computes(rows[i].body, &l, &next, &err) ==
		    rows[i].ok && l.n == rows[i].n &&
		    (rows[i].next == NULL ? next == NULL : next != NULL &&
		    strcmp(next, rows[i].next) == 0),
		    "page %zu: %zu computes, as json-c reads it", i, rows[i].n);
		arm_compute_list_free(&l);
		free(next);
	}
	next = NULL;
	err_clear(&err);
	ok(arm_parse_computes(body, &l, &next, &err) && l.n == 7 &&
	    next != NULL, "a page of odd elements: 7 computes");
	is_str(l.v[1].name, "dup-last", "a repeated name: json-c's, the last");
	is_str(l.v[1].error_detail, "Inner: deeper",
	    "a provisioning error: json-c's reading");
	is_str(l.v[1].agent_vm_size, "Standard_DS3_v2",
	    "agentVmSize null: agentVMSize");
	is_str(l.v[2].name, "escaped-key", "an escaped key: json-c's reading");
	is_str(l.v[2].instance_types, "small, large", "instance types");
	is_int(l.v[0].agent_count, 3, "agentCount");
	ok(l.v[0].is_attached, "isAttachedCompute \"True\"");
	is_str(l.v[0].description, "caf\xc3\xa9 \"quoted\" \\ back",
	    "a description with escapes: json-c's reading");
	is_str(l.v[3].cluster_fqdn, "x^[[31m", "ESC escaped as everywhere");
	arm_compute_list_free(&l);
	free(next);
	free(body);
}

/* Each row read in place against the same page's copies. */
struct same {
	const struct arm_compute_list	*l;
	size_t				 n, differ;
};

#define NSTRINGS	25

/* A compute's strings, in arm_compute_done()'s order. */
static void
compute_strings(const struct arm_compute *c, const char *v[NSTRINGS])
{
	const char	*const s[NSTRINGS] = { c->id, c->name, c->location,
			    c->compute_type, c->compute_location,
			    c->provisioning_state, c->description,
			    c->resource_id, c->created_on, c->modified_on,
			    c->cluster_fqdn, c->agent_vm_size,
			    c->cluster_purpose, c->lb_type, c->lb_subnet,
			    c->ssl_status, c->ssl_cname, c->ssl_leaf_label,
			    c->k8s_namespace, c->default_instance_type,
			    c->instance_types, c->release_train,
			    c->error_code, c->error_message,
			    c->error_detail };

	memcpy(v, s, sizeof s);
}

static void
same_row(const struct arm_compute *c, void *arg)
{
	struct same		*s = arg;
	const struct arm_compute *w = s->n < s->l->n ? &s->l->v[s->n] : NULL;
	const char		*got[NSTRINGS], *want[NSTRINGS];
	size_t			 i;

	s->n++;
	if (w == NULL) {
		s->differ++;
		return;
	}
	compute_strings(c, got);
	compute_strings(w, want);
	for (i = 0; i < NSTRINGS; i++)
		if ((got[i] == NULL) != (want[i] == NULL) ||
		    (got[i] != NULL && strcmp(got[i], want[i]) != 0))
			s->differ++;
	if (c->agent_count != w->agent_count || c->prov != w->prov ||
	    c->tls != w->tls || c->is_attached != w->is_attached)
		s->differ++;
}

/*
 * A page read in place (list -o json) gives the computes the copying
 * parser gives, escapes, joined names and error details included.
 */
static void
test_in_place(void)
{
	const char *const files[] = { "compute-list-odd.json",
		"compute-list.json" };
	struct arm_compute_list	 l = { 0 };
	struct same		 s;
	struct err		 err;
	char			*body, *next, *next2;
	size_t			 i;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		body = fixture(files[i]);
		next = next2 = NULL;
		err_clear(&err);
		ok(arm_parse_computes(body, &l, &next, &err), "%s parses",
		    files[i]);
		s.l = &l;
		s.n = s.differ = 0;
		ok(arm_parse_computes_each(body, &next2, same_row, &s, &err),
		    "%s read in place", files[i]);
		is_int(s.n, l.n, "%s: as many computes", files[i]);
		is_int(s.differ, 0, "%s: the same members", files[i]);
		is_str(next2, next, "%s: the same nextLink", files[i]);
		arm_compute_list_free(&l);
		free(next);
		free(next2);
		free(body);
	}
	next = NULL;
	s.l = &l;
	s.n = 0;
	ok(!arm_parse_computes_each("{\"value\":[{\"name\":\"a\"}", &next,
	    same_row, &s, &err) && s.n == 0 && next == NULL,
	    "a truncated page read in place: refused, no row");
}

static void
test_clusters(void)
{
	struct arm_cluster	 c;
	struct arm_cluster_list	 l = { 0 };
	struct err		 err;
	char			*body = fixture("cluster-get.json"), *next;

	err_clear(&err);
	ok(arm_parse_cluster(body, &c, &err), "cluster get parses");
	is_str(c.name, "clustername1", "cluster name");
	is_str(c.version, "1.9.6", "currentKubernetesVersion");
	is_str(c.provisioning_state, "Succeeded", "cluster state");
	is_int(c.prov, PROV_SUCCEEDED, "cluster state parsed once");
	is_int(c.npools, 1, "one pool");
	is_int(c.pools[0].count, 3, "pool count");
	is_str(c.pools[0].vm_size, "Standard_DS1_v2", "pool size");
	ok(!c.private_cluster, "not private");
	ok(c.authorized_ranges == NULL, "no authorized ranges");
	is_str(c.lb_sku, "standard", "load balancer SKU");
	arm_cluster_done(&c);
	free(body);

	body = fixture("cluster-list.json");
	ok(arm_parse_clusters(body, &l, &next, &err), "cluster list parses");
	is_int(l.n, 1, "one cluster listed");
	ok(next == NULL, "no nextLink");
	arm_cluster_list_free(&l);
	free(body);

	ok(arm_parse_cluster("{\"id\":\"/subscriptions/s/resourcegroups/g/"
	    "providers/Microsoft.ContainerService/managedClusters/p\","
	    "\"properties\":{\"kubernetesVersion\":\"1.29\",\"powerState\":"
	    "{\"code\":\"Stopped\"},\"apiServerAccessProfile\":{"
	    "\"enablePrivateCluster\":true,\"authorizedIPRanges\":[\"73.140."
	    "245.0/24\",\"10.0.0.1/32\"]},\"agentPoolProfiles\":[{\"name\":"
	    "\"a\",\"count\":2},{\"name\":\"b\",\"count\":1,\"vmSize\":"
	    "\"Standard_D4s_v3\"}]}}", &c, &err), "private cluster parses");
	ok(c.private_cluster, "enablePrivateCluster");
	is_str(c.authorized_ranges, "73.140.245.0/24, 10.0.0.1/32",
	    "authorized ranges joined");
	is_str(c.version, "1.29", "requested version when no current one");
	is_str(c.power_state, "Stopped", "power state");
	is_int(c.npools, 2, "two pools");
	ok(c.pools[0].vm_size == NULL, "a pool without a size");
	ok(c.created_by == NULL, "no tags: not made by akswiz");
	arm_cluster_done(&c);

	ok(arm_parse_cluster("{\"id\":\"/subscriptions/s/resourcegroups/g/"
	    "providers/Microsoft.ContainerService/managedClusters/m\","
	    "\"tags\":{\"team\":\"ml\",\"createdBy\":\"akswiz\"},"
	    "\"properties\":{\"agentPoolProfiles\":[{\"name\":\"a\","
	    "\"count\":2,\"mode\":\"System\",\"enableAutoScaling\":true,"
	    "\"minCount\":1,\"maxCount\":5},{\"name\":\"b\",\"count\":1,"
	    "\"enableAutoScaling\":false}]}}", &c, &err),
	    "a tagged cluster with an autoscaled pool parses");
	is_str(c.created_by, "akswiz", "its createdBy tag");
	ok(c.pools[0].autoscale && c.pools[0].min_count == 1 &&
	    c.pools[0].max_count == 5, "the autoscaler and its range");
	ok(!c.pools[1].autoscale, "a pool without it");
	arm_cluster_done(&c);
}

/* A Kubernetes compute (ML-SPEC's example) and a cluster's pools. */
static void
test_kubernetes(void)
{
	struct arm_compute	 c;
	struct arm_cluster	 cl;
	struct err		 err;
	char			*body = fixture("compute-get-kubernetes.json");

	err_clear(&err);
	ok(arm_parse_compute(body, &c, &err), "Kubernetes compute parses");
	is_str(c.compute_type, "Kubernetes", "computeType Kubernetes");
	ok(c.resource_id != NULL && strstr(c.resource_id,
	    "managedClusters/compute123-56826") != NULL, "its cluster");
	is_str(c.k8s_namespace, "default", "namespace");
	is_str(c.default_instance_type, "defaultInstanceType",
	    "defaultInstanceType");
	is_str(c.instance_types, "defaultInstanceType",
	    "instanceTypes' names");
	is_str(c.release_train, "stable", "extensionInstanceReleaseTrain");
	is_int(c.agent_count, -1, "no agentCount on Kubernetes");
	ok(c.is_attached, "isAttachedCompute");
	arm_compute_done(&c);
	free(body);

	ok(arm_parse_compute("{\"name\":\"k\",\"properties\":{"
	    "\"computeType\":\"Kubernetes\",\"properties\":{\"namespace\":"
	    "\"ns1\",\"instanceTypes\":{\"small\":{},\"gpu\":{}}}}}", &c,
	    &err), "instance types of a live answer");
	is_str(c.instance_types, "small, gpu", "both names, in order");
	ok(c.default_instance_type == NULL, "absent default is NULL");
	arm_compute_done(&c);

	ok(arm_parse_cluster("{\"id\":\"/subscriptions/s/resourceGroups/g/"
	    "providers/Microsoft.ContainerService/managedClusters/k\","
	    "\"properties\":{\"currentKubernetesVersion\":\"1.30.5\","
	    "\"powerState\":{\"code\":\"Running\"},\"agentPoolProfiles\":"
	    "[{\"name\":\"nodepool1\",\"mode\":\"System\",\"count\":3,"
	    "\"vmSize\":\"Standard_DS3_v2\"},{\"name\":\"user1\",\"mode\":"
	    "\"User\",\"count\":2,\"enableAutoScaling\":true,\"minCount\":"
	    "1,\"maxCount\":5}]}}", &cl, &err), "cluster with pools parses");
	is_str(cl.pools[0].mode, "System", "pool mode");
	ok(!cl.pools[0].autoscale, "autoscaler off by default");
	is_int(cl.pools[0].min_count, -1, "no minCount");
	ok(cl.pools[1].autoscale, "enableAutoScaling");
	is_int(cl.pools[1].min_count, 1, "minCount");
	is_int(cl.pools[1].max_count, 5, "maxCount");
	is_str(cl.power_state, "Running", "power state");
	arm_cluster_done(&cl);
}

/* The Azure ML extension (EXT-SPEC's shape, B.7) healthy and failed. */
static void
test_extension(void)
{
	struct arm_extension	 x;
	struct err		 err;
	char			*body = fixture("extension-get.json"), *p;
	size_t			 i;

	err_clear(&err);
	ok(arm_parse_extension(body, &x, &err), "extension parses");
	is_str(x.name, "azureml", "name");
	is_str(x.extension_type, "microsoft.azureml.kubernetes",
	    "extensionType as sent");
	ok(x.version == NULL, "version null");
	is_str(x.current_version, "1.1.64", "currentVersion");
	is_str(x.release_train, "stable", "releaseTrain");
	ok(x.auto_upgrade, "autoUpgradeMinorVersion");
	is_str(x.release_namespace, "azureml", "cluster scope's namespace");
	is_str(x.provisioning_state, "Succeeded", "provisioningState");
	is_int(x.prov, PROV_SUCCEEDED, "parsed once");
	is_int(x.nsettings, 8, "eight public settings");
	is_str(x.setting_keys[0], "enableTraining", "in the answer's order");
	is_str(arm_extension_setting(&x, "inferencerouterservicetype"),
	    "LoadBalancer", "a setting found without case");
	ok(arm_extension_setting(&x, "scoringFe.sslKey") == NULL,
	    "protected settings are never read");
	for (i = 0; i < x.nsettings; i++)
		if (strstr(x.setting_values[i], "LS0tLS1CRUdJTi") != NULL)
			break;
	is_int(i, x.nsettings, "no protected value among the settings");
	is_str(arm_extension_lb_type(&x), "PublicIp",
	    "LoadBalancer without a provider: a public IP");
	is_str(arm_extension_ssl_status(&x), "Disabled",
	    "allowInsecureConnections=True: TLS off");
	is_str(arm_extension_purpose(&x), "DevTest", "clusterPurpose");
	is_str(arm_extension_router(&x), "LoadBalancer",
	    "inferenceRouterServiceType");
	ok(arm_extension_cname(&x) == NULL, "no sslCname: NULL");
	p = arm_extension_problem(&x);
	ok(p == NULL, "a healthy extension has no problem");
	free(p);
	arm_extension_done(&x);
	free(body);

	body = fixture("extension-failed.json");
	ok(arm_parse_extension(body, &x, &err), "failed extension parses");
	is_int(x.prov, PROV_FAILED, "Failed");
	is_str(x.current_version, "1.1.60", "installedVersion (2022 era)");
	is_int(x.nstatuses, 2, "two statuses");
	is_str(x.statuses[1].display_status, "INSUFFICIENT_NODE",
	    "displayStatus");
	p = arm_extension_problem(&x);
	is_str(p, "E40002: inferenceRouterHA needs at least 3 nodes; the "
	    "cluster has 1", "the health check's Error status comes first");
	free(p);
	free(x.statuses[1].level);
	x.statuses[1].level = NULL;
	p = arm_extension_problem(&x);
	ok(p != NULL && strncmp(p, "ExtensionOperationFailed: The extension",
	    39) == 0, "else errorInfo");
	free(p);
	arm_extension_done(&x);
	free(body);

	{
		static const struct {
			const char	*settings, *lb, *tls;
		} t[] = {
			{ "", "PublicIp", "Enabled" },
			{ "\"internalLoadBalancerProvider\":\"Azure\","
			    "\"inferenceRouterServiceType\":\"loadBalancer\"",
			    "InternalLoadBalancer", "Enabled" },
			{ "\"inferenceRouterServiceType\":\"NodePort\","
			    "\"allowInsecureConnections\":\"true\"",
			    "NodePort", "Disabled" },
			{ "\"inferenceRouterServiceType\":\"ClusterIP\","
			    "\"allowInsecureConnections\":\"False\"",
			    "ClusterIP", "Enabled" },
		};
		char	doc[512];
		size_t	k;

		for (k = 0; k < sizeof t / sizeof t[0]; k++) {
			snprintf(doc, sizeof doc, "{\"name\":\"azureml\","
			    "\"properties\":{\"configurationSettings\":{%s}}}",
			    t[k].settings);
			ok(arm_parse_extension(doc, &x, &err), "settings %zu",
			    k);
			is_str(arm_extension_lb_type(&x), t[k].lb,
			    "load balancer of {%s}", t[k].settings);
			is_str(arm_extension_ssl_status(&x), t[k].tls,
			    "TLS of {%s}", t[k].settings);
			arm_extension_done(&x);
		}
	}
	ok(!arm_parse_extension("{\"properties\":{}}", &x, &err),
	    "an extension without a name is refused");
	ok(!arm_parse_extension("{\"name\":", &x, &err), "truncated: refused");
	ok(arm_parse_extension("{\"name\":\"azureml\",\"properties\":{"
	    "\"configurationSettings\":{\"a\":1,\"b\":\"x\"},\"statuses\":"
	    "[1,{\"level\":\"Error\"}]}}", &x, &err), "odd members parse");
	is_int(x.nsettings, 1, "a setting that is no string is left out");
	p = arm_extension_problem(&x);
	ok(p == NULL, "an Error status without a message says nothing");
	free(p);
	arm_extension_done(&x);
}

static void
test_regions(void)
{
	struct arm_k8s_version_list	 v = { 0 };
	struct arm_vm_size_list		 s = { 0 };
	struct arm_usage_list		 u = { 0 };
	struct err			 err;
	char				*body, *next, *kc;

	err_clear(&err);
	body = fixture("k8s-versions.json");
	ok(arm_parse_k8s_versions(body, &v, &err), "kubernetesVersions parses");
	is_int(v.n, 4, "four versions");
	ok(v.v[1].is_default && !v.v[0].is_default, "isDefault, missing=false");
	ok(v.v[3].is_preview && !v.v[2].is_preview, "isPreview");
	arm_k8s_version_list_free(&v);
	free(body);
	ok(!arm_parse_k8s_versions("{\"value\":[]}", &v, &err),
	    "\"value\" instead of \"values\" is an error");

	body = fixture("orchestrators.json");
	ok(arm_parse_orchestrators(body, &v, &err), "orchestrators parse");
	is_int(v.n, 11, "only the Kubernetes orchestrators");
	is_str(v.v[0].version, "1.8.1", "first Kubernetes version");
	arm_k8s_version_list_free(&v);
	free(body);

	body = fixture("vm-sizes.json");
	ok(arm_parse_vm_sizes(body, &s, &err), "vmSizes parse");
	is_int(s.n, 2, "two sizes");
	is_str(s.v[1].name, "Standard_A2_V2", "size name");
	is_int(s.v[1].vcpus, 2, "numberOfCores");
	is_int(s.v[1].memory_mb, 4096, "memoryInMB");
	arm_vm_size_list_free(&s);
	free(body);

	body = fixture("usages.json");
	ok(arm_parse_usages(body, &u, &next, &err), "usages parse");
	is_int(u.n, 1, "one usage");
	is_int(u.v[0].current, 17, "currentValue");
	is_int(u.v[0].limit, 19, "limit");
	ok(arm_usage_find(&u, "AAAAAAAAAAAAAAAAAA") == &u.v[0],
	    "usage lookup is case-insensitive");
	free(next);
	arm_usage_list_free(&u);
	free(body);

	body = fixture("credentials.json");
	ok(arm_parse_credentials(body, &kc, &err), "credentials parse");
	is_str(kc, "credentialValue1", "kubeconfig base64-decoded");
	free(kc);
	free(body);
	ok(!arm_parse_credentials("{\"kubeconfigs\":[{\"value\":\"@@@\"}]}",
	    &kc, &err), "bad base64 is an error");
}

static void
test_scope(void)
{
	struct arm_subscription_list	 s = { 0 };
	struct arm_workspace_list	 w = { 0 };
	struct err			 err;
	char				*next;

	err_clear(&err);
	ok(arm_parse_subscriptions("{\"value\":[{\"id\":\"/subscriptions/"
	    "1111\",\"subscriptionId\":\"1111\",\"tenantId\":\"t\","
	    "\"displayName\":\"Dev\",\"state\":\"Enabled\"}]}", &s, &next,
	    &err) && s.n == 1, "subscriptions parse");
	is_str(s.v[0].name, "Dev", "displayName");
	arm_subscription_list_free(&s);
	ok(arm_parse_workspaces("{\"value\":[{\"id\":\"/subscriptions/1/"
	    "resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/"
	    "workspaces/ws1\",\"name\":\"ws1\",\"location\":\"westeurope\"}],"
	    "\"nextLink\":\"https://x/next\"}", &w, &next, &err) && w.n == 1,
	    "workspaces parse");
	is_str(w.v[0].resource_group, "rg-ml", "resource group from the id");
	is_str(next, "https://x/next", "workspace nextLink");
	free(next);
	arm_workspace_list_free(&w);
}

/*
 * A page's nextLink read before its parse (the next page is asked for
 * meanwhile): Resource Manager's pages end with it and are read from the
 * end; any other place is found by a forward scan; a quote that is part
 * of a string never passes for the link's.
 */
static void
test_next_link(void)
{
	static const struct {
		const char	*body, *want;
	} rows[] = {
		{ "{\"value\":[{\"name\":\"a\"}],\"nextLink\":\"https://h/p?s=2\"}",
		  "https://h/p?s=2" },
		{ "{ \"value\": [],\n  \"nextLink\" : \"u\" }\n", "u" },
		{ "{\"nextLink\":\"u\"}", "u" },
		{ "{\"nextLink\":\"u\",\"value\":[]}", "u" },
		{ "{\"nextLink\":\"a\",\"value\":[],\"nextLink\":\"b\"}", "b" },
		{ "{\"value\":[]}", NULL },
		{ "{\"value\":[],\"nextLink\":null}", NULL },
		{ "{\"value\":[],\"nextLink\":\"\"}", NULL },
		{ "{\"value\":[],\"nextLink\":\"a\\/b\"}", NULL },
		{ "{\"value\":[{\"nextLink\":\"u\"}]}", NULL },
		{ "{\"a\":{\"nextLink\":\"u\"}}", NULL },
		{ "{\"value\":[],\"xnextLink\":\"u\"}", NULL },
		{ "{\"a\":\"x\\\",\\\"nextLink\\\":\\\"u\"}", NULL },
		{ "{\"a\":\"\\\"nextLink\\\":\\\"u\"}", NULL },
		{ "{\"a\":\"\\\\\",\"nextLink\":\"u\"}", "u" },
		{ "{\"value\":[],\"nextLink\":\"u\"", NULL },
		{ "{\"value\":[],\"nextLink\":\"u\"}{\"x\":1}", NULL },
		{ "[\"nextLink\",\"u\"]", NULL },
		{ "", NULL },
	};
	size_t	 i;
	char	*got;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		got = arm_page_next_link(rows[i].body, strlen(rows[i].body));
		is_str(got, rows[i].want, "nextLink read early, row %zu", i);
		free(got);
	}
}

int
main(void)
{
	test_computes();
	test_malformed();
	test_odd_pages();
	test_in_place();
	test_clusters();
	test_kubernetes();
	test_extension();
	test_regions();
	test_scope();
	test_next_link();
	arm_parse_release();
	return tap_done();
}
