/*
 * Online endpoints and their Kubernetes deployments (deploy.md 1c): the
 * Resource Manager calls of `akswiz online-endpoint` and
 * `online-deployment`, and the parse of their answers.  Strings are owned
 * by the structs and freed by their _done()/_free() functions; a missing
 * member is NULL (or -1 for a number).  Keys and tokens are returned to the
 * caller only, never kept in a struct that is printed by default.
 */
#ifndef AKSWIZ_AZURE_ARM_ENDPOINTS_H
#define AKSWIZ_AZURE_ARM_ENDPOINTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "azure/arm.h"
#include "common/err.h"

/* A GA version with Kubernetes deployments (deploy.md 1c). */
#define ARM_API_ENDPOINTS	"2024-10-01"

struct arm_endpoint {
	char	*id;
	char	*name;
	char	*location;
	char	*provisioning_state;
	char	*auth_mode;		/* Key, AMLToken, AADToken */
	char	*scoring_uri;
	char	*swagger_uri;
	char	*compute;		/* the compute's ARM id */
	char	*compute_name;		/* its last segment */
	char	*traffic;		/* "blue=90 green=10", or NULL */
	char	*mirror_traffic;	/* the same form, or NULL */
	char	*description;
};

struct arm_endpoint_list {
	struct arm_endpoint	*v;
	size_t			 n, alloc;
};

struct arm_deployment {
	char	*id;
	char	*name;
	char	*provisioning_state;
	char	*compute_type;		/* endpointComputeType */
	char	*instance_type;
	long	 instance_count;	/* sku.capacity, -1 unknown */
	char	*scale_type;		/* Default, TargetUtilization */
	long	 min_instances, max_instances;	/* -1 unknown */
	char	*model;
	char	*cpu_request, *memory_request, *gpu_request;
	char	*cpu_limit, *memory_limit, *gpu_limit;
	char	*request_timeout;
	long	 max_concurrent;	/* per instance, -1 unknown */
	char	*description;
};

struct arm_deployment_list {
	struct arm_deployment	*v;
	size_t			 n, alloc;
};

/* An AMLToken endpoint's token (accessToken is the secret). */
struct arm_endpoint_token {
	char	*access_token;
	char	*token_type;
	long long expiry;		/* epoch seconds, -1 unknown */
	long long refresh_after;
};

bool	arm_parse_endpoint(const char *, struct arm_endpoint *, struct err *);
bool	arm_parse_endpoints_page(const char *, void *list, char **next,
	    struct err *);
bool	arm_parse_deployment(const char *, struct arm_deployment *,
	    struct err *);
bool	arm_parse_deployments_page(const char *, void *list, char **next,
	    struct err *);
void	arm_endpoint_done(struct arm_endpoint *);
void	arm_endpoint_list_free(struct arm_endpoint_list *);
void	arm_deployment_done(struct arm_deployment *);
void	arm_deployment_list_free(struct arm_deployment_list *);
void	arm_endpoint_token_done(struct arm_endpoint_token *);

/*
 * The URL of the workspace's endpoint (name NULL: the list), or of its
 * deployment dep ("": their list), with the api-version; an action
 * ("listKeys") appended when not NULL.  Caller frees.
 */
char	*arm_endpoint_url(const struct arm *, const char *sub,
	    const char *rg, const char *ws, const char *name,
	    const char *dep, const char *action);

/* Lists (nextLink followed). */
bool	arm_list_endpoints(struct arm *, const char *sub, const char *rg,
	    const char *ws, struct arm_endpoint_list *, struct err *);
bool	arm_list_deployments(struct arm *, const char *sub, const char *rg,
	    const char *ws, const char *endpoint, struct arm_deployment_list *,
	    struct err *);
/*
 * One endpoint or deployment: *found false (true returned) on a 404 that
 * names it (the workspace missing is an error).
 */
bool	arm_get_endpoint(struct arm *, const char *sub, const char *rg,
	    const char *ws, const char *name, struct arm_endpoint *,
	    bool *found, struct err *);
bool	arm_get_deployment(struct arm *, const char *sub, const char *rg,
	    const char *ws, const char *endpoint, const char *name,
	    struct arm_deployment *, bool *found, struct err *);

/*
 * POST listKeys: the endpoint's keys (caller frees, after clearing them
 * with arm_secret_free()).
 */
bool	arm_endpoint_keys(struct arm *, const char *sub, const char *rg,
	    const char *ws, const char *name, char **primary,
	    char **secondary, struct err *);
/* POST token: an AMLToken endpoint's token. */
bool	arm_endpoint_token(struct arm *, const char *sub, const char *rg,
	    const char *ws, const char *name, struct arm_endpoint_token *,
	    struct err *);
/*
 * POST regenerateKeys with keyType (Primary or Secondary), then its
 * Location polled (Retry-After, at least min_poll_ms, at most 10 s, 120
 * polls) until it no longer answers 202: true when it ends in 200 or 204.
 * Never retried blindly (no_retry): a lost answer is said, not repeated.
 */
bool	arm_endpoint_regenerate(struct arm *, const char *sub, const char *rg,
	    const char *ws, const char *name, const char *key_type,
	    uint64_t min_poll_ms, struct err *);
/*
 * POST getLogs of a deployment: container is InferenceServer or
 * StorageInitializer, tail the last lines (< 0: the service's default);
 * *content the text as sent (caller frees; escape it before a terminal).
 */
bool	arm_deployment_logs(struct arm *, const char *sub, const char *rg,
	    const char *ws, const char *endpoint, const char *name,
	    const char *container, long tail, char **content, struct err *);
/* Clear and free a secret. */
void	arm_secret_free(char *);

#endif
