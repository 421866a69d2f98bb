/*
 * Today's path (kubernetes-path.md): an AKS cluster with the Azure ML
 * extension, attached as a compute of type Kubernetes.  The AKS name rules
 * (section A.2), the node sizes (A.4, A.10), the mapping of the wizard's
 * choices to the extension's settings (B.4, B.5) and the extension's
 * validation rules (B.6) and health checks (B.8), as pure functions.  The
 * wizard, the CLI and the sandbox call them; the verdicts speak of
 * akswiz's settings, not of az's flags.
 */
#ifndef AKSWIZ_CORE_RULES_K8S_H
#define AKSWIZ_CORE_RULES_K8S_H

#include <stdbool.h>
#include <stddef.h>

#include "core/plan.h"
#include "core/verdict.h"
#include "core/vmcatalogue.h"

#define AKS_CLUSTER_NAME_MAX	63
#define AKS_POOL_NAME_MAX	12
#define AKS_DNS_PREFIX_MAX	54
#define AKS_SYSTEM_MIN_VCPU	2
#define AKS_SYSTEM_MIN_MEMORY_GB 4
#define K8S_PROD_NODE_VCPU	4
#define K8S_PROD_NODE_MEMORY_GB	14
#define K8S_HA_MIN_NODES	3

/* The extension's type, its name and release namespace as akswiz makes it. */
#define EXT_TYPE		"Microsoft.AzureML.Kubernetes"
#define EXT_NAME		"azureml"
#define EXT_RELEASE_NAMESPACE	"azureml"
/* The protected settings that carry the certificate and key (base64 PEM). */
#define EXT_SSL_CERT		"scoringFe.sslCert"
#define EXT_SSL_KEY		"scoringFe.sslKey"
/* Public settings akswiz reads back from an installed extension (B.5). */
#define EXT_SET_PURPOSE		"clusterPurpose"
#define EXT_SET_ROUTER		"inferenceRouterServiceType"
#define EXT_SET_CNAME		"sslCname"
#define EXT_SET_ILB_PROVIDER	"internalLoadBalancerProvider"
#define EXT_SET_INSECURE	"allowInsecureConnections"

/* True if s is a valid name of the kind (A.2). */
bool	aks_cluster_name_valid(const char *);
bool	aks_pool_name_valid(const char *);
bool	aks_dns_prefix_valid(const char *);

/* Cluster name: pattern, then the words AKS reserves (A.9). */
void	rules_aks_cluster_name(const char *, struct verdicts *);
void	rules_aks_pool_name(const char *, struct verdicts *);
void	rules_aks_dns_prefix(const char *, struct verdicts *);

/*
 * Purpose x size on this path: rules_sizing's nodes and nodes x vCPU,
 * plus each node of production at least 4 vCPU and 14 GB, and the VM of a
 * System pool at least 2 vCPU and 4 GB (an error here, an AKS rule).
 * size NULL: unknown, only the node rules run.
 */
void	rules_k8s_sizing(enum purpose, int nodes, const struct vm_size *,
	    bool ok_info, enum plan_field, struct verdicts *);
/* The same for one pool: the System pool's VM rule only when system. */
void	rules_k8s_pool_sizing(enum purpose, int nodes,
	    const struct vm_size *, bool system, bool ok_info,
	    enum plan_field, struct verdicts *);

/* The inference router's Kubernetes service type. */
enum router_service {
	ROUTER_LOADBALANCER,	/* the default */
	ROUTER_NODEPORT,
	ROUTER_CLUSTERIP
};
const char	*router_service_name(enum router_service);	/* "LoadBalancer" */
bool		 router_service_parse(const char *, enum router_service *);
/* What the router's service type means, untranslated (N_() text): the
 * wizard and browse's update and migrate forms show it after its name. */
const char	*router_service_meaning(enum router_service);

/* Extension settings: string to string, in the order set. */
#define EXT_KEY_LEN		96
#define EXT_VALUE_LEN		PLAN_TEXT_LEN
#define EXT_SETTINGS_MAX	40
struct ext_setting {
	char	key[EXT_KEY_LEN];
	char	value[EXT_VALUE_LEN];
};
struct ext_settings {
	size_t			n;
	bool			overflow;	/* a setting did not fit */
	struct ext_setting	s[EXT_SETTINGS_MAX];
};
void		 ext_settings_init(struct ext_settings *);
/* Set key (replacing its value if present); false if it did not fit. */
bool		 ext_settings_set(struct ext_settings *, const char *key,
		    const char *value);
/* The value of key (exact case), or NULL. */
const char	*ext_settings_get(const struct ext_settings *, const char *key);
/* Is the value "true" in any case (the CLI's comparison)? */
bool		 ext_setting_true(const char *);

/* The wizard's choices on this path and what the settings need to say. */
struct k8s_choices {
	enum purpose		 purpose;
	enum router_service	 router;
	enum lb_type		 lb;
	enum tls_mode		 tls;
	const char		*cname;		/* TLS_CUSTOM */
	bool			 migrate;	/* from a legacy AKS compute */
	const char		*cluster_id;	/* ARM ID of the cluster */
	const char		*cluster_name;
	const char		*location;
};

/*
 * The extension's public settings for the choices, as az k8s-extension
 * create sends them (B.4, B.10).  The certificate and key go in the
 * protected settings EXT_SSL_CERT / EXT_SSL_KEY, which the caller fills
 * from the files: core reads no file.
 */
void	k8s_extension_settings(const struct k8s_choices *,
	    struct ext_settings *);

/*
 * The choices themselves: NodePort with an internal load balancer, a
 * Microsoft certificate (legacy only), TLS off (a warning), the internal
 * balancer's subnet (info).
 */
void	rules_k8s_choices(const struct k8s_choices *, struct verdicts *);

/*
 * The extension's validation rules (B.6), in their order: cluster scope
 * (scope_namespace non-NULL: namespace scope), no key in both maps,
 * inference or training, then with inference: TLS material or insecure
 * allowed, a CNAME with TLS, the router's service type, NodePort without
 * an internal provider.
 */
void	rules_extension(const struct ext_settings *settings,
	    const struct ext_settings *protected_settings,
	    const char *scope_namespace, struct verdicts *);
/*
 * A cluster that still runs a legacy AKS compute's azureml-fe (D.4): the
 * extension installs over it only as an upgrade, scoringFe.enableUpgrade
 * true and the deployment annotated azureml-fe-enable-upgrade=true.
 */
#define EXT_FE_UPGRADE_ANNOTATION	"azureml-fe-enable-upgrade"
void	rules_extension_legacy_fe(const struct ext_settings *settings,
	    bool fe_present, bool fe_annotated, struct verdicts *);
/* What the in-cluster health check finds on a cluster of n nodes (B.8). */
void	rules_extension_nodes(const struct ext_settings *settings, int nodes,
	    struct verdicts *);
/*
 * The health-check code (B.8) that reports a failed rule inside the
 * cluster, "E40007", and its name, "INVALID_SSL_SETTING"; NULL for a
 * message no health check reports.
 */
const char	*ext_health_code(enum msg_id, const char **name);

/*
 * The compute's namespace (rules-migrate.c): a Kubernetes name (a
 * lower-case DNS-1123 label); for a migration (workspace non-NULL) not
 * the legacy compute's own, azureml-<workspace> (Azure/AML-Kubernetes
 * docs/attach-compute-on-aks-v1-cluster.md, Limitations).
 */
void	rules_k8s_namespace(const char *ns, const char *workspace,
	    struct verdicts *);
/*
 * A migration of legacy compute legacy_name: the new compute's name (the
 * compute name rules, and not the legacy one: both exist until the last
 * step), the namespace, and no Microsoft certificate (today's path has
 * none).
 */
void	rules_migrate(const char *legacy_name, const char *new_name,
	    const char *ns, const char *workspace, enum tls_mode,
	    struct verdicts *);
/* The new compute's default name: legacy-k8s, cut to the name rules. */
void	migrate_default_name(const char *legacy, char *out, size_t len);

#endif
