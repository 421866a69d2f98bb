/*
 * The plan: what the wizard or `akswiz plan new` decided and what the
 * backend performs.  This is the in-memory form, with fixed-size strings so
 * that core stays free of allocation; src/plan/ reads and writes the JSON
 * document (man/akswiz-plan.5).  Certificate and key are file paths, never
 * their contents.
 *
 * An empty string means "not given".
 */
#ifndef AKSWIZ_CORE_PLAN_H
#define AKSWIZ_CORE_PLAN_H

#include <stdbool.h>

#include "core/rules-deploy.h"
#include "core/verdict.h"

#define PLAN_VERSION		2	/* written for today's path */
#define PLAN_VERSION_LEGACY	1	/* written for a legacy AKS plan, read */

#define PLAN_ID_LEN		64	/* subscription GUIDs, sizes, regions */
#define PLAN_NAME_LEN		128	/* names: longer ones are errors */
#define PLAN_TEXT_LEN		512	/* descriptions, resource IDs, paths */

enum plan_op {
	PLAN_CREATE,
	PLAN_ATTACH,
	PLAN_DETACH,
	PLAN_UPDATE,
	PLAN_SCALE,		/* an AKS node pool's count (cluster_id, nodepool) */
	PLAN_DELETE,		/* the compute, and a cluster akswiz made */
	PLAN_MIGRATE,		/* a legacy AKS compute (name) to Kubernetes */
	PLAN_CREATE_ENDPOINT,	/* an online endpoint on the compute name */
	PLAN_DEPLOY,		/* a model as an online deployment (issue 13) */
	/*
	 * Changing a running endpoint (plan/plan-change.h): the deployment
	 * deployment.name of endpoint endpoint_name on compute name.
	 */
	PLAN_UPDATE_DEPLOYMENT,	/* instance count, autoscale, requests */
	PLAN_SET_TRAFFIC,	/* the endpoint's split: traffic */
	PLAN_DELETE_DEPLOYMENT,
	PLAN_DELETE_ENDPOINT	/* with its deployments (the service's) */
};

enum purpose {
	PURPOSE_FASTPROD,	/* production, the default */
	PURPOSE_DEVTEST,
	PURPOSE_DENSEPROD	/* accepted by the API; treated as production */
};

enum lb_type {
	LB_PUBLIC,		/* PublicIp, the default */
	LB_INTERNAL		/* InternalLoadBalancer */
};

enum tls_mode {
	TLS_DISABLED,
	TLS_MICROSOFT,		/* status Auto: a leaf domain label */
	TLS_CUSTOM		/* status Enabled: cert + key + cname */
};

enum detach_action {
	DETACH_KEEP,		/* underlyingResourceAction=Detach */
	DETACH_DELETE		/* underlyingResourceAction=Delete */
};

enum cloud {
	CLOUD_AZURE,		/* AzureCloud */
	CLOUD_CHINA,		/* AzureChinaCloud */
	CLOUD_USGOV		/* AzureUSGovernment */
};

struct plan_scope {
	char	subscription[PLAN_ID_LEN];
	char	resource_group[PLAN_NAME_LEN];
	char	workspace[PLAN_NAME_LEN];
};

struct plan_vnet {
	char	resource_group[PLAN_NAME_LEN];
	char	vnet[PLAN_NAME_LEN];
	char	subnet[PLAN_NAME_LEN];
	char	service_cidr[PLAN_ID_LEN];
	char	dns_service_ip[PLAN_ID_LEN];
	char	docker_bridge_cidr[PLAN_ID_LEN];
};

struct plan_tls {
	enum tls_mode	 mode;
	char		 leaf_label[PLAN_NAME_LEN];
	bool		 overwrite;
	char		 cert_file[PLAN_TEXT_LEN];
	char		 key_file[PLAN_TEXT_LEN];
	char		 cname[PLAN_TEXT_LEN];
};

/*
 * The compute's type: AKS (the legacy path, Azure ML v1 AksCompute) or
 * Kubernetes (today's path: an AKS cluster, the Azure ML extension, and
 * a compute of type Kubernetes).
 */
enum compute_type {
	COMPUTE_AKS,
	COMPUTE_KUBERNETES
};

/* Today's path: the AKS cluster a create makes (defaults when ""). */
struct plan_cluster {
	char	name[PLAN_NAME_LEN];		/* "" = the compute's name */
	char	resource_group[PLAN_NAME_LEN];	/* "" = the workspace's */
	char	dns_prefix[PLAN_NAME_LEN];	/* "" = derived from the name */
	char	node_pool[PLAN_NAME_LEN];	/* "" = "nodepool1" */
	char	kubernetes_version[PLAN_ID_LEN];	/* "" = AKS's default */
};

/*
 * Deploy: the online deployment made on the endpoint p->endpoint_name of
 * the Kubernetes compute p->name.  "" and DEPLOY_UNSET: not given.
 */
struct plan_deployment {
	char	name[PLAN_NAME_LEN];		/* --deployment-name */
	char	model[PLAN_TEXT_LEN];		/* a local file/folder, or NAME:VERSION (azureml: prefix allowed) */
	char	code_path[PLAN_TEXT_LEN];	/* a local folder, or "" */
	char	code[PLAN_TEXT_LEN];		/* or a registered NAME:VERSION (azureml: prefix allowed), or "" */
	char	scoring_script[PLAN_TEXT_LEN];	/* relative to code_path or code */
	char	environment[PLAN_TEXT_LEN];	/* NAME:VERSION, or "" when image is given */
	char	image[PLAN_TEXT_LEN];		/* --image, registered with conda_file as an environment */
	char	conda_file[PLAN_TEXT_LEN];
	char	instance_type[PLAN_NAME_LEN];	/* "" = the compute's default */
	char	cpu[PLAN_ID_LEN], memory[PLAN_ID_LEN];	/* requests, Kubernetes quantities ("500m", "1.5Gi"); "" unset */
	char	cpu_limit[PLAN_ID_LEN], memory_limit[PLAN_ID_LEN];
	long	gpu;				/* DEPLOY_UNSET */
	struct deploy_scale	scale;		/* core/rules-deploy.h */
	struct deploy_requests	requests;
	bool	app_insights;
	struct deploy_probe	liveness, readiness;	/* core/rules-deploy.h */
};

struct plan {
	int			 version;	/* PLAN_VERSION */
	enum plan_op		 op;
	enum compute_type	 type;
	char			 compute_type[PLAN_ID_LEN];	/* its name */
	struct plan_scope	 scope;
	char			 name[PLAN_NAME_LEN];
	char			 description[PLAN_TEXT_LEN];
	enum purpose		 purpose;
	char			 location[PLAN_ID_LEN];	/* "" = the workspace's */
	char			 vm_size[PLAN_ID_LEN];		/* create */
	int			 node_count;			/* create */
	bool			 node_count_given;	/* else 0 = unset */
	char			 cluster_id[PLAN_TEXT_LEN];	/* attach */
	enum lb_type		 lb_type;
	char			 lb_subnet[PLAN_NAME_LEN];
	struct plan_vnet	 vnet;				/* create */
	struct plan_tls		 tls;
	enum detach_action	 detach_action;			/* detach */
	/* Today's path (type COMPUTE_KUBERNETES) only. */
	struct plan_cluster	 cluster;			/* create */
	char			 namespace_[PLAN_NAME_LEN];	/* "" = default */
	char			 router_service[PLAN_ID_LEN];	/* "" = LoadBalancer */
	char			 network_plugin[PLAN_ID_LEN];	/* "" = AKS's */
	/*
	 * Today's path (cluster_id is the compute's AKS cluster): scale sets
	 * node_count on pool nodepool (vm_size and purpose for the rules);
	 * detach and delete may remove the azureml extension and the cluster.
	 */
	char			 nodepool[PLAN_NAME_LEN];	/* scale */
	bool			 uninstall_extension;		/* detach */
	bool			 delete_cluster;	/* detach, delete */
	/*
	 * Migrate: the Kubernetes compute that replaces the legacy AKS
	 * compute name on the same cluster (cluster_id); "" = name-k8s.
	 */
	char			 new_name[PLAN_NAME_LEN];
	/*
	 * Scale: the mode of pool nodepool, "System" or "User" ("" unknown:
	 * the System pool's VM rule applies, as to any pool before).
	 */
	char			 nodepool_mode[PLAN_ID_LEN];
	/*
	 * Deploying (issue 13), create-endpoint: the online endpoint's name
	 * and its auth mode as az says it ("key" or "aml_token").
	 */
	char			 endpoint_name[PLAN_NAME_LEN];
	char			 auth_mode[PLAN_ID_LEN];
	/* Deploy: the deployment, and the endpoint's traffic after it. */
	struct plan_deployment	 deployment;  /* see above */
	struct deploy_traffic	 traffic;     /* --traffic D=P ...; n == 0: 100% to the new one */
	/* Deploy: mirror traffic asked for (refused on Kubernetes). */
	struct deploy_traffic	 mirror_traffic;
	/*
	 * Deploy: the versions its register steps made (ARM IDs; "" not
	 * yet), kept in the journal's plan so that a resumed deploy does
	 * not register them again.
	 */
	struct {
		char	model[PLAN_TEXT_LEN];
		char	code[PLAN_TEXT_LEN];
		char	environment[PLAN_TEXT_LEN];
	}			 registered;
};

/* A plan of the given operation with every default set. */
void		 plan_init(struct plan *, enum plan_op);

/* Stable names used in plan documents and on the command line. */
const char	*plan_op_name(enum plan_op);		/* "create" ... */
bool		 plan_op_parse(const char *, enum plan_op *);
const char	*purpose_name(enum purpose);		/* "FastProd" ... */
bool		 purpose_parse(const char *, enum purpose *);	/* case-insensitive */
const char	*lb_type_name(enum lb_type);		/* "PublicIp" ... */
bool		 lb_type_parse(const char *, enum lb_type *);
const char	*tls_mode_name(enum tls_mode);		/* "disabled" "microsoft" "custom" */
bool		 tls_mode_parse(const char *, enum tls_mode *);
const char	*detach_action_name(enum detach_action);	/* "Detach" "Delete" */
bool		 detach_action_parse(const char *, enum detach_action *);
const char	*cloud_name(enum cloud);		/* "AzureCloud" ... */
bool		 cloud_parse(const char *, enum cloud *);
bool		 plan_vnet_is_empty(const struct plan_vnet *);
const char	*compute_type_name(enum compute_type);	/* "AKS" "Kubernetes" */
bool		 compute_type_parse(const char *, enum compute_type *);
/* Set the plan's compute type (both members). */
void		 plan_set_type(struct plan *, enum compute_type);
/*
 * Today's path, the defaults filled in: the cluster's name (the
 * compute's), its group (the workspace's), its DNS prefix (the cluster's
 * name, cut to 54, "-dns" not added), the pool ("nodepool1"), the
 * namespace ("default"), the router's service type ("LoadBalancer").
 */
const char	*plan_cluster_name(const struct plan *);
const char	*plan_cluster_group(const struct plan *);
void		 plan_dns_prefix(const struct plan *, char *, size_t);
const char	*plan_node_pool(const struct plan *);
const char	*plan_namespace(const struct plan *);
const char	*plan_router_service(const struct plan *);

#endif
