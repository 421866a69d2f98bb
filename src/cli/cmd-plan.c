/*
 * akswiz plan check | new | export: plans without a terminal or a network.
 *
 * `plan check` prints every verdict of the offline rules.  `plan new`
 * builds a plan from the flags of `az ml computetarget create|attach aks`
 * and `plan export` turns a plan into the az command, the Python SDK
 * snippet or the ARM requests.
 *
 * Deliberate choices: `plan new` and `plan export` print their product
 * even when the plan has errors, and print the verdicts on standard error
 * with exit status 1; a user fixing a plan wants to see both, and a script
 * that checks the status does not use a broken plan by mistake.  A flag
 * that does not apply to the operation (--vm-size on attach) is a usage
 * error rather than a verdict, because nothing in the plan could hold it.
 */
#include "config.h"
#include "cli/cmd.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "azure/cert.h"
#include "azure/ops-deploy.h"
#include "cli/output.h"
#include "common/clock.h"
#include "common/err.h"
#include "common/i18n.h"
#include "core/plan.h"
#include "core/rules.h"
#include "core/rules-k8s.h"
#include "core/verdict.h"
#include "plan/plan-export.h"
#include "common/xalloc.h"
#include "plan/plan-json.h"

enum new_kind {
	NEW_STR,		/* copied into the field's buffer */
	NEW_INT,		/* --agent-count */
	NEW_PURPOSE,
	NEW_LB,
	NEW_FLAG,		/* --ssl-overwrite-domain, no value */
	NEW_ACTION,		/* --underlying-resource-action */
	NEW_TYPE,		/* --compute-type */
	NEW_ROUTER		/* --inference-router-service-type */
};

#define OP_C	(1u << PLAN_CREATE)
#define OP_A	(1u << PLAN_ATTACH)
#define OP_D	(1u << PLAN_DETACH)
#define OP_M	(1u << PLAN_MIGRATE)
#define OP_U	(1u << PLAN_UPDATE)	/* NAME's load balancer and TLS */

/* The flags of `plan new`, as az ml computetarget names them. */
static const struct new_flag {
	const char	*name;
	enum plan_field	 field;
	enum new_kind	 kind;
	unsigned	 ops;
} new_flags[] = {
	{ "--name",			FIELD_NAME,		NEW_STR, OP_C | OP_A | OP_D | OP_M | OP_U },
	{ "--description",		FIELD_DESCRIPTION,	NEW_STR, OP_C | OP_A },
	{ "--cluster-purpose",		FIELD_PURPOSE,		NEW_PURPOSE, OP_C | OP_A | OP_M },
	{ "--vm-size",			FIELD_VM_SIZE,		NEW_STR, OP_C },
	{ "--agent-count",		FIELD_NODE_COUNT,	NEW_INT, OP_C },
	{ "--location",			FIELD_LOCATION,		NEW_STR, OP_C },
	{ "--compute-resource-id",	FIELD_CLUSTER_ID,	NEW_STR, OP_A },
	{ "--load-balancer-type",	FIELD_LB_TYPE,		NEW_LB, OP_C | OP_A | OP_U | OP_M },
	{ "--load-balancer-subnet",	FIELD_LB_SUBNET,	NEW_STR, OP_C | OP_A | OP_U },
	{ "--ssl-leaf-domain-label",	FIELD_TLS_LEAF_LABEL,	NEW_STR, OP_C | OP_A | OP_U },
	{ "--ssl-overwrite-domain",	FIELD_TLS_OVERWRITE,	NEW_FLAG, OP_C | OP_A | OP_U },
	{ "--ssl-cert-file",		FIELD_TLS_CERT_FILE,	NEW_STR, OP_C | OP_A | OP_U | OP_M },
	{ "--ssl-key-file",		FIELD_TLS_KEY_FILE,	NEW_STR, OP_C | OP_A | OP_U | OP_M },
	{ "--ssl-cname",		FIELD_TLS_CNAME,	NEW_STR, OP_C | OP_A | OP_U | OP_M },
	{ "--vnet-resourcegroup-name",	FIELD_VNET_RESOURCE_GROUP, NEW_STR, OP_C },
	{ "--vnet-name",		FIELD_VNET_NAME,	NEW_STR, OP_C },
	{ "--subnet-name",		FIELD_SUBNET_NAME,	NEW_STR, OP_C },
	{ "--service-cidr",		FIELD_SERVICE_CIDR,	NEW_STR, OP_C },
	{ "--dns-service-ip",		FIELD_DNS_SERVICE_IP,	NEW_STR, OP_C },
	{ "--docker-bridge-cidr",	FIELD_DOCKER_BRIDGE_CIDR, NEW_STR, OP_C },
	{ "--underlying-resource-action", FIELD_DETACH_ACTION,	NEW_ACTION, OP_D },
	/* Today's path, as az aks create, k8s-extension and ml compute name them. */
	{ "--compute-type",		FIELD_COMPUTE_TYPE,	NEW_TYPE, OP_C | OP_A },
	{ "--cluster-name",		FIELD_CLUSTER_NAME,	NEW_STR, OP_C },
	{ "--cluster-resource-group",	FIELD_CLUSTER_GROUP,	NEW_STR, OP_C },
	{ "--dns-name-prefix",		FIELD_DNS_PREFIX,	NEW_STR, OP_C },
	{ "--nodepool-name",		FIELD_POOL_NAME,	NEW_STR, OP_C },
	{ "--kubernetes-version",	FIELD_K8S_VERSION,	NEW_STR, OP_C },
	{ "--namespace",		FIELD_NAMESPACE,	NEW_STR, OP_C | OP_A | OP_M },
	{ "--inference-router-service-type", FIELD_ROUTER_SERVICE, NEW_ROUTER, OP_C | OP_A | OP_U | OP_M },
	{ "--network-plugin",		FIELD_NETWORK_PLUGIN,	NEW_STR, OP_C },
	/* migrate: the new compute's name, and TLS off instead of kept */
	{ "--new-name",			FIELD_NEW_NAME,		NEW_STR, OP_M },
	{ "--ssl-disable",		FIELD_TLS_MODE,		NEW_FLAG, OP_M },
};

static void
usage_plan(FILE *fp)
{
	fputs(_("Usage: akswiz plan check FILE\n"
	    "       akswiz plan new create|attach|detach [FLAGS]\n"
	    "       akswiz plan export --as az|python|arm FILE\n"
	    "Check, build and export plans (akswiz-plan(5)); FILE \"-\" is "
	    "standard input.\n"
	    "\"akswiz plan COMMAND --help\" describes each command.\n"), fp);
}

static void
usage_check(FILE *fp)
{
	fputs(_("Usage: akswiz plan check [-o table|json|tsv] FILE\n"
	    "Print every verdict of the offline rules on the plan in FILE "
	    "(\"-\" is standard input).\n"
	    "Exit status: 0 no error (warnings allowed), 1 the plan has "
	    "errors, 2 the file is unreadable or not a plan.\n"), fp);
}

static void
usage_new(FILE *fp)
{
	fputs(_("Usage: akswiz plan new create|attach|detach [FLAGS]\n"
	    "Build a plan from the flags of \"az ml computetarget create|attach "
	    "aks\" and print it;\nthe verdicts of the rules go to standard "
	    "error (exit status 1 when there are errors).\n"
	    "The workspace comes from --subscription, -g/--resource-group and "
	    "-w/--workspace.\n\n"
	    "  --name NAME                    compute name (all)\n"
	    "  --description TEXT             (create, attach)\n"
	    "  --cluster-purpose P            FastProd (default) or DevTest "
	    "(create, attach)\n"
	    "  --vm-size SIZE                 such as Standard_D3_v2 (create)\n"
	    "  --agent-count N                number of nodes (create)\n"
	    "  --location REGION              default: the workspace's region "
	    "(create)\n"
	    "  --compute-resource-id ID       the AKS cluster (attach)\n"
	    "  --load-balancer-type T         PublicIp (default) or "
	    "InternalLoadBalancer\n"
	    "  --load-balancer-subnet SUBNET  subnet of the internal load "
	    "balancer\n"
	    "  --ssl-leaf-domain-label LABEL  TLS with a Microsoft "
	    "certificate\n"
	    "  --ssl-overwrite-domain         overwrite the label's existing "
	    "domain\n"
	    "  --ssl-cert-file FILE           TLS with a custom certificate "
	    "(PEM),\n"
	    "  --ssl-key-file FILE              its key (PEM, no pass phrase)\n"
	    "  --ssl-cname NAME                 and the host name it serves\n"
	    "  --vnet-resourcegroup-name G, --vnet-name V, --subnet-name S,\n"
	    "  --service-cidr CIDR, --dns-service-ip IP, --docker-bridge-cidr "
	    "CIDR\n"
	    "                                 a custom virtual network, all "
	    "six (create)\n"
	    "  --underlying-resource-action A Detach (default) or Delete "
	    "(detach)\n"), fp);
	/* TRANSLATORS: the flags of today's path; keep the flag names. */
	fputs(_("\nToday's path (create --compute-type Kubernetes): an AKS "
	    "cluster, the Azure ML\nextension on it, and a compute of type "
	    "Kubernetes that names it.\n"
	    "  --compute-type T               Kubernetes (the default) or "
	    "AKS (legacy)\n"
	    "  --cluster-name NAME            the AKS cluster (default: "
	    "--name)\n"
	    "  --cluster-resource-group G     its group (default: the "
	    "workspace's)\n"
	    "  --dns-name-prefix P            default: from the cluster "
	    "name\n"
	    "  --nodepool-name P              the System node pool "
	    "(default: nodepool1)\n"
	    "  --kubernetes-version V         such as 1.29 (default: the "
	    "region's default)\n"
	    "  --namespace NS                 the compute's namespace "
	    "(default: default)\n"
	    "  --inference-router-service-type T  LoadBalancer (default), "
	    "NodePort or ClusterIP\n"
	    "  --network-plugin P             azure, kubenet or none "
	    "(default: AKS's)\n"), fp);
	/* TRANSLATORS: keep the command and the flag names. */
	fputs(_("\nakswiz plan new migrate NAME [FLAGS]: the legacy AKS "
	    "compute NAME (read from the\nworkspace) to a Kubernetes "
	    "compute on its cluster; its load balancer, TLS and\npurpose "
	    "are kept unless flags choose others.\n"
	    "  --new-name NAME                the Kubernetes compute "
	    "(default: NAME-k8s)\n"
	    "  --namespace NS                 not azureml-<workspace>, the "
	    "legacy compute's\n"
	    "  --ssl-disable                  TLS off (a Microsoft "
	    "certificate is not kept)\n"
	    "  --load-balancer-type, --inference-router-service-type, "
	    "--cluster-purpose,\n"
	    "  --ssl-cert-file, --ssl-key-file, --ssl-cname  as for create\n"
	    "  --save-tls DIR                 save its custom certificate and "
	    "key in DIR\n"
	    "                                 (NAME-cert.pem, NAME-key.pem) "
	    "and keep them\n"),
	    fp);
	fputs(_("\nakswiz plan new update NAME [--load-balancer-type T] "
	    "[--inference-router-service-type T]\n"
	    "    [--ssl-cert-file F --ssl-key-file F --ssl-cname HOST]\n"
	    "  the load balancer and TLS of compute NAME, looked up in the "
	    "workspace: of a\n  Kubernetes compute, its Azure ML extension's "
	    "settings (the purpose kept).\n"), fp);
}

static void
usage_export(FILE *fp)
{
	fputs(_("Usage: akswiz plan export --as az|python|arm FILE\n"
	    "Print the plan in FILE (\"-\" is standard input) as an "
	    "\"az ml computetarget\" command,\na Python SDK (azureml.core) "
	    "snippet, or the ARM requests (method, path and body).\n"
	    "Certificates and keys appear as file names or placeholders, "
	    "never their contents.\n"), fp);
}

static bool
is_help(const char *s)
{
	return strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0;
}

/*
 * Offline checks: no facts but the catalogue and the cloud, and with
 * files, the certificate and key a custom TLS plan names (read as apply
 * would read them, relative to the current directory).
 */
static bool
check_plan(struct app_options *g, const struct plan *p, bool files,
    struct verdicts *vs)
{
	struct plan_facts	facts;
	enum cloud		cloud = CLOUD_AZURE;

	if (g->cloud != NULL && !cloud_parse(g->cloud, &cloud)) {
		cli_error(_("--cloud must be AzureCloud, AzureChinaCloud or "
		    "AzureUSGovernment, not \"%s\""), g->cloud);
		return false;
	}
	memset(&facts, 0, sizeof facts);
	facts.cloud = cloud;
	verdicts_init(vs);
	plan_check(p, &facts, vs);
	if (files) {
		cert_check_plan(p, clock_now(), vs);
		(void)ops_deploy_check_files(p, vs);
	}
	return true;
}

/* Read a plan; print the error and return false if it cannot be read. */
static bool
read_plan(const char *path, struct plan *p)
{
	struct err	err;

	err_clear(&err);
	if (plan_json_read_file(path, p, &err))
		return true;
	cli_error("%s", err.msg);	/* it names the file */
	return false;
}

/* Print the verdicts for people, with a count, on fp. */
static void
print_verdicts(FILE *fp, enum output_format fmt, const struct verdicts *vs)
{
	size_t	errors = verdicts_count(vs, SEV_ERROR);
	size_t	warnings = verdicts_count(vs, SEV_WARNING);

	if (vs->overflow)
		cli_warning(_("more verdicts than could be listed; fix these "
		    "and check again"));
	if (fmt != OUTPUT_TABLE) {
		output_verdicts(fp, fmt, vs);
		return;
	}
	if (vs->n > 0)
		output_verdicts(fp, fmt, vs);
	if (errors == 0 && warnings == 0)
		fprintf(fp, "%s\n", _("No errors or warnings."));
	else {
		char	e[64], w[64];

		/* TRANSLATORS: the summary reads "2 errors, 1 warning". */
		snprintf(e, sizeof e, P_("%zu error", "%zu errors", errors),
		    errors);
		snprintf(w, sizeof w, P_("%zu warning", "%zu warnings",
		    warnings), warnings);
		fprintf(fp, "%s, %s\n", e, w);
	}
}

/* akswiz plan check FILE: every offline verdict; exit 0, 1 or 2. */
static int
plan_check_cmd(struct app_options *g, int argc, char **argv)
{
	struct plan	p;
	struct verdicts	vs;

	if (argc >= 2 && is_help(argv[1])) {
		usage_check(stdout);
		return EXIT_OK;
	}
	if (argc != 2) {
		usage_check(stderr);
		return EXIT_USAGE;
	}
	if (!read_plan(argv[1], &p))
		return EXIT_USAGE;
	if (!check_plan(g, &p, true, &vs))
		return EXIT_USAGE;
	print_verdicts(stdout, g->output, &vs);
	return verdicts_has_errors(&vs) ? EXIT_FAILED : EXIT_OK;
}

/* The buffer of a string field of the plan, and its size. */
static char *
field_buf(struct plan *p, enum plan_field f, size_t *size)
{
#define FB(member) do { *size = sizeof (member); return (member); } while (0)
	switch (f) {
	case FIELD_NAME:		FB(p->name);
	case FIELD_DESCRIPTION:		FB(p->description);
	case FIELD_VM_SIZE:		FB(p->vm_size);
	case FIELD_LOCATION:		FB(p->location);
	case FIELD_CLUSTER_ID:		FB(p->cluster_id);
	case FIELD_LB_SUBNET:		FB(p->lb_subnet);
	case FIELD_TLS_LEAF_LABEL:	FB(p->tls.leaf_label);
	case FIELD_TLS_CERT_FILE:	FB(p->tls.cert_file);
	case FIELD_TLS_KEY_FILE:	FB(p->tls.key_file);
	case FIELD_TLS_CNAME:		FB(p->tls.cname);
	case FIELD_VNET_RESOURCE_GROUP:	FB(p->vnet.resource_group);
	case FIELD_VNET_NAME:		FB(p->vnet.vnet);
	case FIELD_SUBNET_NAME:		FB(p->vnet.subnet);
	case FIELD_SERVICE_CIDR:	FB(p->vnet.service_cidr);
	case FIELD_DNS_SERVICE_IP:	FB(p->vnet.dns_service_ip);
	case FIELD_DOCKER_BRIDGE_CIDR:	FB(p->vnet.docker_bridge_cidr);
	case FIELD_CLUSTER_NAME:	FB(p->cluster.name);
	case FIELD_CLUSTER_GROUP:	FB(p->cluster.resource_group);
	case FIELD_DNS_PREFIX:		FB(p->cluster.dns_prefix);
	case FIELD_POOL_NAME:		FB(p->cluster.node_pool);
	case FIELD_K8S_VERSION:		FB(p->cluster.kubernetes_version);
	case FIELD_NAMESPACE:		FB(p->namespace_);
	case FIELD_ROUTER_SERVICE:	FB(p->router_service);
	case FIELD_NETWORK_PLUGIN:	FB(p->network_plugin);
	case FIELD_NEW_NAME:		FB(p->new_name);
	case FIELD_SUBSCRIPTION:	FB(p->scope.subscription);
	case FIELD_RESOURCE_GROUP:	FB(p->scope.resource_group);
	case FIELD_WORKSPACE:		FB(p->scope.workspace);
	default:
		*size = 0;
		return NULL;
	}
#undef FB
}

/* Copy a flag's text into its field; false (with a message) if too long. */
static bool
set_text(struct plan *p, enum plan_field f, const char *flag,
    const char *value)
{
	size_t	 size;
	char	*dst = field_buf(p, f, &size);

	if (strlen(value) >= size) {
		cli_error(_("%s is too long: at most %zu bytes"), flag,
		    size - 1);
		return false;
	}
	memcpy(dst, value, strlen(value) + 1);
	return true;
}

/* Apply one flag of `plan new`; false (with a message) on a bad value. */
static bool
set_flag(struct plan *p, const struct new_flag *f, const char *value)
{
	enum compute_type	 type;
	enum router_service	 router;
	char			*end;
	long			 n;

	switch (f->kind) {
	case NEW_STR:
		return set_text(p, f->field, f->name, value);
	case NEW_INT:
		errno = 0;
		n = strtol(value, &end, 10);
		if (value[0] == '\0' || *end != '\0' || errno != 0 ||
		    n < INT_MIN || n > INT_MAX) {
			cli_error(_("%s must be a whole number, not \"%s\""),
			    f->name, value);
			return false;
		}
		p->node_count = (int)n;
		p->node_count_given = true;	/* 0 is refused, not unset */
		return true;
	case NEW_PURPOSE:
		if (!purpose_parse(value, &p->purpose)) {
			cli_error(_("%s must be FastProd or DevTest, not "
			    "\"%s\""), f->name, value);
			return false;
		}
		return true;
	case NEW_LB:
		if (!lb_type_parse(value, &p->lb_type)) {
			cli_error(_("%s must be PublicIp or InternalLoadBalancer, "
			    "not \"%s\""), f->name, value);
			return false;
		}
		return true;
	case NEW_FLAG:
		if (f->field == FIELD_TLS_MODE)	/* --ssl-disable */
			p->tls.mode = TLS_DISABLED;
		else
			p->tls.overwrite = true;
		return true;
	case NEW_ACTION:
		if (!detach_action_parse(value, &p->detach_action)) {
			cli_error(_("%s must be Detach or Delete, not \"%s\""),
			    f->name, value);
			return false;
		}
		return true;
	case NEW_TYPE:
		if (!compute_type_parse(value, &type)) {
			/* TRANSLATORS: %s are the flag and the value given. */
			cli_error(_("%s must be Kubernetes or AKS, not \"%s\""),
			    f->name, value);
			return false;
		}
		plan_set_type(p, type);
		return true;
	case NEW_ROUTER:
		if (!router_service_parse(value, &router)) {
			/* TRANSLATORS: %s are the flag and the value given. */
			cli_error(_("%s must be LoadBalancer, NodePort or "
			    "ClusterIP, not \"%s\""), f->name, value);
			return false;
		}
		return set_text(p, f->field, f->name,
		    router_service_name(router));
	}
	return false;
}

/* Parse the flags of `plan new OP` into p; false after a message. */
static bool
parse_new_flags(struct plan *p, int argc, char **argv)
{
	const struct new_flag	*f;
	const char		*arg, *eq, *value;
	size_t			 k, len;
	int			 i;

	for (i = 2; i < argc; i++) {
		arg = argv[i];
		/* `plan new update NAME`: the compute's name first. */
		if (i == 2 && p->op == PLAN_UPDATE && arg[0] != '-') {
			if (!set_text(p, FIELD_NAME, "--name", arg))
				return false;
			continue;
		}
		eq = strchr(arg, '=');
		len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
		f = NULL;
		for (k = 0; k < sizeof new_flags / sizeof new_flags[0]; k++)
			if (strlen(new_flags[k].name) == len &&
			    strncmp(new_flags[k].name, arg, len) == 0)
				f = &new_flags[k];
		if (f == NULL) {
			cli_error(_("unknown flag \"%s\"; \"akswiz plan new "
			    "--help\" lists the flags"), arg);
			return false;
		}
		if ((f->ops & (1u << p->op)) == 0) {
			cli_error(_("%s does not apply to \"plan new %s\""),
			    f->name, plan_op_name(p->op));
			return false;
		}
		value = NULL;
		if (f->kind == NEW_FLAG) {
			if (eq != NULL) {
				cli_error(_("%s takes no value"), f->name);
				return false;
			}
		} else if (eq != NULL)
			value = eq + 1;
		else if (i + 1 < argc)
			value = argv[++i];
		else {
			cli_error(_("%s needs a value"), f->name);
			return false;
		}
		if (!set_flag(p, f, value))
			return false;
	}
	return true;
}

/* TLS mode from the flags given: certificate flags win, then the label. */
static void
derive_tls(struct plan_tls *t)
{
	if (t->cert_file[0] != '\0' || t->key_file[0] != '\0' ||
	    t->cname[0] != '\0')
		t->mode = TLS_CUSTOM;
	else if (t->leaf_label[0] != '\0')
		t->mode = TLS_MICROSOFT;
	else
		t->mode = TLS_DISABLED;
}

/* Print the verdicts on stderr and return the exit status they give. */
static int
report(struct app_options *g, const struct verdicts *vs)
{
	if (vs->n > 0 || g->output_set)
		print_verdicts(stderr, g->output, vs);
	return verdicts_has_errors(vs) ? EXIT_FAILED : EXIT_OK;
}

/*
 * Print a new plan (to file when not NULL), its verdicts on stderr; the
 * exit status they give.
 */
static int
print_new_plan(struct app_options *g, const struct plan *p, const char *file)
{
	struct verdicts	 vs;
	char		*text;
	FILE		*fp = stdout;

	if (!check_plan(g, p, true, &vs))
		return EXIT_USAGE;
	if (file != NULL && strcmp(file, "-") != 0 &&
	    (fp = fopen(file, "w")) == NULL) {
		cli_error(_("cannot write %s: %s"), file, strerror(errno));
		return EXIT_USAGE;
	}
	text = plan_json_write(p);
	fputs(text, fp);
	free(text);
	if (fp != stdout && fclose(fp) != 0) {
		cli_error(_("cannot write %s: %s"), file, strerror(errno));
		return EXIT_USAGE;
	}
	fflush(stdout);
	return report(g, &vs);
}

/*
 * akswiz plan new migrate NAME [flags]: the legacy compute is read
 * (cmd-plan-migrate.c) for what the flags leave out.
 */
static int
plan_new_migrate(struct app_options *g, int argc, char **argv)
{
	struct plan	 p;
	char		**args;
	const char	*save_dir = NULL;
	int		 i, n = 0, status;
	bool		 tls = false, off = false, lb = false;
	bool		 purpose = false;

	plan_init(&p, PLAN_MIGRATE);
	/* NAME, the first argument that is not a flag, is --name. */
	args = xcalloc((size_t)argc + 2, sizeof *args);
	for (i = 0; i < argc; i++) {
		if (i == 2 && argv[i][0] != '-') {
			args[n++] = (char *)"--name";
		}
		/* --save-tls DIR: not a member of the plan. */
		if (strcmp(argv[i], "--save-tls") == 0 && i + 1 < argc) {
			save_dir = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--save-tls=", 11) == 0) {
			save_dir = argv[i] + 11;
			continue;
		}
		args[n++] = argv[i];
		tls = tls || strncmp(argv[i], "--ssl-", 6) == 0;
		off = off || strcmp(argv[i], "--ssl-disable") == 0;
		lb = lb || strncmp(argv[i], "--load-balancer-type", 20) == 0;
		purpose = purpose || strncmp(argv[i], "--cluster-purpose",
		    17) == 0;
	}
	if (!parse_new_flags(&p, n, args)) {
		free(args);
		return EXIT_USAGE;
	}
	free(args);
	if (off && (p.tls.cert_file[0] || p.tls.key_file[0] ||
	    p.tls.cname[0])) {
		/* TRANSLATORS: --ssl-disable is a flag, keep it. */
		cli_error(_("--ssl-disable and a certificate exclude each "
		    "other"));
		return EXIT_USAGE;
	}
	if (tls && !off)
		derive_tls(&p.tls);
	if (p.name[0] == '\0') {
		usage_new(stderr);
		return EXIT_USAGE;
	}
	if ((status = cli_plan_migrate_read(g, &p, lb, tls, purpose,
	    save_dir)) != EXIT_OK)
		return status;
	return print_new_plan(g, &p, NULL);
}

/* akswiz plan new OP [flags]: print the plan, verdicts on stderr. */
static int
plan_new_cmd(struct app_options *g, int argc, char **argv)
{
	struct plan	 p;
	enum plan_op	 op;
	const char	*file;
	bool		 helped;
	int		 i;

	/* A deploy's flags and help are cmd-deploy.c's. */
	if (argc >= 2 && strcmp(argv[1], "deploy") == 0) {
		if ((i = cli_plan_new_deploy(g, argc, argv, &p, &file,
		    &helped)) != EXIT_OK || helped)
			return i;
		return print_new_plan(g, &p, file);
	}
	for (i = 1; i < argc; i++)
		if (is_help(argv[i])) {
			usage_new(stdout);
			return EXIT_OK;
		}
	if (argc < 2) {
		usage_new(stderr);
		return EXIT_USAGE;
	}
	if (plan_op_parse(argv[1], &op) && op == PLAN_MIGRATE)
		return plan_new_migrate(g, argc, argv);
	if (!plan_op_parse(argv[1], &op) ||
	    op == PLAN_SCALE || op == PLAN_DELETE) {
		cli_error(_("\"plan new\" builds create, attach, detach, update or "
		    "migrate plans, not \"%s\""), argv[1]);
		return EXIT_USAGE;
	}
	plan_init(&p, op);
	/* Create and attach take today's path unless --compute-type AKS says not. */
	if (op == PLAN_CREATE || op == PLAN_ATTACH)
		plan_set_type(&p, COMPUTE_KUBERNETES);
	if ((g->subscription != NULL && !set_text(&p, FIELD_SUBSCRIPTION,
	    "--subscription", g->subscription)) ||
	    (g->resource_group != NULL && !set_text(&p, FIELD_RESOURCE_GROUP,
	    "--resource-group", g->resource_group)) ||
	    (g->workspace != NULL && !set_text(&p, FIELD_WORKSPACE,
	    "--workspace", g->workspace)) ||
	    !parse_new_flags(&p, argc, argv))
		return EXIT_USAGE;
	derive_tls(&p.tls);
	/* An update depends on the compute: the one look at the service. */
	if (op == PLAN_UPDATE && p.name[0] != '\0' &&
	    (i = cli_plan_update_target(g, &p)) != EXIT_OK)
		return i;
	return print_new_plan(g, &p, NULL);
}

/* akswiz plan export --as KIND FILE: print the export, errors on stderr. */
static int
plan_export_cmd(struct app_options *g, int argc, char **argv)
{
	struct plan		 p;
	struct verdicts		 vs;
	enum plan_export_kind	 kind;
	const char		*as = NULL, *file = NULL;
	char			*text;
	int			 i;

	for (i = 1; i < argc; i++) {
		if (is_help(argv[i])) {
			usage_export(stdout);
			return EXIT_OK;
		}
		if (strcmp(argv[i], "--as") == 0 && i + 1 < argc)
			as = argv[++i];
		else if (strncmp(argv[i], "--as=", 5) == 0)
			as = argv[i] + 5;
		else if (file == NULL && (argv[i][0] != '-' ||
		    strcmp(argv[i], "-") == 0))
			file = argv[i];
		else {
			usage_export(stderr);
			return EXIT_USAGE;
		}
	}
	if (as == NULL || file == NULL) {
		usage_export(stderr);
		return EXIT_USAGE;
	}
	if (!plan_export_kind_parse(as, &kind)) {
		cli_error(_("--as must be az, python or arm, not \"%s\""), as);
		return EXIT_USAGE;
	}
	/* An export may be for another machine: its files are not read. */
	if (!read_plan(file, &p) || !check_plan(g, &p, false, &vs))
		return EXIT_USAGE;
	text = plan_export(&p, kind);
	fputs(text, stdout);
	free(text);
	fflush(stdout);
	/* Only errors matter here: the export is not the place for advice. */
	if (verdicts_has_errors(&vs)) {
		print_verdicts(stderr, OUTPUT_TABLE, &vs);
		return EXIT_FAILED;
	}
	return EXIT_OK;
}

/* akswiz plan: dispatch to check, new or export. */
int
cmd_plan(struct app_options *g, int argc, char **argv)
{
	if (argc < 2) {
		usage_plan(stderr);
		return EXIT_USAGE;
	}
	if (is_help(argv[1])) {
		usage_plan(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "check") == 0)
		return plan_check_cmd(g, argc - 1, argv + 1);
	if (strcmp(argv[1], "new") == 0)
		return plan_new_cmd(g, argc - 1, argv + 1);
	if (strcmp(argv[1], "export") == 0)
		return plan_export_cmd(g, argc - 1, argv + 1);
	cli_error(_("unknown plan command \"%s\"; it is check, new or export"),
	    argv[1]);
	return EXIT_USAGE;
}
