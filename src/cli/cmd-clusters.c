/*
 * akswiz clusters [--purpose FastProd|DevTest] [--compute-type
 * Kubernetes|AKS]: the subscription's AKS clusters with the verdict on
 * attaching each to the workspace (version, size for the purpose, state,
 * private, authorized IP ranges, existing attachment; as Kubernetes, its
 * identity, and an attachment shared rather than broken).  Table: one line per cluster and its first error or
 * warning, and the type of the compute attaching it; JSON: [{"name", "id",
 * "location", "version", "state", "nodes", "vcpu", "private", "attachedAs",
 * "attachable", "verdicts": [...], "attachedType"}].
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>

#include "azure/clusters.h"
#include "azure/ops.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "core/text.h"
#include "core/verdict.h"

/* The larger of two widths. */
static size_t
max_width(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* The most severe verdict's text, or "can be attached". */
static void
verdict_line(const struct verdicts *vs, int translated, char *buf,
    size_t len)
{
	const struct verdict	*best = NULL;
	size_t			 i;

	for (i = 0; i < vs->n; i++)
		if (best == NULL || vs->v[i].severity > best->severity)
			best = &vs->v[i];
	if (best == NULL)
		snprintf(buf, len, "%s", translated ? _("can be attached") :
		    "can be attached");
	else
		output_verdict_text(best, translated, buf, len);
}

/* akswiz clusters [--purpose P]. */
int
cmd_clusters(struct app_options *g, int argc, char **argv)
{
	static const char *const headers[] = {
		N_("NAME"), N_("VERSION"), N_("NODES"), N_("VCPU"), N_("OK"),
		N_("TYPE"), N_("VERDICT")
	};
	struct session		 s;
	struct ops		 o;
	struct plan_scope	 sc;
	struct cluster_list	 l = { 0 };
	struct output_table	*t;
	struct err		 err;
	enum purpose		 purpose = PURPOSE_FASTPROD;
	enum compute_type	 type = COMPUTE_KUBERNETES;
	const char		*p = NULL, *ct = NULL, *hdr[7], *cells[7];
	char			 nodes[16], vcpu[16], text[512], full[512];
	size_t			 k, width, name_w, ver_w, type_w;
	int			 i, r;

	for (i = 1; i < argc; i++) {
		if ((r = session_opt_value(argc, argv, &i, "compute-type", 0,
		    &ct)) < 0)
			return EXIT_USAGE;
		if (r > 0) {
			if (!compute_type_parse(ct, &type)) {
				/* TRANSLATORS: %s are the flag and the value
				 * given. */
				cli_error(_("%s must be Kubernetes or AKS, not "
				    "\"%s\""), "--compute-type", ct);
				return EXIT_USAGE;
			}
			continue;
		}
		if ((r = session_opt_value(argc, argv, &i, "purpose", 0, &p))
		    < 0)
			return EXIT_USAGE;
		if (r == 0) {
			cli_error(_("clusters: unexpected argument \"%s\""),
			    argv[i]);
			return EXIT_USAGE;
		}
		if (!purpose_parse(p, &purpose)) {
			cli_error(_("--purpose must be FastProd or DevTest, "
			    "not \"%s\""), p);
			return EXIT_USAGE;
		}
	}
	err_clear(&err);
	if (!session_open(&s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	memset(&sc, 0, sizeof sc);
	snprintf(sc.subscription, sizeof sc.subscription, "%s",
	    s.subscription);
	snprintf(sc.resource_group, sizeof sc.resource_group, "%s",
	    s.resource_group);
	snprintf(sc.workspace, sizeof sc.workspace, "%s", s.workspace);
	ops_init(&o, &s.arm);
	/* Today's path shares a cluster and needs a managed identity. */
	o.attach_k8s = type == COMPUTE_KUBERNETES;
	if (!clusters_list(&o, &sc, purpose, &l, &err)) {
		session_report(&err);
		session_close(&s);
		return session_exit_status(&err);
	}
	if (g->output == OUTPUT_JSON) {
		fputs("[", stdout);
		for (k = 0; k < l.n; k++) {
			fputs(k ? ",\n {\"name\": " : "\n {\"name\": ", stdout);
			output_json_string(stdout, l.v[k].label);
			fputs(", \"id\": ", stdout);
			output_json_string(stdout, l.v[k].facts.id);
			fputs(", \"location\": ", stdout);
			if (l.v[k].facts.location[0] != '\0')
				output_json_string(stdout,
				    l.v[k].facts.location);
			else
				fputs("null", stdout);
			fputs(", \"version\": ", stdout);
			if (l.v[k].facts.version[0] != '\0')
				output_json_string(stdout, l.v[k].facts.version);
			else
				fputs("null", stdout);
			fputs(", \"state\": ", stdout);
			if (l.v[k].facts.provisioning_state[0] != '\0')
				output_json_string(stdout,
				    l.v[k].facts.provisioning_state);
			else
				fputs("null", stdout);
			printf(", \"nodes\": %d, \"vcpu\": %d, "
			    "\"private\": %s, \"attachedAs\": ",
			    l.v[k].facts.node_count, l.v[k].facts.vcpu_total,
			    l.v[k].facts.private_cluster ? "true" : "false");
			if (l.v[k].attached[0] != '\0')
				output_json_string(stdout, l.v[k].attached);
			else
				fputs("null", stdout);
			printf(", \"attachable\": %s, \"verdicts\": ",
			    l.v[k].attachable ? "true" : "false");
			output_verdicts(stdout, OUTPUT_JSON, &l.v[k].verdicts);
			fputs(", \"attachedType\": ", stdout);
			if (l.v[k].attached_type[0] != '\0')
				output_json_string(stdout,
				    l.v[k].attached_type);
			else
				fputs("null", stdout);
			fputs("}", stdout);
		}
		fputs(l.n ? "\n]\n" : "]\n", stdout);
	} else {
		for (k = 0; k < 7; k++)
			hdr[k] = _(headers[k]);
		t = output_table_new(7, hdr);
		/*
		 * What is left of 80 columns for the verdict: every column
		 * counted in display columns (the headers translated), so
		 * that a Chinese verdict is cut between characters.
		 */
		name_w = text_width(hdr[0]);
		ver_w = text_width(hdr[1]);
		type_w = text_width(hdr[5]);
		for (k = 0; k < l.n; k++) {
			size_t nl = text_width(l.v[k].label), vl =
			    text_width(l.v[k].facts.version);

			if (nl > name_w)
				name_w = nl;
			if (vl > ver_w)
				ver_w = vl;
			type_w = max_width(type_w,
			    text_width(l.v[k].attached_type));
		}
		width = name_w + ver_w + max_width(text_width(hdr[2]), 5) +
		    max_width(text_width(hdr[3]), 4) +
		    max_width(text_width(hdr[4]), 3) + type_w + 6 * 2;
		width = width < 80 - 20 ? 80 - width : 20;
		for (k = 0; k < l.n; k++) {
			snprintf(nodes, sizeof nodes, "%d",
			    l.v[k].facts.node_count);
			if (l.v[k].facts.vcpu_total > 0)
				snprintf(vcpu, sizeof vcpu, "%d",
				    l.v[k].facts.vcpu_total);
			else
				vcpu[0] = '\0';
			verdict_line(&l.v[k].verdicts, g->output ==
			    OUTPUT_TABLE, full, sizeof full);
			/* The table fits 80 columns; -o json has it all. */
			if (g->output == OUTPUT_TABLE)
				text_cut(text, sizeof text, full, width, "...");
			else
				snprintf(text, sizeof text, "%s", full);
			cells[0] = l.v[k].label;
			cells[1] = l.v[k].facts.version;
			cells[2] = nodes;
			cells[3] = vcpu;
			cells[4] = !l.v[k].attachable ?
			    (g->output == OUTPUT_TABLE ? _("no") : "no") :
			    (g->output == OUTPUT_TABLE ? _("yes") : "yes");
			/* The type before the verdict in a table (which cuts
			 * it), last in -o tsv (whose readers count). */
			cells[g->output == OUTPUT_TABLE ? 5 : 6] =
			    l.v[k].attached_type;
			cells[g->output == OUTPUT_TABLE ? 6 : 5] = text;
			output_table_add(t, cells);
		}
		if (l.n > 0 || g->output == OUTPUT_TSV)
			output_table_print(stdout, g->output, t);
		else
			printf(_("Subscription %s has no AKS clusters.\n"),
			    s.subscription);
		output_table_free(t);
	}
	cluster_list_free(&l);
	session_close(&s);
	return EXIT_OK;
}
