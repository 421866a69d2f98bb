/*
 * akswiz plan new migrate NAME: the legacy AKS compute NAME, read in the
 * workspace, gives the migration plan its cluster and, unless flags
 * choose them, its load balancer, TLS and purpose (plan/plan-migrate.h).
 * The only `plan new` that needs the network: what it keeps is Azure's.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>

#include "azure/arm.h"
#include "azure/kube.h"
#include "cli/session.h"
#include "common/err.h"
#include "common/i18n.h"
#include "core/plan.h"
#include "plan/plan-migrate.h"

/*
 * Save the legacy compute's certificate and key (its cluster's
 * azuremlfessl secret, as detach --save-tls does) in dir, and keep them
 * as the plan's files unless flags named others.
 */
static int
save_tls(struct app_options *g, struct session *s, struct plan *p,
    const char *dir)
{
	struct http_config	 hc;
	struct err		 err;
	char			 cert[PLAN_TEXT_LEN], key[PLAN_TEXT_LEN];

	if (p->tls.mode != TLS_CUSTOM) {
		/* TRANSLATORS: --save-tls is a flag, keep it. */
		cli_error(_("--save-tls: %s has no custom certificate to "
		    "save"), p->name);
		return EXIT_USAGE;
	}
	memset(&hc, 0, sizeof hc);
	hc.debug_file = g->debug ? (g->debug_file != NULL ? g->debug_file :
	    "-") : NULL;
	snprintf(cert, sizeof cert, "%s/%s-cert.pem", dir, p->name);
	snprintf(key, sizeof key, "%s/%s-key.pem", dir, p->name);
	err_clear(&err);
	if (!kube_save_compute_tls(&s->arm, &hc, s->subscription,
	    s->resource_group, s->workspace, p->name, cert, key, &err)) {
		cli_error(_("cannot save the TLS certificate and key: %s"),
		    err.msg);
		return EXIT_FAILED;
	}
	fprintf(stderr, _("akswiz: saved the TLS certificate to %s and "
	    "its key to %s (mode 0600).\n"), cert, key);
	if (p->tls.cert_file[0] == '\0' && p->tls.key_file[0] == '\0') {
		snprintf(p->tls.cert_file, sizeof p->tls.cert_file, "%s",
		    cert);
		snprintf(p->tls.key_file, sizeof p->tls.key_file, "%s", key);
	}
	return EXIT_OK;
}

int
cli_plan_migrate_read(struct app_options *g, struct plan *p, bool lb_given,
    bool tls_given, bool purpose_given, const char *save_dir)
{
	struct session		 s;
	struct arm_compute	 c;
	struct plan_legacy	 l;
	struct err		 err;
	int			 status;

	err_clear(&err);
	if ((status = cli_plan_compute(g, p, &s, &c)) != EXIT_OK)
		return status;
	memset(&l, 0, sizeof l);
	l.compute_type = c.compute_type;
	l.resource_id = c.resource_id;
	l.lb_type = c.lb_type;
	l.ssl_status = c.ssl_status;
	l.ssl_cname = c.ssl_cname;
	l.ssl_leaf_label = c.ssl_leaf_label;
	l.purpose = c.cluster_purpose;
	if (!plan_migrate_from_legacy(p, &l, lb_given, tls_given,
	    purpose_given, &err)) {
		cli_error("%s", err.msg);
		status = EXIT_USAGE;
	} else if (save_dir != NULL)
		status = save_tls(g, &s, p, save_dir);
	arm_compute_done(&c);
	session_close(&s);
	return status;
}
