/*
 * core/rules-k8s.c and rules-extension.c: AKS's names, the node sizes of
 * today's path, the choices mapped to the extension's settings, and the
 * extension's validation rules in B.6's order.
 */
#include "config.h"

#include <string.h>

#include "core/rules-k8s.h"
#include "core-test.h"

#define NONE	MSG__COUNT
#define L63	"a123456789b123456789c123456789d123456789e123456789f12345678901z"
#define L54	"a123456789b123456789c123456789d123456789e123456789f12z"

enum kind { CLUSTER, POOL, PREFIX };

static const struct {
	enum kind	 kind;
	const char	*name;
	enum msg_id	 msg;		/* NONE: valid */
	const char	*why;
} names[] = {
	{ CLUSTER, "a", NONE, "cluster: one character" },
	{ CLUSTER, "aks-ml_01", NONE, "cluster: hyphen and underscore inside" },
	{ CLUSTER, L63, NONE, "cluster: 63 characters" },
	{ CLUSTER, L63 "x", MSG_AKS_CLUSTER_NAME, "cluster: 64 characters" },
	{ CLUSTER, "", MSG_AKS_CLUSTER_NAME, "cluster: empty" },
	{ CLUSTER, "-aks", MSG_AKS_CLUSTER_NAME, "cluster: starts with a hyphen" },
	{ CLUSTER, "aks_", MSG_AKS_CLUSTER_NAME, "cluster: ends with an underscore" },
	{ CLUSTER, "aks.ml", MSG_AKS_CLUSTER_NAME, "cluster: a dot" },
	{ CLUSTER, "ak\xc3\xa5s", MSG_AKS_CLUSTER_NAME, "cluster: not ASCII" },
	{ CLUSTER, "Azure", MSG_AKS_NAME_RESERVED, "cluster: azure is reserved" },
	{ CLUSTER, "azure-ml", NONE, "cluster: azure inside a name is fine" },
	{ CLUSTER, "omsagent-aks-dev-microsoft", MSG_AKS_NAME_TRADEMARK,
	    "cluster: contains microsoft" },
	{ CLUSTER, "myWINDOWSaks", MSG_AKS_NAME_TRADEMARK,
	    "cluster: contains windows in capitals" },
	{ POOL, "nodepool1", NONE, "pool: nodepool1" },
	{ POOL, "a", NONE, "pool: one letter" },
	{ POOL, "abcdefghijkl", NONE, "pool: 12 characters" },
	{ POOL, "abcdefghijklm", MSG_AKS_POOL_NAME, "pool: 13 characters" },
	{ POOL, "1pool", MSG_AKS_POOL_NAME, "pool: starts with a digit" },
	{ POOL, "Pool", MSG_AKS_POOL_NAME, "pool: upper case" },
	{ POOL, "sys-pool", MSG_AKS_POOL_NAME, "pool: a hyphen" },
	{ POOL, "", MSG_AKS_POOL_NAME, "pool: empty" },
	{ PREFIX, "amlaks-dns", NONE, "prefix: amlaks-dns" },
	{ PREFIX, "A1", NONE, "prefix: upper case and digit" },
	{ PREFIX, L54, NONE, "prefix: 54 characters" },
	{ PREFIX, L54 "x", MSG_AKS_DNS_PREFIX, "prefix: 55 characters" },
	{ PREFIX, "dns-", MSG_AKS_DNS_PREFIX, "prefix: ends with a hyphen" },
	{ PREFIX, "dns_x", MSG_AKS_DNS_PREFIX, "prefix: an underscore" },
	{ PREFIX, "", MSG_AKS_DNS_PREFIX, "prefix: empty" },
};

static const struct {
	enum purpose	 purpose;
	int		 nodes;
	const char	*size;
	enum msg_id	 msg[3];
	const char	*why;
} sizes[] = {
	{ PURPOSE_FASTPROD, 3, "Standard_DS3_v2", { NONE }, "3 x DS3_v2" },
	{ PURPOSE_FASTPROD, 3, "Standard_D4s_v3", { NONE }, "3 x D4s_v3" },
	{ PURPOSE_FASTPROD, 2, "Standard_DS3_v2",
	    { MSG_PROD_NODES, MSG_PROD_VCPU, NONE }, "2 x 4 vCPU" },
	{ PURPOSE_FASTPROD, 2, "Standard_D16s_v3", { MSG_PROD_NODES, NONE },
	    "2 nodes of 16 vCPU" },
	{ PURPOSE_FASTPROD, 6, "Standard_D2_v2", { MSG_K8S_PROD_NODE_SIZE, NONE },
	    "6 x 2 vCPU = 12: each node too small" },
	{ PURPOSE_FASTPROD, 12, "Standard_A1_v2",
	    { MSG_AKS_SYSTEM_POOL_SIZE, MSG_K8S_PROD_NODE_SIZE, NONE },
	    "1 vCPU: neither System pool nor production" },
	{ PURPOSE_FASTPROD, 3, "Standard_E2_v3",
	    { MSG_PROD_VCPU, MSG_K8S_PROD_NODE_SIZE, NONE },
	    "3 x E2_v3: 6 vCPU, 2 per node" },
	{ PURPOSE_DEVTEST, 1, "Standard_D2_v2", { NONE }, "dev-test 1 x D2_v2" },
	{ PURPOSE_DEVTEST, 1, "Standard_A2_v2", { NONE },
	    "dev-test 2 vCPU 4 GB: the System pool minimum" },
	{ PURPOSE_DEVTEST, 2, "Standard_D1_v2",
	    { MSG_AKS_SYSTEM_POOL_SIZE, NONE }, "dev-test 1 vCPU" },
	{ PURPOSE_DEVTEST, 3, "Standard_B1s",
	    { MSG_AKS_SYSTEM_POOL_SIZE, NONE }, "dev-test 1 vCPU 1 GB" },
	{ PURPOSE_DEVTEST, 0, "Standard_D2_v2", { MSG_NODES_INVALID, NONE },
	    "dev-test 0 nodes" },
};

/* Extension settings from "k=v" strings, NULL-terminated. */
static void
settings(struct ext_settings *es, const char *const *kv)
{
	char	key[EXT_KEY_LEN];

	ext_settings_init(es);
	for (; kv != NULL && *kv != NULL; kv++) {
		const char	*eq = strchr(*kv, '=');

		memcpy(key, *kv, (size_t)(eq - *kv));
		key[eq - *kv] = '\0';
		ext_settings_set(es, key, eq + 1);
	}
}

#define INF	"enableInference=True"
#define LB	"inferenceRouterServiceType=LoadBalancer"
#define HTTP	"allowInsecureConnections=True"

static const struct {
	const char	*set[8];
	const char	*prot[4];
	const char	*ns;
	enum plan_field	 field;
	enum msg_id	 msg;
	const char	*arg;
	const char	*health;
	const char	*why;
} exts[] = {
	{ { INF, LB, HTTP }, { NULL }, NULL, FIELD_NONE, NONE, NULL, NULL,
	    "dev-test over HTTP" },
	{ { INF, "inferenceRouterServiceType=nodeport", HTTP }, { NULL }, NULL,
	    FIELD_NONE, NONE, NULL, NULL, "service type in any case" },
	{ { INF, LB, "sslCname=ml.contoso.com" },
	    { EXT_SSL_CERT "=Y2VydA==", EXT_SSL_KEY "=a2V5" }, NULL,
	    FIELD_NONE, NONE, NULL, NULL, "HTTPS with certificate and key" },
	{ { INF, LB, "sslCname=ml.contoso.com", "sslSecret=tls" }, { NULL },
	    NULL, FIELD_NONE, NONE, NULL, NULL, "HTTPS with a secret" },
	{ { "enableTraining=true" }, { NULL }, NULL, FIELD_NONE, NONE, NULL,
	    NULL, "training only: no inference rules" },
	{ { INF, LB, HTTP }, { NULL }, "ml", FIELD_EXTENSION, MSG_EXT_SCOPE,
	    "ml", NULL, "namespace scope, first of all" },
	{ { INF, LB, HTTP, "sslCname=a.b" }, { "sslCname=a.b" }, NULL,
	    FIELD_EXTENSION, MSG_EXT_DUPLICATE_KEY, "sslCname", NULL,
	    "a key in both maps" },
	{ { "enableInference=False", LB, HTTP }, { NULL }, NULL,
	    FIELD_EXTENSION, MSG_EXT_NO_WORKLOAD, NULL, NULL,
	    "neither inference nor training" },
	{ { INF, LB }, { NULL }, NULL, FIELD_TLS_CERT_FILE, MSG_K8S_TLS_NEEDED,
	    NULL, "E40007", "no TLS and insecure not allowed" },
	{ { INF, LB, "allowInsecureConnections=False" },
	    { EXT_SSL_CERT "=Y2VydA==" }, NULL, FIELD_TLS_CERT_FILE,
	    MSG_K8S_TLS_NEEDED, NULL, "E40007", "a certificate without key" },
	{ { INF, LB }, { EXT_SSL_CERT "=Y2VydA==", EXT_SSL_KEY "=a2V5" },
	    NULL, FIELD_TLS_CNAME, MSG_K8S_CNAME_NEEDED, NULL, "E40007",
	    "TLS without CNAME" },
	{ { INF, HTTP }, { NULL }, NULL, FIELD_ROUTER_SERVICE,
	    MSG_K8S_SERVICE_TYPE_MISSING, NULL, NULL, "no service type" },
	{ { INF, HTTP, "inferenceRouterServiceType=Ingress" }, { NULL }, NULL,
	    FIELD_ROUTER_SERVICE, MSG_K8S_SERVICE_TYPE, "Ingress", NULL,
	    "unknown service type" },
	{ { INF, HTTP, "inferenceRouterServiceType=NodePort",
	    "internalLoadBalancerProvider=azure" }, { NULL }, NULL,
	    FIELD_ROUTER_SERVICE, MSG_K8S_NODEPORT_INTERNAL, NULL, "E40003",
	    "NodePort with an internal provider" },
	{ { INF }, { NULL }, NULL, FIELD_TLS_CERT_FILE, MSG_K8S_TLS_NEEDED,
	    NULL, "E40007", "TLS before the service type" },
};

static const struct {
	const char	*set[3];
	int		 nodes;
	bool		 fails;
	const char	*why;
} ha[] = {
	{ { INF }, 2, true, "HA by default on 2 nodes" },
	{ { INF, "inferenceRouterHA=true" }, 1, true, "HA on 1 node" },
	{ { INF }, 3, false, "HA on 3 nodes" },
	{ { INF, "inferenceRouterHA=False" }, 1, false, "no HA on 1 node" },
	{ { "enableTraining=True" }, 1, false, "no inference: no router" },
};

/* Is the setting key equal to want (NULL: absent)? */
static void
expect_setting(const struct ext_settings *es, const char *key,
    const char *want, const char *why)
{
	is_str(ext_settings_get(es, key), want, "%s: %s", why, key);
}

static void
test_mapping(void)
{
	struct k8s_choices	 c = { .purpose = PURPOSE_DEVTEST,
	    .router = ROUTER_LOADBALANCER, .lb = LB_PUBLIC,
	    .tls = TLS_DISABLED, .cluster_id = "/subscriptions/s/resourceGroups"
	    "/rg/providers/Microsoft.ContainerService/managedClusters/aks",
	    .cluster_name = "aks", .location = "eastus" };
	struct ext_settings	 es, none;
	struct verdicts		 vs;
	const struct verdict	*v;

	ext_settings_init(&none);
	ext_settings_init(&es);
	k8s_extension_settings(&c, &es);
	expect_setting(&es, "clusterPurpose", "DevTest", "dev-test");
	expect_setting(&es, "inferenceRouterHA", "False", "dev-test");
	expect_setting(&es, "inferenceRouterServiceType", "LoadBalancer",
	    "dev-test");
	expect_setting(&es, "allowInsecureConnections", "True", "dev-test");
	expect_setting(&es, "internalLoadBalancerProvider", NULL, "dev-test");
	expect_setting(&es, "domain", "eastus.cloudapp.azure.com", "dev-test");
	expect_setting(&es, "clusterId", c.cluster_id, "dev-test");
	expect_setting(&es, "scoringFe.enableUpgrade", NULL, "dev-test");
	ok(!es.overflow, "dev-test: every setting fits");
	verdicts_init(&vs);
	rules_extension(&es, &none, NULL, &vs);
	rules_extension_nodes(&es, 1, &vs);
	core_count(&vs, 0, "dev-test settings pass the extension's rules");
	verdicts_init(&vs);
	rules_k8s_choices(&c, &vs);
	core_expect(&vs, FIELD_TLS_MODE, SEV_WARNING, MSG_K8S_TLS_OFF,
	    "TLS off warns");
	core_count(&vs, 1, "dev-test choices");

	c.purpose = PURPOSE_FASTPROD;
	c.lb = LB_INTERNAL;
	c.tls = TLS_CUSTOM;
	c.cname = "ml.contoso.com";
	c.migrate = true;
	ext_settings_init(&es);
	k8s_extension_settings(&c, &es);
	expect_setting(&es, "clusterPurpose", "FastProd", "production");
	expect_setting(&es, "inferenceRouterHA", "True", "production");
	expect_setting(&es, "internalLoadBalancerProvider", "azure",
	    "production");
	expect_setting(&es, "scoringFe.serviceType.internalLoadBalancer",
	    "true", "production");
	expect_setting(&es, "allowInsecureConnections", "False", "production");
	expect_setting(&es, "sslCname", "ml.contoso.com", "production");
	expect_setting(&es, "scoringFe.enableUpgrade", "true", "migrate");
	expect_setting(&es, EXT_SSL_CERT, NULL, "no certificate in public");
	verdicts_init(&vs);
	rules_extension(&es, &none, NULL, &vs);
	core_expect(&vs, FIELD_TLS_CERT_FILE, SEV_ERROR, MSG_K8S_TLS_NEEDED,
	    "production without the protected certificate");
	verdicts_init(&vs);
	rules_extension_nodes(&es, 2, &vs);
	v = core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_K8S_HA_NODES,
	    "production on 2 nodes");
	core_arg(v, 0, "2", "HA nodes");
	is_int(v != NULL ? v->n : -1, 2, "HA nodes: plural count");
	verdicts_init(&vs);
	rules_k8s_choices(&c, &vs);
	core_expect(&vs, FIELD_LB_TYPE, SEV_INFO, MSG_K8S_INTERNAL_LB_SUBNET,
	    "internal balancer: where its address comes from");
	core_count(&vs, 1, "production choices");

	c.router = ROUTER_NODEPORT;
	ext_settings_init(&es);
	k8s_extension_settings(&c, &es);
	expect_setting(&es, "scoringFe.serviceType.nodePort", "true",
	    "NodePort");
	expect_setting(&es, "internalLoadBalancerProvider", NULL,
	    "NodePort never sends the internal provider");
	verdicts_init(&vs);
	rules_k8s_choices(&c, &vs);
	core_expect(&vs, FIELD_ROUTER_SERVICE, SEV_ERROR,
	    MSG_K8S_NODEPORT_INTERNAL, "NodePort with internal is refused");

	c.router = ROUTER_LOADBALANCER;
	c.lb = LB_PUBLIC;
	c.tls = TLS_MICROSOFT;
	verdicts_init(&vs);
	rules_k8s_choices(&c, &vs);
	core_expect(&vs, FIELD_TLS_MODE, SEV_ERROR, MSG_K8S_TLS_MICROSOFT,
	    "a Microsoft certificate is legacy only");
	core_count(&vs, 1, "Microsoft certificate choices");
	c.tls = TLS_CUSTOM;
	c.cname = "";
	verdicts_init(&vs);
	rules_k8s_choices(&c, &vs);
	core_expect(&vs, FIELD_TLS_CNAME, SEV_ERROR, MSG_K8S_CNAME_NEEDED,
	    "a custom certificate needs its CNAME");
}

static void
test_settings_and_router(void)
{
	struct ext_settings	 es;
	enum router_service	 r = ROUTER_LOADBALANCER;
	char			 big[EXT_VALUE_LEN + 8];
	int			 i;

	ext_settings_init(&es);
	ext_settings_set(&es, "a", "1");
	ext_settings_set(&es, "a", "2");
	ok(es.n == 1, "setting a key again replaces it");
	expect_setting(&es, "a", "2", "replaced");
	expect_setting(&es, "A", NULL, "keys are exact");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ok(!ext_settings_set(&es, "b", big) && es.overflow,
	    "a value too long overflows");
	ext_settings_init(&es);
	for (i = 0; i < EXT_SETTINGS_MAX; i++) {
		char	key[16];

		snprintf(key, sizeof key, "k%d", i);
		ext_settings_set(&es, key, "v");
	}
	ok(!es.overflow && !ext_settings_set(&es, "one-more", "v") &&
	    es.overflow, "the list holds %d settings", EXT_SETTINGS_MAX);
	ok(ext_setting_true("TRUE") && ext_setting_true("true") &&
	    !ext_setting_true("1") && !ext_setting_true(NULL),
	    "true in any case, nothing else");
	ok(router_service_parse("clusterip", &r) && r == ROUTER_CLUSTERIP,
	    "clusterip parses");
	ok(!router_service_parse("Ingress", &r) && r == ROUTER_CLUSTERIP,
	    "Ingress does not");
	is_str(router_service_name(ROUTER_NODEPORT), "NodePort", "NodePort");
}

int
main(void)
{
	struct verdicts		 vs, all;
	struct ext_settings	 set, prot;
	const struct verdict	*v;
	const char		*name;
	size_t			 i, want;
	int			 m;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		enum plan_field	 f = names[i].kind == CLUSTER ?
		    FIELD_CLUSTER_NAME : names[i].kind == POOL ?
		    FIELD_POOL_NAME : FIELD_DNS_PREFIX;
		bool		 valid = names[i].kind == CLUSTER ?
		    aks_cluster_name_valid(names[i].name) :
		    names[i].kind == POOL ? aks_pool_name_valid(names[i].name) :
		    aks_dns_prefix_valid(names[i].name);

		verdicts_init(&vs);
		if (names[i].kind == CLUSTER)
			rules_aks_cluster_name(names[i].name, &vs);
		else if (names[i].kind == POOL)
			rules_aks_pool_name(names[i].name, &vs);
		else
			rules_aks_dns_prefix(names[i].name, &vs);
		if (names[i].msg == NONE) {
			core_count(&vs, 0, names[i].why);
			ok(valid, "%s: valid", names[i].why);
			continue;
		}
		v = core_expect(&vs, f, SEV_ERROR, names[i].msg, names[i].why);
		core_arg(v, 0, names[i].name, names[i].why);
		core_count(&vs, 1, names[i].why);
		ok(valid == (names[i].msg != MSG_AKS_CLUSTER_NAME &&
		    names[i].msg != MSG_AKS_POOL_NAME &&
		    names[i].msg != MSG_AKS_DNS_PREFIX),
		    "%s: the pattern agrees", names[i].why);
	}
	verdicts_init(&vs);
	rules_aks_cluster_name("omsagent-aks-dev-microsoft", &vs);
	core_arg(core_find(&vs, MSG_AKS_NAME_TRADEMARK), 1, "microsoft",
	    "the trademark names the word");

	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		const struct vm_size	*size = vm_catalogue_find(sizes[i].size);

		if (!ok(size != NULL, "%s in the catalogue", sizes[i].size))
			continue;
		verdicts_init(&vs);
		rules_k8s_sizing(sizes[i].purpose, sizes[i].nodes, size, false,
		    FIELD_NODE_COUNT, &vs);
		for (want = 0, m = 0; m < 3 && sizes[i].msg[m] != NONE; m++) {
			enum plan_field	f = sizes[i].msg[m] ==
			    MSG_AKS_SYSTEM_POOL_SIZE || sizes[i].msg[m] ==
			    MSG_K8S_PROD_NODE_SIZE ? FIELD_VM_SIZE :
			    FIELD_NODE_COUNT;

			core_expect(&vs, f, SEV_ERROR, sizes[i].msg[m],
			    sizes[i].why);
			want++;
		}
		core_count(&vs, want, sizes[i].why);
	}
	verdicts_init(&vs);
	rules_k8s_sizing(PURPOSE_FASTPROD, 6, vm_catalogue_find(
	    "Standard_D2_v2"), false, FIELD_NODE_COUNT, &vs);
	v = core_find(&vs, MSG_K8S_PROD_NODE_SIZE);
	core_arg(v, 0, "Standard_D2_v2", "node size: the size");
	core_arg(v, 1, "2", "node size: vCPU");
	core_arg(v, 2, "7", "node size: memory");
	verdicts_init(&vs);
	rules_k8s_sizing(PURPOSE_FASTPROD, 2, NULL, false, FIELD_NODE_COUNT,
	    &vs);
	core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PROD_NODES,
	    "size unknown: the node rules still run");
	core_count(&vs, 1, "size unknown");

	verdicts_init(&all);
	for (i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		settings(&set, exts[i].set);
		settings(&prot, exts[i].prot);
		verdicts_init(&vs);
		rules_extension(&set, &prot, exts[i].ns, &vs);
		if (exts[i].msg == NONE) {
			core_count(&vs, 0, exts[i].why);
			continue;
		}
		v = core_expect(&vs, exts[i].field, SEV_ERROR, exts[i].msg,
		    exts[i].why);
		if (exts[i].arg != NULL)
			core_arg(v, 0, exts[i].arg, exts[i].why);
		core_count(&vs, 1, exts[i].why);
		is_str(ext_health_code(exts[i].msg, NULL), exts[i].health,
		    "%s: health check code", exts[i].why);
	}
	is_str(ext_health_code(MSG_K8S_CNAME_NEEDED, &name), "E40007",
	    "CNAME: E40007");
	is_str(name, "INVALID_SSL_SETTING", "E40007's name");
	is_str(ext_health_code(MSG_K8S_HA_NODES, &name), "E40002",
	    "HA: E40002");
	is_str(name, "INSUFFICIENT_NODE", "E40002's name");

	for (i = 0; i < sizeof ha / sizeof ha[0]; i++) {
		settings(&set, ha[i].set);
		verdicts_init(&vs);
		rules_extension_nodes(&set, ha[i].nodes, &vs);
		core_count(&vs, ha[i].fails ? 1 : 0, ha[i].why);
	}

	/* A legacy azureml-fe: only an upgrade installs over it. */
	for (i = 0; i < 8; i++) {
		bool	present = i & 1, annotated = i & 2, upgrade = i & 4;
		const char *const kv[] = { upgrade ?
		    "scoringFe.enableUpgrade=true" : "enableInference=True",
		    NULL };

		settings(&set, kv);
		verdicts_init(&vs);
		rules_extension_legacy_fe(&set, present, annotated, &vs);
		core_count(&vs, present && !(annotated && upgrade) ? 1 : 0,
		    present ? annotated && upgrade ? "legacy fe, upgrade" :
		    "legacy fe without both upgrade marks" : "no legacy fe");
	}
	is_str(ext_health_code(MSG_EXT_LEGACY_FE, &name), "E45005",
	    "legacy fe: E45005");
	is_str(name, "AZUREML_FE_DEPLOYMENT_CONFLICT", "E45005's name");

	test_mapping();
	test_settings_and_router();
	return tap_done();
}
