/*
 * akswiz list: the workspace's inference clusters (computes of type AKS;
 * the others are left out, as the legacy SDK did).  -o json prints an
 * array of session_compute_json() objects; the table fits 80 columns.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "azure/arm.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "core/text.h"

/* Fit s into width cells for the table ("..." marks a cut). */
static const char *
cut(const char *s, size_t width, char *buf, size_t len)
{
	if (s == NULL)
		return "";
	if (width < 4)
		return s;
	return text_cut(buf, len, s, width, "...");
}

/* AKS computes only, unless all. */
static bool
wanted(const struct arm_compute *c, bool all)
{
	return all || (c->compute_type != NULL &&
	    strcasecmp(c->compute_type, "AKS") == 0);
}

/* The row of a compute; a table cuts long sizes and regions. */
static void
fill(const struct arm_compute *c, bool table, const char **cells,
    char *nodes, char *b1, char *b2)
{
	const char	*loc = c->compute_location != NULL ?
			    c->compute_location : c->location;

	if (c->agent_count >= 0)
		snprintf(nodes, 16, "%d", c->agent_count);
	else
		nodes[0] = '\0';
	cells[0] = c->name;
	cells[1] = c->provisioning_state;
	cells[2] = session_compute_origin(c);
	cells[3] = c->cluster_purpose;
	cells[4] = nodes;
	cells[5] = table ? cut(c->agent_vm_size, 16, b1, 32) : c->agent_vm_size;
	cells[6] = table ? cut(loc, 14, b2, 32) : loc;
}

/* akswiz list [--all]. */
int
cmd_list(struct app_options *g, int argc, char **argv)
{
	static const char *const headers[] = {
		/* TRANSLATORS: column headers; keep them short. */
		N_("NAME"), N_("STATE"), N_("ORIGIN"), N_("PURPOSE"),
		N_("NODES"), N_("VM SIZE"), N_("LOCATION")
	};
	struct session		 s;
	struct arm_compute_list	 l = { 0 };
	struct output_table	*t;
	struct err		 err;
	const char		*hdr[7], *cells[7];
	char			 nodes[16], b1[32], b2[32];
	size_t			 i, n = 0;
	bool			 all = false;

	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			all = true;
		else {
			cli_error(_("list: unexpected argument \"%s\""),
			    argv[i]);
			return EXIT_USAGE;
		}
	}
	err_clear(&err);
	if (!session_open(&s, g, SESSION_SCOPE, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	if (!arm_list_computes(&s.arm, s.subscription, s.resource_group,
	    s.workspace, &l, &err)) {
		arm_scope_explain(&err, s.subscription, s.resource_group,
		    s.workspace);
		session_report(&err);
		session_close(&s);
		return session_exit_status(&err);
	}
	if (g->output == OUTPUT_JSON) {
		fputs("[", stdout);
		for (i = 0; i < l.n; i++) {
			if (!wanted(&l.v[i], all))
				continue;
			fputs(n++ ? ",\n " : "\n ", stdout);
			session_compute_json(stdout, &l.v[i]);
		}
		fputs(n ? "\n]\n" : "]\n", stdout);
	} else {
		bool	table = g->output == OUTPUT_TABLE;
		size_t	w[7], k, total, ncols = 7;

		/* Fit 80 columns: drop LOCATION if the rows are too wide. */
		for (k = 0; k < 7; k++) {
			hdr[k] = table ? _(headers[k]) : headers[k];
			w[k] = output_width(hdr[k]);
		}
		for (i = 0; table && i < l.n; i++) {
			if (!wanted(&l.v[i], all))
				continue;
			fill(&l.v[i], table, cells, nodes, b1, b2);
			for (k = 0; k < 7; k++)
				if (cells[k] != NULL &&
				    output_width(cells[k]) > w[k])
					w[k] = output_width(cells[k]);
		}
		for (k = 0, total = 2 * 6; k < 7; k++)
			total += w[k];
		if (table && total > 80)
			ncols = 6;
		t = output_table_new(ncols, hdr);
		for (i = 0; i < l.n; i++) {
			if (!wanted(&l.v[i], all))
				continue;
			fill(&l.v[i], table, cells, nodes, b1, b2);
			output_table_add(t, cells);
			n++;
		}
		if (n > 0 || g->output == OUTPUT_TSV)
			output_table_print(stdout, g->output, t);
		else
			printf(_("Workspace %s has no inference clusters.\n"),
			    s.workspace);
		output_table_free(t);
	}
	arm_compute_list_free(&l);
	session_close(&s);
	return EXIT_OK;
}
