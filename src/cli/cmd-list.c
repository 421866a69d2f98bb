/*
 * akswiz list: the workspace's inference clusters (computes of type
 * Kubernetes, today's path, and AKS, the legacy one; the others are left
 * out, as the legacy SDK did), each with its type.  -o json prints an
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

/* Inference clusters (Kubernetes and AKS computes) only, unless all. */
static bool
wanted(const struct arm_compute *c, bool all)
{
	return all || (c->compute_type != NULL &&
	    (strcasecmp(c->compute_type, "AKS") == 0 ||
	    strcasecmp(c->compute_type, "Kubernetes") == 0));
}

/*
 * The row of a compute; a table cuts long sizes and regions, and brief
 * drops the "Standard_" every size starts with.  The type is the second
 * column of a table, the last of -o tsv (whose readers count columns).
 */
static void
fill(const struct arm_compute *c, bool table, bool brief, const char **cells,
    char *nodes, char *b1, char *b2)
{
	const char	*loc = c->compute_location != NULL ?
			    c->compute_location : c->location;
	const char	*size = c->agent_vm_size;

	if (brief && size != NULL && strncasecmp(size, "Standard_", 9) == 0)
		size += 9;

	if (c->agent_count >= 0)
		snprintf(nodes, 16, "%d", c->agent_count);
	else
		nodes[0] = '\0';
	cells[0] = c->name;
	cells[table ? 1 : 7] = c->compute_type;
	cells[table ? 2 : 1] = c->provisioning_state;
	cells[table ? 3 : 2] = session_compute_origin(c);
	cells[table ? 4 : 3] = c->cluster_purpose;
	cells[table ? 5 : 4] = nodes;
	cells[table ? 6 : 5] = table ? cut(size, 16, b1, 32) : size;
	cells[table ? 7 : 6] = table ? cut(loc, 14, b2, 32) : loc;
}

/* akswiz list [--all]. */
int
cmd_list(struct app_options *g, int argc, char **argv)
{
	static const char *const headers[] = {
		/* TRANSLATORS: column headers; keep them short. */
		N_("NAME"), N_("TYPE"), N_("STATE"), N_("ORIGIN"),
		N_("PURPOSE"), N_("NODES"), N_("VM SIZE"), N_("LOCATION")
	};
	struct session		 s;
	struct arm_compute_list	 l = { 0 };
	struct output_table	*t;
	struct err		 err;
	const char		*hdr[8], *cells[8];
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
		size_t	w[8], k, total = 0, ncols = 8;
		bool	brief = false;
		int	pass;

		/*
		 * Fit 80 columns: sizes without "Standard_", then drop
		 * LOCATION, then VM SIZE, if the rows are too wide.
		 */
		for (k = 0; k < 8; k++)
			hdr[k] = table ? _(headers[k]) : headers[k];
		for (pass = 0; table && pass < 2; pass++) {
			brief = pass == 1;
			for (k = 0; k < 8; k++)
				w[k] = output_width(hdr[k]);
			for (i = 0; i < l.n; i++) {
				if (!wanted(&l.v[i], all))
					continue;
				fill(&l.v[i], table, brief, cells, nodes, b1,
				    b2);
				for (k = 0; k < 8; k++)
					if (cells[k] != NULL &&
					    output_width(cells[k]) > w[k])
						w[k] = output_width(cells[k]);
			}
			for (k = 0, total = 2 * 7; k < 8; k++)
				total += w[k];
			if (total <= 80)
				break;
		}
		while (table && total > 80 && ncols > 6)
			total -= w[--ncols] + 2;
		t = output_table_new(ncols, hdr);
		for (i = 0; i < l.n; i++) {
			if (!wanted(&l.v[i], all))
				continue;
			fill(&l.v[i], table, brief, cells, nodes, b1, b2);
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
