/* core/ids.c: AKS resource IDs, one precise error per malformed shape. */
#include "config.h"

#include "core/ids.h"
#include "core-test.h"

#define SUB	"00000000-1111-2222-3333-444444444444"
#define SUB2	"99999999-1111-2222-3333-444444444444"
#define GOOD	"/subscriptions/" SUB "/resourceGroups/ml-rg/providers/" \
		"Microsoft.ContainerService/managedClusters/aks-prod"

static const struct {
	const char	*id;
	enum msg_id	 msg;		/* MSG__COUNT: valid */
	const char	*arg[3];	/* expected arguments, NULL = any */
	const char	*why;
} rows[] = {
	{ GOOD, MSG__COUNT, { NULL }, "canonical" },
	{ GOOD "/", MSG__COUNT, { NULL }, "a trailing slash is tolerated" },
	{ "/SUBSCRIPTIONS/" SUB "/RESOURCEGROUPS/ml-rg/PROVIDERS/"
	    "microsoft.containerservice/MANAGEDCLUSTERS/aks-prod",
	    MSG__COUNT, { NULL }, "keywords in any case" },
	{ "/subscriptions/" SUB "/resourcegroups/(ml.rg_1-x)/providers/"
	    "Microsoft.ContainerService/managedClusters/a",
	    MSG__COUNT, { NULL }, "group of every allowed character, name of one" },
	{ "", MSG_ID_EMPTY, { NULL }, "empty" },
	{ "subscriptions/" SUB "/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG_ID_NOT_ABSOLUTE, { NULL }, "no leading slash" },
	{ "aks-prod", MSG_ID_NOT_ABSOLUTE, { "aks-prod" }, "a bare name" },
	{ " " GOOD, MSG_ID_NOT_ABSOLUTE, { NULL }, "a leading space" },
	{ "/subscription/" SUB, MSG_ID_NOT_ABSOLUTE, { NULL },
	    "subscription, singular" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg", MSG_ID_SEGMENTS,
	    { "4" }, "a resource group ID" },
	{ GOOD "/agentPools/nodepool1", MSG_ID_SEGMENTS, { "10" },
	    "a node pool ID" },
	{ GOOD "//", MSG_ID_EMPTY_SEGMENT, { "9" }, "two trailing slashes" },
	{ "/subscriptions//resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG_ID_EMPTY_SEGMENT, { "2" }, "empty subscription" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters//",
	    MSG_ID_EMPTY_SEGMENT, { "8" }, "empty name before a slash" },
	{ "/subscriptions/" SUB "/resourceGroup/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG_ID_KEYWORD, { "3", "resourceGroups", "resourceGroup" },
	    "resourceGroup, singular" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg/provider/"
	    "Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG_ID_KEYWORD, { "5", "providers", "provider" },
	    "provider, singular" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg/providers/"
	    "Microsoft.Compute/virtualMachines/vm1",
	    MSG_ID_PROVIDER, { "Microsoft.Compute" }, "a VM" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/fleets/aks-prod",
	    MSG_ID_TYPE, { "fleets" }, "a fleet" },
	{ "/subscriptions/not-a-guid/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG_ID_SUBSCRIPTION, { "not-a-guid" }, "subscription not a GUID" },
	{ "/subscriptions/" SUB "x/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG_ID_SUBSCRIPTION, { SUB "x" }, "GUID with one more character" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg./providers/"
	    "Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG_ID_RESOURCE_GROUP, { "ml-rg." }, "group ending in a dot" },
	{ "/subscriptions/" SUB "/resourceGroups/ml rg/providers/"
	    "Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG_ID_RESOURCE_GROUP, { "ml rg" }, "group with a space" },
	{ "/subscriptions/" SUB "/resourceGroups/"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "/providers/Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG_ID_RESOURCE_GROUP, { NULL }, "group of 91 characters" },
	{ "/subscriptions/" SUB "/resourceGroups/"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "/providers/Microsoft.ContainerService/managedClusters/aks-prod",
	    MSG__COUNT, { NULL }, "group of 90 characters" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/-aks",
	    MSG_ID_CLUSTER_NAME, { "-aks" }, "name starting with a hyphen" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/aks_",
	    MSG_ID_CLUSTER_NAME, { "aks_" }, "name ending with an underscore" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/aks.prod",
	    MSG_ID_CLUSTER_NAME, { "aks.prod" }, "name with a dot" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/"
	    "a_123456789012345678901234567890123456789012345678901234567890b",
	    MSG__COUNT, { NULL }, "name of 63 characters" },
	{ "/subscriptions/" SUB "/resourceGroups/ml-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/"
	    "a_1234567890123456789012345678901234567890123456789012345678901b",
	    MSG_ID_CLUSTER_NAME, { NULL }, "name of 64 characters" },
};

int
main(void)
{
	struct verdicts		 vs;
	const struct verdict	*v;
	struct aks_id		 id, other;
	char			 buf[512];
	size_t			 i;
	int			 a;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		bool	got;

		verdicts_init(&vs);
		got = aks_id_parse(rows[i].id, &id, FIELD_CLUSTER_ID, &vs);
		if (rows[i].msg == MSG__COUNT) {
			ok(got, "%s: accepted", rows[i].why);
			core_count(&vs, 0, rows[i].why);
			continue;
		}
		ok(!got, "%s: refused", rows[i].why);
		core_count(&vs, 1, rows[i].why);
		v = core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR, rows[i].msg,
		    rows[i].why);
		for (a = 0; a < 3 && rows[i].arg[a] != NULL; a++)
			core_arg(v, a, rows[i].arg[a], rows[i].why);
	}

	/* The field is the caller's. */
	verdicts_init(&vs);
	aks_id_parse("", &id, FIELD_CLUSTER, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_ID_EMPTY,
	    "verdict on the caller's field");
	verdicts_init(&vs);
	ok(!aks_id_parse(NULL, &id, FIELD_CLUSTER_ID, &vs), "NULL refused");
	core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR, MSG_ID_EMPTY, "NULL");

	/* Parts and canonical spelling. */
	verdicts_init(&vs);
	aks_id_parse("/SUBSCRIPTIONS/" SUB "/resourcegroups/ML-rg/PROVIDERS/"
	    "microsoft.containerservice/managedclusters/Aks-Prod/", &id,
	    FIELD_CLUSTER_ID, &vs);
	is_str(id.subscription, SUB, "subscription");
	is_str(id.resource_group, "ML-rg", "resource group keeps its case");
	is_str(id.name, "Aks-Prod", "name keeps its case");
	aks_id_format(&id, buf, sizeof buf);
	is_str(buf, "/subscriptions/" SUB "/resourceGroups/ML-rg/providers/"
	    "Microsoft.ContainerService/managedClusters/Aks-Prod",
	    "aks_id_format is canonical");

	aks_id_parse(GOOD, &other, FIELD_CLUSTER_ID, &vs);
	ok(aks_id_equal(&id, &other), "equal ignoring case");
	memcpy(other.name, "aks-dev", 8);
	ok(!aks_id_equal(&id, &other), "another name differs");

	/* arm_id_equal */
	ok(arm_id_equal(GOOD, GOOD "/"), "arm_id_equal: trailing slash");
	ok(arm_id_equal("/Subscriptions/A/x", "/subscriptions/a/X"),
	    "arm_id_equal: case");
	ok(!arm_id_equal("/subscriptions/a/x", "/subscriptions/a/xy"),
	    "arm_id_equal: prefix is not equal");
	ok(!arm_id_equal("/subscriptions/a/x", NULL), "arm_id_equal: NULL");
	ok(arm_id_equal(NULL, NULL), "arm_id_equal: both NULL");

	/* guid_valid */
	ok(guid_valid(SUB), "guid_valid: lowercase");
	ok(guid_valid("ABCDEF01-2345-6789-ABCD-EF0123456789"),
	    "guid_valid: uppercase");
	ok(!guid_valid("ABCDEF01-2345-6789-ABCD-EF012345678"), "guid: short");
	ok(!guid_valid("ABCDEF0123456789ABCDEF0123456789"), "guid: no dashes");
	ok(!guid_valid("{ABCDEF01-2345-6789-ABCD-EF0123456789}"),
	    "guid: braces");
	ok(!guid_valid("GBCDEF01-2345-6789-ABCD-EF0123456789"), "guid: G");
	ok(!guid_valid(""), "guid: empty");
	ok(!guid_valid(NULL), "guid: NULL");

	/* The attach subscription rule. */
	aks_id_parse(GOOD, &id, FIELD_CLUSTER_ID, &vs);
	verdicts_init(&vs);
	attach_check_subscription(&id, SUB, &vs);
	core_count(&vs, 0, "same subscription");
	verdicts_init(&vs);
	attach_check_subscription(&id, "00000000-1111-2222-3333-44444444444A"
	    + 0, &vs);
	core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR,
	    MSG_ATTACH_OTHER_SUBSCRIPTION, "a different last digit");
	verdicts_init(&vs);
	memcpy(id.subscription, "ABCDEF01-2345-6789-ABCD-EF0123456789", 37);
	attach_check_subscription(&id, "abcdef01-2345-6789-abcd-ef0123456789",
	    &vs);
	core_count(&vs, 0, "subscriptions compared without case");
	verdicts_init(&vs);
	aks_id_parse(GOOD, &id, FIELD_CLUSTER_ID, &vs);
	attach_check_subscription(&id, SUB2, &vs);
	v = core_expect(&vs, FIELD_CLUSTER_ID, SEV_ERROR,
	    MSG_ATTACH_OTHER_SUBSCRIPTION, "other subscription");
	core_arg(v, 0, SUB, "other subscription: the cluster's");
	core_arg(v, 1, SUB2, "other subscription: the workspace's");
	verdicts_init(&vs);
	attach_check_subscription(&id, NULL, &vs);
	core_count(&vs, 0, "workspace subscription unknown");
	return tap_done();
}
