/*
 * akswiz show NAME: one compute in detail.  -o json prints the object of
 * session_compute_json(); a table is "FIELD  VALUE" lines.  A Kubernetes
 * compute comes with its AKS cluster (version, power state, node pools)
 * and its Azure ML extension (version, state, public settings), two more
 * GETs; one that fails is a warning, and its part is left out (null).  A compute
 * that does not exist is a failure (exit 1) with a clear message; a
 * compute in state Failed is shown (exit 0) with its error.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "azure/arm.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "core/state.h"

/*
 * The bytes of s that fit in avail columns as one line, broken after the
 * last space or '/' that fits (a word is cut only when it alone is wider
 * than a line); *skip is the number of spaces to drop after it.
 */
static size_t
show_line(const char *s, size_t avail, size_t *skip)
{
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 i = 0, cols = 0, brk = 0, brk_skip = 0, n;
	int		 w;

	memset(&st, 0, sizeof st);
	*skip = 0;
	while (s[i] != '\0') {
		n = mbrtowc(&wc, s + i, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof st);
			n = 1;
			w = 1;
		} else if ((w = wcwidth(wc)) < 0)
			w = 1;
		if (cols + (size_t)w > avail) {
			if (s[i] == ' ' && i > 0) {	/* a word ends here */
				while (s[i + *skip] == ' ')
					(*skip)++;
				return i;
			}
			if (brk == 0)
				return i > 0 ? i : n;
			*skip = brk_skip;
			return brk;
		}
		cols += (size_t)w;
		i += n;
		if (s[i - 1] == ' ' && i > 1) {
			brk = i - 1;
			brk_skip = 1;
			while (s[brk + brk_skip] == ' ')
				brk_skip++;
		} else if (s[i - 1] == '/') {
			brk = i;
			brk_skip = 0;
		}
	}
	return i;
}

/* The rows of a compute, gathered before the widest label is known. */
#define SHOW_ROWS	48
#define SHOW_POOLS	8	/* node pools shown in the table */

struct show_rows {
	const char	*label[SHOW_ROWS];
	const char	*value[SHOW_ROWS];
	size_t		 n;
	bool		 known_only;	/* leave out rows without a value */
};

/*
 * Print the rows; in a table, a value too wide for what 80 columns leave
 * beside the widest label goes on as many lines as it needs, broken
 * between words or after a '/'.
 */
static void
show_print(const struct show_rows *r, enum output_format fmt,
    const char *const *headers)
{
	struct output_table	*t = output_table_new(2, headers);
	const char		*cells[2], *value;
	size_t			 i, avail, lw = output_width(headers[0]), len,
				 skip;
	char			 part[512];

	for (i = 0; i < r->n; i++)
		if (output_width(r->label[i]) > lw)
			lw = output_width(r->label[i]);
	avail = lw + 2 + 20 < 80 ? 80 - 2 - lw : 20;
	for (i = 0; i < r->n; i++) {
		cells[0] = r->label[i];
		cells[1] = value = r->value[i];
		if (fmt != OUTPUT_TABLE || value == NULL ||
		    output_width(value) <= avail) {
			output_table_add(t, cells);
			continue;
		}
		while (*value != '\0') {
			len = show_line(value, avail, &skip);
			snprintf(part, sizeof part, "%.*s", (int)len, value);
			cells[1] = part;
			output_table_add(t, cells);
			cells[0] = "";
			value += len + skip;
		}
	}
	output_table_print(stdout, fmt, t);
	output_table_free(t);
}

/* The TLS status as people say it; the service's word in tsv and json. */
static const char *
show_tls(enum output_format fmt, const char *status)
{
	if (fmt != OUTPUT_TABLE)
		return status;
	/* TRANSLATORS: the TLS row of "akswiz show"; at most 64 columns. */
	switch (tls_status_parse(status)) {
	case TLS_STATUS_AUTO:
		return _("Microsoft certificate");
	case TLS_STATUS_ENABLED:
		return _("custom certificate");
	case TLS_STATUS_DISABLED:
		return _("disabled");
	default:
		return status;
	}
}

/* What show adds for a Kubernetes compute, fetched after it. */
struct show_k8s {
	bool			 is_k8s;
	bool			 have_cluster, have_ext;
	struct arm_cluster	 cl;
	struct arm_extension	 x;
	char			*problem;	/* the extension's */
	char			 state[128];	/* cluster: "Succeeded, Running" */
	char			 ext[256];	/* "azureml 1.1.64 (stable)" */
	char			 pools[SHOW_POOLS][256];
};

/* GET the cluster and its extension; a failure is a warning. */
static void
show_k8s_fetch(struct session *s, const struct arm_compute *c,
    struct show_k8s *k)
{
	struct err	err;
	bool		found;

	memset(k, 0, sizeof *k);
	k->is_k8s = c->compute_type != NULL &&
	    strcasecmp(c->compute_type, "Kubernetes") == 0;
	if (!k->is_k8s || c->resource_id == NULL)
		return;
	err_clear(&err);
	k->have_cluster = arm_get_cluster(&s->arm, c->resource_id, &k->cl,
	    &err);
	if (!k->have_cluster) {
		/* TRANSLATORS: %s is the service's error message. */
		cli_warning(_("could not read the compute's AKS cluster: %s"),
		    err.msg);
		return;
	}
	err_clear(&err);
	if (!arm_get_extension(&s->arm, c->resource_id, NULL, &k->x, &found,
	    &err))
		/* TRANSLATORS: %s is the service's error message. */
		cli_warning(_("could not read the cluster's Azure Machine "
		    "Learning extension: %s"), err.msg);
	k->have_ext = found;
	if (found)
		k->problem = arm_extension_problem(&k->x);
}

/* Free what show_k8s_fetch() got. */
static void
show_k8s_done(struct show_k8s *k)
{
	if (k->have_cluster)
		arm_cluster_done(&k->cl);
	if (k->have_ext)
		arm_extension_done(&k->x);
	free(k->problem);
}

/* A row; its label is machine output in -o tsv, never translated there. */
static void
show_row(struct show_rows *r, enum output_format fmt, const char *label,
    const char *value)
{
	if (r->n == SHOW_ROWS)
		return;
	/* A Kubernetes compute's rows: only what is known. */
	if (r->known_only && (value == NULL || value[0] == '\0'))
		return;
	r->label[r->n] = fmt == OUTPUT_TSV ? label : _(label);
	r->value[r->n++] = value;
}

/* The rows of a Kubernetes compute: its own, its cluster's, its extension's. */
static void
show_k8s_rows(enum output_format fmt, const struct arm_compute *c,
    struct show_k8s *k, struct show_rows *rows)
{
	const char	*v;
	size_t		 i;

	/* TRANSLATORS: row labels of "akswiz show" for a Kubernetes
	 * compute, its AKS cluster and its Azure ML extension. */
	show_row(rows, fmt, N_("Namespace"), c->k8s_namespace);
	show_row(rows, fmt, N_("Instance types"), c->instance_types);
	if (k->have_cluster) {
		show_row(rows, fmt, N_("Kubernetes version"), k->cl.version);
		snprintf(k->state, sizeof k->state, "%s%s%s",
		    k->cl.provisioning_state != NULL ?
		    k->cl.provisioning_state : "", k->cl.power_state != NULL ?
		    ", " : "", k->cl.power_state != NULL ?
		    k->cl.power_state : "");
		show_row(rows, fmt, N_("Cluster state"), k->state);
		for (i = 0; i < k->cl.npools && i < SHOW_POOLS; i++) {
			const struct arm_pool *p = &k->cl.pools[i];
			int n = snprintf(k->pools[i], sizeof k->pools[i],
			    "%s (%s): %d x %s", p->name != NULL ? p->name :
			    "?", p->mode != NULL ? p->mode : "?", p->count,
			    p->vm_size != NULL ? p->vm_size : "?");

			if (p->autoscale && n > 0 &&
			    (size_t)n < sizeof k->pools[i])
				/* TRANSLATORS: after a node pool in
				 * "akswiz show": its autoscaler's range. */
				snprintf(k->pools[i] + n, sizeof k->pools[i] -
				    (size_t)n, _(", autoscaler %d to %d"),
				    p->min_count, p->max_count);
			show_row(rows, fmt, i == 0 ? N_("Node pools") : "",
			    k->pools[i]);
		}
	}
	if (!k->have_ext) {
		if (k->have_cluster)
			/* TRANSLATORS: the Extension row of "akswiz show"
			 * when the cluster has no Azure ML extension. */
			show_row(rows, fmt, N_("Extension"),
			    fmt == OUTPUT_TSV ? "none" : _("not installed"));
		return;
	}
	snprintf(k->ext, sizeof k->ext, "%s %s (%s)", k->x.name,
	    k->x.current_version != NULL ? k->x.current_version :
	    k->x.version != NULL ? k->x.version : "?",
	    k->x.release_train != NULL ? k->x.release_train : "?");
	show_row(rows, fmt, N_("Extension"), k->ext);
	show_row(rows, fmt, N_("Extension state"), k->x.provisioning_state);
	show_row(rows, fmt, N_("Extension problem"), k->problem);
	if ((v = arm_extension_purpose(&k->x)) != NULL &&
	    c->cluster_purpose == NULL)
		show_row(rows, fmt, N_("Purpose"), v);
	show_row(rows, fmt, N_("Router service"), arm_extension_router(&k->x));
	show_row(rows, fmt, N_("Load balancer"), arm_extension_lb_type(&k->x));
	show_row(rows, fmt, N_("TLS"), show_tls(fmt,
	    arm_extension_ssl_status(&k->x)));
	show_row(rows, fmt, N_("TLS CNAME"), arm_extension_cname(&k->x));
}

/* akswiz show NAME. */
int
cmd_show(struct app_options *g, int argc, char **argv)
{
	static const char *const headers[] = { N_("FIELD"), N_("VALUE") };
	struct session		 s;
	struct arm_compute	 c;
	struct show_rows	 rows;
	struct show_k8s		 k;
	struct err		 err;
	const char		*hdr[2];
	char			 nodes[16];
	bool			 found;
	int			 status = EXIT_OK;

	if (argc != 2 || argv[1][0] == '-') {
		cli_error(_("usage: akswiz show NAME"));
		return EXIT_USAGE;
	}
	err_clear(&err);
	if (!session_open(&s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	if (!arm_get_compute(&s.arm, s.subscription, s.resource_group,
	    s.workspace, argv[1], &c, &found, &err)) {
		session_report(&err);
		session_close(&s);
		return session_exit_status(&err);
	}
	if (!found) {
		struct arm_workspace	ws = { 0 };

		/* A missing workspace also answers 404: say which it is. */
		if (!arm_check_workspace(&s.arm, s.subscription,
		    s.resource_group, s.workspace, &ws, &err)) {
			session_report(&err);
			session_close(&s);
			return session_exit_status(&err);
		}
		arm_workspace_done(&ws);
		cli_error(_("workspace %s has no compute named \"%s\""),
		    s.workspace, argv[1]);
		session_close(&s);
		return EXIT_FAILED;
	}
	show_k8s_fetch(&s, &c, &k);
	if (g->output == OUTPUT_JSON) {
		if (k.is_k8s)
			session_compute_json_k8s(stdout, &c, k.have_cluster ?
			    &k.cl : NULL, k.have_ext ? &k.x : NULL);
		else
			session_compute_json(stdout, &c);
		fputc('\n', stdout);
	} else {
		hdr[0] = _(headers[0]);
		hdr[1] = _(headers[1]);
		memset(&rows, 0, sizeof rows);
#define ROW(l, v) show_row(&rows, g->output, (l), (v))
		rows.known_only = k.is_k8s;
		ROW(N_("Name"), c.name);
		ROW(N_("Type"), c.compute_type);
		ROW(N_("State"), c.provisioning_state);
		ROW(N_("Origin"), session_compute_origin(&c));
		ROW(N_("Location"), c.compute_location != NULL ?
		    c.compute_location : c.location);
		ROW(N_("Purpose"), c.cluster_purpose);
		if (c.agent_count >= 0) {
			snprintf(nodes, sizeof nodes, "%d", c.agent_count);
			ROW(N_("Nodes"), nodes);
		}
		ROW(N_("VM size"), c.agent_vm_size);
		ROW(N_("Load balancer"), c.lb_type);
		ROW(N_("LB subnet"), c.lb_subnet);
		ROW(N_("TLS"), show_tls(g->output, c.ssl_status));
		ROW(N_("TLS CNAME"), c.ssl_cname);
		ROW(N_("Leaf label"), c.ssl_leaf_label);
		ROW(N_("Cluster FQDN"), c.cluster_fqdn);
		ROW(N_("AKS cluster"), c.resource_id);
		if (k.is_k8s)
			show_k8s_rows(g->output, &c, &k, &rows);
		ROW(N_("Created"), c.created_on);
		ROW(N_("Description"), c.description);
		if (c.error_code != NULL || c.error_message != NULL) {
			ROW(N_("Error"), c.error_code);
			ROW(N_("Error message"), c.error_message);
		}
#undef ROW
		show_print(&rows, g->output, hdr);
	}
	show_k8s_done(&k);
	arm_compute_done(&c);
	session_close(&s);
	return status;
}
