/*
 * akswiz: entry point.  Sets up the locale, takes the global options out of
 * argv wherever they stand (before or after the command), and runs the
 * command.  Options that take a value accept "--opt VALUE" and
 * "--opt=VALUE"; "--" ends option processing.
 */
#include "config.h"
#include "paths.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "common/i18n.h"
#include "common/xalloc.h"

enum global_kind {
	G_FLAG,
	G_VALUE,
	G_OPTIONAL	/* --debug[=FILE] */
};

struct global_option {
	const char		*long_name;
	char			 short_name;
	enum global_kind	 kind;
	int			 id;
};

enum {
	OPT_CLOUD, OPT_ENDPOINT, OPT_AUTHORITY, OPT_CA_FILE, OPT_SUBSCRIPTION,
	OPT_GROUP, OPT_WORKSPACE, OPT_OUTPUT, OPT_DEBUG, OPT_SANDBOX,
	OPT_NO_COLOR, OPT_READONLY, OPT_AUDIENCE, OPT_RESET
};

static const struct global_option global_options[] = {
	{ "cloud",		0,   G_VALUE,	 OPT_CLOUD },
	{ "endpoint",		0,   G_VALUE,	 OPT_ENDPOINT },
	{ "authority",		0,   G_VALUE,	 OPT_AUTHORITY },
	{ "audience",		0,   G_VALUE,	 OPT_AUDIENCE },
	{ "ca-file",		0,   G_VALUE,	 OPT_CA_FILE },
	{ "subscription",	0,   G_VALUE,	 OPT_SUBSCRIPTION },
	{ "resource-group",	'g', G_VALUE,	 OPT_GROUP },
	{ "workspace",		'w', G_VALUE,	 OPT_WORKSPACE },
	{ "output",		'o', G_VALUE,	 OPT_OUTPUT },
	{ "debug",		0,   G_OPTIONAL, OPT_DEBUG },
	{ "sandbox",		0,   G_FLAG,	 OPT_SANDBOX },
	{ "reset",		0,   G_FLAG,	 OPT_RESET },
	{ "no-color",		0,   G_FLAG,	 OPT_NO_COLOR },
	{ "readonly",		0,   G_FLAG,	 OPT_READONLY },
};

static void
usage(FILE *fp)
{
	fprintf(fp, _("Usage: akswiz [OPTIONS] [COMMAND] [ARGS]\n"
	    "Create, attach, watch and browse Azure Machine Learning inference "
	    "clusters.\n\nCommands:\n"));
	cli_command_list(fp);
	fprintf(fp, _("\nOptions (before or after the command):\n"
	    "  --sandbox               run against a private local sandbox cloud\n"
	    "  --reset                 with --sandbox: empty its world first\n"
	    "  --cloud NAME            AzureCloud, AzureChinaCloud or AzureUSGovernment\n"
	    "  --endpoint URL          Resource Manager endpoint\n"
	    "  --authority URL         Azure AD authority\n"
	    "  --audience URI          audience of Resource Manager tokens\n"
	    "  --ca-file FILE          also trust the CAs in FILE\n"
	    "  --subscription ID       subscription of the workspace\n"
	    "  -g, --resource-group G  resource group of the workspace\n"
	    "  -w, --workspace W       workspace\n"
	    "  -o, --output FORMAT     table, json or tsv\n"
	    "  --debug[=FILE]          write a redacted log of requests\n"
	    "  --no-color              no colours\n"
	    "  --readonly              browse without any action\n"
	    "  -h, --help              this help;  --version  the version\n\n"
	    "See akswiz(1) for details.\n"));
}

static bool
set_global(struct app_options *g, int id, const char *value)
{
	switch (id) {
	case OPT_CLOUD:		g->cloud = value; break;
	case OPT_ENDPOINT:	g->endpoint = value; break;
	case OPT_AUTHORITY:	g->authority = value; break;
	case OPT_AUDIENCE:	g->audience = value; break;
	case OPT_CA_FILE:	g->ca_file = value; break;
	case OPT_SUBSCRIPTION:	g->subscription = value; break;
	case OPT_GROUP:		g->resource_group = value; break;
	case OPT_WORKSPACE:	g->workspace = value; break;
	case OPT_OUTPUT:
		if (!cli_output_parse(value, &g->output)) {
			cli_error(_("--output must be table, json or tsv, not "
			    "\"%s\""), value);
			return false;
		}
		g->output_set = true;
		break;
	case OPT_DEBUG:
		g->debug = true;
		g->debug_file = value;
		break;
	case OPT_SANDBOX:	g->sandbox = true; break;
	case OPT_RESET:		g->reset = true; break;
	case OPT_NO_COLOR:	g->no_color = true; break;
	case OPT_READONLY:	g->readonly = true; break;
	}
	return true;
}

/* Match argv[*i] against the global options; -1 error, 0 no, 1 taken. */
static int
take_global(struct app_options *g, int argc, char **argv, int *i)
{
	const char			*arg = argv[*i], *value = NULL, *eq;
	const struct global_option	*o = NULL;
	size_t				 k, len;

	if (arg[0] != '-' || arg[1] == '\0')
		return 0;
	if (arg[1] == '-') {
		eq = strchr(arg + 2, '=');
		len = eq != NULL ? (size_t)(eq - arg - 2) : strlen(arg + 2);
		for (k = 0; k < sizeof global_options / sizeof *o; k++)
			if (strlen(global_options[k].long_name) == len &&
			    strncmp(global_options[k].long_name, arg + 2,
			    len) == 0)
				o = &global_options[k];
		if (o == NULL)
			return 0;
		if (eq != NULL) {
			if (o->kind == G_FLAG) {
				cli_error(_("option --%s takes no value"),
				    o->long_name);
				return -1;
			}
			value = eq + 1;
		}
	} else {
		if (arg[2] != '\0' && arg[2] != '=')
			value = arg[2] == '=' ? arg + 3 : arg + 2;
		for (k = 0; k < sizeof global_options / sizeof *o; k++)
			if (global_options[k].short_name == arg[1])
				o = &global_options[k];
		if (o == NULL)
			return 0;
		if (arg[2] == '=')
			value = arg + 3;
	}
	if (o->kind == G_VALUE && value == NULL) {
		if (*i + 1 >= argc) {
			cli_error(_("option --%s needs a value"), o->long_name);
			return -1;
		}
		value = argv[++*i];
	}
	return set_global(g, o->id, value) ? 1 : -1;
}

static void
globals_from_environment(struct app_options *g)
{
	const char	*s;

	if ((s = getenv("AKSWIZ_ENDPOINT")) != NULL && *s != '\0')
		g->endpoint = s;
	if ((s = getenv("AKSWIZ_AUTHORITY")) != NULL && *s != '\0')
		g->authority = s;
	if ((s = getenv("AKSWIZ_AUDIENCE")) != NULL && *s != '\0')
		g->audience = s;
	if ((s = getenv("NO_COLOR")) != NULL && *s != '\0')
		g->no_color = true;
}

/* The session's warnings, as every other warning of the commands. */
static void
main_warn(const char *msg)
{
	cli_warning("%s", msg);
}

int
main(int argc, char **argv)
{
	struct app_options		 g;
	const struct cli_command	*cmd;
	char				**rest;
	int				 i, n = 0, status;
	bool				 no_more = false;

	/* `akswiz --version` alone: no locale, catalogs or environment. */
	if (argc == 2 && strcmp(argv[1], "--version") == 0) {
		printf("akswiz %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	/* AKSWIZ_LOCALEDIR: the catalogs of a build tree, for its tests. */
	bindtextdomain(PACKAGE, getenv("AKSWIZ_LOCALEDIR") != NULL &&
	    getenv("AKSWIZ_LOCALEDIR")[0] != '\0' ?
	    getenv("AKSWIZ_LOCALEDIR") : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	memset(&g, 0, sizeof g);
	g.argv0 = argv[0];
	g.warn = main_warn;
	globals_from_environment(&g);

	rest = xcalloc((size_t)argc + 1, sizeof *rest);
	for (i = 1; i < argc; i++) {
		if (!no_more && strcmp(argv[i], "--") == 0) {
			no_more = true;
			rest[n++] = argv[i];
			continue;
		}
		if (!no_more) {
			int	r = take_global(&g, argc, argv, &i);

			if (r < 0) {
				free(rest);
				return EXIT_USAGE;
			}
			if (r > 0)
				continue;
		}
		rest[n++] = argv[i];
	}
	rest[n] = NULL;
	if (g.reset && !g.sandbox) {
		cli_error(_("--reset empties the sandbox world: it goes with "
		    "--sandbox"));
		free(rest);
		return EXIT_USAGE;
	}

	/* No command on a terminal (or a test's held screen): the home screen. */
	if (n == 0 && ((isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) ||
	    getenv("AKSWIZ_NO_DISPLAY") != NULL)) {
		status = cmd_home(&g, n, rest);
		free(rest);
		return status;
	}
	if (n == 0 || strcmp(rest[0], "--help") == 0 ||
	    strcmp(rest[0], "-h") == 0 || strcmp(rest[0], "help") == 0) {
		usage(stdout);
		free(rest);
		return EXIT_OK;
	}
	if (strcmp(rest[0], "--version") == 0) {
		printf("akswiz %s\n", PACKAGE_VERSION);
		free(rest);
		return EXIT_OK;
	}
	/* Before the command, an option akswiz does not know is no command. */
	if (rest[0][0] == '-' && rest[0][1] != '\0' &&
	    strcmp(rest[0], "--") != 0) {
		cli_error(_("unknown option \"%s\"; \"akswiz --help\" lists "
		    "the options"), rest[0]);
		free(rest);
		return EXIT_USAGE;
	}
	if ((cmd = cli_command_find(rest[0])) == NULL) {
		cli_error(_("unknown command \"%s\"; \"akswiz --help\" lists "
		    "the commands"), rest[0]);
		free(rest);
		return EXIT_USAGE;
	}
	if (cmd->synopsis != NULL && n == 2 && (strcmp(rest[1], "--help") == 0
	    || strcmp(rest[1], "-h") == 0)) {
		printf("%s\n  %s\n", cmd->synopsis, _(cmd->summary));
		free(rest);
		return EXIT_OK;
	}
	status = cmd->exec(&g, n, rest);
	free(rest);
	return status;
}
