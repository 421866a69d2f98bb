/*
 * A migration's plan (plan-migrate.h): the new compute, and the legacy
 * compute's choices read into the plan.
 */
#include "config.h"
#include "plan/plan-migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "common/i18n.h"
#include "core/ids.h"
#include "core/rules-k8s.h"
#include "core/verdict.h"
#include "plan/plan-k8s.h"

void
plan_migrate_new_name(const struct plan *p, char *out, size_t len)
{
	if (p->new_name[0] != '\0')
		snprintf(out, len, "%s", p->new_name);
	else
		migrate_default_name(p->name, out, len);
}

char *
plan_migrate_compute_id(const struct plan *p)
{
	struct plan	*q = malloc(sizeof *q);
	char		*id;

	if (q == NULL)
		abort();
	*q = *p;
	plan_migrate_new_name(p, q->name, sizeof q->name);
	id = plan_k8s_compute_id(q);
	free(q);
	return id;
}

/* Member k of o as text, or "". */
static const char *
str_at(struct json_object *o, const char *k)
{
	struct json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, k, &v) ||
	    !json_object_is_type(v, json_type_string))
		return "";
	return json_object_get_string(v);
}

static struct json_object *
obj_at(struct json_object *o, const char *k)
{
	struct json_object	*v;

	if (o == NULL || !json_object_object_get_ex(o, k, &v) ||
	    !json_object_is_type(v, json_type_object))
		return NULL;
	return v;
}

bool
plan_migrate_from_compute(struct plan *p, struct json_object *c,
    bool lb_given, bool tls_given, struct err *err)
{
	struct json_object	*props = obj_at(c, "properties");
	struct json_object	*pp = obj_at(props, "properties");
	struct json_object	*ssl = obj_at(pp, "sslConfiguration");
	struct verdicts		*vs;
	struct aks_id		 id;
	const char		*rid = str_at(props, "resourceId");
	const char		*st;
	bool			 ok;

	if (strcmp(str_at(props, "computeType"), "AKS") != 0)
		/* TRANSLATORS: %2$s is a compute type: "Kubernetes". */
		return err_set(err, ERR_USAGE, _("%s is of compute type %s: "
		    "only a legacy AKS compute is migrated"), p->name,
		    str_at(props, "computeType")[0] != '\0' ?
		    str_at(props, "computeType") : "?");
	vs = malloc(sizeof *vs);
	if (vs == NULL)
		abort();
	verdicts_init(vs);
	ok = *rid != '\0' && aks_id_parse(rid, &id, FIELD_CLUSTER_ID, vs);
	free(vs);
	if (!ok)
		return err_set(err, ERR_USAGE, _("%s names no AKS cluster "
		    "(its resourceId is \"%s\")"), p->name, rid);
	snprintf(p->cluster_id, sizeof p->cluster_id, "%s", rid);
	snprintf(p->cluster.name, sizeof p->cluster.name, "%s", id.name);
	snprintf(p->cluster.resource_group, sizeof p->cluster.resource_group,
	    "%s", id.resource_group);
	if (!lb_given && pp != NULL) {
		p->lb_type = strcasecmp(str_at(pp, "loadBalancerType"),
		    "InternalLoadBalancer") == 0 ? LB_INTERNAL : LB_PUBLIC;
	}
	if (!tls_given) {
		st = str_at(ssl, "status");
		if (strcasecmp(st, "Auto") == 0) {
			p->tls.mode = TLS_MICROSOFT;
			snprintf(p->tls.leaf_label, sizeof p->tls.leaf_label,
			    "%s", str_at(ssl, "leafDomainLabel"));
		} else if (strcasecmp(st, "Enabled") == 0) {
			p->tls.mode = TLS_CUSTOM;
			snprintf(p->tls.cname, sizeof p->tls.cname, "%s",
			    str_at(ssl, "cname"));
		} else
			p->tls.mode = TLS_DISABLED;
	}
	return true;
}
