/* The command table and the small helpers every command uses. */
#include "config.h"
#include "cli/cmd.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "app/scope-cache.h"
#include "azure/arm.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "core/text.h"
#include "plan/plan-k8s.h"

static const struct cli_command cli_commands[] = {
	{ "plan", N_("build, check and export plans"), cmd_plan,
	    NULL },
	{ "create", N_("open the create wizard"), cmd_create,
	    "akswiz create [-g GROUP -w WORKSPACE --subscription ID]" },
	{ "attach", N_("open the attach wizard"), cmd_attach,
	    "akswiz attach [-g GROUP -w WORKSPACE --subscription ID]" },
	{ "browse", N_("the workspace's computes, live"), cmd_browse,
	    "akswiz browse [--readonly] [-g GROUP -w WORKSPACE --subscription ID]" },
	{ "login", N_("sign in and keep the token"), cmd_login,
	    NULL },
	{ "logout", N_("forget cached sign-ins"), cmd_logout,
	    NULL },
	{ "account", N_("show who is signed in"), cmd_account,
	    NULL },
	{ "apply", N_("perform a plan (create, attach, ...)"), cmd_apply,
	    "akswiz apply PLAN [--no-wait]" },
	{ "watch", N_("follow journaled operations to the end"), cmd_watch,
	    "akswiz watch [NAME]" },
	{ "list", N_("list the workspace's inference clusters"), cmd_list,
	    "akswiz list [--all]" },
	{ "show", N_("show one inference cluster"), cmd_show,
	    "akswiz show NAME" },
	{ "detach", N_("detach a cluster from the workspace"), cmd_detach,
	    "akswiz detach NAME [--yes] [--no-wait] [--delete-cluster] "
	    "[--uninstall-extension] [--save-tls DIR]" },
	/* TRANSLATORS: the summaries of scale and delete in --help. */
	{ "scale", N_("change the node count of a cluster's node pool"),
	    cmd_scale, "akswiz scale NAME --agent-count N "
	    "[--nodepool-name P] [--yes] [--no-wait]" },
	{ "delete", N_("delete a compute, and a cluster akswiz created"),
	    cmd_delete, "akswiz delete NAME [--yes] [--no-wait]" },
	/* TRANSLATORS: the summaries of online-endpoint and
	 * online-deployment in --help. */
	{ "online-endpoint", N_("online endpoints: list, show, create, keys, invoke"), cmd_online_endpoint,
	    "akswiz online-endpoint list\n"
	    "akswiz online-endpoint show --name E\n"
	    "akswiz online-endpoint create --name E --compute C "
	    "[--auth-mode key|aml_token] [--description TEXT] [--no-wait]\n"
	    "akswiz online-endpoint get-credentials --name E [--show-secrets]\n"
	    "akswiz online-endpoint regenerate-keys --name E "
	    "--key-type primary|secondary\n"
	    "akswiz online-endpoint invoke --name E --request-file F|- "
	    "[--deployment-name D]\n"
	    "akswiz online-endpoint update --name E --traffic \"D=P D=P\" "
	    "[--no-wait]\n"
	    "akswiz online-endpoint delete --name E [--yes] [--no-wait]" },
	{ "online-deployment", N_("an online endpoint's deployments"), cmd_online_deployment,
	    "akswiz online-deployment list "
	    "--endpoint-name E\n"
	    "akswiz online-deployment show --name D --endpoint-name E\n"
	    "akswiz online-deployment get-logs --name D --endpoint-name E "
	    "[--lines N] [--container inference-server|storage-initializer]\n"
	    "akswiz online-deployment update --name D --endpoint-name E "
	    "[--instance-count N | --min-instances N --max-instances N "
	    "[--target-utilization P]] [--request-timeout-ms N] "
	    "[--max-concurrent-requests N] [--liveness-* N] "
	    "[--readiness-* N] [--no-wait]\n"
	    "akswiz online-deployment delete --name D --endpoint-name E "
	    "[--yes] [--no-wait]" },
	/* TRANSLATORS: the summaries of the short forms of online-endpoint
	 * and online-deployment in --help. */
	{ "endpoint", N_("online endpoints, named by position"), cmd_endpoint,
	    "akswiz endpoint list|show E|get-credentials E|invoke E "
	    "--request-file F|-\n"
	    "akswiz endpoint regenerate-keys E --key-type primary|secondary\n"
	    "akswiz endpoint get-logs E --deployment-name D [--lines N]\n"
	    "akswiz endpoint update E --traffic \"D=P D=P\"\n"
	    "akswiz endpoint delete E [--yes]" },
	{ "deployment", N_("an endpoint's deployments, named by position"),
	    cmd_deployment,
	    "akswiz deployment scale E D --instance-count N\n"
	    "akswiz deployment get-logs E D [--lines N]\n"
	    "akswiz deployment list E | show E D | delete E D [--yes]" },
	/* TRANSLATORS: the summaries of model and environment in --help. */
	{ "model", N_("model versions: create (upload), list, show"),
	    cmd_model,
	    "akswiz model create --name N --version V --path FILE|DIR "
	    "[--type custom_model|mlflow_model|triton_model]\n"
	    "akswiz model list [--name N]\n"
	    "akswiz model show --name N --version V" },
	{ "code", N_("code versions (a scoring script's folder): create, "
	    "list, show"), cmd_code,
	    "akswiz code create --name N --version V --path DIR\n"
	    "akswiz code list [--name N]\n"
	    "akswiz code show --name N --version V" },
	{ "environment", N_("environment versions: create, list, show"),
	    cmd_environment,
	    "akswiz environment create --name N --version V --image IMAGE "
	    "[--conda-file F]\n"
	    "akswiz environment list [--name N]\n"
	    "akswiz environment show --name N --version V" },
	{ "clusters", N_("AKS clusters and whether they can attach"), cmd_clusters,
	    "akswiz clusters [--purpose FastProd|DevTest]" },
	{ "vm-sizes", N_("VM sizes and quota of a region"), cmd_vm_sizes,
	    "akswiz vm-sizes [-l LOCATION]" },
	{ "versions", N_("Kubernetes versions of a region"), cmd_versions,
	    "akswiz versions [-l LOCATION]" },
};

const struct cli_command *
cli_command_find(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof cli_commands / sizeof cli_commands[0]; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

void
cli_command_list(FILE *fp)
{
	size_t	i;

	/* A name longer than 12 columns (online-deployment) on a line of
	 * its own, the summaries kept in one column. */
	for (i = 0; i < sizeof cli_commands / sizeof cli_commands[0]; i++)
		if (strlen(cli_commands[i].name) > 12)
			fprintf(fp, "  %s\n  %-12s %s\n", cli_commands[i].name,
			    "", _(cli_commands[i].summary));
		else
			fprintf(fp, "  %-12s %s\n", cli_commands[i].name,
			    _(cli_commands[i].summary));
}

/* Print a message on stderr, control characters (service text) escaped. */
static void
cli_vprint(const char *fmt, va_list ap)
{
	char	*s, *safe;

	if (vasprintf(&s, fmt, ap) < 0)
		return;
	safe = text_escape_dup(s, TEXT_KEEP_NEWLINE);
	fputs(safe, stderr);
	free(safe);
	free(s);
}

void
cli_error(const char *fmt, ...)
{
	va_list	ap;

	fputs("akswiz: ", stderr);
	va_start(ap, fmt);
	cli_vprint(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

bool
cli_traffic_word_next(int argc, char **argv, int i)
{
	return i + 1 < argc && argv[i + 1][0] != '-' &&
	    strchr(argv[i + 1], '=') != NULL;
}

bool
cli_count(const char *opt, const char *s, long *v)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0) {
		/* TRANSLATORS: "--instance-count must be a whole number, not
		 * "x"". */
		cli_error(_("%s must be a whole number, not \"%s\""), opt, s);
		return false;
	}
	if (n < 0 || n > INT_MAX) {
		/* TRANSLATORS: "--liveness-period must be from 0 to
		 * 2147483647, not "-1"". */
		cli_error(_("%s must be from 0 to %d, not \"%s\""), opt,
		    INT_MAX, s);
		return false;
	}
	*v = n;
	return true;
}

void
cli_warning(const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "akswiz: %s", _("warning: "));
	va_start(ap, fmt);
	cli_vprint(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_change_args(const char *cmd, int argc, char **argv, cli_take_fn take,
    void *ctx, struct cli_change *c)
{
	int	i, r;

	memset(c, 0, sizeof *c);
	c->wait = true;
	for (i = 1; i < argc; i++) {
		if (take != NULL && (r = take(ctx, argc, argv, &i)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (strcmp(argv[i], "--yes") == 0 ||
		    strcmp(argv[i], "-y") == 0)
			c->yes = true;
		else if (strcmp(argv[i], "--no-wait") == 0)
			c->wait = false;
		else if (argv[i][0] == '-') {
			cli_error(_("%s: unknown option \"%s\""), cmd, argv[i]);
			return EXIT_USAGE;
		} else if (c->name == NULL)
			c->name = argv[i];
		else {
			/* TRANSLATORS: %s is a command: detach, scale or
			 * delete. */
			cli_error(_("%s: one compute at a time"), cmd);
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

int
cli_change_open(struct app_options *g, const char *cmd, bool yes,
    struct session *s)
{
	struct err	err;

	if (cli_readonly_refuse(g, cmd) != EXIT_OK)
		return EXIT_PREFLIGHT;
	if (!yes && !isatty(0)) {
		/* TRANSLATORS: %s is a command: detach, scale or delete. */
		cli_error(_("%s needs --yes when not run on a terminal"), cmd);
		return EXIT_USAGE;
	}
	err_clear(&err);
	if (!session_open(s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	return EXIT_OK;
}

int
cli_get_compute(struct session *s, const char *name, struct arm_compute *c,
    bool *found)
{
	struct err	err;

	err_clear(&err);
	if (arm_get_compute(&s->arm, s->subscription, s->resource_group,
	    s->workspace, name, c, found, &err))
		return EXIT_OK;
	session_report(&err);
	return session_exit_status(&err);
}

/* Copy src into dst when dst is empty and src fits. */
static void
fill_empty(char *dst, size_t len, const char *src)
{
	if (dst[0] == '\0' && src != NULL && strlen(src) < len)
		memcpy(dst, src, strlen(src) + 1);
}

int
cli_plan_compute(struct app_options *g, struct plan *p, struct session *s,
    struct arm_compute *c)
{
	struct err	err;
	bool		found = false;
	int		status;

	err_clear(&err);
	memset(c, 0, sizeof *c);
	if (!session_open(s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	fill_empty(p->scope.subscription, sizeof p->scope.subscription,
	    s->subscription);
	fill_empty(p->scope.resource_group, sizeof p->scope.resource_group,
	    s->resource_group);
	fill_empty(p->scope.workspace, sizeof p->scope.workspace,
	    s->workspace);
	if ((status = cli_get_compute(s, p->name, c, &found)) == EXIT_OK &&
	    !found) {
		cli_error(_("workspace %s has no compute named \"%s\""),
		    s->workspace, p->name);
		status = EXIT_USAGE;
	}
	if (status != EXIT_OK) {
		arm_compute_done(c);
		session_close(s);
	}
	return status;
}

bool
cli_compute_is(const struct arm_compute *c, const char *type)
{
	return c->compute_type != NULL && c->resource_id != NULL &&
	    strcasecmp(c->compute_type, type) == 0;
}

bool
cli_cluster_ours(const struct arm_cluster *cl)
{
	return cl->created_by != NULL &&
	    strcmp(cl->created_by, PLAN_K8S_TAG_VALUE) == 0;
}

bool
cli_answer(char *line, size_t len)
{
	fflush(stderr);
	if (fgets(line, (int)len, stdin) == NULL)
		return false;
	line[strcspn(line, "\r\n")] = '\0';
	return true;
}

bool
cli_answer_yes(void)
{
	char	line[64];

	return cli_answer(line, sizeof line) &&
	    (line[0] == 'y' || line[0] == 'Y');
}

bool
cli_output_parse(const char *s, enum output_format *out)
{
	if (strcmp(s, "table") == 0)
		*out = OUTPUT_TABLE;
	else if (strcmp(s, "json") == 0)
		*out = OUTPUT_JSON;
	else if (strcmp(s, "tsv") == 0)
		*out = OUTPUT_TSV;
	else
		return false;
	return true;
}

bool
cli_location(struct session *s, const char *cmd, const char *loc, char *buf,
    size_t len, int *status)
{
	struct err		err;

	if (loc != NULL && *loc != '\0') {
		snprintf(buf, len, "%s", loc);
		return true;
	}
	if (s->resource_group[0] == '\0' || s->workspace[0] == '\0') {
		cli_error(_("%s needs -l LOCATION, or a workspace (-g GROUP "
		    "-w WORKSPACE) whose region it then uses"), cmd);
		*status = EXIT_USAGE;
		return false;
	}
	err_clear(&err);
	if (!scope_cache_region(s, buf, len, &err)) {
		session_report(&err);
		*status = session_exit_status(&err);
		return false;
	}
	if (*buf == '\0') {
		cli_error(_("workspace %s names no region; give -l LOCATION"),
		    s->workspace);
		*status = EXIT_SERVICE;
		return false;
	}
	/* TRANSLATORS: "vm-sizes of eastus, the region of workspace ml-ws". */
	fprintf(stderr, _("akswiz: %s of %s, the region of workspace %s "
	    "(-l LOCATION for another)\n"), cmd, buf, s->workspace);
	return true;
}
