/*
 * The wizard's model: the plan being built, the widgets of every step
 * (so that going back never loses what was typed), and what is known of
 * the world (sizes, quotas, names, clusters) — live when a backend answers,
 * otherwise the built-in catalogue, and the screen says which.
 */
#ifndef AKSWIZ_TUI_WIZARD_H
#define AKSWIZ_TUI_WIZARD_H

#include <stdbool.h>
#include <stddef.h>

#include "azure/clusters.h"
#include "core/plan.h"
#include "core/rules.h"
#include "core/verdict.h"
#include "tui/widget.h"

struct tui;
struct live_create;
struct live_clusters;

enum wizard_step {
	STEP_CLUSTER,		/* attach: which AKS cluster */
	STEP_NAME,
	STEP_PURPOSE,
	STEP_SIZE,
	STEP_NETWORK,
	STEP_LB,
	STEP_TLS,
	STEP_TYPE,		/* create: Kubernetes (today's) or AKS (legacy) */
	STEP_AKS,		/* create on today's path: cluster, group, namespace */
	STEP__COUNT
};

/* A VM size as the size list shows it. */
struct wizard_size {
	char	name[PLAN_ID_LEN];
	int	vcpus;
	double	memory_gb;
	char	family[PLAN_ID_LEN];
	int	gpus;
	bool	fpga;
	long	family_free;	/* -1 unknown */
};

/* What is known beyond the plan. */
struct wizard_facts {
	bool			 live;		/* from the service */
	struct wizard_size	*sizes;		/* owned */
	size_t			 nsizes;
	struct quota_facts	 regional;
	struct quota_facts	*family;	/* one per size (owned) */
	char			**names;	/* existing computes (owned) */
	size_t			 nnames;
	bool			 names_known;
	struct cluster_list	 clusters;	/* attach (owned) */
	bool			 clusters_known;
};

/* Free what the facts own and empty them. */
void	wizard_facts_done(struct wizard_facts *);

struct wizard {
	struct tui		*tui;
	enum plan_op		 op;
	enum wizard_step	 steps[STEP__COUNT];
	int			 nsteps;
	int			 cur;		/* index into steps */
	struct plan		 plan;		/* synced from the widgets */
	struct wizard_facts	 facts;
	struct verdicts		 v;		/* the current step's */
	bool			 show_errors;	/* Next was refused */
	bool			 saved;		/* the plan as it is was saved */
	struct live_create	*loading;	/* the facts job, if running */
	struct live_clusters	*loading_clusters;
	bool			 clusters_k8s;	/* the type they were judged for */
	char			 live_error[256];	/* why facts are offline */
	char			 saved_path[PLAN_TEXT_LEN];

	/* attach */
	struct widget_list	 cluster_list;
	int			 cluster_cols;	/* COLS the rows were made for */
	struct widget_form	 cluster_form;
	struct widget_field	 cluster_id;
	/* name */
	struct widget_form	 name_form;
	struct widget_field	 name;
	char			 name_suggested[PLAN_NAME_LEN];	/* attach's */
	/* purpose: 0 production, 1 dev-test */
	int			 purpose;
	/* size: focus 0 list, 1 nodes, 2 region */
	struct widget_list	 size_list;
	struct widget_field	 nodes, region;
	int			 size_focus;
	int			 size_cols[5];	/* name vCPU GB marks quota */
	bool			 ask_region;
	/* network: 0 basic, 1 advanced */
	struct widget_form	 net_form;
	int			 net_mode;
	struct widget_field	 vnet_rg, vnet, subnet, service_cidr,
				 dns_ip, bridge_cidr;
	/* load balancer: 0 public, 1 internal */
	struct widget_form	 lb_form;
	int			 lb;
	struct widget_field	 lb_subnet;
	bool			 lb_subnet_offered;	/* typing replaces it */
	/* TLS: index into tls_modes */
	struct widget_form	 tls_form;
	int			 tls;
	enum tls_mode		 tls_modes[3];
	const char		*tls_labels[3];
	int			 ntls;
	/*
	 * The mode last chosen on the TLS step: when the load balancer takes
	 * it off the choices, TLS shows Disabled and the step says why; when
	 * it is offered again, it comes back with what was typed.
	 */
	enum tls_mode		 tls_wanted;
	struct widget_field	 leaf, cert, key, cname;
	bool			 overwrite;
	/*
	 * The compute type (create): 0 Kubernetes, today's path and the
	 * default; 1 AKS, the legacy path.  type_asked: the first step asks
	 * it (not when the command line gave it).
	 */
	int			 ctype;
	bool			 type_asked;
	/* today's path: the AKS cluster, its resource group, the namespace */
	struct widget_form	 aks_form;
	struct widget_field	 aks_name, aks_group, aks_namespace;
	/* today's path: the router's service type, index into router_labels */
	int			 router;
};

/* Copy the widgets into w->plan. */
void	wizard_sync(struct wizard *);
/* Load a plan (a draft) into the widgets. */
void	wizard_load(struct wizard *, const struct plan *);
/* True when the wizard builds a plan on today's path (Kubernetes). */
bool	wizard_is_k8s(const struct wizard *);
/* Back at the compute-type step with Kubernetes chosen (a legacy refusal). */
void	wizard_choose_k8s(struct wizard *);
/* Check the whole plan with every fact known (the review). */
void	wizard_check_all(struct wizard *, struct verdicts *);
/* Go to a step (from the review). */
void	wizard_goto(struct wizard *, enum wizard_step);
/* The step's title, translated. */
const char *wizard_step_title(enum wizard_step);
/* The draft's path ($XDG_STATE_HOME/akswiz/draft.json) into buf. */
void	wizard_draft_path(char *, size_t);
/* The state directory ($XDG_STATE_HOME/akswiz), created; false on error. */
bool	wizard_state_dir(char *, size_t, const char *sub);

#endif
