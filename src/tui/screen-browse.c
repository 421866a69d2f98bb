/*
 * Browse: the workspace's computes in a live list (browse.h is the
 * model), inference clusters first, with a detail pane (widget-split.c)
 * and the actions people need: detach, switch the load balancer, change
 * TLS, delete.  Every network call is a job (job.c): pages of the list,
 * the Kubernetes versions of the rows in view (and for a Kubernetes
 * compute, its cluster's pools and power and its Azure ML extension), the
 * detail's AKS cluster (and extension); what was read is kept until r.
 * Actions are plans run by the progress screen, so they are journaled and
 * resumable like the wizard's.  --readonly hides every action.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "azure/arm.h"
#include "azure/http.h"
#include "azure/armerror.h"
#include "azure/cert.h"
#include "azure/journal.h"
#include "azure/kube.h"
#include "azure/ops.h"
#include "common/buf.h"
#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/rules.h"
#include "plan/plan-json.h"
#include "tui/browse.h"
#include "tui/browse-actions.h"
#include "tui/browse-migrate.h"
#include "tui/display.h"
#include "tui/endpoints.h"
#include "tui/job.h"
#include "tui/live.h"
#include "tui/screens.h"
#include "tui/timer.h"
#include "tui/tls-save.h"
#include "tui/tui.h"
#include "tui/widget.h"

#define BROWSE_REFRESH_MS	5000	/* while a compute is transitional */
#define BROWSE_FRAME_MS	40	/* at most one draw a frame while pages come */
#define BROWSE_VERSIONS_BATCH	6	/* clusters asked per versions job */

enum browse_mode {
	BROWSE_LIST,		/* the list (and the detail when open) */
	BROWSE_DETACH,		/* confirm a detach */
	BROWSE_SAVE_TLS,	/* where to save the TLS certificate and key */
	BROWSE_DELETE,		/* type the name to delete */
	BROWSE_LB,		/* confirm a load balancer switch */
	BROWSE_TLS,		/* choose the new TLS settings */
	BROWSE_FINISH,		/* confirm the steps a plan left undone */
	BROWSE_SCALE,		/* the node count (browse-actions.c) */
	BROWSE_K8S_DETACH,	/* a Kubernetes compute's (browse-actions.c) */
	BROWSE_K8S_DELETE,	/* likewise */
	BROWSE_K8S_UPDATE,	/* its LB, router and TLS (likewise) */
	BROWSE_MIGRATE		/* a legacy compute's (browse-migrate.c) */
};

/* A page of the compute list, fetched on the worker. */
struct browse_load {
	struct arm		*arm;
	struct arm_pager	 pager;		/* where the list goes on */
	void			*owner;
	bool			 cancelled;
	bool			 ok;
	struct err		 err;
	struct plan_scope	 scope;
	bool			 missing;	/* the scope does not exist */
	struct arm_compute_list	 list;		/* this page's computes */
};

/* The AKS cluster of the detail pane (and a Kubernetes compute's extension). */
struct browse_cluster {
	struct arm		*arm;
	char			*rid;
	void			*owner;
	bool			 cancelled;
	bool			 ok;
	struct err		 err;
	struct arm_cluster	 c;
	bool			 k8s;		/* read the extension too */
	bool			 ext_ok, ext_found;
	struct err		 ext_err;
	struct arm_extension	 x;
};

/*
 * What is known of the cluster behind rows: its version, and for a
 * Kubernetes compute (k8s) its pools, power and extension, which the row
 * shows in place of an AKS compute's properties.  Strings are owned ("" or
 * NULL when unknown).
 */
struct browse_version {
	char	*rid;
	char	*version;
	bool	 k8s;
	int	 nodes;		/* -1 unknown */
	char	*size, *power;
	char	*ext_state;	/* "-": no extension */
	char	*ext_version, *ext_problem;
	char	*purpose, *router, *lb, *tls, *cname;
};

/* The clusters behind the rows in view, read a few at a time. */
struct browse_versions {
	struct arm		*arm;
	void			*owner;
	bool			 cancelled;
	struct browse_version	*v;	/* rid and k8s set; the rest read */
	size_t			 n;
};

struct browse {
	struct tui		*tui;
	struct compute_page	 page;
	struct widget_split	 split;
	enum browse_mode	 mode;
	bool			 readonly;
	/* loading */
	struct browse_load	*load;		/* the page being fetched */
	bool			 into_page;	/* the first list: its rows go
						 * to the page as they come */
	size_t			 pages;		/* of this list so far */
	struct browse_row	*acc;		/* a refresh's rows so far */
	size_t			 nacc, aacc;
	bool			 loaded;	/* one complete list shown */
	bool			 frame_armed;	/* a redraw is due at the frame */
	uint64_t		 drawn_at;	/* clock of the last draw */
	size_t			 npages, ndraws;	/* for AKSWIZ_STATS */
	char			 error[512];
	/* the filter line */
	bool			 filtering;
	char			 filter[128];
	/* versions (and Kubernetes computes' state) and the detail's cluster */
	struct browse_version	*versions;
	size_t			 nversions;
	struct browse_versions	*vjob;
	struct browse_cluster	*cjob;
	struct tls_save		 save;	/* TLS saved before a detach or migrate */
	struct arm_cluster	 cluster;	/* of cluster_rid */
	char			*cluster_rid;
	bool			 cluster_ok;
	char			 cluster_err[256];
	struct arm_extension	 ext;		/* of cluster_rid, if ext_found */
	bool			 ext_read, ext_found;
	char			 ext_err[256];
	/* actions */
	char			 target[64];	/* the compute acted on */
	struct widget_field	 field;		/* name, subnet */
	struct widget_field	 tls_leaf, tls_cert, tls_key, tls_cname;
	int			 tls_mode;
	int			 tls_choice;	/* index into the form's choices */
	bool			 tls_internal;	/* no Microsoft certificate */
	struct widget_form	 tls_form;
	struct verdicts		 checks;	/* of the action's plan */
	bool			 checked;	/* Enter was tried: show them */
	struct widget_form	 lb_form;	/* subnet, certificate, key */
	struct plan		 finish;	/* BROWSE_FINISH: the update */
	struct browse_scale	 scale;		/* BROWSE_SCALE */
	struct browse_remove	 remove;	/* BROWSE_K8S_DETACH, _DELETE */
	struct browse_update	 update;	/* BROWSE_K8S_UPDATE */
	bool			 update_tls;	/* opened by t, not i */
	struct browse_migrate	 migrate;	/* BROWSE_MIGRATE */
	enum browse_mode	 save_back;	/* what BROWSE_SAVE_TLS ends in */
	bool			 form_open;	/* their cluster was read */
	int			 list_height;	/* rows of the last draw */
	int			 body_top;	/* first row under what is wrong */
	int			 panel_scroll;	/* confirmations */
	bool			 panel_more;	/* taller than the screen */
};

static const enum request browse_keys[] = {
	REQ_UP, REQ_DOWN, REQ_PAGE_UP, REQ_PAGE_DOWN, REQ_HOME, REQ_END,
	REQ_ENTER, REQ_BACK, REQ_FILTER, REQ_SORT, REQ_REFRESH, REQ_DETACH,
	REQ_SWITCH_LB, REQ_CHANGE_TLS, REQ_FINISH, REQ_DELETE_COMPUTE,
	REQ_OPEN_CREATE, REQ_OPEN_ATTACH, REQ_SCALE, REQ_MIGRATE,
	REQ_OPEN_ENDPOINTS, REQ_NONE
};

/*
 * The keys of this screen as "?" lists them: each a request, shown with
 * the keys the keymap binds to it and its help (request.h), unless the
 * row says otherwise; rows that act hide with --readonly.
 */
static const struct browse_help {
	enum request	 req;
	const char	*keys;		/* NULL: the keymap's */
	const char	*help;		/* NULL: the request's */
	bool		 acts;		/* changes Azure or opens a wizard */
} browse_help[] = {
	{ REQ_UP,		"Up Down PgUp PgDn", N_("move"),	false },
	{ REQ_ENTER,		"Enter", N_("open the detail pane"),	false },
	{ REQ_BACK,		"Esc", N_("close the detail, or go back"), false },
	{ REQ_FILTER,		NULL,	NULL,	false },
	{ REQ_SORT,		NULL,	NULL,	false },
	{ REQ_REFRESH,		NULL,	NULL,	false },
	{ REQ_DETACH,		NULL,	NULL,	true },
	{ REQ_SWITCH_LB,	NULL,	NULL,	true },
	{ REQ_CHANGE_TLS,	NULL,	NULL,	true },
	{ REQ_FINISH,		NULL,	NULL,	true },
	{ REQ_DELETE_COMPUTE,	NULL,	NULL,	true },
	{ REQ_SCALE,		NULL,	NULL,	true },
	{ REQ_MIGRATE,		NULL,	NULL,	true },
	{ REQ_OPEN_ENDPOINTS,	NULL,	NULL,	false },
	{ REQ_OPEN_CREATE,	NULL,	NULL,	true },
	{ REQ_OPEN_ATTACH,	NULL,	NULL,	true },
	{ REQ_QUIT,		"q",	N_("quit"),	false },
};

static void	browse_load_start(struct screen *, struct arm_pager *);
static void	browse_versions_start(struct screen *);
static void	browse_form_try(struct screen *);
static bool	browse_form_mode(const struct browse *);
static void	browse_tls_form(struct browse *);
static void	browse_lb_form(struct browse *, const struct browse_row *);
static void	browse_lb_text(const char *lb, const char *subnet, char *,
		    size_t);

/* ---- jobs ---- */

/* Job: fetch one page of computes. */
static void
browse_load_run(void *arg)
{
	struct browse_load	*l = arg;

	err_clear(&l->err);
	l->ok = arm_pager_next(&l->pager, arm_parse_computes_page, &l->list,
	    &l->err);
	if (!l->ok)
		l->missing = arm_scope_explain(&l->err, l->scope.subscription,
		    l->scope.resource_group, l->scope.workspace);
}

/* Free a page job. */
static void
browse_load_free(struct browse_load *l)
{
	if (l == NULL)
		return;
	arm_pager_done(&l->pager);
	arm_compute_list_free(&l->list);
	free(l);
}

/* Job: GET the detail's AKS cluster. */
static void
browse_cluster_run(void *arg)
{
	struct browse_cluster	*c = arg;

	err_clear(&c->err);
	c->ok = arm_get_cluster(c->arm, c->rid, &c->c, &c->err);
	if (!c->ok || !c->k8s)
		return;
	err_clear(&c->ext_err);
	c->ext_ok = arm_get_extension(c->arm, c->rid, NULL, &c->x,
	    &c->ext_found, &c->ext_err);
}

/* The certificate and key were saved (tls-save.h): back to what asked. */
static void
browse_saved(void *owner, bool ok, const char *cert, const char *key)
{
	struct browse	*b = owner;

	if (b->mode == BROWSE_SAVE_TLS)
		b->mode = b->save_back;
	/*
	 * The panel from its top, where detach says why not; the migrate
	 * form says it at its end.
	 */
	b->panel_scroll = !ok && b->mode == BROWSE_MIGRATE ?
	    DISPLAY_PANEL_ROWS : 0;
	if (b->mode == BROWSE_MIGRATE)
		browse_migrate_saved(&b->migrate, b->tui, ok ? cert : NULL,
		    ok ? key : NULL, b->save.note);
}

/* Free a cluster job. */
static void
browse_cluster_free(struct browse_cluster *c)
{
	if (c == NULL)
		return;
	free(c->rid);
	arm_cluster_done(&c->c);
	if (c->ext_found)
		arm_extension_done(&c->x);
	free(c);
}

/* The strings of a cache entry, for copying and freeing. */
static char **
browse_version_member(struct browse_version *e, int i)
{
	char	**m[] = { &e->rid, &e->version, &e->size, &e->power,
		    &e->ext_state, &e->ext_version, &e->ext_problem,
		    &e->purpose, &e->router, &e->lb, &e->tls, &e->cname };

	return i < (int)(sizeof m / sizeof m[0]) ? m[i] : NULL;
}

/* Free a cache entry's strings. */
static void
browse_version_done(struct browse_version *e)
{
	char	**m;
	int	 i;

	for (i = 0; (m = browse_version_member(e, i)) != NULL; i++)
		free(*m);
	memset(e, 0, sizeof *e);
}

/*
 * A Kubernetes compute's cluster and extension as the row shows them:
 * nodes and size of the pools (the System pool's when sizes differ), the
 * load balancer and TLS the extension's settings make (B.5).
 */
static void
browse_k8s_from(struct browse_version *e, const struct arm_cluster *c,
    const struct arm_extension *x)
{
	const struct arm_pool	*sys = NULL;
	const char		*v;
	size_t			 i;
	bool			 same = true;
	int			 total = 0;

	e->power = c->power_state != NULL ? xstrdup(c->power_state) : NULL;
	for (i = 0; i < c->npools; i++) {
		total += c->pools[i].count;
		if (sys == NULL || (c->pools[i].mode != NULL &&
		    strcasecmp(c->pools[i].mode, "System") == 0 &&
		    (sys->mode == NULL || strcasecmp(sys->mode, "System"))))
			sys = &c->pools[i];
		if (c->pools[i].vm_size == NULL || c->pools[0].vm_size == NULL ||
		    strcasecmp(c->pools[i].vm_size, c->pools[0].vm_size) != 0)
			same = false;
	}
	if (sys != NULL) {
		e->nodes = same ? total : sys->count;
		e->size = sys->vm_size != NULL ? xstrdup(sys->vm_size) : NULL;
	}
	if (x == NULL) {
		e->ext_state = xstrdup("-");
		return;
	}
	e->ext_state = xstrdup(x->provisioning_state != NULL ?
	    x->provisioning_state : "Unknown");
	v = x->current_version != NULL ? x->current_version : x->version;
	e->ext_version = v != NULL ? xstrdup(v) : NULL;
	e->ext_problem = arm_extension_problem(x);
	if ((v = arm_extension_purpose(x)) != NULL)
		e->purpose = xstrdup(v);
	if ((v = arm_extension_router(x)) != NULL)
		e->router = xstrdup(v);
	e->lb = xstrdup(arm_extension_lb_type(x));
	e->tls = xstrdup(arm_extension_ssl_status(x));
	if ((v = arm_extension_cname(x)) != NULL)
		e->cname = xstrdup(v);
}

/* Job: each cluster (and extension); a failure leaves it unknown. */
static void
browse_versions_run(void *arg)
{
	struct browse_versions	*v = arg;
	struct arm_cluster	 c;
	struct arm_extension	 x;
	struct err		 err;
	bool			 found;
	size_t			 i;

	for (i = 0; i < v->n; i++) {
		struct browse_version	*e = &v->v[i];

		memset(&c, 0, sizeof c);
		err_clear(&err);
		if (!arm_get_cluster(v->arm, e->rid, &c, &err))
			continue;
		if (c.version != NULL)
			e->version = xstrdup(c.version);
		if (e->k8s && arm_get_extension(v->arm, e->rid, NULL, &x,
		    &found, &err)) {
			browse_k8s_from(e, &c, found ? &x : NULL);
			if (found)
				arm_extension_done(&x);
		}
		arm_cluster_done(&c);
	}
}

/* Free a versions job. */
static void
browse_versions_free(struct browse_versions *v)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++)
		browse_version_done(&v->v[i]);
	free(v->v);
	free(v);
}

/* ---- the model from the service's answer ---- */

/* What is cached of a cluster, or NULL. */
static struct browse_version *
browse_version_entry(const struct browse *b, const char *rid)
{
	size_t	i;

	for (i = 0; i < b->nversions; i++)
		if (strcasecmp(b->versions[i].rid, rid) == 0)
			return &b->versions[i];
	return NULL;
}

/* Remember a cluster's version ("" when it could not be read). */
static struct browse_version *
browse_version_put(struct browse *b, const char *rid, const char *version)
{
	struct browse_version	*e = browse_version_entry(b, rid);

	if (e != NULL) {
		browse_row_set(NULL, &e->version, version);
		return e;
	}
	b->versions = xreallocarray(b->versions, b->nversions + 1,
	    sizeof *b->versions);
	e = &b->versions[b->nversions++];
	memset(e, 0, sizeof *e);
	e->nodes = -1;
	e->rid = xstrdup(rid);
	e->version = xstrdup(version != NULL ? version : "");
	return e;
}

/* Remember a job's entry (its strings change owner); the cached one. */
static struct browse_version *
browse_version_take(struct browse *b, struct browse_version *from)
{
	struct browse_version	*e = browse_version_entry(b, from->rid);

	if (e == NULL) {
		b->versions = xreallocarray(b->versions, b->nversions + 1,
		    sizeof *b->versions);
		e = &b->versions[b->nversions++];
	} else
		browse_version_done(e);
	*e = *from;
	if (e->version == NULL)		/* known not to be known */
		e->version = xstrdup("");
	memset(from, 0, sizeof *from);
	return e;
}

/* Forget every cluster read (r: they are read again as rows show). */
static void
browse_versions_forget(struct browse *b)
{
	size_t	i;

	for (i = 0; i < b->nversions; i++)
		browse_version_done(&b->versions[i]);
	free(b->versions);
	b->versions = NULL;
	b->nversions = 0;
	free(b->cluster_rid);
	b->cluster_rid = NULL;
}

/* Forget the extensions read while they were changing: read them again. */
static void
browse_versions_forget_busy(struct browse *b)
{
	size_t	i;

	for (i = 0; i < b->nversions; )
		if (b->versions[i].ext_state != NULL &&
		    browse_state_kind(provisioning_state_parse(
		    b->versions[i].ext_state)) == BROWSE_STATE_BUSY) {
			browse_version_done(&b->versions[i]);
			b->versions[i] = b->versions[--b->nversions];
		} else
			i++;
}

/* A value that is there (neither NULL nor ""). */
static bool
browse_some(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* A row from what is cached of its cluster. */
static void
browse_row_known(struct browse_row *r, const struct browse_version *e)
{
	struct browse_row_more	*x;

	/* A row has its own rare members only once it has one of them. */
	if (browse_some(e->version) || r->more->version[0] != '\0')
		browse_row_set(r, &browse_row_more(r)->version, e->version);
	if (e->k8s && browse_row_kubernetes(r) && e->ext_state != NULL) {
		x = browse_row_more(r);

		r->nodes = e->nodes;
		browse_row_set(r, &r->size, e->size);
		browse_row_set(r, &x->power, e->power);
		browse_row_set(r, &x->ext_state, e->ext_state);
		browse_row_set(r, &x->ext_version, e->ext_version);
		browse_row_set(r, &x->ext_problem, e->ext_problem);
		browse_row_set(r, &r->purpose, e->purpose);
		browse_row_set(r, &x->router, e->router);
		browse_row_set(r, &r->lb, e->lb);
		browse_row_set(r, &r->tls, e->tls);
		browse_row_set(r, &x->cname, e->cname);
	}
	browse_row_finish(r);
}

/*
 * A page's computes as rows, made once: the values many rows share from
 * the pool, each row's own strings copied into one block of the row (the
 * list and its strings are freed right after), what few rows have apart,
 * what is known of each cluster filled in.
 */
static struct browse_row *
browse_rows_from(struct browse *b, struct arm_compute_list *list)
{
	struct browse_row	*rows = browse_rows_new(list->n);
	size_t			 i;

	for (i = 0; i < list->n; i++) {
		struct arm_compute		*c = &list->v[i];
		struct browse_row		*r = &rows[i];
		struct browse_row_more		*x;
		struct browse_str		 own[12];
		size_t				 n, k;
		const struct browse_version	*e;
		/* What few computes have, in the order of to[] below. */
		const char			*rare[] = { c->lb_subnet,
			c->ssl_cname, c->ssl_leaf_label, c->error_code,
			c->error_message, c->error_detail, c->k8s_namespace };
		const size_t			 nrare = sizeof rare /
			sizeof rare[0];

		browse_row_share(r, &r->type, &c->compute_type);
		browse_row_share(r, &r->state, &c->provisioning_state);
		browse_row_share(r, &r->purpose, &c->cluster_purpose);
		browse_row_share(r, &r->size, &c->agent_vm_size);
		r->nodes = c->agent_count;
		browse_row_share(r, &r->region, c->compute_location != NULL ?
		    &c->compute_location : &c->location);
		browse_row_share(r, &r->lb, &c->lb_type);
		browse_row_share(r, &r->tls, &c->ssl_status);
		browse_row_share(r, &r->description, &c->description);
		own[0] = (struct browse_str){ &r->name, c->name };
		own[1] = (struct browse_str){ &r->fqdn, c->cluster_fqdn };
		own[2] = (struct browse_str){ &r->resource_id, c->resource_id };
		own[3] = (struct browse_str){ &r->created, c->created_on };
		own[4] = (struct browse_str){ &r->modified, c->modified_on };
		n = 5;
		/* Apart from the row: most rows need none of it. */
		for (k = 0; k < nrare && !browse_some(rare[k]); k++)
			;
		if (k < nrare) {
			x = browse_row_more(r);
			{
				char	**to[sizeof rare / sizeof rare[0]] = {
					&x->subnet, &x->cname, &x->leaf,
					&x->error_code, &x->error_message,
					&x->error_detail, &x->k8s_namespace };

				for (k = 0; k < nrare; k++)
					own[n++] = (struct browse_str){ to[k],
					    rare[k] };
			}
		}
		browse_row_pack(r, c->id, own, n);
		r->attached = c->is_attached;
		e = r->resource_id[0] != '\0' ?
		    browse_version_entry(b, r->resource_id) : NULL;
		browse_row_finish(r);
		if (e != NULL)
			browse_row_known(r, e);
	}
	return rows;
}

/* Drop a refresh's rows. */
static void
browse_acc_free(struct browse *b)
{
	browse_rows_free(b->acc, b->nacc);
	b->acc = NULL;
	b->nacc = b->aacc = 0;
}

/* Keep a refresh's page of rows (taken over) until the list is whole. */
static void
browse_acc_add(struct browse *b, struct browse_row *rows, size_t n)
{
	if (b->nacc + n > b->aacc) {
		b->aacc = b->aacc * 2 > b->nacc + n ? b->aacc * 2 :
		    b->nacc + n;
		b->acc = xreallocarray(b->acc, b->aacc, sizeof *b->acc);
	}
	if (n > 0)
		memcpy(b->acc + b->nacc, rows, n * sizeof *rows);
	b->nacc += n;
	free(rows);
}

/* The frame came: draw what arrived since the last one. */
static void
browse_frame(struct tui *t, void *arg)
{
	struct screen	*s = arg;
	struct browse	*b = s->data;

	b->frame_armed = false;
	t->redraw = true;
}

/*
 * Rows arrived: draw them at the next frame, not once per page (pages
 * come faster than a screen is worth drawing).
 */
static void
browse_frame_soon(struct screen *s)
{
	struct browse	*b = s->data;
	uint64_t	 now = clock_now_ms();

	if (b->frame_armed)
		return;
	if (now >= b->drawn_at + BROWSE_FRAME_MS) {
		s->tui->redraw = true;
		return;
	}
	b->frame_armed = true;
	timer_add(b->drawn_at + BROWSE_FRAME_MS, false, &b->frame_armed,
	    browse_frame, s);
}

/*
 * What the operation journal says of each compute: its newest entry
 * (this workspace, this Resource Manager) may have stopped after the
 * first step, which the list then shows as unfinished.
 */
static void
browse_journal_marks(struct browse *b)
{
	const struct tui_context	*ctx = &b->tui->ctx;
	struct journal_list		 jl = { 0 };
	const struct journal_entry	*e;
	struct err			 err;
	size_t				 i, j;

	if (ctx->arm == NULL || !journal_list(&jl, false, &err))
		return;
	for (i = 0; i < b->page.n; i++) {
		struct browse_row	*r = &b->page.rows[i];
		const struct journal_entry *newest = NULL;

		for (j = 0; j < jl.n; j++) {
			e = &jl.v[j];
			if (strcasecmp(e->compute, r->name) == 0 &&
			    strcasecmp(e->workspace,
			    ctx->scope.workspace) == 0 &&
			    strcasecmp(e->resource_group,
			    ctx->scope.resource_group) == 0 &&
			    strcasecmp(e->subscription,
			    ctx->scope.subscription) == 0 &&
			    journal_entry_on_endpoint(e, ctx->arm->endpoint) &&
			    (newest == NULL || e->started >= newest->started))
				newest = e;
		}
		browse_row_journal(r, newest);
	}
	journal_list_free(&jl);
}

/* Timer: refresh while something is Creating, Updating or Deleting. */
static void
browse_tick(struct tui *t, void *arg)
{
	struct screen	*s = arg;
	struct browse	*b = s->data;

	(void)t;
	if (b->load == NULL) {
		browse_versions_forget_busy(b);
		browse_load_start(s, NULL);
	}
}

/* A page arrived: add it, show it, fetch the next or finish. */
static void
browse_loaded(void *arg)
{
	struct browse_load	*l = arg;
	struct screen		*s = l->owner;
	struct browse		*b;
	struct browse_row	*rows;
	struct arm_pager	 next;

	if (l->cancelled) {
		browse_load_free(l);
		return;
	}
	b = s->data;
	b->load = NULL;
	if (!l->ok) {
		s->tui->redraw = true;
		snprintf(b->error, sizeof b->error, "%s", l->err.msg);
		browse_acc_free(b);
		if (l->missing) {
			/* Home says it too, and routes Create to the lists. */
			tui_scope_failed(s->tui, &l->err);
			browse_load_free(l);
			return;
		}
		browse_load_free(l);
		/* Keep trying while something was changing. */
		if (browse_page_transitional(&b->page))
			timer_add(clock_now_ms() + BROWSE_REFRESH_MS, true, s,
			    browse_tick, s);
		return;
	}
	b->error[0] = '\0';
	/* The page's rows, made once; the first list shows as it comes. */
	rows = browse_rows_from(b, &l->list);
	if (!b->into_page)
		browse_acc_add(b, rows, l->list.n);
	else if (b->pages == 0)
		browse_page_set(&b->page, rows, l->list.n);
	else
		browse_page_append(&b->page, rows, l->list.n);
	b->pages++;
	b->npages++;
	next = l->pager;
	l->pager.next = NULL;
	l->pager.ahead = NULL;	/* the page asked for early goes on too */
	browse_load_free(l);
	if (arm_pager_more(&next)) {
		/* The first page at once, then at most once a frame. */
		if (b->into_page && b->pages == 1)
			s->tui->redraw = true;
		else if (b->into_page)
			browse_frame_soon(s);
		browse_load_start(s, &next);
		return;
	}
	arm_pager_done(&next);	/* the early pages' buffers */
	s->tui->redraw = true;
	if (!b->into_page) {
		browse_page_set(&b->page, b->acc, b->nacc);
		b->acc = NULL;
		b->nacc = b->aacc = 0;
	}
	browse_page_settle(&b->page);
	browse_journal_marks(b);
	b->loaded = true;
	browse_versions_start(s);
	if (browse_page_transitional(&b->page))
		timer_add(clock_now_ms() + BROWSE_REFRESH_MS, true, s,
		    browse_tick, s);
}

/*
 * Fetch a page: the next of from (taken over), or the first page of the
 * workspace's computes.
 */
static void
browse_load_start(struct screen *s, struct arm_pager *from)
{
	struct browse		*b = s->data;
	struct tui_context	*ctx = &s->tui->ctx;
	struct browse_load	*l;
	char			*first = NULL;

	if ((ctx->arm == NULL || ctx->scope.workspace[0] == '\0') &&
	    from != NULL)
		arm_pager_done(from);
	if (ctx->arm == NULL)
		return;
	if (ctx->scope.workspace[0] == '\0') {
		snprintf(b->error, sizeof b->error, "%s", _("No workspace "
		    "chosen: start akswiz browse with -w WORKSPACE -g GROUP, "
		    "or choose one by creating or attaching first."));
		return;
	}
	if (from == NULL) {
		/* A new list: drop a half-fetched one. */
		browse_acc_free(b);
		b->into_page = !b->loaded;
		b->pages = 0;
		timer_cancel_owner(s);
		first = arm_computes_url(ctx->arm, ctx->scope.subscription,
		    ctx->scope.resource_group, ctx->scope.workspace);
	}
	l = xcalloc(1, sizeof *l);
	l->arm = ctx->arm;
	if (from != NULL)
		l->pager = *from;	/* its count goes on: the cap holds */
	else {
		arm_pager_init(&l->pager, ctx->arm, first);
		/* Page n+1 asked for while page n is parsed, as list does. */
		arm_pager_prefetch(&l->pager);
	}
	l->owner = s;
	l->scope = ctx->scope;
	b->load = l;
	job_start(browse_load_run, browse_loaded, l);
}

/* Versions arrived: remember them, put them in the rows. */
static void
browse_versions_done(void *arg)
{
	struct browse_versions	*v = arg;
	struct screen		*s = v->owner;
	struct browse		*b;
	size_t			 i, j;

	if (v->cancelled) {
		browse_versions_free(v);
		return;
	}
	b = s->data;
	b->vjob = NULL;
	for (i = 0; i < v->n; i++) {
		const struct browse_version	*e;

		e = browse_version_take(b, &v->v[i]);
		for (j = 0; j < b->page.n; j++)
			if (strcasecmp(b->page.rows[j].resource_id,
			    e->rid) == 0)
				browse_row_known(&b->page.rows[j], e);
	}
	browse_versions_free(v);
	s->tui->redraw = true;
	/* An extension still changing: the list is read again by itself. */
	if (b->load == NULL && b->loaded &&
	    browse_page_transitional(&b->page)) {
		timer_cancel_owner(s);
		timer_add(clock_now_ms() + BROWSE_REFRESH_MS, true, s,
		    browse_tick, s);
	}
	browse_versions_start(s);	/* rows scrolled into view meanwhile */
}

/* Add r's cluster to the job unless it is known or asked for already. */
static void
browse_versions_want(const struct browse *b, struct browse_versions *v,
    const struct browse_row *r)
{
	const struct browse_version	*e;
	size_t				 k;

	if (!browse_row_inference(r) || r->resource_id[0] == '\0')
		return;
	e = browse_version_entry(b, r->resource_id);
	/* A Kubernetes compute needs what an AKS one does not. */
	if (e != NULL && (!browse_row_kubernetes(r) || e->k8s))
		return;
	for (k = 0; k < v->n; k++)
		if (strcasecmp(v->v[k].rid, r->resource_id) == 0)
			return;
	v->v[v->n].nodes = -1;
	v->v[v->n].k8s = browse_row_kubernetes(r);
	v->v[v->n++].rid = xstrdup(r->resource_id);
}

/*
 * Ask for the clusters of the rows in view and of the selected one that
 * are not known yet: never every compute of a long list.
 */
static void
browse_versions_start(struct screen *s)
{
	struct browse		*b = s->data;
	struct browse_versions	*v;
	const struct browse_row	*sel = browse_page_selected(&b->page);
	size_t			 i, h = b->list_height > 0 ?
	    (size_t)b->list_height : 20;

	if (b->vjob != NULL || s->tui->ctx.arm == NULL)
		return;
	v = xcalloc(1, sizeof *v);
	v->v = xcalloc(BROWSE_VERSIONS_BATCH + 1, sizeof *v->v);
	if (sel != NULL)
		browse_versions_want(b, v, sel);
	/* A few at a time, so a refresh or the detail is not queued
	 * behind a screenful of requests. */
	for (i = b->page.top; i < b->page.nview && i < b->page.top + h &&
	    v->n < BROWSE_VERSIONS_BATCH; i++)
		browse_versions_want(b, v, &b->page.rows[b->page.view[i]]);
	if (v->n == 0) {
		browse_versions_free(v);
		return;
	}
	v->arm = s->tui->ctx.arm;
	v->owner = s;
	b->vjob = v;
	job_start(browse_versions_run, browse_versions_done, v);
}

/* The detail's cluster arrived. */
static void
browse_cluster_done(void *arg)
{
	struct browse_cluster	*c = arg;
	struct screen		*s = c->owner;
	struct browse		*b;

	if (c->cancelled) {
		browse_cluster_free(c);
		return;
	}
	b = s->data;
	b->cjob = NULL;
	arm_cluster_done(&b->cluster);
	memset(&b->cluster, 0, sizeof b->cluster);
	free(b->cluster_rid);
	b->cluster_rid = xstrdup(c->rid);
	b->cluster_ok = c->ok;
	snprintf(b->cluster_err, sizeof b->cluster_err, "%s", c->ok ? "" :
	    c->err.msg);
	if (b->ext_found)
		arm_extension_done(&b->ext);
	b->ext_read = c->k8s && c->ext_ok;
	b->ext_found = b->ext_read && c->ext_found;
	snprintf(b->ext_err, sizeof b->ext_err, "%s", c->k8s && c->ok &&
	    !c->ext_ok ? c->ext_err.msg : "");
	if (b->ext_found) {
		b->ext = c->x;
		memset(&c->x, 0, sizeof c->x);
		c->ext_found = false;
	}
	if (c->ok) {
		b->cluster = c->c;
		memset(&c->c, 0, sizeof c->c);
		if (b->cluster.version != NULL)
			browse_version_put(b, c->rid, b->cluster.version);
	}
	browse_cluster_free(c);
	if (browse_form_mode(b) && !b->form_open)
		browse_form_try(s);
	s->tui->redraw = true;
}

/* Fetch the selected compute's cluster for the detail, unless known. */
static void
browse_cluster_start(struct screen *s)
{
	struct browse		*b = s->data;
	struct browse_row	*r = browse_page_selected(&b->page);
	struct browse_cluster	*c;

	if (r == NULL || r->resource_id[0] == '\0' || b->cjob != NULL ||
	    s->tui->ctx.arm == NULL)
		return;
	if (b->cluster_rid != NULL &&
	    strcasecmp(b->cluster_rid, r->resource_id) == 0)
		return;
	c = xcalloc(1, sizeof *c);
	c->arm = s->tui->ctx.arm;
	c->rid = xstrdup(r->resource_id);
	c->k8s = browse_row_kubernetes(r);
	c->owner = s;
	b->cjob = c;
	job_start(browse_cluster_run, browse_cluster_done, c);
}

/* ---- actions ---- */

/* A plan for the target compute of this screen's workspace. */
static void
browse_plan(struct screen *s, struct plan *p, enum plan_op op)
{
	struct browse	*b = s->data;

	plan_init(p, op);
	p->scope = s->tui->ctx.scope;
	snprintf(p->name, sizeof p->name, "%s", b->target);
}

/* Hand the plan to the progress screen (journaled, resumable). */
static void
browse_run(struct screen *s, const struct plan *p)
{
	struct browse		*b = s->data;
	struct open_request	 o;

	b->mode = BROWSE_LIST;
	memset(&o, 0, sizeof o);
	o.run = live_run_new(s->tui->ctx.arm, s->tui->ctx.cloud, p);
	tui_open(s->tui, REQ_OPEN_PROGRESS, &o);
}

/* The row's current TLS settings into a plan (an update sends both). */
static bool
browse_plan_keep_tls(struct plan *p, const struct browse_row *r)
{
	p->tls.mode = tls_status_mode(r->tls_status);
	if (p->tls.mode == TLS_MICROSOFT)
		snprintf(p->tls.leaf_label, sizeof p->tls.leaf_label, "%s",
		    r->more->leaf);
	else if (p->tls.mode == TLS_CUSTOM)
		return false;	/* the key is not readable back */
	return true;
}

/*
 * Check an action's plan as preflight will (core's rules, the
 * certificate files), before it leaves the form: what is refused is
 * shown there, with everything typed kept.  True when nothing is an
 * error.
 */
static bool
browse_check(struct browse *b, const struct plan *p)
{
	struct plan_facts	f;

	memset(&f, 0, sizeof f);
	f.cloud = b->tui->ctx.cloud;
	verdicts_init(&b->checks);
	plan_check(p, &f, &b->checks);
	(void)cert_check_plan(p, clock_now(), &b->checks);
	b->checked = true;
	if (!verdicts_has_errors(&b->checks))
		return true;
	tui_status(b->tui, STYLE_ERROR, "%s", _("The update would be "
	    "refused; nothing was sent. Change what is shown, or Esc."));
	return false;
}

/*
 * The journaled plan, run again as it was: apply finds it partly applied
 * and sends only the steps from the failed one on (ops_preflight).
 */
static bool
browse_finish_plan(struct screen *s, const struct browse_row *r,
    struct plan *p)
{
	struct browse		*b = s->data;
	struct journal_entry	 je;
	struct err		 err;
	bool			 ok;

	journal_entry_init(&je);
	ok = journal_read(r->more->journal, &je, &err) && je.plan_json != NULL &&
	    plan_json_parse(je.plan_json, strlen(je.plan_json), p, &err);
	journal_entry_done(&je);
	if (!ok) {
		tui_status(s->tui, STYLE_ERROR, _("%s has no readable plan: "
		    "change the load balancer (i) and TLS (t) by hand."),
		    r->more->journal);
		return false;
	}
	snprintf(b->target, sizeof b->target, "%s", r->name);
	return true;
}

/* A mode whose form waits for the target's cluster (browse-actions.c). */
static bool
browse_form_mode(const struct browse *b)
{
	return b->mode == BROWSE_SCALE || b->mode == BROWSE_K8S_DETACH ||
	    b->mode == BROWSE_K8S_DELETE || b->mode == BROWSE_K8S_UPDATE;
}

/* Wait for the target's cluster (read again), then open the mode's form. */
static void
browse_form_wait(struct screen *s, enum browse_mode mode)
{
	struct browse	*b = s->data;

	free(b->cluster_rid);
	b->cluster_rid = NULL;
	b->form_open = false;
	b->mode = mode;
	browse_form_try(s);
}

/*
 * The mode's form, once the target's cluster (and a Kubernetes compute's
 * extension) was read: until then the panel says it is being read, or
 * why it could not be.
 */
static void
browse_form_try(struct screen *s)
{
	struct browse		*b = s->data;
	struct browse_row	*r = browse_page_find(&b->page, b->target);

	if (r == NULL) {
		b->mode = BROWSE_LIST;
		return;
	}
	if (r->resource_id[0] == '\0') {
		/* A compute that failed before its cluster was made. */
		b->mode = BROWSE_LIST;
		/* TRANSLATORS: %s is the compute's name. */
		tui_status(s->tui, STYLE_WARNING, _("%s has no AKS cluster to "
		    "act on."), r->name);
		return;
	}
	if (b->cluster_rid == NULL ||
	    strcasecmp(b->cluster_rid, r->resource_id) != 0) {
		browse_cluster_start(s);
		return;
	}
	if (!b->cluster_ok || (browse_row_kubernetes(r) && !b->ext_read))
		return;
	if (b->mode == BROWSE_K8S_UPDATE && !b->ext_found) {
		b->mode = BROWSE_LIST;
		/* TRANSLATORS: %s is the compute's name. */
		tui_status(s->tui, STYLE_WARNING, _("The AKS cluster of %s has "
		    "no Azure ML extension: there is nothing to update."),
		    r->name);
		return;
	}
	if (b->mode == BROWSE_K8S_UPDATE)
		browse_update_begin(&b->update, r->name, r->more->k8s_namespace,
		    r->resource_id, &b->ext, b->update_tls);
	else if (b->mode == BROWSE_SCALE)
		browse_scale_begin(&b->scale, r->name, r->purpose,
		    r->resource_id, &b->cluster, b->ext_found ? &b->ext : NULL,
		    &s->tui->ctx.scope);
	else
		browse_remove_begin(&b->remove, b->mode == BROWSE_K8S_DELETE,
		    r->name, s->tui->ctx.scope.workspace, r->resource_id,
		    &b->cluster, b->ext_found);
	b->form_open = true;
}

/* m: the migrate form on a legacy AKS compute (browse-migrate.c). */
static enum reaction
browse_migrate_open(struct screen *s, const struct browse_row *r)
{
	struct browse			*b = s->data;
	struct browse_migrate_legacy	 l;

	if (browse_row_kubernetes(r)) {
		/* TRANSLATORS: %s is the compute's name. */
		tui_status(s->tui, STYLE_WARNING, _("%s is a Kubernetes "
		    "compute already: there is nothing to migrate."), r->name);
		return REACT_REDRAW;
	}
	memset(&l, 0, sizeof l);
#define COPY(to, from) snprintf(l.to, sizeof l.to, "%s", \
	(from) != NULL ? (from) : "")
	COPY(name, r->name);
	COPY(type, r->type);
	COPY(resource_id, r->resource_id);
	COPY(lb, r->lb);
	COPY(tls, r->tls);
	COPY(cname, r->more->cname);
	COPY(leaf, r->more->leaf);
	COPY(purpose, r->purpose);
#undef COPY
	if (!browse_migrate_begin(&b->migrate, s->tui, &l,
	    s->tui->ctx.scope.workspace)) {
		b->mode = BROWSE_LIST;
		return REACT_REDRAW;
	}
	b->mode = BROWSE_MIGRATE;
	return REACT_REDRAW;
}

/* Open an action's confirmation on the selected row. */
static enum reaction
browse_action(struct screen *s, enum request key)
{
	struct browse		*b = s->data;
	struct browse_row	*r = browse_page_selected(&b->page);

	if (r == NULL)
		return REACT_NONE;
	if (!browse_row_inference(r)) {
		tui_status(s->tui, STYLE_WARNING, _("%s (%s) is not an "
		    "inference cluster: akswiz leaves it alone."),
		    r->name, r->type);
		return REACT_REDRAW;
	}
	if (browse_row_kubernetes(r) && key == REQ_FINISH) {
		/*
		 * f sends a legacy attach's update again.  A plan of today's
		 * path is finished by applying it again, and none leaves its
		 * compute there with steps undone: f is not offered here.
		 */
		/* TRANSLATORS: %s is the compute's name; akswiz apply is a
		 * command. */
		tui_status(s->tui, STYLE_WARNING, _("%s is a Kubernetes "
		    "compute: f finishes a legacy attach. A partly applied "
		    "plan of today's path is finished by applying it again "
		    "(akswiz apply)."), r->name);
		return REACT_REDRAW;
	}
	if (browse_state_kind(r->prov) == BROWSE_STATE_BUSY) {
		tui_status(s->tui, STYLE_WARNING, _("%s is %s: wait until it "
		    "is done."), r->name, r->state);
		return REACT_REDRAW;
	}
	if ((key == REQ_SWITCH_LB || key == REQ_CHANGE_TLS) &&
	    browse_state_kind(r->prov) == BROWSE_STATE_FAILED) {
		tui_status(s->tui, STYLE_WARNING, _("%s failed: there is "
		    "nothing to update; delete (x) or detach (d) it, then "
		    "create or attach again."), r->name);
		return REACT_REDRAW;
	}
	snprintf(b->target, sizeof b->target, "%s", r->name);
	widget_field_init(&b->field);
	b->panel_scroll = 0;
	b->checked = false;
	verdicts_init(&b->checks);
	/* Today's path: one form for the extension's LB, router and TLS. */
	if (browse_row_kubernetes(r) && (key == REQ_SWITCH_LB ||
	    key == REQ_CHANGE_TLS)) {
		b->update_tls = key == REQ_CHANGE_TLS;
		browse_form_wait(s, BROWSE_K8S_UPDATE);
		return REACT_REDRAW;
	}
	switch (key) {
	case REQ_MIGRATE:
		return browse_migrate_open(s, r);
	case REQ_FINISH:
		if (r->failed_step == 0) {
			tui_status(s->tui, STYLE_WARNING, _("%s has nothing "
			    "left unfinished."), r->name);
			return REACT_REDRAW;
		}
		if (!browse_finish_plan(s, r, &b->finish))
			return REACT_REDRAW;
		browse_check(b, &b->finish);
		b->mode = BROWSE_FINISH;
		break;
	case REQ_DETACH:
		if (browse_row_kubernetes(r)) {
			browse_form_wait(s, BROWSE_K8S_DETACH);
			break;
		}
		b->mode = BROWSE_DETACH;
		b->save.note[0] = '\0';
		break;
	case REQ_SCALE:
		/* Read the cluster again: the form starts from its count. */
		browse_form_wait(s, BROWSE_SCALE);
		break;
	case REQ_DELETE_COMPUTE:
		if (browse_row_kubernetes(r)) {
			browse_form_wait(s, BROWSE_K8S_DELETE);
			break;
		}
		if (r->attached) {
			tui_status(s->tui, STYLE_WARNING, _("%s was attached, "
			    "not created by the workspace: it can be detached "
			    "(d), not deleted."), r->name);
			return REACT_REDRAW;
		}
		b->mode = BROWSE_DELETE;
		break;
	case REQ_SWITCH_LB:
		widget_field_set(&b->field, r->more->subnet);
		browse_lb_form(b, r);
		b->mode = BROWSE_LB;
		break;
	case REQ_CHANGE_TLS:
		b->tls_mode = (int)tls_status_mode(r->tls_status);
		/* Azure gives no Microsoft certificate behind an internal
		 * load balancer: that choice is not offered there. */
		b->tls_internal = strcasecmp(r->lb,
		    "InternalLoadBalancer") == 0;
		b->tls_choice = !b->tls_internal ? b->tls_mode :
		    b->tls_mode == 2 ? 1 : 0;
		if (b->tls_internal && b->tls_mode == 1)
			b->tls_mode = 0;
		widget_field_init(&b->tls_leaf);
		widget_field_init(&b->tls_cert);
		widget_field_init(&b->tls_key);
		widget_field_init(&b->tls_cname);
		b->tls_cert.path = b->tls_key.path = true;
		widget_field_set(&b->tls_leaf, r->more->leaf);
		widget_field_set(&b->tls_cname, r->more->cname);
		browse_tls_form(b);
		b->mode = BROWSE_TLS;
		break;
	default:
		break;
	}
	return REACT_REDRAW;
}

static const char *const tls_choices[] = {
	N_("Disabled"), N_("Microsoft certificate"), N_("My own certificate")
};
static const char *const tls_choices_internal[] = {
	N_("Disabled"), N_("My own certificate")
};

/* The TLS form: which fields show depends on the choice. */
static void
browse_tls_form(struct browse *b)
{
	struct form_item	*it;
	int			 focus = b->tls_form.focus;

	/* The choice shown, as a mode (internal: no Microsoft one). */
	b->tls_mode = !b->tls_internal ? b->tls_choice :
	    b->tls_choice == 1 ? 2 : 0;
	widget_form_init(&b->tls_form);
	b->tls_form.focus = focus;
	it = widget_form_add(&b->tls_form, FORM_CHOICE, N_("TLS"),
	    FIELD_TLS_MODE);
	it->choice = &b->tls_choice;
	it->choices = b->tls_internal ? tls_choices_internal : tls_choices;
	it->nchoices = b->tls_internal ? 2 : 3;
	it = widget_form_add(&b->tls_form, FORM_FIELD, N_("Leaf label"),
	    FIELD_TLS_LEAF_LABEL);
	it->field = &b->tls_leaf;
	it->hidden = b->tls_mode != 1;
	browse_form_add_cert(&b->tls_form, &b->tls_cert, &b->tls_key,
	    &b->tls_cname, b->tls_mode == 2);
}

/*
 * The load balancer form: the subnet when going internal; the certificate
 * and key files when the compute uses its own certificate, because an
 * update sends the TLS settings again and the key cannot be read back.
 */
static void
browse_lb_form(struct browse *b, const struct browse_row *r)
{
	struct form_item	*it;
	bool			 custom = r->tls_status == TLS_STATUS_ENABLED;

	widget_field_init(&b->tls_cert);
	widget_field_init(&b->tls_key);
	b->tls_cert.path = b->tls_key.path = true;
	widget_form_init(&b->lb_form);
	it = widget_form_add(&b->lb_form, FORM_FIELD, N_("Subnet"),
	    FIELD_LB_SUBNET);
	it->field = &b->field;
	it->hidden = strcasecmp(r->lb, "InternalLoadBalancer") == 0;
	it = widget_form_add(&b->lb_form, FORM_FIELD, N_("Certificate"),
	    FIELD_TLS_CERT_FILE);
	it->field = &b->tls_cert;
	it->hidden = !custom;
	it = widget_form_add(&b->lb_form, FORM_FIELD, N_("Key"),
	    FIELD_TLS_KEY_FILE);
	it->field = &b->tls_key;
	it->hidden = !custom;
	b->lb_form.focus = it->hidden || !b->lb_form.items[0].hidden ? 0 : 1;
}

/* A form's plan to the review, which submits it; Esc there: the list. */
static enum reaction
browse_review(struct screen *s, struct plan *p)
{
	struct browse		*b = s->data;
	struct open_request	 o;

	b->mode = BROWSE_LIST;
	memset(&o, 0, sizeof o);
	o.plan = p;
	tui_open(s->tui, REQ_OPEN_REVIEW, &o);
	return REACT_REDRAW;
}

/* Keys while an action waits for its confirmation. */
static enum reaction
browse_confirm_key(struct screen *s, const struct key_event *ev)
{
	struct browse		*b = s->data;
	struct browse_row	*r = browse_page_find(&b->page, b->target);
	struct plan		 p;
	char			 text[PLAN_NAME_LEN];

	if (ev->req == REQ_BACK && b->mode == BROWSE_SAVE_TLS && r != NULL &&
	    !tls_save_busy(&b->save)) {
		b->mode = b->save_back;
		return REACT_REDRAW;
	}
	if (ev->req == REQ_BACK || r == NULL) {
		b->mode = BROWSE_LIST;
		return REACT_REDRAW;
	}
	/* Ctrl-C (and q where nothing is typed) still quits. */
	if (ev->req == REQ_QUIT && (!keys_is_text(&ev->key) ||
	    b->mode == BROWSE_DETACH))
		return REACT_UNHANDLED;
	switch (b->mode) {
	case BROWSE_SAVE_TLS:
		if (ev->req != REQ_ENTER)
			return tls_save_key(&b->save, ev) ? REACT_REDRAW :
			    REACT_NONE;
		(void)tls_save_start(&b->save, s->tui);
		return REACT_REDRAW;
	case BROWSE_DETACH:
		if (keys_is_text(&ev->key) && (ev->key.code == 's' ||
		    ev->key.code == 'S') && tls_status_on(r->tls_status)) {
			tls_save_open(&b->save, b->target, browse_saved, b);
			b->save_back = BROWSE_DETACH;
			b->mode = BROWSE_SAVE_TLS;
			return REACT_REDRAW;
		}
		if (ev->req != REQ_ENTER && !(keys_is_text(&ev->key) &&
		    (ev->key.code == 'y' || ev->key.code == 'Y')))
			return REACT_NONE;
		browse_plan(s, &p, PLAN_DETACH);
		p.detach_action = DETACH_KEEP;
		browse_run(s, &p);
		return REACT_REDRAW;
	case BROWSE_DELETE:
		if (ev->req != REQ_ENTER)
			return widget_field_key(&b->field, ev) ? REACT_REDRAW :
			    REACT_NONE;
		widget_field_get(&b->field, text, sizeof text);
		if (strcmp(text, b->target) != 0) {
			tui_status(s->tui, STYLE_ERROR, _("Type the name, %s, "
			    "exactly; nothing was deleted."), b->target);
			return REACT_REDRAW;
		}
		browse_plan(s, &p, PLAN_DETACH);
		p.detach_action = DETACH_DELETE;
		browse_run(s, &p);
		return REACT_REDRAW;
	case BROWSE_LB:
		if (ev->req != REQ_ENTER)
			return widget_form_key(&b->lb_form, ev) ? REACT_REDRAW :
			    REACT_NONE;
		browse_plan(s, &p, PLAN_UPDATE);
		if (!browse_plan_keep_tls(&p, r)) {
			/* Our own certificate: sent again from its files. */
			p.tls.mode = TLS_CUSTOM;
			widget_field_get(&b->tls_cert, p.tls.cert_file,
			    sizeof p.tls.cert_file);
			widget_field_get(&b->tls_key, p.tls.key_file,
			    sizeof p.tls.key_file);
			snprintf(p.tls.cname, sizeof p.tls.cname, "%s",
			    r->more->cname);
		}
		if (strcasecmp(r->purpose, "DevTest") == 0)
			p.purpose = PURPOSE_DEVTEST;
		if (strcasecmp(r->lb, "InternalLoadBalancer") == 0)
			p.lb_type = LB_PUBLIC;
		else {
			p.lb_type = LB_INTERNAL;
			widget_field_get(&b->field, p.lb_subnet,
			    sizeof p.lb_subnet);
		}
		if (!browse_check(b, &p))
			return REACT_REDRAW;
		browse_run(s, &p);
		return REACT_REDRAW;
	case BROWSE_TLS:
		if (ev->req != REQ_ENTER) {
			bool	changed = widget_form_key(&b->tls_form, ev);

			browse_tls_form(b);
			return changed ? REACT_REDRAW : REACT_NONE;
		}
		browse_plan(s, &p, PLAN_UPDATE);
		if (strcasecmp(r->purpose, "DevTest") == 0)
			p.purpose = PURPOSE_DEVTEST;
		if (strcasecmp(r->lb, "InternalLoadBalancer") == 0) {
			p.lb_type = LB_INTERNAL;
			snprintf(p.lb_subnet, sizeof p.lb_subnet, "%s",
			    r->more->subnet);
		}
		p.tls.mode = (enum tls_mode)b->tls_mode;
		p.tls.overwrite = true;
		widget_field_get(&b->tls_leaf, p.tls.leaf_label,
		    sizeof p.tls.leaf_label);
		widget_field_get(&b->tls_cert, p.tls.cert_file,
		    sizeof p.tls.cert_file);
		widget_field_get(&b->tls_key, p.tls.key_file,
		    sizeof p.tls.key_file);
		widget_field_get(&b->tls_cname, p.tls.cname,
		    sizeof p.tls.cname);
		/* What the hidden fields hold is not part of the choice. */
		if (p.tls.mode != TLS_MICROSOFT)
			p.tls.leaf_label[0] = '\0';
		if (p.tls.mode != TLS_CUSTOM)
			p.tls.cert_file[0] = p.tls.key_file[0] =
			    p.tls.cname[0] = '\0';
		if (!browse_check(b, &p))
			return REACT_REDRAW;
		browse_run(s, &p);
		return REACT_REDRAW;
	case BROWSE_SCALE:
	case BROWSE_K8S_DETACH:
	case BROWSE_K8S_DELETE:
	case BROWSE_K8S_UPDATE:
		if (!b->form_open)
			return REACT_NONE;
		if (ev->req != REQ_ENTER && b->mode == BROWSE_K8S_UPDATE)
			return browse_update_key(&b->update, ev) ?
			    REACT_REDRAW : REACT_NONE;
		if (ev->req != REQ_ENTER && b->mode == BROWSE_SCALE)
			return browse_scale_key(&b->scale, ev,
			    &s->tui->ctx.scope) ? REACT_REDRAW : REACT_NONE;
		if (ev->req != REQ_ENTER)
			return browse_remove_key(&b->remove, ev) ?
			    REACT_REDRAW : REACT_NONE;
		if (b->mode == BROWSE_SCALE ? !browse_scale_plan(&b->scale,
		    s->tui, &p) : b->mode == BROWSE_K8S_UPDATE ?
		    !browse_update_plan(&b->update, s->tui, &p) :
		    !browse_remove_plan(&b->remove, s->tui, &p))
			return REACT_REDRAW;
		return browse_review(s, &p);
	case BROWSE_MIGRATE:
		/* Ctrl-S: its certificate and key saved first, as d offers. */
		if (ev->req == REQ_SAVE && b->migrate.custom) {
			tls_save_open(&b->save, b->target, browse_saved, b);
			b->save_back = BROWSE_MIGRATE;
			b->mode = BROWSE_SAVE_TLS;
			return REACT_REDRAW;
		}
		if (ev->req != REQ_ENTER)
			return browse_migrate_key(&b->migrate, s->tui, ev) ?
			    REACT_REDRAW : REACT_NONE;
		if (!browse_migrate_plan(&b->migrate, s->tui, &p))
			return REACT_REDRAW;
		return browse_review(s, &p);
	case BROWSE_FINISH:
		if (ev->req != REQ_ENTER && !(keys_is_text(&ev->key) &&
		    (ev->key.code == 'y' || ev->key.code == 'Y')))
			return REACT_NONE;
		if (!browse_check(b, &b->finish))
			return REACT_REDRAW;
		browse_run(s, &b->finish);
		return REACT_REDRAW;
	default:
		b->mode = BROWSE_LIST;
		return REACT_REDRAW;
	}
}

/* ---- keys ---- */

/* "?": the keys of this screen, in place of the list (tui.c draws it). */
static void
browse_help_open(struct browse *b)
{
	const struct browse_row	*r = browse_page_selected(&b->page);
	struct tui_help		 h;
	size_t			 i;

	memset(&h, 0, sizeof h);
	h.top = b->body_top > 0 ? b->body_top : 3;
	for (i = 0; i < sizeof browse_help / sizeof browse_help[0]; i++)
		/* f is a legacy compute's: not on a Kubernetes one. */
		if ((!b->readonly || !browse_help[i].acts) &&
		    !(browse_help[i].req == REQ_FINISH && r != NULL &&
		    browse_row_kubernetes(r)))
			(void)tui_help_add(&h, browse_help[i].req,
			    browse_help[i].keys, browse_help[i].help);
	tui_help_open(b->tui, &h);
}

/* Keys of the filter line: text, Backspace, Enter keeps, Esc clears. */
static enum reaction
browse_filter_key(struct screen *s, const struct key_event *ev)
{
	struct browse	*b = s->data;
	size_t		 len = strlen(b->filter);
	char		 mb[8];
	int		 n;

	switch (ev->req) {
	case REQ_ENTER:
		b->filtering = false;
		return REACT_REDRAW;
	case REQ_BACK:
		b->filtering = false;
		b->filter[0] = '\0';
		break;
	case REQ_KILL_LINE:
		b->filter[0] = '\0';
		break;
	case REQ_BACKSPACE:
		/* Drop one UTF-8 character. */
		while (len > 0 && ((unsigned char)b->filter[--len] & 0xc0) ==
		    0x80)
			;
		b->filter[len] = '\0';
		break;
	case REQ_UP:
	case REQ_DOWN:
	case REQ_PAGE_UP:
	case REQ_PAGE_DOWN:
		browse_page_move(&b->page, ev->req == REQ_UP ? -1 :
		    ev->req == REQ_DOWN ? 1 : ev->req == REQ_PAGE_UP ?
		    -b->list_height : b->list_height, b->list_height);
		return REACT_REDRAW;
	default:
		if (!keys_is_text(&ev->key))
			return REACT_NONE;
		n = wctomb(mb, (wchar_t)ev->key.code);
		if (n <= 0 || len + (size_t)n >= sizeof b->filter)
			return REACT_NONE;
		memcpy(b->filter + len, mb, (size_t)n);
		b->filter[len + (size_t)n] = '\0';
		break;
	}
	browse_page_filter(&b->page, b->filter);
	return REACT_REDRAW;
}

/* Browse keys: move, filter, sort, refresh, detail, actions. */
static enum reaction
browse_request(struct screen *s, const struct key_event *ev)
{
	struct browse	*b = s->data;
	int		 h = b->list_height > 0 ? b->list_height : 10;
	size_t		 before = b->page.sel;

	/* A panel taller than the screen scrolls (Up/Down where no
	 * form needs them). */
	if (b->mode != BROWSE_LIST && (ev->req == REQ_PAGE_UP ||
	    ev->req == REQ_PAGE_DOWN || ((ev->req == REQ_UP ||
	    ev->req == REQ_DOWN) && (b->mode == BROWSE_DETACH || b->mode == BROWSE_FINISH)))) {
		b->panel_scroll += ev->req == REQ_UP ? -1 : ev->req ==
		    REQ_DOWN ? 1 : ev->req == REQ_PAGE_UP ? -h : h;
		if (b->panel_scroll < 0)
			b->panel_scroll = 0;
		return REACT_REDRAW;
	}
	if (b->mode != BROWSE_LIST)
		return browse_confirm_key(s, ev);
	if (b->filtering)
		return browse_filter_key(s, ev);
	switch (ev->req) {
	case REQ_UP:
	case REQ_DOWN:
	case REQ_PAGE_UP:
	case REQ_PAGE_DOWN:
	case REQ_HOME:
	case REQ_END:
		if (widget_split_full(&b->split, COLS) &&
		    (ev->req == REQ_UP || ev->req == REQ_DOWN)) {
			/* The detail alone: arrows scroll it. */
			b->split.scroll += ev->req == REQ_UP ? -1 : 1;
			if (b->split.scroll < 0)
				b->split.scroll = 0;
			return REACT_REDRAW;
		}
		browse_page_move(&b->page, ev->req == REQ_UP ? -1 :
		    ev->req == REQ_DOWN ? 1 : ev->req == REQ_PAGE_UP ? -h :
		    ev->req == REQ_PAGE_DOWN ? h : ev->req == REQ_HOME ?
		    -(long)b->page.nview : (long)b->page.nview, h);
		if (b->page.sel != before) {
			b->split.scroll = 0;
			if (b->split.open)
				browse_cluster_start(s);
			browse_versions_start(s);
		}
		return REACT_REDRAW;
	case REQ_ENTER:
		b->split.open = true;
		b->split.scroll = 0;
		browse_cluster_start(s);
		return REACT_REDRAW;
	case REQ_BACK:
		if (b->split.open) {
			b->split.open = false;
			return REACT_REDRAW;
		}
		if (s->tui->depth > 1)
			tui_pop(s->tui);
		return REACT_REDRAW;
	case REQ_HELP:
		browse_help_open(b);
		return REACT_REDRAW;
	case REQ_FILTER:
		b->filtering = true;
		return REACT_REDRAW;
	case REQ_SORT:
		browse_page_cycle_sort(&b->page);
		browse_versions_start(s);
		return REACT_REDRAW;
	case REQ_REFRESH:
		if (b->load == NULL) {
			/* What was read of the clusters is read again. */
			browse_versions_forget(b);
			browse_load_start(s, NULL);
			if (b->split.open)
				browse_cluster_start(s);
		}
		return REACT_REDRAW;
	case REQ_OPEN_CREATE:
	case REQ_OPEN_ATTACH:
		/* The loop opens the wizard (tui_open). */
		return b->readonly ? REACT_NONE : REACT_UNHANDLED;
	case REQ_DETACH:
	case REQ_DELETE_COMPUTE:
	case REQ_SWITCH_LB:
	case REQ_CHANGE_TLS:
	case REQ_FINISH:
	case REQ_SCALE:
	case REQ_MIGRATE:
		if (b->readonly || s->tui->ctx.arm == NULL)
			return REACT_NONE;
		if (ev->req == REQ_CHANGE_TLS) {
			b->tls_form.focus = 0;
			browse_tls_form(b);
		}
		return browse_action(s, ev->req);
	case REQ_OPEN_ENDPOINTS:
		return endpoints_from_browse(s->tui, browse_page_selected(&b->page));
	case REQ_CHAR:
		return REACT_NONE;
	default:
		return REACT_UNHANDLED;
	}
}

/* ---- drawing ---- */

/* The state with its mark, so that it reads without colour too. */
static const char *
browse_state_mark(enum provisioning_state state, int *attr)
{
	switch (browse_state_kind(state)) {
	case BROWSE_STATE_OK:
		*attr = display_attr(STYLE_OK);
		return glyph->ok;
	case BROWSE_STATE_FAILED:
		*attr = display_attr(STYLE_ERROR);
		return glyph->error;
	case BROWSE_STATE_BUSY:
		*attr = display_attr(STYLE_WARNING);
		return glyph->more;
	default:
		*attr = A_NORMAL;
		return glyph->info;
	}
}

/*
 * A Kubernetes compute whose extension is missing, failed or changing
 * says so in the list's state, where the compute itself succeeded.
 */
static void
browse_ext_mark(const struct browse_row *r, const char **mark, int *attr,
    const char **text)
{
	if (!browse_row_kubernetes(r) || r->more->ext_state[0] == '\0' ||
	    browse_state_kind(r->prov) != BROWSE_STATE_OK)
		return;
	if (strcmp(r->more->ext_state, "-") == 0) {
		*mark = glyph->warning;
		*attr = display_attr(STYLE_WARNING);
		/* TRANSLATORS: a state in the list: the Kubernetes compute's
		 * cluster has no Azure ML extension; at most 9 cells. */
		*text = _("No ext");
		return;
	}
	switch (browse_state_kind(browse_row_ext_prov(r))) {
	case BROWSE_STATE_FAILED:
		*mark = glyph->error;
		*attr = display_attr(STYLE_ERROR);
		/* TRANSLATORS: a state in the list: the Azure ML extension
		 * of the compute's cluster failed; at most 9 cells. */
		*text = _("Ext fail");
		break;
	case BROWSE_STATE_BUSY:
		*mark = glyph->more;
		*attr = display_attr(STYLE_WARNING);
		*text = r->more->ext_state;
		break;
	default:
		break;
	}
}

/* One row's cell text for a column. */
static void
browse_cell(const struct browse_row *r, enum browse_col c, char *buf,
    size_t len)
{
	enum purpose	purpose;

	switch (c) {
	case BROWSE_COL_NAME:
		snprintf(buf, len, "%s", r->name);
		break;
	case BROWSE_COL_STATE:
		snprintf(buf, len, "%s", r->state);
		break;
	case BROWSE_COL_PURPOSE:
		if (browse_row_kubernetes(r))
			/* TRANSLATORS: the purpose of a Kubernetes compute
			 * (today's path) in the list, its type first: at
			 * most 8 cells each. */
			snprintf(buf, len, "%s", !purpose_parse(r->purpose,
			    &purpose) ? _("k8s") : purpose == PURPOSE_DEVTEST ?
			    _("k8s dev") : _("k8s prod"));
		else if (browse_row_inference(r))
			snprintf(buf, len, "%s", r->purpose);
		else
			snprintf(buf, len, "[%s]", r->type);
		break;
	case BROWSE_COL_NODES:
		browse_nodes_text(r, glyph->times, true, buf, len);
		break;
	case BROWSE_COL_VERSION:
		snprintf(buf, len, "%s", r->more->version);
		break;
	case BROWSE_COL_REGION:
		snprintf(buf, len, "%s", r->region);
		break;
	case BROWSE_COL_LB:
		snprintf(buf, len, "%s", !browse_row_inference(r) ||
		    (browse_row_kubernetes(r) && r->lb[0] == '\0') ? "" :
		    browse_row_kubernetes(r) && strcasecmp(r->lb,
		    "InternalLoadBalancer") != 0 && strcasecmp(r->lb,
		    "PublicIp") != 0 ? r->lb :	/* NodePort, ClusterIP */
		    strcasecmp(r->lb, "InternalLoadBalancer") == 0 ?
		    /* TRANSLATORS: internal load balancer, 6 cells. */
		    _("ILB") : _("public"));
		break;
	case BROWSE_COL_TLS:
		snprintf(buf, len, "%s", !browse_row_inference(r) ||
		    (browse_row_kubernetes(r) && r->tls[0] == '\0') ? "" :
		    /* TRANSLATORS: TLS with Microsoft's or your own
		     * certificate, or none: 6 cells each. */
		    r->tls_status == TLS_STATUS_AUTO ? _("auto") :
		    r->tls_status == TLS_STATUS_ENABLED ? _("custom") :
		    _("off"));
		break;
	default:
		buf[0] = '\0';
	}
}

/* The list: a heading, then only the rows in view. */
static void
browse_draw_list(void *arg, WINDOW *win, int y, int x, int height,
    int width)
{
	struct browse	*b = arg;
	int		 w[BROWSE_COL__COUNT], c, cx, row, attr, sattr;
	int		 pw = display_width(glyph->pointer) + 1;
	char		 cell[512], head[128];
	size_t		 i;

	browse_layout(width - pw, w);
	cx = x + pw;
	for (c = 0; c < BROWSE_COL__COUNT; c++) {
		if (w[c] == 0)
			continue;
		snprintf(head, sizeof head, "%s%s", _(browse_col_title(c)),
		    (enum browse_col)c == b->page.sort ? "*" : "");
		if (display_width(head) > w[c])
			snprintf(head, sizeof head, "%s%s",
			    _(browse_col_brief(c)), (enum browse_col)c ==
			    b->page.sort ? "*" : "");
		display_text(win, y, cx, w[c], head, display_attr(STYLE_DIM),
		    true);
		cx += w[c] + 1;
	}
	height--;
	y++;
	b->list_height = height;
	if (b->page.sel < b->page.top)
		b->page.top = b->page.sel;
	if (b->page.sel >= b->page.top + (size_t)height)
		b->page.top = b->page.sel - (size_t)height + 1;
	for (row = 0; row < height; row++) {
		const struct browse_row	*r;

		i = b->page.top + (size_t)row;
		if (i >= b->page.nview)
			break;
		r = &b->page.rows[b->page.view[i]];
		attr = browse_row_inference(r) ? (int)A_NORMAL :
		    display_attr(STYLE_DIM);
		if (i == b->page.sel) {
			attr = display_attr(STYLE_SELECTED);
			wattron(win, attr);
			wmove(win, y + row, x);
			whline(win, ' ', width);
			wattroff(win, attr);
			display_text(win, y + row, x, pw, glyph->pointer, attr,
			    false);
		}
		cx = x + pw;
		for (c = 0; c < BROWSE_COL__COUNT; c++) {
			if (w[c] == 0)
				continue;
			if (c == BROWSE_COL_STATE) {
				const char *m = browse_state_mark(r->prov,
				    &sattr), *st = r->state;
				int mw;

				browse_ext_mark(r, &m, &sattr, &st);
				if (r->failed_step > 0 && browse_state_kind(
				    r->prov) == BROWSE_STATE_OK) {
					/* Succeeded, but not all of it. */
					m = glyph->warning;
					sattr = display_attr(STYLE_WARNING);
					/* TRANSLATORS: a state in the list:
					 * a plan applied in part; at most 9
					 * cells. */
					st = _("Partial");
				}
				mw = display_width(m);
				if (i == b->page.sel)
					sattr = attr;
				display_text(win, y + row, cx, mw, m, sattr,
				    false);
				display_text(win, y + row, cx + mw + 1,
				    w[c] - mw - 1, st, sattr, true);
			} else {
				browse_cell(r, (enum browse_col)c, cell,
				    sizeof cell);
				display_text(win, y + row, cx, w[c], cell,
				    attr, true);
			}
			cx += w[c] + 1;
		}
	}
	if (b->page.nview == 0 && b->loaded)
		display_text(win, y, x + pw, width - pw, b->page.filter[0] ?
		    _("No compute matches the filter.") :
		    _("This workspace has no computes yet: n creates one, a "
		    "attaches one."), display_attr(STYLE_DIM), true);
	else if (b->page.nview == 0 && b->error[0] == '\0')
		display_text(win, y, x + pw, width - pw,
		    _("Reading the workspace's computes..."),
		    display_attr(STYLE_DIM), true);
}

/* A detail line: "Label: value", wrapped; advances *y past the rows used. */
static void
browse_detail_line(WINDOW *win, int *y, int x, int width, int ymax,
    int *skip, const char *label, const char *value, int attr)
{
	char	line[2048];
	int	lw = width >= 76 ? 24 : 21;	/* the longest label is 20 */

	if (value == NULL || value[0] == '\0')
		return;
	if (*skip > 0) {
		(*skip)--;
		return;
	}
	if (*y >= ymax)
		return;
	if (label != NULL) {
		display_text(win, *y, x, lw - 1, label,
		    display_attr(STYLE_DIM), true);
		*y += display_wrap(win, *y, x + lw, width - lw, ymax - *y,
		    value, attr);
	} else {
		snprintf(line, sizeof line, "%s", value);
		*y += display_wrap(win, *y, x, width, ymax - *y, line, attr);
	}
}

/* The detail's Azure ML extension (a Kubernetes compute's). */
static void
browse_draw_extension(struct browse *b, WINDOW *win, int *y, int x,
    int width, int ymax, int *skip)
{
	char		 v[512], *problem;
	const char	*ver;
	int		 st;

	if (!b->ext_read) {
		browse_detail_line(win, y, x, width, ymax, skip,
		    _("Extension"), b->ext_err, display_attr(STYLE_ERROR));
		return;
	}
	if (!b->ext_found) {
		/* TRANSLATORS: detail labels (at most 20 cells) and
		 * values of a Kubernetes compute's Azure ML extension. */
		browse_detail_line(win, y, x, width, ymax, skip,
		    _("Extension"), _("not installed: the compute cannot "
		    "serve models until the Azure Machine Learning extension "
		    "is installed on the cluster"), display_attr(STYLE_ERROR));
		return;
	}
	ver = b->ext.current_version != NULL ? b->ext.current_version :
	    b->ext.version;
	snprintf(v, sizeof v, "%s %s (%s)", b->ext.name, ver != NULL ? ver :
	    "?", b->ext.release_train != NULL ? b->ext.release_train : "?");
	browse_detail_line(win, y, x, width, ymax, skip, _("Extension"), v,
	    A_NORMAL);
	snprintf(v, sizeof v, "%s %s", browse_state_mark(b->ext.prov, &st),
	    b->ext.provisioning_state != NULL ? b->ext.provisioning_state :
	    "Unknown");
	browse_detail_line(win, y, x, width, ymax, skip,
	    _("Extension state"), v, st);
	/* Why it is not healthy: the health check's code and message. */
	problem = arm_extension_problem(&b->ext);
	/* TRANSLATORS: detail label, at most 20 cells. */
	browse_detail_line(win, y, x, width, ymax, skip, _("Health check"),
	    problem, display_attr(STYLE_ERROR));
	free(problem);
	/* TRANSLATORS: the inference router's Kubernetes service type;
	 * detail label, at most 20 cells. */
	browse_detail_line(win, y, x, width, ymax, skip, _("Router service"),
	    arm_extension_router(&b->ext), A_NORMAL);
}

/* The detail of the selected compute and of its AKS cluster. */
static void
browse_draw_detail(void *arg, WINDOW *win, int y, int x, int height,
    int width)
{
	struct browse		*b = arg;
	struct browse_row	*r = browse_page_selected(&b->page);
	const struct browse_row_more *more;
	const char		*dns;
	char			 v[1024], hint[512];
	int			 ymax = y + height, skip = b->split.scroll, st;
	size_t			 i;

	x++;		/* a margin, as the rest of the screens have */
	width -= 2;

	if (r == NULL) {
		display_text(win, y, x, width, _("Nothing selected."),
		    display_attr(STYLE_DIM), true);
		return;
	}
	display_text(win, y++, x, width, r->name, display_attr(STYLE_TITLE),
	    true);
	/* TRANSLATORS: the type of a compute of today's path. */
	browse_detail_line(win, &y, x, width, ymax, &skip, _("Type"),
	    browse_row_kubernetes(r) ? _("Kubernetes (an AKS cluster with the "
	    "Azure Machine Learning extension)") : browse_row_inference(r) ?
	    _("AKS (inference cluster)") : r->type, A_NORMAL);
	if (!browse_row_inference(r))
		browse_detail_line(win, &y, x, width, ymax, &skip, NULL,
		    _("Not an inference cluster: listed, not changed by "
		    "akswiz."), display_attr(STYLE_DIM));
	snprintf(v, sizeof v, "%s %s", browse_state_mark(r->prov, &st),
	    r->state);
	browse_detail_line(win, &y, x, width, ymax, &skip, _("State"), v, st);
	more = r->more;
	if (more->error_code[0] != '\0' || more->error_message[0] != '\0') {
		snprintf(v, sizeof v, "%s: %s", more->error_code,
		    more->error_message);
		browse_detail_line(win, &y, x, width, ymax, &skip,
		    _("Error"), v, display_attr(STYLE_ERROR));
		/* Why: "BadRequest: The request is invalid" says nothing. */
		if (more->error_detail[0] != '\0' &&
		    strstr(more->error_message, more->error_detail) == NULL)
			browse_detail_line(win, &y, x, width, ymax, &skip,
			    _("Because"), more->error_detail,
			    display_attr(STYLE_ERROR));
		ops_hint(more->error_code, more->error_message,
		    more->error_detail, hint, sizeof hint);
		browse_detail_line(win, &y, x, width, ymax, &skip, _("Hint"),
		    hint, display_attr(STYLE_WARNING));
	}
	if (r->failed_step > 0) {
		snprintf(v, sizeof v, _("step %d of %d (%s) of the %s failed: "
		    "%s"), r->failed_step, r->nsteps, r->more->failed_step_name,
		    r->more->failed_op, r->more->failed_error);
		browse_detail_line(win, &y, x, width, ymax, &skip,
		    _("Unfinished"), v, display_attr(STYLE_WARNING));
		browse_detail_line(win, &y, x, width, ymax, &skip,
		    _("To finish"), b->readonly ? _("without --readonly, f "
		    "sends the load balancer and TLS of the plan again") :
		    _("f sends the load balancer and TLS of the plan again "
		    "(from the journal)"), display_attr(STYLE_KEY));
		browse_detail_line(win, &y, x, width, ymax, &skip,
		    _("Journal"), r->more->journal, A_NORMAL);
	}
	browse_detail_line(win, &y, x, width, ymax, &skip, _("Description"),
	    r->description, A_NORMAL);
	browse_detail_line(win, &y, x, width, ymax, &skip,
	    _("Origin"), browse_row_inference(r) ? r->attached ?
	    _("attached to the workspace (detach keeps the cluster)") :
	    _("created by the workspace") : "", A_NORMAL);
	browse_detail_line(win, &y, x, width, ymax, &skip, _("Purpose"),
	    r->purpose, A_NORMAL);
	browse_nodes_text(r, glyph->times, false, v, sizeof v);
	browse_detail_line(win, &y, x, width, ymax, &skip,
	    _("Nodes × size = vCPU"), v, A_NORMAL);
	browse_detail_line(win, &y, x, width, ymax, &skip, _("Region"),
	    r->region, A_NORMAL);
	/* A Kubernetes compute's come from its extension, once read. */
	if (browse_row_inference(r) && (!browse_row_kubernetes(r) ||
	    r->lb[0] != '\0')) {
		browse_lb_text(r->lb, r->more->subnet, v, sizeof v);
		if (browse_row_kubernetes(r) && strcasecmp(r->lb,
		    "InternalLoadBalancer") != 0 && strcasecmp(r->lb,
		    "PublicIp") != 0)
			snprintf(v, sizeof v, "%s", r->lb);	/* NodePort */
		browse_detail_line(win, &y, x, width, ymax, &skip,
		    _("Load balancer"), v, A_NORMAL);
		browse_detail_line(win, &y, x, width, ymax, &skip, _("TLS"),
		    r->tls_status == TLS_STATUS_NONE ?
		    tls_status_text(TLS_STATUS_DISABLED) : r->tls, A_NORMAL);
	}
	/* What serves a Kubernetes compute first: its extension. */
	if (browse_row_kubernetes(r) && b->cluster_rid != NULL &&
	    strcasecmp(b->cluster_rid, r->resource_id) == 0 && b->cluster_ok)
		browse_draw_extension(b, win, &y, x, width, ymax, &skip);
	/* The scoring host name when TLS is on. */
	if (r->tls_status == TLS_STATUS_ENABLED)
		browse_detail_line(win, &y, x, width, ymax, &skip,
		    _("Scoring host"), r->more->cname, A_NORMAL);
	else if (r->tls_status == TLS_STATUS_AUTO) {
		dns = b->tui->ctx.cloud == CLOUD_CHINA ?
		    "cloudapp.chinacloudapi.cn" : b->tui->ctx.cloud ==
		    CLOUD_USGOV ? "cloudapp.usgovcloudapi.net" :
		    "cloudapp.azure.com";
		snprintf(v, sizeof v, _("%s + 3 characters Azure adds, "
		    "under %s.%s"), r->more->leaf, r->region, dns);
		browse_detail_line(win, &y, x, width, ymax, &skip,
		    _("Scoring host"), v, A_NORMAL);
	}
	browse_detail_line(win, &y, x, width, ymax, &skip, _("Created"),
	    r->created, A_NORMAL);
	browse_detail_line(win, &y, x, width, ymax, &skip, _("Modified"),
	    r->modified, A_NORMAL);
	browse_detail_line(win, &y, x, width, ymax, &skip, _("Compute ID"),
	    browse_row_id(r, v, sizeof v), A_NORMAL);
	browse_detail_line(win, &y, x, width, ymax, &skip, _("AKS cluster"),
	    r->resource_id, A_NORMAL);
	/* TRANSLATORS: the Kubernetes namespace of the compute's
	 * deployments; detail label, at most 20 cells. */
	browse_detail_line(win, &y, x, width, ymax, &skip, _("Namespace"),
	    r->more->k8s_namespace, A_NORMAL);
	if (r->resource_id[0] == '\0')
		return;
	/* The underlying cluster, once fetched. */
	if (b->cluster_rid == NULL ||
	    strcasecmp(b->cluster_rid, r->resource_id) != 0) {
		browse_detail_line(win, &y, x, width, ymax, &skip, NULL,
		    _("Reading the AKS cluster..."), display_attr(STYLE_DIM));
		return;
	}
	if (!b->cluster_ok) {
		browse_detail_line(win, &y, x, width, ymax, &skip,
		    _("AKS cluster"), b->cluster_err,
		    display_attr(STYLE_ERROR));
		return;
	}
	browse_detail_line(win, &y, x, width, ymax, &skip,
	    _("Kubernetes version"), b->cluster.version, A_NORMAL);
	snprintf(v, sizeof v, "%s%s%s", b->cluster.provisioning_state ?
	    b->cluster.provisioning_state : "", b->cluster.power_state ?
	    ", " : "", b->cluster.power_state ? b->cluster.power_state : "");
	browse_detail_line(win, &y, x, width, ymax, &skip,
	    _("Cluster state"), v, A_NORMAL);
	for (i = 0; i < b->cluster.npools; i++) {
		const struct arm_pool	*p = &b->cluster.pools[i];

		snprintf(v, sizeof v, "%s: %d %s %s%s%s%s", p->name ? p->name :
		    "?", p->count, glyph->times, p->vm_size ? p->vm_size :
		    "?", p->mode ? " (" : "", p->mode ? p->mode : "",
		    p->mode ? ")" : "");
		browse_detail_line(win, &y, x, width, ymax, &skip,
		    i == 0 ? _("Node pools") : "", v, A_NORMAL);
	}
	browse_detail_line(win, &y, x, width, ymax, &skip,
	    _("Private cluster"), b->cluster.private_cluster ? _("yes") :
	    _("no"), A_NORMAL);
	browse_detail_line(win, &y, x, width, ymax, &skip,
	    _("Authorized IP ranges"), b->cluster.authorized_ranges ?
	    b->cluster.authorized_ranges : _("none (any address)"),
	    A_NORMAL);
	browse_detail_line(win, &y, x, width, ymax, &skip, _("API server"),
	    b->cluster.private_cluster && b->cluster.private_fqdn ?
	    b->cluster.private_fqdn : b->cluster.fqdn, A_NORMAL);
}

/* The errors and warnings of the action's plan, once Enter was tried. */
static int
browse_draw_checks(struct browse *b, WINDOW *win, int y, int x, int w,
    int ymax)
{
	return b->checked ? browse_draw_verdicts(win, &b->checks, y, x, w,
	    ymax) : 0;
}

/* "Label  value" in the finish panel; rows used. */
static int
browse_finish_line(WINDOW *win, int y, int x, int w, int ymax,
    const char *label, const char *value)
{
	int	lw = 16;

	if (y >= ymax)
		return 0;
	display_text(win, y, x, lw - 1, label, display_attr(STYLE_DIM), true);
	return display_wrap(win, y, x + lw, w - lw, ymax - y, value,
	    A_NORMAL);
}

/* "internal, subnet aks-subnet" / "public IP". */
static void
browse_lb_text(const char *lb, const char *subnet, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", strcasecmp(lb, "InternalLoadBalancer") ==
	    0 ? _("internal") : _("public IP"), subnet[0] != '\0' ?
	    _(", subnet ") : "", subnet);
}

/* The confirmation panel of an action from row y; rows used. */
static int
browse_draw_confirm(struct browse *b, WINDOW *win, int y, int ymax)
{
	struct browse_row	*r = browse_page_find(&b->page, b->target);
	char			 text[2048];
	int			 x = 2, w = COLS - 4, y0 = y;

	if (r == NULL)
		return 0;
	switch (b->mode) {
	case BROWSE_DETACH:
		snprintf(text, sizeof text, _("Detach %s from workspace %s? "
		    "The AKS cluster is kept, with everything running on it; "
		    "only its link to the workspace goes."), r->name,
		    b->tui->ctx.scope.workspace);
		y += display_wrap(win, y, x, w, ymax - y, text,
		    display_attr(STYLE_TITLE)) + 1;
		if (tls_status_on(r->tls_status)) {
			y += display_wrap(win, y, x, w, ymax - y, _("TLS is on: "
			    "save the certificate and key first, from the "
			    "cluster's secret azuremlfessl: s saves them with "
			    "the cluster's user credentials."), A_NORMAL);
			if (b->save.note[0] != '\0')
				y += display_wrap(win, y, x + 2, w - 2,
				    ymax - y, b->save.note, display_attr(
				    b->save.failed ? STYLE_ERROR : STYLE_OK));
			y += display_wrap(win, y, x, w, ymax - y, _("Or with "
			    "kubectl, in a private directory:"), A_NORMAL);
			y += display_wrap(win, y, x + 2, w - 2, ymax - y,
			    "umask 077; kubectl get secret azuremlfessl -o "
			    "jsonpath='{.data.cert\\.pem}' | base64 -d > "
			    "cert.pem; kubectl get secret azuremlfessl -o "
			    "jsonpath='{.data.key\\.pem}' | base64 -d > key.pem",
			    display_attr(STYLE_KEY)) + 1;
		}
		y += display_wrap(win, y, x, w, ymax - y, _("Before attaching "
		    "the cluster again, remove what azureml-fe left on it:"),
		    A_NORMAL);
		y += display_wrap(win, y, x + 2, w - 2, ymax - y,
		    "kubectl delete sa azureml-fe; kubectl delete clusterrole "
		    "azureml-fe-role; kubectl delete clusterrolebinding "
		    "azureml-fe-binding; kubectl delete svc azureml-fe "
		    "azureml-fe-int-http; kubectl delete deploy azureml-fe; "
		    "kubectl delete secret azuremlfessl; kubectl delete cm "
		    "azuremlfeconfig", display_attr(STYLE_KEY)) + 1;
		display_text(win, y, x, w, _("Enter or y detaches; Esc keeps "
		    "it attached."), display_attr(STYLE_WARNING), true);
		break;
	case BROWSE_SAVE_TLS:
		y += tls_save_draw(&b->save, b->tui, win, y, ymax);
		break;
	case BROWSE_DELETE:
		snprintf(text, sizeof text, _("Delete %s AND its AKS cluster? "
		    "The cluster and every model deployed on it are gone "
		    "for good."), r->name);
		y += display_wrap(win, y, x, w, ymax - y, text,
		    display_attr(STYLE_ERROR)) + 1;
		snprintf(text, sizeof text, _("Type %s to confirm:"), r->name);
		display_text(win, y, x, w, text, A_NORMAL, true);
		widget_field_draw(&b->field, win, y + 1, x, 40, true);
		y += 3;
		display_text(win, y, x, w, _("Enter deletes; Esc keeps "
		    "it."), display_attr(STYLE_WARNING), true);
		break;
	case BROWSE_LB:
		if (strcasecmp(r->lb, "InternalLoadBalancer") == 0) {
			snprintf(text, sizeof text, _("Switch %s to a public IP "
			    "load balancer? Scoring becomes reachable from the "
			    "internet."), r->name);
			y += display_wrap(win, y, x, w, ymax - y, text,
			    display_attr(STYLE_TITLE)) + 1;
		} else {
			snprintf(text, sizeof text, _("Switch %s to an internal "
			    "load balancer in this subnet of the cluster's "
			    "virtual network:"), r->name);
			y += display_wrap(win, y, x, w, ymax - y, text,
			    display_attr(STYLE_TITLE)) + 1;
		}
		if (r->tls_status == TLS_STATUS_ENABLED)
			y += display_wrap(win, y, x, w, ymax - y, _("It uses "
			    "your own certificate, which the update sends "
			    "again: give its files (the key is never shown)."),
			    A_NORMAL) + 1;
		y += widget_form_draw(&b->lb_form, win, y, x, w, ymax - y - 1,
		    NULL, false) + 1;
		y += browse_draw_checks(b, win, y, x, w, ymax - 1);
		display_text(win, y, x, w, _("Enter updates the compute "
		    "(GET, then PUT of the whole body); Esc cancels."),
		    display_attr(STYLE_WARNING), true);
		break;
	case BROWSE_TLS:
		snprintf(text, sizeof text, _("Change TLS of %s:"), r->name);
		y += display_wrap(win, y, x, w, ymax - y, text,
		    display_attr(STYLE_TITLE)) + 1;
		if (b->tls_internal)
			y += display_wrap(win, y, x, w, ymax - y, _("Behind an "
			    "internal load balancer Azure gives no Microsoft "
			    "certificate: switch to a public IP first (i) for "
			    "one."), display_attr(STYLE_DIM)) + 1;
		y += widget_form_draw(&b->tls_form, win, y, x, w, ymax - y - 1,
		    NULL, false) + 1;
		y += browse_draw_checks(b, win, y, x, w, ymax - 1);
		display_text(win, y, x, w, _("Enter updates the compute; "
		    "Esc cancels."), display_attr(STYLE_WARNING), true);
		break;
	case BROWSE_MIGRATE:
		return browse_migrate_draw(&b->migrate, win, y, ymax) + 1;
	case BROWSE_SCALE:
	case BROWSE_K8S_DETACH:
	case BROWSE_K8S_DELETE:
	case BROWSE_K8S_UPDATE:
		if (b->form_open && b->mode == BROWSE_K8S_UPDATE)
			return browse_update_draw(&b->update, win, y, ymax) + 1;
		if (b->form_open && b->mode == BROWSE_SCALE)
			return browse_scale_draw(&b->scale, win, y, ymax) + 1;
		if (b->form_open)
			return browse_remove_draw(&b->remove, win, y, ymax) + 1;
		if (b->cluster_rid != NULL && !b->cluster_ok)
			snprintf(text, sizeof text, _("Cannot read the AKS "
			    "cluster of %s: %s"), r->name, b->cluster_err);
		else if (b->cluster_rid != NULL && b->ext_err[0] != '\0')
			snprintf(text, sizeof text, _("Cannot read the Azure ML "
			    "extension of %s: %s"), r->name, b->ext_err);
		else
			snprintf(text, sizeof text, _("Reading the AKS cluster "
			    "of %s... %s"), r->name, tui_spinner(b->tui));
		y += display_wrap(win, y, x, w, ymax - y, text,
		    display_attr(b->cjob == NULL && b->cluster_rid != NULL ?
		    STYLE_ERROR : STYLE_DIM));
		break;
	case BROWSE_FINISH:
		snprintf(text, sizeof text, _("Finish what the %s of %s left "
		    "undone: step %d of %d (%s) failed, so its load balancer "
		    "and TLS are not applied. Send them again as an update, "
		    "from the plan in the journal:"), r->more->failed_op,
		    r->name, r->failed_step, r->nsteps,
		    r->more->failed_step_name);
		y += display_wrap(win, y, x, w, ymax - y, text,
		    display_attr(STYLE_TITLE)) + 1;
		browse_lb_text(lb_type_name(b->finish.lb_type),
		    b->finish.lb_subnet, text, sizeof text);
		y += browse_finish_line(win, y, x, w, ymax, _("Load balancer"),
		    text);
		snprintf(text, sizeof text, "%s%s%s%s%s",
		    b->finish.tls.mode == TLS_CUSTOM ? _("my own certificate") :
		    b->finish.tls.mode == TLS_MICROSOFT ?
		    _("Microsoft certificate") : _("disabled"),
		    b->finish.tls.cname[0] != '\0' ? ", " : "",
		    b->finish.tls.cname, b->finish.tls.leaf_label[0] != '\0' ?
		    ", " : "", b->finish.tls.leaf_label);
		y += browse_finish_line(win, y, x, w, ymax, _("TLS"), text);
		if (b->finish.tls.mode == TLS_CUSTOM) {
			y += browse_finish_line(win, y, x, w, ymax,
			    _("Certificate"), b->finish.tls.cert_file);
			y += browse_finish_line(win, y, x, w, ymax, _("Key"),
			    b->finish.tls.key_file);
		}
		y++;
		y += browse_draw_checks(b, win, y, x, w, ymax - 1);
		display_text(win, y, x, w, _("Enter sends the update; Esc "
		    "cancels."), display_attr(STYLE_WARNING), true);
		break;
	default:
		break;
	}
	return y + 1 - y0;
}

/* display_panel's draw: the confirmation, whole. */
static int
browse_panel_draw(void *arg, WINDOW *pad, int y, int ymax)
{
	return browse_draw_confirm(arg, pad, y, ymax);
}

/*
 * The confirmations may be taller than the screen (60x20): each panel
 * scrolls from panel_scroll (display_panel); Up/Down or PgUp/PgDn.
 */
static void
browse_draw_panel(struct browse *b, WINDOW *win, int y, int bottom)
{
	b->panel_more = display_panel(win, y, bottom, &b->panel_scroll,
	    browse_panel_draw, b);
}

/* The footer: the keys that fit, the actions before sorting. */
static void
browse_draw_footer(struct browse *b, WINDOW *win)
{
	const struct browse_row	*r = browse_page_selected(&b->page);
	bool			 act = !b->readonly && b->tui->ctx.arm != NULL &&
				    r != NULL;	/* a compute to act on */
	const struct browse_hint h[] = {
		/* TRANSLATORS: key hints of the browse footer, each "key
		 * word"; as many as fit are shown, so keep each short. */
		{ _("Enter detail"), 4 },
		{ _("/ filter"), 2 },
		{ _("s sort"), 5 },
		{ act && browse_row_inference(r) ? _("c scale") : NULL, 5 },
		{ _("r refresh"), 6 },
		{ act && r != NULL && r->failed_step > 0 &&
		    !browse_row_kubernetes(r) ? _("f finish") : NULL, 0 },
		{ act ? _("d detach") : NULL, 2 },
		{ act ? _("i LB") : NULL, 2 },
		{ act ? _("t TLS") : NULL, 2 },
		{ act ? _("x delete") : NULL, 3 },
		{ !b->readonly ? _("n new") : NULL, 1 },
		{ !b->readonly ? _("a attach") : NULL, 1 },
		{ _("? keys"), 0 },
		/* TRANSLATORS: the browse footer says the mode. */
		{ b->readonly ? _("(read-only)") : NULL, 0 },
	};
	char	line[512];

	browse_hints_fit(h, sizeof h / sizeof h[0], COLS - 2, line,
	    sizeof line);
	tui_draw_hints(win, line);
}

/* Title, what is wrong, list and detail, filter line, hints. */
static void
browse_draw(struct screen *s, WINDOW *win)
{
	struct browse	*b = s->data;
	char		 right[128], line[256];
	int		 y = 3, bottom = LINES - 3;

	/* The rows that arrived since the last frame, sorted in. */
	browse_page_settle(&b->page);
	b->drawn_at = clock_now_ms();
	b->ndraws++;
	snprintf(right, sizeof right, P_("%zu compute", "%zu computes",
	    b->page.n), b->page.n);
	/* Only while a request is out: an error stops it. */
	if (b->load != NULL)
		snprintf(right + strlen(right), sizeof right - strlen(right),
		    " %s", tui_spinner(s->tui));
	tui_draw_frame(s->tui, win, _("Computes of the workspace"), right);
	if (b->error[0] != '\0') {
		/* Whole: it says what is wrong and what to do. */
		y = 2 + display_wrap(win, 2, 1, COLS - 2, bottom - 4,
		    b->error, display_attr(STYLE_ERROR));
		y = y < 3 ? 3 : y + 1;
	} else if (!s->tui->ctx.live)
		display_text(win, 2, 1, COLS - 2, _("Offline: there is no "
		    "list to show without a session."),
		    display_attr(STYLE_WARNING), true);
	b->body_top = y;
	if (b->mode != BROWSE_LIST) {
		browse_draw_panel(b, win, y, bottom + 1);
		tui_draw_hints(win, b->panel_more ?
		    _("PgUp/PgDn scroll  Enter confirm  Esc cancel") :
		    _("Enter confirm  Esc cancel"));
		return;
	}
	widget_split_draw(&b->split, win, y, 0, bottom - y, COLS,
	    browse_draw_list, browse_draw_detail, b);
	if (b->filtering || b->page.filter[0] != '\0') {
		snprintf(line, sizeof line, _("Filter: %s%s   (%zu of %zu)"),
		    b->page.filter, b->filtering ? "_" : "", b->page.nview,
		    b->page.n);
		display_text(win, bottom, 2, COLS - 4, line,
		    display_attr(STYLE_FIELD), true);
	}
	browse_draw_footer(b, win);
}

/*
 * Opened, or back from an action or a wizard: read the list again, from
 * the loop (a timer due now), not from here: screens are also entered
 * while the stack is taken down at exit, when no job may start.
 */
static void
browse_enter(struct screen *s)
{
	timer_add(clock_now_ms(), true, s, browse_tick, s);
}

/* Free the screen; jobs still out are freed when they come back. */
static void
browse_free(struct screen *s)
{
	struct browse	*b = s->data;

	/* What bench/browse-bench.sh and the tests read. */
	if (getenv("AKSWIZ_STATS") != NULL)
		fprintf(stderr, "akswiz-stats: browse pages=%zu draws=%zu\n",
		    b->npages, b->ndraws);
	if (b->load != NULL)
		b->load->cancelled = true;
	if (b->vjob != NULL)
		b->vjob->cancelled = true;
	if (b->cjob != NULL)
		b->cjob->cancelled = true;
	tls_save_cancel(&b->save);
	timer_cancel_owner(&b->frame_armed);
	browse_page_done(&b->page);
	browse_acc_free(b);
	arm_cluster_done(&b->cluster);
	if (b->ext_found)
		arm_extension_done(&b->ext);
	browse_versions_forget(b);
	browse_scale_done(&b->scale);
	free(b);
}

/* The model for tests: rows in view order, selection, filter, sort. */
static void
browse_save_state(struct screen *s, FILE *fp)
{
	struct browse	*b = s->data;
	const struct browse_row *r = browse_page_selected(&b->page);
	size_t		 i;

	fprintf(fp, "selected: %s\n", r != NULL ? r->name : "");
	fprintf(fp, "sort: %s\n", browse_col_name(b->page.sort));
	fprintf(fp, "filter: %s\n", b->page.filter);
	fprintf(fp, "detail: %s\n", b->split.open ? "open" : "closed");
	fprintf(fp, "auto-refresh: %s\n",
	    browse_page_transitional(&b->page) ? "on" : "off");
	for (i = 0; i < b->page.nview; i++) {
		r = &b->page.rows[b->page.view[i]];
		fprintf(fp, "row: %s %s %s%s%s\n", r->name, r->type, r->state,
		    r->more->ext_state[0] != '\0' ? " extension " : "",
		    r->more->ext_state);
	}
}

static const struct screen_ops browse_ops = {
	"browse", browse_enter, NULL, browse_request, browse_draw,
	browse_free, browse_save_state, NULL, NULL, browse_keys
};

/* Open the list of the workspace's computes (none of them changes
 * with --readonly). */
void
screen_browse_open(struct tui *t, const struct open_request *o)
{
	struct browse	*b = xcalloc(1, sizeof *b);

	(void)o;
	b->tui = t;
	b->readonly = t->ctx.readonly;
	browse_page_init(&b->page);
	widget_field_init(&b->field);
	tui_push(t, &browse_ops, b);
}
