/*
 * The create and attach wizard: one step per screen, each explaining
 * itself, with the rules of core/ run on every key so that problems show
 * next to the field that causes them.  Next (Enter) is refused while the
 * step has errors; Esc goes back one step and keeps everything typed,
 * because every step's widgets live in the one model (wizard.h).
 *
 * Without a live backend the wizard works from the built-in VM catalogue
 * and says so on screen; nothing pretends to be live.
 */
#include "config.h"
#include "tui/wizard.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "common/clock.h"
#include "common/i18n.h"
#include "common/xalloc.h"
#include "common/xdgdir.h"
#include "azure/cert.h"
#include "core/ids.h"
#include "core/rules-k8s.h"
#include "core/vmcatalogue.h"
#include "plan/plan-json.h"
#include "tui/display.h"
#include "tui/job.h"
#include "tui/live.h"
#include "tui/screens.h"
#include "tui/tui.h"

static const char *const purpose_labels[] = {
	N_("Production"), N_("Dev-test")
};
static const char *const net_labels[] = {
	N_("Basic (Azure creates it)"), N_("Advanced (your VNet)")
};
static const char *const lb_labels[] = {
	N_("Public IP"), N_("Internal")
};
/* Today's path: the compute type first, Kubernetes the default. */
static const char *const type_labels[] = {
	/* TRANSLATORS: the compute types of the create wizard's first step. */
	N_("Kubernetes"), N_("AKS (legacy, retired)")
};
/* The inference router's Kubernetes service type (router_service_name). */
static const char *const router_labels[] = {
	"LoadBalancer", "NodePort", "ClusterIP"
};

#define DEFAULT_SERVICE_CIDR	"10.0.0.0/16"
#define DEFAULT_DNS_IP		"10.0.0.10"
#define DEFAULT_BRIDGE_CIDR	"172.17.0.1/16"
#define DEFAULT_VM_SIZE		"Standard_D3_v2"

static const enum request wizard_keys[] = {
	REQ_ENTER, REQ_BACK, REQ_NEXT_FIELD, REQ_PREV_FIELD, REQ_UP,
	REQ_DOWN, REQ_LEFT, REQ_RIGHT, REQ_TOGGLE, REQ_INCREASE,
	REQ_DECREASE, REQ_KILL_LINE, REQ_PAGE_UP, REQ_PAGE_DOWN, REQ_NONE
};

static bool	wizard_compact(void);
static void	wizard_set_type(struct wizard *, int);

/* The step's title for the user. */
const char *
wizard_step_title(enum wizard_step s)
{
	switch (s) {
	case STEP_CLUSTER:	return _("AKS cluster");
	case STEP_NAME:		return _("Compute name");
	case STEP_PURPOSE:	return _("Purpose");
	case STEP_SIZE:		return _("VM size and nodes");
	case STEP_NETWORK:	return _("Network");
	case STEP_LB:		return _("Load balancer");
	case STEP_TLS:		return _("TLS");
	case STEP_TYPE:		return _("Compute type");
	/* TRANSLATORS: a step's title: the AKS cluster to create. */
	case STEP_AKS:		return _("Kubernetes cluster");
	default:		return "";
	}
}

/* Untranslated step names for :save-state. */
static const char *
wizard_step_name(enum wizard_step s)
{
	static const char *const names[] = {
		"cluster", "name", "purpose", "size", "network", "lb", "tls",
		"type", "aks"
	};

	return (unsigned)s < STEP__COUNT ? names[s] : "";
}

/* The state directory, made if missing. */
bool
wizard_state_dir(char *buf, size_t len, const char *sub)
{
	struct err	err;

	err_clear(&err);
	return xdgdir_make(XDGDIR_STATE, sub, false, buf, len, &err);
}

/* Where a draft is kept. */
void
wizard_draft_path(char *buf, size_t len)
{
	char	dir[PLAN_TEXT_LEN];

	if (!wizard_state_dir(dir, sizeof dir, NULL))
		snprintf(dir, sizeof dir, ".");
	snprintf(buf, len, "%s/draft.json", dir);
}

/* The wizard size entry for a name, or NULL. */
static const struct wizard_size *
wizard_size_find(const struct wizard *w, const char *name)
{
	size_t	i;

	for (i = 0; name != NULL && i < w->facts.nsizes; i++)
		if (strcasecmp(w->facts.sizes[i].name, name) == 0)
			return &w->facts.sizes[i];
	return NULL;
}

static void	wizard_load_live(struct wizard *);

/* The offline facts: the built-in catalogue, no quota, no names. */
static void
wizard_facts_offline(struct wizard *w)
{
	const struct vm_size	*all;
	size_t			 n, i;

	all = vm_catalogue_all(&n);
	w->facts.sizes = xcalloc(n > 0 ? n : 1, sizeof *w->facts.sizes);
	for (i = 0; i < n; i++) {
		struct wizard_size	*s = &w->facts.sizes[i];

		snprintf(s->name, sizeof s->name, "%s", all[i].name);
		s->vcpus = all[i].vcpus;
		s->memory_gb = all[i].memory_gb;
		snprintf(s->family, sizeof s->family, "%s",
		    all[i].family != NULL ? all[i].family : "");
		s->gpus = all[i].gpus;
		s->fpga = all[i].fpga;
		s->family_free = -1;
	}
	w->facts.nsizes = n;
}

/* A size's marks (GPU, FPGA) and free quota, as its row shows them. */
static void
wizard_size_marks(const struct wizard_size *s, char *mark, size_t mlen,
    char *fr, size_t flen)
{
	mark[0] = fr[0] = '\0';
	if (s->gpus > 0)
		snprintf(mark, mlen, "GPU%s%d", glyph->times, s->gpus);
	else if (s->fpga)
		snprintf(mark, mlen, "FPGA");
	if (s->family_free >= 0)
		/* TRANSLATORS: remaining quota, at most 12 cells. */
		snprintf(fr, flen, _("%ld free"), s->family_free);
}

/* The column heads of the size list (translated). */
static const char *
wizard_size_head(int col)
{
	/* TRANSLATORS: column heads of the VM size list. */
	const char *const heads[] = {
		N_("Size"), N_("vCPU"), N_("GB"), N_("Marks"), N_("Quota"),
		N_("Family")
	};

	return _(heads[col]);
}

/*
 * One row of the size table (or its heads with s NULL): the columns as
 * wide as their widest cell, by display width, so that heads and rows
 * line up in every language; the family last, where a narrow terminal
 * cuts it first.
 */
static void
wizard_size_row(const struct wizard *w, const struct wizard_size *s,
    char *row, size_t len)
{
	char	num[32], gb[32], mark[32], fr[48];
	const int *cw = w->size_cols;

	row[0] = '\0';
	if (s != NULL) {
		wizard_size_marks(s, mark, sizeof mark, fr, sizeof fr);
		snprintf(num, sizeof num, "%d", s->vcpus);
		snprintf(gb, sizeof gb, "%.1f", s->memory_gb);
	}
	display_cat(row, len, s != NULL ? s->name : wizard_size_head(0),
	    cw[0]);
	display_cat(row, len, " ", 0);
	display_cat(row, len, s != NULL ? num : wizard_size_head(1), -cw[1]);
	display_cat(row, len, " ", 0);
	display_cat(row, len, s != NULL ? gb : wizard_size_head(2), -cw[2]);
	display_cat(row, len, "  ", 0);
	display_cat(row, len, s != NULL ? mark : wizard_size_head(3), cw[3]);
	display_cat(row, len, " ", 0);
	display_cat(row, len, s != NULL ? fr : wizard_size_head(4), cw[4]);
	display_cat(row, len, " ", 0);
	display_cat(row, len, s != NULL ? s->family : wizard_size_head(5), 0);
}

/* Rebuild the size list's rows from the facts. */
static void
wizard_size_rows(struct wizard *w)
{
	char	row[256], mark[32], fr[48];
	size_t	i;
	int	c, *cw = w->size_cols;

	for (c = 0; c < 5; c++)
		cw[c] = display_width(wizard_size_head(c));
	for (i = 0; i < w->facts.nsizes; i++) {
		const struct wizard_size	*s = &w->facts.sizes[i];

		wizard_size_marks(s, mark, sizeof mark, fr, sizeof fr);
		snprintf(row, sizeof row, "%d", s->vcpus);
		if (display_width(s->name) > cw[0])
			cw[0] = display_width(s->name);
		if (display_width(row) > cw[1])
			cw[1] = display_width(row);
		snprintf(row, sizeof row, "%.1f", s->memory_gb);
		if (display_width(row) > cw[2])
			cw[2] = display_width(row);
		if (display_width(mark) > cw[3])
			cw[3] = display_width(mark);
		if (display_width(fr) > cw[4])
			cw[4] = display_width(fr);
	}
	widget_list_clear(&w->size_list);
	for (i = 0; i < w->facts.nsizes; i++) {
		wizard_size_row(w, &w->facts.sizes[i], row, sizeof row);
		widget_list_add(&w->size_list, w->facts.sizes[i].name, row,
		    false);
	}
	widget_list_refilter(&w->size_list);
}

/* True on today's path: a Kubernetes compute (create or attach). */
bool
wizard_is_k8s(const struct wizard *w)
{
	return (w->op == PLAN_CREATE || w->op == PLAN_ATTACH) &&
	    w->ctype == 0;
}

/*
 * The steps of the chosen compute type: on today's path the Kubernetes
 * cluster's own step follows the name (an attach: its namespace only).
 */
static void
wizard_create_steps(struct wizard *w)
{
	w->nsteps = 0;
	if (w->type_asked)
		w->steps[w->nsteps++] = STEP_TYPE;
	if (w->op == PLAN_ATTACH)
		w->steps[w->nsteps++] = STEP_CLUSTER;
	w->steps[w->nsteps++] = STEP_NAME;
	if (w->ctype == 0)
		w->steps[w->nsteps++] = STEP_AKS;
	w->steps[w->nsteps++] = STEP_PURPOSE;
	if (w->op == PLAN_CREATE) {
		w->steps[w->nsteps++] = STEP_SIZE;
		w->steps[w->nsteps++] = STEP_NETWORK;
	}
	w->steps[w->nsteps++] = STEP_LB;
	w->steps[w->nsteps++] = STEP_TLS;
}

static void	wizard_visibility(struct wizard *);

/* Choose the compute type (0 Kubernetes, 1 AKS): its steps and fields. */
static void
wizard_set_type(struct wizard *w, int ctype)
{
	w->ctype = ctype;
	wizard_create_steps(w);
	if (w->cur >= w->nsteps)
		w->cur = w->nsteps - 1;
	wizard_visibility(w);
}

/* Copy every step's widgets into the plan. */
void
wizard_sync(struct wizard *w)
{
	struct plan	*p = &w->plan;
	struct tui	*t = w->tui;
	const char	*sel;
	char		 num[32], *end;
	long		 n;

	p->op = w->op;
	p->scope = t->ctx.scope;
	plan_set_type(p, wizard_is_k8s(w) ? COMPUTE_KUBERNETES : COMPUTE_AKS);
	widget_field_get(&w->name, p->name, sizeof p->name);
	p->purpose = w->purpose == 1 ? PURPOSE_DEVTEST : PURPOSE_FASTPROD;
	if (w->op == PLAN_CREATE) {
		sel = widget_list_selected(&w->size_list);
		snprintf(p->vm_size, sizeof p->vm_size, "%s",
		    sel != NULL ? sel : "");
		widget_field_get(&w->nodes, num, sizeof num);
		n = strtol(num, &end, 10);
		p->node_count = num[0] != '\0' && *end == '\0' && n > 0 &&
		    n <= 100000 ? (int)n : 0;
		if (w->ask_region)
			widget_field_get(&w->region, p->location,
			    sizeof p->location);
		else
			snprintf(p->location, sizeof p->location, "%s",
			    t->ctx.location);
		memset(&p->vnet, 0, sizeof p->vnet);
		if (w->net_mode == 1) {
			widget_field_get(&w->vnet_rg, p->vnet.resource_group,
			    sizeof p->vnet.resource_group);
			widget_field_get(&w->vnet, p->vnet.vnet,
			    sizeof p->vnet.vnet);
			widget_field_get(&w->subnet, p->vnet.subnet,
			    sizeof p->vnet.subnet);
			widget_field_get(&w->service_cidr,
			    p->vnet.service_cidr,
			    sizeof p->vnet.service_cidr);
			widget_field_get(&w->dns_ip, p->vnet.dns_service_ip,
			    sizeof p->vnet.dns_service_ip);
			if (!wizard_is_k8s(w))
				widget_field_get(&w->bridge_cidr,
				    p->vnet.docker_bridge_cidr,
				    sizeof p->vnet.docker_bridge_cidr);
		}
	} else {
		widget_field_get(&w->cluster_id, p->cluster_id,
		    sizeof p->cluster_id);
	}
	p->lb_type = w->lb == 1 ? LB_INTERNAL : LB_PUBLIC;
	p->lb_subnet[0] = '\0';
	memset(&p->cluster, 0, sizeof p->cluster);
	p->namespace_[0] = p->router_service[0] = '\0';
	if (wizard_is_k8s(w)) {
		/* Defaults stay "" in the plan: the compute's name ... */
		if (w->op == PLAN_CREATE) {
			widget_field_get(&w->aks_name, p->cluster.name,
			    sizeof p->cluster.name);
			widget_field_get(&w->aks_group,
			    p->cluster.resource_group,
			    sizeof p->cluster.resource_group);
		}
		widget_field_get(&w->aks_namespace, p->namespace_,
		    sizeof p->namespace_);
		if (w->router != ROUTER_LOADBALANCER)
			snprintf(p->router_service, sizeof p->router_service,
			    "%s", router_labels[w->router]);
	} else if (p->lb_type == LB_INTERNAL)
		widget_field_get(&w->lb_subnet, p->lb_subnet,
		    sizeof p->lb_subnet);
	memset(&p->tls, 0, sizeof p->tls);
	p->tls.mode = w->tls_modes[w->tls];
	if (p->tls.mode == TLS_MICROSOFT) {
		widget_field_get(&w->leaf, p->tls.leaf_label,
		    sizeof p->tls.leaf_label);
		p->tls.overwrite = w->overwrite;
	} else if (p->tls.mode == TLS_CUSTOM) {
		widget_field_get(&w->cert, p->tls.cert_file,
		    sizeof p->tls.cert_file);
		widget_field_get(&w->key, p->tls.key_file,
		    sizeof p->tls.key_file);
		widget_field_get(&w->cname, p->tls.cname,
		    sizeof p->tls.cname);
	}
}

/*
 * The TLS choices depend on the load balancer: a Microsoft certificate is
 * not offered with an internal one.  Keeps the chosen mode if still offered.
 */
static void
wizard_tls_choices(struct wizard *w)
{
	enum tls_mode	was = w->tls_wanted;
	int		i;

	w->ntls = 0;
	w->tls_modes[w->ntls] = TLS_DISABLED;
	w->tls_labels[w->ntls++] = N_("Disabled");
	/* Today's path has no Microsoft certificate (legacy only). */
	if (w->lb != 1 && !wizard_is_k8s(w)) {
		w->tls_modes[w->ntls] = TLS_MICROSOFT;
		w->tls_labels[w->ntls++] = N_("Microsoft certificate");
	}
	w->tls_modes[w->ntls] = TLS_CUSTOM;
	w->tls_labels[w->ntls++] = N_("Custom certificate");
	w->tls = 0;
	for (i = 0; i < w->ntls; i++)
		if (w->tls_modes[i] == was)
			w->tls = i;
	w->tls_form.items[0].nchoices = w->ntls;
	w->tls_form.items[0].choices = w->tls_labels;
}

/*
 * Keep the focus on an item that is shown: when the item under it is
 * hidden (its choice went away), the nearest shown item above takes it,
 * else the first one, so that the form never loses its mark and keys.
 */
static void
wizard_form_settle(struct widget_form *f)
{
	int	i;

	if (widget_form_focused(f) != NULL)
		return;
	for (i = f->focus < f->n ? f->focus : f->n - 1; i >= 0; i--)
		if (!f->items[i].hidden) {
			f->focus = i;
			return;
		}
	for (i = 0; i < f->n; i++)
		if (!f->items[i].hidden) {
			f->focus = i;
			return;
		}
}

/* True when the TLS mode chosen is not offered now (see tls_wanted). */
static bool
wizard_tls_dropped(const struct wizard *w)
{
	return w->tls_wanted != w->tls_modes[w->tls];
}

/* Show only the fields of the chosen options. */
static void
wizard_visibility(struct wizard *w)
{
	enum tls_mode	m;
	int		i;

	for (i = 1; i < w->net_form.n; i++)
		w->net_form.items[i].hidden = w->net_mode != 1;
	/* No Docker bridge on today's path: removed from the AKS API. */
	w->net_form.items[6].hidden = w->net_mode != 1 || wizard_is_k8s(w);
	/* Today's path: no subnet asked, the router's service type instead. */
	w->lb_form.items[1].hidden = w->lb != 1 || wizard_is_k8s(w);
	w->lb_form.items[2].hidden = !wizard_is_k8s(w);
	/* An attach: the picker chose the cluster, only the namespace. */
	w->aks_form.items[0].hidden = w->op != PLAN_CREATE;
	w->aks_form.items[1].hidden = w->op != PLAN_CREATE;
	wizard_form_settle(&w->aks_form);
	wizard_tls_choices(w);
	m = w->tls_modes[w->tls];
	w->tls_form.items[1].hidden = m != TLS_MICROSOFT;
	w->tls_form.items[2].hidden = m != TLS_MICROSOFT;
	for (i = 3; i < 6; i++)
		w->tls_form.items[i].hidden = m != TLS_CUSTOM;
	wizard_form_settle(&w->net_form);
	wizard_form_settle(&w->lb_form);
	wizard_form_settle(&w->tls_form);
}

/* Add a text field to a form. */
static void
wizard_add_field(struct widget_form *f, const char *label,
    struct widget_field *fld, enum plan_field pf, const char *value)
{
	struct form_item	*it = widget_form_add(f, FORM_FIELD, label, pf);

	widget_field_init(fld);
	if (value != NULL)
		widget_field_set(fld, value);
	it->field = fld;
}

void
wizard_facts_done(struct wizard_facts *f)
{
	size_t	i;

	free(f->sizes);
	free(f->family);
	for (i = 0; i < f->nnames; i++)
		free(f->names[i]);
	free(f->names);
	cluster_list_free(&f->clusters);
	memset(f, 0, sizeof *f);
}

/* Build every step's widgets with their defaults. */
static void
wizard_build(struct wizard *w)
{
	struct form_item	*it;

	widget_form_init(&w->cluster_form);
	wizard_add_field(&w->cluster_form, N_("Cluster resource ID"),
	    &w->cluster_id, FIELD_CLUSTER_ID, NULL);
	widget_list_init(&w->cluster_list);

	widget_form_init(&w->name_form);
	wizard_add_field(&w->name_form, N_("Name"), &w->name, FIELD_NAME,
	    NULL);

	widget_list_init(&w->size_list);
	w->size_list.filtering = true;
	/* the filter matches a size's name, not every column */
	w->size_list.match = vm_size_filter_match;
	widget_field_init(&w->nodes);
	widget_field_set(&w->nodes, "3");
	widget_field_init(&w->region);

	widget_form_init(&w->net_form);
	it = widget_form_add(&w->net_form, FORM_CHOICE, N_("Network"),
	    FIELD_NONE);
	it->choice = &w->net_mode;
	it->choices = net_labels;
	it->nchoices = 2;
	wizard_add_field(&w->net_form, N_("VNet resource group"),
	    &w->vnet_rg, FIELD_VNET_RESOURCE_GROUP, NULL);
	wizard_add_field(&w->net_form, N_("VNet"), &w->vnet,
	    FIELD_VNET_NAME, NULL);
	wizard_add_field(&w->net_form, N_("Subnet"), &w->subnet,
	    FIELD_SUBNET_NAME, NULL);
	wizard_add_field(&w->net_form, N_("Service CIDR"), &w->service_cidr,
	    FIELD_SERVICE_CIDR, DEFAULT_SERVICE_CIDR);
	wizard_add_field(&w->net_form, N_("DNS service IP"), &w->dns_ip,
	    FIELD_DNS_SERVICE_IP, DEFAULT_DNS_IP);
	wizard_add_field(&w->net_form, N_("Docker bridge CIDR"),
	    &w->bridge_cidr, FIELD_DOCKER_BRIDGE_CIDR, DEFAULT_BRIDGE_CIDR);

	widget_form_init(&w->lb_form);
	it = widget_form_add(&w->lb_form, FORM_CHOICE, N_("Load balancer"),
	    FIELD_LB_TYPE);
	it->choice = &w->lb;
	it->choices = lb_labels;
	it->nchoices = 2;
	wizard_add_field(&w->lb_form, N_("Subnet"), &w->lb_subnet,
	    FIELD_LB_SUBNET, NULL);
	/* TRANSLATORS: the inference router's Kubernetes service type. */
	it = widget_form_add(&w->lb_form, FORM_CHOICE, N_("Router service"),
	    FIELD_ROUTER_SERVICE);
	it->choice = &w->router;
	it->choices = router_labels;
	it->nchoices = 3;

	widget_form_init(&w->aks_form);
	wizard_add_field(&w->aks_form, N_("Cluster name"), &w->aks_name,
	    FIELD_CLUSTER_NAME, NULL);
	wizard_add_field(&w->aks_form, N_("Resource group"), &w->aks_group,
	    FIELD_CLUSTER_GROUP, NULL);
	wizard_add_field(&w->aks_form, N_("Namespace"), &w->aks_namespace,
	    FIELD_NAMESPACE, "default");

	widget_form_init(&w->tls_form);
	it = widget_form_add(&w->tls_form, FORM_CHOICE, N_("TLS"),
	    FIELD_TLS_MODE);
	it->choice = &w->tls;
	wizard_add_field(&w->tls_form, N_("Leaf domain label"), &w->leaf,
	    FIELD_TLS_LEAF_LABEL, NULL);
	it = widget_form_add(&w->tls_form, FORM_CHECK,
	    N_("Overwrite existing domain"), FIELD_TLS_OVERWRITE);
	it->check = &w->overwrite;
	wizard_add_field(&w->tls_form, N_("Certificate file"), &w->cert,
	    FIELD_TLS_CERT_FILE, NULL);
	w->cert.path = true;
	wizard_add_field(&w->tls_form, N_("Key file"), &w->key,
	    FIELD_TLS_KEY_FILE, NULL);
	w->key.path = true;
	wizard_add_field(&w->tls_form, N_("CNAME"), &w->cname,
	    FIELD_TLS_CNAME, NULL);
	wizard_tls_choices(w);
	wizard_visibility(w);
}

/* Set every step's widgets from a plan. */
void
wizard_load(struct wizard *w, const struct plan *p)
{
	int	i;
	char	num[16];

	widget_field_set(&w->name, p->name);
	if (w->type_asked)
		wizard_set_type(w, p->type == COMPUTE_KUBERNETES ? 0 : 1);
	widget_field_set(&w->aks_name, p->cluster.name);
	widget_field_set(&w->aks_group, p->cluster.resource_group);
	if (p->namespace_[0] != '\0')
		widget_field_set(&w->aks_namespace, p->namespace_);
	{
		enum router_service	rs = ROUTER_LOADBALANCER;

		(void)router_service_parse(plan_router_service(p), &rs);
		w->router = (int)rs;
	}
	w->purpose = p->purpose == PURPOSE_DEVTEST ? 1 : 0;
	if (p->vm_size[0] != '\0')
		widget_list_select(&w->size_list, p->vm_size);
	if (p->node_count > 0) {
		snprintf(num, sizeof num, "%d", p->node_count);
		widget_field_set(&w->nodes, num);
	}
	if (w->ask_region)
		widget_field_set(&w->region, p->location);
	w->net_mode = plan_vnet_is_empty(&p->vnet) ? 0 : 1;
	if (w->net_mode == 1) {
		widget_field_set(&w->vnet_rg, p->vnet.resource_group);
		widget_field_set(&w->vnet, p->vnet.vnet);
		widget_field_set(&w->subnet, p->vnet.subnet);
		widget_field_set(&w->service_cidr, p->vnet.service_cidr);
		widget_field_set(&w->dns_ip, p->vnet.dns_service_ip);
		widget_field_set(&w->bridge_cidr, p->vnet.docker_bridge_cidr);
	}
	widget_field_set(&w->cluster_id, p->cluster_id);
	w->lb = p->lb_type == LB_INTERNAL ? 1 : 0;
	widget_field_set(&w->lb_subnet, p->lb_subnet);
	w->tls_wanted = p->tls.mode;
	wizard_tls_choices(w);
	for (i = 0; i < w->ntls; i++)
		if (w->tls_modes[i] == p->tls.mode)
			w->tls = i;
	widget_field_set(&w->leaf, p->tls.leaf_label);
	w->overwrite = p->tls.overwrite;
	widget_field_set(&w->cert, p->tls.cert_file);
	widget_field_set(&w->key, p->tls.key_file);
	widget_field_set(&w->cname, p->tls.cname);
	wizard_visibility(w);
	wizard_sync(w);
}

/* Copy the verdicts of src whose field passes keep() into dst. */
static void
wizard_keep(struct verdicts *dst, const struct verdicts *src,
    enum plan_field lo, enum plan_field hi)
{
	size_t	i;

	for (i = 0; i < src->n; i++)
		if (src->v[i].field >= lo && src->v[i].field <= hi &&
		    dst->n < VERDICTS_MAX)
			dst->v[dst->n++] = src->v[i];
}

/* The local checks of a custom certificate (azure/cert.c, OpenSSL). */
static void
wizard_cert_check(struct wizard *w, struct verdicts *vs)
{
	cert_check_plan(&w->plan, clock_now(), vs);
}

/* The vCPU per node of the chosen size (create) or cluster (attach). */
static int
wizard_vcpus(const struct wizard *w, int *nodes)
{
	const struct wizard_size	*s;
	size_t				 i;

	if (w->op == PLAN_CREATE) {
		*nodes = w->plan.node_count;
		s = wizard_size_find(w, w->plan.vm_size);
		return s != NULL ? s->vcpus : 0;
	}
	for (i = 0; i < w->facts.clusters.n; i++)
		if (arm_id_equal(w->facts.clusters.v[i].facts.id,
		    w->plan.cluster_id)) {
			*nodes = w->facts.clusters.v[i].facts.node_count;
			return *nodes > 0 ?
			    w->facts.clusters.v[i].facts.vcpu_total /
			    *nodes : 0;
		}
	*nodes = 0;
	return 0;
}

/* Today's path: the load balancer, router and TLS choices (core's rules). */
static void
wizard_k8s_choices(const struct wizard *w, struct verdicts *vs)
{
	struct k8s_choices	c;

	memset(&c, 0, sizeof c);
	c.purpose = w->plan.purpose;
	c.router = (enum router_service)w->router;
	c.lb = w->plan.lb_type;
	c.tls = w->plan.tls.mode;
	c.cname = w->plan.tls.cname;
	rules_k8s_choices(&c, vs);
}

/* Run the rules of one step on the plan into vs. */
static void
wizard_check_step(struct wizard *w, enum wizard_step step,
    struct verdicts *vs)
{
	struct verdicts		 tmp;
	struct plan_tls		 none;
	int			 nodes, vcpus;
	struct aks_id		 id;

	verdicts_init(&tmp);
	switch (step) {
	case STEP_CLUSTER:
		if (w->facts.clusters_known) {
			const struct verdicts	*cv;
			size_t			 i, k;

			for (i = 0; i < w->facts.clusters.n; i++)
				if (strcmp(w->facts.clusters.v[i].facts.id,
				    w->plan.cluster_id) == 0)
					break;
			if (i == w->facts.clusters.n) {
				verdicts_add(vs, FIELD_CLUSTER_ID, SEV_ERROR,
				    MSG_ID_EMPTY);
				break;
			}
			/* Size is judged on the purpose step. */
			cv = &w->facts.clusters.v[i].verdicts;
			for (k = 0; k < cv->n; k++)
				if (cv->v[k].msg != MSG_CLUSTER_TOO_SMALL &&
				    vs->n < VERDICTS_MAX)
					vs->v[vs->n++] = cv->v[k];
			break;
		}
		if (aks_id_parse(w->plan.cluster_id, &id, FIELD_CLUSTER_ID,
		    vs) && w->tui->ctx.scope.subscription[0] != '\0')
			attach_check_subscription(&id,
			    w->tui->ctx.scope.subscription, vs);
		break;
	case STEP_TYPE:
		if (!wizard_is_k8s(w) && w->op == PLAN_CREATE)
			verdicts_add(vs, FIELD_COMPUTE_TYPE, SEV_WARNING,
			    MSG_CREATE_LEGACY);
		break;
	case STEP_AKS:
	{
		char	dns[PLAN_NAME_LEN];

		/* An attach names no cluster here: the picker chose it. */
		if (w->op != PLAN_CREATE)
			break;

		rules_aks_cluster_name(plan_cluster_name(&w->plan), vs);
		plan_dns_prefix(&w->plan, dns, sizeof dns);
		if (!verdicts_has_errors(vs))
			rules_aks_dns_prefix(dns, vs);
		break;
	}
	case STEP_NAME:
		rules_name_new(w->plan.name, w->op, w->plan.cluster_id,
		    (const char *const *)w->facts.names, w->facts.nnames,
		    w->facts.names_known, vs);
		break;
	case STEP_PURPOSE:
		if (w->op == PLAN_ATTACH && (vcpus = wizard_vcpus(w,
		    &nodes)) > 0)
			rules_sizing(w->plan.purpose, nodes, vcpus, true,
			    FIELD_PURPOSE, vs);
		/* The caveat once: rules_sizing() may have given it. */
		if (w->plan.purpose == PURPOSE_DEVTEST &&
		    !verdicts_has_msg(vs, MSG_DEVTEST_CAVEAT))
			verdicts_add(vs, FIELD_PURPOSE, SEV_INFO,
			    MSG_DEVTEST_CAVEAT);
		break;
	case STEP_SIZE:
		if (w->plan.vm_size[0] == '\0')
			verdicts_add(vs, FIELD_VM_SIZE, SEV_ERROR,
			    MSG_SIZE_EMPTY);
		if (w->plan.node_count <= 0) {
			verdict_arg(verdicts_add(vs, FIELD_NODE_COUNT,
			    SEV_ERROR, MSG_NODES_INVALID), "%d",
			    AKS_MAX_NODES);
			break;
		}
		vcpus = wizard_vcpus(w, &nodes);
		if (wizard_is_k8s(w)) {
			/* Today's path: each node's size too (AKS, Azure ML). */
			const struct wizard_size *ws = wizard_size_find(w,
			    w->plan.vm_size);
			struct vm_size	 vm;

			memset(&vm, 0, sizeof vm);
			if (ws != NULL) {
				vm.name = ws->name;
				vm.vcpus = ws->vcpus;
				vm.memory_gb = ws->memory_gb;
				vm.family = ws->family;
			}
			rules_k8s_sizing(w->plan.purpose, nodes, ws != NULL ?
			    &vm : NULL, true, FIELD_NODE_COUNT, vs);
		} else
			rules_sizing(w->plan.purpose, nodes, vcpus, true,
			    FIELD_NODE_COUNT, vs);
		{
			const struct wizard_size *s = wizard_size_find(w,
			    w->plan.vm_size);
			size_t	i = s != NULL ? (size_t)(s - w->facts.sizes) :
			    0;

			if (s != NULL && w->facts.family != NULL &&
			    (w->facts.family[i].known ||
			    w->facts.regional.known))
				rules_quota((long)nodes * vcpus,
				    w->plan.location[0] != '\0' ?
				    w->plan.location : w->tui->ctx.location,
				    &w->facts.family[i], &w->facts.regional,
				    vs);
		}
		break;
	case STEP_NETWORK:
		if (w->net_mode == 1 && wizard_is_k8s(w))
			rules_vnet_k8s(&w->plan.vnet, NULL, vs);
		else if (w->net_mode == 1)
			rules_vnet(&w->plan.vnet, NULL, vs);
		break;
	case STEP_LB:
		if (wizard_is_k8s(w)) {
			wizard_k8s_choices(w, &tmp);
			wizard_keep(vs, &tmp, FIELD_ROUTER_SERVICE,
			    FIELD_LB_SUBNET);
			break;
		}
		memset(&none, 0, sizeof none);
		rules_lb_tls(w->plan.lb_type, w->plan.lb_subnet, &none, &tmp);
		if (w->op == PLAN_CREATE)
			rules_lb_subnet_network(w->plan.lb_type,
			    w->plan.lb_subnet, &w->plan.vnet, &tmp);
		wizard_keep(vs, &tmp, FIELD_LB_TYPE, FIELD_LB_SUBNET);
		break;
	case STEP_TLS:
		if (wizard_is_k8s(w)) {
			/* The certificate's own checks as on the legacy path. */
			wizard_k8s_choices(w, &tmp);
			if (w->plan.tls.mode == TLS_CUSTOM)
				rules_lb_tls(LB_PUBLIC, "", &w->plan.tls,
				    &tmp);
		} else
			rules_lb_tls(w->plan.lb_type, w->plan.lb_subnet,
			    &w->plan.tls, &tmp);
		wizard_keep(vs, &tmp, FIELD_TLS_MODE, FIELD_TLS_CNAME);
		if (w->plan.tls.mode == TLS_CUSTOM &&
		    w->plan.tls.cert_file[0] != '\0' &&
		    w->plan.tls.key_file[0] != '\0' &&
		    !verdicts_has_errors(vs))
			wizard_cert_check(w, vs);
		break;
	default:
		break;
	}
}

/* Check the current step into w->v. */
static void
wizard_check(struct wizard *w)
{
	wizard_sync(w);
	verdicts_init(&w->v);
	wizard_check_step(w, w->steps[w->cur], &w->v);
}

/* Every rule on the whole plan, with every known fact. */
void
wizard_check_all(struct wizard *w, struct verdicts *vs)
{
	struct plan_facts	 f;
	const struct wizard_size *s;
	int			 nodes = 0, vcpus;
	size_t			 i;

	wizard_sync(w);
	memset(&f, 0, sizeof f);
	f.cloud = w->tui->ctx.cloud;
	f.workspace_subscription = w->tui->ctx.scope.subscription[0] != '\0' ?
	    w->tui->ctx.scope.subscription : NULL;
	f.workspace_location = w->tui->ctx.location[0] != '\0' ?
	    w->tui->ctx.location : NULL;
	f.names_known = w->facts.names_known;
	f.existing_names = (const char *const *)w->facts.names;
	f.n_existing_names = w->facts.nnames;
	if ((s = wizard_size_find(w, w->plan.vm_size)) != NULL &&
	    w->facts.family != NULL) {
		i = (size_t)(s - w->facts.sizes);
		f.family_quota = w->facts.family[i];
		f.regional_quota = w->facts.regional;
	}
	f.sizes_known = w->facts.live;
	f.size_offered = s != NULL;
	verdicts_init(vs);
	plan_check(&w->plan, &f, vs);
	(void)nodes;
	(void)vcpus;
	if (w->plan.tls.mode == TLS_CUSTOM &&
	    w->plan.tls.cert_file[0] != '\0' &&
	    w->plan.tls.key_file[0] != '\0')
		wizard_cert_check(w, vs);
	if (w->op == PLAN_ATTACH && (vcpus = wizard_vcpus(w, &nodes)) > 0)
		rules_sizing(w->plan.purpose, nodes, vcpus, false,
		    FIELD_PURPOSE, vs);
	/* What is known of the chosen cluster (version, network, ...). */
	if (w->op == PLAN_ATTACH && w->facts.clusters_known)
		wizard_check_step(w, STEP_CLUSTER, vs);
}

/* The explanation under a step's title. */
static const char *
wizard_intro(const struct wizard *w, enum wizard_step s)
{
	if (wizard_is_k8s(w))
		switch (s) {
		case STEP_NETWORK:
			return _("Basic lets Azure create the virtual network. "
			    "Advanced puts the nodes in a subnet of an existing "
			    "virtual network: five settings (AKS has no Docker "
			    "bridge setting any more).");
		case STEP_LB:
			return _("A public IP makes the scoring endpoint "
			    "reachable from the internet; an internal load "
			    "balancer takes an address in the subnet of the "
			    "cluster's nodes. The router's service type says "
			    "how the router is exposed.");
		case STEP_TLS:
			return _("Scoring can use HTTPS with your own "
			    "certificate for your own host name (CNAME), or "
			    "plain HTTP. A certificate issued by Microsoft "
			    "exists only on the legacy AKS path.");
		default:
			break;
		}
	switch (s) {
	case STEP_TYPE:
		return _("How the workspace runs the cluster. Kubernetes is "
		    "today's path; Azure Machine Learning no longer creates "
		    "AKS computes nor deploys models to them.");
	case STEP_AKS:
		if (w->op == PLAN_ATTACH)
			return _("The namespace of the cluster the compute "
			    "runs models in (default: default). The Azure "
			    "Machine Learning extension is installed for the "
			    "whole cluster.");
		return _("akswiz creates this AKS cluster, installs the Azure "
		    "Machine Learning extension on it and attaches it in the "
		    "namespace. Empty fields take the compute's name and the "
		    "workspace's resource group.");
	case STEP_CLUSTER:
		return _("Choose the AKS cluster to attach. It must be in the "
		    "workspace's subscription; each cluster says whether it "
		    "can be attached.");
	case STEP_NAME:
		return _("The name the workspace will know this cluster by, "
		    "for good: 3 to 24 letters, digits and hyphens; it starts "
		    "with a letter, ends with a letter or digit but not in a "
		    "hyphen and digits (\"-01\"), and is not amlcompute, "
		    "local or containerinstance.");
	case STEP_PURPOSE:
		return _("What the cluster is for decides how big it must be.");
	case STEP_SIZE:
		return _("Every node has the same VM size, which cannot be "
		    "changed later; the node count can. Type to filter the "
		    "list, Tab to reach the node count.");
	case STEP_NETWORK:
		return _("Basic lets Azure create the virtual network. "
		    "Advanced puts the cluster in an existing virtual "
		    "network: all six settings are needed.");
	case STEP_LB:
		return _("A public IP makes the scoring endpoint reachable "
		    "from the internet; an internal load balancer keeps it "
		    "inside a subnet of your virtual network.");
	case STEP_TLS:
		return _("Scoring can use HTTPS, with a certificate Microsoft "
		    "issues for a host name under the region's cloudapp "
		    "domain, or with your own certificate for your own host "
		    "name (CNAME).");
	default:
		return "";
	}
}

/* Draw a verdict line with its mark; returns rows used. */
static int
wizard_draw_verdict(WINDOW *win, int y, int x, int width, int maxrows,
    const struct verdict *v)
{
	char		 text[1024];
	const char	*mark;
	int		 st;

	switch (v->severity) {
	case SEV_ERROR:
		mark = glyph->error;
		st = STYLE_ERROR;
		break;
	case SEV_WARNING:
		mark = glyph->warning;
		st = STYLE_WARNING;
		break;
	default:
		mark = v->msg == MSG_SIZING_OK_PROD ||
		    v->msg == MSG_SIZING_OK_DEVTEST ||
		    v->msg == MSG_CLUSTER_OK ? glyph->ok : glyph->info;
		st = mark == glyph->ok ? STYLE_OK : STYLE_NORMAL;
		break;
	}
	display_text(win, y, x, 2, mark, display_attr(st), false);
	tui_verdict_text(v, text, sizeof text);
	return display_wrap(win, y, x + 2, width - 2, maxrows, text,
	    display_attr(st));
}

/* Rows a verdict takes at this width, at most maxrows. */
static int
wizard_verdict_rows(const struct verdict *v, int width, int maxrows)
{
	char	text[1024];
	int	n;

	tui_verdict_text(v, text, sizeof text);
	n = display_wrap_rows(width - 2, text, false);
	return n < maxrows ? n : maxrows;
}

/* Verdicts of a field (or all with FIELD__COUNT) from rows y; rows used. */
static int
wizard_draw_verdicts(struct wizard *w, WINDOW *win, int y, int x, int width,
    int maxrows, enum plan_field only, bool infos_only)
{
	size_t	i;
	int	rows = 0;

	for (i = 0; i < w->v.n && rows < maxrows; i++) {
		const struct verdict	*v = &w->v.v[i];

		if (only != FIELD__COUNT && v->field != only)
			continue;
		if (infos_only && v->severity != SEV_INFO)
			continue;
		rows += wizard_draw_verdict(win, y + rows, x, width,
		    maxrows - rows, v);
	}
	return rows;
}

/* Step: the name, with what is known about its uniqueness. */
static void
wizard_draw_name(struct wizard *w, WINDOW *win, int y, int bottom)
{
	char	line[512];
	int	rows;
	size_t	i;

	rows = widget_form_draw(&w->name_form, win, y, 2, COLS - 4,
	    bottom - y, &w->v, w->show_errors);
	/* No name: the one the cluster's makes, if an attach has one. */
	for (i = 0; w->plan.name[0] == '\0' && i < w->v.n; i++)
		if (w->v.v[i].msg == MSG_NAME_SUGGESTED) {
			tui_verdict_text(&w->v.v[i], line, sizeof line);
			display_wrap(win, y + rows + 1, 4, COLS - 6,
			    bottom - y - rows - 1, line,
			    display_attr(STYLE_DIM));
		}
	if (verdicts_has_errors(&w->v) || w->plan.name[0] == '\0')
		return;
	if (w->facts.names_known)
		snprintf(line, sizeof line, _("\"%s\" follows the rules and "
		    "is free in workspace %s."), w->plan.name,
		    w->tui->ctx.scope.workspace);
	else if (w->loading != NULL || w->loading_clusters != NULL)
		snprintf(line, sizeof line, _("\"%s\" follows the rules. "
		    "%s Reading the workspace's computes..."), w->plan.name,
		    tui_spinner(w->tui));
	else
		snprintf(line, sizeof line, _("\"%s\" follows the rules. "
		    "Whether it is free is checked when the workspace can be "
		    "read."), w->plan.name);
	display_text(win, y + rows + 1, 4, 2, glyph->ok,
	    display_attr(STYLE_OK), false);
	display_wrap(win, y + rows + 1, 6, COLS - 8, 2, line,
	    display_attr(STYLE_OK));
}

/*
 * Two choices as radio buttons, each explained under it, the chosen one
 * marked; the one at dim (or -1) is drawn dim.  Returns the next row.
 */
static int
wizard_draw_radios(WINDOW *win, int y, const char *const labels[2],
    const char *const expl[2], int chosen, int dim)
{
	char	line[256];
	int	i, pw = display_width(glyph->pointer), st;

	for (i = 0; i < 2; i++) {
		if (i == chosen)
			display_text(win, y, 2, pw, glyph->pointer,
			    display_attr(STYLE_KEY), false);
		snprintf(line, sizeof line, "%s %s", i == chosen ?
		    glyph->radio_on : glyph->radio_off, _(labels[i]));
		st = i == dim ? display_attr(STYLE_DIM) : (int)A_NORMAL;
		display_text(win, y++, 2 + pw + 1, COLS - 8, line,
		    i == chosen ? display_attr(STYLE_KEY) : st, true);
		y += display_wrap(win, y, 8, COLS - 12, 3, _(expl[i]), st);
		y++;
	}
	return y;
}

/* Step: production or dev-test, each explained. */
static void
wizard_draw_purpose(struct wizard *w, WINDOW *win, int y, int bottom)
{
	static const char *const expl[] = {
		N_("For live traffic: at least 3 nodes and 12 vCPU in total, "
		    "so that the service can keep scoring while a node is "
		    "replaced."),
		N_("For trying things out: one node or more. Not for "
		    "production traffic; inference may be slower.")
	};
	y = wizard_draw_radios(win, y, purpose_labels, expl, w->purpose, -1);
	if (w->op == PLAN_ATTACH && w->plan.cluster_id[0] != '\0' &&
	    w->v.n == 0 + (w->purpose == 1)) {
		display_wrap(win, y++, 4, COLS - 8, 2, _("The cluster's size "
		    "is checked against this purpose when the cluster can be "
		    "read."), display_attr(STYLE_DIM));
	}
	wizard_draw_verdicts(w, win, y, 4, COLS - 8, bottom - y, FIELD__COUNT,
	    false);
}

/* Step: the compute type, Kubernetes first, the legacy one marked retired. */
static void
wizard_draw_type(struct wizard *w, WINDOW *win, int y, int bottom)
{
	static const char *const expl[] = {
		N_("Today's path: an AKS cluster with the Azure Machine "
		    "Learning extension, attached as a Kubernetes compute."),
		N_("Retired: Azure Machine Learning refuses new AKS computes "
		    "and deployments to them. Only for a workspace that still "
		    "accepts it.")
	};
	/* The legacy type dim: retired. */
	y = wizard_draw_radios(win, y, type_labels, expl, w->ctype, 1);
	wizard_draw_verdicts(w, win, y, 4, COLS - 8, bottom - y, FIELD__COUNT,
	    false);
}

/* Step: the AKS cluster to create, and what its defaults become. */
static void
wizard_draw_aks(struct wizard *w, WINDOW *win, int y, int bottom)
{
	char	line[512];
	int	rows;

	rows = widget_form_draw(&w->aks_form, win, y, 2, COLS - 4,
	    bottom - y, &w->v, w->show_errors);
	if (verdicts_has_errors(&w->v) || y + rows + 1 >= bottom ||
	    w->op != PLAN_CREATE)
		return;
	/* TRANSLATORS: the AKS cluster, its resource group, the namespace. */
	snprintf(line, sizeof line, _("Cluster %s in resource group %s, "
	    "compute in namespace %s."), plan_cluster_name(&w->plan),
	    plan_cluster_group(&w->plan), plan_namespace(&w->plan));
	display_text(win, y + rows + 1, 4, 2, glyph->ok,
	    display_attr(STYLE_OK), false);
	display_wrap(win, y + rows + 1, 6, COLS - 8, bottom - y - rows - 1,
	    line, display_attr(STYLE_OK));
}

/* Step (today's path): the load balancer, the router, what each means. */
static void
wizard_draw_lb_k8s(struct wizard *w, WINDOW *win, int y, int bottom)
{
	char	line[512];
	int	i;

	y += widget_form_draw(&w->lb_form, win, y, 2, COLS - 4, bottom - y,
	    &w->v, w->show_errors) + 1;
	/* A small terminal: the chosen service type's line only. */
	for (i = 0; i < 3 && y < bottom; i++)
		if (!wizard_compact() || i == w->router) {
			snprintf(line, sizeof line, _("%s: %s"),
			    router_service_name((enum router_service)i),
			    _(router_service_meaning((enum router_service)i)));
			y += display_wrap(win, y, 4, COLS - 6, bottom - y,
			    line, i == w->router ? (int)A_NORMAL :
			    display_attr(STYLE_DIM));
		}
	if (y + 1 < bottom)
		wizard_draw_verdicts(w, win, y + 1, 4, COLS - 8, bottom - y - 1,
		    FIELD__COUNT, true);
}

/* True for the verdicts the size step lists (the caveat is the purpose's). */
static bool
wizard_size_shows(const struct verdict *v)
{
	return v->msg != MSG_DEVTEST_CAVEAT;
}

/* Step: the filterable size list, node count, and every sizing verdict. */
static void
wizard_draw_size(struct wizard *w, WINDOW *win, int y, int bottom)
{
	char		 line[256];
	int		 list_h, ry, vrows = 0, sev;
	size_t		 i;

	if (w->size_list.filter[0] != '\0')
		snprintf(line, sizeof line, _("Filter: %s"),
		    w->size_list.filter);
	else
		snprintf(line, sizeof line, "%s", _("Filter: (type to "
		    "filter)"));
	display_text(win, y, 2, COLS / 2, line, w->size_focus == 0 ?
	    display_attr(STYLE_KEY) : (int)A_NORMAL, true);
	snprintf(line, sizeof line, _("%zu of %zu sizes"),
	    w->size_list.nvisible, w->size_list.n);
	display_text(win, y, COLS - 2 - display_width(line), COLS / 2, line,
	    display_attr(STYLE_DIM), false);
	y++;
	if (w->loading != NULL) {
		snprintf(line, sizeof line, _("%s Reading the region's VM "
		    "sizes and quota..."), tui_spinner(w->tui));
		display_text(win, y++, 2, COLS - 4, line,
		    display_attr(STYLE_DIM), true);
	} else if (!w->facts.live) {
		/* TRANSLATORS: at most 56 cells (a 60-column terminal). */
		y += display_wrap(win, y, 2, COLS - 4, 2,
		    w->live_error[0] != '\0' ? _("Live data unavailable: "
		    "built-in sizes, quota unknown.") : _("Offline: built-in "
		    "sizes; quota is checked online."),
		    display_attr(STYLE_WARNING));
	}
	wizard_size_row(w, NULL, line, sizeof line);
	display_text(win, y++, 2 + display_width(glyph->pointer) + 1,
	    COLS - 6, line, display_attr(STYLE_DIM), true);
	/*
	 * Every problem at once, as plan check lists them, so that fixing
	 * one does not reveal the next; the list gives up rows for them.
	 */
	for (i = 0; i < w->v.n; i++)
		if (wizard_size_shows(&w->v.v[i]))
			vrows += wizard_verdict_rows(&w->v.v[i], COLS - 4, 4);
	list_h = bottom - y - 2 - vrows;
	if (list_h < 3)
		list_h = 3;
	widget_list_draw(&w->size_list, win, y, 2, list_h, COLS - 4,
	    w->size_focus == 0);
	ry = y + list_h + 1;
	/* TRANSLATORS: at most 7 cells. */
	display_text(win, ry, 2, 8, _("Nodes"), w->size_focus == 1 ?
	    display_attr(STYLE_KEY) : (int)A_NORMAL, true);
	widget_field_draw(&w->nodes, win, ry, 10, 8, w->size_focus == 1);
	if (w->ask_region) {
		/* TRANSLATORS: at most 7 cells. */
		display_text(win, ry, 20, 8, _("Region"), w->size_focus == 2 ?
		    display_attr(STYLE_KEY) : (int)A_NORMAL, true);
		widget_field_draw(&w->region, win, ry, 28, 18,
		    w->size_focus == 2);
		display_text(win, ry, 48, COLS - 50, _("+/- nodes"),
		    display_attr(STYLE_DIM), true);
	} else {
		display_text(win, ry, 20, COLS - 22, _("+ and - add and "
		    "remove nodes, or type the number"),
		    display_attr(STYLE_DIM), true);
	}
	ry++;
	/* Errors, then warnings, then what passes. */
	for (sev = SEV_ERROR; sev >= SEV_INFO; sev--)
		for (i = 0; i < w->v.n && ry < bottom + 1; i++)
			if ((int)w->v.v[i].severity == sev &&
			    wizard_size_shows(&w->v.v[i]))
				ry += wizard_draw_verdict(win, ry, 2,
				    COLS - 4, bottom + 1 - ry, &w->v.v[i]);
}

static void	wizard_cluster_rows(struct wizard *);

/* Step: attach: the clusters with a verdict each, or an ID offline. */
static void
wizard_draw_cluster(struct wizard *w, WINDOW *win, int y, int bottom)
{
	char	head[256];
	int	rows;

	if (w->loading_clusters != NULL) {
		char	line[256];

		snprintf(line, sizeof line, _("%s Reading the subscription's "
		    "AKS clusters and their versions..."),
		    tui_spinner(w->tui));
		display_text(win, y, 2, COLS - 4, line,
		    display_attr(STYLE_DIM), true);
		return;
	}
	if (w->facts.clusters_known) {
		if (w->facts.clusters.n == 0)
			display_wrap(win, y, 2, COLS - 4, 2, _("The "
			    "subscription has no AKS cluster. Create one in "
			    "AKS, or create an inference cluster instead."),
			    display_attr(STYLE_WARNING));
		/* The rows follow the width: fewer columns when narrow. */
		if ((COLS < 80) != (w->cluster_cols < 80))
			wizard_cluster_rows(w);
		/* TRANSLATORS: column heads of the cluster list. */
		head[0] = '\0';
		display_cat(head, sizeof head, _("Cluster"), 16);
		display_cat(head, sizeof head, " ", 0);
		display_cat(head, sizeof head, _("Version"), 7);
		display_cat(head, sizeof head, " ", 0);
		if (COLS >= 80) {
			display_cat(head, sizeof head, _("Nodes"), -5);
			display_cat(head, sizeof head, " ", 0);
			display_cat(head, sizeof head, _("vCPU"), -4);
			display_cat(head, sizeof head, "  ", 0);
			display_cat(head, sizeof head, _("Region"), 10);
			display_cat(head, sizeof head, " ", 0);
		}
		display_cat(head, sizeof head, _("Verdict"), 0);
		display_text(win, y++, 2 + display_width(glyph->pointer) + 1,
		    COLS - 6, head, display_attr(STYLE_DIM), true);
		/*
		 * The selected cluster's problems in full (no routine
		 * infos) under the list, which gives up rows for them.
		 */
		{
			size_t	i;
			int	nrows = 0, need = 0, list_h;

			for (i = 0; i < w->v.n; i++)
				if (w->v.v[i].severity > SEV_INFO ||
				    w->v.v[i].msg == MSG_CLUSTER_OK)
					need += wizard_verdict_rows(&w->v.v[i],
					    COLS - 4, 6);
			list_h = bottom - y - 1 - need;
			if (list_h < 3)
				list_h = 3;
			widget_list_draw(&w->cluster_list, win, y, 2, list_h,
			    COLS - 4, true);
			y += list_h + 1;
			for (i = 0; i < w->v.n && y + nrows <= bottom; i++)
				if (w->v.v[i].severity > SEV_INFO ||
				    w->v.v[i].msg == MSG_CLUSTER_OK)
					nrows += wizard_draw_verdict(win,
					    y + nrows, 2, COLS - 4,
					    bottom + 1 - y - nrows,
					    &w->v.v[i]);
		}
		return;
	}
	display_wrap(win, y, 2, COLS - 4, 2, w->live_error[0] != '\0' ?
	    _("The subscription's clusters could not be read. Type the "
	    "cluster's resource ID.") : _("Offline: the subscription's "
	    "clusters cannot be listed. Type the cluster's resource ID."),
	    display_attr(STYLE_WARNING));
	y += 3;
	rows = widget_form_draw(&w->cluster_form, win, y, 2, COLS - 4,
	    bottom - y, &w->v, w->show_errors);
	(void)rows;
}

/* Step: TLS, with the host name preview and why a choice is missing. */
static void
wizard_draw_tls(struct wizard *w, WINDOW *win, int y, int bottom)
{
	char	host[512], line[640];
	int	rows;
	struct verdict pv;

	if (wizard_is_k8s(w)) {
		/* The intro says it, except on a small terminal. */
		if (wizard_compact())
			y += display_wrap(win, y, 2, COLS - 4, 2,
			    _("A Microsoft "
			    "certificate is not offered: it exists only on the "
			    "legacy AKS path."), display_attr(STYLE_DIM)) + 1;
	} else if (w->lb == 1 && wizard_tls_dropped(w)) {
		/* What changed, since the user chose otherwise. */
		display_text(win, y, 2, 2, glyph->warning,
		    display_attr(STYLE_WARNING), false);
		y += display_wrap(win, y, 4, COLS - 6, 4, _("The Microsoft "
		    "certificate you chose is not supported with an internal "
		    "load balancer, so TLS is Disabled now. Choose a custom "
		    "certificate, or go back and choose Public IP to get the "
		    "Microsoft certificate back as you left it."),
		    display_attr(STYLE_WARNING));
		y++;
	} else if (w->lb == 1) {
		y += display_wrap(win, y, 2, COLS - 4, 2, _("A Microsoft "
		    "certificate is not offered: it is not supported with an "
		    "internal load balancer."), display_attr(STYLE_DIM));
		y++;
	}
	rows = widget_form_draw(&w->tls_form, win, y, 2, COLS - 4,
	    bottom - y, &w->v, w->show_errors);
	y += rows + 1;
	if (w->tls_modes[w->tls] == TLS_MICROSOFT && w->plan.tls.leaf_label[0]
	    != '\0' && verdicts_find(&w->v, FIELD_TLS_LEAF_LABEL,
	    SEV_ERROR) == NULL) {
		const char *region = w->plan.location[0] != '\0' ?
		    w->plan.location : w->tui->ctx.location;

		if (rules_leaf_host_preview(w->tui->ctx.cloud,
		    w->plan.tls.leaf_label, region, host, sizeof host)) {
			memset(&pv, 0, sizeof pv);
			pv.msg = MSG_TLS_HOST_PREVIEW;
			pv.severity = SEV_INFO;
			pv.nargs = 1;
			strlcpy_ok(pv.args[0], host, sizeof pv.args[0]);
			tui_verdict_text(&pv, line, sizeof line);
		} else {
			snprintf(line, sizeof line, _("Scoring host name: "
			    "%s######.<region>.%s (the region is the "
			    "workspace's)"), w->plan.tls.leaf_label,
			    rules_cloud_dns_suffix(w->tui->ctx.cloud));
		}
		display_text(win, y, 4, 2, glyph->info, A_NORMAL, false);
		y += display_wrap(win, y, 6, COLS - 8, 2, line, A_NORMAL);
		display_wrap(win, y, 6, COLS - 8, 2, _("The six characters "
		    "are chosen by the service."), display_attr(STYLE_DIM));
	}
}

/*
 * F1: the keys of this step, each with what it does here (the generic
 * list of tui.c cannot say that Left picks the load balancer or that
 * typing filters sizes by name).  Pairs of key and help, NULL-ended.
 */
static const char *const *
wizard_help(const struct wizard *w, enum wizard_step s)
{
	/* TRANSLATORS: key names, at most 14 cells; then what they do. */
	static const char *const cluster[] = {
		N_("Up/Down"), N_("choose a cluster; each says whether it can "
		    "be attached"),
		N_("typing"), N_("offline: the cluster's resource ID"), NULL
	};
	static const char *const name[] = {
		N_("typing"), N_("the compute name; the rules are checked as "
		    "you type"),
		N_("Ctrl-U"), N_("clear the name"), NULL
	};
	static const char *const purpose[] = {
		N_("Up/Down"), N_("Production or Dev-test"),
		N_("Space"), N_("the other purpose"), NULL
	};
	static const char *const size[] = {
		N_("typing"), N_("filter the sizes by name (\"nc\": the NC "
		    "series)"),
		N_("Backspace"), N_("shorten the filter; Ctrl-U clears it"),
		N_("Up/Down"), N_("choose a size; PgUp/PgDn by pages"),
		N_("Tab"), N_("the node count, then the region"),
		N_("+ -"), N_("add or remove a node"), NULL
	};
	static const char *const network[] = {
		N_("Left/Right"), N_("Basic (Azure creates the network) or "
		    "Advanced (your VNet)"),
		N_("Tab"), N_("the next setting"), NULL
	};
	static const char *const lb[] = {
		N_("Left/Right"), N_("Public IP or Internal"),
		N_("Tab"), N_("the subnet; typing replaces the one offered"),
		NULL
	};
	static const char *const type[] = {
		N_("Up/Down"), N_("Kubernetes or the legacy AKS compute"),
		N_("Space"), N_("the other type"), NULL
	};
	static const char *const aks[] = {
		N_("typing"), N_("the cluster's name, its resource group, the "
		    "namespace; empty takes the default"),
		N_("Tab"), N_("the next field"), NULL
	};
	static const char *const ns[] = {
		N_("typing"), N_("the namespace; empty takes default"),
		NULL
	};
	static const char *const lb_k8s[] = {
		N_("Left/Right"), N_("Public IP or Internal; on the router's "
		    "line, its service type"),
		N_("Tab"), N_("the router's service type"), NULL
	};
	static const char *const tls_k8s[] = {
		N_("Left/Right"), N_("Disabled or a custom certificate"),
		N_("Tab"), N_("the next field; in a file name, completes it "
		    "first"), NULL
	};
	static const char *const tls[] = {
		N_("Left/Right"), N_("Disabled, a Microsoft or a custom "
		    "certificate"),
		N_("Tab"), N_("the next field; in a file name, completes it "
		    "first"),
		N_("Space"), N_("tick or untick a box"), NULL
	};

	switch (s) {
	case STEP_TYPE:		return type;
	case STEP_AKS:		return w->op == PLAN_ATTACH ? ns : aks;
	case STEP_LB:		return wizard_is_k8s(w) ? lb_k8s : lb;
	case STEP_TLS:		return wizard_is_k8s(w) ? tls_k8s : tls;
	case STEP_CLUSTER:	return cluster;
	case STEP_NAME:		return name;
	case STEP_PURPOSE:	return purpose;
	case STEP_SIZE:		return size;
	case STEP_NETWORK:	return network;
	default:		return name;
	}
}

/* True on a terminal smaller than 80x24, where rows are scarce. */
static bool
wizard_compact(void)
{
	return LINES < 24 || COLS < 80;
}

/* F1: the step's keys, then the wizard's own, in the keys overlay. */
static void
wizard_help_open(struct wizard *w)
{
	static const struct {
		enum request	 req;
		const char	*keys, *help;
	} common[] = {
		{ REQ_ENTER,	N_("Enter"),
		    N_("the next step, once this one has no errors") },
		{ REQ_BACK,	N_("Esc"),
		    N_("the step before; everything typed is kept") },
		{ REQ_QUIT,	N_("Ctrl-C"),
		    N_("quit (asking first when work is unsaved)") },
	};
	const char *const	*k;
	struct tui_help		 h;
	size_t			 i;

	memset(&h, 0, sizeof h);
	snprintf(h.title, sizeof h.title, _(" Keys of this step: %s "),
	    wizard_step_title(w->steps[w->cur]));
	/* What the step is for, which a small terminal shows only here. */
	if (wizard_compact())
		h.intro = wizard_intro(w, w->steps[w->cur]);
	for (k = wizard_help(w, w->steps[w->cur]); *k != NULL; k += 2)
		(void)tui_help_add(&h, REQ_NONE, _(k[0]), k[1]);
	for (i = 0; i < sizeof common / sizeof common[0]; i++)
		(void)tui_help_add(&h, common[i].req, _(common[i].keys),
		    common[i].help);
	tui_help_open(w->tui, &h);
}

/* The current step inside the frame. */
static void
wizard_draw(struct screen *s, WINDOW *win)
{
	struct wizard		*w = s->data;
	enum wizard_step	 step = w->steps[w->cur];
	char			 right[64];
	int			 y = 3, bottom = LINES - 3;

	snprintf(right, sizeof right, _("Step %d of %d"), w->cur + 1,
	    w->nsteps);
	tui_draw_frame(w->tui, win, w->op == PLAN_CREATE ?
	    _("Create inference cluster") : _("Attach AKS cluster"), right);
	display_text(win, y++, 2, COLS - 4, wizard_step_title(step), A_BOLD,
	    true);
	/* Below 80x24 (a split pane) the explanation moves behind F1. */
	if (wizard_compact())
		display_text(win, y++, 2, COLS - 4, _("F1 explains this step "
		    "and its keys."), display_attr(STYLE_DIM), true);
	else
		y += display_wrap(win, y, 2, COLS - 4, 5,
		    wizard_intro(w, step), A_NORMAL);
	y++;
	switch (step) {
	case STEP_TYPE:
		wizard_draw_type(w, win, y, bottom);
		break;
	case STEP_AKS:
		wizard_draw_aks(w, win, y, bottom);
		break;
	case STEP_CLUSTER:
		wizard_draw_cluster(w, win, y, bottom);
		break;
	case STEP_NAME:
		wizard_draw_name(w, win, y, bottom);
		break;
	case STEP_PURPOSE:
		wizard_draw_purpose(w, win, y, bottom);
		break;
	case STEP_SIZE:
		wizard_draw_size(w, win, y, bottom);
		break;
	case STEP_NETWORK:
		widget_form_draw(&w->net_form, win, y, 2, COLS - 4,
		    bottom - y, &w->v, w->show_errors);
		break;
	case STEP_LB:
		if (wizard_is_k8s(w)) {
			wizard_draw_lb_k8s(w, win, y, bottom);
			break;
		}
		y += widget_form_draw(&w->lb_form, win, y, 2, COLS - 4,
		    bottom - y, &w->v, w->show_errors) + 1;
		if (w->lb == 1 && w->tls_wanted == TLS_MICROSOFT) {
			display_text(win, y, 2, 2, glyph->warning,
			    display_attr(STYLE_WARNING), false);
			display_wrap(win, y, 4, COLS - 6, bottom - y,
			    _("TLS: a Microsoft certificate is not supported "
			    "with an internal load balancer, so TLS becomes "
			    "Disabled. The label you typed is kept for a "
			    "public IP."), display_attr(STYLE_WARNING));
		}
		break;
	case STEP_TLS:
		wizard_draw_tls(w, win, y, bottom);
		break;
	default:
		break;
	}
	tui_draw_hints(win, w->cur + 1 < w->nsteps ?
	    _("Enter next  Esc back  Tab move  F1 keys  Ctrl-C quit") :
	    _("Enter review  Esc back  Tab move  F1 keys  Ctrl-C quit"));
}

static bool	wizard_unsaved(struct screen *);
static void	wizard_save_draft(struct screen *);

/* Focus the widget of the first error, so that it can be fixed at once. */
static void
wizard_focus_error(struct wizard *w)
{
	const struct verdict	*v = NULL;
	size_t			 i;

	for (i = 0; i < w->v.n && v == NULL; i++)
		if (w->v.v[i].severity == SEV_ERROR)
			v = &w->v.v[i];
	if (v == NULL)
		return;
	switch (w->steps[w->cur]) {
	case STEP_AKS:
		widget_form_focus_field(&w->aks_form, v->field);
		break;
	case STEP_SIZE:
		w->size_focus = v->field == FIELD_VM_SIZE ? 0 : 1;
		break;
	case STEP_NETWORK:
		widget_form_focus_field(&w->net_form, v->field);
		break;
	case STEP_LB:
		widget_form_focus_field(&w->lb_form, v->field);
		break;
	case STEP_TLS:
		widget_form_focus_field(&w->tls_form, v->field);
		break;
	default:
		break;
	}
}

/*
 * An attach reaching its name with none typed (or the one suggested for
 * another cluster, untouched): one made from the cluster's name (core's
 * rules_name_suggest), free in the workspace as far as its names are
 * known; typing replaces it.
 */
static void
wizard_suggest_name(struct wizard *w)
{
	char	name[PLAN_NAME_LEN];

	widget_field_get(&w->name, name, sizeof name);
	if (w->op != PLAN_ATTACH || (name[0] != '\0' &&
	    (w->name.touched || strcmp(name, w->name_suggested) != 0)))
		return;
	if (rules_name_for_cluster(w->plan.cluster_id,
	    (const char *const *)w->facts.names, w->facts.names_known ?
	    w->facts.nnames : 0, name, sizeof name)) {
		widget_field_set(&w->name, name);
		snprintf(w->name_suggested, sizeof w->name_suggested, "%s",
		    name);
	}
}

/* Enter on a step: go on when it has no errors, else say what to fix. */
static void
wizard_next(struct wizard *w)
{
	const struct verdict	*v = NULL;
	char			 text[1024];
	size_t			 i;
	struct open_request	 o;

	wizard_check(w);
	for (i = 0; i < w->v.n && v == NULL; i++)
		if (w->v.v[i].severity == SEV_ERROR)
			v = &w->v.v[i];
	if (v != NULL) {
		w->show_errors = true;
		wizard_focus_error(w);
		(void)text;
		tui_status(w->tui, STYLE_ERROR, "%s", _("Not yet: fix what "
		    "is marked first."));
		return;
	}
	w->show_errors = false;
	if (w->cur + 1 < w->nsteps) {
		w->cur++;
		if (w->steps[w->cur] == STEP_NAME)
			wizard_suggest_name(w);
		/* The clusters are judged again for the type chosen since. */
		if (w->steps[w->cur] == STEP_CLUSTER &&
		    w->facts.clusters_known && w->loading_clusters == NULL &&
		    w->clusters_k8s != wizard_is_k8s(w))
			wizard_load_live(w);
		wizard_check(w);
		return;
	}
	memset(&o, 0, sizeof o);
	o.wizard = w;
	tui_open(w->tui, REQ_OPEN_REVIEW, &o);
}

/* Show a step, checked. */
void
wizard_goto(struct wizard *w, enum wizard_step step)
{
	int	i;

	for (i = 0; i < w->nsteps; i++)
		if (w->steps[i] == step)
			w->cur = i;
	w->show_errors = false;
	wizard_check(w);
}

/* Back at the compute-type step, Kubernetes chosen (a legacy refusal). */
void
wizard_choose_k8s(struct wizard *w)
{
	w->type_asked = true;
	w->cur = 0;
	wizard_set_type(w, 0);
	w->show_errors = false;
	wizard_check(w);
}

/* Keys of the size step: list, node count, region. */
static bool
wizard_key_size(struct wizard *w, const struct key_event *ev)
{
	char	num[32];
	long	n;
	int	nfocus = w->ask_region ? 3 : 2;

	if ((ev->req == REQ_INCREASE || ev->req == REQ_DECREASE) &&
	    w->size_focus < 2) {
		widget_field_get(&w->nodes, num, sizeof num);
		n = strtol(num, NULL, 10);
		n += ev->req == REQ_INCREASE ? 1 : -1;
		if (n < 1)
			n = 1;
		if (n > AKS_MAX_NODES)
			n = AKS_MAX_NODES;
		snprintf(num, sizeof num, "%ld", n);
		widget_field_set(&w->nodes, num);
		w->nodes.touched = true;
		return true;
	}
	if (ev->req == REQ_NEXT_FIELD || ev->req == REQ_PREV_FIELD) {
		w->size_focus = (w->size_focus + (ev->req == REQ_NEXT_FIELD ?
		    1 : nfocus - 1)) % nfocus;
		return true;
	}
	switch (w->size_focus) {
	case 0:
		return widget_list_key(&w->size_list, ev, LINES - 14);
	case 1:
		if (keys_is_text(&ev->key) && (ev->key.code < '0' ||
		    ev->key.code > '9'))
			return false;
		if (ev->req == REQ_UP || ev->req == REQ_DOWN) {
			struct key_event e = *ev;

			e.req = ev->req == REQ_UP ? REQ_INCREASE :
			    REQ_DECREASE;
			return wizard_key_size(w, &e);
		}
		return widget_field_key(&w->nodes, ev);
	default:
		return widget_field_key(&w->region, ev);
	}
}

/* Keys of the current step; true if they changed something. */
static bool
wizard_key_step(struct wizard *w, const struct key_event *ev)
{
	bool	r;
	int	was;
	size_t	len;

	switch (w->steps[w->cur]) {
	case STEP_TYPE:
		was = w->ctype;
		if (ev->req == REQ_UP || ev->req == REQ_PREV_FIELD ||
		    ev->req == REQ_LEFT)
			wizard_set_type(w, 0);
		else if (ev->req == REQ_DOWN || ev->req == REQ_NEXT_FIELD ||
		    ev->req == REQ_RIGHT)
			wizard_set_type(w, 1);
		else if (ev->req == REQ_TOGGLE)
			wizard_set_type(w, !w->ctype);
		else
			return false;
		(void)was;
		return true;
	case STEP_AKS:
		return widget_form_key(&w->aks_form, ev);
	case STEP_CLUSTER:
		if (w->facts.clusters_known) {
			r = widget_list_key(&w->cluster_list, ev, LINES - 12);
			if (r && widget_list_selected(&w->cluster_list))
				widget_field_set(&w->cluster_id,
				    widget_list_selected(&w->cluster_list));
			return r;
		}
		return widget_form_key(&w->cluster_form, ev);
	case STEP_NAME:
		return widget_form_key(&w->name_form, ev);
	case STEP_PURPOSE:
		if (ev->req == REQ_UP || ev->req == REQ_PREV_FIELD ||
		    ev->req == REQ_LEFT) {
			w->purpose = 0;
			return true;
		}
		if (ev->req == REQ_DOWN || ev->req == REQ_NEXT_FIELD ||
		    ev->req == REQ_RIGHT) {
			w->purpose = 1;
			return true;
		}
		if (ev->req == REQ_TOGGLE) {
			w->purpose = !w->purpose;
			return true;
		}
		return false;
	case STEP_SIZE:
		return wizard_key_size(w, ev);
	case STEP_NETWORK:
		r = widget_form_key(&w->net_form, ev);
		wizard_visibility(w);
		return r;
	case STEP_LB:
		was = w->lb;
		/* Typing over the offered subnet replaces it. */
		if (w->lb_subnet_offered && keys_is_text(&ev->key) &&
		    widget_form_focused(&w->lb_form) != NULL &&
		    widget_form_focused(&w->lb_form)->field == &w->lb_subnet)
			widget_field_set(&w->lb_subnet, "");
		len = w->lb_subnet.len;
		r = widget_form_key(&w->lb_form, ev);
		if (w->lb_subnet.len != len)	/* edited: the user's now */
			w->lb_subnet_offered = false;
		/* Offer the subnet that can work: aks-subnet, or the VNet's. */
		if (w->lb == 1 && was != 1 && w->lb_subnet.len == 0 &&
		    w->op == PLAN_CREATE) {
			widget_field_set(&w->lb_subnet,
			    rules_lb_subnet_default(&w->plan.vnet));
			w->lb_subnet_offered = true;
		}
		wizard_visibility(w);
		return r;
	case STEP_TLS:
		was = w->tls;
		r = widget_form_key(&w->tls_form, ev);
		/* A choice made here is what the user wants from now on. */
		if (w->tls != was)
			w->tls_wanted = w->tls_modes[w->tls];
		wizard_visibility(w);
		return r;
	default:
		return false;
	}
}

/* True when the focused widget takes typed text. */
static bool
wizard_typing(struct wizard *w)
{
	struct form_item	*it = NULL;

	switch (w->steps[w->cur]) {
	case STEP_CLUSTER:
		if (w->facts.clusters_known)
			return false;
		it = widget_form_focused(&w->cluster_form);
		break;
	case STEP_NAME:
		it = widget_form_focused(&w->name_form);
		break;
	case STEP_AKS:
		it = widget_form_focused(&w->aks_form);
		break;
	case STEP_SIZE:
		return true;
	case STEP_NETWORK:
		it = widget_form_focused(&w->net_form);
		break;
	case STEP_LB:
		it = widget_form_focused(&w->lb_form);
		break;
	case STEP_TLS:
		it = widget_form_focused(&w->tls_form);
		break;
	default:
		break;
	}
	return it != NULL && it->kind == FORM_FIELD;
}

/* Wizard keys: Next, back, and the step's own. */
static enum reaction
wizard_request(struct screen *s, const struct key_event *ev)
{
	struct wizard	*w = s->data;
	bool		 kept;

	switch (ev->req) {
	case REQ_ENTER:
		wizard_next(w);
		return REACT_REDRAW;
	case REQ_BACK:
		w->show_errors = false;
		if (w->cur > 0) {
			w->cur--;
			wizard_check(w);
			return REACT_REDRAW;
		}
		if (w->tui->depth > 1) {
			/* Esc keeps everything: the plan becomes the draft. */
			struct tui	*t = w->tui;	/* w goes with the pop */

			kept = wizard_unsaved(s);
			if (kept)
				wizard_save_draft(s);
			tui_pop(t);
			if (kept)
				tui_status(t, STYLE_NORMAL, "%s",
				    _("The plan is kept: continue it from "
				    "this menu."));
			return REACT_REDRAW;
		}
		/* The wizard alone: keep the draft too, then leave. */
		if (wizard_unsaved(s)) {
			wizard_save_draft(s);
			w->saved = true;
		}
		tui_request_quit(w->tui);
		return REACT_REDRAW;
	case REQ_HELP:
		if (ev->key.fn || !wizard_typing(w)) {
			wizard_help_open(w);
			return REACT_REDRAW;
		}
		break;
	case REQ_QUIT:
		if (ev->key.code != 'q' || !wizard_typing(w))
			return REACT_UNHANDLED;
		break;
	default:
		break;
	}
	if (!wizard_key_step(w, ev))
		return ev->req == REQ_CHAR ? REACT_NONE : REACT_UNHANDLED;
	w->saved = false;
	wizard_check(w);
	return REACT_REDRAW;
}

/* Re-check the step when the wizard shows again. */
static void
wizard_enter(struct screen *s)
{
	struct wizard	*w = s->data;

	wizard_check(w);
}

/* Free the wizard; a running job frees its answer. */
static void
wizard_free(struct screen *s)
{
	struct wizard	*w = s->data;
	size_t		 i;

	(void)i;
	widget_list_done(&w->size_list);
	widget_list_done(&w->cluster_list);
	wizard_facts_done(&w->facts);
	/* A job still running frees its result when it ends. */
	if (w->loading != NULL)
		w->loading->cancelled = true;
	if (w->loading_clusters != NULL)
		w->loading_clusters->cancelled = true;
	free(w);
}

/* The model for tests: step, the plan's fields, the step's verdicts. */
static void
wizard_save_state(struct screen *s, FILE *fp)
{
	struct wizard	*w = s->data;
	size_t		 i;

	wizard_sync(w);
	fprintf(fp, "operation: %s\n", plan_op_name(w->op));
	fprintf(fp, "computeType: %s\n", compute_type_name(w->plan.type));
	fprintf(fp, "step: %s (%d of %d)\n",
	    wizard_step_name(w->steps[w->cur]), w->cur + 1, w->nsteps);
	fprintf(fp, "live: %s\n", w->facts.live ? "yes" : "no");
	fprintf(fp, "name: %s\n", w->plan.name);
	fprintf(fp, "purpose: %s\n", purpose_name(w->plan.purpose));
	if (w->op == PLAN_CREATE) {
		fprintf(fp, "vmSize: %s\n", w->plan.vm_size);
		fprintf(fp, "nodeCount: %d\n", w->plan.node_count);
		fprintf(fp, "location: %s\n", w->plan.location);
		fprintf(fp, "sizeFilter: %s\n", w->size_list.filter);
		fprintf(fp, "network: %s\n", w->net_mode ? "advanced" :
		    "basic");
		if (wizard_is_k8s(w))
			fprintf(fp, "cluster: %s %s %s %s\n",
			    plan_cluster_name(&w->plan),
			    plan_cluster_group(&w->plan),
			    plan_namespace(&w->plan),
			    plan_router_service(&w->plan));
	} else {
		fprintf(fp, "clusterResourceId: %s\n", w->plan.cluster_id);
		if (wizard_is_k8s(w))
			fprintf(fp, "namespace: %s %s\n",
			    plan_namespace(&w->plan),
			    plan_router_service(&w->plan));
	}
	fprintf(fp, "loadBalancer: %s %s\n", lb_type_name(w->plan.lb_type),
	    w->plan.lb_subnet);
	fprintf(fp, "tls: %s\n", tls_mode_name(w->plan.tls.mode));
	for (i = 0; i < w->v.n; i++)
		fprintf(fp, "verdict: %s %s %s\n",
		    severity_name(w->v.v[i].severity),
		    plan_field_path(w->v.v[i].field)[0] != '\0' ?
		    plan_field_path(w->v.v[i].field) : "-",
		    msg_name(w->v.v[i].msg));
}

/* Work is unsaved once anything was typed and the plan not saved since. */
static bool
wizard_unsaved(struct screen *s)
{
	struct wizard	*w = s->data;

	wizard_sync(w);
	return !w->saved && (w->plan.name[0] != '\0' || w->cur > 0);
}

/* SIGHUP: keep the plan as it stands, to be continued from home. */
static void
wizard_save_draft(struct screen *s)
{
	struct wizard	*w = s->data;
	char		 path[PLAN_TEXT_LEN + 16], *doc;
	FILE		*fp;

	if (!wizard_unsaved(s))
		return;
	wizard_draft_path(path, sizeof path);
	if ((doc = plan_json_write(&w->plan)) == NULL)
		return;
	if ((fp = fopen(path, "w")) != NULL) {
		fputs(doc, fp);
		fclose(fp);
	}
	free(doc);
}

/* A cluster's worst verdict in a few words, for its row. */
static void
wizard_cluster_word(const struct verdict *v, char *buf, size_t len)
{
	const char	*w;

	switch (v != NULL ? v->msg : MSG_CLUSTER_OK) {
	case MSG_K8S_PREVIEW:		w = _("preview version"); break;
	case MSG_K8S_UNSUPPORTED:	w = _("unsupported version"); break;
	case MSG_K8S_VERSION_INVALID:	w = _("unknown version"); break;
	case MSG_CLUSTER_TOO_SMALL:
		w = _("too small for production");
		break;
	case MSG_CLUSTER_PRIVATE:	w = _("private cluster"); break;
	case MSG_CLUSTER_AUTHORIZED_IPS: w = _("authorized IP ranges"); break;
	case MSG_ATTACH_OTHER_SUBSCRIPTION: w = _("other subscription"); break;
	case MSG_CLUSTER_NOT_READY:	w = _("not running"); break;
	case MSG_CLUSTER_ATTACHED:
		snprintf(buf, len, _("already attached as %s"),
		    v->nargs > 2 ? v->args[2] : "?");
		return;
	case MSG_CLUSTER_OK:		w = _("can be attached"); break;
	default:
		tui_verdict_text(v, buf, len);
		return;
	}
	snprintf(buf, len, "%s", w);
}

/* Rows of the attach step: a cluster and its verdict, in one line. */
static void
wizard_cluster_rows(struct wizard *w)
{
	char		 row[1024], verdict[256];
	size_t		 i, k;
	const struct verdict *v;

	widget_list_clear(&w->cluster_list);
	for (i = 0; i < w->facts.clusters.n; i++) {
		const struct cluster_facts	*c =
		    &w->facts.clusters.v[i].facts;
		const struct verdicts	*vs = &w->facts.clusters.v[i].verdicts;
		const char			*mark = glyph->ok;

		v = NULL;
		for (k = 0; k < vs->n && v == NULL; k++)
			if (vs->v[k].severity == SEV_ERROR &&
			    vs->v[k].msg != MSG_CLUSTER_TOO_SMALL)
				v = &vs->v[k];
		for (k = 0; k < vs->n && v == NULL; k++)
			if (vs->v[k].severity == SEV_WARNING ||
			    vs->v[k].msg == MSG_CLUSTER_TOO_SMALL)
				v = &vs->v[k];
		if (v != NULL && v->severity == SEV_ERROR &&
		    v->msg != MSG_CLUSTER_TOO_SMALL)
			mark = glyph->error;
		else if (v != NULL)
			mark = glyph->warning;
		wizard_cluster_word(v, verdict, sizeof verdict);
		/* Narrow: name, version and verdict; the rest is below. */
		if (COLS < 80 ? snprintf(row, sizeof row, "%-16s %-7s %s %s",
		    c->name, c->version, mark, verdict) < 0 :
		    snprintf(row, sizeof row, "%-16s %-7s %5d %4d  %-10s %s %s",
		    c->name, c->version, c->node_count,
		    c->vcpu_total, c->location, mark, verdict) < 0)
			row[0] = '\0';
		widget_list_add(&w->cluster_list, c->id, row,
		    mark == glyph->error);
	}
	if (w->plan.cluster_id[0] != '\0')
		widget_list_select(&w->cluster_list, w->plan.cluster_id);
	if (widget_list_selected(&w->cluster_list) != NULL)
		widget_field_set(&w->cluster_id,
		    widget_list_selected(&w->cluster_list));
	w->cluster_cols = COLS;
}

/* Take the facts a job found, or say why there are none. */
static void
wizard_take_facts(struct wizard *w, bool ok, const struct err *err,
    const char *location, struct wizard_facts *found)
{
	struct tui	*t = w->tui;
	char		*keep;
	const char	*sel;

	if (!ok && tui_scope_failed(t, err))	/* home says what is wrong */
		return;
	if (!ok) {
		snprintf(w->live_error, sizeof w->live_error, "%s",
		    err->msg);
		tui_status(t, STYLE_ERROR, _("Live data unavailable: %s"),
		    err->msg);
		return;
	}
	if (location[0] != '\0' && t->ctx.location[0] == '\0') {
		snprintf(t->ctx.location, sizeof t->ctx.location, "%s",
		    location);
		w->ask_region = false;
		if (w->size_focus == 2)
			w->size_focus = 0;
	}
	sel = widget_list_selected(&w->size_list);
	keep = sel != NULL ? xstrdup(sel) : NULL;
	if (found->nsizes == 0 && w->op == PLAN_CREATE) {
		/* Keep the catalogue's sizes: the answer had none. */
		found->sizes = w->facts.sizes;
		found->nsizes = w->facts.nsizes;
		w->facts.sizes = NULL;
	}
	wizard_facts_done(&w->facts);
	w->facts = *found;
	memset(found, 0, sizeof *found);
	wizard_size_rows(w);
	if (keep == NULL || !widget_list_select(&w->size_list, keep))
		widget_list_select(&w->size_list, DEFAULT_VM_SIZE);
	free(keep);
	wizard_cluster_rows(w);
	wizard_check(w);
	t->redraw = true;
}

/* Job done (main thread): the create wizard's facts. */
static void
wizard_create_loaded(void *arg)
{
	struct live_create	*lc = arg;

	if (!lc->cancelled) {
		struct wizard	*w = lc->owner;

		w->loading = NULL;
		wizard_take_facts(w, lc->ok, &lc->err, lc->location,
		    &lc->facts);
	}
	live_create_free(lc);
}

/* Job done (main thread): the clusters to attach. */
static void
wizard_clusters_loaded(void *arg)
{
	struct live_clusters	*lc = arg;

	if (!lc->cancelled) {
		struct wizard	*w = lc->owner;

		w->loading_clusters = NULL;
		wizard_take_facts(w, lc->ok, &lc->err, lc->location,
		    &lc->facts);
	}
	live_clusters_free(lc);
}

/* Ask the backend for the facts of this wizard. */
static void
wizard_load_live(struct wizard *w)
{
	struct tui	*t = w->tui;

	if (t->ctx.arm == NULL)
		return;
	if (w->op == PLAN_CREATE) {
		struct live_create	*lc = xcalloc(1, sizeof *lc);

		lc->arm = t->ctx.arm;
		lc->scope = t->ctx.scope;
		lc->owner = w;
		w->loading = lc;
		job_start(live_create_run, wizard_create_loaded, lc);
	} else {
		struct live_clusters	*lc = xcalloc(1, sizeof *lc);

		lc->arm = t->ctx.arm;
		lc->cloud = t->ctx.cloud;
		lc->scope = t->ctx.scope;
		lc->owner = w;
		lc->attach_k8s = w->clusters_k8s = wizard_is_k8s(w);
		w->loading_clusters = lc;
		job_start(live_clusters_run, wizard_clusters_loaded, lc);
	}
}

static const struct screen_ops wizard_ops = {
	"wizard", wizard_enter, NULL, wizard_request, wizard_draw,
	wizard_free, wizard_save_state, wizard_unsaved, wizard_save_draft,
	wizard_keys
};

/* A new wizard for an operation, with the offline facts. */
static struct wizard *
wizard_new(struct tui *t, enum plan_op op)
{
	struct wizard	*w = xcalloc(1, sizeof *w);

	w->tui = t;
	w->op = op;
	plan_init(&w->plan, op);
	/* Kubernetes unless the command line said otherwise. */
	w->type_asked = !t->ctx.type_given;
	w->ctype = t->ctx.type_given && t->ctx.type == COMPUTE_AKS ? 1 : 0;
	wizard_create_steps(w);
	wizard_build(w);
	wizard_facts_offline(w);
	wizard_size_rows(w);
	w->ask_region = t->ctx.location[0] == '\0';
	/* The service's default size, as az ml and the SDK leave it. */
	widget_list_select(&w->size_list, DEFAULT_VM_SIZE);
	return w;
}

/*
 * Open a wizard for o->op, or on o->plan (a draft) when given, and ask
 * the backend for its facts.
 */
void
screen_wizard_open(struct tui *t, const struct open_request *o)
{
	const struct plan	*p = o->plan;
	struct wizard		*w = wizard_new(t, p == NULL ? o->op :
				    p->op == PLAN_ATTACH ? PLAN_ATTACH :
				    PLAN_CREATE);

	if (p != NULL)
		wizard_load(w, p);
	tui_push(t, &wizard_ops, w);
	wizard_load_live(w);
}
