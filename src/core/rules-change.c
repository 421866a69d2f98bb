/* The rules of changing a running deployment (rules-change.h). */
#include "config.h"
#include "core/rules-change.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/msg.h"

void
rules_change_target(const char *endpoint, const char *deployment,
    const struct change_facts *f, struct verdicts *vs)
{
	struct verdict	*v;
	size_t		 i;

	if (f == NULL || !f->known)
		return;
	if (!f->endpoint_exists) {
		v = verdicts_add(vs, FIELD_ENDPOINT_NAME, SEV_ERROR,
		    MSG_DEPLOY_ENDPOINT_MISSING);
		verdict_arg(v, "%s", endpoint);
		return;
	}
	if (deployment == NULL)
		return;
	for (i = 0; i < f->ndeployments; i++)
		if (strcasecmp(f->deployments[i], deployment) == 0)
			return;
	v = verdicts_add(vs, FIELD_DEPLOYMENT_NAME, SEV_ERROR,
	    MSG_DEPLOY_DEPLOYMENT_MISSING);
	verdict_arg(v, "%s", endpoint);
	verdict_arg(v, "%s", deployment);
}

void
rules_change_traffic(const struct deploy_traffic *t,
    const struct change_facts *f, struct verdicts *vs)
{
	if (f != NULL && f->known && f->endpoint_exists)
		rules_deploy_traffic(t, f->deployments, f->ndeployments, vs);
	else
		rules_deploy_traffic(t, NULL, 0, vs);
}

long
change_traffic_of(const struct deploy_traffic *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->n && i < DEPLOY_TRAFFIC_MAX; i++)
		if (strcasecmp(t->t[i].name, name) == 0)
			return t->t[i].percent;
	return 0;
}

void
change_traffic_text(const struct deploy_traffic *t, char *buf, size_t len)
{
	size_t	i, off = 0;
	int	n;

	if (len > 0)
		buf[0] = '\0';
	for (i = 0; i < t->n && i < DEPLOY_TRAFFIC_MAX && off < len; i++) {
		n = snprintf(buf + off, len - off, "%s%s=%ld", i > 0 ? " " :
		    "", t->t[i].name, t->t[i].percent);
		if (n < 0)
			break;
		off += (size_t)n;
	}
}

void
rules_change_delete_deployment(const char *endpoint, const char *deployment,
    const struct change_facts *f, struct verdicts *vs)
{
	struct deploy_traffic	 fix;
	struct verdict		*v;
	char			 text[DEPLOY_TRAFFIC_MAX * 64];
	long			 share, most = -1;
	size_t			 i, to = 0;

	if (f == NULL || !f->known || !f->endpoint_exists)
		return;
	if ((share = change_traffic_of(&f->traffic, deployment)) <= 0)
		return;
	/* The share goes to the deployment with the most of the rest. */
	fix = f->traffic;
	for (i = 0; i < fix.n && i < DEPLOY_TRAFFIC_MAX; i++)
		if (strcasecmp(fix.t[i].name, deployment) != 0 &&
		    fix.t[i].percent > most) {
			most = fix.t[i].percent;
			to = i;
		}
	for (i = 0; i < fix.n && i < DEPLOY_TRAFFIC_MAX; i++)
		if (strcasecmp(fix.t[i].name, deployment) == 0)
			fix.t[i].percent = 0;
	if (most >= 0)
		fix.t[to].percent += share;
	change_traffic_text(&fix, text, sizeof text);
	v = verdicts_add(vs, FIELD_DEPLOYMENT_NAME, SEV_ERROR,
	    MSG_DEPLOY_DELETE_TRAFFIC);
	verdict_arg(v, "%s", deployment);
	verdict_arg(v, "%ld", share);
	verdict_arg(v, "%s", endpoint);
	verdict_arg(v, "%s", text);
}

bool
change_traffic_parse(const char *s, struct deploy_traffic *t, char *bad,
    size_t len)
{
	const char	*p = s, *w, *eq;
	char		*end, num[32];
	size_t		 n, nn;
	long		 v;

	memset(t, 0, sizeof *t);
	if (len > 0)
		bad[0] = '\0';
	for (;;) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		w = p;
		while (*p != '\0' && *p != ' ' && *p != ',' && *p != '\t')
			p++;
		n = (size_t)(p - w);
		eq = memchr(w, '=', n);
		if (eq == NULL || eq == w || t->n >= DEPLOY_TRAFFIC_MAX ||
		    (size_t)(eq - w) >= sizeof t->t[0].name ||
		    (nn = (size_t)(p - eq - 1)) == 0 || nn >= sizeof num)
			goto bad;
		memcpy(num, eq + 1, nn);
		num[nn] = '\0';
		errno = 0;
		v = strtol(num, &end, 10);
		if (*end != '\0' || errno != 0 ||
		    (!isdigit((unsigned char)num[0]) && num[0] != '-'))
			goto bad;
		memcpy(t->t[t->n].name, w, (size_t)(eq - w));
		t->t[t->n].name[eq - w] = '\0';
		t->t[t->n].percent = v;
		t->n++;
	}
	return true;
bad:
	snprintf(bad, len, "%.*s", (int)n, w);
	return false;
}

bool
rules_change_op(enum plan_op op)
{
	return op == PLAN_UPDATE_DEPLOYMENT || op == PLAN_SET_TRAFFIC ||
	    op == PLAN_DELETE_DEPLOYMENT || op == PLAN_DELETE_ENDPOINT;
}

bool
change_update_needs_put(const struct plan_deployment *d)
{
	const struct deploy_scale	*s = &d->scale;
	const struct deploy_requests	*r = &d->requests;

	return s->autoscale || s->min_instances != DEPLOY_UNSET ||
	    s->max_instances != DEPLOY_UNSET ||
	    s->target_utilization != DEPLOY_UNSET ||
	    s->polling_interval_s != DEPLOY_UNSET ||
	    r->timeout_ms != DEPLOY_UNSET ||
	    r->max_concurrent != DEPLOY_UNSET ||
	    r->max_queue_wait_ms != DEPLOY_UNSET ||
	    deploy_probe_given(&d->liveness) ||
	    deploy_probe_given(&d->readiness);
}

/* Whether the update sets anything at all. */
static bool
update_given(const struct plan_deployment *d)
{
	return d->scale.instances != DEPLOY_UNSET ||
	    change_update_needs_put(d);
}

void
rules_change_plan(const struct plan *p, const struct change_facts *f,
    struct verdicts *vs)
{
	const char	*dep = p->deployment.name;
	size_t		 n = vs->n;
	struct verdict	*v;

	rules_deploy_endpoint_name(p->endpoint_name, vs);
	if (p->op == PLAN_UPDATE_DEPLOYMENT ||
	    p->op == PLAN_DELETE_DEPLOYMENT)
		rules_deploy_deployment_name(dep, vs);
	else
		dep = NULL;
	/* A name refused is not looked for. */
	if (vs->n == n)
		rules_change_target(p->endpoint_name, dep, f, vs);
	switch (p->op) {
	case PLAN_SET_TRAFFIC:
		rules_change_traffic(&p->traffic, f, vs);
		break;
	case PLAN_UPDATE_DEPLOYMENT:
		if (!update_given(&p->deployment)) {
			v = verdicts_add(vs, FIELD_INSTANCE_COUNT, SEV_ERROR,
			    MSG_DEPLOY_UPDATE_NOTHING);
			verdict_arg(v, "%s", dep);
			break;
		}
		n = vs->n;
		rules_deploy_scale(&p->deployment.scale, vs);
		rules_deploy_requests(&p->deployment.requests, vs);
		rules_deploy_probe(&p->deployment.liveness, true, vs);
		rules_deploy_probe(&p->deployment.readiness, false, vs);
		if (vs->n == n && f != NULL && f->fit_known &&
		    (p->deployment.scale.instances != DEPLOY_UNSET ||
		    p->deployment.scale.max_instances != DEPLOY_UNSET))
			rules_deploy_fit_with(&f->requests, f->node_size,
			    f->k8s_version, f->nodes, 0, &p->deployment.scale,
			    f->placed, f->nplaced, vs);
		break;
	case PLAN_DELETE_DEPLOYMENT:
		rules_change_delete_deployment(p->endpoint_name, dep, f, vs);
		break;
	default:
		break;
	}
}
