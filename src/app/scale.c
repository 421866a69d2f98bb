/*
 * Scaling a compute's AKS node pool: the pool, the purpose and the
 * checks that `akswiz scale` and browse share (scale.h).
 */
#include "config.h"
#include "app/scale.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/rules.h"

const struct arm_pool *
scale_pick_pool(const struct arm_cluster *c, const char *name)
{
	size_t	i;

	for (i = 0; i < c->npools; i++)
		if (name != NULL && c->pools[i].name != NULL &&
		    strcmp(c->pools[i].name, name) == 0)
			return &c->pools[i];
	if (name != NULL)
		return NULL;
	if (c->npools == 1)
		return &c->pools[0];
	for (i = 0; i < c->npools; i++)
		if (c->pools[i].mode != NULL &&
		    strcasecmp(c->pools[i].mode, "System") == 0)
			return &c->pools[i];
	return NULL;
}

void
scale_purpose(const char *compute_purpose, const struct arm_extension *x,
    enum purpose *purpose, struct ext_settings *set)
{
	const char	*v;
	size_t		 i;

	*purpose = PURPOSE_FASTPROD;
	ext_settings_init(set);
	if (x == NULL) {
		if (compute_purpose != NULL)
			(void)purpose_parse(compute_purpose, purpose);
		return;
	}
	for (i = 0; i < x->nsettings; i++)
		(void)ext_settings_set(set, x->setting_keys[i],
		    x->setting_values[i]);
	if ((v = arm_extension_purpose(x)) != NULL)
		(void)purpose_parse(v, purpose);
}

void
scale_plan_pool(struct plan *p, const struct arm_pool *pool)
{
	snprintf(p->nodepool, sizeof p->nodepool, "%s", pool->name != NULL ?
	    pool->name : "");
	snprintf(p->vm_size, sizeof p->vm_size, "%s", pool->vm_size != NULL ?
	    pool->vm_size : "");
	/* AKS says System or User; anything else is kept unknown. */
	snprintf(p->nodepool_mode, sizeof p->nodepool_mode, "%s",
	    pool->mode != NULL && (strcasecmp(pool->mode, "System") == 0 ||
	    strcasecmp(pool->mode, "User") == 0) ? pool->mode : "");
}

void
scale_check(const struct plan *p, const struct ext_settings *set,
    const struct arm_cluster *cl, const struct arm_pool *pool,
    struct verdicts *vs)
{
	size_t	i;
	int	nodes = p->node_count;

	for (i = 0; i < cl->npools; i++)
		if (&cl->pools[i] != pool)
			nodes += cl->pools[i].count;
	plan_check(p, NULL, vs);
	rules_extension_nodes(set, nodes, vs);
}
