/*
 * Deploying a model to a Kubernetes compute (deploy.md 1c, 2, 4; issue
 * 13): an online endpoint and its Kubernetes online deployments.  The
 * names, the auth mode, traffic, scale, request settings and whether a
 * deployment's requests fit on the cluster's nodes, as pure functions.
 * The wizard, the CLI and the sandbox call them.
 *
 * "Not given" is DEPLOY_UNSET in every number: the service's default
 * applies and no rule runs on it.
 */
#ifndef AKSWIZ_CORE_RULES_DEPLOY_H
#define AKSWIZ_CORE_RULES_DEPLOY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/verdict.h"
#include "core/versions.h"
#include "core/vmcatalogue.h"

#define DEPLOY_UNSET		(-1L)
#define DEPLOY_NAME_MIN		3
#define DEPLOY_NAME_MAX		32
#define DEPLOY_NAME_LEN		(DEPLOY_NAME_MAX + 1)

/* Request settings' documented ranges (see rules-deploy.c). */
#define DEPLOY_TIMEOUT_MAX_MS	300000L
#define DEPLOY_QUEUE_WAIT_MAX_MS 300000L

/* What the Azure ML extension's own pods request (kubernetes-path A.10). */
#define AML_EXT_CPU_M		1780L
#define AML_EXT_MEMORY_MIB	2440L
/* AKS's default maximum of pods per node when the pool does not say. */
#define AKS_DEFAULT_MAX_PODS	110

/* Names of endpoints and deployments: 3-32, letter first, [A-Za-z0-9-]. */
bool	deploy_name_valid(const char *);
void	rules_deploy_endpoint_name(const char *, struct verdicts *);
void	rules_deploy_deployment_name(const char *, struct verdicts *);

/* The endpoint's auth mode: az's key | aml_token, or REST Key | AMLToken. */
enum deploy_auth {
	DEPLOY_AUTH_KEY,
	DEPLOY_AUTH_AML_TOKEN
};
bool		 deploy_auth_parse(const char *, enum deploy_auth *);
const char	*deploy_auth_rest(enum deploy_auth);	/* "Key", "AMLToken" */
/* Error for no mode, "none" (v2 has none), aad_token (not on Kubernetes). */
void		 rules_deploy_auth_mode(const char *, struct verdicts *);

/*
 * The compute an endpoint goes on (type NULL: not known, no rule): one of
 * type Kubernetes; a legacy AKS compute is refused with the service's
 * message and the migration that moves it.  An endpoint name that the
 * workspace has already is refused (exists known to be true).
 */
void	rules_deploy_endpoint_compute(const char *name, const char *type,
	    struct verdicts *);
void	rules_deploy_endpoint_free(const char *endpoint, bool exists,
	    struct verdicts *);

/* Traffic (or mirror traffic): deployment name -> percent. */
#define DEPLOY_TRAFFIC_MAX	16
struct deploy_traffic {
	size_t	n;
	struct {
		char	name[DEPLOY_NAME_LEN + 32];
		long	percent;
	} t[DEPLOY_TRAFFIC_MAX];
};
/* Each 0-100 and a known deployment (known NULL: not checked); sum 100 or 0. */
void	rules_deploy_traffic(const struct deploy_traffic *,
	    const char *const *known, size_t nknown, struct verdicts *);
/* Mirror traffic: refused on Kubernetes endpoints when any share is set. */
void	rules_deploy_mirror_traffic(const struct deploy_traffic *,
	    struct verdicts *);
/* The sum of the percentages. */
long	deploy_traffic_sum(const struct deploy_traffic *);

/* Scale: a fixed instance count, or autoscale by target utilisation. */
/*
 * ISO 8601 durations as the service writes a deployment's settings
 * ("PT5S", "PT0.5S", "PT1M30S", "P1D"): written from milliseconds (whole
 * seconds as "PTnS", a fraction without trailing zeros), and read back
 * into them (false when s is no such duration).  The client writes them;
 * the sandbox and the client's done-tests read them.
 */
void	deploy_duration_format(long ms, char *buf, size_t len);
bool	deploy_duration_parse(const char *s, long *ms);

struct deploy_scale {
	bool	autoscale;
	long	instances;		/* fixed count (sku.capacity) */
	long	min_instances, max_instances;
	long	target_utilization;	/* percent */
	long	polling_interval_s;
};
void	deploy_scale_init(struct deploy_scale *);	/* all DEPLOY_UNSET */
void	rules_deploy_scale(const struct deploy_scale *, struct verdicts *);

/* Request settings (requestSettings), in milliseconds and requests. */
struct deploy_requests {
	long	timeout_ms;
	long	max_concurrent;		/* per instance */
	long	max_queue_wait_ms;
};
void	deploy_requests_init(struct deploy_requests *);
void	rules_deploy_requests(const struct deploy_requests *,
	    struct verdicts *);

/*
 * A liveness or readiness probe (ProbeSettings: initialDelay, period,
 * timeout as ISO 8601 durations, successThreshold, failureThreshold),
 * in seconds and counts; DEPLOY_UNSET: the service's default (period
 * 10 s, timeout 2 s, failureThreshold 30, successThreshold 1).
 */
struct deploy_probe {
	long	initial_delay_s;
	long	period_s;
	long	timeout_s;
	long	success_threshold;
	long	failure_threshold;
};
void	deploy_probe_init(struct deploy_probe *);	/* all DEPLOY_UNSET */
bool	deploy_probe_given(const struct deploy_probe *);
/*
 * The initial delay at least 0, the rest at least 1 (Kubernetes'
 * minimums); a liveness probe's success threshold must be 1.
 */
void	rules_deploy_probe(const struct deploy_probe *, bool liveness,
	    struct verdicts *);

/* Resources: CPU in millicores, memory in MiB, whole GPUs. */
struct deploy_resources {
	long	cpu_m;
	long	memory_mib;
	long	gpu;
};
/* Kubernetes quantities: "100m", "1", "1.5" CPU; "2Gi", "512Mi", "1G". */
bool	k8s_cpu_parse(const char *, long *millicores);
bool	k8s_memory_parse(const char *, long *mib);

/* AKS's kube-reserved CPU of a node with that many vCPU, in millicores. */
long	aks_kube_reserved_cpu_m(int vcpus);
/*
 * AKS's kube-reserved memory and eviction threshold (MiB) for a node of
 * memory_mib at a Kubernetes version (NULL: a current one) with max_pods
 * (<= 0: AKS_DEFAULT_MAX_PODS).
 */
long	aks_kube_reserved_memory_mib(const struct k8s_version *,
	    long memory_mib, int max_pods);
long	aks_eviction_mib(const struct k8s_version *);
/* What a node of the size leaves to pods (before the extension's). */
void	aks_node_allocatable(const struct vm_size *,
	    const struct k8s_version *, int max_pods,
	    struct deploy_resources *out);
/*
 * How many instances of req fit on the cluster: every node's allocatable,
 * one node's less the extension's pods.  0 when one does not fit anywhere.
 */
long	deploy_instances_fit(const struct deploy_resources *req,
	    const struct vm_size *, const struct k8s_version *, int nodes,
	    int max_pods);
/*
 * The requests fit on one node after what AKS reserves and the extension
 * takes (one error per resource that does not, naming the room left), and
 * the instances (fixed, or autoscale's maximum) fit on the nodes.
 */
void	rules_deploy_fit(const struct deploy_resources *req,
	    const struct vm_size *, const char *k8s_version, int nodes,
	    int max_pods, const struct deploy_scale *, struct verdicts *);

/* Instances of other deployments already running on the cluster. */
struct deploy_placed {
	struct deploy_resources	req;
	long			instances;
};
#define DEPLOY_NODES_MAX	1000
/*
 * The same with placed's instances on the nodes first (first fit, in
 * order; those that fit nowhere are left pending): what is left holds the
 * new instances.
 */
long	deploy_instances_fit_with(const struct deploy_resources *req,
	    const struct vm_size *, const struct k8s_version *, int nodes,
	    int max_pods, const struct deploy_placed *, size_t nplaced);
void	rules_deploy_fit_with(const struct deploy_resources *req,
	    const struct vm_size *, const char *k8s_version, int nodes,
	    int max_pods, const struct deploy_scale *,
	    const struct deploy_placed *, size_t nplaced, struct verdicts *);

#endif
