/*
 * Browse's migrate (m) of a legacy AKS compute to today's path: a form
 * with the new compute's name (plan new migrate's default), its
 * namespace, the load balancer, the router's service type and TLS, the
 * legacy compute's choices kept where today's path has them (a Microsoft
 * certificate it has not: a certificate of your own, or TLS off).  It
 * ends in the PLAN_MIGRATE `akswiz plan new migrate` builds, from the
 * same code (plan/plan-migrate.h), for the review.
 */
#ifndef AKSWIZ_TUI_BROWSE_MIGRATE_H
#define AKSWIZ_TUI_BROWSE_MIGRATE_H

#include <stdbool.h>

#include "core/plan.h"
#include "core/verdict.h"
#include "tui/widget.h"

struct tui;

/* The legacy compute as its row has it (copies). */
struct browse_migrate_legacy {
	char	name[PLAN_NAME_LEN];
	char	type[PLAN_NAME_LEN];		/* "AKS" */
	char	resource_id[PLAN_TEXT_LEN];	/* its AKS cluster */
	char	lb[PLAN_NAME_LEN];
	char	tls[PLAN_NAME_LEN];		/* Disabled, Enabled, Auto */
	char	cname[PLAN_TEXT_LEN];
	char	leaf[PLAN_NAME_LEN];
	char	purpose[PLAN_NAME_LEN];
};

struct browse_migrate {
	struct browse_migrate_legacy	 legacy;
	char				 workspace[PLAN_NAME_LEN];
	bool				 microsoft;	/* it had one */
	bool				 custom;	/* its own certificate */
	char				 note[1024];	/* the save's outcome */
	int				 lb;		/* 0 public, 1 internal */
	int				 router;	/* enum router_service */
	int				 tls;		/* 0 off, 1 my own */
	struct widget_field		 name, ns, cert, key, cname;
	struct widget_form		 form;
	struct verdicts			 checks;	/* plan_check's, live */
};

/*
 * Open the form on legacy compute l of workspace; false, and why in
 * the status line, when it is no legacy AKS compute on an AKS cluster.
 */
bool	browse_migrate_begin(struct browse_migrate *, struct tui *,
	    const struct browse_migrate_legacy *l, const char *workspace);
bool	browse_migrate_key(struct browse_migrate *, struct tui *,
	    const struct key_event *);
/* The migration plan; false, and why on the form, when refused. */
bool	browse_migrate_plan(struct browse_migrate *, struct tui *,
	    struct plan *);
/*
 * The legacy compute's certificate and key were saved to cert and key
 * (NULL: they could not be, note says why): the form takes the files.
 */
void	browse_migrate_saved(struct browse_migrate *, struct tui *,
	    const char *cert, const char *key, const char *note);
int	browse_migrate_draw(struct browse_migrate *, WINDOW *, int y,
	    int ymax);

#endif
