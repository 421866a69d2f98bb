/* core/plan-check.c: every rule by operation, on whole plans. */
#include "config.h"

#include <string.h>

#include "core/rules.h"
#include "core/rules-k8s.h"
#include "core-test.h"

#define SUB	"00000000-1111-2222-3333-444444444444"
#define SUB2	"99999999-1111-2222-3333-444444444444"
#define CLUSTER	"/subscriptions/" SUB "/resourceGroups/ml-rg/providers/" \
		"Microsoft.ContainerService/managedClusters/aks-prod"

/* A plan of op with the workspace scope filled in. */
static void
plan_scoped(struct plan *p, enum plan_op op)
{
	plan_init(p, op);
	strcpy(p->scope.subscription, SUB);
	strcpy(p->scope.resource_group, "ml-rg");
	strcpy(p->scope.workspace, "ml-ws");
	strcpy(p->name, "inference-prod");
}

/* A full valid create: 3 x Standard_D4s_v3, a custom network, TLS. */
static void
plan_create(struct plan *p)
{
	plan_scoped(p, PLAN_CREATE);
	strcpy(p->vm_size, "Standard_D4s_v3");
	p->node_count = 3;
	strcpy(p->vnet.resource_group, "net-rg");
	strcpy(p->vnet.vnet, "ml-vnet");
	strcpy(p->vnet.subnet, "aks-subnet");
	strcpy(p->vnet.service_cidr, "10.0.0.0/16");
	strcpy(p->vnet.dns_service_ip, "10.0.0.10");
	strcpy(p->vnet.docker_bridge_cidr, "172.17.0.1/16");
	p->tls.mode = TLS_MICROSOFT;
	strcpy(p->tls.leaf_label, "myscore");
}

/* Check p with facts f (may be NULL) into vs. */
static void
check(const struct plan *p, const struct plan_facts *f, struct verdicts *vs)
{
	verdicts_init(vs);
	plan_check(p, f, vs);
}

/*
 * Today's path on an existing cluster: attach and update of compute type
 * Kubernetes, their members and what preflight found (cluster, extension).
 */
static void
test_k8s_attach_update(void)
{
	enum {
		NONE, NS_ROUTER, LB_SUBNET, NODEPORT_ILB, TLS_MS, SP, EXT_FAILED,
		NO_CLUSTER, DEVTEST
	};
	static const struct {
		const char	*what;
		enum plan_op	 op;
		enum compute_type type;
		int		 setup;
		enum msg_id	 msg;		/* MSG__COUNT: no error */
		enum severity	 sev;
		enum plan_field	 field;
	} rows[] = {
		{ "attach with namespace and router", PLAN_ATTACH,
		    COMPUTE_KUBERNETES, NS_ROUTER, MSG__COUNT, SEV_ERROR,
		    FIELD_NONE },
		{ "attach with an internal balancer's subnet", PLAN_ATTACH,
		    COMPUTE_KUBERNETES, LB_SUBNET, MSG_K8S_NOT_APPLICABLE,
		    SEV_ERROR, FIELD_LB_SUBNET },
		{ "attach, NodePort behind an internal balancer", PLAN_ATTACH,
		    COMPUTE_KUBERNETES, NODEPORT_ILB, MSG_K8S_NODEPORT_INTERNAL,
		    SEV_ERROR, FIELD_ROUTER_SERVICE },
		{ "attach with a Microsoft certificate", PLAN_ATTACH,
		    COMPUTE_KUBERNETES, TLS_MS, MSG_K8S_TLS_MICROSOFT,
		    SEV_ERROR, FIELD_TLS_MODE },
		{ "attach onto a service principal's cluster", PLAN_ATTACH,
		    COMPUTE_KUBERNETES, SP, MSG_K8S_SERVICE_PRINCIPAL,
		    SEV_ERROR, FIELD_CLUSTER },
		{ "attach, the extension Failed", PLAN_ATTACH,
		    COMPUTE_KUBERNETES, EXT_FAILED, MSG_EXT_FAILED,
		    SEV_WARNING, FIELD_EXTENSION },
		{ "update without its cluster", PLAN_UPDATE,
		    COMPUTE_KUBERNETES, NO_CLUSTER, MSG_PLAN_REQUIRED,
		    SEV_ERROR, FIELD_CLUSTER_ID },
		{ "update with the extension's purpose", PLAN_UPDATE,
		    COMPUTE_KUBERNETES, DEVTEST, MSG__COUNT, SEV_ERROR,
		    FIELD_NONE },
		{ "legacy update with a purpose", PLAN_UPDATE, COMPUTE_AKS,
		    DEVTEST, MSG_PLAN_NOT_APPLICABLE, SEV_ERROR, FIELD_PURPOSE },
	};
	struct plan		 p;
	struct plan_facts	 f;
	struct cluster_facts	 c;
	struct ext_settings	 want, have;
	struct verdicts		 vs;
	size_t			 i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		plan_scoped(&p, rows[i].op);
		plan_set_type(&p, rows[i].type);
		if (rows[i].type == COMPUTE_KUBERNETES || rows[i].op ==
		    PLAN_ATTACH)
			strcpy(p.cluster_id, CLUSTER);
		memset(&f, 0, sizeof f);
		memset(&c, 0, sizeof c);
		strcpy(c.provisioning_state, "Succeeded");
		c.node_count = 3;
		c.vcpu_total = 12;
		switch (rows[i].setup) {
		case NS_ROUTER:
			strcpy(p.namespace_, "team-a");
			strcpy(p.router_service, "ClusterIP");
			break;
		case LB_SUBNET:
			p.lb_type = LB_INTERNAL;
			strcpy(p.lb_subnet, "ilb-subnet");
			break;
		case NODEPORT_ILB:
			p.lb_type = LB_INTERNAL;
			strcpy(p.router_service, "NodePort");
			break;
		case TLS_MS:
			p.tls.mode = TLS_MICROSOFT;
			strcpy(p.tls.leaf_label, "myscore");
			break;
		case SP:
			c.service_principal = true;
			f.cluster = &c;
			break;
		case EXT_FAILED:
			f.cluster = &c;
			ext_settings_init(&want);
			ext_settings_init(&have);
			f.extension_known = f.extension_present = true;
			f.extension_state = "Failed";
			f.extension_wanted = &want;
			f.extension_settings = &have;
			break;
		case NO_CLUSTER:
			p.cluster_id[0] = '\0';
			break;
		case DEVTEST:
			p.purpose = PURPOSE_DEVTEST;
			break;
		}
		check(&p, &f, &vs);
		if (rows[i].msg == MSG__COUNT)
			core_none(&vs, SEV_ERROR, rows[i].what);
		else
			core_expect(&vs, rows[i].field, rows[i].sev,
			    rows[i].msg, rows[i].what);
	}
}

/*
 * deploy given to a compute's or a cluster's operation: refused, named by
 * its first member; an endpoint's and a deploy's own plans keep it.  A
 * compute's member given to an endpoint's or a deploy's: refused too
 * (its location kept: a deploy's journaled plan has it).
 */
static void
test_members_across(void)
{
	enum {
		M_ENDPOINT, M_DEPLOYMENT, M_MODEL, M_CODE, M_IMAGE, M_VM_SIZE,
		M_CLUSTER, M_NAMESPACE, M_LOCATION, M_DESCRIPTION
	};
	static const struct {
		const char	*what;
		enum plan_op	 op;
		int		 member;
		enum plan_field	 want;		/* FIELD_NONE: not refused */
		const char	*flag, *op_name;
	} rows[] = {
		{ "create with a model", PLAN_CREATE, M_MODEL, FIELD_MODEL,
		  "--model", "create" },
		{ "attach with an endpoint name", PLAN_ATTACH, M_ENDPOINT,
		  FIELD_ENDPOINT_NAME, "--endpoint-name", "attach" },
		{ "detach with a deployment name", PLAN_DETACH, M_DEPLOYMENT,
		  FIELD_DEPLOYMENT_NAME, "--deployment-name", "detach" },
		{ "update with an image", PLAN_UPDATE, M_IMAGE, FIELD_IMAGE,
		  "--image", "update" },
		{ "scale with code", PLAN_SCALE, M_CODE, FIELD_CODE_PATH,
		  "--code-path", "scale" },
		{ "delete with a model", PLAN_DELETE, M_MODEL, FIELD_MODEL,
		  "--model", "delete" },
		{ "migrate with an endpoint name", PLAN_MIGRATE, M_ENDPOINT,
		  FIELD_ENDPOINT_NAME, "--endpoint-name", "migrate" },
		{ "create-endpoint keeps its name", PLAN_CREATE_ENDPOINT,
		  M_ENDPOINT, FIELD_NONE, NULL, NULL },
		{ "deploy keeps its model", PLAN_DEPLOY, M_MODEL, FIELD_NONE,
		  NULL, NULL },
		{ "set-traffic keeps its endpoint", PLAN_SET_TRAFFIC, M_ENDPOINT,
		  FIELD_NONE, NULL, NULL },
		{ "deploy with a VM size", PLAN_DEPLOY, M_VM_SIZE, FIELD_VM_SIZE,
		  "--vm-size", "deploy" },
		{ "set-traffic with a cluster", PLAN_SET_TRAFFIC, M_CLUSTER,
		  FIELD_CLUSTER_ID, "--compute-resource-id", "set-traffic" },
		{ "create-endpoint with a namespace", PLAN_CREATE_ENDPOINT,
		  M_NAMESPACE, FIELD_NAMESPACE, "--namespace",
		  "create-endpoint" },
		{ "deploy keeps a location", PLAN_DEPLOY, M_LOCATION, FIELD_NONE,
		  NULL, NULL },
		{ "create-endpoint keeps its description", PLAN_CREATE_ENDPOINT,
		  M_DESCRIPTION, FIELD_NONE, NULL, NULL },
		{ "deploy with a description", PLAN_DEPLOY, M_DESCRIPTION,
		  FIELD_DESCRIPTION, "--description", "deploy" },
	};
	struct plan		 p;
	struct verdicts		 vs;
	const struct verdict	*v;
	size_t			 i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		plan_scoped(&p, rows[i].op);
		switch (rows[i].member) {
		case M_ENDPOINT:
			strcpy(p.endpoint_name, "ep1");
			break;
		case M_DEPLOYMENT:
			strcpy(p.deployment.name, "blue");
			break;
		case M_MODEL:
			strcpy(p.deployment.model, "sk:1");
			break;
		case M_CODE:
			strcpy(p.deployment.code, "score:2");
			break;
		case M_IMAGE:
			strcpy(p.deployment.image, "mcr.microsoft.com/x:1");
			break;
		case M_VM_SIZE:
			strcpy(p.vm_size, "Standard_D4s_v3");
			break;
		case M_CLUSTER:
			strcpy(p.cluster_id, CLUSTER);
			break;
		case M_NAMESPACE:
			strcpy(p.namespace_, "team-a");
			break;
		case M_LOCATION:
			strcpy(p.location, "eastus");
			break;
		case M_DESCRIPTION:
			strcpy(p.description, "demo");
			break;
		}
		check(&p, NULL, &vs);
		if (rows[i].want == FIELD_NONE) {
			ok(core_find(&vs, MSG_PLAN_NOT_APPLICABLE) == NULL,
			    "%s: not refused", rows[i].what);
			continue;
		}
		v = core_expect(&vs, rows[i].want, SEV_ERROR,
		    MSG_PLAN_NOT_APPLICABLE, rows[i].what);
		core_arg(v, 0, rows[i].flag, rows[i].what);
		core_arg(v, 1, rows[i].op_name, rows[i].what);
	}
}

int
main(void)
{
	struct plan		 p;
	struct plan_facts	 f;
	struct verdicts		 vs;
	const struct verdict	*v;
	struct cluster_facts	 c;
	struct cidr		 subnet;
	struct vm_size		 custom = { "Standard_X9", 2, 4.0,
				     "standardXFamily", 0, false };
	static const char *const names[] = { "Inference-Prod", "cpu" };
	static const struct k8s_offer offers[] = {
		{ "1.29", true, false }, { "1.30", false, false },
	};

	/* create */
	plan_create(&p);
	check(&p, NULL, &vs);
	core_count(&vs, 0, "a full valid create, offline (facts NULL)");
	memset(&f, 0, sizeof f);
	check(&p, &f, &vs);
	core_count(&vs, 0, "a full valid create, zeroed facts");

	plan_init(&p, PLAN_CREATE);
	check(&p, NULL, &vs);
	v = core_expect(&vs, FIELD_SUBSCRIPTION, SEV_INFO, MSG_PLAN_SCOPE_LATER,
	    "empty create: the scope taken when applied, in one info");
	core_arg(v, 0, "--subscription, --resource-group, --workspace",
	    "scope later: the three flags");
	ok(v != NULL && v->n == 3, "scope later: plural for three");
	ok(core_find(&vs, MSG_PLAN_SCOPE_LATER) == v &&
	    verdicts_find(&vs, FIELD_WORKSPACE, SEV_INFO) == NULL,
	    "scope later: not one line per member");
	core_expect(&vs, FIELD_NAME, SEV_ERROR, MSG_NAME_EMPTY,
	    "empty create: name");
	v = core_expect(&vs, FIELD_VM_SIZE, SEV_INFO, MSG_SIZE_DEFAULT,
	    "empty create: the default size");
	core_arg(v, 0, "Standard_D3_v2", "default size named");
	v = core_expect(&vs, FIELD_NODE_COUNT, SEV_INFO, MSG_NODES_DEFAULT,
	    "empty create: the default node count");
	core_arg(v, 0, "3", "default node count named");
	core_count(&vs, 4, "empty create: nothing else (3 x 4 vCPU is enough)");
	plan_init(&p, PLAN_DETACH);
	strcpy(p.name, "aks-old");
	strcpy(p.scope.subscription, SUB);
	check(&p, NULL, &vs);
	v = core_expect(&vs, FIELD_RESOURCE_GROUP, SEV_INFO,
	    MSG_PLAN_SCOPE_LATER, "no group and workspace: one info");
	core_arg(v, 0, "--resource-group, --workspace",
	    "scope later: the two missing");
	plan_create(&p);
	p.node_count = 0;
	p.purpose = PURPOSE_DEVTEST;
	strcpy(p.vm_size, "Standard_B1s");
	check(&p, NULL, &vs);
	core_none(&vs, SEV_WARNING, "default 3 nodes x 1 vCPU for dev-test");
	p.purpose = PURPOSE_FASTPROD;
	check(&p, NULL, &vs);
	v = core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PROD_VCPU,
	    "default 3 nodes x 1 vCPU for production");
	core_arg(v, 0, "3", "judged with the default count");
	plan_create(&p);
	p.node_count = -2;
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_NODES_INVALID,
	    "negative node count");
	plan_create(&p);
	p.node_count = 0;
	p.node_count_given = true;
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_NODES_INVALID,
	    "node count 0 given: refused");
	tap_ok(core_find(&vs, MSG_NODES_DEFAULT) == NULL,
	    "node count 0 given: not the default");
	plan_init(&p, PLAN_ATTACH);
	p.node_count_given = true;
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PLAN_NOT_APPLICABLE,
	    "node count 0 given to attach: does not apply");

	plan_create(&p);
	strcpy(p.scope.subscription, "my-sub");
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_SUBSCRIPTION, SEV_ERROR, MSG_ID_SUBSCRIPTION,
	    "subscription not a GUID");

	plan_create(&p);
	strcpy(p.name, "aks-1");
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_NAME, SEV_ERROR, MSG_NAME_DIGIT_SUFFIX,
	    "create: name rules");

	plan_create(&p);
	memset(&f, 0, sizeof f);
	f.existing_names = names;
	f.n_existing_names = 2;
	check(&p, &f, &vs);
	core_count(&vs, 0, "names listed but not known: no uniqueness check");
	f.names_known = true;
	check(&p, &f, &vs);
	core_expect(&vs, FIELD_NAME, SEV_ERROR, MSG_NAME_TAKEN,
	    "create: name taken");

	/* An attach without a name: one from the cluster's is offered. */
	{
		static const char *const taken[] = { "aks-prod" };

		plan_init(&p, PLAN_ATTACH);
		strcpy(p.cluster_id, "/subscriptions/00000000-0000-0000-0000-"
		    "000000000001/resourceGroups/rg/providers/"
		    "Microsoft.ContainerService/managedClusters/aks-prod");
		check(&p, NULL, &vs);
		core_expect(&vs, FIELD_NAME, SEV_ERROR, MSG_NAME_EMPTY,
		    "attach, no name: refused");
		v = core_expect(&vs, FIELD_NAME, SEV_INFO, MSG_NAME_SUGGESTED,
		    "attach, no name: one offered");
		core_arg(v, 0, "aks-prod", "the cluster's name");
		memset(&f, 0, sizeof f);
		f.names_known = true;
		f.existing_names = taken;
		f.n_existing_names = 1;
		check(&p, &f, &vs);
		core_arg(core_find(&vs, MSG_NAME_SUGGESTED), 0, "aks-prod-k8s",
		    "the cluster's name taken: -k8s");
		strcpy(p.name, "mine");
		check(&p, &f, &vs);
		tap_ok(core_find(&vs, MSG_NAME_SUGGESTED) == NULL,
		    "a name given: none offered");
		plan_create(&p);
		p.name[0] = '\0';
		check(&p, NULL, &vs);
		tap_ok(core_find(&vs, MSG_NAME_SUGGESTED) == NULL,
		    "a create: none offered");
	}

	/* Sizes: catalogue, given, unknown, not offered. */
	plan_create(&p);
	p.node_count = 2;
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PROD_NODES,
	    "2 nodes");
	plan_create(&p);
	strcpy(p.vm_size, "Standard_D2s_v3");
	check(&p, NULL, &vs);
	v = core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PROD_VCPU,
	    "3 x Standard_D2s_v3, vCPU from the catalogue");
	core_arg(v, 2, "6", "3 x 2 vCPU");
	strcpy(p.vm_size, "standard_d2S_V3");
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PROD_VCPU,
	    "catalogue lookup ignores case");
	p.purpose = PURPOSE_DEVTEST;
	check(&p, NULL, &vs);
	core_none(&vs, SEV_WARNING, "dev-test 3 x 2 vCPU");
	plan_create(&p);
	strcpy(p.vm_size, "Standard_X9");
	check(&p, NULL, &vs);
	v = core_expect(&vs, FIELD_VM_SIZE, SEV_WARNING, MSG_SIZE_UNKNOWN,
	    "size not in the catalogue");
	core_arg(v, 0, "Standard_X9", "unknown size: as written");
	core_none(&vs, SEV_ERROR, "unknown size: not an error");
	memset(&f, 0, sizeof f);
	f.size = &custom;
	check(&p, &f, &vs);
	core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PROD_VCPU,
	    "facts' size: 3 x 2 vCPU");
	ok(core_find(&vs, MSG_SIZE_UNKNOWN) == NULL, "facts' size is known");
	plan_create(&p);
	memset(&f, 0, sizeof f);
	f.sizes_known = true;
	f.size_offered = false;
	f.workspace_location = "westeurope";
	check(&p, &f, &vs);
	v = core_expect(&vs, FIELD_VM_SIZE, SEV_ERROR, MSG_SIZE_NOT_OFFERED,
	    "size not offered");
	core_arg(v, 1, "westeurope", "not offered: the workspace's region");
	f.size_offered = true;
	check(&p, &f, &vs);
	core_count(&vs, 0, "size offered");

	/* Quota: requested = 3 x 4. */
	plan_create(&p);
	memset(&f, 0, sizeof f);
	f.family_quota.known = true;
	f.family_quota.limit = 20;
	f.family_quota.usage = 10;
	f.regional_quota.known = true;
	f.regional_quota.limit = 20;
	f.regional_quota.usage = 8;
	strcpy(p.location, "northeurope");
	check(&p, &f, &vs);
	core_count(&vs, 1, "family short by 2, region fits exactly");
	v = core_expect(&vs, FIELD_VM_SIZE, SEV_ERROR, MSG_QUOTA_FAMILY,
	    "family quota");
	core_arg(v, 0, "standardDSv3Family", "quota: the catalogue's family");
	core_arg(v, 1, "northeurope", "quota: the plan's location");
	core_arg(v, 4, "12", "quota: requested");
	strcpy(f.family_quota.label, "Standard DSv3 Family vCPUs");
	check(&p, &f, &vs);
	core_arg(core_find(&vs, MSG_QUOTA_FAMILY), 0,
	    "Standard DSv3 Family vCPUs", "quota: the service's label");

	/* Location. */
	plan_create(&p);
	memset(&f, 0, sizeof f);
	f.workspace_location = "westeurope";
	strcpy(p.location, "eastus");
	check(&p, &f, &vs);
	v = core_expect(&vs, FIELD_LOCATION, SEV_WARNING, MSG_LOCATION_DIFFERS,
	    "location differs");
	core_arg(v, 0, "eastus", "differs: the cluster's");
	core_arg(v, 1, "westeurope", "differs: the workspace's");
	strcpy(p.location, "West Europe");
	check(&p, &f, &vs);
	core_count(&vs, 0, "display name of the same region");

	/* Network, load balancer, TLS reach plan_check. */
	plan_create(&p);
	strcpy(p.vnet.dns_service_ip, "10.0.0.1");
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_DNS_SERVICE_IP, SEV_ERROR, MSG_DNS_RESERVED,
	    "create: vnet rules");
	plan_create(&p);
	memset(&f, 0, sizeof f);
	cidr_parse("172.17.1.0/24", true, &subnet);
	f.subnet_prefix = &subnet;
	check(&p, &f, &vs);
	core_expect(&vs, FIELD_DOCKER_BRIDGE_CIDR, SEV_ERROR,
	    MSG_BRIDGE_OVERLAPS_SUBNET, "create: subnet prefix from facts");
	plan_create(&p);
	p.vnet.subnet[0] = '\0';
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_SUBNET_NAME, SEV_ERROR, MSG_VNET_INCOMPLETE,
	    "create: vnet incomplete");
	plan_create(&p);
	p.lb_type = LB_INTERNAL;
	strcpy(p.lb_subnet, "aks-subnet");
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_TLS_MODE, SEV_ERROR, MSG_TLS_MICROSOFT_INTERNAL,
	    "create: TLS rules");
	plan_create(&p);
	strcpy(p.cluster_id, CLUSTER);
	check(&p, NULL, &vs);
	v = core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR,
	    MSG_PLAN_NOT_APPLICABLE, "create with a cluster ID");
	core_arg(v, 0, "--compute-resource-id", "not applicable: flag");
	core_arg(v, 1, "create", "not applicable: operation");

	/* attach */
	plan_scoped(&p, PLAN_ATTACH);
	strcpy(p.cluster_id, CLUSTER);
	check(&p, NULL, &vs);
	core_count(&vs, 0, "a valid attach, offline");
	p.cluster_id[0] = '\0';
	check(&p, NULL, &vs);
	v = core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR, MSG_PLAN_REQUIRED,
	    "attach without a cluster");
	core_arg(v, 0, "--compute-resource-id", "required: the flag");
	core_arg(v, 1, "attach", "required: attach");
	strcpy(p.cluster_id, "/subscriptions/" SUB "/resourceGroups/ml-rg");
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR, MSG_ID_SEGMENTS,
	    "attach: ID parsed");
	strcpy(p.cluster_id, CLUSTER);
	strcpy(p.scope.subscription, SUB2);
	check(&p, NULL, &vs);
	v = core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR,
	    MSG_ATTACH_OTHER_SUBSCRIPTION, "attach: the plan's subscription");
	core_arg(v, 1, SUB2, "the scope's subscription");
	memset(&f, 0, sizeof f);
	f.workspace_subscription = SUB;
	check(&p, &f, &vs);
	ok(core_find(&vs, MSG_ATTACH_OTHER_SUBSCRIPTION) == NULL,
	    "the workspace's known subscription wins over the scope's");

	plan_scoped(&p, PLAN_ATTACH);
	strcpy(p.cluster_id, CLUSTER);
	memset(&c, 0, sizeof c);
	strcpy(c.id, CLUSTER);
	strcpy(c.provisioning_state, "Succeeded");
	strcpy(c.version, "1.28.1");
	c.node_count = 3;
	c.vcpu_total = 12;
	memset(&f, 0, sizeof f);
	f.cluster = &c;
	f.offers = offers;
	f.n_offers = 2;
	check(&p, &f, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_K8S_UNSUPPORTED,
	    "attach: cluster facts judged");
	v = core_find(&vs, MSG_K8S_UNSUPPORTED);
	core_arg(v, 1, "1.29", "offers from facts");
	strcpy(c.version, "1.29.1");
	c.vcpu_total = 8;
	strcpy(p.scope.subscription, SUB2);
	check(&p, &f, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_CLUSTER_TOO_SMALL,
	    "attach: too small");
	core_arg(v, 0, "aks-prod", "too small: the name from the ID");
	is_int(verdicts_count(&vs, SEV_ERROR), 2,
	    "subscription judged once, not twice");
	p.purpose = PURPOSE_DEVTEST;
	strcpy(p.scope.subscription, SUB);
	check(&p, &f, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_CLUSTER_OK,
	    "attach dev-test: OK");

	plan_scoped(&p, PLAN_ATTACH);
	strcpy(p.cluster_id, CLUSTER);
	strcpy(p.vm_size, "Standard_D4s_v3");
	p.node_count = 3;
	strcpy(p.vnet.vnet, "ml-vnet");
	check(&p, NULL, &vs);
	core_count(&vs, 3, "attach with create-only fields");
	core_arg(core_expect(&vs, FIELD_VM_SIZE, SEV_ERROR,
	    MSG_PLAN_NOT_APPLICABLE, "attach: size"), 1, "attach",
	    "not applicable: attach");
	core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PLAN_NOT_APPLICABLE,
	    "attach: node count");
	core_expect(&vs, FIELD_VNET_NAME, SEV_ERROR, MSG_PLAN_NOT_APPLICABLE,
	    "attach: network");
	p.vnet.vnet[0] = '\0';
	strcpy(p.vnet.docker_bridge_cidr, "172.17.0.1/16");
	check(&p, NULL, &vs);
	core_arg(core_expect(&vs, FIELD_DOCKER_BRIDGE_CIDR, SEV_ERROR,
	    MSG_PLAN_NOT_APPLICABLE, "attach: the network field given"), 0,
	    "--docker-bridge-cidr", "not applicable: its flag");

	plan_scoped(&p, PLAN_ATTACH);
	strcpy(p.cluster_id, CLUSTER);
	strcpy(p.name, "local");
	p.lb_type = LB_INTERNAL;
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_NAME, SEV_ERROR, MSG_NAME_RESERVED,
	    "attach: name rules");
	core_expect(&vs, FIELD_LB_SUBNET, SEV_ERROR, MSG_LB_SUBNET_NEEDED,
	    "attach: load balancer rules");

	/* Members an operation does not use (man/akswiz-plan.5's table). */
	plan_scoped(&p, PLAN_ATTACH);
	strcpy(p.cluster_id, CLUSTER);
	strcpy(p.location, "eastus");
	check(&p, NULL, &vs);
	core_count(&vs, 1, "attach with a location");
	core_arg(core_expect(&vs, FIELD_LOCATION, SEV_ERROR,
	    MSG_PLAN_NOT_APPLICABLE, "attach: location"), 0, "--location",
	    "  named by its flag");
	plan_scoped(&p, PLAN_CREATE);
	p.detach_action = DETACH_DELETE;
	check(&p, NULL, &vs);
	core_arg(core_expect(&vs, FIELD_DETACH_ACTION, SEV_ERROR,
	    MSG_PLAN_NOT_APPLICABLE, "create: underlying resource action"), 0,
	    "underlyingResourceAction", "  named by its path (no flag)");
	plan_scoped(&p, PLAN_DETACH);
	p.purpose = PURPOSE_DEVTEST;
	strcpy(p.description, "old");
	p.tls.mode = TLS_CUSTOM;
	strcpy(p.vm_size, "Standard_D3_v2");
	check(&p, NULL, &vs);
	core_count(&vs, 4, "detach with create's members");
	core_expect(&vs, FIELD_PURPOSE, SEV_ERROR, MSG_PLAN_NOT_APPLICABLE,
	    "detach: purpose");
	core_expect(&vs, FIELD_DESCRIPTION, SEV_ERROR, MSG_PLAN_NOT_APPLICABLE,
	    "detach: description");
	core_arg(core_expect(&vs, FIELD_TLS_MODE, SEV_ERROR,
	    MSG_PLAN_NOT_APPLICABLE, "detach: TLS"), 1, "detach",
	    "  for detach");
	core_expect(&vs, FIELD_VM_SIZE, SEV_ERROR, MSG_PLAN_NOT_APPLICABLE,
	    "detach: size");
	plan_scoped(&p, PLAN_UPDATE);
	p.node_count = 5;
	strcpy(p.cluster_id, CLUSTER);
	p.detach_action = DETACH_DELETE;
	check(&p, NULL, &vs);
	core_count(&vs, 3, "update with others' members");
	core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_PLAN_NOT_APPLICABLE,
	    "update: node count");
	core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR, MSG_PLAN_NOT_APPLICABLE,
	    "update: cluster ID");
	core_expect(&vs, FIELD_DETACH_ACTION, SEV_ERROR,
	    MSG_PLAN_NOT_APPLICABLE, "update: underlying resource action");

	/* A plan wrong everywhere still fits in a verdict list. */
	plan_init(&p, PLAN_CREATE);
	strcpy(p.scope.subscription, "x");
	strcpy(p.name, "1_-");
	strcpy(p.vm_size, "Standard_D2_v2");
	p.node_count = 2;
	strcpy(p.location, "eastus");
	strcpy(p.cluster_id, "x");
	strcpy(p.vnet.vnet, "v");
	strcpy(p.vnet.service_cidr, "10.0.0.5/16");
	strcpy(p.vnet.dns_service_ip, "10.0.0.1");
	strcpy(p.vnet.docker_bridge_cidr, "10.0.0.1/8");
	p.lb_type = LB_INTERNAL;
	p.tls.mode = TLS_MICROSOFT;
	strcpy(p.tls.leaf_label, "-");
	strcpy(p.tls.cert_file, "c");
	strcpy(p.tls.cname, "-");
	p.detach_action = DETACH_DELETE;
	memset(&f, 0, sizeof f);
	f.workspace_location = "westeurope";
	f.existing_names = (const char *const[]){ "1_-" };
	f.n_existing_names = 1;
	f.names_known = true;
	f.sizes_known = true;
	f.family_quota.known = f.regional_quota.known = true;
	cidr_parse("10.0.0.0/8", true, &subnet);
	f.subnet_prefix = &subnet;
	check(&p, &f, &vs);
	ok(!vs.overflow && vs.n >= 20 && vs.n < VERDICTS_MAX,
	    "everything wrong: %zu verdicts, none dropped", vs.n);

	/* detach */
	plan_scoped(&p, PLAN_DETACH);
	check(&p, NULL, &vs);
	core_count(&vs, 0, "a valid detach");
	strcpy(p.name, "aks-1");
	check(&p, NULL, &vs);
	core_count(&vs, 0, "detach: an old name is not judged by new rules");
	p.name[0] = '\0';
	p.scope.workspace[0] = '\0';
	check(&p, NULL, &vs);
	v = core_expect(&vs, FIELD_NAME, SEV_ERROR, MSG_PLAN_REQUIRED,
	    "detach without a name");
	core_arg(v, 1, "detach", "required: detach");
	core_expect(&vs, FIELD_WORKSPACE, SEV_INFO, MSG_PLAN_SCOPE_LATER,
	    "detach without a workspace: taken when applied");
	core_count(&vs, 2, "detach: nothing else");

	/* detach of a Kubernetes compute: its cluster's steps */
	plan_scoped(&p, PLAN_DETACH);
	p.uninstall_extension = p.delete_cluster = true;
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR, MSG_PLAN_REQUIRED,
	    "detach: uninstalling the extension needs the cluster");
	strcpy(p.cluster_id, CLUSTER);
	check(&p, NULL, &vs);
	core_count(&vs, 0, "detach with the cluster's steps and the cluster");

	/* scale: the purpose's rules on the new count */
	{
		static const struct {
			const char	*what;
			enum purpose	 purpose;
			const char	*size;
			int		 nodes;
			enum msg_id	 msg;	/* 0: valid */
		} rows[] = {
			{ "production, 3 x 4 vCPU", PURPOSE_FASTPROD,
			    "Standard_DS3_v2", 3, 0 },
			{ "production down to 2 nodes", PURPOSE_FASTPROD,
			    "Standard_DS3_v2", 2, MSG_PROD_NODES },
			{ "production, 3 x 2 vCPU", PURPOSE_FASTPROD,
			    "Standard_DS2_v2", 3, MSG_PROD_VCPU },
			{ "dev-test down to 1 node", PURPOSE_DEVTEST,
			    "Standard_DS3_v2", 1, 0 },
			{ "dev-test down to 0 nodes", PURPOSE_DEVTEST,
			    "Standard_DS3_v2", 0, MSG_NODES_INVALID },
			{ "production, a size unknown: nodes only",
			    PURPOSE_FASTPROD, "Standard_Unknown9", 3, 0 },
		};
		size_t	i;

		for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
			plan_scoped(&p, PLAN_SCALE);
			strcpy(p.cluster_id, CLUSTER);
			strcpy(p.nodepool, "nodepool1");
			p.purpose = rows[i].purpose;
			strcpy(p.vm_size, rows[i].size);
			p.node_count = rows[i].nodes;
			p.node_count_given = true;
			check(&p, NULL, &vs);
			if (rows[i].msg == 0)
				core_count(&vs, 0, rows[i].what);
			else
				core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR,
				    rows[i].msg, rows[i].what);
		}
	}
	/* scale: the System pool's VM minimum for System pools only */
	{
		static const struct {
			const char	*what;
			const char	*mode;	/* the plan's nodepoolMode */
			const char	*size;
			bool		 refused;
		} modes[] = {
			{ "a System pool of 1 vCPU: the System pool's minimum",
			    "System", "Standard_D1_v2", true },
			{ "a pool of no known mode (an older plan): as System",
			    "", "Standard_D1_v2", true },
			{ "a User pool of 1 vCPU: no System minimum", "User",
			    "Standard_D1_v2", false },
			{ "a User pool of 1 vCPU 1 GB, mode in lower case",
			    "user", "Standard_B1s", false },
			{ "a System pool of 2 vCPU 4 GB", "System",
			    "Standard_B2s", false },
		};
		size_t	i;

		for (i = 0; i < sizeof modes / sizeof modes[0]; i++) {
			plan_scoped(&p, PLAN_SCALE);
			strcpy(p.cluster_id, CLUSTER);
			strcpy(p.nodepool, "pool2");
			strcpy(p.nodepool_mode, modes[i].mode);
			p.purpose = PURPOSE_DEVTEST;
			strcpy(p.vm_size, modes[i].size);
			p.node_count = 2;
			p.node_count_given = true;
			check(&p, NULL, &vs);
			if (modes[i].refused)
				core_expect(&vs, FIELD_VM_SIZE, SEV_ERROR,
				    MSG_AKS_SYSTEM_POOL_SIZE, modes[i].what);
			else
				core_count(&vs, 0, modes[i].what);
		}
	}
	{
		plan_scoped(&p, PLAN_SCALE);
		strcpy(p.cluster_id, CLUSTER);
		strcpy(p.vm_size, "Standard_D2s_v3");
		p.node_count = 6;
		check(&p, NULL, &vs);
		core_expect(&vs, FIELD_VM_SIZE, SEV_ERROR,
		    MSG_K8S_PROD_NODE_SIZE, "production on 6 x 2 vCPU: "
		    "each node needs 4 vCPU and 14 GB (today's path)");
		plan_scoped(&p, PLAN_SCALE);
		p.node_count = 3;
		check(&p, NULL, &vs);
		core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR,
		    MSG_PLAN_REQUIRED, "scale without its cluster");
	}

	/* delete */
	plan_scoped(&p, PLAN_DELETE);
	check(&p, NULL, &vs);
	core_count(&vs, 0, "a valid delete");
	p.name[0] = '\0';
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_NAME, SEV_ERROR, MSG_PLAN_REQUIRED,
	    "delete without a name");

	/* migrate: a legacy compute on its cluster to a Kubernetes one */
	{
		struct plan_facts	 mf;
		const char		*mnames[] = { "inference-prod",
					    "inference-prod-k8s" };
		const struct verdict	*mv;

		plan_scoped(&p, PLAN_MIGRATE);
		strcpy(p.cluster_id, "/subscriptions/" SUB "/resourceGroups/"
		    "ml-rg/providers/Microsoft.ContainerService/"
		    "managedClusters/aks-1");
		strcpy(p.cluster.name, "aks-1");
		strcpy(p.namespace_, "ml");
		check(&p, NULL, &vs);
		core_none(&vs, SEV_ERROR, "a valid migration");
		p.tls.mode = TLS_MICROSOFT;
		check(&p, NULL, &vs);
		core_expect(&vs, FIELD_TLS_MODE, SEV_ERROR,
		    MSG_MIGRATE_TLS_MICROSOFT, "migrate: no Microsoft "
		    "certificate");
		p.tls.mode = TLS_DISABLED;
		strcpy(p.namespace_, "azureml-ml-ws");
		check(&p, NULL, &vs);
		core_expect(&vs, FIELD_NAMESPACE, SEV_ERROR,
		    MSG_MIGRATE_NAMESPACE_V1, "migrate: not the legacy "
		    "namespace of the plan's workspace");
		strcpy(p.namespace_, "ml");
		memset(&mf, 0, sizeof mf);
		mf.existing_names = mnames;
		mf.n_existing_names = 2;
		mf.names_known = true;
		mf.namespace_known = true;
		check(&p, &mf, &vs);
		core_expect(&vs, FIELD_NEW_NAME, SEV_ERROR, MSG_NAME_TAKEN,
		    "migrate: the new name (name-k8s) taken");
		mv = core_expect(&vs, FIELD_NAMESPACE, SEV_INFO,
		    MSG_K8S_NAMESPACE_CREATED, "migrate: the namespace is "
		    "created");
		core_arg(mv, 1, "aks-1", "in the legacy compute's cluster");
		mf.names_known = false;	/* partly applied: it is ours */
		check(&p, &mf, &vs);
		ok(core_find(&vs, MSG_NAME_TAKEN) == NULL,
		    "migrate resumed: the new name is its own");
		p.cluster_id[0] = '\0';
		check(&p, NULL, &vs);
		core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR,
		    MSG_PLAN_REQUIRED, "migrate without its cluster");
	}

	/* update */
	plan_scoped(&p, PLAN_UPDATE);
	p.lb_type = LB_INTERNAL;
	strcpy(p.lb_subnet, "aks-subnet");
	check(&p, NULL, &vs);
	core_count(&vs, 0, "a valid update to an internal load balancer");
	p.lb_type = LB_PUBLIC;
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_LB_SUBNET, SEV_ERROR, MSG_LB_SUBNET_PUBLIC,
	    "update: subnet with a public load balancer");
	p.name[0] = '\0';
	check(&p, NULL, &vs);
	core_expect(&vs, FIELD_NAME, SEV_ERROR, MSG_PLAN_REQUIRED,
	    "update without a name");
	test_k8s_attach_update();
	test_members_across();
	return tap_done();
}
