/*
 * Sign in / account: who is signed in (identity, tenant, method, token
 * expiry) and the ways to sign in again: device code (the default; the
 * code is shown large, in a box, so it can be typed on another device),
 * a service principal with a secret (typed in a masked field, never
 * drawn, saved or logged) or a certificate (PEM path, Tab completes),
 * managed identity, the Azure CLI; and sign out.  Every call runs on the
 * worker thread through the hooks cli/ gives (struct tui_signin); the
 * device-code prompt comes back from there under a mutex.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "common/clock.h"
#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "tui/display.h"
#include "tui/job.h"
#include "tui/screens.h"
#include "tui/tui.h"
#include "tui/widget.h"

struct spform;

/* One sign-in on the worker thread; freed by its done() (the screen may be gone). */
struct signin_job {
	struct tui		*tui;
	struct spform		*form;		/* the form it came from, or NULL */
	pthread_mutex_t		 lock;
	bool			 prompted;	/* uri/code arrived (locked) */
	char			 uri[512];
	char			 code[64];
	char			 message[512];
	bool			 abandoned;	/* main thread only */
	atomic_bool		 cancel;	/* Esc: stop the device wait */
	bool			 ok;
	bool			 whoami_ok;
	bool			 signout;
	char			 method[32];
	char			 tenant[64], client_id[64];
	char			 secret[FIELD_MAX * 4];
	char			 certificate[1024];
	struct err		 err;
	struct tui_identity	 id;
	uint64_t		 started;	/* clock_now_ms() */
};

/* The job the device-code screen shows (NULL when none). */
static struct signin_job *signin_current;

static const enum request signin_keys[] = {
	REQ_UP, REQ_DOWN, REQ_ENTER, REQ_BACK, REQ_NONE
};
static const enum request device_keys[] = { REQ_BACK, REQ_NONE };
static const enum request form_keys[] = {
	REQ_NEXT_FIELD, REQ_PREV_FIELD, REQ_ENTER, REQ_BACK, REQ_CHAR, REQ_NONE
};

/* ---- worker side ---- */

/* The device-code prompt, on the worker thread: keep it for the screen. */
static void
signin_prompt(void *ctx, const char *uri, const char *code,
    const char *message)
{
	struct signin_job	*j = ctx;

	pthread_mutex_lock(&j->lock);
	snprintf(j->uri, sizeof j->uri, "%s", uri != NULL ? uri : "");
	snprintf(j->code, sizeof j->code, "%s", code != NULL ? code : "");
	snprintf(j->message, sizeof j->message, "%s", message != NULL ?
	    message : "");
	j->prompted = true;
	pthread_mutex_unlock(&j->lock);
}

/* Why sign-in failed: the message, or its detail when the message is cut. */
static const char *
signin_reason(const struct err *err)
{
	if (strlen(err->msg) + 1 >= sizeof err->msg && err->detail[0] != '\0')
		return err->detail;
	return err->msg[0] != '\0' ? err->msg : _("no reason was given");
}

/* Sign in (or out), then read the account (worker thread). */
static void
signin_run(void *arg)
{
	struct signin_job	*j = arg;
	const struct tui_signin	*h = j->tui->ctx.signin;
	struct tui_signin_req	 r;

	if (j->signout)
		j->ok = h->signout(h->ctx, &j->err);
	else if (j->method[0] != '\0') {
		memset(&r, 0, sizeof r);
		r.method = j->method;
		r.tenant = j->tenant;
		r.client_id = j->client_id;
		r.secret = j->secret;
		r.certificate = j->certificate;
		r.prompt = signin_prompt;
		r.prompt_ctx = j;
		r.cancel = &j->cancel;
		j->ok = h->signin(h->ctx, &r, &j->err);
	} else
		j->ok = true;
	OPENSSL_cleanse(j->secret, sizeof j->secret);
	if (j->ok && !j->signout)
		j->whoami_ok = h->whoami(h->ctx, &j->id, &j->err);
}

/* Put what the job learnt into the context every screen reads. */
static void
signin_apply(struct tui *t, struct signin_job *j)
{
	if (j->signout) {
		t->ctx.identity[0] = '\0';
		memset(&t->ctx.account, 0, sizeof t->ctx.account);
		t->ctx.signed_out = j->ok;
		return;
	}
	if (!j->ok || !j->whoami_ok) {
		if (j->method[0] == '\0') {	/* the first look at start */
			t->ctx.identity[0] = '\0';
			t->ctx.signed_out = true;
		}
		return;
	}
	t->ctx.account = j->id;
	snprintf(t->ctx.identity, sizeof t->ctx.identity, "%.*s",
	    (int)sizeof t->ctx.identity - 1, j->id.user);
	t->ctx.signed_out = false;
	if (t->ctx.arm == NULL && t->ctx.signin->arm != NULL) {
		t->ctx.arm = t->ctx.signin->arm;
		t->ctx.live = true;
	}
}

/* Free a job (main thread). */
static void
signin_job_free(struct signin_job *j)
{
	OPENSSL_cleanse(j->secret, sizeof j->secret);
	pthread_mutex_destroy(&j->lock);
	if (signin_current == j)
		signin_current = NULL;
	free(j);
}

/* A new job for t. */
static struct signin_job *
signin_job_new(struct tui *t)
{
	struct signin_job	*j = xcalloc(1, sizeof *j);

	j->tui = t;
	pthread_mutex_init(&j->lock, NULL);
	atomic_init(&j->cancel, false);
	j->started = clock_now_ms();
	return j;
}

/* True while the device-code screen waits for the user (scripts go on). */
static bool
signin_waits(struct tui *t)
{
	struct signin_job	*j = signin_current;
	bool			 p;

	if (j == NULL)
		return false;
	pthread_mutex_lock(&j->lock);
	p = j->prompted;
	pthread_mutex_unlock(&j->lock);
	if (p)
		t->redraw = true;
	return p;
}

/* ---- home: who is signed in ---- */

/* The start's look: who is signed in, without asking anything. */
static void
signin_whoami_done(void *arg)
{
	struct signin_job	*j = arg;

	signin_apply(j->tui, j);
	j->tui->redraw = true;
	signin_job_free(j);
}

/* Ask who is signed in, on the worker thread; home shows it. */
void
tui_whoami(struct tui *t)
{
	if (t->ctx.signin == NULL)
		return;
	job_start(signin_run, signin_whoami_done, signin_job_new(t));
}

/* ---- the device-code screen ---- */

static bool	spform_failed(struct signin_job *);

/* A finished sign-in: back to home on success, else say why. */
static void
signin_done(void *arg)
{
	struct signin_job	*j = arg;
	struct tui		*t = j->tui;

	if (signin_current == j)
		signin_current = NULL;
	if (t->ctx.job_waits == signin_waits && signin_current == NULL)
		t->ctx.job_waits = NULL;
	/* A form that is still open keeps what was typed and shows why. */
	if (!j->abandoned && spform_failed(j)) {
		t->redraw = true;
		signin_job_free(j);
		return;
	}
	if (!j->abandoned) {
		signin_apply(t, j);
		/* Pop to home (the first screen). */
		while (t->depth > 1)
			tui_pop(t);
		if (j->ok && (j->signout || j->whoami_ok)) {
			if (j->signout)
				tui_status(t, STYLE_OK, "%s",
				    _("Signed out."));
			else
				tui_status(t, STYLE_OK, _("Signed in as %s."),
				    t->ctx.identity);
		} else
			tui_status(t, STYLE_ERROR, _("Sign-in failed: %s"),
			    signin_reason(&j->err));
	}
	t->redraw = true;
	signin_job_free(j);
}

/* Esc: stop waiting; the worker's poll loop sees the cancel and ends. */
static enum reaction
device_request(struct screen *s, const struct key_event *ev)
{
	struct signin_job	*j = s->data;
	struct tui		*t = s->tui;

	if (ev->req != REQ_BACK)
		return ev->req == REQ_CHAR ? REACT_NONE : REACT_UNHANDLED;
	if (j != NULL) {
		j->abandoned = true;
		/* The worker stops polling too, so later jobs need not wait. */
		atomic_store(&j->cancel, true);
	}
	s->data = NULL;
	tui_pop(t);		/* frees s */
	tui_status(t, STYLE_WARNING, "%s",
	    _("Sign-in cancelled: the code is no longer waited for."));
	return REACT_REDRAW;
}

/* Draw text centred on row y. */
static void
device_center(WINDOW *win, int y, const char *text, int attr)
{
	int	w = display_width(text);
	int	x = w < COLS ? (COLS - w) / 2 : 0;

	display_text(win, y, x, COLS - x, text, attr, true);
}

/* The verification address and the code, large and centred. */
static void
device_draw(struct screen *s, WINDOW *win)
{
	struct signin_job	*j = s->data;
	char			 uri[512], code[64], msg[512];
	char			 spaced[200], line[512], box[1024];
	bool			 p, utf8;
	size_t			 i, n = 0;
	int			 y = 3, w, x, secs, row;

	tui_draw_frame(s->tui, win, _("Sign in with a device code"), NULL);
	if (j == NULL)
		return;
	pthread_mutex_lock(&j->lock);
	p = j->prompted;
	snprintf(uri, sizeof uri, "%s", j->uri);
	snprintf(code, sizeof code, "%s", j->code);
	snprintf(msg, sizeof msg, "%s", j->message);
	pthread_mutex_unlock(&j->lock);
	if (!p) {
		snprintf(line, sizeof line, "%s %s", tui_spinner(s->tui),
		    _("Asking for a code…"));
		display_text(win, y, 2, COLS - 4, line, A_NORMAL, true);
		tui_draw_hints(win, _("Esc cancel"));
		return;
	}
	y += display_wrap(win, y, 2, COLS - 4, 3, _("On any device, open "
	    "this address and enter the code:"), A_NORMAL);
	y++;
	device_center(win, y++, uri, display_attr(STYLE_KEY) | A_BOLD);
	y++;
	/* The code letter-spaced in a box. */
	for (i = 0; code[i] != '\0' && n + 3 < sizeof spaced; i++) {
		if (i > 0)
			spaced[n++] = ' ';
		spaced[n++] = code[i];
	}
	spaced[n] = '\0';
	/* Line drawing from the glyphs, so ASCII where the locale is not UTF-8. */
	utf8 = strcmp(glyph->hline, "-") != 0;
	w = display_width(spaced) + 6;
	x = w < COLS ? (COLS - w) / 2 : 0;
	for (row = 0; row < 3; row++) {
		box[0] = '\0';
		strcat(box, row == 0 ? (utf8 ? "\u250c" : "+") : row == 2 ?
		    (utf8 ? "\u2514" : "+") : (utf8 ? "\u2502" : "|"));
		for (i = 0; i < (size_t)w - 2 && strlen(box) + 8 < sizeof box;
		    i++)
			strcat(box, row == 1 ? " " : glyph->hline);
		strcat(box, row == 0 ? (utf8 ? "\u2510" : "+") : row == 2 ?
		    (utf8 ? "\u2518" : "+") : (utf8 ? "\u2502" : "|"));
		display_text(win, y + row, x, w, box, A_NORMAL, false);
	}
	display_text(win, y + 1, x + 3, w - 6, spaced,
	    display_attr(STYLE_TITLE) | A_BOLD, false);
	y += 4;
	if (msg[0] != '\0')
		y += display_wrap(win, y, 2, COLS - 4, 3, msg,
		    display_attr(STYLE_DIM)) + 1;
	secs = (int)((clock_now_ms() - j->started) / 1000);
	snprintf(line, sizeof line, _("%s Waiting for the sign-in to be "
	    "approved (%d:%02d)…"), tui_spinner(s->tui), secs / 60, secs % 60);
	display_text(win, y, 2, COLS - 4, line, A_NORMAL, true);
	tui_draw_hints(win, _("Esc cancel the sign-in"));
}

/* The prompt for tests (never a secret: a device code is none). */
static void
device_save_state(struct screen *s, FILE *fp)
{
	struct signin_job	*j = s->data;

	if (j == NULL)
		return;
	pthread_mutex_lock(&j->lock);
	fprintf(fp, "uri: %s\ncode: %s\n", j->uri, j->code);
	pthread_mutex_unlock(&j->lock);
}

/* Nothing to free: the job frees itself. */
static void
device_free(struct screen *s)
{
	struct signin_job	*j = s->data;

	if (j != NULL)
		j->abandoned = true;
}

static const struct screen_ops device_ops = {
	"signin-device", NULL, NULL, device_request, device_draw, device_free,
	device_save_state, NULL, NULL, device_keys
};

/* Start a sign-in job; with a device code, show its screen. */
static void
signin_start(struct tui *t, struct signin_job *j)
{
	if (strcmp(j->method, "device-code") == 0) {
		signin_current = j;
		t->ctx.job_waits = signin_waits;
		tui_push(t, &device_ops, j);
	} else
		tui_status(t, STYLE_NORMAL, "%s", _("Signing in…"));
	job_start(signin_run, signin_done, j);
}

/* ---- the service principal form ---- */

enum { F_TENANT, F_CLIENT, F_CREDENTIAL, F__COUNT };

struct spform {
	bool			 certificate;	/* else a secret */
	struct widget_field	 f[F__COUNT];
	int			 focus;
	struct signin_job	*pending;	/* the sign-in under way */
	char			 error[512];	/* why the last one failed */
};

/*
 * A sign-in from the form failed: the form stays, with the tenant, the
 * client ID and the certificate path as typed, and the whole reason.  A
 * typed secret is wiped (it may be what was wrong, and it should not stay
 * in memory longer than one try); the focus goes to it.  False when the
 * sign-in succeeded or its form is gone.
 */
static bool
spform_failed(struct signin_job *j)
{
	struct spform	*p = j->form;

	if (p == NULL)
		return false;
	p->pending = NULL;
	j->form = NULL;
	if (j->ok && j->whoami_ok)
		return false;
	snprintf(p->error, sizeof p->error, "%s", signin_reason(&j->err));
	if (!p->certificate) {
		OPENSSL_cleanse(p->f[F_CREDENTIAL].text,
		    sizeof p->f[F_CREDENTIAL].text);
		widget_field_init(&p->f[F_CREDENTIAL]);
		p->focus = F_CREDENTIAL;
	}
	tui_status(j->tui, STYLE_ERROR, "%s", _("Sign-in failed: the reason "
	    "is under the form."));
	return true;
}

/* Edit, move, submit. */
static enum reaction
spform_request(struct screen *s, const struct key_event *ev)
{
	struct spform		*p = s->data;
	struct signin_job	*j;
	struct tui		*t = s->tui;

	switch (ev->req) {
	case REQ_BACK:
		tui_pop(t);
		return REACT_REDRAW;
	case REQ_NEXT_FIELD:
		if (p->certificate && p->focus == F_CREDENTIAL &&
		    widget_field_complete(&p->f[p->focus]))
			return REACT_REDRAW;
		p->focus = (p->focus + 1) % F__COUNT;
		return REACT_REDRAW;
	case REQ_PREV_FIELD:
	case REQ_UP:
		p->focus = (p->focus + F__COUNT - 1) % F__COUNT;
		return REACT_REDRAW;
	case REQ_DOWN:
		p->focus = (p->focus + 1) % F__COUNT;
		return REACT_REDRAW;
	case REQ_ENTER:
		if (p->pending != NULL || job_busy()) {
			tui_status(t, STYLE_WARNING, "%s", _("Wait for the "
			    "request under way to finish."));
			return REACT_REDRAW;
		}
		j = signin_job_new(t);
		snprintf(j->method, sizeof j->method, "%s", p->certificate ?
		    "certificate" : "secret");
		widget_field_get(&p->f[F_TENANT], j->tenant, sizeof j->tenant);
		widget_field_get(&p->f[F_CLIENT], j->client_id,
		    sizeof j->client_id);
		if (p->certificate)
			widget_field_get(&p->f[F_CREDENTIAL], j->certificate,
			    sizeof j->certificate);
		else
			widget_field_get(&p->f[F_CREDENTIAL], j->secret,
			    sizeof j->secret);
		if (j->tenant[0] == '\0' || j->client_id[0] == '\0' ||
		    (p->certificate ? j->certificate[0] : j->secret[0]) ==
		    '\0') {
			signin_job_free(j);
			tui_status(t, STYLE_ERROR, "%s", _("Fill in every "
			    "field first."));
			return REACT_REDRAW;
		}
		j->form = p;
		p->pending = j;
		p->error[0] = '\0';
		signin_start(t, j);
		return REACT_REDRAW;
	default:
		if (keys_is_text(&ev->key) || ev->req == REQ_BACKSPACE ||
		    ev->req == REQ_DELETE || ev->req == REQ_LEFT ||
		    ev->req == REQ_RIGHT || ev->req == REQ_HOME ||
		    ev->req == REQ_END || ev->req == REQ_KILL_LINE ||
		    ev->req == REQ_CHAR) {
			struct key_event e = *ev;

			if (keys_is_text(&ev->key))
				e.req = REQ_CHAR;
			return widget_field_key(&p->f[p->focus], &e) ?
			    REACT_REDRAW : REACT_NONE;
		}
		return REACT_UNHANDLED;
	}
}

/*
 * The form.  The secret's field is as wide as the others and shows the
 * same eight stars whatever was typed, so that its length is not shown.
 */
static void
spform_draw(struct screen *s, WINDOW *win)
{
	struct spform		*p = s->data;
	const char		*labels[F__COUNT];
	struct widget_field	 mask;
	size_t			 i;
	int			 y = 3, lw = 0, rows;
	int			 gap = LINES < 24 ? 1 : 2;	/* 60x20 */

	labels[F_TENANT] = _("Tenant");
	labels[F_CLIENT] = _("Client ID");
	labels[F_CREDENTIAL] = p->certificate ? _("Certificate (PEM)") :
	    _("Client secret");
	tui_draw_frame(s->tui, win, p->certificate ?
	    _("Sign in with a service principal and a certificate") :
	    _("Sign in with a service principal and a secret"), NULL);
	for (i = 0; i < F__COUNT; i++)
		if (display_width(labels[i]) > lw)
			lw = display_width(labels[i]);
	for (i = 0; i < F__COUNT; i++, y += gap) {
		display_text(win, y, 2, lw, labels[i], A_NORMAL, true);
		if (i == F_CREDENTIAL && !p->certificate) {
			widget_field_init(&mask);
			widget_field_set(&mask, p->f[i].len > 0 ? "********" :
			    "");
			widget_field_draw(&mask, win, y, 4 + lw,
			    COLS - 6 - lw, p->focus == (int)i);
		} else
			widget_field_draw(&p->f[i], win, y, 4 + lw,
			    COLS - 6 - lw, p->focus == (int)i);
	}
	y += display_wrap(win, y, 2, COLS - 4, 2, p->certificate ?
	    _("The certificate file holds the certificate and its private "
	    "key.") : _("The secret is never shown, saved or logged."),
	    display_attr(STYLE_DIM)) + 1;
	if (p->pending != NULL) {
		char	line[256];

		snprintf(line, sizeof line, "%s %s", tui_spinner(s->tui),
		    _("Signing in…"));
		display_text(win, y, 2, COLS - 4, line, A_NORMAL, true);
	} else if (p->error[0] != '\0' && y < LINES - 3) {
		char	text[640];

		/* The whole reason, wrapped, with what to do next. */
		snprintf(text, sizeof text, _("Sign-in failed: %s"),
		    p->error);
		display_text(win, y, 2, 2, glyph->error,
		    display_attr(STYLE_ERROR), false);
		rows = display_wrap(win, y, 4, COLS - 6, LINES - 3 - y, text,
		    display_attr(STYLE_ERROR));
		y += rows + 1;
		if (y < LINES - 3)
			display_wrap(win, y, 4, COLS - 6, LINES - 3 - y,
			    p->certificate ? _("Correct what is wrong and "
			    "press Enter to try again.") : _("Type the "
			    "secret again (it was cleared), correct what is "
			    "wrong and press Enter to try again."),
			    display_attr(STYLE_DIM));
	}
	tui_draw_hints(win, p->certificate ?
	    _("Tab next field / complete  Enter sign in  Esc back") :
	    _("Tab next field  Enter sign in  Esc back"));
}

/* Which field has the focus (never the secret). */
static void
spform_save_state(struct screen *s, FILE *fp)
{
	struct spform	*p = s->data;
	char		 buf[FIELD_MAX * 4];

	fprintf(fp, "focus: %d\n", p->focus);
	widget_field_get(&p->f[F_TENANT], buf, sizeof buf);
	fprintf(fp, "tenant: %s\n", buf);
	widget_field_get(&p->f[F_CLIENT], buf, sizeof buf);
	fprintf(fp, "client-id: %s\n", buf);
	if (p->certificate) {
		widget_field_get(&p->f[F_CREDENTIAL], buf, sizeof buf);
		fprintf(fp, "certificate: %s\n", buf);
	} else
		fprintf(fp, "secret: %s\n", p->f[F_CREDENTIAL].len > 0 ?
		    "typed" : "empty");
	fprintf(fp, "error: %s\n", p->error);
}

/* Wipe the typed secret. */
static void
spform_free(struct screen *s)
{
	struct spform	*p = s->data;

	if (p->pending != NULL)		/* its end finds no form */
		p->pending->form = NULL;
	OPENSSL_cleanse(p, sizeof *p);
	free(p);
}

static const struct screen_ops spform_ops = {
	"signin-sp", NULL, NULL, spform_request, spform_draw, spform_free,
	spform_save_state, NULL, NULL, form_keys
};

/* Open the service principal form. */
static void
spform_push(struct tui *t, bool certificate)
{
	struct spform	*p = xcalloc(1, sizeof *p);
	const char	*e;
	int		 i;

	for (i = 0; i < F__COUNT; i++)
		widget_field_init(&p->f[i]);
	p->certificate = certificate;
	p->f[F_CREDENTIAL].path = certificate;
	if (t->ctx.account.tenant[0] != '\0')
		widget_field_set(&p->f[F_TENANT], t->ctx.account.tenant);
	else if ((e = getenv("AZURE_TENANT_ID")) != NULL)
		widget_field_set(&p->f[F_TENANT], e);
	tui_push(t, &spform_ops, p);
}

/* ---- the account screen ---- */

struct signin_menu {
	struct widget_list	menu;
};

/* Open the chosen method. */
static enum reaction
signin_request(struct screen *s, const struct key_event *ev)
{
	struct signin_menu	*m = s->data;
	struct signin_job	*j;
	const char		*key;

	switch (ev->req) {
	case REQ_BACK:
		tui_pop(s->tui);
		return REACT_REDRAW;
	case REQ_ENTER:
		if ((key = widget_list_selected(&m->menu)) == NULL)
			return REACT_NONE;
		if (strcmp(key, "secret") == 0 ||
		    strcmp(key, "certificate") == 0) {
			spform_push(s->tui, strcmp(key, "certificate") == 0);
			return REACT_REDRAW;
		}
		if (job_busy()) {
			tui_status(s->tui, STYLE_WARNING, "%s", _("Wait for "
			    "the request under way to finish."));
			return REACT_REDRAW;
		}
		j = signin_job_new(s->tui);
		if (strcmp(key, "signout") == 0)
			j->signout = true;
		else
			snprintf(j->method, sizeof j->method, "%s", key);
		signin_start(s->tui, j);
		return REACT_REDRAW;
	case REQ_CHAR:
		return REACT_NONE;
	default:
		return widget_list_key(&m->menu, ev, 6) ? REACT_REDRAW :
		    REACT_UNHANDLED;
	}
}

/* The account, then the methods. */
static void
signin_draw(struct screen *s, WINDOW *win)
{
	struct signin_menu	*m = s->data;
	const struct tui_context *c = &s->tui->ctx;
	char			 line[512], when[64];
	int			 y = 3;

	tui_draw_frame(s->tui, win, _("Sign in / account"), NULL);
	if (c->identity[0] != '\0') {
		time_t		e = (time_t)c->account.expires;
		struct tm	tm;

		snprintf(line, sizeof line, _("Signed in as %s"), c->identity);
		display_text(win, y++, 2, COLS - 4, line, A_BOLD, true);
		snprintf(line, sizeof line, _("Tenant: %s"),
		    c->account.tenant);
		display_text(win, y++, 4, COLS - 6, line, A_NORMAL, true);
		snprintf(line, sizeof line, _("Method: %s"),
		    c->account.method);
		display_text(win, y++, 4, COLS - 6, line, A_NORMAL, true);
		if (c->scope.subscription[0] != '\0') {
			snprintf(line, sizeof line, _("Subscription: %s"),
			    c->scope.subscription);
			display_text(win, y++, 4, COLS - 6, line, A_NORMAL,
			    true);
		}
		gmtime_r(&e, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
		snprintf(line, sizeof line, _("Token valid until %s"), when);
		display_text(win, y++, 4, COLS - 6, line, A_NORMAL, true);
	} else
		display_text(win, y++, 2, COLS - 4, _("Not signed in."),
		    A_BOLD, true);
	y++;
	display_text(win, y++, 2, COLS - 4, _("Sign in with:"), A_NORMAL,
	    true);
	widget_list_draw(&m->menu, win, y, 2, (int)m->menu.n, COLS - 4, true);
	tui_draw_hints(win, _("Up/Down choose  Enter open  Esc back"));
}

/* The menu and the account for tests. */
static void
signin_save_state(struct screen *s, FILE *fp)
{
	struct signin_menu	*m = s->data;

	fprintf(fp, "selected: %s\nidentity: %s\n",
	    widget_list_selected(&m->menu) != NULL ?
	    widget_list_selected(&m->menu) : "", s->tui->ctx.identity);
}

/* Free the menu. */
static void
signin_free(struct screen *s)
{
	struct signin_menu	*m = s->data;

	widget_list_done(&m->menu);
	free(m);
}

static const struct screen_ops signin_ops = {
	"signin", NULL, NULL, signin_request, signin_draw, signin_free,
	signin_save_state, NULL, NULL, signin_keys
};

/* Open the account screen. */
void
screen_signin_open(struct tui *t, const struct open_request *o)
{
	struct signin_menu	*m = xcalloc(1, sizeof *m);

	(void)o;
	widget_list_init(&m->menu);
	widget_list_add(&m->menu, "device-code", _("Device code (a browser "
	    "on any device)"), false);
	widget_list_add(&m->menu, "secret", _("Service principal with a "
	    "secret"), false);
	widget_list_add(&m->menu, "certificate", _("Service principal with "
	    "a certificate"), false);
	widget_list_add(&m->menu, "managed-identity", _("Managed identity "
	    "(on an Azure VM)"), false);
	widget_list_add(&m->menu, "azure-cli", _("Azure CLI (az login)"),
	    false);
	if (t->ctx.identity[0] != '\0')
		widget_list_add(&m->menu, "signout", _("Sign out"), false);
	tui_push(t, &signin_ops, m);
}
