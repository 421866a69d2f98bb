/*
 * akswiz online-endpoint and akswiz online-deployment: the verbs of
 * `az ml online-endpoint` / `online-deployment` (deploy.md 1c) on the
 * workspace's online endpoints.  list and show read through
 * azure/arm-endpoints.c and print as every command does (cli/output.h):
 * a table, TSV rows without a header, or the JSON objects man/akswiz.1
 * documents.  A name that does not exist is a failure (exit 1).
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "azure/arm-endpoints.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"

/* The options of a subcommand. */
struct ep_args {
	const char	*verb;
	const char	*name;		/* --name, -n */
	const char	*endpoint;	/* --endpoint-name, -e */
};

/* Take --name and --endpoint-name; EXIT_OK or EXIT_USAGE, said. */
static int
ep_parse(const char *cmd, int argc, char **argv, bool want_endpoint,
    struct ep_args *a)
{
	int	i, r;

	for (i = 2; i < argc; i++) {
		if ((r = session_opt_value(argc, argv, &i, "name", 'n',
		    &a->name)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (want_endpoint && (r = session_opt_value(argc, argv,
		    &i, "endpoint-name", 'e', &a->endpoint)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
		} else {
			cli_error(_("%s %s: unknown argument \"%s\""), cmd,
			    a->verb, argv[i]);
			return EXIT_USAGE;
		}
	}
	if (want_endpoint && a->endpoint == NULL) {
		/* TRANSLATORS: "online-deployment list needs
		 * --endpoint-name E". */
		cli_error(_("%s %s needs --endpoint-name E"), cmd, a->verb);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* Open the session with the workspace scope; EXIT_OK or the status, said. */
static int
ep_open(struct app_options *g, struct session *s)
{
	struct err	err;

	err_clear(&err);
	if (session_open(s, g, SESSION_SCOPE, &err))
		return EXIT_OK;
	session_report(&err);
	return session_exit_status(&err);
}

/* Say err, close s, and return the exit status. */
static int
ep_fail(struct session *s, const struct err *err)
{
	session_report(err);
	session_close(s);
	return session_exit_status(err);
}

/* "key": n, or null when n < 0. */
static void
json_number(FILE *fp, const char *key, long n)
{
	fprintf(fp, ", \"%s\": ", key);
	if (n >= 0)
		fprintf(fp, "%ld", n);
	else
		fputs("null", fp);
}

/* A "name=percent ..." list as a JSON object. */
static void
json_weights(FILE *fp, const char *key, const char *w)
{
	const char	*p, *eq, *sp;
	char		 name[256];
	bool		 first = true;

	fprintf(fp, ", \"%s\": {", key);
	for (p = w; p != NULL && *p != '\0'; p = *sp ? sp + 1 : sp) {
		sp = p + strcspn(p, " ");
		if ((eq = memchr(p, '=', (size_t)(sp - p))) == NULL)
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
		fputs(first ? "" : ", ", fp);
		first = false;
		output_json_string(fp, name);
		fprintf(fp, ": %.*s", (int)(sp - eq - 1), eq + 1);
	}
	fputc('}', fp);
}

/* An endpoint as the documented JSON object (man/akswiz.1). */
static void
endpoint_json(FILE *fp, const struct arm_endpoint *e)
{
	bool	first = true;

	fputc('{', fp);
	session_json_member(fp, &first, "name", e->name);
	session_json_member(fp, &first, "id", e->id);
	session_json_member(fp, &first, "location", e->location);
	session_json_member(fp, &first, "provisioningState",
	    e->provisioning_state);
	session_json_member(fp, &first, "authMode", e->auth_mode);
	session_json_member(fp, &first, "scoringUri", e->scoring_uri);
	session_json_member(fp, &first, "swaggerUri", e->swagger_uri);
	session_json_member(fp, &first, "compute", e->compute_name);
	session_json_member(fp, &first, "computeId", e->compute);
	json_weights(fp, "traffic", e->traffic);
	json_weights(fp, "mirrorTraffic", e->mirror_traffic);
	session_json_member(fp, &first, "description", e->description);
	fputc('}', fp);
}

/* A deployment as the documented JSON object (man/akswiz.1). */
static void
deployment_json(FILE *fp, const struct arm_deployment *d)
{
	bool	first = true;

	fputc('{', fp);
	session_json_member(fp, &first, "name", d->name);
	session_json_member(fp, &first, "id", d->id);
	session_json_member(fp, &first, "provisioningState",
	    d->provisioning_state);
	session_json_member(fp, &first, "endpointComputeType",
	    d->compute_type);
	json_number(fp, "instanceCount", d->instance_count);
	session_json_member(fp, &first, "instanceType", d->instance_type);
	session_json_member(fp, &first, "scaleType", d->scale_type);
	json_number(fp, "minInstances", d->min_instances);
	json_number(fp, "maxInstances", d->max_instances);
	session_json_member(fp, &first, "model", d->model);
	fputs(", \"requests\": {", fp);
	first = true;
	session_json_member(fp, &first, "cpu", d->cpu_request);
	session_json_member(fp, &first, "memory", d->memory_request);
	session_json_member(fp, &first, "gpu", d->gpu_request);
	fputs("}, \"limits\": {", fp);
	first = true;
	session_json_member(fp, &first, "cpu", d->cpu_limit);
	session_json_member(fp, &first, "memory", d->memory_limit);
	session_json_member(fp, &first, "gpu", d->gpu_limit);
	fputc('}', fp);
	first = false;
	session_json_member(fp, &first, "requestTimeout", d->request_timeout);
	json_number(fp, "maxConcurrentRequestsPerInstance",
	    d->max_concurrent);
	session_json_member(fp, &first, "description", d->description);
	fputc('}', fp);
}

/* FIELD VALUE rows: labels translated in a table, not in tsv. */
struct ep_rows {
	struct output_table	*t;
	enum output_format	 fmt;
};

static void
ep_rows_init(struct ep_rows *r, enum output_format fmt)
{
	const char	*h[2];

	h[0] = _("FIELD");
	h[1] = _("VALUE");
	r->fmt = fmt;
	r->t = output_table_new(2, h);
}

/* A row, left out when its value is unknown. */
static void
ep_row(struct ep_rows *r, const char *label, const char *value)
{
	const char	*cells[2];

	if (value == NULL || *value == '\0')
		return;
	cells[0] = r->fmt == OUTPUT_TSV ? label : _(label);
	cells[1] = value;
	output_table_add(r->t, cells);
}

static void
ep_rows_print(struct ep_rows *r)
{
	output_table_print(stdout, r->fmt, r->t);
	output_table_free(r->t);
}

/* "2" or "", for a count that may be unknown (-1). */
static const char *
count_text(char *buf, size_t len, long n)
{
	if (n < 0)
		return "";
	snprintf(buf, len, "%ld", n);
	return buf;
}

/* online-endpoint list. */
static int
endpoint_list(struct app_options *g, struct session *s)
{
	static const char *const headers[] = {
		/* TRANSLATORS: columns of "akswiz online-endpoint list". */
		N_("NAME"), N_("STATE"), N_("AUTH"), N_("COMPUTE"),
		N_("TRAFFIC")
	};
	struct arm_endpoint_list l;
	struct output_table	*t;
	struct err		 err;
	const char		*h[5], *cells[5];
	size_t			 i;

	err_clear(&err);
	if (!arm_list_endpoints(&s->arm, s->subscription, s->resource_group,
	    s->workspace, &l, &err)) {
		arm_scope_explain(&err, s->subscription, s->resource_group,
		    s->workspace);
		return ep_fail(s, &err);
	}
	if (g->output == OUTPUT_JSON) {
		fputc('[', stdout);
		for (i = 0; i < l.n; i++) {
			fputs(i ? ",\n " : "", stdout);
			endpoint_json(stdout, &l.v[i]);
		}
		fputs("]\n", stdout);
	} else {
		for (i = 0; i < 5; i++)
			h[i] = _(headers[i]);
		t = output_table_new(5, h);
		for (i = 0; i < l.n; i++) {
			cells[0] = l.v[i].name;
			cells[1] = l.v[i].provisioning_state;
			cells[2] = l.v[i].auth_mode;
			cells[3] = l.v[i].compute_name;
			cells[4] = l.v[i].traffic;
			output_table_add(t, cells);
		}
		output_table_print(stdout, g->output, t);
		output_table_free(t);
	}
	arm_endpoint_list_free(&l);
	session_close(s);
	return EXIT_OK;
}

/* online-endpoint show --name E. */
static int
endpoint_show(struct app_options *g, struct session *s, const char *name)
{
	struct arm_endpoint	e;
	struct ep_rows		r;
	struct err		err;
	bool			found;

	err_clear(&err);
	if (!arm_get_endpoint(&s->arm, s->subscription, s->resource_group,
	    s->workspace, name, &e, &found, &err))
		return ep_fail(s, &err);
	if (!found) {
		cli_error(_("workspace %s has no online endpoint named \"%s\""),
		    s->workspace, name);
		session_close(s);
		return EXIT_FAILED;
	}
	if (g->output == OUTPUT_JSON) {
		endpoint_json(stdout, &e);
		fputc('\n', stdout);
	} else {
		ep_rows_init(&r, g->output);
		/* TRANSLATORS: row labels of "akswiz online-endpoint show". */
		ep_row(&r, N_("Name"), e.name);
		ep_row(&r, N_("State"), e.provisioning_state);
		ep_row(&r, N_("Auth mode"), e.auth_mode);
		ep_row(&r, N_("Scoring URI"), e.scoring_uri);
		ep_row(&r, N_("Swagger URI"), e.swagger_uri);
		ep_row(&r, N_("Traffic"), e.traffic);
		ep_row(&r, N_("Mirror traffic"), e.mirror_traffic);
		ep_row(&r, N_("Compute"), e.compute_name);
		ep_row(&r, N_("Location"), e.location);
		ep_row(&r, N_("Description"), e.description);
		ep_rows_print(&r);
	}
	arm_endpoint_done(&e);
	session_close(s);
	return EXIT_OK;
}

/* online-deployment list --endpoint-name E. */
static int
deployment_list(struct app_options *g, struct session *s,
    const char *endpoint)
{
	static const char *const headers[] = {
		/* TRANSLATORS: columns of "akswiz online-deployment list". */
		N_("NAME"), N_("STATE"), N_("INSTANCES"), N_("INSTANCE TYPE")
	};
	struct arm_deployment_list l;
	struct arm_endpoint	 e;
	struct output_table	*t;
	struct err		 err;
	const char		*h[4], *cells[4];
	char			 n[24];
	bool			 found;
	size_t			 i;

	err_clear(&err);
	/* A missing endpoint answers an empty list or a 404: say which. */
	if (!arm_get_endpoint(&s->arm, s->subscription, s->resource_group,
	    s->workspace, endpoint, &e, &found, &err))
		return ep_fail(s, &err);
	arm_endpoint_done(&e);
	if (!found) {
		cli_error(_("workspace %s has no online endpoint named \"%s\""),
		    s->workspace, endpoint);
		session_close(s);
		return EXIT_FAILED;
	}
	if (!arm_list_deployments(&s->arm, s->subscription,
	    s->resource_group, s->workspace, endpoint, &l, &err))
		return ep_fail(s, &err);
	if (g->output == OUTPUT_JSON) {
		fputc('[', stdout);
		for (i = 0; i < l.n; i++) {
			fputs(i ? ",\n " : "", stdout);
			deployment_json(stdout, &l.v[i]);
		}
		fputs("]\n", stdout);
	} else {
		for (i = 0; i < 4; i++)
			h[i] = _(headers[i]);
		t = output_table_new(4, h);
		for (i = 0; i < l.n; i++) {
			cells[0] = l.v[i].name;
			cells[1] = l.v[i].provisioning_state;
			cells[2] = count_text(n, sizeof n,
			    l.v[i].instance_count);
			cells[3] = l.v[i].instance_type;
			output_table_add(t, cells);
		}
		output_table_print(stdout, g->output, t);
		output_table_free(t);
	}
	arm_deployment_list_free(&l);
	session_close(s);
	return EXIT_OK;
}

/* online-deployment show --name D --endpoint-name E. */
static int
deployment_show(struct app_options *g, struct session *s,
    const char *endpoint, const char *name)
{
	struct arm_deployment	d;
	struct ep_rows		r;
	struct err		err;
	char			n[24], mn[24], mx[24], mc[24], scale[96],
				req[128], lim[128];
	bool			found;

	err_clear(&err);
	if (!arm_get_deployment(&s->arm, s->subscription, s->resource_group,
	    s->workspace, endpoint, name, &d, &found, &err))
		return ep_fail(s, &err);
	if (!found) {
		cli_error(_("online endpoint %s has no deployment named "
		    "\"%s\""), endpoint, name);
		session_close(s);
		return EXIT_FAILED;
	}
	if (g->output == OUTPUT_JSON) {
		deployment_json(stdout, &d);
		fputc('\n', stdout);
	} else {
		snprintf(scale, sizeof scale, "%s%s%s%s%s",
		    d.scale_type != NULL ? d.scale_type : "",
		    d.min_instances >= 0 ? " " : "",
		    count_text(mn, sizeof mn, d.min_instances),
		    d.max_instances >= 0 ? "-" : "",
		    count_text(mx, sizeof mx, d.max_instances));
		snprintf(req, sizeof req, "%s%s%s%s%s%s",
		    d.cpu_request != NULL ? "cpu=" : "",
		    d.cpu_request != NULL ? d.cpu_request : "",
		    d.memory_request != NULL ? " memory=" : "",
		    d.memory_request != NULL ? d.memory_request : "",
		    d.gpu_request != NULL ? " gpu=" : "",
		    d.gpu_request != NULL ? d.gpu_request : "");
		snprintf(lim, sizeof lim, "%s%s%s%s%s%s",
		    d.cpu_limit != NULL ? "cpu=" : "",
		    d.cpu_limit != NULL ? d.cpu_limit : "",
		    d.memory_limit != NULL ? " memory=" : "",
		    d.memory_limit != NULL ? d.memory_limit : "",
		    d.gpu_limit != NULL ? " gpu=" : "",
		    d.gpu_limit != NULL ? d.gpu_limit : "");
		ep_rows_init(&r, g->output);
		/* TRANSLATORS: row labels of "akswiz online-deployment
		 * show". */
		ep_row(&r, N_("Name"), d.name);
		ep_row(&r, N_("Endpoint"), endpoint);
		ep_row(&r, N_("State"), d.provisioning_state);
		ep_row(&r, N_("Compute type"), d.compute_type);
		ep_row(&r, N_("Instances"), count_text(n, sizeof n,
		    d.instance_count));
		ep_row(&r, N_("Instance type"), d.instance_type);
		ep_row(&r, N_("Scale"), scale);
		ep_row(&r, N_("Requests"), req[0] == ' ' ? req + 1 : req);
		ep_row(&r, N_("Limits"), lim[0] == ' ' ? lim + 1 : lim);
		ep_row(&r, N_("Request timeout"), d.request_timeout);
		ep_row(&r, N_("Max concurrent"), count_text(mc, sizeof mc,
		    d.max_concurrent));
		ep_row(&r, N_("Model"), d.model);
		ep_row(&r, N_("Description"), d.description);
		ep_rows_print(&r);
	}
	arm_deployment_done(&d);
	session_close(s);
	return EXIT_OK;
}

/* akswiz online-endpoint VERB ... */
int
cmd_online_endpoint(struct app_options *g, int argc, char **argv)
{
	struct ep_args	a = { 0 };
	struct session	s;
	int		st;

	if (argc < 2 || (strcmp(argv[1], "list") != 0 &&
	    strcmp(argv[1], "show") != 0)) {
		cli_error(_("usage: akswiz online-endpoint list|show "
		    "[--name E]"));
		return EXIT_USAGE;
	}
	a.verb = argv[1];
	if ((st = ep_parse(argv[0], argc, argv, false, &a)) != EXIT_OK)
		return st;
	if (strcmp(a.verb, "list") != 0 && a.name == NULL) {
		/* TRANSLATORS: "online-endpoint show needs --name". */
		cli_error(_("%s %s needs --name"), argv[0], a.verb);
		return EXIT_USAGE;
	}
	if ((st = ep_open(g, &s)) != EXIT_OK)
		return st;
	if (strcmp(a.verb, "list") == 0)
		return endpoint_list(g, &s);
	return endpoint_show(g, &s, a.name);
}

/* akswiz online-deployment VERB ... */
int
cmd_online_deployment(struct app_options *g, int argc, char **argv)
{
	struct ep_args	a = { 0 };
	struct session	s;
	int		st;

	if (argc < 2 || (strcmp(argv[1], "list") != 0 &&
	    strcmp(argv[1], "show") != 0)) {
		cli_error(_("usage: akswiz online-deployment list|show "
		    "--endpoint-name E [--name D]"));
		return EXIT_USAGE;
	}
	a.verb = argv[1];
	if ((st = ep_parse(argv[0], argc, argv, true, &a)) != EXIT_OK)
		return st;
	if (strcmp(a.verb, "list") != 0 && a.name == NULL) {
		cli_error(_("%s %s needs --name"), argv[0], a.verb);
		return EXIT_USAGE;
	}
	if ((st = ep_open(g, &s)) != EXIT_OK)
		return st;
	if (strcmp(a.verb, "list") == 0)
		return deployment_list(g, &s, a.endpoint);
	return deployment_show(g, &s, a.endpoint, a.name);
}
