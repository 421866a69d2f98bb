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

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/run.h"
#include "azure/arm-endpoints.h"
#include "azure/invoke.h"
#include "azure/http.h"
#include "common/buf.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/plan.h"
#include "core/text.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"

/* The options of a subcommand. */
struct ep_args {
	const char	*verb;
	const char	*name;		/* --name, -n */
	const char	*endpoint;	/* --endpoint-name, -e */
	const char	*key_type;	/* --key-type (regenerate-keys) */
	const char	*request_file;	/* --request-file (invoke) */
	const char	*deployment;	/* --deployment-name (invoke) */
	const char	*lines;		/* --lines (get-logs) */
	const char	*container;	/* --container (get-logs) */
	bool		 follow;	/* --follow, -f (get-logs) */
	bool		 show_secrets;	/* --show-secrets (get-credentials) */
	const char	*compute;	/* --compute (create) */
	const char	*auth_mode;	/* --auth-mode (create) */
	const char	*description;	/* --description (create) */
	bool		 no_wait;	/* --no-wait (create) */
};

/* Whether verb is one of the space-separated words of list. */
static bool
verb_in(const char *verb, const char *list)
{
	size_t	n = strlen(verb);
	const char *p;

	for (p = list; (p = strstr(p, verb)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return true;
	return false;
}

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
		} else if (strcmp(a->verb, "regenerate-keys") == 0 &&
		    (r = session_opt_value(argc, argv, &i, "key-type", 0,
		    &a->key_type)) != 0) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (strcmp(a->verb, "invoke") == 0 &&
		    ((r = session_opt_value(argc, argv, &i, "request-file", 0,
		    &a->request_file)) != 0 || (r = session_opt_value(argc,
		    argv, &i, "deployment-name", 'd', &a->deployment)) != 0)) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (strcmp(a->verb, "get-logs") == 0 &&
		    ((r = session_opt_value(argc, argv, &i, "lines", 'l',
		    &a->lines)) != 0 || (r = session_opt_value(argc, argv, &i,
		    "container", 0, &a->container)) != 0)) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (strcmp(a->verb, "get-logs") == 0 &&
		    (strcmp(argv[i], "--follow") == 0 ||
		    strcmp(argv[i], "-f") == 0)) {
			a->follow = true;
		} else if (strcmp(a->verb, "create") == 0 &&
		    ((r = session_opt_value(argc, argv, &i, "compute", 0,
		    &a->compute)) != 0 || (r = session_opt_value(argc, argv,
		    &i, "auth-mode", 0, &a->auth_mode)) != 0 ||
		    (r = session_opt_value(argc, argv, &i, "description", 0,
		    &a->description)) != 0)) {
			if (r < 0)
				return EXIT_USAGE;
		} else if (strcmp(a->verb, "create") == 0 &&
		    strcmp(argv[i], "--no-wait") == 0) {
			a->no_wait = true;
		} else if (strcmp(a->verb, "get-credentials") == 0 &&
		    strcmp(argv[i], "--show-secrets") == 0) {
			a->show_secrets = true;
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

/* The endpoint name into e: EXIT_OK, or the status after saying why. */
static int
ep_get(struct session *s, const char *name, struct arm_endpoint *e)
{
	struct err	err;
	bool		found;

	err_clear(&err);
	if (!arm_get_endpoint(&s->arm, s->subscription, s->resource_group,
	    s->workspace, name, e, &found, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	if (!found) {
		cli_error(_("workspace %s has no online endpoint named \"%s\""),
		    s->workspace, name);
		return EXIT_FAILED;
	}
	return EXIT_OK;
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

/* How a list prints one item: its JSON object, its table cells. */
struct ep_list_kind {
	size_t			 ncols;
	const char *const	*headers;	/* N_() */
	size_t			 size;		/* of an item */
	void			(*json)(FILE *, const void *);
	void			(*cells)(const void *, const char **,
				    char *buf, size_t len);
};

/* Print n items at v as a JSON array, a table or tsv rows. */
static void
ep_list_print(enum output_format fmt, const struct ep_list_kind *k,
    const void *v, size_t n)
{
	struct output_table	*t;
	const char		*h[8], *cells[8];
	char			 buf[32];
	size_t			 i;

	if (fmt == OUTPUT_JSON) {
		fputc('[', stdout);
		for (i = 0; i < n; i++) {
			fputs(i ? ",\n " : "", stdout);
			k->json(stdout, (const char *)v + i * k->size);
		}
		fputs("]\n", stdout);
		return;
	}
	for (i = 0; i < k->ncols; i++)
		h[i] = _(k->headers[i]);
	t = output_table_new(k->ncols, h);
	for (i = 0; i < n; i++) {
		k->cells((const char *)v + i * k->size, cells, buf,
		    sizeof buf);
		output_table_add(t, cells);
	}
	output_table_print(stdout, fmt, t);
	output_table_free(t);
}

static void
endpoint_json_item(FILE *fp, const void *v)
{
	endpoint_json(fp, v);
}

static void
endpoint_cells(const void *v, const char **cells, char *buf, size_t len)
{
	const struct arm_endpoint *e = v;

	(void)buf;
	(void)len;
	cells[0] = e->name;
	cells[1] = e->provisioning_state;
	cells[2] = e->auth_mode;
	cells[3] = e->compute_name;
	cells[4] = e->traffic;
}

static void
deployment_json_item(FILE *fp, const void *v)
{
	deployment_json(fp, v);
}

static void
deployment_cells(const void *v, const char **cells, char *buf, size_t len)
{
	const struct arm_deployment *d = v;

	cells[0] = d->name;
	cells[1] = d->provisioning_state;
	cells[2] = count_text(buf, len, d->instance_count);
	cells[3] = d->instance_type;
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
	static const struct ep_list_kind kind = { 5, headers,
	    sizeof(struct arm_endpoint), endpoint_json_item, endpoint_cells };
	struct arm_endpoint_list l;
	struct err		 err;

	err_clear(&err);
	if (!arm_list_endpoints(&s->arm, s->subscription, s->resource_group,
	    s->workspace, &l, &err)) {
		arm_scope_explain(&err, s->subscription, s->resource_group,
		    s->workspace);
		return ep_fail(s, &err);
	}
	ep_list_print(g->output, &kind, l.v, l.n);
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
	int			st;

	if ((st = ep_get(s, name, &e)) != EXIT_OK) {
		session_close(s);
		return st;
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
	static const struct ep_list_kind kind = { 4, headers,
	    sizeof(struct arm_deployment), deployment_json_item,
	    deployment_cells };
	struct arm_deployment_list l;
	struct arm_endpoint	 e;
	struct err		 err;
	int			 st;

	/* A missing endpoint answers an empty list or a 404: say which. */
	if ((st = ep_get(s, endpoint, &e)) != EXIT_OK) {
		session_close(s);
		return st;
	}
	arm_endpoint_done(&e);
	err_clear(&err);
	if (!arm_list_deployments(&s->arm, s->subscription,
	    s->resource_group, s->workspace, endpoint, &l, &err))
		return ep_fail(s, &err);
	ep_list_print(g->output, &kind, l.v, l.n);
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

/* What is printed in place of a secret not asked for. */
#define MASKED	"********"

/* An epoch time as ISO 8601 UTC, or "" when unknown. */
static const char *
epoch_text(char *buf, size_t len, long long t)
{
	if (t < 0)
		return "";
	clock_format_iso8601((time_t)t, buf, len);
	return buf;
}

/* online-endpoint get-credentials --name E [--show-secrets]. */
static int
endpoint_credentials(struct app_options *g, struct session *s,
    const struct ep_args *a)
{
	struct arm_endpoint	 e;
	struct arm_endpoint_token t = { 0 };
	struct ep_rows		 r;
	struct err		 err;
	char			*k1 = NULL, *k2 = NULL, exp[32], ref[32];
	bool			 ok, token;
	int			 st;

	if ((st = ep_get(s, a->name, &e)) != EXIT_OK) {
		session_close(s);
		return st;
	}
	err_clear(&err);
	token = e.auth_mode != NULL && strcasecmp(e.auth_mode, "AMLToken") == 0;
	ok = token ? arm_endpoint_token(&s->arm, s->subscription,
	    s->resource_group, s->workspace, a->name, &t, &err) :
	    arm_endpoint_keys(&s->arm, s->subscription, s->resource_group,
	    s->workspace, a->name, &k1, &k2, &err);
	if (!ok) {
		arm_endpoint_done(&e);
		return ep_fail(s, &err);
	}
	if (!a->show_secrets) {
		arm_secret_free(k1);
		arm_secret_free(k2);
		arm_secret_free(t.access_token);
		k1 = k2 = t.access_token = NULL;
	}
#define SECRET(v) (a->show_secrets ? (v) : MASKED)
	if (g->output == OUTPUT_JSON) {
		bool first = true;

		fputc('{', stdout);
		session_json_member(stdout, &first, "authMode", e.auth_mode);
		if (token) {
			session_json_member(stdout, &first, "accessToken",
			    SECRET(t.access_token));
			session_json_member(stdout, &first, "tokenType",
			    t.token_type);
			printf(", \"expiryTimeUtc\": %lld, "
			    "\"refreshAfterTimeUtc\": %lld", t.expiry,
			    t.refresh_after);
		} else {
			session_json_member(stdout, &first, "primaryKey",
			    SECRET(k1));
			session_json_member(stdout, &first, "secondaryKey",
			    SECRET(k2));
		}
		fputs("}\n", stdout);
	} else {
		ep_rows_init(&r, g->output);
		/* TRANSLATORS: row labels of "akswiz online-endpoint
		 * get-credentials". */
		ep_row(&r, N_("Auth mode"), e.auth_mode);
		if (token) {
			ep_row(&r, N_("Access token"), SECRET(t.access_token));
			ep_row(&r, N_("Token type"), t.token_type);
			ep_row(&r, N_("Expires"), epoch_text(exp, sizeof exp,
			    t.expiry));
			ep_row(&r, N_("Refresh after"), epoch_text(ref,
			    sizeof ref, t.refresh_after));
		} else {
			ep_row(&r, N_("Primary key"), SECRET(k1));
			ep_row(&r, N_("Secondary key"), SECRET(k2));
		}
		ep_rows_print(&r);
	}
#undef SECRET
	if (!a->show_secrets)
		/* TRANSLATORS: after the masked keys or token of
		 * "akswiz online-endpoint get-credentials". */
		fprintf(stderr, _("akswiz: %s are masked; --show-secrets "
		    "shows them\n"), token ? _("the token") : _("the keys"));
	arm_secret_free(k1);
	arm_secret_free(k2);
	arm_endpoint_token_done(&t);
	arm_endpoint_done(&e);
	session_close(s);
	return EXIT_OK;
}

/* online-endpoint regenerate-keys --name E --key-type primary|secondary. */
static int
endpoint_regenerate(struct session *s, const struct ep_args *a)
{
	struct err	err;
	uint64_t	min_ms = 1000;

	err_clear(&err);
	run_poll_ms_parse(getenv("AKSWIZ_POLL_MIN_MS"), &min_ms);
	if (!arm_endpoint_regenerate(&s->arm, s->subscription,
	    s->resource_group, s->workspace, a->name,
	    strcmp(a->key_type, "primary") == 0 ? "Primary" : "Secondary",
	    min_ms, &err)) {
		arm_scope_explain(&err, s->subscription, s->resource_group,
		    s->workspace);
		return ep_fail(s, &err);
	}
	/* TRANSLATORS: %s is primary or secondary, then the endpoint. */
	printf(_("regenerated the %s key of online endpoint %s\n"),
	    a->key_type, a->name);
	session_close(s);
	return EXIT_OK;
}

#define INVOKE_MAX	(16 * 1024 * 1024)	/* a request body's cap */

/* The request file (or stdin for "-") into b; false after saying why. */
static bool
invoke_read(const char *path, struct buf *b)
{
	struct err	err = { 0 };

	if (arm_endpoint_read_request(path, true, b, &err))
		return true;
	cli_error("%s", err.msg);
	return false;
}

/*
 * What a 503 or 504 of the scoring route means and what to change (the
 * router's queue and timeout: deploy.md 4, requestSettings).
 */
static void
invoke_explain(const struct ep_args *a, long status)
{
	const char *d = a->deployment != NULL && *a->deployment != '\0' ?
	    a->deployment : "DEPLOYMENT";

	if (status == 503)
		/* TRANSLATORS: %s are the endpoint and the deployment. */
		fprintf(stderr, _("akswiz: 503: the deployment's queue is "
		    "full: more requests at once than its maximum concurrent "
		    "requests times its instances waited past its maximum "
		    "queue wait.  Raise either: akswiz online-deployment "
		    "update --endpoint-name %s --name %s "
		    "--max-concurrent-requests N | --instance-count N\n"),
		    a->name, d);
	else if (status == 504)
		/* TRANSLATORS: %s are the endpoint and the deployment. */
		fprintf(stderr, _("akswiz: 504: the model took longer than "
		    "the deployment's request timeout.  Make run() faster or "
		    "raise it: akswiz online-deployment update --endpoint-name "
		    "%s --name %s --request-timeout-ms N\n"), a->name, d);
}

/*
 * online-endpoint invoke --name E --request-file F [--deployment-name D]:
 * the key (or the token) read from the service goes in the Authorization
 * header of one POST to the scoring URI; the reply goes to stdout, the
 * status and the latency to stderr (json: one object with all three).
 */
static int
endpoint_invoke(struct app_options *g, struct session *s,
    const struct ep_args *a)
{
	struct arm_endpoint	 e;
	struct arm_endpoint_reply	 rsp;
	struct buf		 body;
	struct err		 err;
	uint64_t		 ms;
	size_t			 n;
	bool			 ok, first;
	int			 st;

	buf_init(&body, INVOKE_MAX);
	if (!invoke_read(a->request_file, &body)) {
		buf_done(&body);
		session_close(s);
		return EXIT_USAGE;
	}
	if ((st = ep_get(s, a->name, &e)) != EXIT_OK) {
		buf_done(&body);
		session_close(s);
		return st;
	}
	err_clear(&err);
	if (e.scoring_uri == NULL) {
		cli_error(_("online endpoint %s has no scoring URI yet "
		    "(state %s)"), a->name, e.provisioning_state != NULL ?
		    e.provisioning_state : "?");
		buf_done(&body);
		arm_endpoint_done(&e);
		session_close(s);
		return EXIT_FAILED;
	}
	if (strncasecmp(e.scoring_uri, "https://", 8) != 0)
		/* TRANSLATORS: %s is the endpoint's scoring URI. */
		cli_warning(_("%s is not HTTPS: the key or token goes "
		    "unencrypted"), e.scoring_uri);
	ok = arm_endpoint_invoke(&s->arm, s->subscription, s->resource_group,
	    s->workspace, &e, a->deployment, buf_str(&body), body.len, &rsp,
	    &err);
	ms = rsp.ms;
	buf_done(&body);
	if (!ok) {
		arm_endpoint_done(&e);
		return ep_fail(s, &err);
	}
	if (g->output == OUTPUT_JSON) {
		printf("{\"status\": %ld, \"latencyMs\": %llu", rsp.status,
		    (unsigned long long)ms);
		first = false;
		session_json_member(stdout, &first, "body", rsp.body);
		fputs("}\n", stdout);
	} else {
		/* TRANSLATORS: "akswiz: ep1: HTTP 200 in 12 ms". */
		fprintf(stderr, _("akswiz: %s: HTTP %ld in %llu ms\n"),
		    a->name, rsp.status, (unsigned long long)ms);
		/* Service text: control characters escaped, lines kept. */
		char *safe = text_escape_dup(rsp.body, TEXT_KEEP_NEWLINE);

		n = strlen(safe);
		fputs(safe, stdout);
		if (n > 0 && safe[n - 1] != '\n')
			fputc('\n', stdout);
		free(safe);
	}
	invoke_explain(a, rsp.status);
	st = rsp.status >= 200 && rsp.status < 300 ? EXIT_OK : EXIT_SERVICE;
	arm_endpoint_reply_done(&rsp);
	arm_endpoint_done(&e);
	session_close(s);
	return st;
}

/* Copy src into dst (a plan member) when it fits; false after saying so. */
static bool
plan_member(char *dst, size_t len, const char *src, const char *what)
{
	if (strlen(src) >= len) {
		/* TRANSLATORS: %s is an option (--name, --compute ...). */
		cli_error(_("%s is too long"), what);
		return false;
	}
	memcpy(dst, src, strlen(src) + 1);
	return true;
}

/*
 * online-endpoint create --name E --compute C [--auth-mode M]: a plan of
 * one typed step (the endpoint's PUT), preflighted by core's rules (the
 * name, the auth mode, a Kubernetes compute, a name not taken), then
 * applied, journaled and followed like every plan (session_ops_apply).
 */
static int
endpoint_create(struct app_options *g, const struct ep_args *a)
{
	struct plan	 p;
	struct session	 s;
	int		 st;

	plan_init(&p, PLAN_CREATE_ENDPOINT);
	if (!plan_member(p.name, sizeof p.name, a->compute, "--compute") ||
	    !plan_member(p.endpoint_name, sizeof p.endpoint_name, a->name,
	    "--name") || !plan_member(p.auth_mode, sizeof p.auth_mode,
	    a->auth_mode != NULL ? a->auth_mode : "key", "--auth-mode") ||
	    (a->description != NULL && !plan_member(p.description,
	    sizeof p.description, a->description, "--description")))
		return EXIT_USAGE;
	if ((st = ep_open(g, &s)) != EXIT_OK)
		return st;
	snprintf(p.scope.subscription, sizeof p.scope.subscription, "%s",
	    s.subscription);
	snprintf(p.scope.resource_group, sizeof p.scope.resource_group, "%s",
	    s.resource_group);
	snprintf(p.scope.workspace, sizeof p.scope.workspace, "%s",
	    s.workspace);
	st = session_ops_apply(g, &s, &p, !a->no_wait);
	session_close(&s);
	return st;
}

/* akswiz online-endpoint VERB ... */
int
cmd_online_endpoint(struct app_options *g, int argc, char **argv)
{
	struct ep_args	a = { 0 };
	struct session	s;
	int		st;

	/* update and delete: cmd-endpoint-change.c. */
	if (argc >= 2 && verb_in(argv[1], "update delete"))
		return cmd_endpoint_change(g, argc, argv);
	if (argc < 2 || !verb_in(argv[1], "list show get-credentials "
	    "regenerate-keys invoke create")) {
		cli_error(_("usage: akswiz online-endpoint list|show|create|"
		    "get-credentials|regenerate-keys|invoke [--name E]"));
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
	if (strcmp(a.verb, "regenerate-keys") == 0 && (a.key_type == NULL ||
	    (strcmp(a.key_type, "primary") != 0 &&
	    strcmp(a.key_type, "secondary") != 0))) {
		cli_error(_("regenerate-keys needs --key-type primary or "
		    "secondary"));
		return EXIT_USAGE;
	}
	if (strcmp(a.verb, "create") == 0 && a.compute == NULL) {
		cli_error(_("create needs --compute C, a Kubernetes compute"));
		return EXIT_USAGE;
	}
	if (strcmp(a.verb, "create") == 0)
		return cli_readonly_refuse(g, "online-endpoint create") !=
		    EXIT_OK ? EXIT_PREFLIGHT : endpoint_create(g, &a);
	if (strcmp(a.verb, "invoke") == 0 && a.request_file == NULL) {
		cli_error(_("invoke needs --request-file FILE (- for the "
		    "standard input)"));
		return EXIT_USAGE;
	}
	/* A scoring call is a POST the read-only client would refuse
	 * anyway: refused here, before the keys are read. */
	if ((strcmp(a.verb, "regenerate-keys") == 0 ||
	    strcmp(a.verb, "invoke") == 0) && cli_readonly_refuse(g,
	    strcmp(a.verb, "invoke") == 0 ? "online-endpoint invoke" :
	    "online-endpoint regenerate-keys") != EXIT_OK)
		return EXIT_PREFLIGHT;
	if ((st = ep_open(g, &s)) != EXIT_OK)
		return st;
	if (strcmp(a.verb, "list") == 0)
		return endpoint_list(g, &s);
	if (strcmp(a.verb, "get-credentials") == 0)
		return endpoint_credentials(g, &s, &a);
	if (strcmp(a.verb, "regenerate-keys") == 0)
		return endpoint_regenerate(&s, &a);
	if (strcmp(a.verb, "invoke") == 0)
		return endpoint_invoke(g, &s, &a);
	return endpoint_show(g, &s, a.name);
}

/* Print service text, control characters escaped, ending in a newline. */
static void
logs_print(const char *text)
{
	char	*safe = text_escape_dup(text, TEXT_KEEP_NEWLINE);
	size_t	 n = strlen(safe);

	fputs(safe, stdout);
	if (n > 0 && safe[n - 1] != '\n')
		fputc('\n', stdout);
	free(safe);
	fflush(stdout);
}

/* The lines of text (a copy in *buf, which the caller frees). */
static char **
logs_lines(const char *text, char **buf, size_t *n)
{
	char	**v = NULL, *p;
	size_t	  cap = 0;

	*n = 0;
	*buf = xstrdup(text);
	for (p = *buf; *p != '\0'; ) {
		if (*n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[(*n)++] = p;
		p += strcspn(p, "\n");
		if (*p == '\n')
			*p++ = '\0';
	}
	return v;
}

/*
 * The first line of now that is new after was: getLogs answers the log's
 * tail, so the longest run of was's last lines that starts now is what
 * both have; without one, everything in now is new.
 */
static size_t
logs_new_from(char **was, size_t nwas, char **now, size_t nnow)
{
	size_t	k, i;

	for (k = nwas < nnow ? nwas : nnow; k > 0; k--) {
		for (i = 0; i < k && strcmp(was[nwas - k + i], now[i]) == 0;
		    i++)
			;
		if (i == k)
			return k;
	}
	return 0;
}

static volatile sig_atomic_t logs_interrupted;

static void
logs_on_sigint(int sig)
{
	(void)sig;
	logs_interrupted = 1;
}

/*
 * get-logs --follow: the last tail lines (all without --lines), then a
 * getLogs every few seconds (AKSWIZ_POLL_MIN_MS in tests) printing only
 * the lines after those already printed, until SIGINT (exit 0) or the
 * deployment is gone (exit 1).
 */
static int
deployment_logs_follow(struct session *s, const struct ep_args *a,
    long tail, const char *container)
{
	struct sigaction sa;
	struct err	 err;
	char		*content, *buf, *nbuf, **was, **now;
	size_t		 nwas, nnow, i, from;
	uint64_t	 wait_ms = 5000, slept;

	if (!run_poll_ms_parse(getenv("AKSWIZ_POLL_MIN_MS"), &wait_ms))
		wait_ms = 5000;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = logs_on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	err_clear(&err);
	if (!arm_deployment_logs(&s->arm, s->subscription,
	    s->resource_group, s->workspace, a->endpoint, a->name, container,
	    -1, &content, &err))
		return ep_fail(s, &err);
	was = logs_lines(content, &buf, &nwas);
	free(content);
	for (i = tail >= 0 && (size_t)tail < nwas ? nwas - (size_t)tail : 0;
	    i < nwas; i++)
		logs_print(was[i]);
	while (!logs_interrupted) {
		for (slept = 0; slept < wait_ms && !logs_interrupted;
		    slept += 100)
			clock_sleep_ms(wait_ms - slept < 100 ? wait_ms - slept :
			    100);
		if (logs_interrupted)
			break;
		err_clear(&err);
		if (!arm_deployment_logs(&s->arm, s->subscription,
		    s->resource_group, s->workspace, a->endpoint, a->name,
		    container, -1, &content, &err)) {
			if (logs_interrupted)
				break;
			free(was);
			free(buf);
			if (err.http_status == 404) {
				/* TRANSLATORS: "deployment blue of endpoint
				 * ep1 is gone: no more logs". */
				cli_error(_("deployment %s of endpoint %s is "
				    "gone: no more logs"), a->name,
				    a->endpoint);
				session_close(s);
				return EXIT_FAILED;
			}
			return ep_fail(s, &err);
		}
		now = logs_lines(content, &nbuf, &nnow);
		free(content);
		for (from = logs_new_from(was, nwas, now, nnow); from < nnow;
		    from++)
			logs_print(now[from]);
		free(was);
		free(buf);
		was = now;
		nwas = nnow;
		buf = nbuf;
	}
	free(was);
	free(buf);
	session_close(s);
	return EXIT_OK;
}

/* online-deployment get-logs --name D --endpoint-name E [...]. */
static int
deployment_logs(struct app_options *g, struct session *s,
    const struct ep_args *a, long tail, const char *container)
{
	struct err	 err;
	char		*content, *safe;
	size_t		 n;
	bool		 first = true;

	if (a->follow)
		return deployment_logs_follow(s, a, tail, container);
	err_clear(&err);
	if (!arm_deployment_logs(&s->arm, s->subscription,
	    s->resource_group, s->workspace, a->endpoint, a->name, container,
	    tail, &content, &err))
		return ep_fail(s, &err);
	if (g->output == OUTPUT_JSON) {
		fputc('{', stdout);
		session_json_member(stdout, &first, "content", content);
		fputs("}\n", stdout);
	} else {
		/* Service text: control characters escaped, lines kept. */
		safe = text_escape_dup(content, TEXT_KEEP_NEWLINE);
		n = strlen(safe);
		fputs(safe, stdout);
		if (n > 0 && safe[n - 1] != '\n')
			fputc('\n', stdout);
		free(safe);
	}
	free(content);
	session_close(s);
	return EXIT_OK;
}

/* akswiz online-deployment VERB ... */
int
cmd_online_deployment(struct app_options *g, int argc, char **argv)
{
	struct ep_args	 a = { 0 };
	struct session	 s;
	const char	*container = "InferenceServer";
	char		*end;
	long		 tail = -1;
	int		 st;

	if (argc >= 2 && verb_in(argv[1], "update delete"))
		return cmd_endpoint_change(g, argc, argv);
	if (argc < 2 || !verb_in(argv[1], "list show get-logs")) {
		cli_error(_("usage: akswiz online-deployment list|show|get-logs "
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
	if (a.lines != NULL) {
		tail = strtol(a.lines, &end, 10);
		if (end == a.lines || *end != '\0' || tail < 1 ||
		    tail > 100000) {
			cli_error(_("--lines must be a number from 1 to 100000, "
			    "not \"%s\""), a.lines);
			return EXIT_USAGE;
		}
	}
	if (a.container != NULL) {
		if (strcmp(a.container, "inference-server") == 0)
			container = "InferenceServer";
		else if (strcmp(a.container, "storage-initializer") == 0)
			container = "StorageInitializer";
		else {
			cli_error(_("--container must be inference-server or "
			    "storage-initializer, not \"%s\""), a.container);
			return EXIT_USAGE;
		}
	}
	if (a.follow && g->output == OUTPUT_JSON) {
		cli_error(_("--follow prints lines as they come: it cannot be "
		    "used with -o json"));
		return EXIT_USAGE;
	}
	if ((st = ep_open(g, &s)) != EXIT_OK)
		return st;
	if (strcmp(a.verb, "list") == 0)
		return deployment_list(g, &s, a.endpoint);
	if (strcmp(a.verb, "get-logs") == 0)
		return deployment_logs(g, &s, &a, tail, container);
	return deployment_show(g, &s, a.endpoint, a.name);
}
