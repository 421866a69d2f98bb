/*
 * Browse's action forms (browse-actions.h): scale; detach and delete of a
 * Kubernetes compute; its load balancer, router and TLS.
 */
#include "config.h"
#include "tui/browse-actions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/scale.h"
#include "azure/cert.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/rules.h"
#include "core/state.h"
#include "plan/plan-k8s.h"
#include "tui/display.h"
#include "tui/tui.h"

/* ---- shared ---- */

void
browse_form_add_cert(struct widget_form *f, struct widget_field *cert,
    struct widget_field *key, struct widget_field *cname, bool shown)
{
	struct form_item	*it;

	it = widget_form_add(f, FORM_FIELD, N_("Certificate"),
	    FIELD_TLS_CERT_FILE);
	it->field = cert;
	it->hidden = !shown;
	it = widget_form_add(f, FORM_FIELD, N_("Key"), FIELD_TLS_KEY_FILE);
	it->field = key;
	it->hidden = !shown;
	it = widget_form_add(f, FORM_FIELD, N_("CNAME"), FIELD_TLS_CNAME);
	it->field = cname;
	it->hidden = !shown;
}

int
browse_draw_verdicts(WINDOW *win, const struct verdicts *vs, int y, int x,
    int w, int ymax)
{
	char	text[1024];
	int	y0 = y, st;
	size_t	i;

	for (i = 0; i < vs->n && y < ymax; i++) {
		const struct verdict *v = &vs->v[i];

		if (v->severity == SEV_INFO)
			continue;
		st = display_attr(v->severity == SEV_ERROR ? STYLE_ERROR :
		    STYLE_WARNING);
		display_text(win, y, x, 2, v->severity == SEV_ERROR ?
		    glyph->error : glyph->warning, st, false);
		tui_verdict_text(v, text, sizeof text);
		y += display_wrap(win, y, x + 2, w - 2, ymax - y, text, st);
	}
	return y - y0;
}

void
browse_check_cert(const struct plan *p, struct verdicts *vs)
{
	/* The certificate, key and CNAME as on the legacy path, then the
	 * files themselves, read here as preflight reads them. */
	if (p->tls.mode == TLS_CUSTOM) {
		rules_lb_tls(LB_PUBLIC, "", &p->tls, vs);
		(void)cert_check_plan(p, clock_now(), vs);
	}
}

/* ---- scale ---- */

/* The pool chosen (never NULL once begun with a pool). */
static const struct arm_pool *
scale_pool(const struct browse_scale *sc)
{
	return sc->cluster.npools > 0 ? &sc->pools[sc->pool] : NULL;
}

/* The count as typed; -1 when it is no number. */
static int
scale_count(const struct browse_scale *sc)
{
	char	 num[32], *end;
	long	 n;

	widget_field_get(&sc->count, num, sizeof num);
	n = strtol(num, &end, 10);
	if (num[0] == '\0' || *end != '\0' || n < 0 || n > 100000)
		return -1;
	return (int)n;
}

/* The plan of the form as it is (the checks need one). */
static void
scale_fill(const struct browse_scale *sc, const struct plan_scope *scope,
    struct plan *p)
{
	const struct arm_pool	*pool = scale_pool(sc);
	int			 n = scale_count(sc);

	plan_init(p, PLAN_SCALE);
	p->scope = *scope;
	p->purpose = sc->purpose;
	snprintf(p->name, sizeof p->name, "%s", sc->compute);
	snprintf(p->cluster_id, sizeof p->cluster_id, "%s", sc->cluster_id);
	if (pool != NULL)
		scale_plan_pool(p, pool);
	p->node_count = n < 0 ? 0 : n;
	p->node_count_given = true;
}

/* The checks `akswiz scale` makes, on the count as typed. */
static void
scale_recheck(struct browse_scale *sc, const struct plan_scope *scope)
{
	struct plan	p;

	verdicts_init(&sc->checks);
	if (scale_pool(sc) == NULL)
		return;
	scale_fill(sc, scope, &p);
	scale_check(&p, &sc->set, &sc->cluster, scale_pool(sc), &sc->checks);
}

/* The pool's count into the field. */
static void
scale_reset_count(struct browse_scale *sc)
{
	char	num[32];

	if (scale_pool(sc) == NULL)
		return;
	snprintf(num, sizeof num, "%d", scale_pool(sc)->count);
	widget_field_set(&sc->count, num);
}

void
browse_scale_begin(struct browse_scale *sc, const char *compute,
    const char *compute_purpose, const char *cluster_id,
    const struct arm_cluster *cl, const struct arm_extension *x,
    const struct plan_scope *scope)
{
	const struct arm_pool	*pick;
	struct form_item	*it;
	size_t			 i, n;

	browse_scale_done(sc);
	snprintf(sc->compute, sizeof sc->compute, "%s", compute);
	snprintf(sc->cluster_id, sizeof sc->cluster_id, "%s", cluster_id);
	snprintf(sc->cluster_name, sizeof sc->cluster_name, "%s",
	    cl->name != NULL ? cl->name : cluster_id);
	n = cl->npools < BROWSE_SCALE_POOLS ? cl->npools : BROWSE_SCALE_POOLS;
	pick = scale_pick_pool(cl, NULL);
	for (i = 0; i < n; i++) {
		sc->pools[i] = cl->pools[i];
		sc->pools[i].name = xstrdup(cl->pools[i].name != NULL ?
		    cl->pools[i].name : "");
		sc->pools[i].vm_size = cl->pools[i].vm_size != NULL ?
		    xstrdup(cl->pools[i].vm_size) : NULL;
		sc->pools[i].mode = cl->pools[i].mode != NULL ?
		    xstrdup(cl->pools[i].mode) : NULL;
		sc->labels[i] = sc->pools[i].name;
		if (pick == &cl->pools[i])
			sc->pool = (int)i;
	}
	sc->cluster.pools = sc->pools;
	sc->cluster.npools = n;
	scale_purpose(compute_purpose, x, &sc->purpose, &sc->set);
	widget_field_init(&sc->count);
	scale_reset_count(sc);
	widget_form_init(&sc->form);
	/* Several pools: which one, a line each (names are not translated). */
	it = widget_form_add(&sc->form, FORM_CHOICE, N_("Node pool"),
	    FIELD_POOL_NAME);
	it->choice = &sc->pool;
	it->choices = sc->labels;
	it->nchoices = (int)n;
	it->hidden = n < 2;
	it = widget_form_add(&sc->form, FORM_FIELD, N_("Nodes"),
	    FIELD_NODE_COUNT);
	it->field = &sc->count;
	sc->form.focus = 1;
	scale_recheck(sc, scope);
}

void
browse_scale_done(struct browse_scale *sc)
{
	size_t	i;

	for (i = 0; i < sc->cluster.npools; i++) {
		free(sc->pools[i].name);
		free(sc->pools[i].vm_size);
		free(sc->pools[i].mode);
	}
	memset(sc, 0, sizeof *sc);
}

bool
browse_scale_key(struct browse_scale *sc, const struct key_event *ev,
    const struct plan_scope *scope)
{
	int	before = sc->pool;
	bool	changed;

	/* The count is digits: + and - step it as on the wizard's. */
	if (ev->req == REQ_INCREASE || ev->req == REQ_DECREASE) {
		int	n = scale_count(sc);
		char	num[32];

		if (n < 0)
			n = 0;
		n += ev->req == REQ_INCREASE ? 1 : n > 0 ? -1 : 0;
		snprintf(num, sizeof num, "%d", n);
		widget_field_set(&sc->count, num);
		changed = true;
	} else
		changed = widget_form_key(&sc->form, ev);
	if (sc->pool != before)
		scale_reset_count(sc);
	scale_recheck(sc, scope);
	return changed;
}

bool
browse_scale_plan(struct browse_scale *sc, struct tui *t, struct plan *p)
{
	const struct arm_pool	*pool = scale_pool(sc);

	if (pool == NULL) {
		tui_status(t, STYLE_ERROR, _("AKS cluster %s has no node pool "
		    "to scale."), sc->cluster_name);
		return false;
	}
	if (pool->autoscale) {
		/* TRANSLATORS: "nodepool1 of AKS cluster aks-1 ... (1 to 5
		 * nodes)". */
		tui_status(t, STYLE_ERROR, _("Node pool %s of AKS cluster %s "
		    "has the cluster autoscaler on (%d to %d nodes): it sets "
		    "the count itself."), pool->name, sc->cluster_name,
		    pool->min_count, pool->max_count);
		return false;
	}
	scale_recheck(sc, &t->ctx.scope);
	if (verdicts_has_errors(&sc->checks)) {
		tui_status(t, STYLE_ERROR, "%s", _("The scale would be "
		    "refused; nothing was sent. Change the count, or Esc."));
		return false;
	}
	if (scale_count(sc) == pool->count) {
		/* TRANSLATORS: "Node pool nodepool1 has 3 nodes already". */
		tui_status(t, STYLE_WARNING, pool->count == 1 ?
		    /* TRANSLATORS: the same, for one node. */
		    _("Node pool %s has %d node already: nothing to do.") :
		    _("Node pool %s has %d nodes "
		    "already: nothing to do."), pool->name, pool->count);
		return false;
	}
	scale_fill(sc, &t->ctx.scope, p);
	return true;
}

int
browse_scale_draw(struct browse_scale *sc, WINDOW *win, int y, int ymax)
{
	const struct arm_pool	*pool = scale_pool(sc);
	char			 text[1024];
	int			 x = 2, w = COLS - 4, y0 = y;

	/* TRANSLATORS: "Scale the node pool of k8s-prod's AKS cluster
	 * aks-prod:" */
	snprintf(text, sizeof text, _("Scale the node pool of %s's AKS "
	    "cluster %s:"), sc->compute, sc->cluster_name);
	y += display_wrap(win, y, x, w, ymax - y, text,
	    display_attr(STYLE_TITLE)) + 1;
	if (pool == NULL)
		return y - y0;
	/* TRANSLATORS: "nodepool1 (System): 3 × Standard_D4s_v3 now". */
	snprintf(text, sizeof text, _("%s (%s): %d %s %s now"), pool->name,
	    pool->mode != NULL ? pool->mode : "?", pool->count, glyph->times,
	    pool->vm_size != NULL ? pool->vm_size : "?");
	y += display_wrap(win, y, x, w, ymax - y, text, A_NORMAL) + 1;
	if (pool->autoscale) {
		snprintf(text, sizeof text, _("The cluster autoscaler is on "
		    "for this pool (%d to %d nodes) and sets its count itself: "
		    "turn it off, or change its range, in AKS."),
		    pool->min_count, pool->max_count);
		y += display_wrap(win, y, x, w, ymax - y, text,
		    display_attr(STYLE_ERROR)) + 1;
	}
	y += widget_form_draw(&sc->form, win, y, x, w, ymax - y - 1, NULL,
	    false) + 1;
	if (!pool->autoscale)
		y += browse_draw_verdicts(win, &sc->checks, y, x, w, ymax);
	if (y < ymax)
		display_text(win, y++, x, w, pool->autoscale ? _("Esc goes "
		    "back.") : _("Enter reviews the plan; Esc cancels."),
		    display_attr(STYLE_WARNING), true);
	return y - y0;
}

/* ---- detach and delete of a Kubernetes compute ---- */

/* The name to type: the cluster's when it goes, else the compute's. */
static const char *
remove_name(const struct browse_remove *rm)
{
	return rm->delete_cluster ? rm->cluster_name : rm->compute;
}

/* The form: which boxes there are depends on the cluster. */
static void
remove_form(struct browse_remove *rm)
{
	struct form_item	*it;
	int			 focus = rm->form.focus;

	widget_form_init(&rm->form);
	rm->form.focus = focus;
	it = widget_form_add(&rm->form, FORM_CHECK,
	    /* TRANSLATORS: a check box of browse's detach. */
	    N_("Uninstall extension"), FIELD_EXTENSION);
	it->check = &rm->uninstall;
	it->hidden = rm->del || !rm->ext_found;
	it = widget_form_add(&rm->form, FORM_CHECK,
	    /* TRANSLATORS: a check box of browse's detach and delete. */
	    N_("Delete cluster"), FIELD_CLUSTER);
	it->check = &rm->delete_cluster;
	it->hidden = rm->del || !rm->ours;	/* x: not a choice */
	it = widget_form_add(&rm->form, FORM_FIELD,
	    /* TRANSLATORS: the field where a name is typed to confirm. */
	    N_("Name"), FIELD_NAME);
	it->field = &rm->confirm;
	it->hidden = !rm->del && !rm->delete_cluster;
	if (rm->form.focus >= rm->form.n || rm->form.items[rm->form.focus].hidden)
		for (rm->form.focus = 0; rm->form.focus < rm->form.n - 1 &&
		    rm->form.items[rm->form.focus].hidden; rm->form.focus++)
			;
}

void
browse_remove_begin(struct browse_remove *rm, bool del, const char *compute,
    const char *workspace, const char *cluster_id,
    const struct arm_cluster *cl, bool ext_found)
{
	memset(rm, 0, sizeof *rm);
	rm->del = del;
	snprintf(rm->compute, sizeof rm->compute, "%s", compute);
	snprintf(rm->workspace, sizeof rm->workspace, "%s", workspace);
	snprintf(rm->cluster_id, sizeof rm->cluster_id, "%s", cluster_id);
	snprintf(rm->cluster_name, sizeof rm->cluster_name, "%s",
	    cl->name != NULL ? cl->name : cluster_id);
	rm->ours = cl->created_by != NULL &&
	    strcmp(cl->created_by, PLAN_K8S_TAG_VALUE) == 0;
	rm->ext_found = ext_found;
	/* x deletes the cluster akswiz made, as akswiz delete does. */
	rm->delete_cluster = del && rm->ours;
	widget_field_init(&rm->confirm);
	remove_form(rm);
}

bool
browse_remove_key(struct browse_remove *rm, const struct key_event *ev)
{
	bool	was = rm->delete_cluster, changed;

	/* Space ticks a box; in the name field it is text. */
	changed = widget_form_key(&rm->form, ev);
	if (rm->del && rm->ours)
		rm->delete_cluster = true;	/* x: not a choice */
	if (rm->delete_cluster != was)
		widget_field_init(&rm->confirm);
	remove_form(rm);
	return changed;
}

bool
browse_remove_plan(struct browse_remove *rm, struct tui *t, struct plan *p)
{
	char	text[PLAN_NAME_LEN];

	widget_field_get(&rm->confirm, text, sizeof text);
	if ((rm->del || rm->delete_cluster) &&
	    strcmp(text, remove_name(rm)) != 0) {
		tui_status(t, STYLE_ERROR, _("Type the name, %s, exactly; "
		    "nothing was sent."), remove_name(rm));
		return false;
	}
	plan_init(p, rm->del ? PLAN_DELETE : PLAN_DETACH);
	p->scope = t->ctx.scope;
	snprintf(p->name, sizeof p->name, "%s", rm->compute);
	snprintf(p->cluster_id, sizeof p->cluster_id, "%s", rm->cluster_id);
	p->uninstall_extension = !rm->del && rm->ext_found && rm->uninstall;
	p->delete_cluster = rm->ours && rm->delete_cluster;
	if (rm->del && !p->delete_cluster)
		p->cluster_id[0] = '\0';	/* as akswiz delete: kept */
	return true;
}

int
browse_remove_draw(struct browse_remove *rm, WINDOW *win, int y, int ymax)
{
	char	text[1024];
	int	x = 2, w = COLS - 4, y0 = y;

	if (rm->del && rm->delete_cluster)
		snprintf(text, sizeof text, _("Delete %s from workspace %s and "
		    "DELETE AKS cluster %s with everything on it?"),
		    rm->compute, rm->workspace, rm->cluster_name);
	else if (rm->del)
		snprintf(text, sizeof text, _("Delete %s from workspace %s?"),
		    rm->compute, rm->workspace);
	else
		/* TRANSLATORS: detach of a Kubernetes compute. */
		snprintf(text, sizeof text, _("Detach %s from workspace %s? Its "
		    "AKS cluster %s is kept unless you tick it below."),
		    rm->compute, rm->workspace, rm->cluster_name);
	y += display_wrap(win, y, x, w, ymax - y, text, display_attr(
	    rm->del ? STYLE_ERROR : STYLE_TITLE)) + 1;
	if (!rm->ours) {
		/* TRANSLATORS: "... (it has no createdBy=akswiz tag) ...". */
		snprintf(text, sizeof text, _("AKS cluster %s was not created "
		    "by akswiz (it has no %s=%s tag): it is kept."),
		    rm->cluster_name, PLAN_K8S_TAG, PLAN_K8S_TAG_VALUE);
		y += display_wrap(win, y, x, w, ymax - y, text,
		    display_attr(STYLE_DIM));
	}
	if (!rm->del && !rm->ext_found)
		y += display_wrap(win, y, x, w, ymax - y, _("Its AKS cluster "
		    "has no Azure ML extension: there is nothing to "
		    "uninstall."), display_attr(STYLE_DIM));
	if (!rm->ours || (!rm->del && !rm->ext_found))
		y++;
	if (rm->del || rm->delete_cluster) {
		snprintf(text, sizeof text, _("Type %s to confirm:"),
		    remove_name(rm));
		y += display_wrap(win, y, x, w, ymax - y, text, A_NORMAL);
	}
	y += widget_form_draw(&rm->form, win, y, x, w, ymax - y - 1, NULL,
	    false) + 1;
	if (y < ymax)
		display_text(win, y++, x, w, _("Enter reviews the plan; Esc "
		    "cancels."), display_attr(STYLE_WARNING), true);
	return y - y0;
}

/* ---- load balancer, router and TLS of a Kubernetes compute ---- */

static const char *const update_lbs[] = {
	N_("Public IP"), N_("Internal")
};
/* The service types as Kubernetes names them (not translated). */
static const char *const update_routers[] = {
	"LoadBalancer", "NodePort", "ClusterIP"
};
static const char *const update_tls[] = {
	N_("Disabled"), N_("My own certificate")
};

void
browse_form_add_k8s(struct widget_form *f, int *lb, int *router, int *tls)
{
	struct form_item	*it;

	it = widget_form_add(f, FORM_CHOICE, N_("Load balancer"),
	    FIELD_LB_TYPE);
	it->choice = lb;
	it->choices = update_lbs;
	it->nchoices = 2;
	it = widget_form_add(f, FORM_CHOICE, N_("Router service"),
	    FIELD_ROUTER_SERVICE);
	it->choice = router;
	it->choices = update_routers;
	it->nchoices = 3;
	it = widget_form_add(f, FORM_CHOICE, N_("TLS"), FIELD_TLS_MODE);
	it->choice = tls;
	it->choices = update_tls;
	it->nchoices = 2;
}

/* The form: the certificate's fields only with a certificate. */
static void
update_form(struct browse_update *u)
{
	int	focus = u->form.focus;

	widget_form_init(&u->form);
	u->form.focus = focus;
	browse_form_add_k8s(&u->form, &u->lb, &u->router, &u->tls);
	browse_form_add_cert(&u->form, &u->cert, &u->key, &u->cname,
	    u->tls == 1);
}

/* The plan of the form as it is. */
static void
update_fill(const struct browse_update *u, const struct plan_scope *scope,
    struct plan *p)
{
	plan_init(p, PLAN_UPDATE);
	plan_set_type(p, COMPUTE_KUBERNETES);
	p->scope = *scope;
	p->purpose = u->purpose;
	snprintf(p->name, sizeof p->name, "%s", u->compute);
	snprintf(p->cluster_id, sizeof p->cluster_id, "%s", u->cluster_id);
	snprintf(p->namespace_, sizeof p->namespace_, "%s", u->namespace_);
	p->lb_type = u->lb == 1 ? LB_INTERNAL : LB_PUBLIC;
	snprintf(p->router_service, sizeof p->router_service, "%s",
	    router_service_name((enum router_service)u->router));
	p->tls.mode = u->tls == 1 ? TLS_CUSTOM : TLS_DISABLED;
	if (p->tls.mode == TLS_CUSTOM) {
		widget_field_get(&u->cert, p->tls.cert_file,
		    sizeof p->tls.cert_file);
		widget_field_get(&u->key, p->tls.key_file,
		    sizeof p->tls.key_file);
		widget_field_get(&u->cname, p->tls.cname, sizeof p->tls.cname);
	}
}

/* The choices' rules (core), as typed. */
static void
update_recheck(struct browse_update *u, const struct plan *p)
{
	struct k8s_choices	c;

	memset(&c, 0, sizeof c);
	c.purpose = p->purpose;
	c.lb = p->lb_type;
	c.router = (enum router_service)u->router;
	c.tls = p->tls.mode;
	c.cname = p->tls.cname;
	verdicts_init(&u->checks);
	rules_k8s_choices(&c, &u->checks);
}

void
browse_update_begin(struct browse_update *u, const char *compute,
    const char *namespace_, const char *cluster_id,
    const struct arm_extension *x, bool tls)
{
	struct plan_scope	 none;
	struct plan		 p;
	enum router_service	 r = ROUTER_LOADBALANCER;
	const char		*v;

	memset(u, 0, sizeof *u);
	snprintf(u->compute, sizeof u->compute, "%s", compute);
	snprintf(u->namespace_, sizeof u->namespace_, "%s", namespace_);
	snprintf(u->cluster_id, sizeof u->cluster_id, "%s", cluster_id);
	u->purpose = PURPOSE_FASTPROD;
	if ((v = arm_extension_purpose(x)) != NULL)
		(void)purpose_parse(v, &u->purpose);
	u->lb = strcmp(arm_extension_lb_type(x),
	    lb_type_name(LB_INTERNAL)) == 0 ? 1 : 0;
	if ((v = arm_extension_router(x)) != NULL)
		(void)router_service_parse(v, &r);
	u->router = (int)r;
	u->tls = tls_status_parse(arm_extension_ssl_status(x)) ==
	    TLS_STATUS_ENABLED ? 1 : 0;
	widget_field_init(&u->cert);
	widget_field_init(&u->key);
	widget_field_init(&u->cname);
	u->cert.path = u->key.path = true;
	if ((v = arm_extension_cname(x)) != NULL)
		widget_field_set(&u->cname, v);
	u->form.focus = tls ? 2 : 0;
	update_form(u);
	memset(&none, 0, sizeof none);
	update_fill(u, &none, &p);
	update_recheck(u, &p);
}

bool
browse_update_key(struct browse_update *u, const struct key_event *ev)
{
	struct plan_scope	 none;
	struct plan		 p;
	bool			 changed = widget_form_key(&u->form, ev);

	update_form(u);
	memset(&none, 0, sizeof none);
	update_fill(u, &none, &p);
	update_recheck(u, &p);
	return changed;
}

bool
browse_update_plan(struct browse_update *u, struct tui *t, struct plan *p)
{
	update_fill(u, &t->ctx.scope, p);
	update_recheck(u, p);
	browse_check_cert(p, &u->checks);
	if (!verdicts_has_errors(&u->checks))
		return true;
	tui_status(t, STYLE_ERROR, "%s", _("The update would be refused; "
	    "nothing was sent. Change what is shown, or Esc."));
	return false;
}

int
browse_update_draw(struct browse_update *u, WINDOW *win, int y, int ymax)
{
	char	text[1024];
	int	x = 2, w = COLS - 4, y0 = y, i;

	/* TRANSLATORS: "Load balancer, router and TLS of k8s-prod:". */
	snprintf(text, sizeof text, _("Load balancer, router and TLS of %s:"),
	    u->compute);
	y += display_wrap(win, y, x, w, ymax - y, text,
	    display_attr(STYLE_TITLE)) + 1;
	y += widget_form_draw(&u->form, win, y, x, w, ymax - y - 1, NULL,
	    false) + 1;
	/* The chosen service type's meaning: the form keeps room for the
	 * certificate's fields and what is wrong with them. */
	i = u->router;
	/* TRANSLATORS: "NodePort: the router listens on ...". */
	snprintf(text, sizeof text, _("%s: %s"), update_routers[i],
	    _(router_service_meaning((enum router_service)i)));
	y += display_wrap(win, y, x, w, ymax - y, text,
	    display_attr(STYLE_NORMAL));
	y++;
	y += display_wrap(win, y, x, w, ymax - y, _("No Microsoft certificate "
	    "on this path (legacy AKS computes only). The certificate and key "
	    "files are asked every time: the extension never gives them "
	    "back."), display_attr(STYLE_DIM)) + 1;
	y += browse_draw_verdicts(win, &u->checks, y, x, w, ymax);
	if (y < ymax)
		display_text(win, y++, x, w, _("Enter reviews the plan; Esc "
		    "cancels."), display_attr(STYLE_WARNING), true);
	return y - y0;
}
