/*
 * A compute's TLS certificate and key saved from its cluster to two
 * files, inside a screen (tls-save.h).
 */
#include "config.h"
#include "tui/tls-save.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "azure/http.h"
#include "azure/kube.h"
#include "common/err.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/plan.h"
#include "core/rules.h"
#include "tui/display.h"
#include "tui/job.h"
#include "tui/tui.h"

/* The job's own copies: the screen may go while it runs. */
struct tls_save_job {
	struct arm		*arm;
	struct tls_save		*ts;		/* NULL once cancelled */
	struct tui		*tui;
	bool			 ok;
	struct err		 err;
	struct plan_scope	 scope;
	char			 name[64];
	char			 cert[1024];
	char			 key[1024];
};

void
tls_save_open(struct tls_save *ts, const char *name, tls_save_done_fn done,
    void *owner)
{
	struct form_item	*it;
	char			 path[256];

	tls_save_cancel(ts);
	snprintf(ts->name, sizeof ts->name, "%s", name);
	ts->done = done;
	ts->owner = owner;
	widget_field_init(&ts->cert);
	widget_field_init(&ts->key);
	ts->cert.path = ts->key.path = true;
	snprintf(path, sizeof path, "./%s-cert.pem", name);
	widget_field_set(&ts->cert, path);
	snprintf(path, sizeof path, "./%s-key.pem", name);
	widget_field_set(&ts->key, path);
	widget_form_init(&ts->form);
	it = widget_form_add(&ts->form, FORM_FIELD, N_("Certificate"),
	    FIELD_TLS_CERT_FILE);
	it->field = &ts->cert;
	it = widget_form_add(&ts->form, FORM_FIELD, N_("Key"),
	    FIELD_TLS_KEY_FILE);
	it->field = &ts->key;
	ts->form.focus = 0;
}

/* Job: the cluster's TLS secret into the two files (azure/kube). */
static void
tls_save_run(void *arg)
{
	struct tls_save_job	*j = arg;
	struct http_config	 hc;

	memset(&hc, 0, sizeof hc);
	err_clear(&j->err);
	j->ok = kube_save_compute_tls(j->arm, &hc, j->scope.subscription,
	    j->scope.resource_group, j->scope.workspace, j->name, j->cert,
	    j->key, &j->err);
}

/* The save finished: say where the files are, or why not. */
static void
tls_save_finished(void *arg)
{
	struct tls_save_job	*j = arg;
	struct tls_save		*ts = j->ts;

	if (ts == NULL) {
		free(j);
		return;
	}
	ts->job = NULL;
	ts->failed = !j->ok;
	if (j->ok)
		snprintf(ts->note, sizeof ts->note, _("Saved the certificate "
		    "to %s and the key to %s (mode 0600)."), j->cert, j->key);
	else
		snprintf(ts->note, sizeof ts->note, _("Could not save the "
		    "certificate and key: %s"), j->err.msg);
	if (ts->done != NULL)
		ts->done(ts->owner, j->ok, j->cert, j->key);
	j->tui->redraw = true;
	free(j);
}

bool
tls_save_start(struct tls_save *ts, struct tui *t)
{
	struct tls_save_job	*j;

	if (ts->job != NULL || t->ctx.arm == NULL)
		return false;
	j = xcalloc(1, sizeof *j);
	j->arm = t->ctx.arm;
	j->ts = ts;
	j->tui = t;
	j->scope = t->ctx.scope;
	snprintf(j->name, sizeof j->name, "%s", ts->name);
	widget_field_get(&ts->cert, j->cert, sizeof j->cert);
	widget_field_get(&ts->key, j->key, sizeof j->key);
	if (j->cert[0] == '\0' || j->key[0] == '\0') {
		free(j);
		tui_status(t, STYLE_ERROR, _("Give both paths."));
		return false;
	}
	ts->job = j;
	ts->note[0] = '\0';
	job_start(tls_save_run, tls_save_finished, j);
	return true;
}

bool
tls_save_busy(const struct tls_save *ts)
{
	return ts->job != NULL;
}

bool
tls_save_key(struct tls_save *ts, const struct key_event *ev)
{
	if (ts->job != NULL)
		return false;
	return widget_form_key(&ts->form, ev);
}

int
tls_save_draw(struct tls_save *ts, struct tui *t, WINDOW *win, int y,
    int ymax)
{
	char	text[1024];
	int	x = 2, w = COLS - 4, y0 = y;

	snprintf(text, sizeof text, _("Save the TLS certificate and key of %s "
	    "(from the cluster's secret azuremlfessl) to:"), ts->name);
	y += display_wrap(win, y, x, w, ymax - y, text,
	    display_attr(STYLE_TITLE)) + 1;
	y += widget_form_draw(&ts->form, win, y, x, w, ymax - y - 1, NULL,
	    false) + 1;
	if (y >= ymax)
		return y - y0;
	if (ts->job != NULL) {
		snprintf(text, sizeof text, _("Reading the secret from the "
		    "cluster... %s"), tui_spinner(t));
		display_text(win, y++, x, w, text, display_attr(STYLE_DIM),
		    true);
	} else
		display_text(win, y++, x, w, _("Enter saves (mode 0600); Esc "
		    "goes back."), display_attr(STYLE_WARNING), true);
	return y - y0;
}

void
tls_save_cancel(struct tls_save *ts)
{
	if (ts->job != NULL)
		ts->job->ts = NULL;
	ts->job = NULL;
}
