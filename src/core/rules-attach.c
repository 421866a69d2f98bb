/*
 * The attach verdicts on an existing AKS cluster (DESIGN.md "Attach"):
 * same subscription as the workspace, provisioned and running, a supported
 * Kubernetes version, big enough for the purpose, and not attached
 * already, since a second attachment breaks the first.  A private cluster
 * and authorized IP ranges are warnings: they can work, but only when the
 * network allows it, which core cannot know.
 */
#include "config.h"
#include "core/rules.h"
#include "core/state.h"

#include <strings.h>

/* Is the cluster provisioned and running (power state unknown is fine)? */
static bool
attach_ready(const struct cluster_facts *c, const char **state)
{
	if (provisioning_state_parse(c->provisioning_state) !=
	    PROV_SUCCEEDED) {
		*state = c->provisioning_state[0] != '\0' ?
		    c->provisioning_state : "Unknown";
		return false;
	}
	if (c->power_state[0] != '\0' &&
	    strcasecmp(c->power_state, "Running") != 0) {
		*state = c->power_state;
		return false;
	}
	return true;
}

/* The purpose's size rules on the cluster's pools as a whole. */
static void
attach_size(const struct cluster_facts *c, const char *name,
    enum purpose purpose, struct verdicts *vs)
{
	struct verdict	*v;

	if (purpose == PURPOSE_DEVTEST) {
		if (c->node_count < DEVTEST_MIN_NODES)
			verdicts_add(vs, FIELD_CLUSTER, SEV_ERROR,
			    MSG_DEVTEST_NODES);
		else if (c->vcpu_total > 0 &&
		    c->vcpu_total < DEVTEST_RECOMMENDED_VCPU) {
			v = verdicts_add(vs, FIELD_CLUSTER, SEV_WARNING,
			    MSG_DEVTEST_LOW_VCPU);
			verdict_arg(v, "%d", c->vcpu_total);
		}
		return;
	}
	if (c->vcpu_total <= 0) {
		/* vCPU unknown: only the node count can be judged. */
		if (c->node_count < PROD_MIN_NODES) {
			v = verdicts_add(vs, FIELD_CLUSTER, SEV_ERROR,
			    MSG_PROD_NODES);
			v->n = c->node_count;
			verdict_arg(v, "%d", c->node_count);
		}
		return;
	}
	if (c->node_count < PROD_MIN_NODES || c->vcpu_total < PROD_MIN_VCPU) {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_ERROR,
		    MSG_CLUSTER_TOO_SMALL);
		v->n = c->node_count;	/* "1 node" */
		verdict_arg(v, "%s", name);
		verdict_arg(v, "%d", c->node_count);
		verdict_arg(v, "%d", c->vcpu_total);
	}
}

/* Every attach verdict on an existing cluster. */
void
rules_attach_cluster(const struct cluster_facts *c, enum purpose purpose,
    const char *workspace_subscription, const struct k8s_offer *offers,
    size_t n_offers, struct verdicts *vs)
{
	struct verdict	*v;
	struct aks_id	 id;
	const char	*name = c->name[0] != '\0' ? c->name : c->id;
	const char	*state = "";
	size_t		 errors = verdicts_count(vs, SEV_ERROR);

	if (c->id[0] != '\0' && aks_id_parse(c->id, &id, FIELD_CLUSTER_ID, vs))
		attach_check_subscription(&id, workspace_subscription, vs);
	if (!attach_ready(c, &state)) {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_ERROR,
		    MSG_CLUSTER_NOT_READY);
		verdict_arg(v, "%s", name);
		verdict_arg(v, "%s", state);
	}
	if (n_offers > 0 && c->version[0] != '\0')
		k8s_version_check(c->version, offers, n_offers, FIELD_CLUSTER,
		    vs);
	attach_size(c, name, purpose, vs);
	if (c->private_cluster) {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_WARNING,
		    MSG_CLUSTER_PRIVATE);
		verdict_arg(v, "%s", name);
	}
	if (c->authorized_ranges[0] != '\0') {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_WARNING,
		    MSG_CLUSTER_AUTHORIZED_IPS);
		verdict_arg(v, "%s", name);
		verdict_arg(v, "%s", c->authorized_ranges);
	}
	if (c->attached_workspace[0] != '\0') {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_ERROR,
		    MSG_CLUSTER_ATTACHED);
		verdict_arg(v, "%s", name);
		verdict_arg(v, "%s", c->attached_workspace);
		verdict_arg(v, "%s", c->attached_as);
	}
	if (verdicts_count(vs, SEV_ERROR) == errors) {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_INFO, MSG_CLUSTER_OK);
		verdict_arg(v, "%s", name);
	}
}
