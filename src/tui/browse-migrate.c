/*
 * Browse's migrate form (browse-migrate.h): the plan is the one `akswiz
 * plan new migrate` makes, filled from the legacy compute by the same
 * code (plan_migrate_from_legacy), with the form's choices given.
 */
#include "config.h"
#include "tui/browse-migrate.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/err.h"
#include "common/i18n.h"
#include "core/rules.h"
#include "core/rules-k8s.h"
#include "plan/plan-migrate.h"
#include "tui/browse-actions.h"
#include "tui/display.h"
#include "tui/tui.h"

/* The legacy compute as plan_migrate_from_legacy() reads it. */
static void
migrate_legacy(const struct browse_migrate_legacy *l, struct plan_legacy *pl)
{
	memset(pl, 0, sizeof *pl);
	pl->compute_type = l->type;
	pl->resource_id = l->resource_id;
	pl->lb_type = l->lb;
	pl->ssl_status = l->tls;
	pl->ssl_cname = l->cname;
	pl->ssl_leaf_label = l->leaf;
	pl->purpose = l->purpose;
}

/* The form: the certificate's fields only with a certificate. */
static void
migrate_form(struct browse_migrate *m)
{
	struct form_item	*it;
	int			 focus = m->form.focus;

	widget_form_init(&m->form);
	m->form.focus = focus;
	/* TRANSLATORS: the new Kubernetes compute's name, on browse's
	 * migrate form. */
	it = widget_form_add(&m->form, FORM_FIELD, N_("New name"),
	    FIELD_NEW_NAME);
	it->field = &m->name;
	it = widget_form_add(&m->form, FORM_FIELD, N_("Namespace"),
	    FIELD_NAMESPACE);
	it->field = &m->ns;
	browse_form_add_k8s(&m->form, &m->lb, &m->router, &m->tls);
	browse_form_add_cert(&m->form, &m->cert, &m->key, &m->cname,
	    m->tls == 1);
}

/* The plan of the form as it is; false + err when the legacy compute is
 * not one to migrate. */
static bool
migrate_fill(const struct browse_migrate *m, const struct plan_scope *scope,
    struct plan *p, struct err *err)
{
	struct plan_legacy	l;
	char			def[PLAN_NAME_LEN];

	plan_init(p, PLAN_MIGRATE);
	p->scope = *scope;
	snprintf(p->name, sizeof p->name, "%s", m->legacy.name);
	widget_field_get(&m->name, p->new_name, sizeof p->new_name);
	migrate_default_name(p->name, def, sizeof def);
	if (strcmp(p->new_name, def) == 0)
		p->new_name[0] = '\0';	/* the default, as plan new migrate */
	widget_field_get(&m->ns, p->namespace_, sizeof p->namespace_);
	p->lb_type = m->lb == 1 ? LB_INTERNAL : LB_PUBLIC;
	if (m->router != ROUTER_LOADBALANCER)
		snprintf(p->router_service, sizeof p->router_service, "%s",
		    router_service_name((enum router_service)m->router));
	p->tls.mode = m->tls == 1 ? TLS_CUSTOM : TLS_DISABLED;
	if (p->tls.mode == TLS_CUSTOM) {
		widget_field_get(&m->cert, p->tls.cert_file,
		    sizeof p->tls.cert_file);
		widget_field_get(&m->key, p->tls.key_file,
		    sizeof p->tls.key_file);
		widget_field_get(&m->cname, p->tls.cname, sizeof p->tls.cname);
	}
	migrate_legacy(&m->legacy, &l);
	return plan_migrate_from_legacy(p, &l, true, true, false, err);
}

/* The plan's checks (core), as typed. */
static void
migrate_recheck(struct browse_migrate *m, struct tui *t, struct plan *p)
{
	struct plan_facts	f;
	struct err		err;

	verdicts_init(&m->checks);
	err_clear(&err);
	if (!migrate_fill(m, &t->ctx.scope, p, &err))
		return;
	memset(&f, 0, sizeof f);
	f.cloud = t->ctx.cloud;
	plan_check(p, &f, &m->checks);
}

bool
browse_migrate_begin(struct browse_migrate *m, struct tui *t,
    const struct browse_migrate_legacy *l, const char *workspace)
{
	struct plan_legacy	 pl;
	struct plan		 p;
	struct err		 err;
	char			 def[PLAN_NAME_LEN];

	memset(m, 0, sizeof *m);
	m->legacy = *l;
	snprintf(m->workspace, sizeof m->workspace, "%s", workspace);
	/* The legacy compute's own choices, as plan new migrate keeps them. */
	plan_init(&p, PLAN_MIGRATE);
	snprintf(p.name, sizeof p.name, "%s", l->name);
	migrate_legacy(l, &pl);
	err_clear(&err);
	if (!plan_migrate_from_legacy(&p, &pl, false, false, false, &err)) {
		tui_status(t, STYLE_ERROR, "%s", err.msg);
		return false;
	}
	m->lb = p.lb_type == LB_INTERNAL ? 1 : 0;
	m->router = ROUTER_LOADBALANCER;
	/* No Microsoft certificate on today's path: one of your own. */
	m->microsoft = p.tls.mode == TLS_MICROSOFT;
	m->custom = p.tls.mode == TLS_CUSTOM;
	m->tls = p.tls.mode == TLS_DISABLED ? 0 : 1;
	widget_field_init(&m->name);
	widget_field_init(&m->ns);
	widget_field_init(&m->cert);
	widget_field_init(&m->key);
	widget_field_init(&m->cname);
	m->cert.path = m->key.path = true;
	migrate_default_name(l->name, def, sizeof def);
	widget_field_set(&m->name, def);
	widget_field_set(&m->cname, p.tls.cname);
	migrate_form(m);
	migrate_recheck(m, t, &p);
	return true;
}

bool
browse_migrate_key(struct browse_migrate *m, struct tui *t,
    const struct key_event *ev)
{
	struct plan	p;
	bool		changed = widget_form_key(&m->form, ev);

	migrate_form(m);
	migrate_recheck(m, t, &p);
	return changed;
}

bool
browse_migrate_plan(struct browse_migrate *m, struct tui *t, struct plan *p)
{
	migrate_recheck(m, t, p);
	browse_check_cert(p, &m->checks);
	if (!verdicts_has_errors(&m->checks))
		return true;
	tui_status(t, STYLE_ERROR, "%s", _("The migration would be refused; "
	    "nothing was sent. Change what is shown, or Esc."));
	return false;
}

void
browse_migrate_saved(struct browse_migrate *m, struct tui *t,
    const char *cert, const char *key, const char *note)
{
	struct plan	p;

	snprintf(m->note, sizeof m->note, "%s", note);
	if (cert == NULL || key == NULL)
		return;
	widget_field_set(&m->cert, cert);
	widget_field_set(&m->key, key);
	m->tls = 1;
	migrate_form(m);
	migrate_recheck(m, t, &p);	/* the files' errors gone */
}

int
browse_migrate_draw(struct browse_migrate *m, WINDOW *win, int y, int ymax)
{
	char	text[1024];
	int	x = 2, w = COLS - 4, y0 = y;

	/* TRANSLATORS: "Migrate inf-1 to a Kubernetes compute on the same
	 * AKS cluster:" (today's Azure ML path). */
	snprintf(text, sizeof text, _("Migrate %s to a Kubernetes compute on "
	    "the same AKS cluster:"), m->legacy.name);
	y += display_wrap(win, y, x, w, ymax - y, text,
	    display_attr(STYLE_TITLE)) + 1;
	y += widget_form_draw(&m->form, win, y, x, w, ymax - y - 1,
	    &m->checks, true) + 1;
	if (m->microsoft) {
		/* TRANSLATORS: %s is the legacy compute's name. */
		snprintf(text, sizeof text, _("%s has a Microsoft certificate, "
		    "which today's path does not have: give a certificate of "
		    "your own, or turn TLS off."), m->legacy.name);
		y += display_wrap(win, y, x, w, ymax - y, text,
		    display_attr(STYLE_WARNING)) + 1;
	} else if (m->tls == 1)
		y += display_wrap(win, y, x, w, ymax - y, _("The certificate "
		    "and key files are asked: Azure never gives them back."),
		    display_attr(STYLE_DIM)) + 1;
	if (m->note[0] != '\0')
		y += display_wrap(win, y, x, w, ymax - y, m->note,
		    A_NORMAL) + 1;
	else if (m->custom) {
		/* TRANSLATORS: Ctrl-S is a key; %s the legacy compute. */
		snprintf(text, sizeof text, _("Ctrl-S saves the certificate "
		    "and key of %s from its cluster first, and gives them "
		    "here."), m->legacy.name);
		y += display_wrap(win, y, x, w, ymax - y, text,
		    display_attr(STYLE_KEY)) + 1;
	}
	if (y < ymax)
		display_text(win, y++, x, w, _("Enter reviews the plan; Esc "
		    "cancels."), display_attr(STYLE_WARNING), true);
	return y - y0;
}
