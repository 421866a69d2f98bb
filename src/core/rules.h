/*
 * The rules of the service (DESIGN.md "The rules the product encodes") as
 * pure functions: each adds verdicts to a caller-owned list and never
 * clears it.  The wizard, the CLI and the sandbox all call these.
 */
#ifndef AKSWIZ_CORE_RULES_H
#define AKSWIZ_CORE_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/cidr.h"
#include "core/ids.h"
#include "core/plan.h"
#include "core/verdict.h"
#include "core/versions.h"
#include "core/vmcatalogue.h"

#define NAME_MIN_LEN		3
#define NAME_MAX_LEN		24
#define PROD_MIN_NODES		3
#define PROD_MIN_VCPU		12
#define DEVTEST_MIN_NODES	1
#define DEVTEST_RECOMMENDED_VCPU 2
#define AKS_MAX_NODES		1000	/* per node pool, VM scale sets */
/* What the service uses when a create names no size or node count. */
#define AKS_DEFAULT_NODES	3
#define AKS_DEFAULT_VM_SIZE	"Standard_D3_v2"

/* Compute name: length, characters, first/last, -<digits>, reserved. */
void	rules_name(const char *name, struct verdicts *);
bool	rules_name_reserved(const char *name);
/* Uniqueness, case-insensitive, against the workspace's compute names. */
void	rules_name_unique(const char *name, const char *const *existing,
	    size_t n, struct verdicts *);
/*
 * A compute name for a cluster being attached, made from the cluster's
 * name so that every rule above holds: other characters become hyphens,
 * it starts at its first letter, is cut to NAME_MAX_LEN, ends in no
 * hyphen nor "-<digits>" (the hyphen goes), and takes "-k8s" (then
 * "-k8s-b" ... "-k8s-z") when short, reserved or in existing.  False,
 * out empty, when the name has no letter or nothing is free.
 */
bool	rules_name_suggest(const char *cluster, const char *const *existing,
	    size_t n, char *out, size_t len);
/* The same from an AKS resource ID; false if it is none. */
bool	rules_name_for_cluster(const char *cluster_id,
	    const char *const *existing, size_t n, char *out, size_t len);
/* An attach's name not given: NAME_SUGGESTED (info) with the one the
 * cluster of cluster_id (an AKS resource ID) makes, if any. */
void	rules_name_hint(const char *name, const char *cluster_id,
	    const char *const *existing, size_t n, struct verdicts *);
/*
 * A new compute's name, whole, for plan check and the wizard alike: every
 * rule, free among existing when the workspace's names are known, and
 * for an attach with none given the hint above.
 */
void	rules_name_new(const char *name, enum plan_op op,
	    const char *cluster_id, const char *const *existing, size_t n,
	    bool names_known, struct verdicts *);

/*
 * Purpose x size: nodes and nodes x vCPU for the purpose.  vcpus_per_node
 * 0 means unknown (only the node rules run).  With ok_info, a passing check
 * adds SIZING_OK_* as info (the wizard's live line).
 */
void	rules_sizing(enum purpose, int nodes, int vcpus_per_node,
	    bool ok_info, enum plan_field, struct verdicts *);

/* One quota line: a family's or the region's vCPU. */
struct quota_facts {
	bool	known;
	long	limit;
	long	usage;
	char	label[96];	/* "Standard Dv2 Family vCPUs" (family only) */
};

/* Requested vCPU against the family's and the region's remaining vCPU. */
void	rules_quota(long requested_vcpu, const char *location,
	    const struct quota_facts *family, const struct quota_facts *regional,
	    struct verdicts *);

/*
 * Custom virtual network: all six or none; IPs and CIDRs; DNS service IP
 * inside the service CIDR and not its network address or first host;
 * Docker bridge overlapping neither the service CIDR nor the subnet's
 * prefix (subnet_prefix NULL when unknown).
 */
void	rules_vnet(const struct plan_vnet *, const struct cidr *subnet_prefix,
	    struct verdicts *);
/* Today's path: the same without the Docker bridge (five or none). */
void	rules_vnet_k8s(const struct plan_vnet *,
	    const struct cidr *subnet_prefix, struct verdicts *);

/* Load balancer type and subnet, and the TLS choices (no file access). */
void	rules_lb_tls(enum lb_type, const char *lb_subnet,
	    const struct plan_tls *, struct verdicts *);
/*
 * The subnet of an internal load balancer against the cluster's network:
 * with the Basic network (no VNet) Azure makes the virtual network with
 * one subnet, aks-subnet, so no other name can work.
 */
void	rules_lb_subnet_network(enum lb_type, const char *lb_subnet,
	    const struct plan_vnet *, struct verdicts *);
/* The subnet to offer an internal load balancer (borrowed from vnet). */
const char *rules_lb_subnet_default(const struct plan_vnet *);
#define AKS_BASIC_SUBNET	"aks-subnet"
bool	rules_dns_label_valid(const char *);
bool	rules_host_name_valid(const char *);

/*
 * The Microsoft-issued certificate's host name as it will look:
 * "<label>######.<region>.cloudapp.azure.com" (the six characters are
 * chosen by the service).  False if label or region is empty or invalid.
 */
bool	rules_leaf_host_preview(enum cloud, const char *label,
	    const char *region, char *buf, size_t len);
/* The cloud's public-IP DNS suffix, "cloudapp.azure.com". */
const char *rules_cloud_dns_suffix(enum cloud);

/* What is known of an existing AKS cluster, for the attach verdicts. */
struct cluster_facts {
	char	id[PLAN_TEXT_LEN];
	char	name[PLAN_NAME_LEN];
	char	location[PLAN_ID_LEN];
	char	provisioning_state[PLAN_ID_LEN];	/* "Succeeded" ... */
	char	power_state[PLAN_ID_LEN];		/* "Running" ... or "" */
	char	version[PLAN_ID_LEN];			/* current version */
	int	node_count;	/* over all pools */
	int	vcpu_total;	/* nodes x vCPU over all pools; 0 unknown */
	bool	private_cluster;
	char	authorized_ranges[PLAN_TEXT_LEN];	/* "a/24, b/32" or "" */
	char	attached_workspace[PLAN_NAME_LEN];	/* "" if not attached */
	char	attached_as[PLAN_NAME_LEN];
	/* Today's path (attach of compute type Kubernetes). */
	bool	service_principal;	/* no managed identity */
	char	attached_type[PLAN_ID_LEN];	/* "AKS", "Kubernetes", "" */
	char	smallest_size[PLAN_ID_LEN];	/* fewest vCPU of its pools */
};

/*
 * Every attach verdict on a cluster: subscription, state, version,
 * production size (for FastProd), private, authorized ranges, existing
 * attachment.  Adds CLUSTER_OK (info) when nothing is an error.
 */
void	rules_attach_cluster(const struct cluster_facts *, enum purpose,
	    const char *workspace_subscription, const struct k8s_offer *,
	    size_t n_offers, struct verdicts *);
/*
 * The same for an attach as a compute of the type; rules_attach_cluster()
 * is AKS.  As Kubernetes (kubernetes-path.md A.10, C.5, C.6): a managed
 * identity, not a service principal; the cluster may be attached
 * elsewhere too (info), unless as a legacy AKS compute (an error: migrate
 * it); production's nodes of 4 vCPU and 14 GB.
 */
void	rules_attach_cluster_as(const struct cluster_facts *,
	    enum compute_type, enum purpose,
	    const char *workspace_subscription, const struct k8s_offer *,
	    size_t n_offers, struct verdicts *);

struct ext_settings;
/*
 * The cluster's azureml extension against the settings an attach or an
 * update wants (kubernetes-path.md B.2, B.7): absent, it is installed;
 * Succeeded with the same settings (and no certificate to send), kept;
 * other settings, each change said and the whole extension sent again;
 * Failed, installed again; still running, refused.  cluster: its name.
 */
void	rules_attach_extension(const char *cluster,
	    const struct ext_settings *want, bool tls_custom, bool present,
	    const char *state, const struct ext_settings *have,
	    struct verdicts *);
/*
 * Does have carry want's choices (router, load balancer, TLS, purpose,
 * workloads)?  The bookkeeping settings (location, cluster name) are not
 * compared.  With vs, each difference is an EXT_CHANGE info.
 */
bool	k8s_extension_same(const struct ext_settings *want,
	    const struct ext_settings *have, struct verdicts *);

/*
 * What is known beyond the plan itself.  Every member is optional: NULL,
 * 0 or false mean "not known", and the rules that need it are skipped
 * (offline `plan check` knows nothing but the catalogue).
 */
struct plan_facts {
	enum cloud			 cloud;
	const char			*workspace_subscription;
	const char			*workspace_location;
	const char *const		*existing_names;
	size_t				 n_existing_names;
	bool				 names_known;
	const struct vm_size		*size;	/* NULL: the catalogue's */
	bool				 sizes_known;	/* size_offered is meaningful */
	bool				 size_offered;
	struct quota_facts		 family_quota;
	struct quota_facts		 regional_quota;
	const struct cidr		*subnet_prefix;
	const struct cluster_facts	*cluster;	/* attach */
	const struct k8s_offer		*offers;
	size_t				 n_offers;
	/* Today's path (create): what preflight found. */
	bool				 cluster_known;	/* looked up */
	bool				 cluster_exists;	/* name taken */
	const char *const		*unregistered;	/* provider namespaces */
	size_t				 n_unregistered;
	/* Today's path, the cluster there: is the compute's namespace? */
	bool				 namespace_known;
	bool				 namespace_exists;
	/* Today's path (attach, update): the cluster's azureml extension. */
	bool				 extension_known;	/* looked up */
	bool				 extension_present;
	const char			*extension_state;
	const struct ext_settings	*extension_settings;	/* its own */
	const struct ext_settings	*extension_wanted;	/* the plan's */
	/* Deploying (create-endpoint): the compute's type (NULL: not
	 * known), and whether the endpoint's name is taken. */
	const char			*endpoint_compute_type;
	bool				 endpoint_known;	/* looked up */
	bool				 endpoint_exists;
	/*
	 * Deploy: what preflight read (each NULL or false: not known, no
	 * rule).  The existing endpoint's compute (its name), its
	 * deployments, the cluster's nodes (size, Kubernetes version,
	 * count, max pods per node) with the other deployments' instances
	 * on them, and whether the model and environment references exist.
	 */
	const char			*endpoint_compute;
	const char *const		*deployments;
	size_t				 n_deployments;
	bool				 deployments_known;
	const struct vm_size		*node_size;
	const char			*node_k8s_version;
	int				 node_count;
	int				 node_max_pods;
	const struct deploy_placed	*placed;
	size_t				 n_placed;
	bool				 model_known, model_exists;
	bool				 code_known, code_exists;
	bool				 environment_known, environment_exists;
	/* The compute's provisioning state (NULL: not known); whether the
	 * endpoint's traffic goes to other deployments. */
	const char			*compute_state;
	bool				 endpoint_routes_others;
	/* The existing endpoint's auth mode, as REST spells it, or NULL. */
	const char			*endpoint_auth_mode;
	/* A change of a running endpoint: the endpoint as it is (NULL:
	 * not looked up). */
	const struct change_facts	*change;
};

/* Every rule that applies to the plan's operation. */
void	plan_check(const struct plan *, const struct plan_facts *,
	    struct verdicts *);

#endif
