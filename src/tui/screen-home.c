/*
 * Home: what the program can do, with the identity and scope when known,
 * and the draft left by a dropped session (SIGHUP) to continue.  Browse
 * and sign-in appear here once their screens exist; until then they are
 * left out rather than offered and refused.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "azure/arm.h"
#include "azure/journal.h"
#include "plan/plan-json.h"
#include "tui/display.h"
#include "tui/live.h"
#include "tui/tui.h"
#include "tui/wizard.h"

struct home {
	struct widget_list	 menu;
	struct journal_list	 open;		/* journaled operations */
	struct tui		*tui;
	bool			 has_draft;
	struct plan		 draft;
};

static const enum request home_keys[] = {
	REQ_UP, REQ_DOWN, REQ_ENTER, REQ_NONE
};

/* Look for a draft and journaled operations; rebuild the menu. */
static void
home_build(struct home *h)
{
	char		path[PLAN_TEXT_LEN + 16], line[512];
	struct err	err;

	widget_list_clear(&h->menu);
	wizard_draft_path(path, sizeof path);
	h->has_draft = access(path, R_OK) == 0 &&
	    plan_json_read_file(path, &h->draft, &err);
	if (h->has_draft) {
		snprintf(line, sizeof line, _("Continue the unfinished plan "
		    "\"%s\" (kept when the last session was cut)"),
		    h->draft.name[0] != '\0' ? h->draft.name : "?");
		widget_list_add(&h->menu, "draft", line, false);
	}
	journal_list_free(&h->open);
	memset(&h->open, 0, sizeof h->open);
	/* Journaled operations can be followed with a live session. */
	if (h->tui->ctx.arm != NULL && journal_list(&h->open, true, &err)) {
		size_t	i;
		char	key[32];

		for (i = 0; i < h->open.n; i++) {
			const struct journal_entry *je = &h->open.v[i];

			/* Another cloud's or another sandbox's operation. */
			if (!journal_entry_on_endpoint(je,
			    h->tui->ctx.arm->endpoint))
				continue;
			snprintf(line, sizeof line, _("Follow the %s of %s, "
			    "still running when last seen (%s)"),
			    je->operation, je->compute, je->state[0] != '\0'
			    ? je->state : "?");
			snprintf(key, sizeof key, "op:%zu", i);
			widget_list_add(&h->menu, key, line, false);
		}
	}
	widget_list_add(&h->menu, "create", _("Create an inference cluster"),
	    false);
	widget_list_add(&h->menu, "attach", _("Attach an existing AKS "
	    "cluster"), false);
	widget_list_add(&h->menu, "browse", _("Browse clusters"), false);
	if (h->tui->ctx.signin != NULL)
		widget_list_add(&h->menu, "signin", _("Sign in / account"),
		    false);
	widget_list_add(&h->menu, "quit", _("Quit"), false);
}

/* Home keys: move, open the chosen entry. */
static enum reaction
home_request(struct screen *s, const struct key_event *ev)
{
	struct home	*h = s->data;
	const char	*key;
	char		 path[PLAN_TEXT_LEN + 16];

	switch (ev->req) {
	case REQ_ENTER:
		if ((key = widget_list_selected(&h->menu)) == NULL)
			return REACT_NONE;
		if ((strcmp(key, "create") == 0 || strcmp(key, "attach") == 0)
		    && s->tui->ctx.arm != NULL &&
		    s->tui->ctx.scope.workspace[0] == '\0')
			/* Live but no workspace yet: choose it first. */
			screen_scope_push(s->tui, strcmp(key, "create") == 0 ?
			    PLAN_CREATE : PLAN_ATTACH);
		else if (strcmp(key, "create") == 0)
			screen_wizard_push(s->tui, PLAN_CREATE);
		else if (strcmp(key, "attach") == 0)
			screen_wizard_push(s->tui, PLAN_ATTACH);
		else if (strcmp(key, "draft") == 0) {
			wizard_draft_path(path, sizeof path);
			unlink(path);
			/* The draft's workspace, unless one was given now. */
			if (s->tui->ctx.scope.workspace[0] == '\0')
				s->tui->ctx.scope = h->draft.scope;
			screen_wizard_push_plan(s->tui, &h->draft);
		} else if (strcmp(key, "browse") == 0)
			screen_browse_push(s->tui, s->tui->ctx.readonly);
		else if (strcmp(key, "signin") == 0)
			screen_signin_push(s->tui);
		else if (strcmp(key, "quit") == 0)
			tui_request_quit(s->tui);
		else if (strncmp(key, "op:", 3) == 0) {
			const struct journal_entry *je =
			    &h->open.v[strtoul(key + 3, NULL, 10)];

			screen_progress_push(s->tui, live_run_resume(
			    s->tui->ctx.arm, s->tui->ctx.cloud, je->path,
			    je->operation, je->compute), NULL);
		}
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

/* Home: what the program does, the session, the menu. */
static void
home_draw(struct screen *s, WINDOW *win)
{
	struct home	*h = s->data;
	struct tui	*t = s->tui;
	char		 line[512];
	int		 y = 3;

	tui_draw_frame(t, win, _("akswiz: Azure ML inference clusters"),
	    t->ctx.sandbox ? _("sandbox") : NULL);
	y += display_wrap(win, y, 2, COLS - 4, 3, _("Create an Azure "
	    "Kubernetes Service cluster for Azure Machine Learning "
	    "inference, or attach one you have. Every step explains itself "
	    "and is checked before anything is sent."), A_NORMAL);
	y++;
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
	display_text(win, y++, 2, COLS - 4, line, display_attr(STYLE_DIM),
	    true);
	y++;
	widget_list_draw(&h->menu, win, y, 2, (int)h->menu.n, COLS - 4, true);
	tui_draw_hints(win, _("Up/Down choose  Enter open  ? keys  q quit"));
}

/* Rebuild the menu on every return to home, keeping the choice. */
static void
home_enter(struct screen *s)
{
	struct home	*h = s->data;
	const char	*sel = widget_list_selected(&h->menu);
	char		*keep = sel != NULL ? xstrdup(sel) : NULL;

	home_build(h);
	if (keep != NULL)
		widget_list_select(&h->menu, keep);
	free(keep);
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
screen_home_push(struct tui *t)
{
	struct home	*h = xcalloc(1, sizeof *h);

	widget_list_init(&h->menu);
	h->tui = t;
	tui_push(t, &home_ops, h);
	if (t->ctx.arm != NULL)
		screen_signin_whoami(t);
}
