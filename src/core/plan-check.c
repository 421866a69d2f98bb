/*
 * plan_check(): every rule that applies to a plan's operation.  Create
 * checks everything the service would refuse later (name, size, quota,
 * network, load balancer, TLS); attach checks the cluster and its ID;
 * detach and update name an existing compute, whose name may predate
 * today's naming rules, so only its presence is checked there.  Every
 * operation refuses members it does not use (man/akswiz-plan.5), and a
 * create without size or node count is judged with the service's defaults.
 *
 * Facts are optional: with a zeroed struct (offline) only the plan and
 * the built-in VM catalogue are judged.
 */
#include "config.h"
#include "core/rules.h"
#include "core/plan-deploy-check.h"
#include "core/rules-change.h"
#include "core/rules-deploy.h"
#include "core/rules-k8s.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The flag that sets a field, or its path in the plan document. */
static const char *
check_field_label(enum plan_field f)
{
	const char	*flag = plan_field_flag(f);

	return flag != NULL ? flag : plan_field_path(f);
}

/* "--name is required to create." */
static void
check_required(enum plan_field f, const struct plan *p, struct verdicts *vs)
{
	struct verdict	*v;

	v = verdicts_add(vs, f, SEV_ERROR, MSG_PLAN_REQUIRED);

	verdict_arg(v, "%s", check_field_label(f));
	verdict_arg(v, "%s", plan_op_name(p->op));
}

/* "--vm-size does not apply to attach; remove it." */
static void
check_not_applicable(enum plan_field f, const struct plan *p,
    struct verdicts *vs)
{
	struct verdict	*v;

	v = verdicts_add(vs, f, SEV_ERROR, MSG_PLAN_NOT_APPLICABLE);
	verdict_arg(v, "%s", check_field_label(f));
	verdict_arg(v, "%s", plan_op_name(p->op));
}

/* The first custom network field a plan gives (FIELD_NONE if none). */
static enum plan_field
check_vnet_given(const struct plan_vnet *vn)
{
	if (vn->resource_group[0] != '\0')
		return FIELD_VNET_RESOURCE_GROUP;
	if (vn->vnet[0] != '\0')
		return FIELD_VNET_NAME;
	if (vn->subnet[0] != '\0')
		return FIELD_SUBNET_NAME;
	if (vn->service_cidr[0] != '\0')
		return FIELD_SERVICE_CIDR;
	if (vn->dns_service_ip[0] != '\0')
		return FIELD_DNS_SERVICE_IP;
	if (vn->docker_bridge_cidr[0] != '\0')
		return FIELD_DOCKER_BRIDGE_CIDR;
	return FIELD_NONE;
}

/* The first load balancer or TLS field a plan sets (FIELD_NONE if none). */
static enum plan_field
check_lb_tls_given(const struct plan *p)
{
	if (p->lb_type != LB_PUBLIC)
		return FIELD_LB_TYPE;
	if (p->lb_subnet[0] != '\0')
		return FIELD_LB_SUBNET;
	if (p->tls.mode != TLS_DISABLED)
		return FIELD_TLS_MODE;
	if (p->tls.leaf_label[0] != '\0')
		return FIELD_TLS_LEAF_LABEL;
	if (p->tls.overwrite)
		return FIELD_TLS_OVERWRITE;
	if (p->tls.cert_file[0] != '\0')
		return FIELD_TLS_CERT_FILE;
	if (p->tls.key_file[0] != '\0')
		return FIELD_TLS_KEY_FILE;
	if (p->tls.cname[0] != '\0')
		return FIELD_TLS_CNAME;
	return FIELD_NONE;
}

/* The first member of deploy a plan gives (FIELD_NONE if none). */
static enum plan_field
check_deploy_given(const struct plan *p)
{
	const struct plan_deployment	*d = &p->deployment;

	if (p->endpoint_name[0] != '\0')
		return FIELD_ENDPOINT_NAME;
	if (p->auth_mode[0] != '\0')
		return FIELD_AUTH_MODE;
	if (d->name[0] != '\0')
		return FIELD_DEPLOYMENT_NAME;
	if (d->model[0] != '\0')
		return FIELD_MODEL;
	if (d->code_path[0] != '\0' || d->code[0] != '\0')
		return FIELD_CODE_PATH;
	if (d->scoring_script[0] != '\0')
		return FIELD_SCORING_SCRIPT;
	if (d->environment[0] != '\0')
		return FIELD_ENVIRONMENT;
	if (d->image[0] != '\0')
		return FIELD_IMAGE;
	return FIELD_NONE;
}

/*
 * The first member a plan gives that shapes a compute or its cluster
 * (FIELD_NONE if none): what an endpoint's or a deployment's operation
 * never reads (create-endpoint's description is the endpoint's).
 * Scale's pool and detach's and delete's removals have no field of their
 * own and are not named.
 */
static enum plan_field
check_compute_given(const struct plan *p)
{
	const struct plan_cluster	*c = &p->cluster;
	enum plan_field			 f;

	if (p->description[0] != '\0' && p->op != PLAN_CREATE_ENDPOINT)
		return FIELD_DESCRIPTION;
	if (p->purpose != PURPOSE_FASTPROD)
		return FIELD_PURPOSE;
	if (p->vm_size[0] != '\0')
		return FIELD_VM_SIZE;
	if (p->node_count != 0 || p->node_count_given)
		return FIELD_NODE_COUNT;
	if (p->cluster_id[0] != '\0')
		return FIELD_CLUSTER_ID;
	if ((f = check_lb_tls_given(p)) != FIELD_NONE ||
	    (f = check_vnet_given(&p->vnet)) != FIELD_NONE)
		return f;
	if (p->detach_action != DETACH_KEEP)
		return FIELD_DETACH_ACTION;
	if (c->name[0] != '\0' || c->resource_group[0] != '\0' ||
	    c->dns_prefix[0] != '\0' || c->node_pool[0] != '\0' ||
	    c->kubernetes_version[0] != '\0')
		return FIELD_CLUSTER_NAME;
	if (p->namespace_[0] != '\0')
		return FIELD_NAMESPACE;
	if (p->router_service[0] != '\0')
		return FIELD_ROUTER_SERVICE;
	if (p->network_plugin[0] != '\0')
		return FIELD_NETWORK_PLUGIN;
	if (p->new_name[0] != '\0')
		return FIELD_NEW_NAME;
	return FIELD_NONE;
}

#define OP(o)	(1u << (o))

/*
 * Members an operation does not use but the plan gives (a string that is
 * not empty, a value other than the default), as man/akswiz-plan.5's
 * table has them: each is an error naming it.  The network, the load
 * balancer and TLS, and deploy are named by their first member given.
 */
static void
check_members(const struct plan *p, struct verdicts *vs)
{
	const struct {
		unsigned	 ops;		/* the operations that use it */
		enum plan_field	 field;		/* FIELD_NONE: not given */
	} members[] = {
		{ OP(PLAN_CREATE) | OP(PLAN_ATTACH),
		    p->description[0] != '\0' ? FIELD_DESCRIPTION : FIELD_NONE },
		{ OP(PLAN_CREATE) | OP(PLAN_ATTACH) |
		    (p->type == COMPUTE_KUBERNETES ? OP(PLAN_UPDATE) : 0),
		    p->purpose != PURPOSE_FASTPROD ? FIELD_PURPOSE : FIELD_NONE },
		{ OP(PLAN_CREATE),
		    p->location[0] != '\0' ? FIELD_LOCATION : FIELD_NONE },
		{ OP(PLAN_CREATE),
		    p->vm_size[0] != '\0' ? FIELD_VM_SIZE : FIELD_NONE },
		{ OP(PLAN_CREATE),
		    p->node_count != 0 || p->node_count_given ?
		    FIELD_NODE_COUNT : FIELD_NONE },
		{ OP(PLAN_ATTACH) | OP(PLAN_DETACH) |
		    (p->type == COMPUTE_KUBERNETES ? OP(PLAN_UPDATE) : 0),
		    p->cluster_id[0] != '\0' ? FIELD_CLUSTER_ID : FIELD_NONE },
		{ OP(PLAN_CREATE) | OP(PLAN_ATTACH) | OP(PLAN_UPDATE),
		    check_lb_tls_given(p) },
		{ OP(PLAN_CREATE), check_vnet_given(&p->vnet) },
		{ OP(PLAN_DETACH), p->detach_action != DETACH_KEEP ?
		    FIELD_DETACH_ACTION : FIELD_NONE },
	};
	enum plan_field	f;
	size_t		i;

	/* deploy is for endpoints and deployments, never for a compute's
	 * or a cluster's operations, whose members are not theirs. */
	if (p->op <= PLAN_MIGRATE &&
	    (f = check_deploy_given(p)) != FIELD_NONE)
		check_not_applicable(f, p, vs);
	if (p->op > PLAN_MIGRATE &&
	    (f = check_compute_given(p)) != FIELD_NONE)
		check_not_applicable(f, p, vs);
	if ((unsigned)p->op > PLAN_UPDATE)
		return;
	for (i = 0; i < sizeof members / sizeof members[0]; i++)
		if (members[i].field != FIELD_NONE &&
		    (members[i].ops & OP(p->op)) == 0)
			check_not_applicable(members[i].field, p, vs);
}

/*
 * The workspace scope.  A plan may leave it out: `akswiz apply` fills it
 * from --subscription, -g, -w, the environment or the configuration file,
 * so the missing parts are said in one info, not refused ("--subscription,
 * --resource-group, --workspace are not in the plan"; on the first one's
 * field); a given subscription must be a GUID.
 */
static void
check_scope(const struct plan *p, struct verdicts *vs)
{
	const struct {
		enum plan_field	 field;
		const char	*value;
	} parts[] = {
		{ FIELD_SUBSCRIPTION, p->scope.subscription },
		{ FIELD_RESOURCE_GROUP, p->scope.resource_group },
		{ FIELD_WORKSPACE, p->scope.workspace },
	};
	struct verdict	*v;
	char		 missing[VERDICT_ARG_LEN] = "";
	size_t		 i, len = 0;
	long		 n = 0;
	enum plan_field	 first = FIELD_NONE;

	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (parts[i].value[0] != '\0')
			continue;
		if (n++ == 0)
			first = parts[i].field;
		snprintf(missing + len, sizeof missing - len, "%s%s",
		    len > 0 ? ", " : "", check_field_label(parts[i].field));
		len = strlen(missing);
	}
	if (n > 0) {
		v = verdicts_add(vs, first, SEV_INFO, MSG_PLAN_SCOPE_LATER);
		v->n = n;
		verdict_arg(v, "%s", missing);
	}
	if (p->scope.subscription[0] != '\0' &&
	    !guid_valid(p->scope.subscription)) {
		v = verdicts_add(vs, FIELD_SUBSCRIPTION, SEV_ERROR,
		    MSG_ID_SUBSCRIPTION);
		verdict_arg(v, "%s", p->scope.subscription);
	}
}

/* The compute name: every rule for a new compute, presence otherwise. */
static void
check_name(const struct plan *p, const struct plan_facts *f, bool new_name,
    struct verdicts *vs)
{
	if (!new_name) {
		if (p->name[0] == '\0')
			check_required(FIELD_NAME, p, vs);
		return;
	}
	rules_name_new(p->name, p->op, p->cluster_id, f->existing_names,
	    f->n_existing_names, f->names_known, vs);
}

/* A purpose outside the enum (a corrupt plan in memory). */
static void
check_purpose(const struct plan *p, struct verdicts *vs)
{
	struct verdict	*v;

	if (p->purpose == PURPOSE_FASTPROD || p->purpose == PURPOSE_DEVTEST ||
	    p->purpose == PURPOSE_DENSEPROD)
		return;
	v = verdicts_add(vs, FIELD_PURPOSE, SEV_ERROR, MSG_PURPOSE_INVALID);
	verdict_arg(v, "%d", (int)p->purpose);
}

/* Region names compare without case and spaces ("West Europe"). */
static bool
check_same_region(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		if (*a == '\0')
			return true;
		a++;
		b++;
	}
}

/*
 * Size, nodes, quota and location of a new cluster.  A size or node count
 * left out is the service's default (as with az ml and the SDK), judged
 * as such and said as an info; a count given, even 0, is judged as given
 * (the legacy SDK refuses 0: "agent count must be a positive integer").
 */
static void
check_create_size(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	const struct vm_size	*size;
	struct verdict		*v;
	const char		*location = p->location[0] != '\0' ?
				    p->location : f->workspace_location;
	const char		*size_name = p->vm_size;
	int			 vcpus = 0, nodes = p->node_count;

	if (*size_name == '\0') {
		size_name = AKS_DEFAULT_VM_SIZE;
		v = verdicts_add(vs, FIELD_VM_SIZE, SEV_INFO, MSG_SIZE_DEFAULT);
		verdict_arg(v, "%s", size_name);
	}
	size = f->size != NULL ? f->size : vm_catalogue_find(size_name);
	if (size == NULL) {
		v = verdicts_add(vs, FIELD_VM_SIZE, SEV_WARNING,
		    MSG_SIZE_UNKNOWN);
		verdict_arg(v, "%s", size_name);
	} else
		vcpus = size->vcpus;
	if (f->sizes_known && !f->size_offered) {
		v = verdicts_add(vs, FIELD_VM_SIZE, SEV_ERROR,
		    MSG_SIZE_NOT_OFFERED);
		verdict_arg(v, "%s", size_name);
		verdict_arg(v, "%s", location != NULL ? location : "");
	}
	/* A count given is judged as given: 0 is refused, not the default. */
	if (nodes == 0 && !p->node_count_given) {
		nodes = AKS_DEFAULT_NODES;
		v = verdicts_add(vs, FIELD_NODE_COUNT, SEV_INFO,
		    MSG_NODES_DEFAULT);
		verdict_arg(v, "%d", nodes);
	}
	if (p->type == COMPUTE_KUBERNETES)
		rules_k8s_sizing(p->purpose, nodes, size, false,
		    FIELD_NODE_COUNT, vs);
	else
		rules_sizing(p->purpose, nodes, vcpus, false,
		    FIELD_NODE_COUNT, vs);
	if (vcpus > 0 && nodes > 0 && nodes <= AKS_MAX_NODES) {
		struct quota_facts	family = f->family_quota;

		/* Without the service's label, name the family itself. */
		if (family.label[0] == '\0')
			snprintf(family.label, sizeof family.label, "%s",
			    size->family);
		rules_quota((long)nodes * vcpus, location, &family,
		    &f->regional_quota, vs);
	}
	if (p->location[0] != '\0' && f->workspace_location != NULL &&
	    f->workspace_location[0] != '\0' &&
	    !check_same_region(p->location, f->workspace_location)) {
		v = verdicts_add(vs, FIELD_LOCATION, SEV_WARNING,
		    MSG_LOCATION_DIFFERS);
		verdict_arg(v, "%s", p->location);
		verdict_arg(v, "%s", f->workspace_location);
	}
}

/* The cluster to attach: its ID, its subscription, what is known of it. */
static void
check_attach_cluster(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	struct cluster_facts	 c;
	struct aks_id		 id;
	const char		*ws_sub = f->workspace_subscription;

	if (ws_sub == NULL || *ws_sub == '\0')
		ws_sub = p->scope.subscription;
	if (p->cluster_id[0] == '\0') {
		check_required(FIELD_CLUSTER_ID, p, vs);
		return;
	}
	if (!aks_id_parse(p->cluster_id, &id, FIELD_CLUSTER_ID, vs))
		return;
	attach_check_subscription(&id, ws_sub, vs);
	if (f->cluster == NULL)
		return;
	/* The plan's ID was judged above; do not judge it twice. */
	c = *f->cluster;
	if (c.name[0] == '\0')
		memcpy(c.name, id.name, sizeof c.name);
	c.id[0] = '\0';
	rules_attach_cluster_as(&c, p->type, p->purpose, ws_sub, f->offers,
	    f->n_offers, vs);
}

/*
 * A node pool's new count: its cluster, and today's path's rules of the
 * purpose on the count with the pool's VM size (an unknown size: the node
 * rules only).
 */
static void
check_scale(const struct plan *p, struct verdicts *vs)
{
	struct aks_id	id;

	if (p->cluster_id[0] == '\0')
		check_required(FIELD_CLUSTER_ID, p, vs);
	else
		(void)aks_id_parse(p->cluster_id, &id, FIELD_CLUSTER_ID, vs);
	/* A User pool's VM is not held to the System pool's minimum. */
	rules_k8s_pool_sizing(p->purpose, p->node_count,
	    vm_catalogue_find(p->vm_size), strcasecmp(p->nodepool_mode,
	    "User") != 0, false, FIELD_NODE_COUNT, vs);
}

/* "--docker-bridge-cidr does not apply to compute type Kubernetes ..." */
static void
check_type_member(enum plan_field f, const struct plan *p,
    struct verdicts *vs)
{
	struct verdict	*v;

	if (f == FIELD_NONE)
		return;
	v = verdicts_add(vs, f, SEV_ERROR, MSG_K8S_NOT_APPLICABLE);
	verdict_arg(v, "%s", check_field_label(f));
	verdict_arg(v, "%s", compute_type_name(p->type));
}

/* Members only one compute type uses. */
static void
check_type_members(const struct plan *p, struct verdicts *vs)
{
	const struct plan_cluster	*c = &p->cluster;

	if (p->type == COMPUTE_KUBERNETES) {
		/* Create, attach, update and migrate take today's path;
		 * an online endpoint is on such a compute. */
		if (p->op != PLAN_CREATE && p->op != PLAN_ATTACH &&
		    p->op != PLAN_UPDATE && p->op != PLAN_MIGRATE &&
		    p->op != PLAN_CREATE_ENDPOINT && p->op != PLAN_DEPLOY &&
		    !rules_change_op(p->op))
			check_not_applicable(FIELD_COMPUTE_TYPE, p, vs);
		check_type_member(p->vnet.docker_bridge_cidr[0] != '\0' ?
		    FIELD_DOCKER_BRIDGE_CIDR : FIELD_NONE, p, vs);
		check_type_member(p->lb_subnet[0] != '\0' ? FIELD_LB_SUBNET :
		    FIELD_NONE, p, vs);
		check_type_member(p->tls.overwrite ? FIELD_TLS_OVERWRITE :
		    FIELD_NONE, p, vs);
		return;
	}
	check_type_member(c->name[0] != '\0' ? FIELD_CLUSTER_NAME :
	    c->resource_group[0] != '\0' ? FIELD_CLUSTER_GROUP :
	    c->dns_prefix[0] != '\0' ? FIELD_DNS_PREFIX :
	    c->node_pool[0] != '\0' ? FIELD_POOL_NAME :
	    c->kubernetes_version[0] != '\0' ? FIELD_K8S_VERSION : FIELD_NONE,
	    p, vs);
	check_type_member(p->namespace_[0] != '\0' ? FIELD_NAMESPACE :
	    FIELD_NONE, p, vs);
	check_type_member(p->router_service[0] != '\0' ?
	    FIELD_ROUTER_SERVICE : FIELD_NONE, p, vs);
	check_type_member(p->network_plugin[0] != '\0' ?
	    FIELD_NETWORK_PLUGIN : FIELD_NONE, p, vs);
}

/*
 * A create on today's path: the cluster's names, the router's service
 * type, the load balancer and TLS as the extension maps them, the
 * network without a Docker bridge, and what preflight found (providers,
 * the cluster's name taken).
 */
/*
 * The router's service type, the load balancer and TLS as the extension
 * maps them (create, attach, update on today's path).
 */
static void
check_k8s_choices(const struct plan *p, struct verdicts *vs)
{
	struct k8s_choices	 c;
	struct verdict		*v;

	memset(&c, 0, sizeof c);
	c.purpose = p->purpose;
	c.lb = p->lb_type;
	c.tls = p->tls.mode;
	c.cname = p->tls.cname;
	if (!router_service_parse(plan_router_service(p), &c.router)) {
		v = verdicts_add(vs, FIELD_ROUTER_SERVICE, SEV_ERROR,
		    MSG_K8S_SERVICE_TYPE);
		verdict_arg(v, "%s", p->router_service);
	} else
		rules_k8s_choices(&c, vs);
	/* The certificate, key and CNAME as on the legacy path. */
	if (p->tls.mode != TLS_MICROSOFT)
		rules_lb_tls(LB_PUBLIC, "", &p->tls, vs);
}

/*
 * An attach or update on today's path: the choices, and what preflight
 * found of the cluster's extension.
 */
static void
check_k8s_extension(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	struct aks_id	id;
	struct verdicts	scratch;
	const char	*name = p->cluster_id;

	check_k8s_choices(p, vs);
	if (!f->extension_known || f->extension_wanted == NULL)
		return;
	verdicts_init(&scratch);
	if (aks_id_parse(p->cluster_id, &id, FIELD_CLUSTER_ID, &scratch))
		name = id.name;
	rules_attach_extension(name, f->extension_wanted,
	    p->tls.mode == TLS_CUSTOM, f->extension_present,
	    f->extension_state, f->extension_settings, vs);
}

static void
check_create_k8s(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	static const char *const plugins[] = { "azure", "kubenet", "none" };
	struct verdict		*v;
	char			 dns[PLAN_NAME_LEN];
	size_t			 i;
	bool			 plugin_ok = p->network_plugin[0] == '\0';

	rules_aks_cluster_name(plan_cluster_name(p), vs);
	plan_dns_prefix(p, dns, sizeof dns);
	rules_aks_dns_prefix(dns, vs);
	rules_aks_pool_name(plan_node_pool(p), vs);
	/* Against the region's versions when preflight fetched them. */
	if (p->cluster.kubernetes_version[0] != '\0')
		k8s_version_check(p->cluster.kubernetes_version, f->offers,
		    f->n_offers, FIELD_K8S_VERSION, vs);
	check_k8s_choices(p, vs);
	rules_vnet_k8s(&p->vnet, f->subnet_prefix, vs);
	for (i = 0; i < sizeof plugins / sizeof plugins[0]; i++)
		if (strcmp(p->network_plugin, plugins[i]) == 0)
			plugin_ok = true;
	if (!plugin_ok)
		verdict_arg(verdicts_add(vs, FIELD_NETWORK_PLUGIN, SEV_ERROR,
		    MSG_K8S_NETWORK_PLUGIN), "%s", p->network_plugin);
	for (i = 0; i < f->n_unregistered; i++) {
		v = verdicts_add(vs, FIELD_CLUSTER, SEV_ERROR,
		    MSG_K8S_PROVIDER_UNREGISTERED);
		verdict_arg(v, "%s", f->unregistered[i]);
		verdict_arg(v, "%s", p->scope.subscription);
	}
	if (f->cluster_known && f->cluster_exists) {
		v = verdicts_add(vs, FIELD_CLUSTER_NAME, SEV_ERROR,
		    MSG_K8S_CLUSTER_EXISTS);
		verdict_arg(v, "%s", plan_cluster_name(p));
		verdict_arg(v, "%s", plan_cluster_group(p));
	}
}

/* The namespace: a Kubernetes name; said when the plan creates it. */
static void
check_namespace(const struct plan *p, const struct plan_facts *f,
    const char *workspace, struct verdicts *vs)
{
	struct verdict	*v;

	rules_k8s_namespace(plan_namespace(p), workspace, vs);
	if (f->namespace_known && !f->namespace_exists) {
		v = verdicts_add(vs, FIELD_NAMESPACE, SEV_INFO,
		    MSG_K8S_NAMESPACE_CREATED);
		verdict_arg(v, "%s", plan_namespace(p));
		verdict_arg(v, "%s", plan_cluster_name(p));
	}
}

/*
 * A migration: the legacy compute (name) on its cluster (cluster_id), the
 * new compute's name, free; the namespace; the load balancer and TLS as
 * the extension maps them, without a Microsoft certificate.
 */
static void
check_migrate(const struct plan *p, const struct plan_facts *f,
    struct verdicts *vs)
{
	struct k8s_choices	 c;
	struct verdict		*v;
	char			 nn[PLAN_NAME_LEN];
	size_t			 i, before;

	check_name(p, f, false, vs);
	if (p->cluster_id[0] == '\0')
		check_required(FIELD_CLUSTER_ID, p, vs);
	if (p->new_name[0] != '\0')
		snprintf(nn, sizeof nn, "%s", p->new_name);
	else
		migrate_default_name(p->name, nn, sizeof nn);
	rules_migrate(p->name, nn, plan_namespace(p), p->scope.workspace,
	    p->tls.mode, vs);
	before = vs->n;
	if (f->names_known)
		rules_name_unique(nn, f->existing_names, f->n_existing_names,
		    vs);
	for (i = before; i < vs->n; i++)
		if (vs->v[i].field == FIELD_NAME)
			vs->v[i].field = FIELD_NEW_NAME;
	check_namespace(p, f, NULL, vs);
	memset(&c, 0, sizeof c);
	c.purpose = p->purpose;
	c.lb = p->lb_type;
	c.tls = p->tls.mode;
	c.cname = p->tls.cname;
	c.migrate = true;
	if (!router_service_parse(plan_router_service(p), &c.router)) {
		v = verdicts_add(vs, FIELD_ROUTER_SERVICE, SEV_ERROR,
		    MSG_K8S_SERVICE_TYPE);
		verdict_arg(v, "%s", p->router_service);
	} else if (p->tls.mode != TLS_MICROSOFT)
		rules_k8s_choices(&c, vs);
	if (p->tls.mode == TLS_CUSTOM)
		rules_lb_tls(LB_PUBLIC, "", &p->tls, vs);
}

/* Every rule that applies to the plan's operation. */
void
plan_check(const struct plan *p, const struct plan_facts *facts,
    struct verdicts *vs)
{
	struct plan_facts	none;
	const struct plan_facts	*f = facts;

	if (f == NULL) {
		memset(&none, 0, sizeof none);
		f = &none;
	}
	check_scope(p, vs);
	switch (p->op) {
	case PLAN_CREATE:
		check_name(p, f, true, vs);
		check_purpose(p, vs);
		check_create_size(p, f, vs);
		if (p->type == COMPUTE_KUBERNETES) {
			check_create_k8s(p, f, vs);
			check_namespace(p, f, NULL, vs);
			break;
		}
		rules_vnet(&p->vnet, f->subnet_prefix, vs);
		rules_lb_tls(p->lb_type, p->lb_subnet, &p->tls, vs);
		rules_lb_subnet_network(p->lb_type, p->lb_subnet, &p->vnet,
		    vs);
		break;
	case PLAN_ATTACH:
		check_name(p, f, true, vs);
		check_purpose(p, vs);
		check_attach_cluster(p, f, vs);
		if (p->type == COMPUTE_KUBERNETES) {
			check_k8s_extension(p, f, vs);
			break;
		}
		rules_lb_tls(p->lb_type, p->lb_subnet, &p->tls, vs);
		break;
	case PLAN_DETACH:
		check_name(p, f, false, vs);
		if (p->detach_action != DETACH_KEEP &&
		    p->detach_action != DETACH_DELETE) {
			struct verdict *v = verdicts_add(vs,
			    FIELD_DETACH_ACTION, SEV_ERROR,
			    MSG_PLAN_DETACH_ACTION);

			verdict_arg(v, "%d", (int)p->detach_action);
		}
		/* The extension and the cluster are the cluster's. */
		if ((p->uninstall_extension || p->delete_cluster) &&
		    p->cluster_id[0] == '\0')
			check_required(FIELD_CLUSTER_ID, p, vs);
		break;
	case PLAN_UPDATE:
		check_name(p, f, false, vs);
		if (p->type == COMPUTE_KUBERNETES) {
			if (p->cluster_id[0] == '\0')
				check_required(FIELD_CLUSTER_ID, p, vs);
			check_k8s_extension(p, f, vs);
			break;
		}
		rules_lb_tls(p->lb_type, p->lb_subnet, &p->tls, vs);
		break;
	case PLAN_SCALE:
		check_name(p, f, false, vs);
		check_purpose(p, vs);
		check_scale(p, vs);
		break;
	case PLAN_DELETE:
		check_name(p, f, false, vs);
		break;
	case PLAN_MIGRATE:
		check_migrate(p, f, vs);
		break;
	case PLAN_CREATE_ENDPOINT:
		check_name(p, f, false, vs);
		rules_deploy_endpoint_name(p->endpoint_name, vs);
		rules_deploy_auth_mode(p->auth_mode, vs);
		rules_deploy_endpoint_compute(p->name,
		    f->endpoint_compute_type, vs);
		rules_deploy_endpoint_free(p->endpoint_name,
		    f->endpoint_known && f->endpoint_exists, vs);
		break;
	case PLAN_DEPLOY:
		check_name(p, f, false, vs);
		check_deploy(p, f, vs);
		break;
	case PLAN_UPDATE_DEPLOYMENT:
	case PLAN_SET_TRAFFIC:
	case PLAN_DELETE_DEPLOYMENT:
	case PLAN_DELETE_ENDPOINT:
		rules_change_plan(p, f->change, vs);
		break;
	}
	check_members(p, vs);
	check_type_members(p, vs);
}
