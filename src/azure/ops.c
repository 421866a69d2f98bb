/*
 * Performing plans (ops.h): preflight, submit, monitor, resume.
 *
 * Deliberate choices:
 * - The journal entry is written before the request is sent (state
 *   "Submitting"), and again with the operation URL before the first
 *   poll; so even a crash between the PUT and its answer leaves a trace
 *   that `akswiz watch` settles by looking at the compute.
 * - A create or attach PUT is sent with no_retry (http.c does not repeat
 *   it); when its answer is lost or is a 408/429/5xx, the compute is
 *   looked up first, and only a compute that does not exist is sent again.
 *   Preflight established that the name was free, so an existing compute
 *   is ours.
 * - A poll that fails at the transport level does not end the operation:
 *   it is still running in Azure.  After max_poll_errors failures in a
 *   row the command gives up with OPS_ERROR and leaves the journal open.
 */
#include "config.h"
#include "azure/ops.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "azure/arm.h"
#include "azure/armerror.h"
#include "azure/cert.h"
#include "azure/clusters.h"
#include "azure/http.h"
#include "azure/journal.h"
#include "azure/kube.h"
#include "azure/lro.h"
#include "azure/ops-deploy.h"
#include "azure/retry.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/ids.h"
#include "core/rules.h"
#include "core/rules-k8s.h"
#include "core/rules-deploy.h"
#include "core/state.h"
#include "core/vmcatalogue.h"
#include "plan/plan-deploy.h"
#include "plan/plan-endpoint.h"
#include "plan/plan-json.h"
#include "plan/plan-jw.h"
#include "plan/plan-k8s.h"
#include "plan/plan-steps.h"

#define OPS_SUBMIT_TRIES	5

/* Defaults: AzureCloud, other workspaces checked. */
void
ops_init(struct ops *o, struct arm *arm)
{
	memset(o, 0, sizeof *o);
	o->arm = arm;
	o->cloud = CLOUD_AZURE;
	o->check_other_workspaces = true;
	journal_lock_init(&o->lock);
}

void
ops_done(struct ops *o)
{
	journal_unlock(&o->lock);
}

/* The machine name of a result. */
const char *
ops_result_name(enum ops_result r)
{
	switch (r) {
	case OPS_SUCCEEDED:	return "succeeded";
	case OPS_SUBMITTED:	return "submitted";
	case OPS_FAILED:	return "failed";
	case OPS_CANCELED:	return "canceled";
	case OPS_PARTIAL:	return "partial";
	case OPS_ERROR:		break;
	}
	return "error";
}

/* Copy src (or "") into dst, cut to len. */
static void
copy(char *dst, size_t len, const char *src)
{
	/* Fields are sized for what Azure sends; longer ones are cut. */
	(void)strlcpy_ok(dst, src != NULL ? src : "", len);
}

/* Preflight. */

void
ops_quota_facts(const struct arm_usage *u, struct quota_facts *q)
{
	memset(q, 0, sizeof *q);
	if (u == NULL)
		return;
	q->known = true;
	q->limit = u->limit;
	q->usage = u->current;
	copy(q->label, sizeof q->label, u->label != NULL ? u->label :
	    u->name);
}

/* Take the lock of the plan's compute (not for a plan without scope). */
static bool
ops_lock(struct ops *o, const struct plan *p, struct err *err)
{
	if (p->scope.subscription[0] == '\0' ||
	    p->scope.resource_group[0] == '\0' ||
	    p->scope.workspace[0] == '\0' || p->name[0] == '\0')
		return true;
	return journal_lock(&o->lock, p->scope.subscription,
	    p->scope.resource_group, p->scope.workspace, p->name,
	    plan_op_name(p->op), err);
}

/* Today's path: do plans a and b create the same cluster? */
static bool
same_cluster(const struct plan *a, const struct plan *b)
{
	char	*x = plan_k8s_cluster_id(a), *y = plan_k8s_cluster_id(b);
	bool	 same = arm_id_equal(x, y);

	free(x);
	free(y);
	return same;
}

/*
 * The journal entry that has p as partly applied: the newest entry of
 * p's compute, closed as PartlyApplied, of the same operation on the same
 * cluster, whose compute is there with that cluster (from cl, or a GET
 * when cl is NULL).  Then applying p again sends only the steps from
 * je->step on.
 */
static bool
partial_of(struct ops *o, const struct plan *p,
    const struct arm_compute_list *cl, struct journal_entry *je)
{
	struct plan		 jp;
	struct arm_compute	 c;
	struct err		 err;
	bool			 found = false, same;
	size_t			 i;

	bool			 k8s = p->op == PLAN_CREATE &&
				    p->type == COMPUTE_KUBERNETES;
	bool			 migrate = p->op == PLAN_MIGRATE;
	bool			 deploy = p->op == PLAN_DEPLOY;
	/* A detach or delete with later steps on the compute's cluster. */
	bool			 removal = (p->op == PLAN_DETACH ||
				    p->op == PLAN_DELETE) &&
				    p->cluster_id[0] != '\0';

	if ((p->op != PLAN_ATTACH && !k8s && !migrate && !removal &&
	    !deploy) ||
	    !journal_find_partial(o->arm->endpoint,
	    p->scope.subscription, p->scope.resource_group,
	    p->scope.workspace, p->name, je))
		return false;
	err_clear(&err);
	same = strcmp(je->operation, plan_op_name(p->op)) == 0 &&
	    je->plan_json != NULL && plan_json_parse(je->plan_json,
	    strlen(je->plan_json), &jp, &err) && (k8s ?
	    jp.type == COMPUTE_KUBERNETES && same_cluster(&jp, p) : deploy ?
	    strcmp(jp.endpoint_name, p->endpoint_name) == 0 &&
	    strcmp(jp.deployment.name, p->deployment.name) == 0 :
	    arm_id_equal(jp.cluster_id, p->cluster_id));
	if (same && (k8s || migrate || deploy))
		/*
		 * Its cluster (step 1) is there; the compute comes last.  A
		 * migration's steps all look at their target first.
		 */
		found = true;
	else if (same && removal) {
		/* Its first step, the compute's DELETE, done: it is gone. */
		for (i = 0; cl != NULL && i < cl->n; i++)
			if (strcasecmp(cl->v[i].name, p->name) == 0)
				found = true;
		if (cl == NULL && !arm_get_compute(o->arm,
		    p->scope.subscription, p->scope.resource_group,
		    p->scope.workspace, p->name, &c, &found, &err))
			found = true;	/* unknown: not taken as done */
		if (cl == NULL)
			arm_compute_done(&c);
		found = !found;
	} else if (same && cl != NULL) {
		for (i = 0; i < cl->n; i++)
			if (strcasecmp(cl->v[i].name, p->name) == 0 &&
			    cl->v[i].resource_id != NULL &&
			    arm_id_equal(cl->v[i].resource_id, p->cluster_id))
				found = true;
	} else if (same) {
		if (arm_get_compute(o->arm, p->scope.subscription,
		    p->scope.resource_group, p->scope.workspace, p->name, &c,
		    &found, &err))
			found = found && c.resource_id != NULL &&
			    arm_id_equal(c.resource_id, p->cluster_id);
		else
			found = false;
		arm_compute_done(&c);
	}
	if (!found)
		journal_entry_done(je);
	return found;
}

/* The resource providers today's path needs (kubernetes-path.md B.1). */
static const char *const k8s_providers[] = {
	"Microsoft.ContainerService", "Microsoft.KubernetesConfiguration"
};
#define K8S_PROVIDERS	(sizeof k8s_providers / sizeof k8s_providers[0])
#define REGISTER_POLLS	120

/*
 * Register provider ns (POST register), then wait until it says
 * Registered; state is the last one read.  False + err when a request
 * fails; true with state other than Registered when it took too long.
 */
static bool
register_provider(struct ops *o, const char *sub, const char *ns,
    char *state, size_t len, struct err *err)
{
	int	i;

	if (!arm_register_provider(o->arm, sub, ns, state, len, err))
		return false;
	for (i = 0; i < REGISTER_POLLS &&
	    strcasecmp(state, "Registered") != 0; i++) {
		clock_sleep_ms(o->min_poll_ms > 0 ? o->min_poll_ms : 5000);
		if (!arm_get_provider(o->arm, sub, ns, state, len, err))
			return false;
	}
	return true;
}

/*
 * Today's path, before step 1: the providers registered (registered now
 * when o->register_providers; else the ones that are not go in unreg),
 * and whether the cluster's name is taken in its group.
 */
static bool
k8s_facts(struct ops *o, const struct plan *p, bool partial,
    const char **unreg, struct plan_facts *f, struct err *err)
{
	char	 state[32], *id;
	size_t	 i;
	bool	 ok, exists;

	f->unregistered = unreg;
	f->n_unregistered = 0;
	for (i = 0; i < K8S_PROVIDERS; i++) {
		if (!arm_get_provider(o->arm, p->scope.subscription,
		    k8s_providers[i], state, sizeof state, err))
			return false;
		if (strcasecmp(state, "Registered") != 0 &&
		    o->register_providers &&
		    !register_provider(o, p->scope.subscription,
		    k8s_providers[i], state, sizeof state, err))
			return false;
		if (strcasecmp(state, "Registered") != 0)
			unreg[f->n_unregistered++] = k8s_providers[i];
	}
	/* Partly applied before: the cluster is this plan's own. */
	if (partial)
		return true;
	id = plan_k8s_cluster_id(p);
	ok = arm_resource_exists(o->arm, id, PLAN_K8S_AKS_API_VERSION,
	    &exists, err);
	free(id);
	f->cluster_known = ok;
	f->cluster_exists = ok && exists;
	return ok;
}

/*
 * Today's path, the cluster there: does the compute's namespace exist
 * (a GET through the cluster's Kubernetes API)?  Not known when the API
 * cannot be reached: the namespace step looks again before it creates.
 */
static void
namespace_facts(struct ops *o, const struct plan *p, struct plan_facts *f)
{
	struct kube_conn	 k;
	struct http_response	 rsp;
	struct err		 err;
	char			*id, *path;

	if (strcmp(plan_namespace(p), "default") == 0)
		return;
	err_clear(&err);
	id = plan_steps_cluster_id(p);
	if (!kube_connect(o->arm, o->kube_http, id, &k, &err)) {
		free(id);
		return;
	}
	free(id);
	xasprintf(&path, "/api/v1/namespaces/%s", plan_namespace(p));
	http_response_init(&rsp);
	if (kube_call(&k, "GET", path, NULL, NULL, &rsp, &err) &&
	    (rsp.status == 200 || rsp.status == 404)) {
		f->namespace_known = true;
		f->namespace_exists = rsp.status == 200;
	}
	http_response_done(&rsp);
	free(path);
	kube_disconnect(&k);
}

/*
 * Today's path on an existing cluster (attach, update): its azureml
 * extension as it is (ext), the settings the plan wants and those it has
 * (allocated into *want and *have), as facts for the rules.
 */
static bool
k8s_extension_facts(struct ops *o, const struct plan *p, const char *loc,
    struct arm_extension *ext, struct ext_settings **want,
    struct ext_settings **have, struct plan_facts *f, struct err *err)
{
	bool	found = false;
	size_t	i;

	if (!arm_get_extension(o->arm, p->cluster_id, EXT_NAME, ext, &found,
	    err))
		return false;
	*want = xcalloc(1, sizeof **want);
	*have = xcalloc(1, sizeof **have);
	plan_k8s_extension_settings(p, loc, *want);
	ext_settings_init(*have);
	for (i = 0; found && i < ext->nsettings; i++)
		ext_settings_set(*have, ext->setting_keys[i],
		    ext->setting_values[i]);
	f->extension_known = true;
	f->extension_present = found;
	f->extension_state = ext->provisioning_state;
	f->extension_settings = *have;
	f->extension_wanted = *want;
	return true;
}

/*
 * Deploying (create-endpoint): the type of the plan's compute (from cl)
 * and whether the endpoint's name is taken (a GET of it).
 */
static bool
endpoint_facts(struct ops *o, const struct plan *p,
    const struct arm_compute_list *cl, struct plan_facts *f,
    struct err *err)
{
	char	*id;
	bool	 ok;
	size_t	 i;

	for (i = 0; i < cl->n; i++)
		if (strcasecmp(cl->v[i].name, p->name) == 0)
			f->endpoint_compute_type = cl->v[i].compute_type;
	/* A name the rules refuse is not put in a URL. */
	if (!deploy_name_valid(p->endpoint_name))
		return true;
	id = plan_endpoint_id(p);
	ok = arm_resource_exists(o->arm, id, PLAN_ENDPOINT_API_VERSION,
	    &f->endpoint_exists, err);
	free(id);
	f->endpoint_known = ok;
	return ok;
}

/* Fetch the live facts the plan's operation needs and run plan_check(). */
bool
ops_preflight(struct ops *o, const struct plan *p, struct verdicts *vs,
    struct err *err)
{
	struct plan_facts		 f;
	struct arm_workspace		 ws = { 0 };
	struct arm_compute_list		 cl = { 0 };
	struct arm_vm_size_list		 sizes = { 0 };
	struct arm_usage_list		 usages = { 0 };
	struct arm_cluster		 cluster = { 0 };
	struct arm_k8s_version_list	 versions = { 0 };
	struct cluster_facts		 cf;
	struct vm_size			 live_size;
	struct aks_id			 id;
	struct verdicts			 scratch;
	struct k8s_offer		*offers = NULL;
	const char			**names = NULL;
	const char			*unreg[K8S_PROVIDERS];
	struct journal_entry		 pj;
	struct arm_extension		 ext = { 0 };
	struct ext_settings		*want = NULL, *have = NULL;
	struct ops_deploy_facts		 df;
	const char			*loc;
	bool				 ok = false, partial = false;
	size_t				 i;

	memset(&df, 0, sizeof df);
	o->resume_step = 0;
	o->resume_journal[0] = '\0';
	memset(&f, 0, sizeof f);
	f.cloud = o->cloud;
	f.workspace_subscription = p->scope.subscription;
	/*
	 * A custom certificate is checked first, here as core does no file
	 * I/O: one that cannot serve is refused before any request.
	 */
	if (!cert_check_plan(p, clock_now(), vs) ||
	    !ops_deploy_check_files(p, vs)) {
		plan_check(p, &f, vs);
		return true;
	}
	if (p->scope.subscription[0] == '\0' ||
	    p->scope.resource_group[0] == '\0' ||
	    p->scope.workspace[0] == '\0') {
		/* Nothing live can be known: the rules say what is missing. */
		plan_check(p, &f, vs);
		return true;
	}
	/* Held from here to the end of the apply: one akswiz per compute. */
	if (!ops_lock(o, p, err))
		return false;
	if (!arm_get_workspace(o->arm, p->scope.subscription,
	    p->scope.resource_group, p->scope.workspace, &ws, err))
		goto out;
	f.workspace_location = ws.location;
	if (!arm_list_computes(o->arm, p->scope.subscription,
	    p->scope.resource_group, p->scope.workspace, &cl, err))
		goto out;
	names = xcalloc(cl.n ? cl.n : 1, sizeof *names);
	for (i = 0; i < cl.n; i++)
		names[i] = cl.v[i].name;
	f.existing_names = names;
	f.n_existing_names = cl.n;
	/* Detach and update need the name to exist, not to be free. */
	f.names_known = p->op == PLAN_CREATE || p->op == PLAN_ATTACH ||
	    p->op == PLAN_MIGRATE;	/* its new compute's name */
	/* Partly applied before: the compute is ours, the rest is sent. */
	if ((partial = partial_of(o, p, &cl, &pj))) {
		o->resume_step = pj.step;
		copy(o->resume_journal, sizeof o->resume_journal, pj.path);
		journal_entry_done(&pj);
		f.names_known = false;
	}
	if (p->op == PLAN_DETACH || p->op == PLAN_UPDATE ||
	    p->op == PLAN_SCALE || p->op == PLAN_DELETE ||
	    p->op == PLAN_MIGRATE || p->op == PLAN_CREATE_ENDPOINT ||
	    p->op == PLAN_DEPLOY) {
		bool found = false;

		for (i = 0; i < cl.n; i++)
			if (strcasecmp(cl.v[i].name, p->name) == 0)
				found = true;
		if (!found && p->name[0] != '\0' && !partial) {
			err_set(err, ERR_USAGE, _("workspace %s has no compute "
			    "named \"%s\""), p->scope.workspace, p->name);
			goto out;
		}
		/* A migration moves a legacy compute, and only that. */
		for (i = 0; p->op == PLAN_MIGRATE && i < cl.n; i++)
			if (strcasecmp(cl.v[i].name, p->name) == 0 &&
			    (cl.v[i].compute_type == NULL ||
			    strcasecmp(cl.v[i].compute_type, "AKS") != 0)) {
				/* TRANSLATORS: %2$s is a compute type. */
				err_set(err, ERR_USAGE, _("%s is of compute "
				    "type %s: only a legacy AKS compute is "
				    "migrated"), p->name, cl.v[i].compute_type
				    != NULL ? cl.v[i].compute_type : "?");
				goto out;
			}
	}
	if (p->op == PLAN_CREATE_ENDPOINT && !endpoint_facts(o, p, &cl, &f,
	    err))
		goto out;
	if (p->op == PLAN_DEPLOY && !ops_deploy_facts(o, p, &cl, partial,
	    &df, &f, err))
		goto out;
	loc = p->location[0] != '\0' ? p->location : ws.location;
	if (p->op == PLAN_CREATE && loc != NULL && p->vm_size[0] != '\0') {
		const struct vm_size	*cat = vm_catalogue_find(p->vm_size);
		const struct arm_usage	*fam = NULL;

		if (!arm_list_vm_sizes(o->arm, p->scope.subscription, loc,
		    &sizes, err))
			goto out;
		f.sizes_known = true;
		for (i = 0; i < sizes.n; i++)
			if (strcasecmp(sizes.v[i].name, p->vm_size) == 0) {
				f.size_offered = true;
				if (cat == NULL) {
					/* Not in the catalogue: the live list
					 * still knows its vCPU. */
					memset(&live_size, 0, sizeof live_size);
					live_size.name = sizes.v[i].name;
					live_size.vcpus = sizes.v[i].vcpus;
					live_size.memory_gb =
					    sizes.v[i].memory_mb / 1024.0;
					f.size = &live_size;
				}
			}
		if (!arm_list_usages(o->arm, p->scope.subscription, loc,
		    &usages, err))
			goto out;
		if (cat != NULL && cat->family != NULL)
			fam = arm_usage_find(&usages, cat->family);
		ops_quota_facts(fam, &f.family_quota);
		ops_quota_facts(arm_usage_find(&usages, "cores"), &f.regional_quota);
	}
	if (p->op == PLAN_CREATE && p->type == COMPUTE_KUBERNETES &&
	    !k8s_facts(o, p, partial, unreg, &f, err))
		goto out;
	/* A migration's cluster is there: only the providers are looked at. */
	if (p->op == PLAN_MIGRATE && !k8s_facts(o, p, true, unreg, &f, err))
		goto out;
	/* The namespace, where the cluster is there (an attach's always). */
	if (p->op == PLAN_MIGRATE || (p->op == PLAN_ATTACH &&
	    p->type == COMPUTE_KUBERNETES) || (p->op == PLAN_CREATE &&
	    p->type == COMPUTE_KUBERNETES && (partial || f.cluster_exists)))
		namespace_facts(o, p, &f);
	/* A version asked for is checked against the region's. */
	if (p->op == PLAN_CREATE && p->type == COMPUTE_KUBERNETES &&
	    p->cluster.kubernetes_version[0] != '\0' && loc != NULL) {
		if (!arm_list_k8s_versions(o->arm, p->scope.subscription, loc,
		    &versions, err))
			goto out;
		offers = cluster_offers_from(&versions);
		f.offers = offers;
		f.n_offers = versions.n;
	}
	if (p->op == PLAN_ATTACH && p->cluster_id[0] != '\0') {
		verdicts_init(&scratch);
		if (aks_id_parse(p->cluster_id, &id, FIELD_CLUSTER_ID,
		    &scratch) && strcasecmp(id.subscription,
		    p->scope.subscription) == 0) {
			if (!arm_get_cluster(o->arm, p->cluster_id, &cluster,
			    err)) {
				if (err->http_status == 404)
					err->kind = ERR_USAGE;
				goto out;
			}
			cluster_facts_from(&cluster, &cf);
			cluster_attachment(o, &p->scope, &cl, p->cluster_id,
			    NULL, &cf);
			/* Attached by this plan's first step: ours. */
			if (partial && strcasecmp(cf.attached_as, p->name) ==
			    0 && strcasecmp(cf.attached_workspace,
			    p->scope.workspace) == 0)
				cf.attached_as[0] = cf.attached_workspace[0] =
				    '\0';
			f.cluster = &cf;
			if (cluster.location != NULL) {
				if (!arm_list_k8s_versions(o->arm,
				    p->scope.subscription, cluster.location,
				    &versions, err))
					goto out;
				offers = cluster_offers_from(&versions);
				f.offers = offers;
				f.n_offers = versions.n;
			}
		}
	}
	/* Today's path on an existing cluster: its extension as it is. */
	if ((p->op == PLAN_ATTACH || p->op == PLAN_UPDATE) &&
	    p->type == COMPUTE_KUBERNETES && p->cluster_id[0] != '\0' &&
	    (p->op == PLAN_UPDATE || f.cluster != NULL)) {
		if (!k8s_extension_facts(o, p, loc, &ext, &want, &have, &f,
		    err))
			goto out;
	}
	plan_check(p, &f, vs);
	ok = true;
out:
	/* Kept only for an apply that goes ahead. */
	if (!ok || verdicts_has_errors(vs))
		journal_unlock(&o->lock);
	free(offers);
	free(names);
	arm_k8s_version_list_free(&versions);
	arm_cluster_done(&cluster);
	arm_usage_list_free(&usages);
	arm_vm_size_list_free(&sizes);
	arm_compute_list_free(&cl);
	arm_workspace_done(&ws);
	arm_extension_done(&ext);
	ops_deploy_facts_done(&df);
	free(want);
	free(have);
	return ok;
}

/* Hints. */

/* The number after label in s ("Additional Required: 12"), or -1. */
static long
number_after(const char *s, const char *label)
{
	const char	*p = s != NULL ? strstr(s, label) : NULL;

	if (p == NULL)
		return -1;
	p += strlen(label);
	while (*p == ' ' || *p == ':')
		p++;
	return strtol(p, NULL, 10);
}

/* Copy the text between from and to (exclusive) of s into buf. */
static bool
between(const char *s, const char *from, const char *to, char *buf,
    size_t len)
{
	const char	*a, *b;

	if (s == NULL || (a = strstr(s, from)) == NULL)
		return false;
	a += strlen(from);
	while (*a == ' ' || *a == '[')
		a++;
	if ((b = strstr(a, to)) == NULL)
		b = a + strlen(a);
	while (b > a && (b[-1] == ' ' || b[-1] == ']' || b[-1] == '.'))
		b--;
	snprintf(buf, len, "%.*s", (int)(b - a), a);
	return b > a;
}

/* A hint for a failure, from the words of its code and message. */
void
ops_hint(const char *code, const char *message, const char *detail,
    char *buf, size_t len)
{
	char		 all[2048], range[128];
	long		 limit, usage, need;

	snprintf(all, sizeof all, "%s %s %s", code ? code : "",
	    message ? message : "", detail ? detail : "");
	buf[0] = '\0';
	if (strcasestr(all, "quota") != NULL) {
		limit = number_after(all, "Current Limit");
		usage = number_after(all, "Current Usage");
		need = number_after(all, "Additional Required");
		if (limit >= 0 && usage >= 0 && need > 0)
			snprintf(buf, len, _("Ask for %ld more vCPU of quota "
			    "(a new limit of at least %ld), or use fewer "
			    "nodes or a smaller VM size."),
			    usage + need - limit, usage + need);
		else
			snprintf(buf, len, _("Ask for more vCPU quota in the "
			    "region, or use fewer nodes or a smaller VM "
			    "size."));
	} else if (strcasestr(all, "kubernetes version") != NULL) {
		if (between(all, "Supported versions are between", "\n",
		    range, sizeof range))
			snprintf(buf, len, _("Supported versions are %s: "
			    "upgrade the cluster into that range, then "
			    "attach it."), range);
		else
			snprintf(buf, len, _("Upgrade the cluster to a "
			    "supported Kubernetes version, then attach it."));
	} else if (strcasestr(all, "RequestDisallowedByPolicy") != NULL ||
	    strcasestr(all, "policy") != NULL) {
		snprintf(buf, len, _("A policy forbids public IP addresses: "
		    "use an internal load balancer (loadBalancer.type "
		    "InternalLoadBalancer with a subnet)."));
	} else if (strcasestr(all, "at least 12 cores") != NULL ||
	    strcasestr(all, "machine(s) are required") != NULL ||
	    strcasestr(all, "greater than or equal to 12") != NULL) {
		snprintf(buf, len, _("Production needs at least 3 nodes and "
		    "12 vCPU in total: add nodes, choose a larger VM size, or "
		    "use the DevTest purpose."));
	} else if (strcasestr(all, "AKS") != NULL &&
	    strcasestr(all, "no longer supported") != NULL) {
		/* The legacy refusal (kubernetes-path.md D.2): today's path. */
		snprintf(buf, len, _("Azure Machine Learning no longer creates "
		    "AKS computes: create a Kubernetes compute instead "
		    "(--compute-type Kubernetes, the default)."));
	} else if (strcasestr(all, "Compute name is invalid") != NULL) {
		snprintf(buf, len, _("Use 3 to 24 letters, digits and hyphens, "
		    "starting with a letter and ending with a letter or "
		    "digit."));
	}
}

/* Submitting and monitoring. */

/* The URL of a step's target with its api-version (caller frees). */
static char *
target_url(const struct ops *o, const struct plan_step *s)
{
	char	*u;

	xasprintf(&u, "%s%s?api-version=%s", o->arm->endpoint, s->target,
	    s->api_version);
	return u;
}

/*
 * What the journal has as the URL of a step on the cluster's Kubernetes
 * API: the cluster on Resource Manager (whose credentials reach it, and
 * the endpoint `watch` matches), the object's path after a '#'.
 */
static char *
kube_target_url(const struct ops *o, const struct plan_step *s)
{
	char	*u;

	xasprintf(&u, "%s%s#%s", o->arm->endpoint, s->cluster, s->target);
	return u;
}

/* How the long-running operation of a step is followed. */
static enum lro_method
lro_method_of(enum step_method m)
{
	return m == STEP_DELETE ? LRO_DELETE : LRO_PUT;
}

/* properties.provisioningState of a resource, or "". */
static const char *
provisioning_state(json_object *r)
{
	json_object	*p, *v;

	if (r == NULL || !json_object_object_get_ex(r, "properties", &p) ||
	    !json_object_object_get_ex(p, "provisioningState", &v) ||
	    !json_object_is_type(v, json_type_string))
		return "";
	return json_object_get_string(v);
}

/*
 * Look at a step's target: *cur is the resource (caller puts it), NULL
 * when it is not there (404: *found false, err says so).  False + err
 * when it cannot be told.
 */
static bool
fetch_target(struct ops *o, const char *url, json_object **cur, bool *found,
    struct err *err)
{
	struct http_response	 rsp;
	bool			 ok = false;

	*cur = NULL;
	*found = false;
	http_response_init(&rsp);
	if (!arm_get_raw(o->arm, url, &rsp, err))
		goto out;
	if (rsp.status != 200) {
		arm_error_summary(buf_str(&rsp.body), rsp.status, err);
		if (rsp.status == 404) {
			err->kind = ERR_USAGE;
			ok = true;
		}
		goto out;
	}
	if ((*cur = json_tokener_parse(buf_str(&rsp.body))) == NULL ||
	    !json_object_is_type(*cur, json_type_object)) {
		json_object_put(*cur);
		*cur = NULL;
		err_set(err, ERR_PARSE, _("the compute answer is not JSON"));
		goto out;
	}
	*found = ok = true;
out:
	http_response_done(&rsp);
	return ok;
}

/* Tell the progress callback where the step stands. */
static void
report(struct ops *o, struct journal_entry *je, const struct lro_state *st)
{
	struct ops_progress	pr;

	if (o->progress == NULL)
		return;
	memset(&pr, 0, sizeof pr);
	pr.compute = je->compute;
	pr.step = je->step;
	pr.nsteps = je->nsteps;
	pr.step_name = je->step_name;
	if (je->step >= 1 && je->step <= JOURNAL_STEPS_MAX &&
	    step_kind_parse(je->steps[je->step - 1].kind, &pr.kind))
		pr.step_name = step_kind_name(pr.kind);
	pr.state = st->status;
	pr.changed = st->status_changed;
	pr.elapsed_ms = clock_now_ms() - st->started_ms;
	pr.polls = st->polls;
	pr.journal = je->path;
	o->progress(o->progress_ctx, &pr);
}

/* Record the machine's position in the journal (best effort on errors). */
static void
journal_state(struct journal_entry *je, const struct lro_state *st)
{
	struct err	err;

	copy(je->state, sizeof je->state, st->status);
	copy(je->poll_kind, sizeof je->poll_kind,
	    lro_poll_kind_name(st->kind));
	copy(je->operation_url, sizeof je->operation_url, st->poll_url);
	if (!journal_write(je, &err))
		fprintf(stderr, "akswiz: %s\n", err.msg);
}

/*
 * A step after the first did not take effect, the ones before it did: the
 * plan is partly applied (its journal entry says which step failed).
 */
static void
partly(const struct journal_entry *je, struct ops_outcome *out,
    const char *why)
{
	char	hint[sizeof out->hint];

	out->result = OPS_PARTIAL;
	out->failed_step = je->step;
	out->nsteps = je->nsteps;
	/* TRANSLATORS: "attach of ml-inf is partly applied: its update (step
	 * 2 of 2) failed: BadRequest: ..."; operation and step names are
	 * not translated. */
	snprintf(out->line, sizeof out->line, _("%s of %s is partly applied: "
	    "its %s (step %d of %d) failed: %s"), je->operation, je->compute,
	    je->step_name, je->step, je->nsteps, why);
	/* TRANSLATORS: %s is the step's name: "update". */
	snprintf(hint, sizeof hint, _("The steps before it took effect. Fix "
	    "what the error says, then apply the same plan again: only the %s "
	    "is sent again."), je->step_name);
	if (out->hint[0] != '\0')
		strlcpy_ok(out->hint + strlen(out->hint), " ",
		    sizeof out->hint - strlen(out->hint));
	strlcpy_ok(out->hint + strlen(out->hint), hint,
	    sizeof out->hint - strlen(out->hint));
}

/*
 * Step i could not be sent (why): before anything ran, nothing was done
 * (false, the error stands); after a step took effect, the plan is partly
 * applied (true, the outcome says so).
 */
static bool
not_sent(struct journal_entry *je, int i, const char *result,
    struct ops_outcome *out, struct err *err)
{
	struct err	jerr;

	if (i == 0) {
		journal_finish(je, result, "", err->msg, &jerr);
		out->result = OPS_ERROR;
		return false;
	}
	copy(je->steps[i].result, sizeof je->steps[0].result, result);
	partly(je, out, err->msg);
	journal_finish(je, JOURNAL_PARTLY_APPLIED, "", err->msg, &jerr);
	return true;
}

/* Fill the outcome of an ended machine and close the journal. */
static void
conclude(struct journal_entry *je, const struct lro_state *st,
    struct ops_outcome *out)
{
	struct err	err;
	const char	*result;

	copy(out->state, sizeof out->state, st->status);
	copy(out->code, sizeof out->code, st->error_code);
	out->elapsed_ms = clock_now_ms() - st->started_ms;
	switch (st->action) {
	case LRO_SUCCEEDED:
		out->result = OPS_SUCCEEDED;
		result = provisioning_state_name(PROV_SUCCEEDED);
		snprintf(out->line, sizeof out->line, _("%s of %s succeeded."),
		    je->step_name, je->compute);
		break;
	case LRO_CANCELED:
		out->result = OPS_CANCELED;
		result = provisioning_state_name(PROV_CANCELED);
		snprintf(out->line, sizeof out->line, _("%s of %s was "
		    "canceled."), je->step_name, je->compute);
		break;
	default:
		out->result = OPS_FAILED;
		result = provisioning_state_name(PROV_FAILED);
		if (st->error_message[0] != '\0')
			snprintf(out->line, sizeof out->line, _("%s of %s "
			    "failed: %s%s%s"), je->step_name, je->compute,
			    st->error_code, st->error_code[0] ? ": " : "",
			    st->error_message);
		else
			snprintf(out->line, sizeof out->line, _("%s of %s "
			    "failed (%s)."), je->step_name, je->compute,
			    st->error_code[0] ? st->error_code : "Failed");
		copy(out->detail, sizeof out->detail, st->error_detail);
		ops_hint(st->error_code, st->error_message, st->error_detail,
		    out->hint, sizeof out->hint);
		break;
	}
	out->nsteps = je->nsteps;
	if (je->step >= 1 && je->step <= JOURNAL_STEPS_MAX)
		copy(je->steps[je->step - 1].result,
		    sizeof je->steps[0].result, result);
	if (out->result != OPS_SUCCEEDED)
		out->failed_step = je->step;
	if (out->result != OPS_SUCCEEDED && je->step > 1) {
		char	why[600];

		if (st->error_message[0] != '\0')
			snprintf(why, sizeof why, "%s%s%s", st->error_code,
			    st->error_code[0] ? ": " : "", st->error_message);
		else
			snprintf(why, sizeof why, "%s", st->error_code[0] ?
			    st->error_code : result);
		partly(je, out, why);
		result = JOURNAL_PARTLY_APPLIED;
	}
	if (out->result != OPS_SUCCEEDED || je->step == je->nsteps) {
		if (!journal_finish(je, result, st->error_code,
		    st->error_message, &err))
			fprintf(stderr, "akswiz: %s\n", err.msg);
	} else if (!journal_write(je, &err))	/* this step is done */
		fprintf(stderr, "akswiz: %s\n", err.msg);
}

/*
 * Poll until the machine ends.  False + err after too many transport
 * failures in a row (the journal stays open for `akswiz watch`).
 */
static bool
monitor(struct ops *o, struct journal_entry *je, struct lro_state *st,
    struct ops_outcome *out, struct err *err)
{
	struct http_response	 rsp;
	enum lro_action		 a = st->action;
	uint64_t		 now;
	int			 errors = 0;
	int			 max_errors = o->max_poll_errors > 0 ?
				    o->max_poll_errors : 20;
	bool			 ok;

	while (a == LRO_WAIT || a == LRO_FINAL_GET) {
		now = clock_now_ms();
		if (st->next_poll_ms > now)
			clock_sleep_ms(st->next_poll_ms - now);
		http_response_init(&rsp);
		ok = arm_get_raw(o->arm, a == LRO_FINAL_GET ?
		    st->resource_url : st->poll_url, &rsp, err);
		now = clock_now_ms();
		if (!ok) {
			http_response_done(&rsp);
			if (err->kind == ERR_AUTH || err->kind == ERR_REFUSED ||
			    ++errors >= max_errors) {
				out->result = OPS_ERROR;
				copy(out->state, sizeof out->state,
				    st->status);
				return false;
			}
			/* Still running in Azure: try again a bit later. */
			st->next_poll_ms = now + (uint64_t)(errors < 6 ?
			    errors * 5000 : 30000);
			if (st->next_poll_ms - now < st->min_interval_ms)
				st->next_poll_ms = now + st->min_interval_ms;
			continue;
		}
		errors = 0;
		a = a == LRO_FINAL_GET ? lro_final(st, &rsp, now) :
		    lro_poll(st, &rsp, now);
		http_response_done(&rsp);
		if (st->status_changed)
			journal_state(je, st);
		report(o, je, st);
	}
	conclude(je, st, out);
	return true;
}

/* The operations' poll settings on a fresh machine. */
static void
machine_tune(const struct ops *o, struct lro_state *st)
{
	if (o->default_poll_ms > 0)
		st->default_interval_ms = o->default_poll_ms;
}

/* End st as the Kubernetes API's answer rsp says (a Status on failure). */
static void
kube_end(struct lro_state *st, bool done, const struct http_response *rsp)
{
	struct json_object	*o, *v;

	st->status_changed = true;
	if (done) {
		st->action = LRO_SUCCEEDED;
		copy(st->status, sizeof st->status,
		    provisioning_state_name(PROV_SUCCEEDED));
		return;
	}
	st->action = LRO_FAILED;
	st->http_status = rsp->status;
	copy(st->status, sizeof st->status,
	    provisioning_state_name(PROV_FAILED));
	o = json_tokener_parse(buf_str(&rsp->body));
	if (o != NULL && json_object_object_get_ex(o, "reason", &v) &&
	    json_object_is_type(v, json_type_string))
		copy(st->error_code, sizeof st->error_code,
		    json_object_get_string(v));
	else
		snprintf(st->error_code, sizeof st->error_code, "HTTP %ld",
		    rsp->status);
	json_object_put(o);
	kube_status_message(buf_str(&rsp->body), st->error_message,
	    sizeof st->error_message);
}

/*
 * A step on the cluster's Kubernetes API (s->cluster): no long-running
 * operation, its answer is its end.  The object is looked at first (the
 * step's done-test on a GET), so that a step sent before without an
 * answer, or done by someone else, is not sent again; a create answered
 * 409 AlreadyExists has taken effect as well.  st ends Succeeded or
 * Failed (the Status's reason and message); false + err when the API
 * could not be reached.
 */
static bool
kube_step_run(struct ops *o, const struct plan *p, const struct plan_step *s,
    struct lro_state *st, struct err *err)
{
	struct kube_conn	 k;
	struct http_response	 rsp;
	json_object		*cur = NULL;
	char			*body = NULL, *path;
	bool			 ok, done;

	lro_init(st, lro_method_of(s->method), s->target, clock_now_ms(),
	    o->min_poll_ms);
	if (!kube_connect(o->arm, o->kube_http, s->cluster, &k, err))
		return false;
	http_response_init(&rsp);
	if (!(ok = kube_call(&k, "GET", s->target, NULL, NULL, &rsp, err)))
		goto out;
	if (rsp.status != 200 && rsp.status != 404) {
		kube_end(st, false, &rsp);	/* refused: say why */
		goto out;
	}
	if (rsp.status == 200)
		cur = json_tokener_parse(buf_str(&rsp.body));
	done = plan_step_done(p, s, cur);
	http_response_done(&rsp);
	http_response_init(&rsp);
	if (done) {
		kube_end(st, true, &rsp);
		goto out;
	}
	if (!(ok = plan_step_body(p, s, NULL, cur, &body, err)))
		goto out;
	path = plan_step_kube_path(s);
	ok = kube_call(&k, step_method_name(s->method), path, body,
	    plan_step_content_type(s), &rsp, err);
	free(path);
	free(body);
	if (ok)
		kube_end(st, (rsp.status >= 200 && rsp.status < 300) ||
		    (rsp.status == 409 && s->method == STEP_POST), &rsp);
	else if (err->kind != ERR_AUTH && err->kind != ERR_TLS &&
	    err->kind != ERR_REFUSED) {
		/* The answer was lost: did the request take effect?  Look. */
		json_object_put(cur);
		cur = NULL;
		http_response_done(&rsp);
		http_response_init(&rsp);
		if (kube_call(&k, "GET", s->target, NULL, NULL, &rsp, err) &&
		    (rsp.status == 200 || rsp.status == 404)) {
			if (rsp.status == 200)
				cur = json_tokener_parse(buf_str(&rsp.body));
			if (plan_step_done(p, s, cur)) {
				kube_end(st, true, &rsp);
				ok = true;
			}
		}
	}
out:
	json_object_put(cur);
	http_response_done(&rsp);
	kube_disconnect(&k);
	return ok;
}

/*
 * Send one step's request and start its machine.  A create or attach
 * that got no usable answer is looked up before it is sent again; when
 * even the look fails, *uncertain is set: nobody knows whether Azure got
 * it, and the journal entry must stay open for `akswiz watch`.
 */
static bool
submit(struct ops *o, const struct plan *p, const struct plan_step *s,
    const char *url, const char *body, struct lro_state *st,
    bool *uncertain, struct err *err)
{
	struct http_response	 rsp;
	json_object		*c;
	struct err		 lerr;
	char			*req;
	bool			 ok = false, found, looked;
	int			 attempt, k;
	uint64_t		 wait, now, unit;
	enum lro_method		 m = lro_method_of(s->method);

	/* Waits between tries: 2 s steps (shorter when tests ask). */
	unit = o->min_poll_ms > 0 && o->min_poll_ms < 2000 ?
	    o->min_poll_ms : 2000;
	*uncertain = false;
	for (attempt = 1; attempt <= OPS_SUBMIT_TRIES; attempt++) {
		http_response_init(&rsp);
		now = clock_now_ms();
		lro_init(st, m, url, now, o->min_poll_ms);
		machine_tune(o, st);
		if (s->query[0] != '\0')
			xasprintf(&req, "%s&%s", url, s->query);
		else
			req = xstrdup(url);
		ok = arm_send(o->arm, step_method_name(s->method), req, body,
		    s->method != STEP_DELETE, &rsp, err);
		free(req);
		if (ok && !retry_status_transient(rsp.status)) {
			lro_start(st, &rsp, clock_now_ms());
			http_response_done(&rsp);
			return true;
		}
		if (!ok && (err->kind == ERR_AUTH || err->kind == ERR_TLS ||
		    err->kind == ERR_REFUSED)) {
			http_response_done(&rsp);
			return false;
		}
		wait = (uint64_t)attempt * unit;
		if (ok && rsp.retry_after != NULL)
			wait = lro_retry_after_ms(rsp.retry_after, now, unit);
		http_response_done(&rsp);
		if (!s->look_first) {
			clock_sleep_ms(wait);
			continue;
		}
		/* Did the lost request take effect?  Look first. */
		for (k = 0, looked = false; k < OPS_SUBMIT_TRIES && !looked;
		    k++) {
			clock_sleep_ms(wait);
			err_clear(&lerr);
			looked = fetch_target(o, url, &c, &found, &lerr);
			if (looked && plan_step_done(p, s, found ? c : NULL)) {
				lro_resume(st, m, url, LRO_POLL_RESOURCE, url,
				    provisioning_state(c), clock_now_ms(),
				    o->min_poll_ms);
				machine_tune(o, st);
				st->status_changed = true;
				json_object_put(c);
				return true;
			}
			json_object_put(c);
			wait = wait < 8 * unit ? wait * 2 : 15 * unit;
		}
		if (!looked) {
			*uncertain = true;
			return err_set(err, lerr.kind != ERR_NONE ? lerr.kind :
			    ERR_NETWORK, _("cannot tell whether Azure received "
			    "the %s of %s (%s); \"akswiz watch\" will find "
			    "out"), step_kind_name(s->kind), p->name, lerr.msg);
		}
		/* It is not there: sending it again is safe. */
	}
	if (ok)
		return err_set(err, ERR_SERVICE, _("the service did not accept "
		    "the request after %d tries"), OPS_SUBMIT_TRIES);
	return false;
}

/*
 * What step s needs before it is sent: its target as it is (for a body
 * made from it, or, when look, to see whether the step has taken effect
 * already: then *done and st follows the target, nothing is sent), and
 * its body.  False + err when either cannot be had.
 */
static bool
prepare_step(struct ops *o, const struct plan *p, const struct plan_step *s,
    const char *url, bool look, const char *location, char **body,
    bool *done, struct lro_state *st, struct err *err)
{
	json_object	*cur = NULL;
	struct arm_cluster cl = { 0 };
	bool		 found = false, ok;

	*body = NULL;
	*done = false;
	/* An extension that has the settings already is not sent again. */
	if (s->kind == STEP_INSTALL_EXTENSION && s->done == STEP_DONE_MATCHES)
		look = true;
	/* A deploy goes into an endpoint that is there, and writes the
	 * traffic only when it differs. */
	if (p->op == PLAN_DEPLOY && (s->kind == STEP_CREATE_ENDPOINT ||
	    s->kind == STEP_SET_TRAFFIC))
		look = true;
	if ((s->needs_current || look) &&
	    !fetch_target(o, url, &cur, &found, err))
		return false;
	if (look && plan_step_done(p, s, cur)) {
		/* Looked before writing: it has taken effect, follow it. */
		lro_resume(st, lro_method_of(s->method), url,
		    LRO_POLL_RESOURCE, url, provisioning_state(cur),
		    clock_now_ms(), o->min_poll_ms);
		machine_tune(o, st);
		st->status_changed = true;
		json_object_put(cur);
		*done = true;
		return true;
	}
	if (s->needs_current && !found)
		return false;	/* err says it is not there */
	/*
	 * The extension on an existing cluster takes the cluster's region
	 * (kubernetes-path.md B.4), which may not be the workspace's.
	 */
	if (s->kind == STEP_INSTALL_EXTENSION && p->op != PLAN_CREATE &&
	    p->cluster_id[0] != '\0') {
		if (!arm_get_cluster(o->arm, p->cluster_id, &cl, err)) {
			json_object_put(cur);
			return false;
		}
		if (cl.location != NULL)
			location = cl.location;
	}
	ok = plan_step_body(p, s, location, cur, body, err);
	arm_cluster_done(&cl);
	json_object_put(cur);
	return ok;
}

/*
 * Run steps first..n of the plan with journal entry je; resuming (watch):
 * each target is looked at before it is written.
 */
static bool
run_steps(struct ops *o, const struct plan *p, struct journal_entry *je,
    int first, bool wait, bool resuming, const char *location,
    struct ops_outcome *out, struct err *err)
{
	struct plan_step steps[PLAN_STEPS_MAX];
	struct lro_state st;
	struct plan	*dp = NULL;	/* a deploy's, with its versions */
	struct arm_workspace ws = { 0 };
	struct err	 werr;
	char		*url, *body;
	int		 n = plan_steps(p, steps, PLAN_STEPS_MAX), i;
	bool		 ok, uncertain, done, kube, reg;

	if (p->op == PLAN_DEPLOY) {
		dp = xmalloc(sizeof *dp);
		memcpy(dp, p, sizeof *dp);
		p = dp;
		/* Its deployment (when sent, or sent again) is the
		 * workspace's region's, as its endpoint. */
		err_clear(&werr);
		if ((location == NULL || location[0] == '\0') &&
		    arm_get_workspace(o->arm, p->scope.subscription,
		    p->scope.resource_group, p->scope.workspace, &ws, &werr) &&
		    ws.location != NULL)
			copy(dp->location, sizeof dp->location, ws.location);
		arm_workspace_done(&ws);
	}
	je->nsteps = n;
	for (i = 0; i < n; i++) {	/* the whole list, from the start */
		copy(je->steps[i].kind, sizeof je->steps[i].kind,
		    step_kind_id(steps[i].kind));
		copy(je->steps[i].target, sizeof je->steps[i].target,
		    steps[i].target);
	}
	for (i = first; i < n; i++) {
		kube = steps[i].cluster[0] != '\0';
		url = kube ? kube_target_url(o, &steps[i]) :
		    target_url(o, &steps[i]);
		je->step = i + 1;
		copy(je->step_name, sizeof je->step_name,
		    step_kind_name(steps[i].kind));
		copy(je->method, sizeof je->method,
		    step_method_name(steps[i].method));
		copy(je->resource_url, sizeof je->resource_url, url);
		copy(je->state, sizeof je->state, "Submitting");
		je->operation_url[0] = je->poll_kind[0] = '\0';
		body = NULL;
		done = false;
		reg = plan_deploy_is_register(steps[i].kind);
		if (!kube && !reg && !prepare_step(o, p, &steps[i], url,
		    resuming, location, &body, &done, &st, err)) {
			free(url);
			free(dp);
			if (je->path[0] == '\0')
				return false;	/* nothing journaled yet */
			return not_sent(je, i, "Failed", out, err);
		}
		if (je->path[0] == '\0' ? !journal_create(je, err) :
		    !journal_write(je, err)) {
			plan_jw_free_secret(body);
			free(url);
			free(dp);
			return false;
		}
		journal_lock_note(&o->lock, je->path);
		copy(out->journal, sizeof out->journal, je->path);
		uncertain = false;
		ok = kube ? kube_step_run(o, p, &steps[i], &st, err) :
		    reg ? ops_deploy_register(o, dp, &steps[i], je, &st, err) :
		    done || submit(o, p, &steps[i], url, body, &st,
		    &uncertain, err);
		plan_jw_free_secret(body);
		free(url);
		if (ok && reg) {
			/* The version's ID journaled: not registered again. */
			free(je->plan_json);
			je->plan_json = plan_json_write(dp);
		}
		if (!ok) {
			free(dp);
			/* Nobody knows whether it runs: keep it open. */
			if (uncertain) {
				out->result = OPS_ERROR;
				return false;
			}
			return not_sent(je, i, "NotSubmitted", out, err);
		}
		/* Written before the first poll: resume needs this. */
		journal_state(je, &st);
		report(o, je, &st);
		if (st.action != LRO_WAIT && st.action != LRO_FINAL_GET) {
			conclude(je, &st, out);
		} else if (!wait) {
			out->result = OPS_SUBMITTED;
			copy(out->state, sizeof out->state, st.status);
			snprintf(out->line, sizeof out->line, _("%s of %s was "
			    "submitted; \"akswiz watch %s\" follows it."),
			    step_kind_name(steps[i].kind), p->name, p->name);
			free(dp);
			return true;
		} else if (!monitor(o, je, &st, out, err)) {
			free(dp);
			return false;
		}
		if (out->result != OPS_SUCCEEDED) {
			if (dp != NULL)
				ops_deploy_decode(o, dp, &steps[i], out);
			break;
		}
	}
	/* What the plan does, not its last step's kind (an update of a
	 * Kubernetes compute is its extension's install step). */
	if (out->result == OPS_SUCCEEDED && dp != NULL)
		ops_deploy_succeeded(o, dp, out);
	else if (out->result == OPS_SUCCEEDED)
		snprintf(out->line, sizeof out->line, _("%s of %s succeeded."),
		    plan_op_name(p->op), p->op == PLAN_CREATE_ENDPOINT ?
		    p->endpoint_name : p->name);
	free(dp);
	return true;
}

/*
 * A deploy applied again after it was partly applied: its versions are
 * those the journaled plan registered (a copy in *kept, or p itself).
 */
static const struct plan *
deploy_keep_versions(const struct plan *p, const char *journaled,
    struct plan **kept)
{
	struct plan	jp;
	struct err	err;

	err_clear(&err);
	if (journaled == NULL || !plan_json_parse(journaled,
	    strlen(journaled), &jp, &err))
		return p;
	*kept = xmalloc(sizeof **kept);
	memcpy(*kept, p, sizeof **kept);
	memcpy(&(*kept)->registered, &jp.registered, sizeof jp.registered);
	return *kept;
}

/* Journal and run every step of the plan. */
bool
ops_apply(struct ops *o, const struct plan *p, bool wait,
    struct ops_outcome *out, struct err *err)
{
	struct journal_entry	 je;
	struct arm_workspace	 ws = { 0 };
	const char		*loc = p->location;
	struct plan		*kept = NULL;
	char			*id;
	bool			 ok = false;
	int			 first = 0, i;

	memset(out, 0, sizeof *out);
	if (!ops_lock(o, p, err))
		return false;
	if (p->op == PLAN_CREATE || p->op == PLAN_ATTACH ||
	    p->op == PLAN_MIGRATE) {
		if (loc[0] == '\0') {
			if (!arm_get_workspace(o->arm, p->scope.subscription,
			    p->scope.resource_group, p->scope.workspace, &ws,
			    err))
				goto out;
			loc = ws.location;
		}
	}
	if (partial_of(o, p, NULL, &je)) {
		/* Partly applied before: its entry runs the rest. */
		first = je.step - 1;
		if (p->op == PLAN_DEPLOY)
			p = deploy_keep_versions(p, je.plan_json, &kept);
		je.open = true;
		je.result[0] = je.error_code[0] = je.error_message[0] = '\0';
		for (i = first; i < JOURNAL_STEPS_MAX; i++)
			je.steps[i].result[0] = '\0';
		free(je.plan_json);
	} else {
		journal_entry_init(&je);
		copy(je.operation, sizeof je.operation, plan_op_name(p->op));
		copy(je.subscription, sizeof je.subscription,
		    p->scope.subscription);
		copy(je.resource_group, sizeof je.resource_group,
		    p->scope.resource_group);
		copy(je.workspace, sizeof je.workspace, p->scope.workspace);
		copy(je.compute, sizeof je.compute, p->name);
	}
	je.plan_json = plan_json_write(p);
	ok = run_steps(o, p, &je, first, wait, false, loc, out, err);
	id = arm_compute_url(o->arm, p->scope.subscription,
	    p->scope.resource_group, p->scope.workspace, p->name);
	copy(out->compute_id, sizeof out->compute_id, id);
	free(id);
	journal_entry_done(&je);
out:
	free(kept);
	arm_workspace_done(&ws);
	journal_unlock(&o->lock);
	return ok;
}

/*
 * The current step of je as the plan has it (false: the entry has no
 * readable plan, as an old entry written by hand may not).
 */
static bool
journaled_step(const struct journal_entry *je, struct plan *p,
    struct plan_step *s)
{
	struct plan_step steps[PLAN_STEPS_MAX];
	struct err	 err;
	int		 n;

	err_clear(&err);
	if (je->plan_json == NULL || !plan_json_parse(je->plan_json,
	    strlen(je->plan_json), p, &err))
		return false;
	n = plan_steps(p, steps, PLAN_STEPS_MAX);
	if (je->step < 1 || je->step > n)
		return false;
	*s = steps[je->step - 1];
	return true;
}

/*
 * Finish a journaled operation, then the plan's remaining steps.  A step
 * the journal has as done is not followed again; a step sent without an
 * answer is looked at: one that has taken effect is followed, one that
 * has not is sent (a first one is reported as never having reached
 * Azure).
 */
static bool
resume_locked(struct ops *o, struct journal_entry *je, struct ops_outcome *out,
    struct err *err)
{
	struct plan		 p;
	struct plan_step	 s;
	struct lro_state	 st;
	json_object		*cur;
	enum lro_method		 m;
	bool			 found, planned, done;
	int			 next = je->step;

	memset(out, 0, sizeof *out);
	copy(out->journal, sizeof out->journal, je->path);
	copy(out->compute_id, sizeof out->compute_id, je->resource_url);
	planned = journaled_step(je, &p, &s);
	m = planned ? lro_method_of(s.method) :
	    strcmp(je->method, "DELETE") == 0 ? LRO_DELETE : LRO_PUT;
	if (provisioning_state_parse(je->steps[je->step - 1].result) ==
	    PROV_SUCCEEDED)
		goto rest;	/* ended: never again */
	if (planned && (s.cluster[0] != '\0' ||
	    plan_deploy_is_register(s.kind))) {
		/* Kubernetes, uploads: no operation to follow; it looks
		 * first (an upload at the journaled plan's versions). */
		next = je->step - 1;
		goto rest;
	}
	if (je->operation_url[0] == '\0') {
		/* Sent, but no answer was journaled: look at the target. */
		if (!fetch_target(o, je->resource_url, &cur, &found, err))
			return false;
		done = planned ? plan_step_done(&p, &s, cur) :
		    found || m == LRO_DELETE;
		json_object_put(cur);
		if (!done && m == LRO_PUT && je->step == 1) {
			journal_finish(je, "NotSubmitted", "", "the request "
			    "never reached Azure", err);
			out->result = OPS_FAILED;
			snprintf(out->line, sizeof out->line, _("%s of %s "
			    "never reached Azure; apply the plan again."),
			    je->step_name, je->compute);
			return true;
		}
		if (!done && planned) {
			next = je->step - 1;	/* not taken effect: send it */
			goto rest;
		}
		lro_resume(&st, m, je->resource_url, LRO_POLL_RESOURCE,
		    je->resource_url, je->state, clock_now_ms(),
		    o->min_poll_ms);
	} else
		lro_resume(&st, m, je->resource_url,
		    lro_poll_kind_parse(je->poll_kind), je->operation_url,
		    je->state, clock_now_ms(), o->min_poll_ms);
	machine_tune(o, &st);
	if (!monitor(o, je, &st, out, err))
		return false;
	if (out->result != OPS_SUCCEEDED && planned && p.op == PLAN_DEPLOY)
		ops_deploy_decode(o, &p, &s, out);
	if (out->result == OPS_SUCCEEDED && je->step >= je->nsteps && planned &&
	    p.op == PLAN_DEPLOY)
		ops_deploy_succeeded(o, &p, out);
	if (out->result != OPS_SUCCEEDED || je->step >= je->nsteps)
		return true;
rest:
	/* More steps: they come from the journaled plan. */
	if (!planned)
		return err_set(err, ERR_PARSE, _("%s has no readable plan for "
		    "its remaining steps"), je->path);
	return run_steps(o, &p, je, next, true, true,
	    p.location[0] != '\0' ? p.location : NULL, out, err);
}

/* ops_resume() under the compute's lock. */
bool
ops_resume(struct ops *o, struct journal_entry *je, struct ops_outcome *out,
    struct err *err)
{
	struct journal_entry	fresh;
	bool			ok;

	memset(out, 0, sizeof *out);
	if (!journal_lock(&o->lock, je->subscription, je->resource_group,
	    je->workspace, je->compute, je->operation, err))
		return false;
	journal_lock_note(&o->lock, je->path);
	/* Whoever held the lock may have moved the entry on: read it again. */
	if (je->path[0] != '\0' && journal_read(je->path, &fresh, err)) {
		journal_entry_done(je);
		*je = fresh;
	} else if (je->path[0] != '\0') {
		journal_unlock(&o->lock);
		return false;
	}
	if (!je->open) {
		/* Ended meanwhile: say how, send nothing. */
		copy(out->journal, sizeof out->journal, je->path);
		copy(out->state, sizeof out->state, je->state);
		copy(out->code, sizeof out->code, je->error_code);
		out->result = provisioning_state_parse(je->result) ==
		    PROV_SUCCEEDED ?
		    OPS_SUCCEEDED : journal_entry_partly_applied(je) ?
		    OPS_PARTIAL : OPS_FAILED;
		snprintf(out->line, sizeof out->line, _("%s of %s has ended "
		    "meanwhile: %s."), je->operation, je->compute, je->result);
		journal_unlock(&o->lock);
		return true;
	}
	ok = resume_locked(o, je, out, err);
	journal_unlock(&o->lock);
	return ok;
}
