/*
 * Resource Manager inside the sandbox: what arm.c (routing, api-version,
 * headers, subscriptions, groups, workspaces) shares with arm-compute.c
 * (ML computes and their operations) and arm-aks.c (AKS clusters,
 * Kubernetes versions, VM sizes, usages, SKUs).
 */
#ifndef AKSWIZ_SANDBOX_ARM_H
#define AKSWIZ_SANDBOX_ARM_H

#include <stdbool.h>
#include <stdint.h>

#include "sandbox/sandbox.h"
#include "sandbox/world.h"

struct json_object;

#define ARM_MAX_SEGS	16

/* One ARM request, routed. */
struct arm_ctx {
	struct sandbox			*sb;
	struct sb_world			*w;
	const struct sb_request		*req;
	struct sb_response		*resp;
	const char			*api;	/* api-version (borrowed) */
	struct sb_subscription		*sub;
	struct sb_group			*group;	/* NULL when not in the path */
	/* Segments after providers/{namespace}/ (or after the group). */
	char				*seg[ARM_MAX_SEGS];
	int				 nseg;
	uint64_t			 now_ms;
};

/* A request's context: the world's clock read and its operations ticked. */
void	arm_ctx_init(struct arm_ctx *, struct sandbox *,
	    const struct sb_request *, struct sb_response *);
/* Send o (taken) as the JSON body with status. */
void	arm_json(struct arm_ctx *, int status, struct json_object *o);
/* Send {"error": e} (e taken) with status. */
void	arm_error_obj(struct arm_ctx *, int status, struct json_object *e);
/* A new {"code","message"} object. */
struct json_object *arm_err_new(const char *code, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* ARM's ResourceNotFound for a resource type and name in the group. */
void	arm_not_found(struct arm_ctx *, const char *type, const char *name);
/* The Azure-AsyncOperation-style absolute URL for a path + query. */
void	arm_url(struct arm_ctx *, char *, size_t, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
/* Whether the api-version is one of the old (2020-era) ML shapes. */
bool	arm_ml_old(const char *api);
/* Whether the api-version is one of the 2020-era AKS cluster shapes. */
bool	arm_aks_old(const char *api);

/* arm-compute.c: .../workspaces/{ws}/computes... and operations. */
void	arm_computes(struct arm_ctx *, struct sb_workspace *);
void	arm_ml_operation(struct arm_ctx *, const char *id, bool location);
void	arm_ml_location(struct arm_ctx *, const char *location,
	    const char *what);

/* arm-endpoints.c: online endpoints, deployments, their operations. */
void	arm_endpoints(struct arm_ctx *, struct sb_workspace *);
void	arm_mfe_operation(struct arm_ctx *, const char *id, bool result);

/* arm-assets.c: models, codes, environments (containers, versions,
 * startPendingUpload) and datastores under a workspace. */
bool	arm_assets_path(const char *seg);
void	arm_assets(struct arm_ctx *, struct sb_workspace *);
/* Whether an asset version of that ARM id is in the world. */
bool	arm_asset_exists(struct sb_world *, const char *id);

/* arm-aks.c */
void	arm_clusters(struct arm_ctx *);
void	arm_aks_location(struct arm_ctx *, const char *location,
	    const char *what);
void	arm_compute_location(struct arm_ctx *, const char *location,
	    const char *what);
void	arm_compute_skus(struct arm_ctx *);

/* arm-json.c: members of a JSON object (NULL or def when absent or of
 * another type), and the world file's array key (made when missing). */
const char	*arm_jstr(struct json_object *, const char *key);
struct json_object *arm_jobj(struct json_object *, const char *key);
int64_t		 arm_jint(struct json_object *, const char *key, int64_t def);
struct json_object *arm_world_array(struct sb_world *, const char *key);
/* res's systemData: created when old (the resource before, or NULL) was,
 * modified now, by the sandbox's application. */
void		 arm_system_data(struct arm_ctx *, struct json_object *res,
		    struct json_object *old);
/*
 * An operation kept in the world file, {"id", "kind", "sinceMs", "polls",
 * "fail", "status", "endMs"}: a new one (its id in id; failing with fail,
 * taken, or as a --faults op: rule for target says); finished when its
 * time (seconds of service time) or poll count has come (true then, its
 * status and endMs set); one more poll; a GET of its resource (one more
 * poll with pollsToComplete); its status document (new).
 */
struct json_object *arm_op_new(struct arm_ctx *, const char *kind,
	    const char *target, struct json_object *fail, char *id,
	    size_t idlen);
bool	arm_op_due(struct arm_ctx *, struct json_object *op, double seconds);
void	arm_op_polled(struct arm_ctx *, struct json_object *op);
void	arm_op_seen(struct arm_ctx *, struct json_object *op);
struct json_object *arm_op_document(struct json_object *op, const char *id,
	    const char *path);

/* arm-clusters.c: cluster PUT, DELETE, agent pools, operations. */
bool	arm_cluster_write(struct arm_ctx *);
void	arm_cluster_tick(struct arm_ctx *, const struct sb_cluster *,
	    bool seen);
void	arm_aks_operation(struct arm_ctx *, const char *id);
struct json_object *arm_cluster_json(struct arm_ctx *,
	    const struct sb_cluster *);

/* arm-providers.c: registration, and the check before a PUT. */
void	arm_providers(struct arm_ctx *, const char *ns, bool reg);
bool	arm_provider_ready(struct arm_ctx *, const char *ns);

/* arm-k8s.c: cluster extensions (Microsoft.KubernetesConfiguration). */
void	arm_extensions(struct arm_ctx *);
/* Whether the cluster has a Succeeded Azure ML extension. */
bool	arm_extension_ready(struct arm_ctx *, const struct sb_cluster *);

#endif
