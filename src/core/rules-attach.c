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
#include "core/rules-k8s.h"
#include "core/state.h"

#include <stdio.h>
#include <string.h>
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

/*
 * Today's path (A.10): a managed identity, and production's nodes of at
 * least 4 vCPU and 14 GB (judged on the pools' smallest size).
 */
static void
attach_k8s(const struct cluster_facts *c, const char *name,
    enum purpose purpose, struct verdicts *vs)
{
	const struct vm_size	*size;
	struct verdict		*v;

	if (c->service_principal) {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_ERROR,
		    MSG_K8S_SERVICE_PRINCIPAL);
		verdict_arg(v, "%s", name);
	}
	if (purpose == PURPOSE_DEVTEST || c->smallest_size[0] == '\0' ||
	    (size = vm_catalogue_find(c->smallest_size)) == NULL)
		return;
	if (size->vcpus < K8S_PROD_NODE_VCPU ||
	    size->memory_gb < K8S_PROD_NODE_MEMORY_GB) {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_ERROR,
		    MSG_K8S_PROD_NODE_SIZE);
		verdict_arg(v, "%s", size->name);
		verdict_arg(v, "%d", size->vcpus);
		verdict_arg(v, "%g", size->memory_gb);
	}
}

/* Every attach verdict on an existing cluster, as a compute of type. */
void
rules_attach_cluster_as(const struct cluster_facts *c, enum compute_type type,
    enum purpose purpose, const char *workspace_subscription,
    const struct k8s_offer *offers, size_t n_offers, struct verdicts *vs)
{
	bool		 k8s = type == COMPUTE_KUBERNETES;
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
	if (k8s)
		attach_k8s(c, name, purpose, vs);
	if (c->attached_workspace[0] != '\0') {
		/* Today's path shares a cluster (C.6); a legacy one does not. */
		v = verdicts_add(vs, FIELD_CLUSTER, !k8s ||
		    strcasecmp(c->attached_type, "AKS") == 0 ? SEV_ERROR :
		    SEV_INFO, !k8s ? MSG_CLUSTER_ATTACHED :
		    strcasecmp(c->attached_type, "AKS") == 0 ?
		    MSG_K8S_ATTACHED_LEGACY : MSG_K8S_ATTACHED_SHARED);
		verdict_arg(v, "%s", name);
		verdict_arg(v, "%s", c->attached_workspace);
		verdict_arg(v, "%s", c->attached_as);
	}
	if (verdicts_count(vs, SEV_ERROR) == errors) {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_INFO, MSG_CLUSTER_OK);
		verdict_arg(v, "%s", name);
	}
}

void
rules_attach_cluster(const struct cluster_facts *c, enum purpose purpose,
    const char *workspace_subscription, const struct k8s_offer *offers,
    size_t n_offers, struct verdicts *vs)
{
	rules_attach_cluster_as(c, COMPUTE_AKS, purpose,
	    workspace_subscription, offers, n_offers, vs);
}

/*
 * The settings that carry the choices (B.5); the rest is bookkeeping
 * (location, names) that an update need not change.
 */
static const char *const choice_keys[] = {
	"enableInference", "enableTraining", EXT_SET_ROUTER,
	"scoringFe.serviceType.nodePort", EXT_SET_ILB_PROVIDER,
	"scoringFe.serviceType.internalLoadBalancer", EXT_SET_INSECURE,
	EXT_SET_CNAME, EXT_SET_PURPOSE, "inferenceRouterHA",
	"scoringFe.enableUpgrade"
};

bool
k8s_extension_same(const struct ext_settings *want,
    const struct ext_settings *have, struct verdicts *vs)
{
	const char	*a, *b;
	struct verdict	*v;
	bool		 same = true;
	size_t		 i;

	for (i = 0; i < sizeof choice_keys / sizeof choice_keys[0]; i++) {
		a = ext_settings_get(have, choice_keys[i]);
		b = ext_settings_get(want, choice_keys[i]);
		if (a == NULL)
			a = "";
		if (b == NULL)
			b = "";
		/* Values compare as the CLI compares them: without case. */
		if (strcasecmp(a, b) == 0)
			continue;
		same = false;
		if (vs == NULL)
			continue;
		v = verdicts_add(vs, FIELD_EXTENSION, SEV_INFO, MSG_EXT_CHANGE);
		verdict_arg(v, "%s", choice_keys[i]);
		verdict_arg(v, "%s", a);
		verdict_arg(v, "%s", b);
	}
	return same;
}

/* "key=value, ..." of the choices have sets, as much as fits in buf. */
static void
choices_text(const struct ext_settings *have, char *buf, size_t len)
{
	const char	*val;
	size_t		 i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof choice_keys / sizeof choice_keys[0]; i++) {
		if ((val = ext_settings_get(have, choice_keys[i])) == NULL ||
		    n >= len)
			continue;
		snprintf(buf + n, len - n, "%s%s=%s", n > 0 ? ", " : "",
		    choice_keys[i], val);
		n = strlen(buf);
	}
}

void
rules_attach_extension(const char *cluster, const struct ext_settings *want,
    bool tls_custom, bool present, const char *state,
    const struct ext_settings *have, struct verdicts *vs)
{
	struct verdict		*v;
	char			 text[VERDICT_ARG_LEN];
	enum provisioning_state	 ps;

	if (!present) {
		verdict_arg(verdicts_add(vs, FIELD_EXTENSION, SEV_INFO,
		    MSG_EXT_INSTALL), "%s", cluster);
		return;
	}
	ps = provisioning_state_parse(state != NULL ? state : "");
	if (ps == PROV_FAILED || ps == PROV_CANCELED) {
		v = verdicts_add(vs, FIELD_EXTENSION, SEV_WARNING,
		    MSG_EXT_FAILED);
		verdict_arg(v, "%s", cluster);
		verdict_arg(v, "%s", state);
		return;
	}
	if (ps != PROV_SUCCEEDED) {
		v = verdicts_add(vs, FIELD_EXTENSION, SEV_ERROR, MSG_EXT_BUSY);
		verdict_arg(v, "%s", cluster);
		verdict_arg(v, "%s", state != NULL && *state != '\0' ? state :
		    "Unknown");
		return;
	}
	if (k8s_extension_same(want, have, vs) && !tls_custom) {
		choices_text(have, text, sizeof text);
		v = verdicts_add(vs, FIELD_EXTENSION, SEV_INFO, MSG_EXT_SAME);
		verdict_arg(v, "%s", cluster);
		verdict_arg(v, "%s", text);
		return;
	}
	verdict_arg(verdicts_add(vs, FIELD_EXTENSION, SEV_INFO,
	    MSG_EXT_UPDATE), "%s", cluster);
	if (tls_custom)
		verdicts_add(vs, FIELD_EXTENSION, SEV_INFO, MSG_EXT_CERT_AGAIN);
}
