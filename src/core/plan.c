/* The plan in memory: defaults and the stable names of its enums. */
#include "config.h"
#include "core/plan.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

void
plan_init(struct plan *p, enum plan_op op)
{
	memset(p, 0, sizeof *p);
	p->version = PLAN_VERSION;
	p->op = op;
	/* An online endpoint goes on a Kubernetes compute. */
	plan_set_type(p, op == PLAN_MIGRATE || op == PLAN_CREATE_ENDPOINT ||
	    op == PLAN_DEPLOY || op == PLAN_UPDATE_DEPLOYMENT ||
	    op == PLAN_SET_TRAFFIC || op == PLAN_DELETE_DEPLOYMENT ||
	    op == PLAN_DELETE_ENDPOINT ? COMPUTE_KUBERNETES : COMPUTE_AKS);
	p->purpose = PURPOSE_FASTPROD;
	p->lb_type = LB_PUBLIC;
	p->tls.mode = TLS_DISABLED;
	p->detach_action = DETACH_KEEP;
	p->deployment.gpu = DEPLOY_UNSET;
	deploy_scale_init(&p->deployment.scale);
	deploy_requests_init(&p->deployment.requests);
	deploy_probe_init(&p->deployment.liveness);
	deploy_probe_init(&p->deployment.readiness);
}

struct name_row {
	int		 value;
	const char	*name;
};

static const char *
name_of(const struct name_row *rows, size_t n, int value)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (rows[i].value == value)
			return rows[i].name;
	return "";
}

static bool
parse_name(const struct name_row *rows, size_t n, const char *s, int *out)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcasecmp(rows[i].name, s) == 0) {
			*out = rows[i].value;
			return true;
		}
	return false;
}

#define NROWS(a) (sizeof (a) / sizeof (a)[0])

static const struct name_row op_names[] = {
	{ PLAN_CREATE, "create" }, { PLAN_ATTACH, "attach" },
	{ PLAN_DETACH, "detach" }, { PLAN_UPDATE, "update" },
	{ PLAN_SCALE, "scale" }, { PLAN_DELETE, "delete" },
	{ PLAN_MIGRATE, "migrate" },
	{ PLAN_CREATE_ENDPOINT, "create-endpoint" },
	{ PLAN_DEPLOY, "deploy" },
	{ PLAN_UPDATE_DEPLOYMENT, "update-deployment" },
	{ PLAN_SET_TRAFFIC, "set-traffic" },
	{ PLAN_DELETE_DEPLOYMENT, "delete-deployment" },
	{ PLAN_DELETE_ENDPOINT, "delete-endpoint" },
};
static const struct name_row purpose_names[] = {
	{ PURPOSE_FASTPROD, "FastProd" }, { PURPOSE_DEVTEST, "DevTest" },
	{ PURPOSE_DENSEPROD, "DenseProd" },
};
static const struct name_row lb_names[] = {
	{ LB_PUBLIC, "PublicIp" }, { LB_INTERNAL, "InternalLoadBalancer" },
};
static const struct name_row tls_names[] = {
	{ TLS_DISABLED, "disabled" }, { TLS_MICROSOFT, "microsoft" },
	{ TLS_CUSTOM, "custom" },
};
static const struct name_row detach_names[] = {
	{ DETACH_KEEP, "Detach" }, { DETACH_DELETE, "Delete" },
};
static const struct name_row type_names[] = {
	{ COMPUTE_AKS, "AKS" }, { COMPUTE_KUBERNETES, "Kubernetes" },
};
static const struct name_row cloud_names[] = {
	{ CLOUD_AZURE, "AzureCloud" }, { CLOUD_CHINA, "AzureChinaCloud" },
	{ CLOUD_USGOV, "AzureUSGovernment" },
};

#define NAME_FUNCS(prefix, type, rows)					\
const char *								\
prefix##_name(type v)							\
{									\
	return name_of(rows, NROWS(rows), (int)v);			\
}									\
bool									\
prefix##_parse(const char *s, type *out)				\
{									\
	int	v;							\
									\
	if (s == NULL || !parse_name(rows, NROWS(rows), s, &v))		\
		return false;						\
	*out = (type)v;							\
	return true;							\
}

NAME_FUNCS(plan_op, enum plan_op, op_names)
NAME_FUNCS(purpose, enum purpose, purpose_names)
NAME_FUNCS(lb_type, enum lb_type, lb_names)
NAME_FUNCS(tls_mode, enum tls_mode, tls_names)
NAME_FUNCS(detach_action, enum detach_action, detach_names)
NAME_FUNCS(cloud, enum cloud, cloud_names)
NAME_FUNCS(compute_type, enum compute_type, type_names)

void
plan_set_type(struct plan *p, enum compute_type t)
{
	const char	*n = compute_type_name(t);

	p->type = t;
	memcpy(p->compute_type, n, strlen(n) + 1);
}

const char *
plan_cluster_name(const struct plan *p)
{
	return p->cluster.name[0] != '\0' ? p->cluster.name : p->name;
}

const char *
plan_cluster_group(const struct plan *p)
{
	return p->cluster.resource_group[0] != '\0' ?
	    p->cluster.resource_group : p->scope.resource_group;
}

/* The cluster's name, cut to 54 characters, without a trailing "-" or "_". */
void
plan_dns_prefix(const struct plan *p, char *out, size_t len)
{
	const char	*n = plan_cluster_name(p);
	size_t		 i, k = 0;

	if (len == 0)
		return;
	if (p->cluster.dns_prefix[0] != '\0') {
		snprintf(out, len, "%s", p->cluster.dns_prefix);
		return;
	}
	/* A DNS prefix has no underscore: AKS's names may. */
	for (i = 0; n[i] != '\0' && k < 54 && k + 1 < len; i++)
		out[k++] = n[i] == '_' ? '-' : n[i];
	while (k > 0 && out[k - 1] == '-')
		k--;
	out[k] = '\0';
}

const char *
plan_node_pool(const struct plan *p)
{
	return p->cluster.node_pool[0] != '\0' ? p->cluster.node_pool :
	    "nodepool1";
}

const char *
plan_namespace(const struct plan *p)
{
	return p->namespace_[0] != '\0' ? p->namespace_ : "default";
}

const char *
plan_router_service(const struct plan *p)
{
	return p->router_service[0] != '\0' ? p->router_service :
	    "LoadBalancer";
}


bool
plan_vnet_is_empty(const struct plan_vnet *v)
{
	return v->resource_group[0] == '\0' && v->vnet[0] == '\0' &&
	    v->subnet[0] == '\0' && v->service_cidr[0] == '\0' &&
	    v->dns_service_ip[0] == '\0' && v->docker_bridge_cidr[0] == '\0';
}
