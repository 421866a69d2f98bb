/*
 * akswiz model, code and environment: the verbs of `az ml model`, `az ml
 * code` and `az ml environment` (create, list, show) on the workspace's
 * versions,
 * through azure/assets.c.  A model's file or folder is uploaded to the
 * workspace's storage with a progress bar on stderr when stderr is a
 * terminal (a plain line per large file otherwise).  Output as every
 * command prints it (cli/output.h); a version that is not there is a
 * failure (exit 1).
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "azure/assets.h"
#include "azure/blob.h"
#include "azure/registry.h"
#include "cli/output.h"
#include "core/assets.h"
#include "cli/session.h"
#include "common/i18n.h"

struct asset_args {
	const char	*cmd, *verb;
	const char	*name, *version, *path, *type;	/* model */
	const char	*image, *conda_file;		/* environment */
	const char	*from;		/* a registry environment to copy */
	const char	*description;
};

/* Take the options of cmd verb; EXIT_OK, or EXIT_USAGE after a message. */
static int
asset_parse(int argc, char **argv, struct asset_args *a)
{
	bool	model = strcmp(a->cmd, "model") == 0;
	bool	code = strcmp(a->cmd, "code") == 0;
	bool	create = strcmp(a->verb, "create") == 0;
	int	i, r;

	for (i = 2; i < argc; i++) {
		if ((r = session_opt_value(argc, argv, &i, "name", 'n',
		    &a->name)) != 0 || (r = session_opt_value(argc, argv, &i,
		    "version", 'v', &a->version)) != 0 || (create && code &&
		    (r = session_opt_value(argc, argv, &i, "path", 'p',
		    &a->path)) != 0) || (create && model &&
		    ((r = session_opt_value(argc, argv, &i, "path", 'p',
		    &a->path)) != 0 || (r = session_opt_value(argc, argv, &i,
		    "type", 't', &a->type)) != 0)) || (create && !model &&
		    !code &&
		    ((r = session_opt_value(argc, argv, &i, "image", 'i',
		    &a->image)) != 0 || (r = session_opt_value(argc, argv, &i,
		    "conda-file", 0, &a->conda_file)) != 0 ||
		    (r = session_opt_value(argc, argv, &i, "from", 0,
		    &a->from)) != 0))) {
			if (r < 0)
				return EXIT_USAGE;
			continue;
		}
		cli_error(_("%s %s: unknown argument \"%s\""), a->cmd, a->verb,
		    argv[i]);
		return EXIT_USAGE;
	}
	if (a->from != NULL && (a->name != NULL || a->version != NULL ||
	    a->image != NULL || a->conda_file != NULL)) {
		/* TRANSLATORS: --from, --name ... are options, not translated. */
		cli_error(_("environment create --from takes the registry's "
		    "name, version, image and conda file; remove --name, "
		    "--version, --image and --conda-file"));
		return EXIT_USAGE;
	}
	if (a->from != NULL)
		return EXIT_OK;
	if (strcmp(a->verb, "list") != 0 && (a->name == NULL ||
	    a->version == NULL)) {
		/* TRANSLATORS: "model show needs --name N and --version V". */
		cli_error(_("%s %s needs --name N and --version V"), a->cmd,
		    a->verb);
		return EXIT_USAGE;
	}
	if (create && model && a->path == NULL) {
		cli_error(_("model create needs --path, a local file or "
		    "folder"));
		return EXIT_USAGE;
	}
	if (create && model && a->type != NULL &&
	    asset_model_type_rest(a->type) == NULL) {
		cli_error(_("--type must be custom_model, mlflow_model or "
		    "triton_model"));
		return EXIT_USAGE;
	}
	if (a->name != NULL && !asset_name_valid(a->name)) {
		/* TRANSLATORS: the name given; the rule of Azure ML. */
		cli_error(_("\"%s\" is not a valid name: a letter or digit, "
		    "then letters, digits, '-', '_' and '.' (255 at most)"),
		    a->name);
		return EXIT_USAGE;
	}
	if (a->version != NULL && !asset_name_valid(a->version)) {
		cli_error(_("\"%s\" is not a valid version: a letter or digit, "
		    "then letters, digits, '-', '_' and '.' (255 at most)"),
		    a->version);
		return EXIT_USAGE;
	}
	if (create && code && a->path == NULL) {
		cli_error(_("code create needs --path, a local folder"));
		return EXIT_USAGE;
	}
	if (create && !model && !code && a->image == NULL) {
		cli_error(_("environment create needs --image, a container "
		    "image, or --from, a registry environment"));
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* The workspace's ARM id. */
static void
workspace_id(const struct session *s, char *buf, size_t len)
{
	snprintf(buf, len, "/subscriptions/%s/resourceGroups/%s/providers/"
	    "Microsoft.MachineLearningServices/workspaces/%s",
	    s->subscription, s->resource_group, s->workspace);
}

/*
 * Progress on stderr for a file larger than BLOB_SINGLE_MAX: a line
 * naming it, then on a terminal a bar redrawn in place (41 columns, so
 * that it reads whole on a 60-column terminal whatever the name).
 */
struct bar {
	bool		 tty;
	const char	*last;	/* the file a line was printed for */
	int		 shown;	/* the last percent drawn */
};

static void
bar_fn(void *arg, const char *what, uint64_t done, uint64_t total)
{
	struct bar	*b = arg;
	const char	*name = strrchr(what, '/');
	int		 pct = total > 0 ? (int)(done * 100 / total) : 100;
	int		 i, w = 20;

	name = name != NULL ? name + 1 : what;
	if (total <= BLOB_SINGLE_MAX)
		return;
	if (b->last != what) {
		/* TRANSLATORS: a file name and its size in MB. */
		fprintf(stderr, _("akswiz: uploading %s (%llu MB)\n"), name,
		    (unsigned long long)(total >> 20));
		b->last = what;
		b->shown = -1;
	}
	if (!b->tty || (pct == b->shown && done != total))
		return;
	b->shown = pct;
	fputs("\r  [", stderr);
	for (i = 0; i < w; i++)
		fputc(i < pct * w / 100 ? '#' : '.', stderr);
	fprintf(stderr, "] %3d%% %llu/%llu MB", pct,
	    (unsigned long long)(done >> 20),
	    (unsigned long long)(total >> 20));
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* One version as the documented JSON object (man/akswiz.1). */
static void
version_json(FILE *fp, const struct asset_version *v, enum asset_kind k)
{
	bool	model = k != ASSET_ENVIRONMENT;

	bool	first = true;

	fputc('{', fp);
	session_json_member(fp, &first, "name", v->name);
	session_json_member(fp, &first, "version", v->version);
	session_json_member(fp, &first, "id", v->id);
	if (model) {
		session_json_member(fp, &first, "path", v->uri);
		if (k == ASSET_MODEL)
			session_json_member(fp, &first, "type",
			    v->model_type);
	} else {
		session_json_member(fp, &first, "image", v->uri);
		session_json_member(fp, &first, "condaFile", v->conda_file);
	}
	session_json_member(fp, &first, "description", v->description);
	session_json_member(fp, &first, "provisioningState",
	    v->provisioning_state);
	session_json_member(fp, &first, "createdAt", v->created);
	fputc('}', fp);
}

/* show (and what create prints): FIELD VALUE rows, or the object. */
static void
version_print(enum output_format fmt, const struct asset_version *v,
    enum asset_kind k)
{
	bool			 model = k != ASSET_ENVIRONMENT;
	static const char	 inline_text[] = N_("(inline)");
	struct output_table	*t;
	const char		*h[2], *rows[8][2];
	size_t			 n = 0, i;

	if (fmt == OUTPUT_JSON) {
		version_json(stdout, v, k);
		fputc('\n', stdout);
		return;
	}
	h[0] = _("FIELD");
	h[1] = _("VALUE");
	/* TRANSLATORS: row labels of "akswiz model show" and "environment
	 * show". */
	rows[n][0] = N_("Name"), rows[n++][1] = v->name;
	rows[n][0] = N_("Version"), rows[n++][1] = v->version;
	if (model) {
		rows[n][0] = N_("Type"), rows[n++][1] = v->model_type;
		rows[n][0] = N_("Path"), rows[n++][1] = v->uri;
	} else {
		rows[n][0] = N_("Image"), rows[n++][1] = v->uri;
		rows[n][0] = N_("Conda file"), rows[n++][1] =
		    v->conda_file != NULL ? inline_text : NULL;
	}
	rows[n][0] = N_("State"), rows[n++][1] = v->provisioning_state;
	rows[n][0] = N_("Created"), rows[n++][1] = v->created;
	rows[n][0] = N_("Description"), rows[n++][1] = v->description;
	t = output_table_new(2, h);
	for (i = 0; i < n; i++) {
		const char *cells[2];

		if (rows[i][1] == NULL || *rows[i][1] == '\0')
			continue;
		cells[0] = fmt == OUTPUT_TSV ? rows[i][0] : _(rows[i][0]);
		cells[1] = rows[i][1] == inline_text ? _(inline_text) :
		    rows[i][1];
		output_table_add(t, cells);
	}
	output_table_print(stdout, fmt, t);
	output_table_free(t);
}

/* Say err, close s, and return the exit status. */
static int
asset_fail(struct session *s, const struct err *err)
{
	session_report(err);
	session_close(s);
	return session_exit_status(err);
}

static int
asset_list(struct app_options *g, struct session *s, enum asset_kind k,
    const struct asset_args *a)
{
	/* TRANSLATORS: columns of "akswiz model list" and "environment
	 * list"; LATEST is a container's latest version. */
	static const char *const hn[] = { N_("NAME"), N_("LATEST") };
	static const char *const hv[] = { N_("NAME"), N_("VERSION"),
	    N_("STATE"), N_("PATH"), N_("IMAGE") };
	struct asset_list	 l;
	struct output_table	*t;
	struct err		 err;
	const char		*h[4], *cells[4];
	char			 ws[512];
	size_t			 i, nc = a->name != NULL ? 4 : 2;

	workspace_id(s, ws, sizeof ws);
	err_clear(&err);
	if (assets_list(&s->arm, ws, k, a->name, &l, &err) != 0)
		return asset_fail(s, &err);
	if (g->output == OUTPUT_JSON) {
		fputc('[', stdout);
		for (i = 0; i < l.n; i++) {
			fputs(i ? ",\n " : "", stdout);
			if (a->name != NULL)
				version_json(stdout, &l.v[i], k);
			else {
				bool first = true;

				fputc('{', stdout);
				session_json_member(stdout, &first, "name",
				    l.v[i].name);
				session_json_member(stdout, &first,
				    "latestVersion", l.v[i].version);
				fputc('}', stdout);
			}
		}
		fputs("]\n", stdout);
	} else {
		for (i = 0; i < nc; i++)
			h[i] = _(a->name == NULL ? hn[i] : i == 3 &&
			    k == ASSET_ENVIRONMENT ? hv[4] : hv[i]);
		t = output_table_new(nc, h);
		for (i = 0; i < l.n; i++) {
			cells[0] = l.v[i].name;
			cells[1] = l.v[i].version;
			cells[2] = l.v[i].provisioning_state;
			cells[3] = l.v[i].uri;
			output_table_add(t, cells);
		}
		output_table_print(stdout, g->output, t);
		output_table_free(t);
	}
	asset_list_free(&l);
	session_close(s);
	return EXIT_OK;
}

static int
asset_show(struct app_options *g, struct session *s, enum asset_kind k,
    const struct asset_args *a)
{
	struct asset_version	v;
	struct err		err;
	char			ws[512];
	bool			found;

	workspace_id(s, ws, sizeof ws);
	err_clear(&err);
	if (assets_show(&s->arm, ws, k, a->name, a->version, &v, &found,
	    &err) != 0)
		return asset_fail(s, &err);
	if (!found) {
		/* TRANSLATORS: "workspace ws has no model demo:1". */
		cli_error(_("workspace %s has no %s %s:%s"), s->workspace,
		    a->cmd, a->name, a->version);
		session_close(s);
		return EXIT_FAILED;
	}
	version_print(g->output, &v, k);
	asset_version_done(&v);
	session_close(s);
	return EXIT_OK;
}

/* environment create --from REF: the registry's version copied. */
static int
env_copy(struct app_options *g, struct session *s, struct asset_args *a)
{
	struct registry_copy	c;
	struct err		err;
	char			ws[512];
	int			rc;

	workspace_id(s, ws, sizeof ws);
	err_clear(&err);
	if (registry_env_copy(&s->arm, ws, a->from, &c, &err) != 0)
		return asset_fail(s, &err);
	if (c.sent)
		/* TRANSLATORS: "environment sklearn-1.5:28 copied from
		 * azureml://registries/azureml/environments/sklearn-1.5/
		 * versions/28". */
		fprintf(stderr, _("akswiz: environment %s:%s copied from "
		    "%s\n"), c.env.name, c.env.version, c.env.source);
	else
		/* TRANSLATORS: as above, when the workspace has it already. */
		fprintf(stderr, _("akswiz: environment %s:%s (from %s) is "
		    "in the workspace already\n"), c.env.name, c.env.version,
		    c.env.source);
	a->name = c.env.name;
	a->version = c.env.version;
	rc = asset_show(g, s, ASSET_ENVIRONMENT, a);
	registry_copy_done(&c);
	return rc;
}

static int
asset_create(struct app_options *g, struct session *s, enum asset_kind k,
    const struct asset_args *a)
{
	struct bar		 b = { isatty(STDERR_FILENO) != 0, NULL, -1 };
	struct asset_progress	 ap = { bar_fn, &b };
	struct err		 err;
	char			 ws[512], *id = NULL;
	int			 rc;

	workspace_id(s, ws, sizeof ws);
	err_clear(&err);
	if (k == ASSET_CODE)
		rc = assets_register_code(&s->arm, ws, a->path, a->name,
		    a->version, &ap, &id, &err);
	else if (k == ASSET_MODEL)
		rc = assets_register_model_type(&s->arm, ws, a->path, a->name,
		    a->version, a->type != NULL ? a->type : "custom_model", &ap,
		    &id, &err);
	else
		rc = assets_register_environment(&s->arm, ws, a->image,
		    a->conda_file, a->name, a->version, &id, &err);
	free(id);
	if (rc != 0)
		return asset_fail(s, &err);
	return asset_show(g, s, k, a);
}

/* akswiz model|environment VERB ... */
static int
cmd_asset(struct app_options *g, int argc, char **argv, enum asset_kind k)
{
	struct asset_args	a;
	struct session		s;
	struct err		err;
	int			st;

	memset(&a, 0, sizeof a);
	a.cmd = argv[0];
	if (argc < 2 || (strcmp(argv[1], "create") != 0 &&
	    strcmp(argv[1], "list") != 0 && strcmp(argv[1], "show") != 0)) {
		/* TRANSLATORS: "model" or "environment". */
		cli_error(_("usage: akswiz %s create|list|show [--name N] "
		    "[--version V]"), argv[0]);
		return EXIT_USAGE;
	}
	a.verb = argv[1];
	if ((st = asset_parse(argc, argv, &a)) != EXIT_OK)
		return st;
	if (strcmp(a.verb, "create") == 0 && cli_readonly_refuse(g,
	    k == ASSET_MODEL ? "model create" : k == ASSET_CODE ?
	    "code create" : "environment create") !=
	    EXIT_OK)
		return EXIT_PREFLIGHT;
	err_clear(&err);
	if (!session_open(&s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	if (strcmp(a.verb, "create") == 0 && a.from != NULL)
		return env_copy(g, &s, &a);
	if (strcmp(a.verb, "create") == 0)
		return asset_create(g, &s, k, &a);
	if (strcmp(a.verb, "list") == 0)
		return asset_list(g, &s, k, &a);
	return asset_show(g, &s, k, &a);
}

int
cmd_model(struct app_options *g, int argc, char **argv)
{
	return cmd_asset(g, argc, argv, ASSET_MODEL);
}

int
cmd_code(struct app_options *g, int argc, char **argv)
{
	return cmd_asset(g, argc, argv, ASSET_CODE);
}

int
cmd_environment(struct app_options *g, int argc, char **argv)
{
	return cmd_asset(g, argc, argv, ASSET_ENVIRONMENT);
}
