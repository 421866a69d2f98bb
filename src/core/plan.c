/* The plan in memory: defaults and the stable names of its enums. */
#include "config.h"
#include "core/plan.h"

#include <string.h>
#include <strings.h>

void
plan_init(struct plan *p, enum plan_op op)
{
	memset(p, 0, sizeof *p);
	p->version = PLAN_VERSION;
	p->op = op;
	memcpy(p->compute_type, "AKS", 4);
	p->purpose = PURPOSE_FASTPROD;
	p->lb_type = LB_PUBLIC;
	p->tls.mode = TLS_DISABLED;
	p->detach_action = DETACH_KEEP;
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
static const struct name_row tls_status_names[] = {
	{ TLS_DISABLED, "Disabled" }, { TLS_MICROSOFT, "Auto" },
	{ TLS_CUSTOM, "Enabled" },
};
static const struct name_row detach_names[] = {
	{ DETACH_KEEP, "Detach" }, { DETACH_DELETE, "Delete" },
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

const char *
tls_status_name(enum tls_mode m)
{
	return name_of(tls_status_names, NROWS(tls_status_names), (int)m);
}

bool
plan_vnet_is_empty(const struct plan_vnet *v)
{
	return v->resource_group[0] == '\0' && v->vnet[0] == '\0' &&
	    v->subnet[0] == '\0' && v->service_cidr[0] == '\0' &&
	    v->dns_service_ip[0] == '\0' && v->docker_bridge_cidr[0] == '\0';
}
