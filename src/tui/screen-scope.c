/*
 * Scope: which subscription, then which workspace, from live lists that
 * filter as you type, each workspace with its region.  The choice is
 * remembered for next time in $XDG_CONFIG_HOME/akswiz/config (the file the
 * session reads: "subscription = ...", "resource-group = ...",
 * "workspace = ..."; other lines are kept).  Then the wizard it was opened
 * for takes its place.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/scope-file.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "tui/display.h"
#include "tui/job.h"
#include "tui/live.h"
#include "tui/screens.h"
#include "tui/tui.h"

struct scope {
	enum plan_op		 then;		/* the wizard to open after */
	int			 stage;		/* 0 subscriptions, 1 ws */
	struct widget_list	 list;
	struct live_scope	*loading;
	struct live_scope	*rows;		/* the answer shown */
	char			 subscription[PLAN_ID_LEN];
	char			 sub_name[PLAN_NAME_LEN];
	char			 error[256];
};

static const enum request scope_keys[] = {
	REQ_UP, REQ_DOWN, REQ_LEFT, REQ_RIGHT, REQ_ENTER, REQ_BACK,
	REQ_BACKSPACE, REQ_KILL_LINE, REQ_NONE
};

static void	scope_load(struct screen *);

/* Job done: show the rows, or why there are none. */
static void
scope_loaded(void *arg)
{
	struct live_scope	*ls = arg;
	struct screen		*s = ls->owner;
	struct scope		*sc;
	char			 row[512];
	size_t			 i;

	if (ls->cancelled) {
		live_scope_free(ls);
		return;
	}
	sc = s->data;
	sc->loading = NULL;
	live_scope_free(sc->rows);
	sc->rows = ls;
	widget_list_clear(&sc->list);
	sc->list.filter[0] = '\0';
	if (!ls->ok) {
		snprintf(sc->error, sizeof sc->error, "%s", ls->err.msg);
		s->tui->redraw = true;
		return;
	}
	for (i = 0; i < ls->n; i++) {
		const struct live_scope_row	*r = &ls->rows[i];

		if (sc->stage == 0)
			snprintf(row, sizeof row, "%-28s %s %s", r->name,
			    r->id, r->state);
		else
			snprintf(row, sizeof row, "%-28s %-24s %s", r->name,
			    r->group, r->location);
		widget_list_add(&sc->list, sc->stage == 0 ? r->id : r->name,
		    row, false);
	}
	/* One subscription: nothing to choose, go on to its workspaces. */
	if (sc->stage == 0 && ls->n == 1) {
		snprintf(sc->subscription, sizeof sc->subscription, "%s",
		    ls->rows[0].id);
		snprintf(sc->sub_name, sizeof sc->sub_name, "%s",
		    ls->rows[0].name);
		sc->stage = 1;
		scope_load(s);
	}
	s->tui->redraw = true;
}

/* Ask for the list of the current stage. */
static void
scope_load(struct screen *s)
{
	struct scope		*sc = s->data;
	struct live_scope	*ls = xcalloc(1, sizeof *ls);

	ls->arm = s->tui->ctx.arm;
	ls->owner = s;
	if (sc->stage == 1)
		snprintf(ls->subscription, sizeof ls->subscription, "%s",
		    sc->subscription);
	sc->loading = ls;
	sc->error[0] = '\0';
	widget_list_clear(&sc->list);
	job_start(live_scope_run, scope_loaded, ls);
}

/*
 * Keep the choice for the next start (app/scope-file.h: other lines of the
 * file stay); false + err when it cannot be written.
 */
static bool
scope_remember(const struct plan_scope *p, struct err *err)
{
	struct app_scope	sc;

	memset(&sc, 0, sizeof sc);
	snprintf(sc.subscription, sizeof sc.subscription, "%s",
	    p->subscription);
	snprintf(sc.resource_group, sizeof sc.resource_group, "%s",
	    p->resource_group);
	snprintf(sc.workspace, sizeof sc.workspace, "%s", p->workspace);
	return app_config_write(&sc, err);
}

/* A workspace was chosen: set the scope and open the wizard. */
static void
scope_choose_workspace(struct screen *s, const char *name)
{
	struct scope		*sc = s->data;
	struct tui		*t = s->tui;
	size_t			 i;
	enum plan_op		 then = sc->then;
	struct err		 err;
	bool			 remembered;

	for (i = 0; sc->rows != NULL && i < sc->rows->n; i++) {
		const struct live_scope_row	*r = &sc->rows->rows[i];

		if (strcmp(r->name, name) != 0)
			continue;
		snprintf(t->ctx.scope.subscription,
		    sizeof t->ctx.scope.subscription, "%s", r->id);
		snprintf(t->ctx.scope.resource_group,
		    sizeof t->ctx.scope.resource_group, "%s", r->group);
		snprintf(t->ctx.scope.workspace,
		    sizeof t->ctx.scope.workspace, "%s", r->name);
		snprintf(t->ctx.location, sizeof t->ctx.location, "%s",
		    r->location);
		err_clear(&err);
		remembered = scope_remember(&t->ctx.scope, &err);
		tui_pop(t);		/* frees sc */
		tui_open(t, then == PLAN_CREATE ? REQ_OPEN_CREATE :
		    REQ_OPEN_ATTACH, NULL);
		if (!remembered)
			/* TRANSLATORS: %s says why the file could not be
			   written. */
			tui_status(t, STYLE_WARNING, _("The workspace is not "
			    "remembered for the next start: %s"), err.msg);
		return;
	}
}

/* Scope keys: filter, choose, go back a stage. */
static enum reaction
scope_request(struct screen *s, const struct key_event *ev)
{
	struct scope	*sc = s->data;
	const char	*key;

	switch (ev->req) {
	case REQ_ENTER:
		if (sc->loading != NULL ||
		    (key = widget_list_selected(&sc->list)) == NULL)
			return REACT_NONE;
		if (sc->stage == 0) {
			size_t	i;

			snprintf(sc->subscription, sizeof sc->subscription,
			    "%s", key);
			for (i = 0; sc->rows != NULL && i < sc->rows->n; i++)
				if (strcmp(sc->rows->rows[i].id, key) == 0)
					snprintf(sc->sub_name,
					    sizeof sc->sub_name, "%s",
					    sc->rows->rows[i].name);
			sc->stage = 1;
			scope_load(s);
		} else {
			char	*name = xstrdup(key);

			scope_choose_workspace(s, name);
			free(name);
		}
		return REACT_REDRAW;
	case REQ_BACK:
		if (sc->stage == 1 && sc->loading == NULL) {
			sc->stage = 0;
			scope_load(s);
		} else
			tui_pop(s->tui);
		return REACT_REDRAW;
	case REQ_HELP:
	case REQ_QUIT:
		/* F1 and Ctrl-C act; "q" and "?" filter like any letter. */
		if (ev->key.fn || ev->key.code < ' ')
			return REACT_UNHANDLED;
		return widget_list_key(&sc->list, ev, LINES - 10) ?
		    REACT_REDRAW : REACT_NONE;
	default:
		return widget_list_key(&sc->list, ev, LINES - 10) ?
		    REACT_REDRAW : ev->req == REQ_CHAR ? REACT_NONE :
		    REACT_UNHANDLED;
	}
}

/* The list of the current stage, or what is being read. */
static void
scope_draw(struct screen *s, WINDOW *win)
{
	struct scope	*sc = s->data;
	char		 line[512];
	int		 y = 3;

	tui_draw_frame(s->tui, win, sc->stage == 0 ?
	    _("Choose a subscription") : _("Choose a workspace"),
	    sc->stage == 0 ? _("1 of 2") : _("2 of 2"));
	if (sc->stage == 1) {
		snprintf(line, sizeof line, _("Subscription: %s (%s)"),
		    sc->sub_name, sc->subscription);
		/* The ID whole: a narrow pane gives it a second row. */
		y += display_wrap(win, y, 2, COLS - 4, 2, line, A_NORMAL);
	}
	snprintf(line, sizeof line, _("Filter: %s"), sc->list.filter[0] !=
	    '\0' ? sc->list.filter : _("(type to filter)"));
	display_text(win, y++, 2, COLS - 4, line, display_attr(STYLE_KEY),
	    true);
	y++;
	if (sc->loading != NULL) {
		snprintf(line, sizeof line, sc->stage == 0 ? _("%s Reading "
		    "your subscriptions...") : _("%s Reading the "
		    "subscription's workspaces..."), tui_spinner(s->tui));
		display_text(win, y, 2, COLS - 4, line,
		    display_attr(STYLE_DIM), true);
		if (!s->tui->ctx.sandbox)
			display_wrap(win, y + 2, 2, COLS - 4, 2, _("The first "
			    "call signs in. If this waits, sign-in may need "
			    "you: run \"akswiz login\" in another shell, then "
			    "come back."), display_attr(STYLE_DIM));
	} else if (sc->error[0] != '\0') {
		display_wrap(win, y, 2, COLS - 4, 3, sc->error,
		    display_attr(STYLE_ERROR));
	} else {
		line[0] = '\0';
		display_cat(line, sizeof line, sc->stage == 0 ? _("Name") :
		    _("Workspace"), 28);
		display_cat(line, sizeof line, " ", 0);
		display_cat(line, sizeof line, sc->stage == 0 ? _("ID") :
		    _("Resource group"), sc->stage == 0 ? 36 : 24);
		display_cat(line, sizeof line, " ", 0);
		display_cat(line, sizeof line, sc->stage == 0 ? _("State") :
		    _("Region"), 0);
		/* The heads scroll sideways with the rows. */
		display_text_from(win, y++, 2 + display_width(glyph->pointer)
		    + 1, COLS - 5 - display_width(glyph->pointer),
		    line, sc->list.hscroll, display_attr(STYLE_DIM));
		widget_list_draw(&sc->list, win, y, 2, LINES - 3 - y,
		    COLS - 4, true);
	}
	tui_draw_hints(win, _("Type to filter  Enter choose  Esc back  "
	    "F1 keys"));
}

/* Free the scope screen; a running job frees its answer. */
static void
scope_free(struct screen *s)
{
	struct scope	*sc = s->data;

	if (sc->loading != NULL)
		sc->loading->cancelled = true;
	live_scope_free(sc->rows);
	widget_list_done(&sc->list);
	free(sc);
}

/* The rows for tests. */
static void
scope_save_state(struct screen *s, FILE *fp)
{
	struct scope	*sc = s->data;
	size_t		 i;

	fprintf(fp, "stage: %s\n", sc->stage == 0 ? "subscription" :
	    "workspace");
	fprintf(fp, "filter: %s\n", sc->list.filter);
	fprintf(fp, "selected: %s\n", widget_list_selected(&sc->list) ?
	    widget_list_selected(&sc->list) : "");
	for (i = 0; i < sc->list.nvisible; i++)
		fprintf(fp, "row: %s\n",
		    sc->list.items[sc->list.visible[i]].key);
}

static const struct screen_ops scope_ops = {
	"scope", NULL, NULL, scope_request, scope_draw, scope_free,
	scope_save_state, NULL, NULL, scope_keys
};

/* Open the scope screen and read the subscriptions. */
void
screen_scope_open(struct tui *t, const struct open_request *o)
{
	struct scope	*sc = xcalloc(1, sizeof *sc);

	sc->then = o->op;
	widget_list_init(&sc->list);
	sc->list.filtering = true;
	sc->list.sideways = true;	/* a narrow pane: IDs stay readable */
	tui_push(t, &scope_ops, sc);
	scope_load(t->stack[t->depth - 1]);
}
