/*
 * A plan's steps as data: each one request to one Azure Resource Manager
 * resource, then its own long-running operation.  An attach with an
 * internal load balancer is two steps (attach the compute, then update
 * it); a create of compute type Kubernetes is three (the AKS cluster,
 * the Azure ML extension on it, the compute that names it); an attach of
 * that type two (the extension on the existing cluster, done when it has
 * the plan's settings, then the compute) and an update of it one (the
 * extension); every other plan is one.  The step runner (azure/ops.c) knows
 * nothing of what a step targets: it sends step->method to the target's
 * URL with the target's api-version, the body plan_step_body() builds
 * when the step is sent (reading the certificate and key files the plan
 * names, never keeping them), and follows the operation.  A step kind
 * may target any resource: a compute today, a managed cluster, a cluster
 * extension, an online endpoint, a deployment or a blob later.
 *
 * The kind's name shown to users ("create", "attach", "update",
 * "detach") and its stable machine name in the journal ("attachCompute")
 * come from one table.
 */
#ifndef AKSWIZ_PLAN_PLAN_STEPS_H
#define AKSWIZ_PLAN_PLAN_STEPS_H

#include <stdbool.h>
#include <stddef.h>

#include "common/err.h"
#include "core/plan.h"

struct json_object;

#define PLAN_STEPS_MAX		6
#define PLAN_STEP_TARGET_LEN	1024

enum step_kind {
	STEP_CREATE_COMPUTE,
	STEP_ATTACH_COMPUTE,
	STEP_UPDATE_COMPUTE,
	STEP_DETACH_COMPUTE,
	/* Today's path (kubernetes-path.md): a create is these three. */
	STEP_CREATE_CLUSTER,		/* PUT the AKS managed cluster */
	STEP_INSTALL_EXTENSION,		/* PUT its azureml extension */
	STEP_ATTACH_KUBERNETES,		/* PUT the compute of type Kubernetes */
	/* scale, and detach's and delete's steps on today's path */
	STEP_SCALE_POOL,	/* PUT an AKS agent pool with a new count */
	STEP_DELETE_EXTENSION,	/* DELETE the cluster's azureml extension */
	STEP_DELETE_CLUSTER,	/* DELETE the AKS managed cluster */
	STEP_DELETE_COMPUTE,	/* DELETE, underlyingResourceAction=Delete */
	/*
	 * Objects in the cluster's Kubernetes API (target: the object's
	 * path on its API server; cluster: the AKS cluster's ARM ID).
	 */
	STEP_CREATE_NAMESPACE,	/* POST api/v1/namespaces */
	STEP_ANNOTATE_FE,	/* PATCH the legacy azureml-fe's annotation */
	/* Deploying (issue 13). */
	STEP_CREATE_ENDPOINT,	/* PUT the workspace's online endpoint */
	/*
	 * A deploy (plan-deploy.h): the local model, code folder and image
	 * registered as versions (uploads, azure/assets.h), then the
	 * deployment and the endpoint's traffic.
	 */
	STEP_REGISTER_MODEL,	/* a local model file or folder */
	STEP_REGISTER_CODE,	/* the code folder */
	STEP_REGISTER_ENVIRONMENT, /* an image (and conda file) */
	STEP_CREATE_DEPLOYMENT,	/* PUT the endpoint's online deployment */
	STEP_SET_TRAFFIC,	/* PATCH the endpoint's traffic */
	/* Changing a running deployment (plan-change.h). */
	STEP_SCALE_DEPLOYMENT,	/* PATCH a deployment's sku.capacity */
	STEP_UPDATE_DEPLOYMENT,	/* PUT it as it is, scale/requests changed */
	STEP_DELETE_DEPLOYMENT,	/* DELETE an online deployment */
	STEP_DELETE_ENDPOINT	/* DELETE an online endpoint (and its
				 * deployments: the service does) */
};

enum step_method {
	STEP_PUT,
	STEP_PATCH,
	STEP_POST,
	STEP_DELETE
};

/* What tells, by a look at the target, that a step has taken effect. */
enum step_done {
	STEP_DONE_EXISTS,	/* the target exists (create, attach) */
	STEP_DONE_MATCHES,	/* it shows what the body sets (update) */
	STEP_DONE_GONE		/* it is gone (detach, delete) */
};

struct plan_step {
	enum step_kind	 kind;
	enum step_method method;
	enum step_done	 done;
	/* Not idempotent (a create): when its answer is lost, the target is
	 * looked at before the request is sent again. */
	bool		 look_first;
	/* The body is the target as it is, changed (GET it first). */
	bool		 needs_current;
	/* The target's ARM resource ID (path segments escaped). */
	char		 target[PLAN_STEP_TARGET_LEN];
	const char	*api_version;
	/* More query for the request only ("underlyingResourceAction=..."),
	 * or "". */
	char		 query[64];
	/*
	 * A step on the cluster's Kubernetes API: the AKS cluster's ARM ID,
	 * whose user kubeconfig reaches it; "" for a step on ARM.  Such a
	 * step has no long-running operation: its answer is its end.
	 */
	char		 cluster[PLAN_STEP_TARGET_LEN];
};

/* The steps of the plan, at most max; their number. */
int		 plan_steps(const struct plan *, struct plan_step *, int max);

/*
 * Append to kinds[n..] the steps that attach the plan's cluster as a
 * Kubernetes compute: the namespace's creation when it is not "default"
 * (the compute's namespace must exist: kubernetes-path.md C.6), then the
 * compute.  The new count.
 */
int		 plan_steps_add_k8s_attach(const struct plan *,
		    enum step_kind *kinds, int n);
/* The AKS cluster a plan of today's path works on (caller frees). */
char		*plan_steps_cluster_id(const struct plan *);
/*
 * Kubernetes API requests: the content type of a step's body
 * ("application/merge-patch+json" for a PATCH), and the path it is sent
 * to (a POST to the target's collection); caller frees the path.
 */
const char	*plan_step_content_type(const struct plan_step *);
char		*plan_step_kube_path(const struct plan_step *);

/* The kind's name shown to users: "create", "attach", "update" ... */
const char	*step_kind_name(enum step_kind);
/* What it does, translated, for a screen: "create the cluster" ... */
const char	*step_kind_phrase(enum step_kind);
/* Its stable machine name (journal): "createCompute" ... */
const char	*step_kind_id(enum step_kind);
/* The kind of a machine name, or of a name (version 1 journals). */
bool		 step_kind_parse(const char *id, enum step_kind *);
/* "PUT", "PATCH", "POST", "DELETE". */
const char	*step_method_name(enum step_method);

/*
 * The request body of step s, or NULL (and true) when it has none.  A
 * step with needs_current gets the target as fetched (current; it is
 * changed).  location: the workspace's, for a plan that names none.  The
 * body may carry a private key: free it with plan_jw_free_secret().
 * False + err when a file the plan names cannot be read or current is
 * missing.
 */
bool		 plan_step_body(const struct plan *, const struct plan_step *,
		    const char *location, struct json_object *current,
		    char **body, struct err *);

/*
 * The update merge: the fetched compute (changed in place and returned)
 * without its read-only members, with the plan's load balancer and TLS
 * settings (replacing the old ones, not merged into them), and the
 * certificate and key PEM text (NULL: left out).
 */
struct json_object *plan_update_merge(struct json_object *current,
		    const struct plan *, const char *cert_pem,
		    const char *key_pem);

/*
 * The scale merge: the fetched agent pool (changed in place and returned)
 * without its read-only members, its count the plan's node_count; the
 * rest of its properties sent back as they are (a PUT replaces them).
 */
struct json_object *plan_pool_merge(struct json_object *current,
		    const struct plan *);

/*
 * Whether the target as fetched (current, or NULL: it does not exist)
 * shows that step s has taken effect.
 */
bool		 plan_step_done(const struct plan *, const struct plan_step *,
		    struct json_object *current);

/*
 * The bodies' helpers: member k of o, made an object if it is not one;
 * member k as text, or "".
 */
struct json_object *plan_step_object_at(struct json_object *, const char *);
const char	*plan_step_str_at(struct json_object *, const char *);

#endif
