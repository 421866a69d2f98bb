/*
 * The loop (see tui.h).  One thread: wait for a key, a finished job or the
 * next timer; hand finished jobs back to their screens; dispatch keys;
 * redraw when something changed.  With AKSWIZ_SCRIPT, keys come from the
 * script and the next one is taken only when no job runs and no timer a
 * screen waits for is pending; with the fake clock such a timer is reached
 * by moving the clock, so a ten-minute operation takes milliseconds.
 */
#include "config.h"
#include "tui/tui.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/clock.h"
#include "common/err.h"
#include "common/i18n.h"
#include "core/msg.h"
#include "tui/curses.h"
#include "tui/display.h"
#include "tui/job.h"
#include "tui/screens.h"
#include "tui/script.h"
#include "tui/timer.h"

#define SPIN_MS		120
#define TUI_HELP_PAD	160	/* rows of the tallest keys overlay */

static const enum request tui_global_keys[] = {
	REQ_HELP, REQ_QUIT, REQ_NONE
};

/* Push a screen and enter it. */
void
tui_push(struct tui *t, const struct screen_ops *ops, void *data)
{
	struct screen	*s;

	if (t->depth >= (int)(sizeof t->stack / sizeof t->stack[0]))
		abort();
	s = calloc(1, sizeof *s);
	if (s == NULL)
		abort();
	s->ops = ops;
	s->data = data;
	s->tui = t;
	t->stack[t->depth++] = s;
	if (ops->enter != NULL)
		ops->enter(s);
	t->redraw = true;
}

/* Pop the top screen and enter the one below. */
void
tui_pop(struct tui *t)
{
	struct screen	*s;

	if (t->depth == 0)
		return;
	s = t->stack[--t->depth];
	if (s->ops->leave != NULL)
		s->ops->leave(s);
	if (s->ops->free != NULL)
		s->ops->free(s);
	timer_cancel_owner(s);
	free(s);
	if (t->depth > 0 && t->stack[t->depth - 1]->ops->enter != NULL)
		t->stack[t->depth - 1]->ops->enter(t->stack[t->depth - 1]);
	t->redraw = true;
}

/* Replace the top screen. */
void
tui_replace(struct tui *t, const struct screen_ops *ops, void *data)
{
	struct screen	*s;

	if (t->depth > 0) {
		s = t->stack[--t->depth];
		if (s->ops->leave != NULL)
			s->ops->leave(s);
		if (s->ops->free != NULL)
			s->ops->free(s);
		timer_cancel_owner(s);
		free(s);
	}
	tui_push(t, ops, data);
}

/* The progress screen keeps its own constructor's arguments. */
static void
tui_open_progress(struct tui *t, const struct open_request *o)
{
	screen_progress_push(t, o->run, o->wizard);
}

/* Every screen kind, by the request that opens it (tig's open_view). */
static const struct {
	enum request	 req;
	void		(*open)(struct tui *, const struct open_request *);
} tui_screens[] = {
	{ REQ_OPEN_HOME,	screen_home_open },
	{ REQ_OPEN_SIGNIN,	screen_signin_open },
	{ REQ_OPEN_BROWSE,	screen_browse_open },
	{ REQ_OPEN_SCOPE,	screen_scope_open },
	{ REQ_OPEN_CREATE,	screen_wizard_open },
	{ REQ_OPEN_ATTACH,	screen_wizard_open },
	{ REQ_OPEN_DEPLOY,	screen_deploy_open },
	{ REQ_OPEN_PLAN,	screen_wizard_open },
	{ REQ_OPEN_REVIEW,	screen_review_open },
	{ REQ_OPEN_PROGRESS,	tui_open_progress },
	{ REQ_OPEN_TEXT,	screen_text_open },
	{ REQ_OPEN_ENDPOINTS,	screen_endpoints_open },
};

/* True for a request that opens a screen. */
bool
tui_opens(enum request req)
{
	size_t	i;

	for (i = 0; i < sizeof tui_screens / sizeof tui_screens[0]; i++)
		if (tui_screens[i].req == req)
			return true;
	return false;
}

/* Open the screen a request names, with its arguments. */
void
tui_open(struct tui *t, enum request req, const struct open_request *arg)
{
	struct open_request	o;
	size_t			i;

	if (arg != NULL)
		o = *arg;
	else
		memset(&o, 0, sizeof o);
	if (req == REQ_OPEN_CREATE)
		o.op = PLAN_CREATE;
	else if (req == REQ_OPEN_ATTACH)
		o.op = PLAN_ATTACH;
	for (i = 0; i < sizeof tui_screens / sizeof tui_screens[0]; i++)
		if (tui_screens[i].req == req) {
			tui_screens[i].open(t, &o);
			return;
		}
}

/* Set the status line (a lesser message never hides an error). */
void
tui_status(struct tui *t, int style, const char *fmt, ...)
{
	va_list	ap;

	/* A lesser message never hides an error shown since the last key. */
	if (t->status[0] != '\0' && style != STYLE_ERROR &&
	    t->status_style == STYLE_ERROR)
		return;
	va_start(ap, fmt);
	vsnprintf(t->status, sizeof t->status, fmt, ap);
	va_end(ap);
	t->status_style = style;
	t->redraw = true;
}

/* Clear the status line. */
void
tui_status_clear(struct tui *t)
{
	t->status[0] = '\0';
	t->status_style = STYLE_NORMAL;
}

/* A verdict as translated text, plural chosen. */
void
tui_verdict_text(const struct verdict *v, char *buf, size_t len)
{
	const char	*plural = msg_format_plural(v->msg);
	const char	*fmt;

	fmt = plural != NULL ? P_(msg_format(v->msg), plural,
	    (unsigned long)v->n) : _(msg_format(v->msg));
	verdict_render_with(v, fmt, i18n_text, buf, len);
}

/* The spinner glyph of this moment. */
const char *
tui_spinner(struct tui *t)
{
	return glyph->spinner[t->spin % 4];
}

/* Title row and scope row of every screen. */
void
tui_draw_frame(struct tui *t, WINDOW *w, const char *title,
    const char *right)
{
	char	scope[512];
	int	rw = right != NULL ? display_width(right) : 0;

	wattron(w, display_attr(STYLE_TITLE));
	wmove(w, 0, 0);
	whline(w, ' ', COLS);
	wattroff(w, display_attr(STYLE_TITLE));
	display_text(w, 0, 1, COLS - rw - 3, title,
	    display_attr(STYLE_TITLE), true);
	if (right != NULL)
		display_text(w, 0, COLS - rw - 1, rw, right,
		    display_attr(STYLE_TITLE), false);
	if (t->ctx.scope.workspace[0] != '\0')
		snprintf(scope, sizeof scope, _("Workspace %s %s group %s %s "
		    "subscription %s"), t->ctx.scope.workspace, glyph->bullet,
		    t->ctx.scope.resource_group[0] != '\0' ?
		    t->ctx.scope.resource_group : "?", glyph->bullet,
		    t->ctx.scope.subscription[0] != '\0' ?
		    t->ctx.scope.subscription : "?");
	else
		snprintf(scope, sizeof scope, "%s",
		    _("No workspace chosen yet"));
	/* A narrow pane: the names without their labels, before any cut. */
	if (t->ctx.scope.workspace[0] != '\0' && COLS < DISPLAY_WIDE_COLS &&
	    display_width(scope) > COLS - 2)
		snprintf(scope, sizeof scope, "%s %s %s %s %s",
		    t->ctx.scope.workspace, glyph->bullet,
		    t->ctx.scope.resource_group[0] != '\0' ?
		    t->ctx.scope.resource_group : "?", glyph->bullet,
		    t->ctx.scope.subscription[0] != '\0' ?
		    t->ctx.scope.subscription : "?");
	display_text(w, 1, 1, COLS - 2, scope, display_attr(STYLE_DIM),
	    true);
	if (!t->ctx.live) {
		/* TRANSLATORS: at most 30 cells. */
		const char	*off = _("offline: no live checks");
		int		 ow = display_width(off);

		if (display_width(scope) + ow + 4 < COLS)
			display_text(w, 1, COLS - ow - 1, ow, off,
			    display_attr(STYLE_WARNING), false);
	}
}

/*
 * The key hints on the last row.  Hints are groups apart by two spaces
 * ("Enter next  Esc back"); in a pane narrower than 80 columns whole
 * groups are left out from the end rather than one cut in the middle
 * (? lists every key).
 */
void
tui_draw_hints(WINDOW *w, const char *hints)
{
	char	buf[512], *cut;

	snprintf(buf, sizeof buf, "%s", hints);
	while (COLS < DISPLAY_WIDE_COLS && display_width(buf) > COLS - 2 &&
	    (cut = strstr(buf, "  ")) != NULL) {
		char	*last = cut, *next;

		while ((next = strstr(last + 2, "  ")) != NULL)
			last = next;
		*last = '\0';
	}
	display_clear_row(w, LINES - 1, 0);
	display_text(w, LINES - 1, 1, COLS - 2, buf,
	    display_attr(STYLE_KEY), true);
}

/* Add a row to the keys overlay (see tui.h). */
bool
tui_help_add(struct tui_help *h, enum request req, const char *keys,
    const char *help)
{
	if (keys == NULL && (keys = keys_name_of(req)) == NULL)
		return false;
	if (h->n >= TUI_HELP_ROWS)
		return false;
	snprintf(h->rows[h->n].keys, sizeof h->rows[h->n].keys, "%s", keys);
	h->rows[h->n++].text = _(help != NULL ? help : keys_help(req));
	return true;
}

/* Open the keys overlay, from its first row. */
void
tui_help_open(struct tui *t, const struct tui_help *h)
{
	t->help_view = *h;
	t->help = true;
	t->help_top = 0;
	t->redraw = true;
}

/* The default overlay: the global requests, then the screen's. */
static void
tui_help_default(struct tui *t)
{
	const struct screen	*s = t->stack[t->depth - 1];
	const enum request	*lists[2] = { tui_global_keys, s->ops->keys };
	const enum request	*r;
	struct tui_help		 h;
	int			 i;

	memset(&h, 0, sizeof h);
	snprintf(h.title, sizeof h.title, "%s", _(" Keys of this screen "));
	for (i = 0; i < 2; i++)
		for (r = lists[i]; r != NULL && *r != REQ_NONE; r++)
			(void)tui_help_add(&h, *r, NULL, NULL);
	tui_help_open(t, &h);
}

/*
 * The rows of the overlay from row 0 of a pad: the keys in kw cells (on
 * a row of their own when wider), what they do wrapped beside; rows used.
 */
static int
tui_help_rows(const struct tui_help *h, WINDOW *pad, int x, int width,
    int kw)
{
	size_t	i;
	int	y = 0;

	if (h->intro != NULL)
		y += display_wrap(pad, y, x, width, TUI_HELP_PAD / 2, h->intro,
		    A_NORMAL) + 1;
	for (i = 0; i < h->n && y < TUI_HELP_PAD; i++) {
		if (display_width(h->rows[i].keys) >= kw)
			display_text(pad, y++, x, width, h->rows[i].keys,
			    display_attr(STYLE_KEY), true);
		else
			display_text(pad, y, x, kw - 1, h->rows[i].keys,
			    display_attr(STYLE_KEY), true);
		y += display_wrap(pad, y, x + kw, width - kw, TUI_HELP_PAD - y,
		    h->rows[i].text, A_NORMAL);
	}
	return y;
}

/*
 * The keys overlay: drawn whole on a pad, the rows that fit copied from
 * help_top, so that it scrolls at 60x20 and in any language.
 */
static void
tui_draw_help(struct tui *t, WINDOW *w)
{
	const struct tui_help	*h = &t->help_view;
	bool			 framed = h->title[0] != '\0';
	int			 x = framed ? 4 : 2;
	int			 width = framed ? COLS - 8 : COLS - 4;
	int			 kw = framed ? 14 : COLS >= 80 ? 19 : 8;
	int			 top = framed ? 3 : h->top;
	int			 room = (framed ? LINES - 5 : LINES - 2) - top;
	int			 rows, shown, i;
	WINDOW			*pad;

	if (room <= 0 || (pad = newpad(TUI_HELP_PAD, COLS)) == NULL)
		return;
	rows = tui_help_rows(h, pad, x, width, kw);
	if (t->help_top > rows - room)
		t->help_top = rows > room ? rows - room : 0;
	if (t->help_top < 0)
		t->help_top = 0;
	shown = rows - t->help_top < room ? rows - t->help_top : room;
	t->help_more = framed ? t->help_top + shown < rows : rows > room;
	/* The overlay takes the whole body, so nothing shows through. */
	for (i = framed ? 2 : top; i < LINES - 2; i++)
		display_clear_row(w, i, 0);
	if (shown > 0)
		copywin(pad, w, t->help_top, 0, top, 0, top + shown - 1,
		    COLS - 1, FALSE);
	delwin(pad);
	if (!framed) {
		tui_draw_hints(w, t->help_more ?
		    _("Up/Down scroll  any other key closes the help") :
		    _("Any key closes the help"));
		return;
	}
	display_hline(w, top - 1, x - 2, width + 4);
	display_text(w, top - 1, x, width, h->title,
	    display_attr(STYLE_KEY), true);
	/*
	 * A short terminal: Down shows the rest, as the line says.
	 * TRANSLATORS: the keys overlay's last line; wraps if it must.
	 */
	display_wrap(w, top + shown + 1, x, width, 1, t->help_more ?
	    _("Down shows more; Esc closes.") : t->help_top > 0 ?
	    _("Up goes back; Esc closes.") :
	    _("Press any key to close."), display_attr(STYLE_DIM));
	display_hline(w, top + shown + 2, x - 2, width + 4);
}

/*
 * A message above the key hints, whole: a long one (a path, a command)
 * takes the rows it needs, upwards, over the screen.
 */
void
tui_draw_status(WINDOW *w, const char *text, int attr)
{
	int	rows = display_wrap_rows(COLS - 2, text, true), max = LINES / 3, i;

	if (rows < 1)
		rows = 1;
	if (rows > max)
		rows = max;
	for (i = 0; i < rows; i++)
		display_clear_row(w, LINES - 1 - rows + i, 0);
	display_wrap_split(w, LINES - 1 - rows, 1, COLS - 2, rows, text, attr);
}

/* Compose the whole screen into stdscr and send it to the terminal. */
static void
tui_draw(struct tui *t)
{
	const char	*msg;
	int		 y;

	werase(stdscr);
	if (display_too_small()) {
		msg = _("The terminal is too small: akswiz needs at least 60 "
		    "columns and 20 lines.");
		y = LINES / 2 - 1;
		display_wrap(stdscr, y < 0 ? 0 : y, 0, COLS, LINES, msg,
		    A_BOLD);
		if (y + 3 < LINES)
			display_wrap(stdscr, y + 3, 0, COLS, 2, _("Enlarge "
			    "the window, or press q to quit."), A_NORMAL);
	} else if (t->depth > 0) {
		struct screen	*s = t->stack[t->depth - 1];

		s->ops->draw(s, stdscr);
		if (t->confirm_quit)
			tui_draw_status(stdscr, t->confirm_text[0] != '\0' ?
			    t->confirm_text : _("Quit and lose the unsaved "
			    "plan? Press y to quit, any other key to stay."),
			    display_attr(STYLE_WARNING));
		else if (t->status[0] != '\0')
			tui_draw_status(stdscr, t->status,
			    display_attr(t->status_style));
		if (t->help)
			tui_draw_help(t, stdscr);
	}
	wnoutrefresh(stdscr);
	doupdate();
	t->redraw = false;
}

/* True if any screen on the stack holds unsaved work. */
static bool
tui_unsaved(struct tui *t)
{
	int	i;

	for (i = 0; i < t->depth; i++)
		if (t->stack[i]->ops->unsaved != NULL &&
		    t->stack[i]->ops->unsaved(t->stack[i]))
			return true;
	return false;
}

/* Quit, asking first when work would be lost. */
void
tui_request_quit(struct tui *t)
{
	t->confirm_text[0] = '\0';
	if (tui_unsaved(t))
		t->confirm_quit = true;
	else
		t->quit = true;
	t->redraw = true;
}

/* The request a key gives on the top screen (its own keys first). */
static enum request
tui_key_request(struct tui *t, const struct key *k)
{
	return keys_request_for(k, t->depth > 0 ?
	    t->stack[t->depth - 1]->ops->keys : NULL);
}

/* One key: overlays first, then the top screen, then the defaults. */
static void
tui_dispatch(struct tui *t, const struct key_event *ev)
{
	struct screen	*s;
	enum reaction	 r = REACT_UNHANDLED;

	if (ev->req == REQ_RESIZE) {
		t->redraw = true;
		return;
	}
	if (t->help) {
		int	page = LINES / 2 > 1 ? LINES / 2 : 1;

		t->redraw = true;
		/*
		 * Up/Down and PgUp/PgDn scroll a list taller than the
		 * terminal (the drawing stops at its end); else any key
		 * closes it, as its last line says.
		 */
		switch (t->help_more || t->help_top > 0 ? ev->req : REQ_NONE) {
		case REQ_DOWN:
		case REQ_PAGE_DOWN:
			if (t->help_more)
				t->help_top += ev->req == REQ_DOWN ? 1 : page;
			return;
		case REQ_UP:
		case REQ_PAGE_UP:
			t->help_top -= ev->req == REQ_UP ? 1 : page;
			if (t->help_top < 0)
				t->help_top = 0;
			return;
		default:
			break;
		}
		t->help = false;
		t->help_top = 0;
		return;
	}
	if (t->confirm_quit) {
		t->confirm_quit = false;
		if (!ev->key.fn && (ev->key.code == 'y' ||
		    ev->key.code == 'Y'))
			t->quit = true;
		t->redraw = true;
		return;
	}
	tui_status_clear(t);
	t->redraw = true;
	if (display_too_small()) {
		if (ev->req == REQ_QUIT)
			t->quit = true;
		return;
	}
	if (t->depth > 0) {
		s = t->stack[t->depth - 1];
		r = s->ops->request(s, ev);
	}
	if (r != REACT_UNHANDLED)
		return;
	switch (ev->req) {
	case REQ_HELP:
		tui_help_default(t);
		break;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		break;
	case REQ_QUIT:
		tui_request_quit(t);
		break;
	default:
		/* A screen's key that opens another screen (browse's n). */
		if (tui_opens(ev->req))
			tui_open(t, ev->req, NULL);
		break;
	}
}

/* Write "screen: NAME" and the top screen's model. */
static bool
tui_save_state(struct tui *t, const char *path, struct err *err)
{
	FILE		*fp;
	struct screen	*s;

	if ((fp = fopen(path, "w")) == NULL)
		return err_set(err, ERR_IO, _("cannot write %s: %s"), path,
		    strerror(errno));
	if (t->depth > 0) {
		s = t->stack[t->depth - 1];
		fprintf(fp, "screen: %s\n", s->ops->name);
		if (s->ops->save_state != NULL)
			s->ops->save_state(s, fp);
	}
	fprintf(fp, "status: %s\n", t->status);
	fclose(fp);
	return true;
}

static void	tui_wait(bool, int);

/* A script command; false stops the run (an error is on stderr). */
static bool
tui_command(struct tui *t, const struct script_item *it)
{
	struct err	 err;
	const char	*arg;
	int		 cols, lines;
	struct key_event ev;

	err_clear(&err);
	arg = strchr(it->command, ' ');
	arg = arg != NULL ? arg + strspn(arg, " ") : "";
	if (strncmp(it->command, "save-display ", 13) == 0) {
		tui_draw(t);
		if (!display_save(arg, &err))
			goto fail;
	} else if (strncmp(it->command, "save-state ", 11) == 0) {
		if (!tui_save_state(t, arg, &err))
			goto fail;
	} else if (strcmp(it->command, "wait-jobs") == 0) {
		/* Until every backend call is back (a device code approved). */
		while (job_busy()) {
			tui_wait(false, 50);
			job_collect();
		}
		t->redraw = true;
	} else if (strncmp(it->command, "resize ", 7) == 0 &&
	    sscanf(arg, "%dx%d", &cols, &lines) == 2) {
		display_resize(lines, cols);
		memset(&ev, 0, sizeof ev);
		ev.req = REQ_RESIZE;
		tui_dispatch(t, &ev);
	} else {
		err_set(&err, ERR_USAGE, _("script line %d: unknown command "
		    ":%s"), it->line, it->command);
		goto fail;
	}
	return true;
fail:
	display_done();
	fprintf(stderr, "akswiz: %s\n", err.msg);
	return false;
}

/*
 * An Esc that curses did not decode: if the bytes of a sequence follow
 * at once (curses waited ESCDELAY for them), read it whole and make it
 * the key it names; true when it named none (drop it: never Esc and
 * "1~" typed).  A lone Esc stays Esc; Esc and another key (Alt-x) is
 * Esc, then that key.
 */
static bool
tui_read_sequence(struct key *k)
{
	char	seq[16];
	size_t	n = 1;
	wint_t	wc;
	int	r;

	seq[0] = 27;
	seq[1] = '\0';
	while (n + 1 < sizeof seq && !keys_sequence_complete(seq)) {
		if ((r = wget_wch(stdscr, &wc)) == ERR)
			break;
		if (r == KEY_CODE_YES || wc > 0x7e || wc < 0x20 ||
		    (n == 1 && wc != '[' && wc != 'O')) {
			if (r == KEY_CODE_YES)
				ungetch((int)wc);
			else
				unget_wch((wchar_t)wc);
			break;
		}
		seq[n++] = (char)wc;
		seq[n] = '\0';
	}
	if (n == 1)
		return false;		/* Esc itself */
	if (keys_parse_sequence(seq, k))
		return false;
	return true;
}

/* Read every key waiting on the terminal and dispatch it. */
static void
tui_read_keys(struct tui *t)
{
	struct key_event	ev;
	wint_t			wc;
	int			r;

	while (!t->quit && (r = wget_wch(stdscr, &wc)) != ERR) {
		memset(&ev, 0, sizeof ev);
		ev.key.fn = r == KEY_CODE_YES;
		ev.key.code = wc;
		if (!ev.key.fn && wc == 27 && tui_read_sequence(&ev.key))
			continue;	/* an unknown sequence: dropped */
		ev.req = tui_key_request(t, &ev.key);
		tui_dispatch(t, &ev);
	}
}

/* Let every screen save a draft (SIGHUP, SIGTERM). */
static void
tui_save_drafts(struct tui *t)
{
	int	i;

	for (i = t->depth - 1; i >= 0; i--)
		if (t->stack[i]->ops->save_draft != NULL)
			t->stack[i]->ops->save_draft(t->stack[i]);
}

/* Wait for a key, a job or the next timer, at most ms milliseconds. */
static void
tui_wait(bool keys, int ms)
{
	struct pollfd	fds[2];
	nfds_t		n = 0;

	if (keys && !display_headless()) {
		fds[n].fd = STDIN_FILENO;
		fds[n++].events = POLLIN;
	}
	if (job_fd() >= 0) {
		fds[n].fd = job_fd();
		fds[n++].events = POLLIN;
	}
	if (poll(fds, n, ms) < 0 && errno != EINTR)
		return;
}

/* One turn of the scripted loop: 1 go on, 0 the script is done, -1 error. */
static int
tui_script_turn(struct tui *t)
{
	struct script_item	it;
	struct key_event	ev;
	uint64_t		at;

	if (job_busy() && (t->ctx.job_waits == NULL ||
	    !t->ctx.job_waits(t))) {
		tui_wait(false, 50);
		return 1;
	}
	if (timer_next(true, &at)) {
		uint64_t	now = clock_now_ms();

		if (at > now) {
			if (clock_is_fake())
				clock_advance_ms(at - now);
			else
				tui_wait(false, (int)(at - now));
		}
		return 1;
	}
	script_next(&it);
	switch (it.kind) {
	case SCRIPT_END:
		return 0;
	case SCRIPT_COMMAND:
		return tui_command(t, &it) ? 1 : -1;
	case SCRIPT_KEY:
		memset(&ev, 0, sizeof ev);
		ev.key = it.key;
		ev.req = tui_key_request(t, &ev.key);
		tui_dispatch(t, &ev);
		break;
	}
	return 1;
}

/* True while a job still runs. */
bool
tui_busy(void)
{
	return job_busy();
}

/* Run the loop until the user quits. */
int
tui_main(const struct tui_options *o)
{
	struct tui	 t;
	struct open_request start;
	struct err	 err;
	const char	*script = getenv("AKSWIZ_SCRIPT");
	uint64_t	 at, now, spun = 0;
	int		 status = 0, ms;

	memset(&t, 0, sizeof t);
	memset(&start, 0, sizeof start);
	err_clear(&err);
	snprintf(t.ctx.scope.subscription, sizeof t.ctx.scope.subscription,
	    "%s", o->subscription != NULL ? o->subscription : "");
	snprintf(t.ctx.scope.resource_group,
	    sizeof t.ctx.scope.resource_group, "%s",
	    o->resource_group != NULL ? o->resource_group : "");
	snprintf(t.ctx.scope.workspace, sizeof t.ctx.scope.workspace, "%s",
	    o->workspace != NULL ? o->workspace : "");
	snprintf(t.ctx.location, sizeof t.ctx.location, "%s",
	    o->location != NULL ? o->location : "");
	t.ctx.cloud = o->cloud;
	t.ctx.sandbox = o->sandbox;
	t.ctx.arm = o->arm;
	t.ctx.live = o->arm != NULL;
	t.ctx.readonly = o->readonly;
	t.ctx.type_given = o->compute_type != NULL &&
	    compute_type_parse(o->compute_type, &t.ctx.type);
	snprintf(t.ctx.offline_reason, sizeof t.ctx.offline_reason, "%s",
	    o->offline_reason != NULL ? o->offline_reason : "");
	t.ctx.signin = o->signin;
	if (script != NULL && *script != '\0' && !script_open(script, &err)) {
		fprintf(stderr, "akswiz: %s\n", err.msg);
		return 2;
	}
	if (!display_init(o->no_color, &err)) {
		fprintf(stderr, "akswiz: %s\n", err.msg);
		script_close();
		return 2;
	}
	switch (o->start) {
	case TUI_START_CREATE:
	case TUI_START_ATTACH:
		if (o->readonly) {
			/* Home says why there is no wizard to offer. */
			tui_open(&t, REQ_OPEN_HOME, NULL);
			break;
		}
		start.op = o->start == TUI_START_CREATE ? PLAN_CREATE :
		    PLAN_ATTACH;
		if (t.ctx.arm != NULL && t.ctx.scope.workspace[0] == '\0')
			tui_open(&t, REQ_OPEN_SCOPE, &start);
		else
			tui_open(&t, o->start == TUI_START_CREATE ?
			    REQ_OPEN_CREATE : REQ_OPEN_ATTACH, NULL);
		break;
	case TUI_START_BROWSE:
		tui_open(&t, REQ_OPEN_BROWSE, NULL);
		break;
	default:
		tui_open(&t, REQ_OPEN_HOME, NULL);
		break;
	}
	while (!t.quit && t.depth > 0) {
		job_collect();
		timer_fire(&t);
		if (display_hangup() || display_terminated()) {
			tui_save_drafts(&t);
			status = display_hangup() ? 129 : 143;
			break;
		}
		if (t.redraw)
			tui_draw(&t);
		if (t.quit || t.depth == 0)
			break;
		if (script_active()) {
			int	r = tui_script_turn(&t);

			if (r < 0)
				status = 2;
			if (r <= 0)
				break;
			continue;
		}
		ms = -1;
		if (job_busy()) {
			/* The spinner turns every SPIN_MS, not at each wake:
			 * a list's pages wake the loop many times a frame. */
			now = clock_mono_ms();
			if (now >= spun + SPIN_MS) {
				t.spin++;
				t.redraw = true;
				spun = now;
			}
			ms = (int)(spun + SPIN_MS - now);
		}
		if (timer_next(false, &at)) {
			now = clock_now_ms();
			at = at > now ? at - now : 0;
			if (ms < 0 || (int)at < ms)
				ms = (int)at;
		}
		tui_wait(true, ms);
		tui_read_keys(&t);
	}
	while (t.depth > 0)
		tui_pop(&t);
	job_shutdown();
	display_done();
	script_close();
	return status;
}
