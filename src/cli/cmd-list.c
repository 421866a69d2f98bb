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

/* Fit s into width cells for the table ("..." marks a cut). */
static const char *
cut(const char *s, size_t width, char *buf, size_t len)
{
	if (s == NULL)
		return "";
	if (strlen(s) <= width || width < 4)
		return s;
	snprintf(buf, len, "%.*s...", (int)(width - 3), s);
	return buf;
}

/* akswiz list [--all]. */
int
cmd_list(struct cli_globals *g, int argc, char **argv)
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
		session_report(&err);
		session_close(&s);
		return session_exit_status(&err);
	}
	if (g->output == OUTPUT_JSON) {
		fputs("[", stdout);
		for (i = 0; i < l.n; i++) {
			if (!all && (l.v[i].compute_type == NULL ||
			    strcasecmp(l.v[i].compute_type, "AKS") != 0))
				continue;
			fputs(n++ ? ",\n " : "\n ", stdout);
			session_compute_json(stdout, &l.v[i]);
		}
		fputs(n ? "\n]\n" : "]\n", stdout);
	} else {
		for (i = 0; i < 7; i++)
			hdr[i] = _(headers[i]);
		t = output_table_new(7, hdr);
		for (i = 0; i < l.n; i++) {
			const struct arm_compute *c = &l.v[i];

			if (!all && (c->compute_type == NULL ||
			    strcasecmp(c->compute_type, "AKS") != 0))
				continue;
			if (c->agent_count >= 0)
				snprintf(nodes, sizeof nodes, "%d",
				    c->agent_count);
			else
				nodes[0] = '\0';
			cells[0] = c->name;
			cells[1] = c->provisioning_state;
			cells[2] = session_compute_origin(c);
			cells[3] = c->cluster_purpose;
			cells[4] = nodes;
			cells[5] = cut(c->agent_vm_size, 16, b1, sizeof b1);
			cells[6] = cut(c->compute_location != NULL ?
			    c->compute_location : c->location, 14, b2,
			    sizeof b2);
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
