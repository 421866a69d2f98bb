/*
 * The subscription's AKS clusters for the attach step, `akswiz clusters`
 * and preflight (azure/clusters.h): their facts made once from the ARM
 * answer, where each is attached already, and their attach verdicts.
 */
#include "config.h"
#include "azure/clusters.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "azure/ops.h"
#include "common/xalloc.h"
#include "core/ids.h"
#include "core/vmcatalogue.h"

#define CLUSTERS_OTHER_WORKSPACES	20	/* attachment check: at most */

/* Copy src (or "") into dst, cut to len. */
static void
copy(char *dst, size_t len, const char *src)
{
	/* Fields are sized for what Azure sends; longer ones are cut. */
	(void)strlcpy_ok(dst, src != NULL ? src : "", len);
}

/* The compute of l that attaches cluster_id, or NULL. */
static const struct arm_compute *
attachment_in(const struct arm_compute_list *l, const char *cluster_id)
{
	size_t	i;

	for (i = 0; l != NULL && i < l->n; i++)
		if (l->v[i].resource_id != NULL &&
		    arm_id_equal(l->v[i].resource_id, cluster_id))
			return &l->v[i];
	return NULL;
}

/* Which workspace and under what name holds an attachment of cluster_id. */
static bool
find_attachment(const struct arm_compute_list *l, const char *cluster_id,
    const char *ws, struct cluster_facts *cf)
{
	const struct arm_compute	*c = attachment_in(l, cluster_id);

	if (c == NULL)
		return false;
	copy(cf->attached_workspace, sizeof cf->attached_workspace, ws);
	copy(cf->attached_as, sizeof cf->attached_as, c->name);
	copy(cf->attached_type, sizeof cf->attached_type, c->compute_type);
	return true;
}

/* Fetch them once; best effort: not knowing is not an error. */
static void
other_computes_load(struct ops *o, const struct plan_scope *sc,
    struct other_computes *oc)
{
	struct err	err;
	size_t		i, tried = 0;

	if (oc->loaded)
		return;
	oc->loaded = true;
	err_clear(&err);
	if (!arm_list_workspaces(o->arm, sc->subscription, NULL, &oc->ws,
	    &err))
		return;
	oc->computes = xcalloc(oc->ws.n ? oc->ws.n : 1, sizeof *oc->computes);
	for (i = 0; i < oc->ws.n && tried < CLUSTERS_OTHER_WORKSPACES; i++) {
		if (oc->ws.v[i].resource_group == NULL ||
		    (strcasecmp(oc->ws.v[i].name, sc->workspace) == 0 &&
		    strcasecmp(oc->ws.v[i].resource_group,
		    sc->resource_group) == 0))
			continue;
		tried++;
		if (!arm_list_computes(o->arm, sc->subscription,
		    oc->ws.v[i].resource_group, oc->ws.v[i].name,
		    &oc->computes[i], &err))
			arm_compute_list_free(&oc->computes[i]);
	}
}

/* Free the other workspaces' lists. */
void
other_computes_free(struct other_computes *oc)
{
	size_t	i;

	for (i = 0; oc->computes != NULL && i < oc->ws.n; i++)
		arm_compute_list_free(&oc->computes[i]);
	free(oc->computes);
	arm_workspace_list_free(&oc->ws);
	memset(oc, 0, sizeof *oc);
}

/* Look for the cluster among the other workspaces' computes. */
static void
find_attachment_elsewhere(struct ops *o, const struct plan_scope *sc,
    const char *cluster_id, struct other_computes *oc,
    struct cluster_facts *cf)
{
	size_t	i;

	other_computes_load(o, sc, oc);
	for (i = 0; oc->computes != NULL && i < oc->ws.n; i++)
		if (find_attachment(&oc->computes[i], cluster_id,
		    oc->ws.v[i].name, cf))
			return;
}

/* Cluster facts from the ARM answer and the catalogue. */
void
cluster_facts_from(const struct arm_cluster *c, struct cluster_facts *cf)
{
	size_t			 i;
	const struct vm_size	*s, *smallest = NULL;
	bool			 unknown = false;

	memset(cf, 0, sizeof *cf);
	copy(cf->id, sizeof cf->id, c->id);
	copy(cf->name, sizeof cf->name, c->name);
	copy(cf->location, sizeof cf->location, c->location);
	copy(cf->provisioning_state, sizeof cf->provisioning_state,
	    c->provisioning_state);
	copy(cf->power_state, sizeof cf->power_state, c->power_state);
	copy(cf->version, sizeof cf->version, c->version);
	cf->private_cluster = c->private_cluster;
	copy(cf->authorized_ranges, sizeof cf->authorized_ranges,
	    c->authorized_ranges);
	cf->service_principal = c->service_principal;
	for (i = 0; i < c->npools; i++) {
		cf->node_count += c->pools[i].count;
		s = c->pools[i].vm_size != NULL ?
		    vm_catalogue_find(c->pools[i].vm_size) : NULL;
		if (s == NULL)
			unknown = true;
		else
			cf->vcpu_total += c->pools[i].count * s->vcpus;
		/* The pool whose nodes are the smallest, for today's path. */
		if (s != NULL && c->pools[i].count > 0 && (smallest == NULL ||
		    s->vcpus < smallest->vcpus ||
		    s->memory_gb < smallest->memory_gb))
			smallest = s;
	}
	if (smallest != NULL)
		copy(cf->smallest_size, sizeof cf->smallest_size,
		    smallest->name);
	if (unknown)
		cf->vcpu_total = 0;
}

/* The region's versions as core's offers (strings borrowed from l). */
struct k8s_offer *
cluster_offers_from(const struct arm_k8s_version_list *l)
{
	struct k8s_offer	*v = xcalloc(l->n ? l->n : 1, sizeof *v);
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		v[i].version = l->v[i].version;
		v[i].is_default = l->v[i].is_default;
		v[i].is_preview = l->v[i].is_preview;
	}
	return v;
}

void
cluster_attachment(struct ops *o, const struct plan_scope *sc,
    const struct arm_compute_list *mine, const char *cluster_id,
    struct other_computes *others, struct cluster_facts *cf)
{
	struct other_computes	once = { 0 };

	if (find_attachment(mine, cluster_id, sc->workspace, cf) ||
	    !o->check_other_workspaces)
		return;
	find_attachment_elsewhere(o, sc, cluster_id,
	    others != NULL ? others : &once, cf);
	other_computes_free(&once);
}

struct region_versions {
	char				*location;
	struct arm_k8s_version_list	 list;
	struct k8s_offer		*offers;
	bool				 known;
};

/* The versions of a region, fetched once per region. */
static struct region_versions *
versions_for(struct ops *o, const char *sub, const char *loc,
    struct region_versions **rv, size_t *n)
{
	struct err	err;
	size_t		i;

	for (i = 0; i < *n; i++)
		if (strcasecmp((*rv)[i].location, loc) == 0)
			return &(*rv)[i];
	*rv = xreallocarray(*rv, *n + 1, sizeof **rv);
	memset(&(*rv)[*n], 0, sizeof **rv);
	(*rv)[*n].location = xstrdup(loc);
	err_clear(&err);
	if (arm_list_k8s_versions(o->arm, sub, loc, &(*rv)[*n].list, &err)) {
		(*rv)[*n].known = true;
		(*rv)[*n].offers = cluster_offers_from(&(*rv)[*n].list);
	}
	return &(*rv)[(*n)++];
}

/* The subscription's clusters with their attach verdicts. */
bool
clusters_list(struct ops *o, const struct plan_scope *sc, enum purpose purpose,
    struct cluster_list *out, struct err *err)
{
	struct arm_cluster_list	 cl = { 0 };
	struct arm_compute_list	 mine = { 0 };
	struct region_versions	*rv = NULL, *r;
	struct other_computes	 others = { 0 };
	struct cluster_entry	*e;
	size_t			 i, nrv = 0;

	memset(out, 0, sizeof *out);
	if (!arm_list_clusters(o->arm, sc->subscription, NULL, &cl, err))
		return false;
	if (sc->resource_group[0] != '\0' && sc->workspace[0] != '\0' &&
	    !arm_list_computes(o->arm, sc->subscription, sc->resource_group,
	    sc->workspace, &mine, err)) {
		arm_cluster_list_free(&cl);
		return false;
	}
	out->v = xcalloc(cl.n ? cl.n : 1, sizeof *out->v);
	for (i = 0; i < cl.n; i++) {
		const struct arm_cluster *c = &cl.v[i];

		e = &out->v[i];
		cluster_facts_from(c, &e->facts);
		cluster_attachment(o, sc, &mine, c->id, &others, &e->facts);
		e->prov = c->prov;
		r = c->location != NULL ? versions_for(o, sc->subscription,
		    c->location, &rv, &nrv) : NULL;
		verdicts_init(&e->verdicts);
		rules_attach_cluster_as(&e->facts, o->attach_k8s ?
		    COMPUTE_KUBERNETES : COMPUTE_AKS, purpose,
		    sc->subscription, r != NULL && r->known ? r->offers : NULL,
		    r != NULL && r->known ? r->list.n : 0, &e->verdicts);
		e->attachable = !verdicts_has_errors(&e->verdicts);
		copy(e->label, sizeof e->label, c->name != NULL ? c->name :
		    c->id);
		if (e->facts.attached_workspace[0] != '\0') {
			const struct arm_compute *a = attachment_in(&mine,
			    c->id);
			size_t		 w;

			snprintf(e->attached, sizeof e->attached, "%s/%s",
			    e->facts.attached_workspace, e->facts.attached_as);
			for (w = 0; a == NULL && others.computes != NULL &&
			    w < others.ws.n; w++)
				a = attachment_in(&others.computes[w], c->id);
			copy(e->attached_type, sizeof e->attached_type,
			    a != NULL ? a->compute_type : NULL);
		}
	}
	out->n = cl.n;
	for (i = 0; i < nrv; i++) {
		free(rv[i].location);
		free(rv[i].offers);
		arm_k8s_version_list_free(&rv[i].list);
	}
	free(rv);
	other_computes_free(&others);
	arm_compute_list_free(&mine);
	arm_cluster_list_free(&cl);
	return true;
}

/* Free what clusters_list() returned. */
void
cluster_list_free(struct cluster_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
