/*
 * The rules against the published examples (../shared/specs/, copied here
 * as values since the specs are not part of the source tree): what the
 * service's own examples send and return must pass where it is valid and
 * get the verdicts DESIGN.md gives where it is not.
 */
#include "config.h"

#include <string.h>

#include "core/rules.h"
#include "core-test.h"

/* ml/2024-04-01/examples/Compute/createOrUpdate/AKSCompute.json */
#define ML_SUB		"34adfa4f-cedf-4dc0-ba29-b6d1a69ab345"
#define ML_CLUSTER	"/subscriptions/" ML_SUB "/resourcegroups/testrg123/" \
			"providers/Microsoft.ContainerService/managedClusters/" \
			"compute123-56826-c9b00420020b2"
/* aks/2024-09-01/examples/ManagedClustersGet.json */
#define AKS_CLUSTER	"/subscriptions/00000000-0000-0000-0000-000000000000/" \
			"resourcegroups/rg1/providers/" \
			"Microsoft.ContainerService/managedClusters/clustername1"

/* aks/2024-09-01/examples/KubernetesVersions_List.json */
static const struct k8s_offer aks_offers[] = {
	{ "1.23", false, false }, { "1.24", true, false },
	{ "1.25", false, false }, { "1.26", false, true },
};

/* ml/2024-04-01/examples/VirtualMachineSize/list.json */
static const struct {
	const char	*name;
	int		 vcpus;
	double		 memory_gb;
	const char	*family;
} ml_sizes[] = {
	{ "Standard_DS1_v2", 1, 3.5, "standardDSv2Family" },
	{ "Standard_DS2_v2", 2, 7, "standardDSv2Family" },
	{ "Standard_DS3_v2", 4, 14, "standardDSv2Family" },
	{ "Standard_DS4_v2", 8, 28, "standardDSv2Family" },
	{ "Standard_DS5_v2", 16, 56, "standardDSv2Family" },
	{ "Standard_DS11_v2", 2, 14, "standardDSv2Family" },
	{ "Standard_DS12_v2", 4, 28, "standardDSv2Family" },
	{ "Standard_DS13_v2", 8, 56, "standardDSv2Family" },
	{ "Standard_DS14_v2", 16, 112, "standardDSv2Family" },
};

int
main(void)
{
	struct verdicts		 vs;
	const struct verdict	*v;
	const struct vm_size	*s;
	struct aks_id		 id;
	struct cluster_facts	 c;
	struct plan_vnet	 vn;
	struct plan		 p;
	char			 buf[512];
	size_t			 i;

	/* IDs as the service writes them ("resourcegroups"). */
	verdicts_init(&vs);
	ok(aks_id_parse(ML_CLUSTER, &id, FIELD_CLUSTER_ID, &vs),
	    "ML example's cluster ID parses");
	is_str(id.name, "compute123-56826-c9b00420020b2", "  its name");
	aks_id_format(&id, buf, sizeof buf);
	ok(arm_id_equal(buf, ML_CLUSTER), "  canonical form is the same ID");
	ok(aks_id_parse(AKS_CLUSTER, &id, FIELD_CLUSTER_ID, &vs),
	    "AKS example's cluster ID parses");
	core_count(&vs, 0, "example IDs");
	verdicts_init(&vs);
	attach_check_subscription(&id, ML_SUB, &vs);
	core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR,
	    MSG_ATTACH_OTHER_SUBSCRIPTION, "the AKS example is elsewhere");

	/* Compute names of the examples. */
	verdicts_init(&vs);
	rules_name("compute123", &vs);
	core_count(&vs, 0, "compute123 is a valid name");

	/* Kubernetes versions. */
	ok(k8s_default(aks_offers, 4) == &aks_offers[1], "default is 1.24");
	verdicts_init(&vs);
	k8s_version_check("1.24.9", aks_offers, 4, FIELD_CLUSTER, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_K8S_SUPPORTED,
	    "a listed patch of 1.24");
	verdicts_init(&vs);
	k8s_version_check("1.26.0", aks_offers, 4, FIELD_CLUSTER, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_WARNING, MSG_K8S_PREVIEW,
	    "1.26 is preview");
	verdicts_init(&vs);
	k8s_version_check("1.9.6", aks_offers, 4, FIELD_CLUSTER, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_K8S_UNSUPPORTED,
	    "the cluster example's 1.9.6");
	core_arg(v, 1, "1.23", "  range from");
	core_arg(v, 2, "1.25", "  range to (1.26 is preview)");

	/* The cluster example: 3 x Standard_DS1_v2 at 1.9.6. */
	memset(&c, 0, sizeof c);
	strcpy(c.id, AKS_CLUSTER);
	strcpy(c.name, "clustername1");
	strcpy(c.provisioning_state, "Succeeded");
	strcpy(c.version, "1.9.6");
	c.node_count = 3;
	s = vm_catalogue_find("Standard_DS1_v2");
	c.vcpu_total = 3 * (s != NULL ? s->vcpus : 0);
	verdicts_init(&vs);
	rules_attach_cluster(&c, PURPOSE_FASTPROD,
	    "00000000-0000-0000-0000-000000000000", aks_offers, 4, &vs);
	v = core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_CLUSTER_TOO_SMALL,
	    "3 x DS1_v2 for production");
	core_arg(v, 2, "3", "  3 vCPU");
	core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_K8S_UNSUPPORTED,
	    "  and its version");
	verdicts_init(&vs);
	rules_attach_cluster(&c, PURPOSE_DEVTEST,
	    "00000000-0000-0000-0000-000000000000", NULL, 0, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_INFO, MSG_CLUSTER_OK,
	    "3 x DS1_v2 for dev-test");

	/* Its network profile, with the usual Docker bridge. */
	memset(&vn, 0, sizeof vn);
	strcpy(vn.resource_group, "rg1");
	strcpy(vn.vnet, "vnet1");
	strcpy(vn.subnet, "subnet1");
	strcpy(vn.service_cidr, "10.0.0.0/16");
	strcpy(vn.dns_service_ip, "10.0.0.10");
	strcpy(vn.docker_bridge_cidr, "172.17.0.1/16");
	verdicts_init(&vs);
	rules_vnet(&vn, NULL, &vs);
	core_count(&vs, 0, "the example's service CIDR and DNS IP");

	/* Sizes: the ML list and Compute's "Standard_A1_V2" spelling. */
	for (i = 0; i < sizeof ml_sizes / sizeof ml_sizes[0]; i++) {
		s = vm_catalogue_find(ml_sizes[i].name);
		ok(s != NULL && s->vcpus == ml_sizes[i].vcpus &&
		    s->memory_gb == ml_sizes[i].memory_gb &&
		    strcmp(s->family, ml_sizes[i].family) == 0,
		    "%s as the ML example lists it", ml_sizes[i].name);
	}
	s = vm_catalogue_find("Standard_A1_V2");
	ok(s != NULL && s->vcpus == 1 && s->memory_gb == 2.0,
	    "Standard_A1_V2: 1 core, 2048 MB");
	s = vm_catalogue_find("Standard_A2_V2");
	ok(s != NULL && s->vcpus == 2 && s->memory_gb == 4.0,
	    "Standard_A2_V2: 2 cores, 4096 MB");

	/* The basic create example (no size, no count: the defaults). */
	plan_init(&p, PLAN_CREATE);
	strcpy(p.scope.subscription, ML_SUB);
	strcpy(p.scope.resource_group, "testrg123");
	strcpy(p.scope.workspace, "workspaces123");
	strcpy(p.name, "compute123");
	strcpy(p.location, "eastus");
	verdicts_init(&vs);
	plan_check(&p, NULL, &vs);
	core_none(&vs, SEV_WARNING, "createBasicAKSCompute as a plan");
	core_expect(&vs, FIELD_VM_SIZE, SEV_INFO, MSG_SIZE_DEFAULT,
	    "  the default size said");

	/* The attach example as a plan. */
	plan_init(&p, PLAN_ATTACH);
	strcpy(p.scope.subscription, ML_SUB);
	strcpy(p.scope.resource_group, "testrg123");
	strcpy(p.scope.workspace, "workspaces123");
	strcpy(p.name, "compute123");
	strcpy(p.cluster_id, ML_CLUSTER);
	verdicts_init(&vs);
	plan_check(&p, NULL, &vs);
	core_count(&vs, 0, "AKSCompute.json's attach as a plan");
	return tap_done();
}
