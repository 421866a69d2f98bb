/*
 * The deploy screens' pickers (issue 13, "pick an already registered
 * model / code / environment from the workspace's lists"): F4 (or Ctrl-O)
 * on the model, the code, the environment or the endpoint shows what the
 * workspace has — read in the background with its computes — in the list
 * widget the wizard picks VM sizes with: name, version and a detail (a
 * model's type and path, a code's path, an environment's image, an
 * endpoint's auth mode, state and deployments), filtered by typing.  Enter puts the chosen one in the
 * field; Esc leaves the field as it was typed.  Typing a local path or a
 * new name works as before: a list is offered, never imposed.  An empty
 * list, or one the service refused, is said under the field instead.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "azure/arm-endpoints.h"
#include "azure/assets.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/msg.h"
#include "tui/deploy.h"
#include "tui/display.h"
#include "tui/job.h"
#include "tui/tui.h"
#include "tui/widget.h"

/* Cells of the name and version columns, at most. */
#define PICK_NAME_CELLS		32
#define PICK_VERSION_CELLS	10

/* How many of a list's names have their latest version read for detail. */
#define PICK_DETAILS	50

/* Job: the details of the facts' lists, into copies of them. */
struct deploy_details_job {
	struct arm		*arm;
	struct plan_scope	 scope;
	struct deploy		*owner;		/* main thread only */
	bool			 cancelled;
	struct deploy_asset	*models, *codes, *environments; /* copies */
	size_t			 nmodels, ncodes, nenvironments;
	struct deploy_endpoint	*endpoints;	/* owned copy */
	size_t			 nendpoints;
};

/* A copy of n items of size sz (at least one allocated). */
static void *
pick_copy(const void *v, size_t n, size_t sz)
{
	void	*c = xcalloc(n + 1, sz);

	if (n > 0)
		memcpy(c, v, n * sz);
	return c;
}

/* The latest versions' details: a model's type and path, a code's path,
 * an image. */
static void
pick_assets_detail(struct deploy_details_job *j, const char *wsid,
    enum asset_kind kind, struct deploy_asset *a, size_t n)
{
	struct asset_version	v;
	struct err		err;
	bool			found;
	size_t			i;

	for (i = 0; i < n && i < PICK_DETAILS; i++) {
		err_clear(&err);
		if (assets_show(j->arm, wsid, kind, a[i].name, a[i].version,
		    &v, &found, &err) == 0 && found)
			snprintf(a[i].detail, sizeof a[i].detail, "%s%s%s",
			    v.model_type != NULL ? v.model_type : "",
			    v.model_type != NULL && v.uri != NULL ? " " : "",
			    v.uri != NULL ? v.uri : "");
		asset_version_done(&v);
	}
}

/* An endpoint's deployments' names, "blue green" ("" when unread). */
static void
pick_endpoint_deployments(struct deploy_details_job *j,
    struct deploy_endpoint *e)
{
	struct arm_deployment_list	dl;
	struct err			err;
	size_t				i;

	memset(&dl, 0, sizeof dl);
	err_clear(&err);
	if (!arm_list_deployments(j->arm, j->scope.subscription,
	    j->scope.resource_group, j->scope.workspace, e->name, &dl, &err))
		return;
	e->deployments_known = true;
	for (i = 0; i < dl.n; i++) {
		if (dl.v[i].name == NULL)
			continue;
		if (e->deployments[0] != '\0')
			display_cat(e->deployments, sizeof e->deployments,
			    " ", 0);
		display_cat(e->deployments, sizeof e->deployments,
		    dl.v[i].name, 0);
	}
	arm_deployment_list_free(&dl);
}

/* Job (worker): every detail, one request each. */
static void
pick_details_run(void *arg)
{
	struct deploy_details_job	*j = arg;
	char				*wsid;
	size_t				 i;

	xasprintf(&wsid, "/subscriptions/%s/resourceGroups/%s/providers/"
	    "Microsoft.MachineLearningServices/workspaces/%s",
	    j->scope.subscription, j->scope.resource_group,
	    j->scope.workspace);
	pick_assets_detail(j, wsid, ASSET_MODEL, j->models, j->nmodels);
	pick_assets_detail(j, wsid, ASSET_CODE, j->codes, j->ncodes);
	pick_assets_detail(j, wsid, ASSET_ENVIRONMENT, j->environments,
	    j->nenvironments);
	free(wsid);
	for (i = 0; i < j->nendpoints; i++)
		pick_endpoint_deployments(j, &j->endpoints[i]);
}

static void
pick_details_free(struct deploy_details_job *j)
{
	free(j->models);
	free(j->codes);
	free(j->environments);
	free(j->endpoints);
	free(j);
}

/* Job done (main thread): the details into the facts, in their order. */
static void
pick_details_done(void *arg)
{
	struct deploy_details_job	*j = arg;
	struct deploy_facts_job		*f;
	size_t				 i;

	if (j->cancelled) {
		pick_details_free(j);
		return;
	}
	j->owner->loading_details = NULL;
	f = j->owner->facts;
	for (i = 0; i < j->nmodels && i < f->nmodels; i++)
		memcpy(f->models[i].detail, j->models[i].detail,
		    sizeof f->models[i].detail);
	for (i = 0; i < j->ncodes && i < f->ncodes; i++)
		memcpy(f->codes[i].detail, j->codes[i].detail,
		    sizeof f->codes[i].detail);
	for (i = 0; i < j->nenvironments && i < f->nenvironments; i++)
		memcpy(f->environments[i].detail, j->environments[i].detail,
		    sizeof f->environments[i].detail);
	for (i = 0; i < j->nendpoints && i < f->nendpoints; i++) {
		memcpy(f->endpoints[i].deployments,
		    j->endpoints[i].deployments,
		    sizeof f->endpoints[i].deployments);
		f->endpoints[i].deployments_known =
		    j->endpoints[i].deployments_known;
	}
	deploy_suggest_deployment(j->owner);
	/* An open list shows them at once. */
	if (j->owner->pick != DEPLOY_PICK_NONE) {
		char	filter[sizeof j->owner->picks.filter];

		memcpy(filter, j->owner->picks.filter, sizeof filter);
		(void)deploy_pick_open(j->owner);
		memcpy(j->owner->picks.filter, filter, sizeof filter);
		widget_list_refilter(&j->owner->picks);
	}
	j->owner->tui->redraw = true;
	pick_details_free(j);
}

void
deploy_pick_details_load(struct deploy *d)
{
	struct deploy_details_job	*j;
	const struct deploy_facts_job	*f = d->facts;

	if (f == NULL || d->loading_details != NULL || f->arm == NULL)
		return;
	j = xcalloc(1, sizeof *j);
	j->arm = f->arm;
	j->scope = f->scope;
	j->owner = d;
	j->models = pick_copy(f->models, f->nmodels, sizeof *f->models);
	j->nmodels = f->nmodels;
	j->codes = pick_copy(f->codes, f->ncodes, sizeof *f->codes);
	j->ncodes = f->ncodes;
	j->environments = pick_copy(f->environments, f->nenvironments,
	    sizeof *f->environments);
	j->nenvironments = f->nenvironments;
	j->endpoints = pick_copy(f->endpoints, f->nendpoints,
	    sizeof *f->endpoints);
	j->nendpoints = f->nendpoints;
	d->loading_details = j;
	job_start(pick_details_run, pick_details_done, j);
}

void
deploy_pick_details_cancel(struct deploy *d)
{
	if (d->loading_details != NULL)
		d->loading_details->cancelled = true;	/* its job frees it */
	d->loading_details = NULL;
}

/* The picker of the focused field. */
int
deploy_pick_kind(struct deploy *d)
{
	struct form_item	*it;

	if (d->page == DEPLOY_PAGE_WHAT) {
		it = widget_form_focused(&d->what_form);
		if (it != NULL && it->field == &d->model)
			return DEPLOY_PICK_MODEL;
		if (it != NULL && it->field == &d->environment)
			return DEPLOY_PICK_ENVIRONMENT;
		if (it != NULL && it->field == &d->code)
			return DEPLOY_PICK_CODE;
	} else if (d->page == DEPLOY_PAGE_TARGET &&
	    !(d->list_focus && d->computes.n > 0)) {
		it = widget_form_focused(&d->target_form);
		if (it != NULL && it->field == &d->endpoint)
			return DEPLOY_PICK_ENDPOINT;
	}
	return DEPLOY_PICK_NONE;
}

/* The field a picker fills. */
static struct widget_field *
deploy_pick_field(struct deploy *d, int kind)
{
	return kind == DEPLOY_PICK_MODEL ? &d->model :
	    kind == DEPLOY_PICK_ENVIRONMENT ? &d->environment :
	    kind == DEPLOY_PICK_CODE ? &d->code : &d->endpoint;
}

/* The endpoints of the chosen compute: how many; the i-th as *e. */
static size_t
deploy_pick_endpoints(const struct deploy *d, size_t want,
    const struct deploy_endpoint **e)
{
	char	name[PLAN_NAME_LEN];
	size_t	i, n = 0;

	deploy_compute_name(d, name, sizeof name);
	for (i = 0; d->facts != NULL && i < d->facts->nendpoints; i++) {
		if (strcmp(d->facts->endpoints[i].compute, name) != 0)
			continue;
		if (n++ == want && e != NULL)
			*e = &d->facts->endpoints[i];
	}
	return n;
}

/* What the registered models' and environments' lists say, in a line. */
static const struct {
	const char	*refused, *empty, *one, *many;
} pick_says[3] = {
	{
		/* TRANSLATORS: %s is the service's reason. */
		N_("The workspace's models could not be read (%s): type a "
		    "local path or NAME:VERSION."),
		N_("The workspace has no registered model: type a local file "
		    "or folder."),
		/* TRANSLATORS: %zu is a number of models. */
		NP_("F4 picks the workspace's %zu registered model, or type a "
		    "local path.", "F4 picks one of the workspace's %zu "
		    "registered models, or type a local path.")
	}, {
		/* TRANSLATORS: %s is the service's reason. */
		N_("The workspace's environments could not be read (%s): type "
		    "NAME:VERSION, or an image below."),
		N_("The workspace has no registered environment: give an image "
		    "below."),
		/* TRANSLATORS: %zu is a number of environments. */
		NP_("F4 picks the workspace's %zu environment, or give an image "
		    "below.", "F4 picks one of the workspace's %zu environments, "
		    "or give an image below.")
	}, {
		/* TRANSLATORS: %s is the service's reason. */
		N_("The workspace's code versions could not be read (%s): type "
		    "a local folder or NAME:VERSION."),
		N_("The workspace has no registered code: type a local "
		    "folder."),
		/* TRANSLATORS: %zu is a number of code versions. */
		NP_("F4 picks the workspace's %zu code version, or type a local "
		    "folder.", "F4 picks one of the workspace's %zu code "
		    "versions, or type a local folder.")
	}
};

/* What the focused field's list holds, in a line. */
bool
deploy_pick_line(struct deploy *d, char *buf, size_t len)
{
	int	kind = deploy_pick_kind(d), k;
	size_t	n;

	buf[0] = '\0';
	if (kind == DEPLOY_PICK_NONE || d->tui->ctx.arm == NULL)
		return false;
	if (d->loading != NULL) {
		/* TRANSLATORS: under a field while its list is read. */
		snprintf(buf, len, "%s", _("Reading the workspace's lists..."));
		return true;
	}
	if (kind == DEPLOY_PICK_ENDPOINT) {
		if (d->facts == NULL)
			/* TRANSLATORS: %s is the service's reason. */
			snprintf(buf, len, _("The workspace's endpoints could "
			    "not be read (%s): type a new endpoint's name."),
			    d->live_error);
		else if ((n = deploy_pick_endpoints(d, 0, NULL)) == 0)
			snprintf(buf, len, "%s", _("This compute has no "
			    "endpoint yet: the name typed is a new one."));
		else
			/* TRANSLATORS: %zu is a number of endpoints. */
			snprintf(buf, len, P_("F4 picks this compute's %zu "
			    "endpoint, or type a new name.", "F4 picks one of "
			    "this compute's %zu endpoints, or type a new name.",
			    (unsigned long)n), n);
		return true;
	}
	if (d->facts == NULL)
		return false;	/* the computes' failure is said above */
	k = kind == DEPLOY_PICK_MODEL ? 0 : kind == DEPLOY_PICK_CODE ? 2 : 1;
	if (!(k == 0 ? d->facts->models_known : k == 2 ?
	    d->facts->codes_known : d->facts->environments_known))
		snprintf(buf, len, _(pick_says[k].refused), k == 0 ?
		    d->facts->models_err : k == 2 ? d->facts->codes_err :
		    d->facts->environments_err);
	else if ((n = k == 0 ? d->facts->nmodels : k == 2 ?
	    d->facts->ncodes : d->facts->nenvironments) == 0)
		snprintf(buf, len, "%s", _(pick_says[k].empty));
	else
		snprintf(buf, len, P_(pick_says[k].one, pick_says[k].many,
		    (unsigned long)n), n);
	return true;
}

/*
 * A row: name, version, detail, in columns as wide as the list needs, up
 * to their most (a longer name, such as a code's 64-digit hash, cut).
 */
static void
deploy_pick_row(char *row, size_t len, const char *name, int nw,
    const char *version, int vw, const char *detail)
{
	row[0] = '\0';
	display_cat_cut(row, len, name, nw);
	display_cat(row, len, "  ", 0);
	display_cat_cut(row, len, version, vw);
	if (detail[0] != '\0') {
		display_cat(row, len, "  ", 0);
		display_cat(row, len, detail, 0);
	}
}

/* The widest of a column, at most max cells. */
static int
deploy_pick_width(int w, const char *s, int max)
{
	int	c = display_width(s);

	if (c > w)
		w = c;
	return w > max ? max : w;
}

/* The rows of a registered assets' list. */
static void
deploy_pick_assets(struct deploy *d, const struct deploy_asset *a, size_t n)
{
	char	row[1024], key[PLAN_NAME_LEN + 72];
	int	nw = 0, vw = 0;
	size_t	i;

	for (i = 0; i < n; i++) {
		nw = deploy_pick_width(nw, a[i].name, PICK_NAME_CELLS);
		vw = deploy_pick_width(vw, a[i].version, PICK_VERSION_CELLS);
	}
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "%s:%s", a[i].name, a[i].version);
		deploy_pick_row(row, sizeof row, a[i].name, nw, a[i].version,
		    vw, a[i].detail);
		widget_list_add(&d->picks, key, row, false);
	}
}

/* The rows of the compute's endpoints: auth mode, state, deployments. */
static void
deploy_pick_endpoint_rows(struct deploy *d)
{
	const struct deploy_endpoint	*e = NULL;
	char				 row[1024], detail[PLAN_TEXT_LEN + 8];
	int				 nw = 0, vw = 0;
	size_t				 i, n = deploy_pick_endpoints(d, 0, NULL);

	for (i = 0; i < n; i++) {
		deploy_pick_endpoints(d, i, &e);
		nw = deploy_pick_width(nw, e->name, PICK_NAME_CELLS);
		vw = deploy_pick_width(vw, e->auth_mode, PICK_VERSION_CELLS);
	}
	for (i = 0; i < n; i++) {
		deploy_pick_endpoints(d, i, &e);
		detail[0] = '\0';
		display_cat(detail, sizeof detail, e->state, 0);
		if (e->deployments[0] != '\0') {
			display_cat(detail, sizeof detail, "  ", 0);
			display_cat(detail, sizeof detail, e->deployments, 0);
		}
		deploy_pick_row(row, sizeof row, e->name, nw, e->auth_mode, vw,
		    detail);
		widget_list_add(&d->picks, e->name, row, false);
	}
}

/* F4: the focused field's list, or why there is none. */
bool
deploy_pick_open(struct deploy *d)
{
	int			 kind = deploy_pick_kind(d);
	char			 line[1024], typed[PLAN_TEXT_LEN];
	struct widget_field	*f;

	if (kind == DEPLOY_PICK_NONE) {
		/* TRANSLATORS: F4 on a field that has no list. */
		tui_status(d->tui, STYLE_WARNING, "%s", _("F4 picks from a "
		    "list on the endpoint, the model, the code and the "
		    "environment."));
		return false;
	}
	if (!deploy_pick_line(d, line, sizeof line)) {
		tui_status(d->tui, STYLE_WARNING, "%s", _("Offline: there is "
		    "no list to pick from."));
		return false;
	}
	widget_list_clear(&d->picks);
	d->picks.filter[0] = '\0';
	d->picks.filtering = true;
	d->picks.sideways = true;
	if (kind == DEPLOY_PICK_MODEL && d->facts != NULL &&
	    d->facts->models_known)
		deploy_pick_assets(d, d->facts->models, d->facts->nmodels);
	else if (kind == DEPLOY_PICK_ENVIRONMENT && d->facts != NULL &&
	    d->facts->environments_known)
		deploy_pick_assets(d, d->facts->environments,
		    d->facts->nenvironments);
	else if (kind == DEPLOY_PICK_CODE && d->facts != NULL &&
	    d->facts->codes_known)
		deploy_pick_assets(d, d->facts->codes, d->facts->ncodes);
	else if (kind == DEPLOY_PICK_ENDPOINT && d->facts != NULL)
		deploy_pick_endpoint_rows(d);
	if (d->picks.n == 0) {
		/* Empty, unread or refused: the line says which. */
		tui_status(d->tui, STYLE_WARNING, "%s", line);
		return false;
	}
	widget_list_refilter(&d->picks);
	f = deploy_pick_field(d, kind);
	widget_field_get(f, typed, sizeof typed);
	if (typed[0] != '\0')
		(void)widget_list_select(&d->picks, typed);
	d->pick = kind;
	return true;
}

/* A key while the list is open. */
bool
deploy_pick_key(struct deploy *d, const struct key_event *ev)
{
	struct widget_field	*f;
	const char		*sel;

	switch (ev->req) {
	case REQ_BACK:
		d->pick = DEPLOY_PICK_NONE;
		return true;
	case REQ_ENTER:
		if ((sel = widget_list_selected(&d->picks)) == NULL) {
			tui_status(d->tui, STYLE_WARNING, "%s", _("Nothing "
			    "matches the filter: Esc keeps what was typed."));
			return true;
		}
		f = deploy_pick_field(d, d->pick);
		widget_field_set(f, sel);
		f->touched = true;
		d->typed = true;
		if (d->pick == DEPLOY_PICK_ENDPOINT)
			deploy_follow_endpoint(d);
		d->pick = DEPLOY_PICK_NONE;
		return true;
	default:
		return widget_list_key(&d->picks, ev, LINES / 2);
	}
}

/* The list in place of the page. */
void
deploy_pick_draw(struct deploy *d, WINDOW *win, int y, int bottom)
{
	char	text[256];

	/* TRANSLATORS: the pickers' titles. */
	display_text(win, y++, 2, COLS - 4, d->pick == DEPLOY_PICK_MODEL ?
	    _("Pick a registered model") : d->pick == DEPLOY_PICK_ENVIRONMENT ?
	    _("Pick a registered environment") :
	    d->pick == DEPLOY_PICK_CODE ? _("Pick a registered code version") :
	    _("Pick an endpoint of this compute"), A_BOLD, true);
	y += display_wrap(win, y, 2, COLS - 4, 2, _("Type to filter; Enter "
	    "picks; Esc goes back with the field as it was typed."),
	    display_attr(STYLE_DIM));
	/* TRANSLATORS: the picker's filter as typed. */
	snprintf(text, sizeof text, _("Filter: %s_"), d->picks.filter);
	display_text(win, y++, 2, COLS - 4, text, display_attr(STYLE_KEY),
	    true);
	y++;
	widget_list_draw(&d->picks, win, y, 2, bottom - y, COLS - 4, true);
}
