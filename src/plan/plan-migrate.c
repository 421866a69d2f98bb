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

#include "common/i18n.h"
#include "common/xalloc.h"
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
	struct plan	*q = xmalloc(sizeof *q);
	char		*id;

	*q = *p;
	plan_migrate_new_name(p, q->name, sizeof q->name);
	id = plan_k8s_compute_id(q);
	free(q);
	return id;
}

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

bool
plan_migrate_from_legacy(struct plan *p, const struct plan_legacy *l,
    bool lb_given, bool tls_given, bool purpose_given, struct err *err)
{
	struct verdicts		*vs;
	struct aks_id		 id;
	const char		*rid = or_empty(l->resource_id);
	const char		*st = or_empty(l->ssl_status);
	bool			 ok;

	if (strcasecmp(or_empty(l->compute_type), "AKS") != 0)
		/* TRANSLATORS: %2$s is a compute type: "Kubernetes". */
		return err_set(err, ERR_USAGE, _("%s is of compute type %s: "
		    "only a legacy AKS compute is migrated"), p->name,
		    *or_empty(l->compute_type) != '\0' ? l->compute_type :
		    "?");
	vs = xmalloc(sizeof *vs);
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
	if (!lb_given)
		p->lb_type = strcasecmp(or_empty(l->lb_type),
		    "InternalLoadBalancer") == 0 ? LB_INTERNAL : LB_PUBLIC;
	if (!purpose_given && strcasecmp(or_empty(l->purpose), "DevTest") ==
	    0)
		p->purpose = PURPOSE_DEVTEST;
	if (tls_given)
		return true;
	if (strcasecmp(st, "Auto") == 0) {
		p->tls.mode = TLS_MICROSOFT;
		snprintf(p->tls.leaf_label, sizeof p->tls.leaf_label, "%s",
		    or_empty(l->ssl_leaf_label));
	} else if (strcasecmp(st, "Enabled") == 0) {
		p->tls.mode = TLS_CUSTOM;
		snprintf(p->tls.cname, sizeof p->tls.cname, "%s",
		    or_empty(l->ssl_cname));
	} else
		p->tls.mode = TLS_DISABLED;
	return true;
}
