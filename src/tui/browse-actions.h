/*
 * Browse's action forms on Kubernetes and AKS computes (screen-browse.c
 * opens them on the selected row and draws them in its panel): scale, the
 * node count of the cluster's node pool, checked as typed with the rules
 * `akswiz scale` uses (app/scale.c), which ends in a PLAN_SCALE for the
 * review; detach (d) and delete (x) of a Kubernetes compute, which may
 * take the Azure ML extension and, when akswiz created it, the AKS cluster
 * with them, as `akswiz detach` and `akswiz delete` do; the load balancer,
 * router service and TLS of a Kubernetes compute (i, t), a PLAN_UPDATE of
 * its extension.  The forms keep copies of what it was given, so a refresh
 * of browse cannot leave it pointing at freed rows.
 */
#ifndef AKSWIZ_TUI_BROWSE_ACTIONS_H
#define AKSWIZ_TUI_BROWSE_ACTIONS_H

#include <stdbool.h>

#include "azure/arm.h"
#include "core/plan.h"
#include "core/rules-k8s.h"
#include "tui/widget.h"

struct tui;

/*
 * The certificate, key and CNAME fields of a TLS form (shown: not
 * hidden), and the errors and warnings of vs from row y, each with its
 * mark (rows used): what every form of browse asks and says alike.
 */
void	browse_form_add_cert(struct widget_form *, struct widget_field *cert,
	    struct widget_field *key, struct widget_field *cname, bool shown);
int	browse_draw_verdicts(WINDOW *, const struct verdicts *, int y, int x,
	    int w, int ymax);
/* A certificate of your own (p's TLS): its rules and its files into vs. */
void	browse_check_cert(const struct plan *, struct verdicts *);

/*
 * Today's path's choices on a form: the load balancer (0 public, 1
 * internal), the router's service type (enum router_service), TLS (0 off,
 * 1 a certificate of your own).
 */
void	browse_form_add_k8s(struct widget_form *, int *lb, int *router,
	    int *tls);

#define BROWSE_SCALE_POOLS	12

struct browse_scale {
	char			 compute[PLAN_NAME_LEN];
	char			 cluster_id[PLAN_TEXT_LEN];
	char			 cluster_name[PLAN_NAME_LEN];
	struct arm_pool		 pools[BROWSE_SCALE_POOLS];	/* owned */
	struct arm_cluster	 cluster;	/* pools[] only */
	const char		*labels[BROWSE_SCALE_POOLS];	/* pool names */
	enum purpose		 purpose;
	struct ext_settings	 set;		/* the extension's, if any */
	int			 pool;		/* index into pools */
	struct widget_field	 count;
	struct widget_form	 form;
	struct verdicts		 checks;	/* of the count as typed */
};

/*
 * Open the form on compute (its purpose when a legacy AKS compute), its
 * cluster cl and the Azure ML extension x (Kubernetes; else NULL).  The
 * pool is the one `akswiz scale` picks; the count starts at its own.
 */
void	browse_scale_begin(struct browse_scale *, const char *compute,
	    const char *compute_purpose, const char *cluster_id,
	    const struct arm_cluster *cl, const struct arm_extension *x,
	    const struct plan_scope *);
void	browse_scale_done(struct browse_scale *);
/* A key for the form (the checks run again); true if something changed. */
bool	browse_scale_key(struct browse_scale *, const struct key_event *,
	    const struct plan_scope *);
/*
 * The plan when it can go to the review: false, and why in the status
 * line, when the pool scales itself, the count is refused or unchanged.
 */
bool	browse_scale_plan(struct browse_scale *, struct tui *,
	    struct plan *);
/* Draw the form in a panel from row y; rows used. */
int	browse_scale_draw(struct browse_scale *, WINDOW *, int y, int ymax);

/*
 * Detach or delete of a Kubernetes compute: the extension uninstalled
 * (detach, when there is one), the cluster deleted (only one akswiz
 * created, its createdBy tag), its name typed to confirm.
 */
struct browse_remove {
	bool			 del;		/* x: PLAN_DELETE; else detach */
	char			 compute[PLAN_NAME_LEN];
	char			 workspace[PLAN_NAME_LEN];
	char			 cluster_id[PLAN_TEXT_LEN];
	char			 cluster_name[PLAN_NAME_LEN];
	bool			 ours;		/* akswiz created the cluster */
	bool			 ext_found;
	bool			 uninstall;	/* detach: the extension goes */
	bool			 delete_cluster;
	struct widget_field	 confirm;	/* the name typed */
	struct widget_form	 form;
};

/*
 * Open the form on compute of workspace, its cluster cl (read again) and
 * whether the extension is there; del: x (delete) rather than d.
 */
void	browse_remove_begin(struct browse_remove *, bool del,
	    const char *compute, const char *workspace,
	    const char *cluster_id, const struct arm_cluster *cl,
	    bool ext_found);
bool	browse_remove_key(struct browse_remove *, const struct key_event *);
/*
 * The plan `akswiz detach` or `akswiz delete` builds for these choices;
 * false, and why in the status line, until the right name is typed.
 */
bool	browse_remove_plan(struct browse_remove *, struct tui *,
	    struct plan *);
int	browse_remove_draw(struct browse_remove *, WINDOW *, int y, int ymax);

/*
 * The load balancer, the inference router's service type and TLS of a
 * Kubernetes compute, as today's path has them: public or internal; a
 * LoadBalancer, NodePort or ClusterIP service; TLS off or a certificate
 * of your own (no Microsoft certificate on this path).  The certificate
 * and key files are asked every time: the extension never returns its
 * protected settings, and an update sends them all again.
 */
struct browse_update {
	char			 compute[PLAN_NAME_LEN];
	char			 cluster_id[PLAN_TEXT_LEN];
	char			 namespace_[PLAN_NAME_LEN];
	enum purpose		 purpose;
	int			 lb;		/* 0 public, 1 internal */
	int			 router;	/* enum router_service */
	int			 tls;		/* 0 off, 1 my own certificate */
	struct widget_field	 cert, key, cname;
	struct widget_form	 form;
	struct verdicts		 checks;	/* the choices', live */
};

/*
 * Open the form on compute (its namespace), its cluster and the settings
 * of its extension x; tls: t was pressed (the focus on TLS), else i.
 */
void	browse_update_begin(struct browse_update *, const char *compute,
	    const char *namespace_, const char *cluster_id,
	    const struct arm_extension *x, bool tls);
bool	browse_update_key(struct browse_update *, const struct key_event *);
/*
 * The update plan (type Kubernetes), checked as preflight checks it (the
 * choices' rules, the certificate files): false, and why on the form,
 * when something is refused.
 */
bool	browse_update_plan(struct browse_update *, struct tui *,
	    struct plan *);
int	browse_update_draw(struct browse_update *, WINDOW *, int y, int ymax);

#endif
