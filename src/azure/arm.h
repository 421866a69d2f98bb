/*
 * Typed Resource Manager calls (azure-api.md sections 1, 3, 4, 5):
 * subscriptions, resource groups, workspaces, computes, managed clusters,
 * Kubernetes versions, VM sizes and usages.  Answers are parsed with json-c
 * into the plain structs below (json-c stays in this file); a missing or
 * unexpected field leaves a member NULL or 0, never crashes.
 *
 * Strings in these structs are owned by the struct and freed by its
 * _done()/list _free() function.  The parsers are public so that they can
 * be tested on the published examples.
 */
#ifndef AKSWIZ_AZURE_ARM_H
#define AKSWIZ_AZURE_ARM_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "core/state.h"

struct buf;
/* s percent-encoded onto b as one URL path segment (RFC 3986). */
void	arm_path_segment(struct buf *, const char *);

struct http_client;
struct http_token_source;
struct http_response;

#define ARM_API_ML		"2024-04-01"
#define ARM_API_AKS		"2024-09-01"
#define ARM_API_ORCHESTRATORS	"2019-08-01"
#define ARM_API_COMPUTE		"2024-07-01"
#define ARM_API_SUBSCRIPTIONS	"2022-12-01"
#define ARM_API_GROUPS		"2021-04-01"
#define ARM_API_PROVIDERS	"2021-04-01"
#define ARM_API_EXTENSIONS	"2024-11-01"	/* KubernetesConfiguration */
#define ARM_MAX_PAGES		10000	/* a nextLink loop is cut here */

struct arm {
	struct http_client		*http;	/* (borrowed) */
	const struct http_token_source	*auth;	/* (borrowed) */
	char				 endpoint[256];	/* no trailing / */
	long				 requests;	/* calls made */
};

struct arm_subscription {
	char	*id;		/* the GUID */
	char	*name;		/* displayName */
	char	*state;
	char	*tenant;
};

struct arm_group {
	char	*name;
	char	*location;
};

struct arm_workspace {
	char	*id;
	char	*name;
	char	*resource_group;	/* parsed from id */
	char	*location;
};

struct arm_compute {
	char	*id;
	char	*name;
	char	*location;
	char	*compute_type;		/* "AKS", "AmlCompute", ... */
	char	*compute_location;
	char	*provisioning_state;	/* as written, for display */
	enum provisioning_state prov;	/* parsed from it, to classify */
	char	*description;
	char	*resource_id;		/* the AKS cluster (attach) */
	bool	 is_attached;
	char	*created_on;
	char	*modified_on;
	/* properties.properties (AKS) */
	char	*cluster_fqdn;
	int	 agent_count;		/* -1 unknown */
	char	*agent_vm_size;		/* agentVmSize or agentVMSize */
	char	*cluster_purpose;
	char	*lb_type;
	char	*lb_subnet;
	char	*ssl_status;		/* as written, for display */
	enum tls_status tls;		/* parsed from it, to classify */
	char	*ssl_cname;
	char	*ssl_leaf_label;
	/* properties.properties (Kubernetes, kubernetes-path.md C.2) */
	char	*k8s_namespace;		/* namespace */
	char	*default_instance_type;
	char	*instance_types;	/* the names, "a, b", or NULL */
	char	*release_train;		/* extensionInstanceReleaseTrain */
	char	*error_code;		/* first provisioningErrors entry */
	char	*error_message;
	char	*error_detail;		/* its innermost detail, or NULL */
};

struct arm_compute_list {
	struct arm_compute	*v;
	size_t			 n, alloc;
};

struct arm_pool {
	char	*name;
	int	 count;
	char	*vm_size;
	char	*mode;
	bool	 autoscale;		/* enableAutoScaling */
	int	 min_count;		/* -1 when absent */
	int	 max_count;		/* -1 when absent */
};

struct arm_cluster {
	char		*id;
	char		*name;
	char		*location;
	char		*provisioning_state;	/* as written */
	enum provisioning_state prov;		/* parsed from it */
	char		*power_state;
	char		*version;	/* current, else the requested one */
	char		*fqdn;
	char		*private_fqdn;
	bool		 private_cluster;
	char		*authorized_ranges;	/* "a/24, b/32" or NULL */
	char		*lb_sku;
	struct arm_pool	*pools;
	size_t		 npools;
	char		*created_by;	/* tags.createdBy (PLAN_K8S_TAG) */
	/* Signs in with a service principal: servicePrincipalProfile's
	 * clientId is not "msi" and it has no managed identity. */
	bool		 service_principal;
};

/* One entry of an extension's statuses[] (kubernetes-path.md B.3). */
struct arm_ext_status {
	char	*code;
	char	*display_status;
	char	*level;			/* "Error", "Warning", "Information" */
	char	*message;
};

/*
 * A cluster extension (Microsoft.KubernetesConfiguration, B.3, B.7).
 * configurationProtectedSettings is never read: the service does not
 * return it, and what it would hold is a secret.
 */
struct arm_extension {
	char			*id;
	char			*name;
	char			*extension_type;
	char			*version;	/* the pinned one, or NULL */
	char			*current_version;	/* installed */
	char			*release_train;
	bool			 auto_upgrade;	/* autoUpgradeMinorVersion */
	char			*release_namespace;	/* scope.cluster */
	char			*provisioning_state;	/* as written */
	enum provisioning_state	 prov;		/* parsed from it */
	/* configurationSettings, in the answer's order */
	char			**setting_keys;
	char			**setting_values;
	size_t			 nsettings;
	struct arm_ext_status	*statuses;
	size_t			 nstatuses;
	char			*error_code;	/* errorInfo */
	char			*error_message;
};

struct arm_k8s_version {
	char	*version;
	bool	 is_default;
	bool	 is_preview;
};

struct arm_vm_size {
	char	*name;
	int	 vcpus;
	long	 memory_mb;
};

struct arm_usage {
	char	*name;		/* "cores", "standardDv2Family" */
	char	*label;		/* localizedValue */
	long	 current;
	long	 limit;
};

/* A growable list of one of the element types above. */
#define ARM_LIST(type, elem) \
	struct type { struct elem *v; size_t n, alloc; }
ARM_LIST(arm_subscription_list, arm_subscription);
ARM_LIST(arm_group_list, arm_group);
ARM_LIST(arm_workspace_list, arm_workspace);
ARM_LIST(arm_cluster_list, arm_cluster);
ARM_LIST(arm_k8s_version_list, arm_k8s_version);
ARM_LIST(arm_vm_size_list, arm_vm_size);
ARM_LIST(arm_usage_list, arm_usage);

void	arm_init(struct arm *, struct http_client *,
	    const struct http_token_source *, const char *endpoint);
/*
 * Whether this client refuses changes (--readonly, enforced in http.c):
 * the screens ask it to leave out what would change something in Azure
 * (create, attach, detach, update, submit).  A NULL arm is not read-only.
 */
bool	arm_readonly(const struct arm *);

/*
 * Parsers: body -> structs appended to the list; *next (may be NULL) gets
 * the nextLink (caller frees) or NULL.  False + ERR_PARSE on a body that
 * is not the expected JSON.
 */
bool	arm_parse_subscriptions(const char *, struct arm_subscription_list *,
	    char **next, struct err *);
bool	arm_parse_groups(const char *, struct arm_group_list *, char **next,
	    struct err *);
bool	arm_parse_workspaces(const char *, struct arm_workspace_list *,
	    char **next, struct err *);
bool	arm_parse_workspace(const char *, struct arm_workspace *,
	    struct err *);
bool	arm_parse_computes(const char *, struct arm_compute_list *,
	    char **next, struct err *);
/*
 * A page's computes to row() one at a time, their strings the page's own
 * (valid during the call; no copies): for lists written as read.
 */
bool	arm_parse_computes_each(const char *, char **next,
	    void (*row)(const struct arm_compute *, void *), void *arg,
	    struct err *);
bool	arm_parse_compute(const char *, struct arm_compute *, struct err *);
bool	arm_parse_clusters(const char *, struct arm_cluster_list *,
	    char **next, struct err *);
bool	arm_parse_cluster(const char *, struct arm_cluster *, struct err *);
bool	arm_parse_k8s_versions(const char *, struct arm_k8s_version_list *,
	    struct err *);
bool	arm_parse_orchestrators(const char *, struct arm_k8s_version_list *,
	    struct err *);
bool	arm_parse_vm_sizes(const char *, struct arm_vm_size_list *,
	    struct err *);
bool	arm_parse_usages(const char *, struct arm_usage_list *, char **next,
	    struct err *);
bool	arm_parse_extension(const char *, struct arm_extension *,
	    struct err *);
/* The value of a public setting (key without case), or NULL. */
const char *arm_extension_setting(const struct arm_extension *,
	    const char *key);
/*
 * Why an extension is not healthy: "code: message" of its first statuses[]
 * entry of level Error (the health check's, B.8), else of errorInfo; NULL
 * when neither says anything.  Caller frees.
 */
char	*arm_extension_problem(const struct arm_extension *);
/*
 * What the Azure ML extension's settings make of scoring (B.5): the load
 * balancer as a legacy compute says it, "InternalLoadBalancer" (with
 * internalLoadBalancerProvider=azure) or "PublicIp" (LoadBalancer), else
 * the router's service type as set ("NodePort", "ClusterIP"); and TLS,
 * "Disabled" with allowInsecureConnections=True, else "Enabled".
 */
const char *arm_extension_lb_type(const struct arm_extension *);
const char *arm_extension_ssl_status(const struct arm_extension *);
/*
 * The Azure ML extension's clusterPurpose, inferenceRouterServiceType and
 * sslCname (core/rules-k8s.h's EXT_SET_* names), or NULL when not set.
 */
const char *arm_extension_purpose(const struct arm_extension *);
const char *arm_extension_router(const struct arm_extension *);
const char *arm_extension_cname(const struct arm_extension *);
/* listClusterUserCredential's base64 kubeconfig, decoded (caller frees). */
bool	arm_parse_credentials(const char *, char **kubeconfig, struct err *);

void	arm_compute_done(struct arm_compute *);
void	arm_cluster_done(struct arm_cluster *);
void	arm_extension_done(struct arm_extension *);
void	arm_workspace_done(struct arm_workspace *);
void	arm_compute_list_free(struct arm_compute_list *);
void	arm_subscription_list_free(struct arm_subscription_list *);
void	arm_group_list_free(struct arm_group_list *);
void	arm_workspace_list_free(struct arm_workspace_list *);
void	arm_cluster_list_free(struct arm_cluster_list *);
void	arm_k8s_version_list_free(struct arm_k8s_version_list *);
void	arm_vm_size_list_free(struct arm_vm_size_list *);
void	arm_usage_list_free(struct arm_usage_list *);

/*
 * URLs (names escaped, api-version added; caller frees): the workspace's
 * compute, the first page of its compute list, the workspace itself.
 */
char	*arm_compute_url(const struct arm *, const char *sub, const char *rg,
	    const char *ws, const char *name);
char	*arm_computes_url(const struct arm *, const char *sub, const char *rg,
	    const char *ws);
char	*arm_workspace_url(const struct arm *, const char *sub,
	    const char *rg, const char *ws);

/*
 * Calls.  Each returns false with err filled (arm_error_summary() for an
 * ARM error answer, ERR_PARSE for a malformed one).  Lists follow nextLink.
 */
bool	arm_list_subscriptions(struct arm *, struct arm_subscription_list *,
	    struct err *);
bool	arm_list_groups(struct arm *, const char *sub, struct arm_group_list *,
	    struct err *);
/* rg NULL: every workspace of the subscription. */
bool	arm_list_workspaces(struct arm *, const char *sub, const char *rg,
	    struct arm_workspace_list *, struct err *);
bool	arm_get_workspace(struct arm *, const char *sub, const char *rg,
	    const char *ws, struct arm_workspace *, struct err *);
/*
 * arm_get_workspace(), and when the answer is that the subscription, the
 * group or the workspace does not exist, err->msg says which and how to
 * choose another.
 */
bool	arm_check_workspace(struct arm *, const char *sub, const char *rg,
	    const char *ws, struct arm_workspace *, struct err *);
/* Make a failed call's 404 on the scope into that message; true if so. */
bool	arm_scope_explain(struct err *, const char *sub, const char *rg,
	    const char *ws);
bool	arm_list_computes(struct arm *, const char *sub, const char *rg,
	    const char *ws, struct arm_compute_list *, struct err *);
/* *found false (and true returned) on 404. */
bool	arm_get_compute(struct arm *, const char *sub, const char *rg,
	    const char *ws, const char *name, struct arm_compute *,
	    bool *found, struct err *);
/*
 * PUT a compute body (from plan-arm).  Never retried by http.c: the
 * caller looks (arm_get_compute) before it sends again.  rsp is the raw
 * first answer for lro_start (caller calls http_response_done).
 */
bool	arm_put_compute(struct arm *, const char *url, const char *body,
	    struct http_response *, struct err *);
/* DELETE with underlyingResourceAction (Detach or Delete). */
bool	arm_delete_compute(struct arm *, const char *url, const char *action,
	    struct http_response *, struct err *);
/*
 * Any method on any absolute URL (a plan's step, whatever its target);
 * no_retry: http.c does not repeat it (the caller looks before it sends
 * again).  rsp is the raw answer (caller calls http_response_done).
 */
/*
 * Today's path.  A resource provider's registrationState in the
 * subscription ("Registered", "NotRegistered", "Registering" ...), and
 * the POST that registers it (the state it answers in state).
 */
bool	arm_get_provider(struct arm *, const char *sub, const char *ns,
	    char *state, size_t len, struct err *);
bool	arm_register_provider(struct arm *, const char *sub, const char *ns,
	    char *state, size_t len, struct err *);
/* Whether the resource id exists (a GET: 200 yes, 404 no). */
bool	arm_resource_exists(struct arm *, const char *id,
	    const char *api_version, bool *exists, struct err *);
bool	arm_send(struct arm *, const char *method, const char *url,
	    const char *body, bool no_retry, struct http_response *,
	    struct err *);
/* A GET of any absolute URL (polls); any HTTP status is an answer. */
bool	arm_get_raw(struct arm *, const char *url, struct http_response *,
	    struct err *);
/*
 * A list read a page at a time (the screens show rows as pages arrive):
 * each page's nextLink followed verbatim until it is absent, null or
 * empty; a page refused or unreadable ends the list with its error, and so
 * does a list that has not ended after ARM_MAX_PAGES pages (a loop).
 * parse appends one page's items to list and sets the nextLink (new) or
 * NULL; arm_parse_computes_page is the computes' one.
 */
typedef bool (*arm_page_parser)(const char *body, void *list, char **next,
	    struct err *);
struct arm_ahead;
struct arm_pager {
	struct arm	*arm;
	char		*next;		/* the next page's URL (owned) */
	int		 pages;		/* fetched so far */
	bool		 prefetch;	/* arm_pager_prefetch() */
	struct arm_ahead *ahead;	/* the page asked for early, or NULL */
};
/* Start at first (taken over; NULL: an empty list). */
void	arm_pager_init(struct arm_pager *, struct arm *, char *first);
/*
 * Ask for page n+1 while page n is parsed (list): when a page's nextLink
 * can be read before it is parsed, the parser runs on a thread of its own
 * while the caller's thread GETs that page on the same HTTP client (the
 * same connection, the same retries), and the next arm_pager_next() takes
 * that answer.  The parser must not use the HTTP client (it only parses)
 * and may run on another thread; the caller ends with arm_pager_done().
 * A page that fails, or whose parsed nextLink is not the one read early,
 * drops the early answer (so the error, the cap and the URLs followed are
 * those of a serial list).
 */
void	arm_pager_prefetch(struct arm_pager *);
/* Whether a page is left to fetch. */
bool	arm_pager_more(const struct arm_pager *);
/* Fetch the next page into list; false + err ends the list. */
bool	arm_pager_next(struct arm_pager *, arm_page_parser, void *list,
	    struct err *);
void	arm_pager_done(struct arm_pager *);
bool	arm_parse_computes_page(const char *, void *list, char **next,
	    struct err *);
/*
 * A list page's nextLink read before the page is parsed (then the next
 * page is asked for while this one is parsed), or NULL (caller frees).
 */
char	*arm_page_next_link(const char *body, size_t len);
/* Free what the page parsers keep from a page to the next (pager_done). */
void	arm_parse_release(void);
/*
 * Every page of a list from first (taken over) into list; on failure the
 * list is emptied with drop.
 */
bool	arm_list_pages(struct arm *, char *first, arm_page_parser,
	    void (*drop)(void *), void *list, struct err *);
/* rg NULL: the whole subscription. */
bool	arm_list_clusters(struct arm *, const char *sub, const char *rg,
	    struct arm_cluster_list *, struct err *);
bool	arm_get_cluster(struct arm *, const char *cluster_id,
	    struct arm_cluster *, struct err *);
/*
 * GET a cluster's extension (name NULL: core's EXT_NAME, "azureml");
 * *found false (and true returned) when the cluster has no extension of
 * that name.
 */
bool	arm_get_extension(struct arm *, const char *cluster_id,
	    const char *name, struct arm_extension *, bool *found,
	    struct err *);
bool	arm_cluster_credentials(struct arm *, const char *cluster_id,
	    char **kubeconfig, struct err *);
/* kubernetesVersions, falling back to orchestrators 2019-08-01. */
bool	arm_list_k8s_versions(struct arm *, const char *sub,
	    const char *location, struct arm_k8s_version_list *, struct err *);
bool	arm_list_vm_sizes(struct arm *, const char *sub, const char *location,
	    struct arm_vm_size_list *, struct err *);
bool	arm_list_usages(struct arm *, const char *sub, const char *location,
	    struct arm_usage_list *, struct err *);

/* The usage entry of that name (case-insensitive), or NULL. */
const struct arm_usage *arm_usage_find(const struct arm_usage_list *,
	    const char *name);

#endif
