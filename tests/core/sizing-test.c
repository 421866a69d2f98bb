/* core/rules-sizing.c: purpose x size, node limits and quota. */
#include "config.h"

#include "core/rules.h"
#include "core-test.h"

#define NONE	MSG__COUNT

static const struct {
	enum purpose	 purpose;
	int		 nodes, vcpus;
	enum msg_id	 msg[2];	/* expected errors or warnings */
	enum severity	 sev;
	const char	*why;
} rows[] = {
	{ PURPOSE_FASTPROD, 3, 4, { NONE }, SEV_ERROR, "3 x 4 = 12: production" },
	{ PURPOSE_FASTPROD, 2, 6, { MSG_PROD_NODES, NONE }, SEV_ERROR,
	    "2 x 6 = 12: too few nodes" },
	{ PURPOSE_FASTPROD, 3, 2, { MSG_PROD_VCPU, NONE }, SEV_ERROR,
	    "3 x 2 = 6: too few vCPU" },
	{ PURPOSE_FASTPROD, 11, 1, { MSG_PROD_VCPU, NONE }, SEV_ERROR,
	    "11 x 1 = 11 vCPU" },
	{ PURPOSE_FASTPROD, 12, 1, { NONE }, SEV_ERROR, "12 x 1 = 12 vCPU" },
	{ PURPOSE_FASTPROD, 2, 2, { MSG_PROD_NODES, MSG_PROD_VCPU }, SEV_ERROR,
	    "2 x 2: both" },
	{ PURPOSE_FASTPROD, 2, 0, { MSG_PROD_NODES, NONE }, SEV_ERROR,
	    "2 nodes, size unknown" },
	{ PURPOSE_FASTPROD, 3, 0, { NONE }, SEV_ERROR, "3 nodes, size unknown" },
	{ PURPOSE_DENSEPROD, 2, 8, { MSG_PROD_NODES, NONE }, SEV_ERROR,
	    "DenseProd is production" },
	{ PURPOSE_DENSEPROD, 3, 3, { MSG_PROD_VCPU, NONE }, SEV_ERROR,
	    "DenseProd 3 x 3 = 9" },
	{ PURPOSE_FASTPROD, 0, 4, { MSG_NODES_INVALID, NONE }, SEV_ERROR,
	    "0 nodes" },
	{ PURPOSE_FASTPROD, -1, 4, { MSG_NODES_INVALID, NONE }, SEV_ERROR,
	    "-1 nodes" },
	{ PURPOSE_FASTPROD, 1000, 4, { NONE }, SEV_ERROR, "1000 nodes" },
	{ PURPOSE_FASTPROD, 1001, 4, { MSG_NODES_MAX, NONE }, SEV_ERROR,
	    "1001 nodes" },
	{ PURPOSE_DEVTEST, 1, 2, { NONE }, SEV_WARNING, "dev-test 1 x 2" },
	{ PURPOSE_DEVTEST, 1, 1, { MSG_DEVTEST_LOW_VCPU, NONE }, SEV_WARNING,
	    "dev-test 1 x 1" },
	{ PURPOSE_DEVTEST, 2, 1, { NONE }, SEV_WARNING, "dev-test 2 x 1" },
	{ PURPOSE_DEVTEST, 1, 0, { NONE }, SEV_WARNING,
	    "dev-test 1 node, size unknown" },
	{ PURPOSE_DEVTEST, 0, 4, { MSG_NODES_INVALID, NONE }, SEV_ERROR,
	    "dev-test 0 nodes" },
	{ PURPOSE_DEVTEST, 1001, 4, { MSG_NODES_MAX, NONE }, SEV_ERROR,
	    "dev-test 1001 nodes" },
};

int
main(void)
{
	struct verdicts		 vs;
	const struct verdict	*v;
	struct quota_facts	 fam, reg;
	size_t			 i, want;
	int			 m;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		verdicts_init(&vs);
		rules_sizing(rows[i].purpose, rows[i].nodes, rows[i].vcpus,
		    false, FIELD_NODE_COUNT, &vs);
		for (want = 0, m = 0; m < 2 && rows[i].msg[m] != NONE; m++) {
			core_expect(&vs, FIELD_NODE_COUNT, rows[i].sev,
			    rows[i].msg[m], rows[i].why);
			want++;
		}
		core_count(&vs, want, rows[i].why);
	}

	/* Arguments name the numbers. */
	verdicts_init(&vs);
	rules_sizing(PURPOSE_FASTPROD, 2, 2, false, FIELD_NODE_COUNT, &vs);
	v = core_find(&vs, MSG_PROD_NODES);
	core_arg(v, 0, "2", "PROD_NODES: nodes");
	is_int(v != NULL ? v->n : -1, 2, "PROD_NODES: plural count");
	v = core_find(&vs, MSG_PROD_VCPU);
	core_arg(v, 0, "2", "PROD_VCPU: nodes");
	core_arg(v, 1, "2", "PROD_VCPU: vCPU per node");
	core_arg(v, 2, "4", "PROD_VCPU: total");
	verdicts_init(&vs);
	rules_sizing(PURPOSE_FASTPROD, 1001, 2, false, FIELD_NODE_COUNT, &vs);
	v = core_find(&vs, MSG_NODES_MAX);
	core_arg(v, 0, "1000", "NODES_MAX: the limit");
	core_arg(v, 1, "1001", "NODES_MAX: the plan's");
	verdicts_init(&vs);
	rules_sizing(PURPOSE_FASTPROD, 0, 2, false, FIELD_NODE_COUNT, &vs);
	core_arg(core_find(&vs, MSG_NODES_INVALID), 0, "1000",
	    "NODES_INVALID: the limit");
	verdicts_init(&vs);
	rules_sizing(PURPOSE_DEVTEST, 1, 1, false, FIELD_NODE_COUNT, &vs);
	core_arg(core_find(&vs, MSG_DEVTEST_LOW_VCPU), 0, "1",
	    "DEVTEST_LOW_VCPU: total");

	/* The caller's field. */
	verdicts_init(&vs);
	rules_sizing(PURPOSE_FASTPROD, 2, 4, false, FIELD_CLUSTER, &vs);
	core_expect(&vs, FIELD_CLUSTER, SEV_ERROR, MSG_PROD_NODES,
	    "verdicts go on the given field");

	/* ok_info: the wizard's live line. */
	verdicts_init(&vs);
	rules_sizing(PURPOSE_FASTPROD, 3, 4, true, FIELD_NODE_COUNT, &vs);
	core_count(&vs, 1, "production OK line");
	v = core_expect(&vs, FIELD_NODE_COUNT, SEV_INFO, MSG_SIZING_OK_PROD,
	    "3 x 4 with ok_info");
	core_arg(v, 2, "12", "SIZING_OK_PROD: total");
	verdicts_init(&vs);
	rules_sizing(PURPOSE_FASTPROD, 2, 4, true, FIELD_NODE_COUNT, &vs);
	ok(core_find(&vs, MSG_SIZING_OK_PROD) == NULL,
	    "no OK line when production fails");
	verdicts_init(&vs);
	rules_sizing(PURPOSE_DEVTEST, 1, 2, true, FIELD_NODE_COUNT, &vs);
	v = core_expect(&vs, FIELD_NODE_COUNT, SEV_INFO, MSG_SIZING_OK_DEVTEST,
	    "dev-test with ok_info");
	core_arg(v, 2, "2", "SIZING_OK_DEVTEST: total");
	core_expect(&vs, FIELD_PURPOSE, SEV_INFO, MSG_DEVTEST_CAVEAT,
	    "dev-test caveat");
	verdicts_init(&vs);
	rules_sizing(PURPOSE_DEVTEST, 1, 2, false, FIELD_NODE_COUNT, &vs);
	core_count(&vs, 0, "dev-test without ok_info says nothing");

	/* Quota: family and region separately, naming the numbers. */
	memset(&fam, 0, sizeof fam);
	memset(&reg, 0, sizeof reg);
	fam.known = reg.known = true;
	fam.limit = 24;
	fam.usage = 12;
	memcpy(fam.label, "Standard Dv2 Family vCPUs", 26);
	reg.limit = 10;
	reg.usage = 7;
	verdicts_init(&vs);
	rules_quota(12, "westeurope", &fam, &reg, &vs);
	core_count(&vs, 1, "12 vCPU: family fits exactly, region does not");
	v = core_expect(&vs, FIELD_NODE_COUNT, SEV_ERROR, MSG_QUOTA_REGIONAL,
	    "regional quota");
	core_arg(v, 0, "westeurope", "regional: location");
	core_arg(v, 1, "10", "regional: limit");
	core_arg(v, 2, "7", "regional: usage");
	core_arg(v, 3, "12", "regional: requested");
	core_arg(v, 4, "3", "regional: free");

	verdicts_init(&vs);
	rules_quota(13, "westeurope", &fam, NULL, &vs);
	v = core_expect(&vs, FIELD_VM_SIZE, SEV_ERROR, MSG_QUOTA_FAMILY,
	    "13 vCPU exceed the family's 12 free");
	core_arg(v, 0, "Standard Dv2 Family vCPUs", "family: label");
	core_arg(v, 1, "westeurope", "family: location");
	core_arg(v, 2, "24", "family: limit");
	core_arg(v, 3, "12", "family: usage");
	core_arg(v, 4, "13", "family: requested");
	core_arg(v, 5, "12", "family: free");

	reg.limit = 100;
	verdicts_init(&vs);
	rules_quota(12, "westeurope", &fam, &reg, &vs);
	core_count(&vs, 0, "both fit at the boundary");

	fam.usage = 30;
	verdicts_init(&vs);
	rules_quota(1, "westeurope", &fam, &reg, &vs);
	core_arg(core_find(&vs, MSG_QUOTA_FAMILY), 5, "0",
	    "usage over the limit shows 0 free");

	fam.known = false;
	reg.known = false;
	verdicts_init(&vs);
	rules_quota(1000, "westeurope", &fam, &reg, &vs);
	core_count(&vs, 0, "unknown quota says nothing");
	return tap_done();
}
