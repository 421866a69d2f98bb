/*
 * The deploy screens' model (screen-deploy.c): the widgets of its three
 * pages, kept while going back and forth, what is known of the workspace
 * (computes, endpoints) and of the chosen compute's cluster, and the plan
 * made from it (deploy-fields.c) for the review.
 */
#ifndef AKSWIZ_TUI_DEPLOY_H
#define AKSWIZ_TUI_DEPLOY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"
#include "core/plan.h"
#include "core/rules-deploy.h"
#include "core/verdict.h"
#include "tui/browse-migrate.h"
#include "tui/tls-save.h"
#include "tui/widget.h"

struct tui;
struct arm;
struct deploy_details_job;

enum {
	DEPLOY_PAGE_TARGET,
	DEPLOY_PAGE_WHAT,
	DEPLOY_PAGE_RESOURCES
};

/* A compute of the workspace as the target page lists it. */
struct deploy_compute {
	char	name[PLAN_NAME_LEN];
	char	type[PLAN_ID_LEN];		/* "Kubernetes", "AKS" ... */
	char	state[PLAN_ID_LEN];
	char	cluster_id[PLAN_TEXT_LEN];	/* its AKS cluster */
	char	default_instance_type[PLAN_NAME_LEN];
	char	instance_types[PLAN_TEXT_LEN];
	/* A legacy AKS compute's choices, for its migration (m). */
	char	lb[PLAN_NAME_LEN], tls[PLAN_NAME_LEN], cname[PLAN_TEXT_LEN],
		leaf[PLAN_NAME_LEN], purpose[PLAN_NAME_LEN];
};

/* The most deployments of an endpoint the wizard reads from its list. */
#define DEPLOY_NAMES_MAX	64

/* An online endpoint of the workspace. */
struct deploy_endpoint {
	char	name[PLAN_NAME_LEN];
	char	compute[PLAN_NAME_LEN];		/* its compute's name */
	char	auth_mode[PLAN_ID_LEN];		/* Key, AMLToken */
	char	state[PLAN_ID_LEN];		/* its provisioning state */
	char	deployments[PLAN_TEXT_LEN];	/* "blue green", as listed */
	bool	deployments_known;		/* the list was read */
};

/* A registered model or environment: its name and latest version. */
struct deploy_asset {
	char	name[PLAN_NAME_LEN];
	char	version[64];
	/* The latest version's model type and path, or image ("" unread). */
	char	detail[PLAN_TEXT_LEN];
};

/* Job: the workspace's computes and endpoints (and its assets). */
struct deploy_facts_job {
	struct arm		*arm;
	struct plan_scope	 scope;
	void			*owner;		/* main thread only */
	bool			 cancelled;
	bool			 ok;
	struct err		 err;
	struct deploy_compute	*computes;	/* owned */
	size_t			 ncomputes;
	struct deploy_endpoint	*endpoints;	/* owned */
	size_t			 nendpoints;
	/* The registered models and environments, when the service lists
	 * them (known false: not asked, or not answered). */
	struct deploy_asset	*models, *environments;	/* owned */
	size_t			 nmodels, nenvironments;
	bool			 models_known, environments_known;
	/* Why a list is not known (the service's refusal), or "". */
	char			 models_err[256], environments_err[256];
	/* The registered code versions, likewise. */
	struct deploy_asset	*codes;		/* owned */
	size_t			 ncodes;
	bool			 codes_known;
	char			 codes_err[256];
};
void	deploy_facts_free(struct deploy_facts_job *);

/* Job: the chosen compute's AKS cluster. */
struct deploy_cluster_job {
	struct arm	*arm;
	void		*owner;
	bool		 cancelled;
	bool		 ok;
	struct err	 err;
	char		 compute[PLAN_NAME_LEN];
	char		 cluster_id[PLAN_TEXT_LEN];
	char		 vm_size[PLAN_ID_LEN];
	char		 version[PLAN_ID_LEN];
	int		 nodes;
};

#define DEPLOY_NOTES	8

struct deploy {
	struct tui		*tui;
	int			 page;
	bool			 show_errors;	/* Next was refused */
	struct verdicts		 v;		/* the page's */
	struct deploy_facts_job	*loading;	/* running, or NULL */
	struct deploy_facts_job	*facts;		/* arrived, or NULL */
	char			 live_error[512];
	struct deploy_cluster_job *loading_cluster;
	struct deploy_cluster_job cluster;	/* valid when cluster_known */
	bool			 cluster_known;
	char			 cluster_of[PLAN_NAME_LEN];	/* asked for */
	char			 fit[256];	/* "Fits N instances ..." */
	/* target */
	struct widget_list	 computes;
	bool			 list_focus;
	struct widget_form	 target_form;
	struct widget_field	 compute, endpoint, deployment;
	int			 auth;		/* 0 key, 1 aml_token */
	/* m on a legacy AKS compute: browse's migrate form, in place; its
	 * Ctrl-S saves the certificate and key first (saving). */
	bool			 migrating, saving;
	struct browse_migrate	 migrate;
	struct tls_save		 save;
	int			 migrate_scroll;	/* taller than the screen */
	/* what */
	struct widget_form	 what_form;
	struct widget_field	 model, code, script, environment, image,
				 conda;
	char			 notes[DEPLOY_NOTES][PLAN_TEXT_LEN + 128];
	int			 notes_sev[DEPLOY_NOTES];
	int			 nnotes;
	/* resources */
	struct widget_form	 res_form;
	struct widget_field	 instance_type, cpu, memory, cpu_limit,
				 memory_limit, gpu, instances, min_inst,
				 max_inst, target_util, polling, timeout,
				 concurrent, queue_wait;
	int			 autoscale;	/* 0 fixed, 1 autoscale */
	/* Liveness and readiness probes, shown when probes is 1 (custom). */
	int			 probes;	/* 0 the service's defaults */
	struct widget_field	 live[5], ready[5];	/* delay period timeout
							   success failure */
	bool			 app_insights;
	/* F4 on a field: the workspace's list for it (deploy-pick.c). */
	int			 pick;		/* DEPLOY_PICK_*, or NONE */
	struct widget_list	 picks;
	struct deploy_details_job *loading_details;	/* or NULL */
	struct plan		 plan;		/* made for the review */
	bool			 typed;		/* a field was changed */
	bool			 submitted;	/* a plan of it is journaled */
};

/* Check the current page into d->v (and the what page's notes). */
void	deploy_check(struct deploy *);
/* The compute chosen (a row of the list), or NULL. */
const struct deploy_compute *deploy_compute_chosen(const struct deploy *);
/* The compute's name: the chosen row or the typed one. */
void	deploy_compute_name(const struct deploy *, char *, size_t);
const struct deploy_endpoint *deploy_endpoint_find(const struct deploy *,
	    const char *);
/* A number field: DEPLOY_UNSET when empty; false when not a number or
 * negative. */
bool	deploy_field_long(const struct widget_field *, long *);
void	deploy_read_scale(const struct deploy *, struct deploy_scale *,
	    struct deploy_requests *);
/* The probes as typed (all unset unless custom; unparsable: -2, refused). */
void	deploy_read_probes(const struct deploy *, struct deploy_probe *live,
	    struct deploy_probe *ready);
/* A page's title, translated; the page a plan field is on. */
const char *deploy_page_title(int page);
int	deploy_field_page(enum plan_field);
/* The endpoint typed is the workspace's: take its auth mode, and suggest
 * a deployment name it does not have. */
void	deploy_follow_endpoint(struct deploy *);
/*
 * The deployment's name, until it is typed: blue, or for an endpoint
 * whose deployments are read the first of blue, green, blue-2, green-2 ...
 * that it does not have.
 */
void	deploy_suggest_deployment(struct deploy *);
/* The plan was submitted and journaled (the progress screen says so). */
void	deploy_submitted(struct deploy *);
/* Back at a page (the progress screen's Enter after a failure). */
void	deploy_goto(struct deploy *, int page);

/*
 * After a deploy (deploy-call.c): the endpoint's scoring URI, or a call
 * of it with deploy_sample_body.  A job.
 */
enum {
	DEPLOY_CALL_URI,
	DEPLOY_CALL_INVOKE
};
struct deploy_call {
	struct arm		*arm;
	struct plan_scope	 scope;
	int			 what;		/* DEPLOY_CALL_* */
	char			 endpoint[PLAN_NAME_LEN];
	char			 deployment[PLAN_NAME_LEN];
	void			*owner;		/* main thread only */
	bool			 cancelled;
	bool			 ok;
	struct err		 err;
	char			 scoring_uri[PLAN_TEXT_LEN];	/* escaped */
	long			 status;	/* the call's HTTP status */
	uint64_t		 latency_ms;
	char			*reply;		/* the reply's body, escaped */
};
extern const char deploy_sample_body[];
struct deploy_call *deploy_call_new(struct arm *, const struct plan *,
	    int what);
void	deploy_call_run(void *);
void	deploy_call_free(struct deploy_call *);

/*
 * Pickers (deploy-pick.c): F4 on the model, the environment or the
 * endpoint lists what the workspace has (read with the computes), to be
 * filtered by typing; Enter puts the chosen one in the field, Esc leaves
 * the field as it was typed.
 */
enum {
	DEPLOY_PICK_NONE,
	DEPLOY_PICK_MODEL,
	DEPLOY_PICK_ENVIRONMENT,
	DEPLOY_PICK_ENDPOINT,
	DEPLOY_PICK_CODE
};
/*
 * Once the facts are in: a job reads the lists' details (each registered
 * model's and environment's latest version, each endpoint's deployments)
 * into them; cancelled when the screen goes.
 */
void	deploy_pick_details_load(struct deploy *);
void	deploy_pick_details_cancel(struct deploy *);
/* The picker of the focused field, or DEPLOY_PICK_NONE. */
int	deploy_pick_kind(struct deploy *);
/* What the focused field's list holds, said in a line; false: no list. */
bool	deploy_pick_line(struct deploy *, char *, size_t);
/* F4: open the focused field's list; false (said) when it cannot. */
bool	deploy_pick_open(struct deploy *);
/* A key while the list is open; true when something changed. */
bool	deploy_pick_key(struct deploy *, const struct key_event *);
void	deploy_pick_draw(struct deploy *, WINDOW *, int y, int bottom);

/* The deploy plan of what the pages hold (deploy-fields.c). */
void	deploy_make_plan(const struct deploy *, struct plan *);

#endif
