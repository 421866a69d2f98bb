/*
 * The ARM requests of today's path (kubernetes-path.md A.3, B.10, C.1):
 * a create of compute type Kubernetes is three resources, each its own
 * request and long-running operation: the AKS managed cluster, the Azure
 * ML extension on it, and the workspace's compute of type Kubernetes that
 * names the cluster.  The one place that knows their paths and bodies;
 * the steps (plan-steps.c) send them, the exports (plan-export.c) print
 * them.  Scope members that are not set appear as placeholders such as
 * {subscriptionId}.
 */
#ifndef AKSWIZ_PLAN_PLAN_K8S_H
#define AKSWIZ_PLAN_PLAN_K8S_H

#include "core/plan.h"

#define PLAN_K8S_AKS_API_VERSION	"2024-09-01"
#define PLAN_K8S_EXT_API_VERSION	"2024-11-01"
#define PLAN_K8S_ML_API_VERSION		"2024-10-01"

/* The tag that marks a cluster akswiz made (delete removes only those). */
#define PLAN_K8S_TAG			"createdBy"
#define PLAN_K8S_TAG_VALUE		"akswiz"

/*
 * The resource IDs (no query): the managed cluster, its azureml
 * extension, the compute.  Caller frees.
 */
char	*plan_k8s_cluster_id(const struct plan *);
char	*plan_k8s_extension_id(const struct plan *);
char	*plan_k8s_compute_id(const struct plan *);

/*
 * The bodies.  location: the workspace's when the plan names none (NULL:
 * a placeholder).  The extension's protected settings carry the
 * certificate and key as base64 of cert_pem and key_pem; NULL:
 * placeholders naming the files.  A body with a key: free it with
 * plan_jw_free_secret().
 */
char	*plan_k8s_cluster_body(const struct plan *, const char *location);
char	*plan_k8s_extension_body(const struct plan *, const char *location,
	    const char *cert_pem, const char *key_pem);
char	*plan_k8s_compute_body(const struct plan *, const char *location);

struct ext_settings;
struct json_object;
/* The extension's settings for the plan (location as for the bodies). */
void	plan_k8s_extension_settings(const struct plan *, const char *location,
	    struct ext_settings *);
/* The configurationSettings of an extension as fetched (NULL: none). */
void	plan_k8s_settings_of(struct json_object *extension,
	    struct ext_settings *);
/*
 * Has the extension as fetched (NULL: absent) the plan's settings, and
 * Succeeded?  Never with a custom certificate: the extension does not
 * return its protected settings, so they cannot be compared.
 */
bool	plan_k8s_extension_done(const struct plan *,
	    struct json_object *extension);

#endif
