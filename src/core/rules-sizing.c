/*
 * Purpose x size and quota (DESIGN.md): production (FastProd, and
 * DenseProd, which the API accepts and treats alike) needs at least 3
 * nodes and nodes x vCPU of at least 12; dev-test needs 1 node and warns
 * under 2 vCPU in total, a recommendation rather than a service check.
 * Quota is two-tier, the size family's vCPU and the region's, and either
 * one blocks a deployment, so each gets its own verdict with the numbers.
 */
#include "config.h"
#include "core/rules.h"

/* Production or not: DenseProd is held to the same rules as FastProd. */
static bool
sizing_is_production(enum purpose p)
{
	return p != PURPOSE_DEVTEST;
}

/* Nodes and vCPU against what the purpose needs. */
void
rules_sizing(enum purpose purpose, int nodes, int vcpus_per_node,
    bool ok_info, enum plan_field field, struct verdicts *vs)
{
	struct verdict	*v;
	size_t		 errors = verdicts_count(vs, SEV_ERROR);
	long		 total = (long)nodes * vcpus_per_node;

	if (nodes < 1) {
		v = verdicts_add(vs, field, SEV_ERROR, MSG_NODES_INVALID);
		verdict_arg(v, "%d", AKS_MAX_NODES);
		return;
	}
	if (nodes > AKS_MAX_NODES) {
		v = verdicts_add(vs, field, SEV_ERROR, MSG_NODES_MAX);
		verdict_arg(v, "%d", AKS_MAX_NODES);
		verdict_arg(v, "%d", nodes);
		return;
	}
	if (vcpus_per_node < 0)
		vcpus_per_node = 0;
	if (sizing_is_production(purpose)) {
		if (nodes < PROD_MIN_NODES) {
			v = verdicts_add(vs, field, SEV_ERROR, MSG_PROD_NODES);
			v->n = nodes;
			verdict_arg(v, "%d", nodes);
		}
		if (vcpus_per_node > 0 && total < PROD_MIN_VCPU) {
			v = verdicts_add(vs, field, SEV_ERROR, MSG_PROD_VCPU);
			verdict_arg(v, "%d", nodes);
			verdict_arg(v, "%d", vcpus_per_node);
			verdict_arg(v, "%ld", total);
		}
		if (ok_info && vcpus_per_node > 0 &&
		    verdicts_count(vs, SEV_ERROR) == errors) {
			v = verdicts_add(vs, field, SEV_INFO,
			    MSG_SIZING_OK_PROD);
			v->n = nodes;
			verdict_arg(v, "%d", nodes);
			verdict_arg(v, "%d", vcpus_per_node);
			verdict_arg(v, "%ld", total);
		}
		return;
	}
	if (vcpus_per_node > 0 && total < DEVTEST_RECOMMENDED_VCPU) {
		v = verdicts_add(vs, field, SEV_WARNING, MSG_DEVTEST_LOW_VCPU);
		verdict_arg(v, "%ld", total);
	}
	if (ok_info) {
		if (vcpus_per_node > 0) {
			v = verdicts_add(vs, field, SEV_INFO,
			    MSG_SIZING_OK_DEVTEST);
			v->n = nodes;
			verdict_arg(v, "%d", nodes);
			verdict_arg(v, "%d", vcpus_per_node);
			verdict_arg(v, "%ld", total);
		}
		verdicts_add(vs, FIELD_PURPOSE, SEV_INFO, MSG_DEVTEST_CAVEAT);
	}
}

/* The vCPU a quota line has left; never negative. */
static long
quota_free(const struct quota_facts *q)
{
	return q->limit > q->usage ? q->limit - q->usage : 0;
}

/* Requested vCPU against the family's and the region's free vCPU. */
void
rules_quota(long requested_vcpu, const char *location,
    const struct quota_facts *family, const struct quota_facts *regional,
    struct verdicts *vs)
{
	struct verdict	*v;

	if (location == NULL)
		location = "";
	if (family != NULL && family->known &&
	    requested_vcpu > quota_free(family)) {
		v = verdicts_add(vs, FIELD_VM_SIZE, SEV_ERROR,
		    MSG_QUOTA_FAMILY);
		verdict_arg(v, "%s", family->label[0] != '\0' ?
		    family->label : "VM family vCPUs");
		verdict_arg(v, "%s", location);
		verdict_arg(v, "%ld", family->limit);
		verdict_arg(v, "%ld", family->usage);
		verdict_arg(v, "%ld", requested_vcpu);
		verdict_arg(v, "%ld", quota_free(family));
	}
	if (regional != NULL && regional->known &&
	    requested_vcpu > quota_free(regional)) {
		v = verdicts_add(vs, FIELD_NODE_COUNT, SEV_ERROR,
		    MSG_QUOTA_REGIONAL);
		verdict_arg(v, "%s", location);
		verdict_arg(v, "%ld", regional->limit);
		verdict_arg(v, "%ld", regional->usage);
		verdict_arg(v, "%ld", requested_vcpu);
		verdict_arg(v, "%ld", quota_free(regional));
	}
}
