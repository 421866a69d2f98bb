/*
 * A plan's steps: the list each plan makes (kinds, targets, methods,
 * api-versions, names from the one table), and the update merge on the
 * fetched compute: unrelated members kept, read-only ones dropped, the
 * plan's load balancer and TLS set (replacing the old ones), the
 * certificate and key read from the files the plan names.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "common/err.h"
#include "core/plan.h"
#include "plan/plan-jw.h"
#include "plan/plan-steps.h"
#include "tests/tap.h"

#define ID "/subscriptions/s1/resourceGroups/rg/providers/" \
	"Microsoft.MachineLearningServices/workspaces/ws/computes/ml-a"

/* A plan of op on compute ml-a in s1/rg/ws. */
static void
plan_of(struct plan *p, enum plan_op op)
{
	plan_init(p, op);
	snprintf(p->scope.subscription, sizeof p->scope.subscription, "s1");
	snprintf(p->scope.resource_group, sizeof p->scope.resource_group,
	    "rg");
	snprintf(p->scope.workspace, sizeof p->scope.workspace, "ws");
	snprintf(p->name, sizeof p->name, "ml-a");
	snprintf(p->cluster_id, sizeof p->cluster_id, "/subscriptions/s1/"
	    "resourceGroups/aks-rg/providers/Microsoft.ContainerService/"
	    "managedClusters/aks-1");
}

static void
test_lists(void)
{
	static const struct {
		enum plan_op	 op;
		bool		 ilb;
		int		 n;
		enum step_kind	 kind[2];
		const char	*names;		/* the names, joined */
		const char	*methods;
		const char	*query;		/* of the first step */
	} rows[] = {
		{ PLAN_CREATE, false, 1, { STEP_CREATE_COMPUTE },
		    "create", "PUT", "" },
		{ PLAN_CREATE, true, 1, { STEP_CREATE_COMPUTE },
		    "create", "PUT", "" },
		{ PLAN_ATTACH, false, 1, { STEP_ATTACH_COMPUTE },
		    "attach", "PUT", "" },
		{ PLAN_ATTACH, true, 2, { STEP_ATTACH_COMPUTE,
		    STEP_UPDATE_COMPUTE }, "attach update", "PUT PUT", "" },
		{ PLAN_UPDATE, true, 1, { STEP_UPDATE_COMPUTE },
		    "update", "PUT", "" },
		{ PLAN_DETACH, false, 1, { STEP_DETACH_COMPUTE },
		    "detach", "DELETE", "underlyingResourceAction=Detach" },
	};
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	enum step_kind	 k;
	char		 names[64], methods[64];
	size_t		 i;
	int		 n, j;
	bool		 kinds, targets;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		plan_of(&p, rows[i].op);
		if (rows[i].ilb)
			p.lb_type = LB_INTERNAL;
		n = plan_steps(&p, s, PLAN_STEPS_MAX);
		names[0] = methods[0] = '\0';
		kinds = targets = true;
		for (j = 0; j < n && j < 2; j++) {
			snprintf(names + strlen(names), sizeof names -
			    strlen(names), "%s%s", j ? " " : "",
			    step_kind_name(s[j].kind));
			snprintf(methods + strlen(methods), sizeof methods -
			    strlen(methods), "%s%s", j ? " " : "",
			    step_method_name(s[j].method));
			kinds = kinds && s[j].kind == rows[i].kind[j] &&
			    step_kind_parse(step_kind_id(s[j].kind), &k) &&
			    k == s[j].kind;
			targets = targets && strcmp(s[j].target, ID) == 0 &&
			    strcmp(s[j].api_version, "2024-04-01") == 0;
		}
		is_int(n, rows[i].n, "%s%s: %d steps", plan_op_name(rows[i].op),
		    rows[i].ilb ? " (internal)" : "", rows[i].n);
		ok(kinds, "%s: the kinds, and their machine names parse back",
		    rows[i].names);
		is_str(names, rows[i].names, "%s: the names", rows[i].names);
		is_str(methods, rows[i].methods, "%s: the methods",
		    rows[i].names);
		ok(targets, "%s: on the compute's ID, api-version 2024-04-01",
		    rows[i].names);
		is_str(s[0].query, rows[i].query, "%s: the request's query",
		    rows[i].names);
	}
	ok(!step_kind_parse("noSuchKind", &k), "an unknown kind is refused");
	plan_of(&p, PLAN_ATTACH);
	p.lb_type = LB_INTERNAL;
	is_int(plan_steps(&p, s, 1), 1, "never more than max steps");
}

/* Write text into a file under dir; its path into buf. */
static void
put_file(const char *dir, const char *name, const char *text, char *buf,
    size_t len)
{
	FILE	*fp;

	snprintf(buf, len, "%s/%s", dir, name);
	fp = fopen(buf, "w");
	fputs(text, fp);
	fclose(fp);
}

/* Member path a.b.c of o as text, or "(none)". */
static const char *
at(json_object *o, const char *a, const char *b, const char *c)
{
	const char	*k[3] = { a, b, c };
	int		 i;

	for (i = 0; i < 3 && k[i] != NULL; i++)
		if (!json_object_object_get_ex(o, k[i], &o))
			return "(none)";
	return o == NULL ? "null" : json_object_get_string(o);
}

static const char fetched[] =
    "{\"id\": \"" ID "\", \"name\": \"ml-a\", \"type\": \"x\","
    " \"location\": \"eastus\", \"tags\": {\"team\": \"ml\"},"
    " \"systemData\": {}, \"properties\": {\"computeType\": \"AKS\","
    " \"provisioningState\": \"Succeeded\", \"createdOn\": \"t\","
    " \"isAttachedCompute\": true, \"resourceId\": \"/aks/1\","
    " \"description\": \"keep me\", \"properties\": {\"agentCount\": 3,"
    " \"clusterPurpose\": \"FastProd\","
    " \"loadBalancerType\": \"InternalLoadBalancer\","
    " \"loadBalancerSubnet\": \"old-subnet\","
    " \"sslConfiguration\": {\"status\": \"Enabled\", \"cname\": \"old\"}"
    "}}}";

static void
test_merge(const char *dir)
{
	static const struct {
		const char	*what;
		enum plan_op	 op;
		enum lb_type	 lb;
		const char	*subnet;
		enum tls_mode	 tls;
		const char	*lb_type, *lb_subnet;
		const char	*ssl_status, *cname, *cert, *key;
	} rows[] = {
		{ "update to a public IP, TLS off", PLAN_UPDATE, LB_PUBLIC,
		    "", TLS_DISABLED, "PublicIp", "(none)", "Disabled",
		    "(none)", "(none)", "(none)" },
		{ "update to an internal balancer on a subnet", PLAN_UPDATE,
		    LB_INTERNAL, "new-subnet", TLS_DISABLED,
		    "InternalLoadBalancer", "new-subnet", "Disabled", "(none)",
		    "(none)", "(none)" },
		{ "attach's update, TLS off: the old TLS kept", PLAN_ATTACH,
		    LB_INTERNAL, "s2", TLS_DISABLED, "InternalLoadBalancer",
		    "s2", "Enabled", "old", "(none)", "(none)" },
		{ "attach's update with a custom certificate", PLAN_ATTACH,
		    LB_INTERNAL, "", TLS_CUSTOM, "InternalLoadBalancer",
		    "(none)", "Enabled", "www.contoso.com", "CERT-PEM\n",
		    "KEY-PEM\n" },
		{ "update to a Microsoft certificate: no old CNAME",
		    PLAN_UPDATE, LB_PUBLIC, "", TLS_MICROSOFT, "PublicIp",
		    "(none)", "Auto", "(none)", "(none)", "(none)" },
	};
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	struct err	 err;
	json_object	*cur, *out, *fetched_obj;
	char		 cert[256], key[256], *body;
	size_t		 i;
	int		 n;

	put_file(dir, "cert.pem", "CERT-PEM\n", cert, sizeof cert);
	put_file(dir, "key.pem", "KEY-PEM\n", key, sizeof key);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		plan_of(&p, rows[i].op);
		p.lb_type = rows[i].lb;
		snprintf(p.lb_subnet, sizeof p.lb_subnet, "%s", rows[i].subnet);
		p.tls.mode = rows[i].tls;
		snprintf(p.tls.cert_file, sizeof p.tls.cert_file, "%s", cert);
		snprintf(p.tls.key_file, sizeof p.tls.key_file, "%s", key);
		snprintf(p.tls.cname, sizeof p.tls.cname, "www.contoso.com");
		snprintf(p.tls.leaf_label, sizeof p.tls.leaf_label, "c1");
		n = plan_steps(&p, s, PLAN_STEPS_MAX);
		cur = fetched_obj = json_tokener_parse(fetched);
		err_clear(&err);
		body = NULL;
		if (!ok(n >= 1 && s[n - 1].needs_current &&
		    plan_step_body(&p, &s[n - 1], "westus", cur, &body, &err) &&
		    body != NULL, "%s: a body (%s)", rows[i].what, err.msg)) {
			json_object_put(fetched_obj);
			continue;
		}
		out = json_tokener_parse(body);
		is_str(at(out, "location", NULL, NULL), "eastus",
		    "%s: location kept", rows[i].what);
		is_str(at(out, "tags", "team", NULL), "ml",
		    "%s: tags kept", rows[i].what);
		is_str(at(out, "properties", "description", NULL), "keep me",
		    "%s: description kept", rows[i].what);
		is_str(at(out, "properties", "properties", "agentCount"), "3",
		    "%s: agentCount kept", rows[i].what);
		ok(strcmp(at(out, "id", NULL, NULL), "(none)") == 0 &&
		    strcmp(at(out, "systemData", NULL, NULL), "(none)") == 0 &&
		    strcmp(at(out, "properties", "provisioningState", NULL),
		    "(none)") == 0 && strcmp(at(out, "properties",
		    "isAttachedCompute", NULL), "(none)") == 0,
		    "%s: read-only members dropped", rows[i].what);
		is_str(at(out, "properties", "properties", "loadBalancerType"),
		    rows[i].lb_type, "%s: loadBalancerType", rows[i].what);
		is_str(at(out, "properties", "properties",
		    "loadBalancerSubnet"), rows[i].lb_subnet,
		    "%s: loadBalancerSubnet", rows[i].what);
		json_object_object_get_ex(out, "properties", &cur);
		json_object_object_get_ex(cur, "properties", &cur);
		is_str(at(cur, "sslConfiguration", "status", NULL),
		    rows[i].ssl_status, "%s: TLS status", rows[i].what);
		is_str(at(cur, "sslConfiguration", "cname", NULL),
		    rows[i].cname, "%s: CNAME", rows[i].what);
		is_str(at(cur, "sslConfiguration", "cert", NULL), rows[i].cert,
		    "%s: certificate from its file", rows[i].what);
		is_str(at(cur, "sslConfiguration", "key", NULL), rows[i].key,
		    "%s: key from its file", rows[i].what);
		json_object_put(out);
		plan_jw_free_secret(body);
		/* plan_step_body changed the fetched object it was given,
		 * which stays the caller's. */
		json_object_put(fetched_obj);
	}
	plan_of(&p, PLAN_UPDATE);
	p.tls.mode = TLS_CUSTOM;
	snprintf(p.tls.cert_file, sizeof p.tls.cert_file, "%s/none.pem", dir);
	snprintf(p.tls.key_file, sizeof p.tls.key_file, "%s", key);
	n = plan_steps(&p, s, PLAN_STEPS_MAX);
	cur = json_tokener_parse(fetched);
	err_clear(&err);
	ok(!plan_step_body(&p, &s[0], NULL, cur, &body, &err) &&
	    err.kind == ERR_IO && strstr(err.msg, "none.pem") != NULL,
	    "a certificate file that cannot be read: %s", err.msg);
	json_object_put(cur);
	unlink(cert);
	unlink(key);
}

/* Whether a look at the target shows the step's effect. */
static void
test_done(void)
{
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	json_object	*cur = json_tokener_parse(fetched);

	plan_of(&p, PLAN_ATTACH);
	p.lb_type = LB_INTERNAL;
	plan_steps(&p, s, PLAN_STEPS_MAX);
	ok(plan_step_done(&p, &s[0], cur), "attach: done when it exists");
	ok(!plan_step_done(&p, &s[0], NULL), "attach: not when it does not");
	ok(plan_step_done(&p, &s[1], cur),
	    "update: done when the balancer is the plan's");
	p.lb_type = LB_PUBLIC;
	ok(!plan_step_done(&p, &s[1], cur), "update: not when it differs");
	ok(!plan_step_done(&p, &s[1], NULL), "update: not when it is gone");
	plan_of(&p, PLAN_DETACH);
	plan_steps(&p, s, PLAN_STEPS_MAX);
	ok(plan_step_done(&p, &s[0], NULL), "detach: done when it is gone");
	ok(!plan_step_done(&p, &s[0], cur), "detach: not while it is there");
	json_object_put(cur);
}

#define AKS "/subscriptions/s1/resourceGroups/aks-rg/providers/" \
	"Microsoft.ContainerService/managedClusters/aks-1"

/* Today's path: scale, detach with its flags, delete; on the cluster. */
static void
test_cluster_steps(void)
{
	static const struct {
		const char	*what;
		enum plan_op	 op;
		bool		 uninstall, del;
		int		 n;
		enum step_kind	 kind[3];
		/* each step: "METHOD target?api-version&query" */
		const char	*req[3];
	} rows[] = {
		{ "scale", PLAN_SCALE, false, false, 1, { STEP_SCALE_POOL },
		    { "PUT " AKS "/agentPools/pool1?2024-09-01" } },
		{ "detach, the cluster's steps not asked for", PLAN_DETACH,
		    false, false, 1, { STEP_DETACH_COMPUTE },
		    { "DELETE " ID "?2024-04-01&underlyingResourceAction="
		    "Detach" } },
		{ "detach --uninstall-extension", PLAN_DETACH, true, false, 2,
		    { STEP_DETACH_COMPUTE, STEP_DELETE_EXTENSION },
		    { "DELETE " ID "?2024-04-01&underlyingResourceAction="
		    "Detach", "DELETE " AKS "/providers/Microsoft."
		    "KubernetesConfiguration/extensions/azureml?2024-11-01" } },
		{ "detach --uninstall-extension --delete-cluster", PLAN_DETACH,
		    true, true, 3, { STEP_DETACH_COMPUTE,
		    STEP_DELETE_EXTENSION, STEP_DELETE_CLUSTER },
		    { "DELETE " ID "?2024-04-01&underlyingResourceAction="
		    "Detach", "DELETE " AKS "/providers/Microsoft."
		    "KubernetesConfiguration/extensions/azureml?2024-11-01",
		    "DELETE " AKS "?2024-09-01" } },
		{ "delete, a cluster akswiz did not make", PLAN_DELETE, false,
		    false, 1, { STEP_DELETE_COMPUTE },
		    { "DELETE " ID "?2024-04-01&underlyingResourceAction="
		    "Delete" } },
		{ "delete, a cluster akswiz made", PLAN_DELETE, false, true, 2,
		    { STEP_DELETE_COMPUTE, STEP_DELETE_CLUSTER },
		    { "DELETE " ID "?2024-04-01&underlyingResourceAction="
		    "Delete", "DELETE " AKS "?2024-09-01" } },
	};
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	enum step_kind	 k;
	char		 req[1200];
	size_t		 i;
	int		 n, j;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		plan_of(&p, rows[i].op);
		snprintf(p.nodepool, sizeof p.nodepool, "pool1");
		p.uninstall_extension = rows[i].uninstall;
		p.delete_cluster = rows[i].del;
		n = plan_steps(&p, s, PLAN_STEPS_MAX);
		is_int(n, rows[i].n, "%s: %d steps", rows[i].what, rows[i].n);
		for (j = 0; j < n && j < 3; j++) {
			snprintf(req, sizeof req, "%s %s?%s%s%s",
			    step_method_name(s[j].method), s[j].target,
			    s[j].api_version, s[j].query[0] ? "&" : "",
			    s[j].query);
			is_str(req, rows[i].req[j], "%s: step %d's request",
			    rows[i].what, j + 1);
			ok(s[j].kind == rows[i].kind[j] &&
			    step_kind_parse(step_kind_id(s[j].kind), &k) &&
			    k == s[j].kind, "%s: step %d is a %s, its machine "
			    "name parses back", rows[i].what, j + 1,
			    step_kind_name(s[j].kind));
		}
	}
	plan_of(&p, PLAN_DETACH);
	p.cluster_id[0] = '\0';
	p.uninstall_extension = p.delete_cluster = true;
	is_int(plan_steps(&p, s, PLAN_STEPS_MAX), 1,
	    "detach of a compute without a cluster: the detach alone");
	ok(strcmp(step_kind_name(STEP_SCALE_POOL), "scale") == 0 &&
	    strcmp(step_kind_id(STEP_DELETE_CLUSTER), "deleteCluster") == 0 &&
	    strcmp(step_kind_id(STEP_DELETE_EXTENSION), "deleteExtension") ==
	    0 && strcmp(step_kind_id(STEP_DELETE_COMPUTE), "deleteCompute") ==
	    0, "the new kinds' names in the journal");
}

static const char pool[] =
    "{\"id\": \"" AKS "/agentPools/pool1\", \"name\": \"pool1\","
    " \"type\": \"Microsoft.ContainerService/managedClusters/agentPools\","
    " \"properties\": {\"count\": 3, \"vmSize\": \"Standard_DS3_v2\","
    " \"mode\": \"System\", \"osType\": \"Linux\", \"maxPods\": 110,"
    " \"provisioningState\": \"Succeeded\"}}";

/* The scale body: the fetched pool, its count changed, sent back whole. */
static void
test_scale_body(void)
{
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	struct err	 err;
	json_object	*cur, *out;
	char		*body = NULL;

	plan_of(&p, PLAN_SCALE);
	snprintf(p.nodepool, sizeof p.nodepool, "pool1");
	p.node_count = 5;
	p.node_count_given = true;
	plan_steps(&p, s, PLAN_STEPS_MAX);
	ok(s[0].needs_current && s[0].done == STEP_DONE_MATCHES,
	    "scale: its body is made from the pool as fetched");
	cur = json_tokener_parse(pool);
	ok(!plan_step_done(&p, &s[0], cur), "scale: not done at 3 nodes");
	err_clear(&err);
	ok(plan_step_body(&p, &s[0], NULL, cur, &body, &err) && body != NULL,
	    "scale: a body (%s)", err.msg);
	out = json_tokener_parse(body != NULL ? body : "{}");
	is_str(at(out, "properties", "count", NULL), "5",
	    "scale: the new count");
	is_str(at(out, "properties", "vmSize", NULL), "Standard_DS3_v2",
	    "scale: the VM size sent back");
	is_str(at(out, "properties", "mode", NULL), "System",
	    "scale: the mode sent back");
	is_str(at(out, "properties", "maxPods", NULL), "110",
	    "scale: every other property sent back (a PUT replaces them)");
	ok(strcmp(at(out, "id", NULL, NULL), "(none)") == 0 &&
	    strcmp(at(out, "properties", "provisioningState", NULL),
	    "(none)") == 0, "scale: read-only members dropped");
	ok(plan_step_done(&p, &s[0], out), "scale: done at 5 nodes");
	free(body);
	ok(!plan_step_body(&p, &s[0], NULL, NULL, &body, &err),
	    "scale: no body without the pool (%s)", err.msg);
	json_object_put(out);
	json_object_put(cur);
}

/*
 * Today's path: a create of compute type Kubernetes is three steps, each
 * on its own resource at its own api-version, looked at before it is
 * sent again; their bodies (the certificate and key in the extension's
 * protected settings, base64 of the files, only there).
 */
static void
test_k8s(const char *dir)
{
	static const struct {
		enum step_kind	 kind;
		const char	*name, *id, *target, *api;
	} want[] = {
		{ STEP_CREATE_CLUSTER, "create cluster", "createCluster",
		    "/subscriptions/s1/resourceGroups/aks-rg/providers/"
		    "Microsoft.ContainerService/managedClusters/aks-1",
		    "2024-09-01" },
		{ STEP_INSTALL_EXTENSION, "install extension",
		    "installExtension", "/subscriptions/s1/resourceGroups/"
		    "aks-rg/providers/Microsoft.ContainerService/"
		    "managedClusters/aks-1/providers/"
		    "Microsoft.KubernetesConfiguration/extensions/azureml",
		    "2024-11-01" },
		{ STEP_ATTACH_KUBERNETES, "attach", "attachKubernetes", ID,
		    "2024-10-01" },
	};
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	struct err	 err;
	enum step_kind	 k;
	json_object	*o = NULL;
	char		 cert[256], key[256], *body;
	int		 n, i;

	plan_of(&p, PLAN_CREATE);
	plan_set_type(&p, COMPUTE_KUBERNETES);
	p.cluster_id[0] = '\0';
	snprintf(p.cluster.name, sizeof p.cluster.name, "aks-1");
	snprintf(p.cluster.resource_group, sizeof p.cluster.resource_group,
	    "aks-rg");
	p.node_count = 2;
	p.node_count_given = true;
	snprintf(p.vm_size, sizeof p.vm_size, "Standard_D4s_v3");
	put_file(dir, "k8s-cert.pem", "CERT\n", cert, sizeof cert);
	put_file(dir, "k8s-key.pem", "KEY\n", key, sizeof key);
	p.tls.mode = TLS_CUSTOM;
	snprintf(p.tls.cert_file, sizeof p.tls.cert_file, "%s", cert);
	snprintf(p.tls.key_file, sizeof p.tls.key_file, "%s", key);
	snprintf(p.tls.cname, sizeof p.tls.cname, "www.contoso.com");
	n = plan_steps(&p, s, PLAN_STEPS_MAX);
	is_int(n, 3, "Kubernetes create: 3 steps");
	for (i = 0; i < n && i < 3; i++) {
		ok(s[i].kind == want[i].kind && step_kind_parse(
		    step_kind_id(s[i].kind), &k) && k == s[i].kind,
		    "step %d: kind %s, its machine name parses back", i + 1,
		    want[i].id);
		is_str(step_kind_name(s[i].kind), want[i].name,
		    "step %d: named %s", i + 1, want[i].name);
		is_str(step_kind_id(s[i].kind), want[i].id,
		    "step %d: journaled as %s", i + 1, want[i].id);
		is_str(s[i].target, want[i].target, "step %d: its target",
		    i + 1);
		is_str(s[i].api_version, want[i].api,
		    "step %d: api-version %s", i + 1, want[i].api);
		ok(s[i].method == STEP_PUT && s[i].done == STEP_DONE_EXISTS &&
		    s[i].look_first && !s[i].needs_current,
		    "step %d: a PUT, looked at before it is sent again",
		    i + 1);
	}

	ok(plan_step_body(&p, &s[0], "westeurope", NULL, &body, &err) &&
	    (o = json_tokener_parse(body)) != NULL, "the cluster's body");
	is_str(at(o, "location", NULL, NULL), "westeurope",
	    "the workspace's location");
	is_str(at(o, "tags", "createdBy", NULL), "akswiz", "the akswiz tag");
	is_str(at(o, "identity", "type", NULL), "SystemAssigned",
	    "a system-assigned identity");
	is_str(at(o, "properties", "dnsPrefix", NULL), "aks-1",
	    "the DNS prefix from the cluster's name");
	ok(strstr(body, "\"mode\": \"System\"") != NULL &&
	    strstr(body, "\"count\": 2") != NULL &&
	    strstr(body, "\"vmSize\": \"Standard_D4s_v3\"") != NULL,
	    "one System pool of the plan's size and count");
	ok(strstr(body, "CERT") == NULL && strstr(body, "Q0VSVA") == NULL,
	    "no certificate in the cluster's body");
	json_object_put(o);
	plan_jw_free_secret(body);

	ok(plan_step_body(&p, &s[1], "westeurope", NULL, &body, &err) &&
	    (o = json_tokener_parse(body)) != NULL, "the extension's body");
	is_str(at(o, "properties", "extensionType", NULL),
	    "Microsoft.AzureML.Kubernetes", "the Azure ML extension");
	is_str(at(o, "properties", "configurationSettings", "sslCname"),
	    "www.contoso.com", "the CNAME");
	is_str(at(o, "properties", "configurationSettings",
	    "allowInsecureConnections"), "False", "TLS on");
	is_str(at(o, "properties", "configurationSettings", "location"),
	    "westeurope", "the location in its settings");
	is_str(at(o, "properties", "configurationProtectedSettings",
	    "scoringFe.sslCert"), "Q0VSVAo=", "the certificate: base64 of "
	    "its file");
	is_str(at(o, "properties", "configurationProtectedSettings",
	    "scoringFe.sslKey"), "S0VZCg==", "the key: base64 of its file");
	json_object_put(o);
	plan_jw_free_secret(body);

	ok(plan_step_body(&p, &s[2], "westeurope", NULL, &body, &err) &&
	    (o = json_tokener_parse(body)) != NULL, "the compute's body");
	is_str(at(o, "properties", "computeType", NULL), "Kubernetes",
	    "of type Kubernetes");
	is_str(at(o, "properties", "resourceId", NULL), want[0].target,
	    "naming the cluster");
	is_str(at(o, "properties", "properties", "namespace"), "default",
	    "in namespace default");
	ok(strstr(body, "S0VZ") == NULL, "no key in the compute's body");
	json_object_put(o);
	plan_jw_free_secret(body);
	unlink(cert);
	unlink(key);
}

#define ML_K8S "/subscriptions/s1/resourceGroups/rg/providers/" \
	"Microsoft.MachineLearningServices/workspaces/ws/computes/ml-a-k8s"

/*
 * Steps on the cluster's Kubernetes API: a migration's five (D.4's
 * order), a create's namespace step; their bodies, content types, the
 * path a create is sent to, and the annotation's done-test.
 */
static void
test_kube_steps(void)
{
	static const struct {
		const char	*what;
		enum plan_op	 op;
		const char	*ns;
		int		 n;
		enum step_kind	 kind[5];
		const char	*target[5];
	} rows[] = {
		{ "migrate into namespace ml", PLAN_MIGRATE, "ml", 5,
		    { STEP_ANNOTATE_FE, STEP_INSTALL_EXTENSION,
		    STEP_CREATE_NAMESPACE, STEP_ATTACH_KUBERNETES,
		    STEP_DETACH_COMPUTE },
		    { "/apis/apps/v1/namespaces/default/deployments/azureml-fe",
		    AKS "/providers/Microsoft.KubernetesConfiguration/"
		    "extensions/azureml", "/api/v1/namespaces/ml", ML_K8S,
		    ID } },
		{ "migrate into default", PLAN_MIGRATE, "", 4,
		    { STEP_ANNOTATE_FE, STEP_INSTALL_EXTENSION,
		    STEP_ATTACH_KUBERNETES, STEP_DETACH_COMPUTE },
		    { NULL, NULL, ML_K8S, ID } },
		{ "create into namespace team-a", PLAN_CREATE, "team-a", 4,
		    { STEP_CREATE_CLUSTER, STEP_INSTALL_EXTENSION,
		    STEP_CREATE_NAMESPACE, STEP_ATTACH_KUBERNETES },
		    { NULL, NULL, "/api/v1/namespaces/team-a", NULL } },
		{ "create into default", PLAN_CREATE, "default", 3,
		    { STEP_CREATE_CLUSTER, STEP_INSTALL_EXTENSION,
		    STEP_ATTACH_KUBERNETES }, { NULL } },
	};
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	struct err	 err;
	enum step_kind	 k;
	json_object	*o;
	char		*body, *path;
	size_t		 i;
	int		 n, j;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		plan_of(&p, rows[i].op);
		plan_set_type(&p, COMPUTE_KUBERNETES);
		if (rows[i].op == PLAN_MIGRATE) {
			snprintf(p.cluster.name, sizeof p.cluster.name,
			    "aks-1");
			snprintf(p.cluster.resource_group,
			    sizeof p.cluster.resource_group, "aks-rg");
		} else
			p.cluster_id[0] = '\0';
		snprintf(p.namespace_, sizeof p.namespace_, "%s",
		    rows[i].ns);
		n = plan_steps(&p, s, PLAN_STEPS_MAX);
		is_int(n, rows[i].n, "%s: %d steps", rows[i].what, rows[i].n);
		for (j = 0; j < n && j < 5; j++) {
			ok(s[j].kind == rows[i].kind[j] &&
			    step_kind_parse(step_kind_id(s[j].kind), &k) &&
			    k == s[j].kind, "%s: step %d is a %s",
			    rows[i].what, j + 1, step_kind_name(s[j].kind));
			if (rows[i].target[j] != NULL)
				is_str(s[j].target, rows[i].target[j],
				    "%s: step %d's target", rows[i].what,
				    j + 1);
			ok((s[j].cluster[0] != '\0') ==
			    (s[j].kind == STEP_CREATE_NAMESPACE ||
			    s[j].kind == STEP_ANNOTATE_FE),
			    "%s: step %d is on the Kubernetes API or not",
			    rows[i].what, j + 1);
		}
	}
	/* The migration's steps on its cluster. */
	plan_of(&p, PLAN_MIGRATE);
	snprintf(p.namespace_, sizeof p.namespace_, "ml");
	n = plan_steps(&p, s, PLAN_STEPS_MAX);
	is_str(s[0].cluster, AKS, "the annotation: on the legacy cluster");
	is_str(step_method_name(s[0].method), "PATCH", "a PATCH");
	is_str(plan_step_content_type(&s[0]), "application/merge-patch+json",
	    "as a merge patch");
	err_clear(&err);
	ok(plan_step_body(&p, &s[0], NULL, NULL, &body, &err) &&
	    body != NULL && strcmp(body, "{\"metadata\":{\"annotations\":"
	    "{\"azureml-fe-enable-upgrade\":\"true\"}}}") == 0,
	    "its body: the annotation azureml-fe-enable-upgrade=true");
	free(body);
	o = json_tokener_parse("{\"metadata\":{\"annotations\":"
	    "{\"azureml-fe-enable-upgrade\":\"true\"}}}");
	ok(plan_step_done(&p, &s[0], o), "annotated: done");
	json_object_put(o);
	o = json_tokener_parse("{\"metadata\":{\"annotations\":{}}}");
	ok(!plan_step_done(&p, &s[0], o), "not annotated: not done");
	json_object_put(o);
	ok(plan_step_done(&p, &s[0], NULL),
	    "no old azureml-fe: nothing to annotate");
	is_str(step_method_name(s[2].method), "POST", "the namespace: a POST");
	path = plan_step_kube_path(&s[2]);
	is_str(path, "/api/v1/namespaces", "to the namespaces");
	free(path);
	is_str(plan_step_content_type(&s[2]), "application/json", "of JSON");
	ok(plan_step_body(&p, &s[2], NULL, NULL, &body, &err) &&
	    body != NULL && strcmp(body, "{\"apiVersion\":\"v1\",\"kind\":"
	    "\"Namespace\",\"metadata\":{\"name\":\"ml\"}}") == 0,
	    "its body: a Namespace named ml");
	free(body);
	ok(!plan_step_done(&p, &s[2], NULL), "no namespace: not done");
	snprintf(p.new_name, sizeof p.new_name, "ml-new");
	plan_steps(&p, s, PLAN_STEPS_MAX);
	ok(strstr(s[3].target, "/computes/ml-new") != NULL,
	    "--new-name names the Kubernetes compute");
}

#define EXT AKS "/providers/Microsoft.KubernetesConfiguration/extensions/" \
	"azureml"
#define K8S_ID "/subscriptions/s1/resourceGroups/rg/providers/" \
	"Microsoft.MachineLearningServices/workspaces/ws/computes/ml-a"

/* An extension as fetched, with its state and service type. */
static json_object *
extension_of(const char *state, const char *router, const char *purpose)
{
	char	text[1024];

	snprintf(text, sizeof text, "{\"id\": \"" EXT "\", \"properties\": "
	    "{\"provisioningState\": \"%s\", \"configurationSettings\": "
	    "{\"enableTraining\": \"False\", \"enableInference\": \"True\","
	    " \"inferenceRouterServiceType\": \"%s\","
	    " \"allowInsecureConnections\": \"True\", \"clusterPurpose\": "
	    "\"%s\", \"inferenceRouterHA\": \"False\", \"location\": "
	    "\"westeurope\"}}}", state, router, purpose);
	return json_tokener_parse(text);
}

/*
 * Today's path on an existing cluster: attach is [install extension]
 * then attach, update the extension alone; the extension's step is done
 * when it has the plan's settings and Succeeded, never with a custom
 * certificate (its protected settings cannot be compared).
 */
static void
test_attach_k8s(void)
{
	static const struct {
		const char	*what;
		const char	*state, *router, *purpose;
		bool		 custom;
		bool		 done;
	} rows[] = {
		{ "same settings, Succeeded", "Succeeded", "LoadBalancer",
		    "DevTest", false, true },
		{ "values compared without case", "Succeeded", "loadbalancer",
		    "devtest", false, true },
		{ "another service type", "Succeeded", "ClusterIP", "DevTest",
		    false, false },
		{ "another purpose", "Succeeded", "LoadBalancer", "FastProd",
		    false, false },
		{ "Failed", "Failed", "LoadBalancer", "DevTest", false, false },
		{ "still Updating", "Updating", "LoadBalancer", "DevTest", false,
		    false },
		{ "a custom certificate", "Succeeded", "LoadBalancer",
		    "DevTest", true, false },
	};
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	json_object	*cur;
	char		 req[1200];
	size_t		 i;
	int		 n;

	plan_of(&p, PLAN_ATTACH);
	plan_set_type(&p, COMPUTE_KUBERNETES);
	n = plan_steps(&p, s, PLAN_STEPS_MAX);
	is_int(n, 2, "attach on today's path: 2 steps");
	snprintf(req, sizeof req, "%s %s?%s", step_method_name(s[0].method),
	    s[0].target, s[0].api_version);
	is_str(req, "PUT " EXT "?2024-11-01",
	    "attach: step 1 PUTs the cluster's extension");
	ok(s[0].kind == STEP_INSTALL_EXTENSION &&
	    s[0].done == STEP_DONE_MATCHES,
	    "attach: step 1 is done when the extension matches");
	snprintf(req, sizeof req, "%s %s?%s", step_method_name(s[1].method),
	    s[1].target, s[1].api_version);
	is_str(req, "PUT " K8S_ID "?2024-10-01",
	    "attach: step 2 PUTs the compute of type Kubernetes");
	ok(s[1].kind == STEP_ATTACH_KUBERNETES, "attach: step 2 attaches");
	ok(!plan_step_done(&p, &s[0], NULL),
	    "attach: no extension, step 1 not done");
	p.purpose = PURPOSE_DEVTEST;
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		p.tls.mode = rows[i].custom ? TLS_CUSTOM : TLS_DISABLED;
		cur = extension_of(rows[i].state, rows[i].router,
		    rows[i].purpose);
		ok(plan_step_done(&p, &s[0], cur) == rows[i].done,
		    "extension %s: step %s", rows[i].what, rows[i].done ?
		    "done, not sent" : "sent");
		json_object_put(cur);
	}
	plan_of(&p, PLAN_UPDATE);
	plan_set_type(&p, COMPUTE_KUBERNETES);
	n = plan_steps(&p, s, PLAN_STEPS_MAX);
	is_int(n, 1, "update on today's path: 1 step");
	ok(s[0].kind == STEP_INSTALL_EXTENSION && strcmp(s[0].target, EXT) ==
	    0 && s[0].done == STEP_DONE_MATCHES,
	    "update: the extension, done when it matches");
}

/* A JSON text in json-c's plain form (kept until the next call). */
static const char *
plain(const char *text)
{
	static char	 buf[1024];
	json_object	*o = json_tokener_parse(text != NULL ? text : "");

	snprintf(buf, sizeof buf, "%s", o == NULL ? "(not JSON)" :
	    json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
	return buf;
}

/*
 * The changes of a running endpoint: one step each, on the endpoint or
 * its deployment; the bodies; the done-tests on what a GET returns.
 */
static void
test_change_steps(void)
{
#define EP "/subscriptions/s1/resourceGroups/rg/providers/" \
	"Microsoft.MachineLearningServices/workspaces/ws/onlineEndpoints/ep1"
	static const struct {
		enum plan_op	 op;
		bool		 autoscale;
		const char	*name, *method, *target;
	} rows[] = {
		{ PLAN_SET_TRAFFIC, false, "set traffic", "PATCH", EP },
		{ PLAN_UPDATE_DEPLOYMENT, false, "scale deployment", "PATCH",
		    EP "/deployments/green" },
		{ PLAN_UPDATE_DEPLOYMENT, true, "update deployment", "PUT",
		    EP "/deployments/green" },
		{ PLAN_DELETE_DEPLOYMENT, false, "delete deployment", "DELETE",
		    EP "/deployments/green" },
		{ PLAN_DELETE_ENDPOINT, false, "delete endpoint", "DELETE", EP },
	};
	struct plan_step s[PLAN_STEPS_MAX];
	struct plan	 p;
	struct err	 err;
	json_object	*cur;
	char		*body;
	size_t		 i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		plan_of(&p, rows[i].op);
		snprintf(p.endpoint_name, sizeof p.endpoint_name, "ep1");
		snprintf(p.deployment.name, sizeof p.deployment.name,
		    "green");
		p.deployment.scale.instances = 3;
		if (rows[i].autoscale) {
			p.deployment.scale.autoscale = true;
			p.deployment.scale.min_instances = 1;
			p.deployment.scale.max_instances = 4;
		}
		is_int(plan_steps(&p, s, PLAN_STEPS_MAX), 1, "%s: one step",
		    plan_op_name(rows[i].op));
		is_str(step_kind_name(s[0].kind), rows[i].name, "%s: its kind",
		    rows[i].name);
		is_str(step_method_name(s[0].method), rows[i].method,
		    "%s: its method", rows[i].name);
		is_str(s[0].target, rows[i].target, "%s: its target",
		    rows[i].name);
		is_str(s[0].api_version, "2024-10-01", "%s: its api-version",
		    rows[i].name);
	}
	/* set-traffic: the split as the body, done when the GET shows it. */
	plan_of(&p, PLAN_SET_TRAFFIC);
	snprintf(p.endpoint_name, sizeof p.endpoint_name, "ep1");
	p.traffic.n = 2;
	snprintf(p.traffic.t[0].name, sizeof p.traffic.t[0].name, "blue");
	p.traffic.t[0].percent = 0;
	snprintf(p.traffic.t[1].name, sizeof p.traffic.t[1].name, "green");
	p.traffic.t[1].percent = 100;
	plan_steps(&p, s, PLAN_STEPS_MAX);
	err_clear(&err);
	ok(plan_step_body(&p, &s[0], "eastus", NULL, &body, &err),
	    "set-traffic: a body");
	is_str(plain(body), "{\"properties\":{\"traffic\":"
	    "{\"blue\":0,\"green\":100}}}", "set-traffic: the split");
	free(body);
	cur = json_tokener_parse("{\"properties\":{\"traffic\":"
	    "{\"green\":100}}}");
	ok(plan_step_done(&p, &s[0], cur), "done: green 100, blue absent");
	json_object_put(cur);
	cur = json_tokener_parse("{\"properties\":{\"traffic\":"
	    "{\"blue\":10,\"green\":90}}}");
	ok(!plan_step_done(&p, &s[0], cur), "not done: 10/90");
	json_object_put(cur);
	/* scale: sku.capacity; done when the GET has it. */
	plan_of(&p, PLAN_UPDATE_DEPLOYMENT);
	snprintf(p.endpoint_name, sizeof p.endpoint_name, "ep1");
	snprintf(p.deployment.name, sizeof p.deployment.name, "green");
	p.deployment.scale.instances = 3;
	plan_steps(&p, s, PLAN_STEPS_MAX);
	ok(plan_step_body(&p, &s[0], "eastus", NULL, &body, &err),
	    "scale: a body");
	is_str(plain(body), "{\"sku\":{\"name\":\"Default\","
	    "\"capacity\":3}}", "scale: the sku");
	free(body);
	cur = json_tokener_parse("{\"sku\":{\"capacity\":3}}");
	ok(plan_step_done(&p, &s[0], cur), "done: capacity 3");
	json_object_put(cur);
	cur = json_tokener_parse("{\"sku\":{\"capacity\":2}}");
	ok(!plan_step_done(&p, &s[0], cur), "not done: capacity 2");
	json_object_put(cur);
	/* update: the deployment as fetched, read-only members dropped. */
	p.deployment.scale.instances = DEPLOY_UNSET;
	p.deployment.requests.timeout_ms = 1500;
	plan_steps(&p, s, PLAN_STEPS_MAX);
	cur = json_tokener_parse("{\"id\":\"x\",\"name\":\"green\","
	    "\"location\":\"eastus\",\"properties\":{\"model\":\"m\","
	    "\"provisioningState\":\"Succeeded\"}}");
	ok(s[0].needs_current && plan_step_body(&p, &s[0], "eastus", cur,
	    &body, &err) && body != NULL && strcmp(body, "{\"location\":"
	    "\"eastus\",\"properties\":{\"model\":\"m\","
	    "\"requestSettings\":{\"requestTimeout\":\"PT1.5S\"}}}") == 0,
	    "update: the fetched deployment with its request timeout");
	ok(plan_step_done(&p, &s[0], cur), "done when the GET shows it");
	free(body);
	json_object_put(cur);
#undef EP
}

int
main(void)
{
	char	dir[] = "/tmp/plan-steps-test-XXXXXX";	/* short: paths fit */

	if (mkdtemp(dir) == NULL)
		return 1;
	test_lists();
	test_merge(dir);
	test_done();
	test_k8s(dir);
	test_cluster_steps();
	test_scale_body();
	test_kube_steps();
	test_attach_k8s();
	test_change_steps();
	rmdir(dir);
	return tap_done();
}
