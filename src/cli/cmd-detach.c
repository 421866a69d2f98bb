/*
 * akswiz detach NAME [--yes] [--no-wait] [--delete-cluster]
 * [--uninstall-extension] [--save-tls DIR]: detach a compute from the
 * workspace; the AKS cluster is kept.  For a legacy AKS compute,
 * --delete-cluster deletes it with the compute
 * (underlyingResourceAction=Delete).  For a Kubernetes compute the
 * detach is underlyingResourceAction=Detach, --uninstall-extension adds a
 * step that deletes the cluster's azureml extension, and --delete-cluster
 * one that deletes the cluster, only when akswiz created it (its tag,
 * PLAN_CLUSTER_TAG): otherwise nothing is sent and it says why.  It asks
 * on a terminal unless --yes, and refuses without one and without --yes.
 * --save-tls first saves azureml-fe's TLS certificate and key
 * (DIR/NAME-cert.pem, DIR/NAME-key.pem, mode 0600) from the cluster; when
 * that fails nothing is detached and the kubectl way is shown.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "azure/kube.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "core/plan.h"

/* Ask on the terminal; true only for an answer starting with y. */
static bool
confirm(const char *name, const char *ws, bool delete_cluster,
    bool uninstall)
{
	char	line[64];

	if (uninstall && !delete_cluster)
		fprintf(stderr, _("Detach %s from workspace %s and uninstall "
		    "the Azure ML extension from its AKS cluster (the "
		    "cluster is kept)? [y/N] "), name, ws);
	else
		fprintf(stderr, delete_cluster ?
		    _("Detach %s from workspace %s and DELETE its AKS "
		    "cluster? [y/N] ") :
		    _("Detach %s from workspace %s (the AKS cluster is "
		    "kept)? [y/N] "), name, ws);
	fflush(stderr);
	if (fgets(line, sizeof line, stdin) == NULL)
		return false;
	return line[0] == 'y' || line[0] == 'Y';
}

/* Save the compute's TLS certificate and key in dir; false: told why. */
static bool
save_tls(const struct app_options *g, struct session *s, const char *name,
    const char *dir)
{
	struct http_config	 hc;
	struct err		 err;
	char			 cert[4096], key[4096];

	memset(&hc, 0, sizeof hc);
	hc.debug_file = g->debug ? (g->debug_file != NULL ? g->debug_file :
	    "-") : NULL;
	snprintf(cert, sizeof cert, "%s/%s-cert.pem", dir, name);
	snprintf(key, sizeof key, "%s/%s-key.pem", dir, name);
	err_clear(&err);
	if (kube_save_compute_tls(&s->arm, &hc, s->subscription,
	    s->resource_group, s->workspace, name, cert, key, &err)) {
		fprintf(stderr, _("akswiz: saved the TLS certificate to %s and "
		    "its key to %s (mode 0600).\n"), cert, key);
		return true;
	}
	cli_error(_("detach: cannot save the TLS certificate and key: %s"),
	    err.msg);
	fprintf(stderr, _("With kubectl, in a private directory:\n"));
	fprintf(stderr, "  umask 077; kubectl get secret azuremlfessl -o "
	    "jsonpath='{.data.cert\\.pem}' | base64 -d > cert.pem; kubectl "
	    "get secret azuremlfessl -o jsonpath='{.data.key\\.pem}' | "
	    "base64 -d > key.pem\n");
	fprintf(stderr, _("akswiz: nothing was detached.\n"));
	return false;
}

/*
 * The plan's steps on a Kubernetes compute's cluster, after a look at the
 * compute (*kube: it is one).  An exit status; EXIT_OK to go on.
 */
static int
kube_steps(struct session *s, struct plan *p, bool del, bool uninstall,
    bool *kube)
{
	struct arm_compute	 c;
	struct arm_cluster	 cl;
	struct err		 err;
	bool			 found;
	int			 status = EXIT_OK;

	*kube = false;
	memset(&cl, 0, sizeof cl);
	err_clear(&err);
	if (!arm_get_compute(&s->arm, s->subscription, s->resource_group,
	    s->workspace, p->name, &c, &found, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	/* Not there: the preflight says so, in its words. */
	if (!found)
		goto out;
	*kube = c.compute_type != NULL && c.resource_id != NULL &&
	    strcasecmp(c.compute_type, "Kubernetes") == 0;
	if (!*kube) {
		/* The legacy detach, as it always was. */
		p->detach_action = del ? DETACH_DELETE : DETACH_KEEP;
		if (uninstall) {
			/* TRANSLATORS: the second %s is a compute type. */
			cli_error(_("detach: --uninstall-extension is for "
			    "Kubernetes computes; %s is of type %s, without "
			    "the Azure ML extension"), p->name,
			    c.compute_type != NULL ? c.compute_type : "?");
			status = EXIT_PREFLIGHT;
		}
		goto out;
	}
	snprintf(p->cluster_id, sizeof p->cluster_id, "%s", c.resource_id);
	p->uninstall_extension = uninstall;
	if (!del)
		goto out;
	if (!arm_get_cluster(&s->arm, c.resource_id, &cl, &err)) {
		session_report(&err);
		status = session_exit_status(&err);
		goto out;
	}
	if (cl.created_by == NULL ||
	    strcmp(cl.created_by, PLAN_CLUSTER_TAG_VALUE) != 0) {
		/* TRANSLATORS: "... (it has no createdBy=akswiz tag) ...". */
		cli_error(_("detach: AKS cluster %s was not created by akswiz "
		    "(it has no %s=%s tag): akswiz deletes only clusters it "
		    "created; nothing was detached"), cl.name != NULL ?
		    cl.name : c.resource_id, PLAN_CLUSTER_TAG,
		    PLAN_CLUSTER_TAG_VALUE);
		status = EXIT_PREFLIGHT;
		goto out;
	}
	p->delete_cluster = true;
out:
	arm_cluster_done(&cl);
	arm_compute_done(&c);
	return status;
}

/* akswiz detach NAME [--yes] [--no-wait] [--delete-cluster]
 * [--uninstall-extension] [--save-tls]. */
int
cmd_detach(struct app_options *g, int argc, char **argv)
{
	struct session	 s;
	struct plan	 p;
	struct err	 err;
	const char	*name = NULL, *tls_dir = NULL;
	bool		 yes = false, wait = true, del = false;
	bool		 uninstall = false, kube = false;
	int		 i, status;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0)
			yes = true;
		else if (strcmp(argv[i], "--no-wait") == 0)
			wait = false;
		else if (strcmp(argv[i], "--delete-cluster") == 0)
			del = true;
		else if (strcmp(argv[i], "--uninstall-extension") == 0)
			uninstall = true;
		else if (strcmp(argv[i], "--save-tls") == 0 && i + 1 < argc)
			tls_dir = argv[++i];
		else if (strncmp(argv[i], "--save-tls=", 11) == 0)
			tls_dir = argv[i] + 11;
		else if (argv[i][0] == '-') {
			cli_error(_("detach: unknown option %s"), argv[i]);
			return EXIT_USAGE;
		} else if (name == NULL)
			name = argv[i];
		else {
			cli_error(_("detach: one compute at a time"));
			return EXIT_USAGE;
		}
	}
	if (name == NULL) {
		cli_error(_("usage: akswiz detach NAME [--yes]"));
		return EXIT_USAGE;
	}
	if (cli_readonly_refuse(g, "detach") != EXIT_OK)
		return EXIT_PREFLIGHT;
	if (!yes && !isatty(0)) {
		cli_error(_("detach needs --yes when not run on a terminal"));
		return EXIT_USAGE;
	}
	err_clear(&err);
	if (!session_open(&s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	plan_init(&p, PLAN_DETACH);
	snprintf(p.name, sizeof p.name, "%s", name);
	if ((status = kube_steps(&s, &p, del, uninstall, &kube)) != EXIT_OK) {
		session_close(&s);
		return status;
	}
	if (!yes && !confirm(name, s.workspace, del, uninstall)) {
		fprintf(stderr, _("akswiz: nothing was detached.\n"));
		session_close(&s);
		return EXIT_FAILED;
	}
	if (tls_dir != NULL && !save_tls(g, &s, name, tls_dir)) {
		session_close(&s);
		return EXIT_FAILED;
	}
	status = session_ops_apply(g, &s, &p, wait);
	if (status == EXIT_OK && wait && kube && !del &&
	    g->output == OUTPUT_TABLE)
		printf(uninstall ? _("The AKS cluster is kept, without the "
		    "Azure ML extension.\n") : _("The AKS cluster and its "
		    "Azure ML extension are kept: attach it again with akswiz "
		    "attach.\n"));
	else if (status == EXIT_OK && wait && !del && g->output == OUTPUT_TABLE)
		printf(_("The AKS cluster is kept.  Before attaching it again, "
		    "delete the azureml-fe leftovers in it (service account, "
		    "cluster role and binding, services, deployment, the "
		    "azuremlfessl secret and the azuremlfeconfig config map); "
		    "save the TLS certificate and key from azuremlfessl first "
		    "if you need them.\n"));
	session_close(&s);
	return status;
}
