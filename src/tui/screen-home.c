/*
 * Home: what the program can do, with the identity and scope when known,
 * and the draft left by a dropped session (SIGHUP) to continue.  Browse
 * and sign-in appear here once their screens exist; until then they are
 * left out rather than offered and refused.
 *
 * The workspace is checked once it is known (one GET): a scope that does
 * not exist is said here, whole, with how to choose another, and Create
 * and Attach then start from the scope screen's lists.  With --readonly,
 * Create, Attach and the draft (which all end in a change) are left out,
 * and the screen says why.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/clock.h"
#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "azure/arm.h"
#include "azure/journal.h"
#include "plan/plan-json.h"
#include "tui/display.h"
#include "tui/job.h"
#include "tui/live.h"
#include "tui/screens.h"
#include "tui/timer.h"
#include "tui/tui.h"
#include "tui/wizard.h"

struct home {
	struct widget_list	 menu;
	struct journal_list	 open;		/* journaled operations */
	struct tui		*tui;
	bool			 narrow;	/* built for under 80 columns */
	bool			 has_draft;
	struct plan		 draft;
};

static const enum request home_keys[] = {
	REQ_UP, REQ_DOWN, REQ_ENTER, REQ_NONE
};

/* The workspace check, on the worker. */
struct scope_job {
	struct tui		*t;
	struct arm		*arm;
	struct plan_scope	 scope;
	bool			 ok;
	bool			 missing;	/* a part of the scope */
	struct err		 err;
	char			 location[PLAN_ID_LEN];
};

/* The scope last checked: a scope chosen since is checked again. */
static struct plan_scope scope_checked;

/* Job: GET the workspace; on a 404, which part is missing. */
static void
scope_job_run(void *arg)
{
	struct scope_job	*j = arg;
	struct arm_workspace	 ws = { 0 };

	err_clear(&j->err);
	j->ok = arm_get_workspace(j->arm, j->scope.subscription,
	    j->scope.resource_group, j->scope.workspace, &ws, &j->err);
	if (j->ok && ws.location != NULL)
		snprintf(j->location, sizeof j->location, "%s", ws.location);
	else if (!j->ok)
		j->missing = arm_scope_explain(&j->err, j->scope.subscription,
		    j->scope.resource_group, j->scope.workspace);
	arm_workspace_done(&ws);
}

/* The answer, for the scope that is still the one in use. */
static void
scope_job_done(void *arg)
{
	struct scope_job	*j = arg;
	struct tui		*t = j->t;

	if (memcmp(&j->scope, &t->ctx.scope, sizeof j->scope) == 0) {
		t->ctx.scope_problem[0] = '\0';
		t->ctx.scope_state = j->ok ? TUI_SCOPE_OK : j->missing ?
		    TUI_SCOPE_MISSING : TUI_SCOPE_UNKNOWN;
		if (j->missing)
			snprintf(t->ctx.scope_problem,
			    sizeof t->ctx.scope_problem, "%s", j->err.msg);
		if (j->ok && t->ctx.location[0] == '\0')
			snprintf(t->ctx.location, sizeof t->ctx.location,
			    "%s", j->location);
		t->redraw = true;
	}
	free(j);
}

/* Check the scope in use, unless it was checked already. */
void
tui_scope_check(struct tui *t)
{
	struct scope_job	*j;

	if (t->ctx.arm == NULL || t->ctx.scope.workspace[0] == '\0' ||
	    memcmp(&scope_checked, &t->ctx.scope, sizeof scope_checked) == 0)
		return;
	scope_checked = t->ctx.scope;
	t->ctx.scope_state = TUI_SCOPE_CHECKING;
	t->ctx.scope_problem[0] = '\0';
	j = xcalloc(1, sizeof *j);
	j->t = t;
	j->arm = t->ctx.arm;
	j->scope = t->ctx.scope;
	job_start(scope_job_run, scope_job_done, j);
}

/*
 * A call on the workspace failed: if the answer is that the scope does
 * not exist, go back to home (or browse), which says so whole; the
 * screens above (a wizard that would go on offline) are left.
 */
bool
tui_scope_failed(struct tui *t, const struct err *err)
{
	struct err	e = *err;
	const char	*top;

	if (!arm_scope_explain(&e, t->ctx.scope.subscription,
	    t->ctx.scope.resource_group, t->ctx.scope.workspace))
		return false;
	scope_checked = t->ctx.scope;
	t->ctx.scope_state = TUI_SCOPE_MISSING;
	snprintf(t->ctx.scope_problem, sizeof t->ctx.scope_problem, "%s",
	    e.msg);
	while (t->depth > 0) {
		top = t->stack[t->depth - 1]->ops->name;
		if (strcmp(top, "home") == 0 || strcmp(top, "browse") == 0)
			break;
		if (t->depth == 1) {
			/* Started in the wizard: home takes its place. */
			tui_pop(t);
			tui_open(t, REQ_OPEN_HOME, NULL);
			break;
		}
		tui_pop(t);
	}
	t->redraw = true;
	return true;
}

/* Look for a draft and journaled operations; rebuild the menu. */
static void
home_build(struct home *h)
{
	char		path[PLAN_TEXT_LEN + 16], line[512];
	struct err	err;

	widget_list_clear(&h->menu);
	h->narrow = COLS < 80;
	wizard_draft_path(path, sizeof path);
	h->has_draft = access(path, R_OK) == 0 &&
	    plan_json_read_file(path, &h->draft, &err);
	/* A draft ends in a create or attach: not in read-only mode. */
	if (h->has_draft && !h->tui->ctx.readonly) {
		/* TRANSLATORS: the second is for under 80 columns. */
		snprintf(line, sizeof line, h->narrow ? _("Continue the plan "
		    "\"%s\"") : _("Continue the unfinished plan \"%s\" (kept "
		    "when the last session was cut)"), h->draft.name[0] !=
		    '\0' ? h->draft.name : "?");
		widget_list_add(&h->menu, "draft", line, false);
	}
	journal_list_free(&h->open);
	memset(&h->open, 0, sizeof h->open);
	/*
	 * Journaled operations can be followed with a live session; not
	 * read-only, since following one also sends its remaining steps.
	 */
	if (h->tui->ctx.arm != NULL && !h->tui->ctx.readonly &&
	    journal_list(&h->open, true, &err)) {
		size_t	i;
		char	key[32];

		for (i = 0; i < h->open.n; i++) {
			const struct journal_entry *je = &h->open.v[i];

			/* Another cloud's or another sandbox's operation. */
			if (!journal_entry_on_endpoint(je,
			    h->tui->ctx.arm->endpoint))
				continue;
			/* TRANSLATORS: the second is for under 80
			 * columns. */
			snprintf(line, sizeof line, h->narrow ? _("Follow the "
			    "%s of %s (%s)") : _("Follow the %s of %s, still "
			    "running when last seen (%s)"), je->operation,
			    je->compute, je->state[0] != '\0' ? je->state :
			    "?");
			snprintf(key, sizeof key, "op:%zu", i);
			widget_list_add(&h->menu, key, line, false);
		}
	}
	if (!h->tui->ctx.readonly) {
		widget_list_add(&h->menu, "create", _("Create an inference "
		    "cluster"), false);
		widget_list_add(&h->menu, "attach", _("Attach an existing AKS "
		    "cluster"), false);
		/* Next to what it needs: a cluster created or attached. */
		widget_list_add(&h->menu, "deploy", _("Deploy a model"),
		    false);
	}
	widget_list_add(&h->menu, "browse", _("Browse clusters"), false);
	if (h->tui->ctx.signin != NULL)
		widget_list_add(&h->menu, "signin", _("Sign in / account"),
		    false);
	widget_list_add(&h->menu, "quit", _("Quit"), false);
}

/* The request a menu entry opens ("browse": REQ_OPEN_BROWSE). */
static enum request
home_open_request(const char *key)
{
	static const struct {
		const char	*key;
		enum request	 req;
	} entries[] = {
		{ "create",	REQ_OPEN_CREATE },
		{ "attach",	REQ_OPEN_ATTACH },
		{ "deploy",	REQ_OPEN_DEPLOY },
		{ "browse",	REQ_OPEN_BROWSE },
		{ "signin",	REQ_OPEN_SIGNIN },
	};
	size_t	i;

	for (i = 0; i < sizeof entries / sizeof entries[0]; i++)
		if (strcmp(entries[i].key, key) == 0)
			return entries[i].req;
	return REQ_NONE;
}

/* Home keys: move, open the chosen entry. */
static enum reaction
home_request(struct screen *s, const struct key_event *ev)
{
	struct home	*h = s->data;
	const char	*key;
	char		 path[PLAN_TEXT_LEN + 16];
	struct open_request o;

	switch (ev->req) {
	case REQ_ENTER:
		if ((key = widget_list_selected(&h->menu)) == NULL)
			return REACT_NONE;
		memset(&o, 0, sizeof o);
		if ((strcmp(key, "create") == 0 || strcmp(key, "attach") == 0)
		    && s->tui->ctx.arm != NULL &&
		    (s->tui->ctx.scope.workspace[0] == '\0' ||
		    s->tui->ctx.scope_state == TUI_SCOPE_MISSING)) {
			/* Live but no workspace yet, or a wrong one: choose
			 * it from the lists first. */
			o.op = strcmp(key, "create") == 0 ? PLAN_CREATE :
			    PLAN_ATTACH;
			tui_open(s->tui, REQ_OPEN_SCOPE, &o);
		} else if (strcmp(key, "draft") == 0) {
			wizard_draft_path(path, sizeof path);
			unlink(path);
			/* The draft's workspace, unless one was given now. */
			if (s->tui->ctx.scope.workspace[0] == '\0')
				s->tui->ctx.scope = h->draft.scope;
			o.plan = &h->draft;
			tui_open(s->tui, REQ_OPEN_PLAN, &o);
		} else if (strcmp(key, "quit") == 0)
			tui_request_quit(s->tui);
		else if (strncmp(key, "op:", 3) == 0) {
			const struct journal_entry *je =
			    &h->open.v[strtoul(key + 3, NULL, 10)];

			o.run = live_run_resume(s->tui->ctx.arm,
			    s->tui->ctx.cloud, je->path, je->operation,
			    je->compute);
			tui_open(s->tui, REQ_OPEN_PROGRESS, &o);
		} else
			tui_open(s->tui, home_open_request(key), NULL);
		return REACT_REDRAW;
	case REQ_BACK:
		return REACT_NONE;
	case REQ_NEXT_FIELD:
	case REQ_PREV_FIELD:
	{
		struct key_event e = *ev;

		e.req = ev->req == REQ_NEXT_FIELD ? REQ_DOWN : REQ_UP;
		return widget_list_key(&h->menu, &e, 5) ? REACT_REDRAW :
		    REACT_NONE;
	}
	default:
		if (ev->req == REQ_CHAR)
			return REACT_NONE;
		return widget_list_key(&h->menu, ev, 5) ? REACT_REDRAW :
		    REACT_UNHANDLED;
	}
}

static void	home_rebuild(struct home *);

/*
 * Home: what the program does, the session, what is wrong with the scope
 * or why Create and Attach are not offered, the menu.  On a small
 * terminal the introduction goes first, then the menu scrolls.
 */
static void
home_draw(struct screen *s, WINDOW *win)
{
	struct home	*h = s->data;
	struct tui	*t = s->tui;
	const char	*intro, *note = NULL;
	char		 line[512];
	int		 y = 3, w = COLS - 4, bottom = LINES - 3, left, n;
	int		 note_rows = 0, intro_rows, menu;

	if (h->narrow != (COLS < 80))
		home_rebuild(h);	/* the labels for this width */
	tui_draw_frame(t, win, _("akswiz: Azure ML inference clusters"),
	    t->ctx.sandbox ? _("sandbox") : NULL);
	intro = _("Create an Azure Kubernetes Service cluster for Azure "
	    "Machine Learning inference, or attach one you have, then deploy "
	    "models to it. Every step explains itself and is checked before "
	    "anything is sent.");
	if (t->ctx.scope_state == TUI_SCOPE_MISSING)
		note = t->ctx.scope_problem;
	else if (t->ctx.readonly)
		note = _("Read-only (--readonly): nothing is changed in Azure, "
		    "so creating, attaching and following operations (which "
		    "may send their remaining steps) are not offered; browse "
		    "shows the clusters without actions.");
	if (note != NULL)
		note_rows = display_wrap_rows(w, note, false) + 1;
	/* The session line, the note and the menu first. */
	menu = (int)h->menu.n;
	left = bottom - y - 2 - note_rows - menu;
	intro_rows = display_wrap_rows(w, intro, false);
	if (intro_rows + 1 <= left) {
		y += display_wrap(win, y, 2, w, intro_rows, intro, A_NORMAL);
		y++;
	}
	if (t->ctx.identity[0] != '\0')
		snprintf(line, sizeof line, _("Signed in as %s"),
		    t->ctx.identity);
	else if (t->ctx.live && t->ctx.signed_out)
		snprintf(line, sizeof line, "%s", _("Not signed in: choose "
		    "\"Sign in / account\"."));
	else if (t->ctx.live)
		snprintf(line, sizeof line, "%s", t->ctx.sandbox ?
		    _("Live: the private sandbox cloud of this session.") :
		    _("Live: every choice is checked against Azure as you "
		    "go."));
	else
		snprintf(line, sizeof line, _("Offline (%s): nothing is read "
		    "from or sent to Azure in this session."),
		    t->ctx.offline_reason[0] != '\0' ?
		    t->ctx.offline_reason : _("no session"));
	display_text(win, y++, 2, w, line, display_attr(STYLE_DIM), true);
	y++;
	if (note != NULL) {
		y += display_wrap(win, y, 2, w, bottom - y, note,
		    display_attr(t->ctx.scope_state == TUI_SCOPE_MISSING ?
		    STYLE_ERROR : STYLE_WARNING));
		y++;
	}
	n = bottom - y;
	widget_list_draw(&h->menu, win, y, 2, n < menu ? n : menu, w, true);
	tui_draw_hints(win, _("Up/Down choose  Enter open  ? keys  q quit"));
}

/* Timer: check the scope in use. */
static void
home_scope_tick(struct tui *t, void *arg)
{
	(void)arg;
	tui_scope_check(t);
}

/* Build the menu again, keeping the choice. */
static void
home_rebuild(struct home *h)
{
	const char	*sel = widget_list_selected(&h->menu);
	char		*keep = sel != NULL ? xstrdup(sel) : NULL;

	home_build(h);
	if (keep != NULL)
		widget_list_select(&h->menu, keep);
	free(keep);
}

/* Rebuild the menu on every return to home, keeping the choice. */
static void
home_enter(struct screen *s)
{
	struct home	*h = s->data;

	home_rebuild(h);
	/*
	 * At the start, or back from the scope screen with another
	 * workspace: check it, from the loop (screens are also entered
	 * while the stack is taken down at exit, when no job may start).
	 */
	timer_add(clock_now_ms(), true, s, home_scope_tick, s);
}

/* Free the home screen. */
static void
home_free(struct screen *s)
{
	struct home	*h = s->data;

	widget_list_done(&h->menu);
	journal_list_free(&h->open);
	free(h);
}

/* The menu for tests. */
static void
home_save_state(struct screen *s, FILE *fp)
{
	struct home	*h = s->data;
	size_t		 i;

	fprintf(fp, "selected: %s\n", widget_list_selected(&h->menu) ?
	    widget_list_selected(&h->menu) : "");
	for (i = 0; i < h->menu.n; i++)
		fprintf(fp, "item: %s\n", h->menu.items[i].key);
}

static const struct screen_ops home_ops = {
	"home", home_enter, NULL, home_request, home_draw, home_free,
	home_save_state, NULL, NULL, home_keys
};

/* Open the home screen. */
void
screen_home_open(struct tui *t, const struct open_request *o)
{
	struct home	*h = xcalloc(1, sizeof *h);

	(void)o;
	widget_list_init(&h->menu);
	h->tui = t;
	tui_push(t, &home_ops, h);
	if (t->ctx.arm != NULL)
		tui_whoami(t);
}
