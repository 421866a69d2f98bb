/*
 * akswiz detach NAME [--yes] [--no-wait] [--delete-cluster]
 * [--uninstall-extension] [--save-tls DIR]: detach a compute from the
 * workspace; the AKS cluster is kept.  For a legacy AKS compute,
 * --delete-cluster deletes it with the compute
 * (underlyingResourceAction=Delete).  For a Kubernetes compute the
 * detach is underlyingResourceAction=Detach, --uninstall-extension adds a
 * step that deletes the cluster's azureml extension, and --delete-cluster
 * one that deletes the cluster, only when akswiz created it (its tag,
 * PLAN_K8S_TAG): otherwise nothing is sent and it says why.  It asks
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

#include "azure/kube.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "core/plan.h"
#include "core/rules-k8s.h"
#include "plan/plan-k8s.h"

/* Ask on the terminal; true only for an answer starting with y. */
static bool
confirm(const char *name, const char *ws, bool delete_cluster,
    bool uninstall)
{
	if (uninstall && !delete_cluster)
		/* TRANSLATORS: y/N: the answers the question takes. */
		fprintf(stderr, _("Detach %s from workspace %s and uninstall "
		    "the Azure ML extension from its AKS cluster (the "
		    "cluster is kept)? [y/N] "), name, ws);
	else
		fprintf(stderr, delete_cluster ?
		    _("Detach %s from workspace %s and DELETE its AKS "
		    "cluster? [y/N] ") :
		    _("Detach %s from workspace %s (the AKS cluster is "
		    "kept)? [y/N] "), name, ws);
	return cli_answer_yes();
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
	struct arm_extension	 x;
	struct err		 err;
	bool			 found;
	int			 status = EXIT_OK;

	*kube = false;
	memset(&cl, 0, sizeof cl);
	memset(&x, 0, sizeof x);
	/* Not there: the preflight says so, in its words. */
	if ((status = cli_get_compute(s, p->name, &c, &found)) != EXIT_OK ||
	    !found)
		goto out;
	*kube = cli_compute_is(&c, "Kubernetes");
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
	err_clear(&err);
	if (uninstall && !del && !arm_get_extension(&s->arm, c.resource_id,
	    NULL, &x, &found, &err)) {
		session_report(&err);
		status = session_exit_status(&err);
		goto out;
	}
	/* An extension that is not there has nothing to uninstall. */
	p->uninstall_extension = uninstall && (del || found);
	if (uninstall && !p->uninstall_extension)
		/* TRANSLATORS: the first %s is the compute, the second the
		 * extension's name, azureml. */
		fprintf(stderr, _("akswiz: the AKS cluster of %s has no Azure "
		    "ML extension (%s): there is nothing to uninstall.\n"),
		    p->name, EXT_NAME);
	if (!del)
		goto out;
	if (!arm_get_cluster(&s->arm, c.resource_id, &cl, &err)) {
		session_report(&err);
		status = session_exit_status(&err);
		goto out;
	}
	if (!cli_cluster_ours(&cl)) {
		/* TRANSLATORS: "... (it has no createdBy=akswiz tag) ...". */
		cli_error(_("detach: AKS cluster %s was not created by akswiz "
		    "(it has no %s=%s tag): akswiz deletes only clusters it "
		    "created; nothing was detached"), cl.name != NULL ?
		    cl.name : c.resource_id, PLAN_K8S_TAG,
		    PLAN_K8S_TAG_VALUE);
		status = EXIT_PREFLIGHT;
		goto out;
	}
	p->delete_cluster = true;
out:
	arm_extension_done(&x);
	arm_cluster_done(&cl);
	arm_compute_done(&c);
	return status;
}

/* detach's own options. */
struct detach_opts {
	const char	*tls_dir;
	bool		 del, uninstall;
};

static int
detach_take(void *ctx, int argc, char **argv, int *i)
{
	struct detach_opts	*o = ctx;

	if (strcmp(argv[*i], "--delete-cluster") == 0)
		o->del = true;
	else if (strcmp(argv[*i], "--uninstall-extension") == 0)
		o->uninstall = true;
	else if (strcmp(argv[*i], "--save-tls") == 0 && *i + 1 < argc)
		o->tls_dir = argv[++*i];
	else if (strncmp(argv[*i], "--save-tls=", 11) == 0)
		o->tls_dir = argv[*i] + 11;
	else
		return 0;
	return 1;
}

/* akswiz detach NAME [--yes] [--no-wait] [--delete-cluster]
 * [--uninstall-extension] [--save-tls]. */
int
cmd_detach(struct app_options *g, int argc, char **argv)
{
	struct session		 s;
	struct plan		 p;
	struct cli_change	 c;
	struct detach_opts	 o = { NULL, false, false };
	const char		*name;
	bool			 kube = false;
	int			 status;

	if ((status = cli_change_args("detach", argc, argv, detach_take, &o,
	    &c)) != EXIT_OK)
		return status;
	if ((name = c.name) == NULL) {
		cli_error(_("usage: akswiz detach NAME [--yes]"));
		return EXIT_USAGE;
	}
	if ((status = cli_change_open(g, "detach", c.yes, &s)) != EXIT_OK)
		return status;
	plan_init(&p, PLAN_DETACH);
	snprintf(p.name, sizeof p.name, "%s", name);
	if ((status = kube_steps(&s, &p, o.del, o.uninstall, &kube)) !=
	    EXIT_OK) {
		session_close(&s);
		return status;
	}
	if (!c.yes && !confirm(name, s.workspace, o.del, o.uninstall)) {
		fprintf(stderr, _("akswiz: nothing was detached.\n"));
		session_close(&s);
		return EXIT_FAILED;
	}
	if (o.tls_dir != NULL && !save_tls(g, &s, name, o.tls_dir)) {
		session_close(&s);
		return EXIT_FAILED;
	}
	status = session_ops_apply(g, &s, &p, c.wait);
	if (status == EXIT_OK && c.wait && kube && !o.del &&
	    g->output == OUTPUT_TABLE)
		/* TRANSLATORS: after a detach of a Kubernetes compute;
		 * "akswiz attach" is a command. */
		printf(o.uninstall ? _("The AKS cluster is kept, without the "
		    "Azure ML extension.\n") : _("The AKS cluster and its "
		    "Azure ML extension are kept: attach it again with akswiz "
		    "attach.\n"));
	else if (status == EXIT_OK && c.wait && !o.del &&
	    g->output == OUTPUT_TABLE)
		printf(_("The AKS cluster is kept.  Before attaching it again, "
		    "delete the azureml-fe leftovers in it (service account, "
		    "cluster role and binding, services, deployment, the "
		    "azuremlfessl secret and the azuremlfeconfig config map); "
		    "save the TLS certificate and key from azuremlfessl first "
		    "if you need them.\n"));
	session_close(&s);
	return status;
}
