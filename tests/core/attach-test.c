/* core/rules-attach.c: the verdicts on an existing cluster to attach. */
#include "config.h"

#include <string.h>

#include "core/rules.h"
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
	return tap_done();
}
