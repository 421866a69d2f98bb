/*
 * Review: the whole plan on one screen with every verdict that remains,
 * and what to do with it: submit, save it, see it as the az command, the
 * Python snippet or the ARM request, or go back to any step (a row per
 * step; Enter on it goes there and the wizard keeps everything).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/i18n.h"
#include "common/xalloc.h"
#include "core/ids.h"
#include "core/rules-change.h"
#include "plan/plan-export.h"
#include "plan/plan-json.h"
#include "plan/plan-migrate.h"
#include "tui/display.h"
#include "tui/live.h"
#include "tui/screens.h"
#include "tui/tui.h"
#include "tui/wizard.h"

struct review {
	struct wizard		*w;		/* (borrowed) below us */
	/*
	 * A plan made elsewhere (browse's actions): w is the review's own,
	 * with no steps, holding a copy of the plan, which no widget
	 * rewrites; its rows say what the plan does.
	 */
	bool			 own;
	struct widget_list	 rows;
	struct verdicts		 v;
	bool			 saving;	/* the save-as field is open */
	struct widget_field	 path;
};

/* The fewest rows of actions and steps shown, scrolling, on a short screen. */
#define REVIEW_MIN_ROWS	4

static const enum request review_keys[] = {
	REQ_UP, REQ_DOWN, REQ_ENTER, REQ_BACK, REQ_SAVE, REQ_NONE
};

/* One line per step: its title and what was chosen. */
static void
review_step_value(struct review *r, enum wizard_step s, char *buf,
    size_t len)
{
	const struct plan	*p = &r->w->plan;
	const struct wizard_size *sz = NULL;
	size_t			 i;

	switch (s) {
	case STEP_TYPE:
		snprintf(buf, len, "%s", p->type == COMPUTE_KUBERNETES ?
		    _("Kubernetes") : _("AKS (legacy, retired)"));
		break;
	case STEP_AKS:
		if (p->op == PLAN_ATTACH) {
			/* TRANSLATORS: the namespace of an attached cluster. */
			snprintf(buf, len, _("namespace %s"),
			    plan_namespace(p));
			break;
		}
		/* TRANSLATORS: the AKS cluster, its group, the namespace. */
		snprintf(buf, len, _("%s, group %s, namespace %s"),
		    plan_cluster_name(p), plan_cluster_group(p),
		    plan_namespace(p));
		break;
	case STEP_CLUSTER:
	{
		struct aks_id		id;
		struct verdicts		scratch;

		verdicts_init(&scratch);
		if (aks_id_parse(p->cluster_id, &id, FIELD_CLUSTER_ID,
		    &scratch))
			snprintf(buf, len, _("%s (resource group %s)"),
			    id.name, id.resource_group);
		else
			snprintf(buf, len, "%s", p->cluster_id);
		break;
	}
	case STEP_NAME:
		snprintf(buf, len, "%s", p->name);
		break;
	case STEP_PURPOSE:
		snprintf(buf, len, "%s", p->purpose == PURPOSE_DEVTEST ?
		    _("Dev-test") : _("Production"));
		break;
	case STEP_SIZE:
		for (i = 0; i < r->w->facts.nsizes; i++)
			if (strcmp(r->w->facts.sizes[i].name, p->vm_size) == 0)
				sz = &r->w->facts.sizes[i];
		if (sz != NULL)
			snprintf(buf, len, _("%d %s %s (%d vCPU in total)%s%s"),
			    p->node_count, glyph->times, p->vm_size,
			    p->node_count * sz->vcpus, p->location[0] != '\0'
			    ? _(", in ") : "", p->location);
		else
			snprintf(buf, len, "%d %s %s", p->node_count,
			    glyph->times, p->vm_size);
		break;
	case STEP_NETWORK:
		if (plan_vnet_is_empty(&p->vnet))
			snprintf(buf, len, "%s", _("Basic (Azure creates it)"));
		else if (p->type == COMPUTE_KUBERNETES)
			snprintf(buf, len, "%s/%s/%s, %s, %s",
			    p->vnet.resource_group, p->vnet.vnet,
			    p->vnet.subnet, p->vnet.service_cidr,
			    p->vnet.dns_service_ip);
		else
			snprintf(buf, len, "%s/%s/%s, %s, %s, %s",
			    p->vnet.resource_group, p->vnet.vnet,
			    p->vnet.subnet, p->vnet.service_cidr,
			    p->vnet.dns_service_ip,
			    p->vnet.docker_bridge_cidr);
		break;
	case STEP_LB:
		if (p->type == COMPUTE_KUBERNETES)
			/* TRANSLATORS: "Public IP, router LoadBalancer". */
			snprintf(buf, len, _("%s, router %s"),
			    p->lb_type == LB_INTERNAL ? _("Internal") :
			    _("Public IP"), plan_router_service(p));
		else if (p->lb_type == LB_INTERNAL)
			snprintf(buf, len, _("Internal, subnet %s"),
			    p->lb_subnet);
		else
			snprintf(buf, len, "%s", _("Public IP"));
		break;
	case STEP_TLS:
		switch (p->tls.mode) {
		case TLS_MICROSOFT:
			snprintf(buf, len, _("Microsoft certificate, label %s"),
			    p->tls.leaf_label);
			break;
		case TLS_CUSTOM:
			snprintf(buf, len, _("Custom: %s, %s, CNAME %s"),
			    p->tls.cert_file, p->tls.key_file, p->tls.cname);
			break;
		default:
			snprintf(buf, len, "%s", _("Disabled"));
			break;
		}
		break;
	default:
		buf[0] = '\0';
	}
}

/* "Label   value", the label padded to pad cells, as a dim row. */
static void
review_add_line(struct review *r, const char *key, const char *label,
    const char *value, int pad)
{
	char	line[1024];

	line[0] = '\0';
	display_cat(line, sizeof line, label, pad);
	display_cat(line, sizeof line, " ", 0);
	display_cat(line, sizeof line, value, 0);
	widget_list_add(&r->rows, key, line, true);
}

/* A change of an online endpoint (the endpoints screen's): what it does. */
static void
review_change_rows(struct review *r, const struct plan *p)
{
	const struct deploy_scale	*sc = &p->deployment.scale;
	char				 value[800];

	/* TRANSLATORS: review rows of a change of an online endpoint. */
	review_add_line(r, "info:endpoint", _("Online endpoint"),
	    p->endpoint_name, 18);
	if (p->deployment.name[0] != '\0')
		review_add_line(r, "info:deployment", _("Deployment"),
		    p->deployment.name, 18);
	if (p->op == PLAN_UPDATE_DEPLOYMENT) {
		if (sc->autoscale)
			snprintf(value, sizeof value, _("autoscale, %ld to %ld "
			    "instances"), sc->min_instances, sc->max_instances);
		else
			snprintf(value, sizeof value, "%ld", sc->instances);
		review_add_line(r, "info:instances", _("Instances"), value,
		    18);
	}
	if (p->op == PLAN_SET_TRAFFIC) {
		change_traffic_text(&p->traffic, value, sizeof value);
		review_add_line(r, "info:traffic", _("Traffic"), value, 18);
	}
	if (p->op == PLAN_DELETE_ENDPOINT)
		review_add_line(r, "info:fate", _("Its deployments"),
		    _("DELETED with it"), 18);
}

/* The rows of a deploy: the endpoint, the deployment and what it runs. */
static void
review_deploy_rows(struct review *r)
{
	const struct plan		*p = &r->w->plan;
	const struct plan_deployment	*d = &p->deployment;
	char				 value[2 * PLAN_TEXT_LEN + 64];

	/* TRANSLATORS: the review of a deploy: "my-ep (auth key)". */
	snprintf(value, sizeof value, _("%s (auth %s)"), p->endpoint_name,
	    p->auth_mode[0] != '\0' ? p->auth_mode : "?");
	review_add_line(r, "info:endpoint", _("Endpoint"), value, 18);
	review_add_line(r, "info:deployment", _("Deployment"), d->name, 18);
	review_add_line(r, "info:model", _("Model"), d->model, 18);
	if (d->code_path[0] != '\0') {
		snprintf(value, sizeof value, "%s/%s", d->code_path,
		    d->scoring_script);
		review_add_line(r, "info:code", _("Scoring script"), value,
		    18);
	} else if (d->code[0] != '\0') {
		/* TRANSLATORS: a registered code version and its scoring
		 * script: "score:2, score.py". */
		snprintf(value, sizeof value, _("%s, %s"), d->code,
		    d->scoring_script);
		review_add_line(r, "info:code", _("Scoring script"), value,
		    18);
	}
	if (d->image[0] != '\0')
		/* TRANSLATORS: an image and its conda file. */
		snprintf(value, sizeof value, _("image %s, conda %s"),
		    d->image, d->conda_file[0] != '\0' ? d->conda_file : "-");
	else
		snprintf(value, sizeof value, "%s", d->environment);
	review_add_line(r, "info:environment", _("Environment"), value, 18);
	/* TRANSLATORS: a deployment's requests; "-" where not given. */
	snprintf(value, sizeof value, _("CPU %s, memory %s"), d->cpu[0] !=
	    '\0' ? d->cpu : "-", d->memory[0] != '\0' ? d->memory : "-");
	if (d->cpu[0] == '\0' && d->memory[0] == '\0' &&
	    d->instance_type[0] == '\0')
		/* TRANSLATORS: a deployment's requests when none is given. */
		snprintf(value, sizeof value, "%s", _("those of the compute's "
		    "default instance type"));
	if (d->instance_type[0] != '\0') {
		display_cat(value, sizeof value, ", ", 0);
		display_cat(value, sizeof value, d->instance_type, 0);
	}
	review_add_line(r, "info:resources", _("Resources"), value, 18);
	if (d->scale.autoscale)
		/* TRANSLATORS: autoscale's minimum and maximum instances. */
		snprintf(value, sizeof value, _("autoscale, %ld to %ld "
		    "instances"), d->scale.min_instances,
		    d->scale.max_instances);
	else
		snprintf(value, sizeof value, P_("%ld instance", "%ld "
		    "instances", (unsigned long)(d->scale.instances > 0 ?
		    d->scale.instances : 1)), d->scale.instances > 0 ?
		    d->scale.instances : 1L);
	review_add_line(r, "info:scale", _("Scale"), value, 18);
}

/* The rows of a plan made elsewhere: what it acts on and what it does. */
static void
review_plan_rows(struct review *r)
{
	const struct plan	*p = &r->w->plan;
	char			 value[800];

	review_add_line(r, "info:name", _("Compute name"), p->name, 18);
	if (p->op == PLAN_DEPLOY) {
		review_deploy_rows(r);
		return;
	}
	if (p->cluster_id[0] != '\0') {
		struct aks_id		id;
		struct verdicts		scratch;

		verdicts_init(&scratch);
		if (aks_id_parse(p->cluster_id, &id, FIELD_CLUSTER_ID,
		    &scratch))
			snprintf(value, sizeof value, _("%s (resource group "
			    "%s)"), id.name, id.resource_group);
		else
			snprintf(value, sizeof value, "%s", p->cluster_id);
		review_add_line(r, "info:cluster", _("AKS cluster"), value,
		    18);
	}
	if (p->op == PLAN_SCALE) {
		/* TRANSLATORS: the review of a scale: "nodepool1: 5 nodes
		 * of Standard_D4s_v3". */
		snprintf(value, sizeof value, p->node_count == 1 ?
		    /* TRANSLATORS: the same, for one node. */
		    _("%s: %d node of %s") : _("%s: %d nodes of %s"),
		    p->nodepool, p->node_count, p->vm_size);
		review_add_line(r, "info:pool", _("Node pool"), value, 18);
	}
	if (p->op == PLAN_MIGRATE) {
		plan_migrate_new_name(p, value, sizeof value);
		/* TRANSLATORS: the review of a migration: the Kubernetes
		 * compute it makes. */
		review_add_line(r, "info:new-name", _("New name"), value, 18);
		review_add_line(r, "info:namespace", _("Namespace"),
		    p->namespace_[0] != '\0' ? p->namespace_ : "default", 18);
	}
	if (p->op == PLAN_UPDATE || p->op == PLAN_MIGRATE) {
		snprintf(value, sizeof value, "%s", p->lb_type == LB_INTERNAL ?
		    _("Internal") : _("Public IP"));
		review_add_line(r, "info:lb", _("Load balancer"), value, 18);
		if (p->router_service[0] != '\0')
			review_add_line(r, "info:router", _("Router service"),
			    p->router_service, 18);
		if (p->tls.mode == TLS_CUSTOM)
			snprintf(value, sizeof value, _("Custom: %s, %s, CNAME "
			    "%s"), p->tls.cert_file, p->tls.key_file,
			    p->tls.cname);
		else
			snprintf(value, sizeof value, "%s", p->tls.mode ==
			    TLS_MICROSOFT ? _("Microsoft certificate") :
			    _("Disabled"));
		review_add_line(r, "info:tls", _("TLS"), value, 18);
	}
	if (rules_change_op(p->op))
		review_change_rows(r, p);
	if (p->op == PLAN_DETACH && p->cluster_id[0] != '\0')
		review_add_line(r, "info:extension", _("Azure ML extension"),
		    p->uninstall_extension ? _("uninstalled") : _("kept"), 18);
	if ((p->op == PLAN_DETACH || p->op == PLAN_DELETE) &&
	    p->cluster_id[0] != '\0')
		/* TRANSLATORS: what becomes of the AKS cluster. */
		review_add_line(r, "info:fate", _("The AKS cluster"),
		    p->delete_cluster ? _("DELETED, with everything on it") :
		    _("kept"), 18);
}

/* Build the rows: actions first, then a row per step. */
static void
review_build(struct review *r)
{
	char	line[1024], value[800], key[32];
	int	i, pad = 18;

	/* The step titles make a column as wide as the widest of them. */
	for (i = 0; i < r->w->nsteps; i++)
		if (display_width(wizard_step_title(r->w->steps[i])) > pad)
			pad = display_width(wizard_step_title(r->w->steps[i]));
	widget_list_clear(&r->rows);
	/* Read-only: nothing that changes Azure is offered. */
	if (!r->w->tui->ctx.readonly)
		widget_list_add(&r->rows, "submit", _("Submit"),
		    !r->w->tui->ctx.live);
	widget_list_add(&r->rows, "save", _("Save the plan"), false);
	widget_list_add(&r->rows, "az", _("Show the equivalent az command"),
	    false);
	widget_list_add(&r->rows, "python", _("Show the Python snippet"),
	    false);
	widget_list_add(&r->rows, "arm", _("Show the ARM request"), false);
	if (r->own)
		review_plan_rows(r);
	for (i = 0; i < r->w->nsteps; i++) {
		review_step_value(r, r->w->steps[i], value, sizeof value);
		/* The step title, padded to the column's cells. */
		line[0] = '\0';
		display_cat(line, sizeof line,
		    wizard_step_title(r->w->steps[i]), pad);
		display_cat(line, sizeof line, " ", 0);
		display_cat(line, sizeof line, value, 0);
		snprintf(key, sizeof key, "step:%d", (int)r->w->steps[i]);
		widget_list_add(&r->rows, key, line, false);
	}
}

/* The default path a plan is saved to. */
static void
review_default_path(struct review *r, char *buf, size_t len)
{
	char	dir[PLAN_TEXT_LEN];

	if (!wizard_state_dir(dir, sizeof dir, "plans"))
		snprintf(dir, sizeof dir, ".");
	if (snprintf(buf, len, "%s/%s.json", dir, r->w->plan.name[0] != '\0' ?
	    r->w->plan.name : "plan") >= (int)len)
		snprintf(buf, len, "plan.json");
}

/* Write the plan document to the path in the field. */
static void
review_save(struct review *r)
{
	char	 path[PLAN_TEXT_LEN], *doc;
	FILE	*fp;

	widget_field_get(&r->path, path, sizeof path);
	doc = plan_json_write(&r->w->plan);
	if ((fp = fopen(path, "w")) == NULL) {
		tui_status(r->w->tui, STYLE_ERROR, _("Cannot write %s: %s"),
		    path, strerror(errno));
		free(doc);
		return;
	}
	fputs(doc, fp);
	free(doc);
	if (fclose(fp) != 0) {
		tui_status(r->w->tui, STYLE_ERROR, _("Cannot write %s: %s"),
		    path, strerror(errno));
		return;
	}
	r->saving = false;
	r->w->saved = true;
	snprintf(r->w->saved_path, sizeof r->w->saved_path, "%s", path);
	tui_status(r->w->tui, STYLE_OK, _("Saved to %s"), path);
}

/* An export's file name: the compute's name and a suffix ("-az.sh"). */
static void
review_export_name(struct review *r, const char *suffix, char *buf,
    size_t len)
{
	char	*c;

	snprintf(buf, len, "%s%s", r->w->plan.name[0] != '\0' ?
	    r->w->plan.name : "plan", suffix);
	/* A name not yet valid must not name another directory. */
	for (c = buf; *c != '\0'; c++)
		if (*c == '/' || (c == buf && *c == '.'))
			*c = '_';
}

/* Act on the chosen row. */
static void
review_choose(struct review *r, const char *key)
{
	struct tui	*t = r->w->tui;
	char		 path[PLAN_TEXT_LEN];
	int		 step;
	struct open_request o;

	memset(&o, 0, sizeof o);
	if (strcmp(key, "submit") == 0) {
		if (t->ctx.readonly)
			return;		/* not offered; never sent */
		if (verdicts_has_errors(&r->v))
			tui_status(t, STYLE_ERROR, "%s", _("The plan still has "
			    "errors: fix them first (choose the step below)."));
		else if (!t->ctx.live)
			tui_status(t, STYLE_WARNING, "%s", _("Offline: nothing "
			    "can be submitted. Save the plan and run \"akswiz "
			    "apply PLAN\" where you can sign in."));
		else {
			o.run = live_run_new(t->ctx.arm, t->ctx.cloud,
			    &r->w->plan);
			/* A plan of browse's has no wizard to go back to. */
			o.wizard = r->own ? NULL : r->w;
			tui_open(t, REQ_OPEN_PROGRESS, &o);
		}
	} else if (strcmp(key, "save") == 0) {
		review_default_path(r, path, sizeof path);
		widget_field_set(&r->path, path);
		r->saving = true;
	} else if (strcmp(key, "az") == 0) {
		review_export_name(r, "-az.sh", path, sizeof path);
		o.title = _("The equivalent az command");
		o.text = plan_export(&r->w->plan, PLAN_EXPORT_AZ);
	} else if (strcmp(key, "python") == 0) {
		review_export_name(r, ".py", path, sizeof path);
		o.title = _("The Python snippet");
		o.text = plan_export(&r->w->plan, PLAN_EXPORT_PYTHON);
	} else if (strcmp(key, "arm") == 0) {
		review_export_name(r, "-arm.txt", path, sizeof path);
		o.title = _("The ARM request");
		o.text = plan_export(&r->w->plan, PLAN_EXPORT_ARM);
	} else if (sscanf(key, "step:%d", &step) == 1) {
		struct wizard	*w = r->w;

		tui_pop(t);
		wizard_goto(w, (enum wizard_step)step);
	}
	if (o.title != NULL) {
		o.file = path;
		tui_open(t, REQ_OPEN_TEXT, &o);
	}
}

/* Review keys: choose an action or a step, or type the save path. */
static enum reaction
review_request(struct screen *s, const struct key_event *ev)
{
	struct review	*r = s->data;
	const char	*key;

	if (r->saving) {
		if (ev->req == REQ_ENTER)
			review_save(r);
		else if (ev->req == REQ_BACK)
			r->saving = false;
		else if (ev->req == REQ_NEXT_FIELD)
			widget_field_complete(&r->path);
		else
			widget_field_key(&r->path, ev);
		return REACT_REDRAW;
	}
	switch (ev->req) {
	case REQ_ENTER:
		if ((key = widget_list_selected(&r->rows)) != NULL)
			review_choose(r, key);
		return REACT_REDRAW;
	case REQ_SAVE:
		review_choose(r, "save");
		return REACT_REDRAW;
	case REQ_BACK:
		tui_pop(r->w->tui);
		return REACT_REDRAW;
	case REQ_NEXT_FIELD:
	case REQ_PREV_FIELD:
	{
		struct key_event e = *ev;

		e.req = ev->req == REQ_NEXT_FIELD ? REQ_DOWN : REQ_UP;
		return widget_list_key(&r->rows, &e, 5) ? REACT_REDRAW :
		    REACT_NONE;
	}
	default:
		if (keys_is_text(&ev->key) && ev->req == REQ_CHAR)
			return REACT_NONE;
		return widget_list_key(&r->rows, ev, 5) ? REACT_REDRAW :
		    REACT_UNHANDLED;
	}
}

/* Why Submit is not offered with --readonly. */
static const char *
review_readonly_note(void)
{
	/* TRANSLATORS: the review's note with --readonly; wraps. */
	return _("Read-only (--readonly): the plan can be saved and shown, "
	    "not submitted.");
}

/*
 * "Saved to PATH. To perform it from a shell: akswiz apply PATH", with
 * --sandbox when the plan was made on the sandbox cloud (the command
 * must reach the same cloud).
 */
static void
review_saved_note(struct review *r, char *buf, size_t len)
{
	char	cmd[PLAN_TEXT_LEN + 64];

	snprintf(cmd, sizeof cmd, "akswiz %s%s %s", r->w->tui->ctx.sandbox ?
	    "--sandbox " : "", "apply", r->w->saved_path);
	/* TRANSLATORS: the second %s is a command, e.g. "akswiz apply p.json". */
	snprintf(buf, len, _("Saved to %s. To perform it from a shell: %s"),
	    r->w->saved_path, cmd);
}

/* True for the verdicts the review lists (problems, and two notes). */
static bool
review_shows(const struct verdict *v)
{
	return v->severity != SEV_INFO || v->msg == MSG_DEVTEST_CAVEAT ||
	    v->msg == MSG_CREATE_LEGACY;
}

/* The rows wanted under the list: summary, verdicts, notes. */
static int
review_lower_rows(struct review *r)
{
	char	text[1024];
	size_t	i;
	int	n = 1;

	for (i = 0; i < r->v.n; i++)
		if (review_shows(&r->v.v[i])) {
			tui_verdict_text(&r->v.v[i], text, sizeof text);
			n += display_wrap_rows(COLS - 6, text, false);
		}
	if (r->w->saved && r->w->saved_path[0] != '\0') {
		review_saved_note(r, text, sizeof text);
		n += 1 + display_wrap_rows(COLS - 4, text, true);
	}
	if (r->w->tui->ctx.readonly)
		n += 1 + display_wrap_rows(COLS - 4, review_readonly_note(),
		    false);
	return n;
}

/* The frame's word for an operation browse makes. */
static const char *
review_op_title(enum plan_op op)
{
	switch (op) {
	/* TRANSLATORS: the review's title of a scale of a node pool. */
	case PLAN_SCALE:	return _("Scale");
	case PLAN_DETACH:	return _("Detach");
	case PLAN_DELETE:	return _("Delete");
	/* A deployment's instances (the endpoints screen's c). */
	case PLAN_UPDATE_DEPLOYMENT:	return _("Scale");
	case PLAN_SET_TRAFFIC:	return _("Traffic");
	case PLAN_DELETE_DEPLOYMENT:	return _("Delete");
	case PLAN_DELETE_ENDPOINT:	return _("Delete");
	/* TRANSLATORS: the review's title of a migration to today's path. */
	case PLAN_MIGRATE:	return _("Migrate");
	/* TRANSLATORS: the review's title of a deploy of a model. */
	case PLAN_DEPLOY:	return _("Deploy");
	/* TRANSLATORS: the review's title of an update of a compute. */
	default:		return _("Update");
	}
}

/* The plan, its verdicts, and the save field when open. */
static void
review_draw(struct screen *s, WINDOW *win)
{
	struct review	*r = s->data;
	char		 text[1024];
	const char	*mark;
	size_t		 i;
	int		 y = 3, bottom = LINES - 3, st, nerr, nwarn, h;

	tui_draw_frame(r->w->tui, win, _("Review the plan"),
	    r->w->op == PLAN_CREATE ? _("Create") : r->w->op == PLAN_ATTACH ?
	    _("Attach") : review_op_title(r->w->op));
	/* A short terminal: the rows scroll, what is said below stays. */
	h = (int)r->rows.n;
	if (y + h + 1 + review_lower_rows(r) > bottom)
		h = bottom - y - 1 - review_lower_rows(r);
	if (h < REVIEW_MIN_ROWS)
		h = REVIEW_MIN_ROWS;
	if (h > (int)r->rows.n)
		h = (int)r->rows.n;
	widget_list_draw(&r->rows, win, y, 2, h, COLS - 4, !r->saving);
	y += h + 1;
	nerr = (int)verdicts_count(&r->v, SEV_ERROR);
	nwarn = (int)verdicts_count(&r->v, SEV_WARNING);
	if (nerr == 0 && nwarn == 0)
		snprintf(text, sizeof text, "%s", _("Nothing known stands in "
		    "the way of this plan."));
	else if (nerr == 0)
		snprintf(text, sizeof text, P_("No errors; %d warning to read:",
		    "No errors; %d warnings to read:", nwarn), nwarn);
	else {
		char	e[128], wn[128];

		snprintf(e, sizeof e, P_("%d error", "%d errors", nerr), nerr);
		snprintf(wn, sizeof wn, P_("%d warning", "%d warnings", nwarn),
		    nwarn);
		/* TRANSLATORS: "2 errors, 1 warning". */
		snprintf(text, sizeof text, _("%s, %s"), e, wn);
	}
	display_text(win, y++, 2, COLS - 4, text, nerr > 0 ?
	    display_attr(STYLE_ERROR) : nwarn > 0 ?
	    display_attr(STYLE_WARNING) : display_attr(STYLE_OK), true);
	for (i = 0; i < r->v.n && y < bottom; i++) {
		const struct verdict	*v = &r->v.v[i];

		if (!review_shows(v))
			continue;
		mark = v->severity == SEV_ERROR ? glyph->error :
		    v->severity == SEV_WARNING ? glyph->warning : glyph->info;
		st = v->severity == SEV_ERROR ? STYLE_ERROR :
		    v->severity == SEV_WARNING ? STYLE_WARNING : STYLE_NORMAL;
		display_text(win, y, 2, 2, mark, display_attr(st), false);
		tui_verdict_text(v, text, sizeof text);
		y += display_wrap(win, y, 4, COLS - 6, bottom - y, text,
		    display_attr(st));
	}
	/* After the verdicts, never between a heading and its warnings. */
	if (r->w->saved && r->w->saved_path[0] != '\0' && y + 1 < bottom) {
		review_saved_note(r, text, sizeof text);
		y++;
		y += display_wrap_split(win, y, 2, COLS - 4, bottom - y, text,
		    display_attr(STYLE_OK));
	}
	if (r->w->tui->ctx.readonly && y + 1 < bottom) {
		y++;
		y += display_wrap(win, y, 2, COLS - 4, bottom - y,
		    review_readonly_note(), display_attr(STYLE_DIM));
	}
	if (r->saving) {
		display_clear_row(win, LINES - 2, 0);
		display_text(win, LINES - 2, 1, 9, _("Save to"), A_BOLD, true);
		widget_field_draw(&r->path, win, LINES - 2, 10, COLS - 12,
		    true);
		tui_draw_hints(win, _("Enter save  Esc cancel  Tab complete"));
	} else {
		tui_draw_hints(win, _("Enter choose  Esc back  Ctrl-S save  "
		    "F1 keys  q quit"));
	}
}

/* Check the whole plan each time the review shows. */
static void
review_enter(struct screen *s)
{
	struct review	*r = s->data;
	struct plan_facts f;

	if (r->own) {
		/* Nothing to sync: the plan is as browse made it. */
		memset(&f, 0, sizeof f);
		f.cloud = r->w->tui->ctx.cloud;
		verdicts_init(&r->v);
		plan_check(&r->w->plan, &f, &r->v);
	} else
		wizard_check_all(r->w, &r->v);
	review_build(r);
}

/* Free the review. */
static void
review_free(struct screen *s)
{
	struct review	*r = s->data;

	widget_list_done(&r->rows);
	if (r->own)
		free(r->w);
	free(r);
}

/* The review for tests. */
static void
review_save_state(struct screen *s, FILE *fp)
{
	struct review	*r = s->data;
	size_t		 i;

	fprintf(fp, "selected: %s\n", widget_list_selected(&r->rows) ?
	    widget_list_selected(&r->rows) : "");
	fprintf(fp, "saved: %s\n", r->w->saved ? r->w->saved_path : "");
	for (i = 0; i < r->v.n; i++)
		fprintf(fp, "verdict: %s %s %s\n",
		    severity_name(r->v.v[i].severity),
		    plan_field_path(r->v.v[i].field)[0] != '\0' ?
		    plan_field_path(r->v.v[i].field) : "-",
		    msg_name(r->v.v[i].msg));
}

static const struct screen_ops review_ops = {
	"review", review_enter, NULL, review_request, review_draw,
	review_free, review_save_state, NULL, NULL, review_keys
};

/* Open the review of a wizard's plan. */
void
screen_review_open(struct tui *t, const struct open_request *o)
{
	struct review	*r = xcalloc(1, sizeof *r);

	r->w = o->wizard;
	if (r->w == NULL && o->plan != NULL) {
		r->own = true;
		r->w = xcalloc(1, sizeof *r->w);
		r->w->tui = t;
		r->w->op = o->plan->op;
		r->w->plan = *o->plan;
	}
	widget_list_init(&r->rows);
	r->rows.sideways = true;	/* long values: Left/Right show them */
	widget_field_init(&r->path);
	tui_push(t, &review_ops, r);
}

/* ---- a page of text ---- */

struct text_page {
	char	 title[256];
	char	 file[128];	/* name to write it under, in exports/ */
	char	*text;		/* owned */
	char	**lines;	/* into text */
	size_t	 n, top;
	int	 left;		/* cells scrolled sideways */
	int	 wide;		/* the widest line's cells */
};

/* Cells a Left or Right moves the page sideways. */
#define TEXT_STEP	8

static const enum request text_keys[] = {
	REQ_UP, REQ_DOWN, REQ_LEFT, REQ_RIGHT, REQ_PAGE_UP, REQ_PAGE_DOWN,
	REQ_HOME, REQ_END, REQ_BACK, REQ_NONE
};

/*
 * Write the whole text (not the part in view) to exports/FILE in the
 * state directory, mode 0644 (exports hold no secret), and say where.
 */
static void
text_write(struct screen *s)
{
	struct text_page	*p = s->data;
	char			 dir[PLAN_TEXT_LEN], path[PLAN_TEXT_LEN + 160];
	size_t			 i;
	FILE			*fp;
	int			 fd;

	if (!wizard_state_dir(dir, sizeof dir, "exports"))
		snprintf(dir, sizeof dir, ".");
	snprintf(path, sizeof path, "%s/%s", dir, p->file);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || (fp = fdopen(fd, "w")) == NULL) {
		tui_status(s->tui, STYLE_ERROR, _("Cannot write %s: %s"),
		    path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	for (i = 0; i < p->n; i++)
		fprintf(fp, "%s\n", p->lines[i]);
	if (fclose(fp) != 0) {
		tui_status(s->tui, STYLE_ERROR, _("Cannot write %s: %s"),
		    path, strerror(errno));
		return;
	}
	/* TRANSLATORS: %s is a file name; the whole text, not what shows. */
	tui_status(s->tui, STYLE_OK, _("Written whole to %s"), path);
}

/* Scroll (both ways), write to a file, or leave the page. */
static enum reaction
text_request(struct screen *s, const struct key_event *ev)
{
	struct text_page	*p = s->data;
	size_t			 page = (size_t)(LINES - 6);
	int			 view = COLS - 4;

	if (!ev->key.fn && (ev->key.code == 'w' || ev->key.code == 'W')) {
		text_write(s);
		return REACT_REDRAW;
	}
	switch (ev->req) {
	case REQ_BACK:
	case REQ_ENTER:
		tui_pop(s->tui);
		return REACT_REDRAW;
	case REQ_UP:
		p->top = p->top > 0 ? p->top - 1 : 0;
		return REACT_REDRAW;
	case REQ_DOWN:
		if (p->top + 1 < p->n)
			p->top++;
		return REACT_REDRAW;
	case REQ_PAGE_UP:
		p->top = p->top > page ? p->top - page : 0;
		return REACT_REDRAW;
	case REQ_PAGE_DOWN:
		if (p->top + page < p->n)
			p->top += page;
		return REACT_REDRAW;
	case REQ_LEFT:
		p->left = p->left > TEXT_STEP ? p->left - TEXT_STEP : 0;
		return REACT_REDRAW;
	case REQ_RIGHT:
		if (p->left + view < p->wide)
			p->left += TEXT_STEP;
		return REACT_REDRAW;
	case REQ_HOME:
		p->top = 0;
		p->left = 0;
		return REACT_REDRAW;
	case REQ_END:
		p->top = p->n > page ? p->n - page : 0;
		return REACT_REDRAW;
	default:
		return REACT_UNHANDLED;
	}
}

/* The visible lines of the page, scrolled sideways by p->left cells. */
static void
text_draw(struct screen *s, WINDOW *win)
{
	struct text_page	*p = s->data;
	size_t			 i;
	int			 y = 3;

	tui_draw_frame(s->tui, win, p->title, NULL);
	for (i = p->top; i < p->n && y < LINES - 2; i++)
		display_text_from(win, y++, 2, COLS - 4, p->lines[i], p->left,
		    A_NORMAL);
	/* TRANSLATORS: key hints; at most 58 cells. */
	tui_draw_hints(win, p->wide > COLS - 4 ? _("Arrows scroll  w write "
	    "it to a file  Esc back") : _("Up/Down scroll  w write it to a "
	    "file  Esc back"));
}

/* Free the page and its text. */
static void
text_free(struct screen *s)
{
	struct text_page	*p = s->data;

	free(p->lines);
	free(p->text);
	free(p);
}

/* The page for tests: where it is scrolled to. */
static void
text_save_state(struct screen *s, FILE *fp)
{
	struct text_page	*p = s->data;

	fprintf(fp, "top: %zu\nleft: %d\nfile: %s\n", p->top, p->left,
	    p->file);
}

static const struct screen_ops text_ops = {
	"text", NULL, NULL, text_request, text_draw, text_free,
	text_save_state, NULL, NULL, text_keys
};

/*
 * Open a page of text, o->text (taken over, split into lines in place),
 * written as o->file by w.
 */
void
screen_text_open(struct tui *t, const struct open_request *o)
{
	struct text_page	*p = xcalloc(1, sizeof *p);
	char			*c;
	size_t			 i;

	snprintf(p->title, sizeof p->title, "%s", o->title != NULL ?
	    o->title : "");
	snprintf(p->file, sizeof p->file, "%s", o->file != NULL ? o->file :
	    "text.txt");
	p->text = o->text != NULL ? o->text : xstrdup("");
	for (c = p->text; *c != '\0'; c++)
		if (*c == '\n')
			p->n++;
	p->lines = xcalloc(p->n + 1, sizeof *p->lines);
	p->n = 0;
	for (c = p->text; *c != '\0';) {
		p->lines[p->n++] = c;
		if ((c = strchr(c, '\n')) == NULL)
			break;
		*c++ = '\0';
	}
	for (i = 0; i < p->n; i++)
		if (display_width(p->lines[i]) > p->wide)
			p->wide = display_width(p->lines[i]);
	tui_push(t, &text_ops, p);
}
