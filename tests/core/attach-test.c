/* core/rules-attach.c: the verdicts on an existing cluster to attach. */
#include "config.h"

#include <string.h>

#include "core/rules.h"
#include "core/rules-k8s.h"
#include "core-test.h"

#define SUB	"00000000-1111-2222-3333-444444444444"
#define SUB2	"99999999-1111-2222-3333-444444444444"
#define ID(sub)	"/subscriptions/" sub "/resourceGroups/ml-rg/providers/" \
		"Microsoft.ContainerService/managedClusters/aks-prod"

static const struct k8s_offer offers[] = {
	{ "1.28", false, false }, { "1.29", true, false },
	{ "1.30", false, false }, { "1.31", false, true },
};

/* A healthy production cluster: 3 x Standard_D4s_v3. */
static void
cluster_good(struct cluster_facts *c)
{
	memset(c, 0, sizeof *c);
	strcpy(c->id, ID(SUB));
	strcpy(c->name, "aks-prod");
	strcpy(c->location, "westeurope");
	strcpy(c->provisioning_state, "Succeeded");
	strcpy(c->power_state, "Running");
	strcpy(c->version, "1.29.4");
	c->node_count = 3;
	c->vcpu_total = 12;
}

/* Attach-check c and return the verdicts in vs. */
static void
check(const struct cluster_facts *c, enum purpose p, struct verdicts *vs)
{
	verdicts_init(vs);
	rules_attach_cluster(c, p, SUB, offers, 4, vs);
}

/* Today's path: the cluster verdicts of an attach as Kubernetes. */
static void
test_k8s_cluster(void)
{
	static const struct {
		const char	*what;
		bool		 sp;
		const char	*attached_type;	/* NULL: not attached */
		const char	*smallest;
		enum purpose	 purpose;
		enum severity	 sev;
		enum msg_id	 msg;		/* MSG__COUNT: none but OK */
	} rows[] = {
		{ "managed identity", false, NULL, "Standard_D4s_v3",
		    PURPOSE_FASTPROD, SEV_INFO, MSG_CLUSTER_OK },
		{ "a service principal", true, NULL, "Standard_D4s_v3",
		    PURPOSE_FASTPROD, SEV_ERROR, MSG_K8S_SERVICE_PRINCIPAL },
		{ "shared with a Kubernetes compute", false, "Kubernetes",
		    "Standard_D4s_v3", PURPOSE_FASTPROD, SEV_INFO,
		    MSG_K8S_ATTACHED_SHARED },
		{ "attached as a legacy AKS compute", false, "AKS",
		    "Standard_D4s_v3", PURPOSE_FASTPROD, SEV_ERROR,
		    MSG_K8S_ATTACHED_LEGACY },
		{ "production nodes of 2 vCPU", false, NULL, "Standard_D2s_v3",
		    PURPOSE_FASTPROD, SEV_ERROR, MSG_K8S_PROD_NODE_SIZE },
		{ "dev-test nodes of 2 vCPU", false, NULL, "Standard_D2s_v3",
		    PURPOSE_DEVTEST, SEV_INFO, MSG_CLUSTER_OK },
	};
	struct cluster_facts	 c;
	struct verdicts		 vs;
	const struct verdict	*v;
	size_t			 i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		cluster_good(&c);
		c.node_count = 3;
		c.vcpu_total = rows[i].purpose == PURPOSE_DEVTEST ? 6 : 12;
		c.service_principal = rows[i].sp;
		strcpy(c.smallest_size, rows[i].smallest);
		if (rows[i].attached_type != NULL) {
			strcpy(c.attached_workspace, "ws-other");
			strcpy(c.attached_as, "inference-a");
			strcpy(c.attached_type, rows[i].attached_type);
		}
		verdicts_init(&vs);
		rules_attach_cluster_as(&c, COMPUTE_KUBERNETES,
		    rows[i].purpose, SUB, offers, 4, &vs);
		v = core_expect(&vs, FIELD_CLUSTER, rows[i].sev, rows[i].msg,
		    rows[i].what);
		core_arg(v, 0, rows[i].msg == MSG_K8S_PROD_NODE_SIZE ?
		    rows[i].smallest : "aks-prod", "the cluster or its size");
		ok((core_find(&vs, MSG_CLUSTER_OK) != NULL) ==
		    (rows[i].sev != SEV_ERROR), "%s: OK unless an error",
		    rows[i].what);
		ok(core_find(&vs, MSG_CLUSTER_ATTACHED) == NULL,
		    "%s: never \"would break that attachment\"", rows[i].what);
	}
}

/* want: the settings of a dev-test plan, LoadBalancer, TLS off. */
static void
settings_of(struct ext_settings *es, const char *router,
    const char *purpose)
{
	ext_settings_init(es);
	ext_settings_set(es, "enableTraining", "False");
	ext_settings_set(es, "enableInference", "True");
	ext_settings_set(es, "inferenceRouterServiceType", router);
	ext_settings_set(es, "allowInsecureConnections", "True");
	ext_settings_set(es, "clusterPurpose", purpose);
	ext_settings_set(es, "inferenceRouterHA", "False");
}

/* The extension on the cluster against the plan's settings. */
static void
test_extension(void)
{
	static const struct {
		const char	*what;
		bool		 present;
		const char	*state, *router;
		bool		 custom;
		enum severity	 sev;
		enum msg_id	 msg;
		int		 changes;	/* EXT_CHANGE verdicts */
	} rows[] = {
		{ "absent", false, "", "LoadBalancer", false, SEV_INFO,
		    MSG_EXT_INSTALL, 0 },
		{ "the same settings", true, "Succeeded", "LoadBalancer", false,
		    SEV_INFO, MSG_EXT_SAME, 0 },
		{ "the same, without case", true, "Succeeded", "loadBalancer",
		    false, SEV_INFO, MSG_EXT_SAME, 0 },
		{ "another service type", true, "Succeeded", "ClusterIP", false,
		    SEV_INFO, MSG_EXT_UPDATE, 1 },
		{ "the same but a custom certificate", true, "Succeeded",
		    "LoadBalancer", true, SEV_INFO, MSG_EXT_CERT_AGAIN, 0 },
		{ "Failed", true, "Failed", "LoadBalancer", false, SEV_WARNING,
		    MSG_EXT_FAILED, 0 },
		{ "still Updating", true, "Updating", "LoadBalancer", false,
		    SEV_ERROR, MSG_EXT_BUSY, 0 },
	};
	struct ext_settings	 want, have;
	struct verdicts		 vs;
	const struct verdict	*v;
	size_t			 i, k;
	int			 changes;

	settings_of(&want, "LoadBalancer", "DevTest");
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		settings_of(&have, rows[i].router, "DevTest");
		ext_settings_set(&have, "location", "westeurope");
		verdicts_init(&vs);
		rules_attach_extension("aks-prod", &want, rows[i].custom,
		    rows[i].present, rows[i].state, &have, &vs);
		core_expect(&vs, FIELD_EXTENSION, rows[i].sev, rows[i].msg,
		    rows[i].what);
		for (k = 0, changes = 0; k < vs.n; k++)
			if (vs.v[k].msg == MSG_EXT_CHANGE)
				changes++;
		is_int(changes, rows[i].changes, "%s: %d changes said",
		    rows[i].what, rows[i].changes);
	}
	settings_of(&have, "ClusterIP", "DevTest");
	verdicts_init(&vs);
	ok(!k8s_extension_same(&want, &have, &vs), "ClusterIP is not the same");
	v = core_find(&vs, MSG_EXT_CHANGE);
	core_arg(v, 0, "inferenceRouterServiceType", "the setting named");
	core_arg(v, 1, "ClusterIP", "its old value");
	core_arg(v, 2, "LoadBalancer", "its new value");
	settings_of(&have, "LoadBalancer", "DevTest");
	ext_settings_set(&have, "internalLoadBalancerProvider", "azure");
	ok(!k8s_extension_same(&want, &have, NULL),
	    "a setting the plan drops is a difference");
	settings_of(&have, "LoadBalancer", "DevTest");
	ext_settings_set(&have, "cluster_name_friendly", "other");
	ok(k8s_extension_same(&want, &have, NULL),
	    "bookkeeping settings are not compared");
}

int
main(void)
{
	struct cluster_facts	 c;
	struct verdicts		 vs;
	const struct verdict	*v;

	cluster_good(&c);
	check(&c, PURPOSE_FASTPROD, &vs);
	core_count(&vs, 2, "healthy: version and OK");
	core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_K8S_SUPPORTED, "healthy");
	v = core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_CLUSTER_OK,
	    "healthy");
	core_arg(v, 0, "aks-prod", "CLUSTER_OK names the cluster");

	/* Other subscription. */
	cluster_good(&c);
	strcpy(c.id, ID(SUB2));
	check(&c, PURPOSE_FASTPROD, &vs);
	core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR,
	    MSG_ATTACH_OTHER_SUBSCRIPTION, "other subscription");
	ok(core_find(&vs, MSG_CLUSTER_OK) == NULL, "no OK with an error");
	cluster_good(&c);
	strcpy(c.id, "/subscriptions/" SUB);
	check(&c, PURPOSE_FASTPROD, &vs);
	core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR, MSG_ID_SEGMENTS,
	    "malformed cluster ID");

	/* State. */
	cluster_good(&c);
	strcpy(c.provisioning_state, "Failed");
	check(&c, PURPOSE_FASTPROD, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_CLUSTER_NOT_READY,
	    "failed");
	core_arg(v, 0, "aks-prod", "not ready: name");
	core_arg(v, 1, "Failed", "not ready: state");
	cluster_good(&c);
	strcpy(c.power_state, "Stopped");
	check(&c, PURPOSE_FASTPROD, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_CLUSTER_NOT_READY,
	    "stopped");
	core_arg(v, 1, "Stopped", "not ready: power state");
	cluster_good(&c);
	c.power_state[0] = '\0';
	check(&c, PURPOSE_FASTPROD, &vs);
	core_none(&vs, SEV_WARNING, "power state unknown");
	cluster_good(&c);
	strcpy(c.provisioning_state, "succeeded");
	check(&c, PURPOSE_FASTPROD, &vs);
	core_none(&vs, SEV_WARNING, "state compared without case");

	/* Version. */
	cluster_good(&c);
	strcpy(c.version, "1.31.0");
	check(&c, PURPOSE_FASTPROD, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_WARNING, MSG_K8S_PREVIEW,
	    "preview version");
	core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_CLUSTER_OK,
	    "a warning still allows attaching");
	cluster_good(&c);
	strcpy(c.version, "1.12.4");
	check(&c, PURPOSE_FASTPROD, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_K8S_UNSUPPORTED,
	    "old version");
	core_arg(v, 1, "1.28", "range low");
	core_arg(v, 2, "1.30", "range high");
	cluster_good(&c);
	strcpy(c.version, "1.12.4");
	verdicts_init(&vs);
	rules_attach_cluster(&c, PURPOSE_FASTPROD, SUB, NULL, 0, &vs);
	core_none(&vs, SEV_WARNING, "no offers: version not judged");

	/* Size, production: 2 vs 3 nodes, 11 vs 12 vCPU. */
	cluster_good(&c);
	c.node_count = 2;
	c.vcpu_total = 16;
	check(&c, PURPOSE_FASTPROD, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_CLUSTER_TOO_SMALL,
	    "2 nodes");
	core_arg(v, 1, "2", "too small: nodes");
	core_arg(v, 2, "16", "too small: vCPU");
	cluster_good(&c);
	c.vcpu_total = 11;
	check(&c, PURPOSE_FASTPROD, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_CLUSTER_TOO_SMALL,
	    "11 vCPU");
	cluster_good(&c);
	c.vcpu_total = 12;
	check(&c, PURPOSE_DENSEPROD, &vs);
	core_none(&vs, SEV_WARNING, "3 nodes, 12 vCPU, DenseProd");
	cluster_good(&c);
	c.node_count = 2;
	c.vcpu_total = 0;
	check(&c, PURPOSE_FASTPROD, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_PROD_NODES,
	    "2 nodes, vCPU unknown");
	core_arg(v, 0, "2", "PROD_NODES: nodes");

	/* Size, dev-test. */
	cluster_good(&c);
	c.node_count = 1;
	c.vcpu_total = 2;
	check(&c, PURPOSE_DEVTEST, &vs);
	core_none(&vs, SEV_WARNING, "dev-test 1 node, 2 vCPU");
	c.vcpu_total = 1;
	check(&c, PURPOSE_DEVTEST, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_WARNING, MSG_DEVTEST_LOW_VCPU,
	    "dev-test 1 vCPU");
	c.node_count = 0;
	c.vcpu_total = 0;
	check(&c, PURPOSE_DEVTEST, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_DEVTEST_NODES,
	    "dev-test 0 nodes");

	/* Network warnings. */
	cluster_good(&c);
	c.private_cluster = true;
	check(&c, PURPOSE_FASTPROD, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_WARNING, MSG_CLUSTER_PRIVATE,
	    "private");
	core_arg(v, 0, "aks-prod", "private: name");
	core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_CLUSTER_OK,
	    "private can still be attached");
	cluster_good(&c);
	strcpy(c.authorized_ranges, "203.0.113.0/24, 198.51.100.7/32");
	check(&c, PURPOSE_FASTPROD, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_WARNING,
	    MSG_CLUSTER_AUTHORIZED_IPS, "authorized ranges");
	core_arg(v, 1, "203.0.113.0/24, 198.51.100.7/32", "ranges listed");

	/* Already attached. */
	cluster_good(&c);
	strcpy(c.attached_workspace, "ws-other");
	strcpy(c.attached_as, "inference-a");
	check(&c, PURPOSE_FASTPROD, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_CLUSTER_ATTACHED,
	    "already attached");
	core_arg(v, 1, "ws-other", "attached: workspace");
	core_arg(v, 2, "inference-a", "attached: as");
	ok(core_find(&vs, MSG_CLUSTER_OK) == NULL, "no OK when attached");

	/* Without a name, the ID names the cluster. */
	cluster_good(&c);
	c.name[0] = '\0';
	strcpy(c.provisioning_state, "Creating");
	check(&c, PURPOSE_FASTPROD, &vs);
	core_arg(core_find(&vs, MSG_CLUSTER_NOT_READY), 0, ID(SUB),
	    "no name: the ID");
	test_k8s_cluster();
	test_extension();
	return tap_done();
}
