/*
 * akswiz show NAME: one compute in detail.  -o json prints the object of
 * session_compute_json(); a table is "FIELD  VALUE" lines.  A compute
 * that does not exist is a failure (exit 1) with a clear message; a
 * compute in state Failed is shown (exit 0) with its error.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>

#include "azure/arm.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"

/*
 * Add "label value"; in a table, a value too long for 80 columns goes on
 * as many lines as it needs, cut after a '/' where it can be.
 */
static void
add_row(struct output_table *t, enum output_format fmt, const char *label,
    const char *value)
{
	const char	*cells[2] = { label, value };
	size_t		 avail, len, cut;
	char		 part[96];

	avail = 80 - 2 - 14;	/* the widest label is 13 columns */
	if (fmt != OUTPUT_TABLE || value == NULL || strlen(value) <= avail) {
		output_table_add(t, cells);
		return;
	}
	for (len = strlen(value); len > 0; value += cut, len -= cut) {
		cut = len < avail ? len : avail;
		if (cut < len) {
			size_t	k = cut;

			while (k > avail / 2 && value[k - 1] != '/')
				k--;
			if (value[k - 1] == '/')
				cut = k;
		}
		snprintf(part, sizeof part, "%.*s", (int)cut, value);
		cells[1] = part;
		output_table_add(t, cells);
		cells[0] = "";
	}
}

/* akswiz show NAME. */
int
cmd_show(struct cli_globals *g, int argc, char **argv)
{
	static const char *const headers[] = { N_("FIELD"), N_("VALUE") };
	struct session		 s;
	struct arm_compute	 c;
	struct output_table	*t;
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
	if (g->output == OUTPUT_JSON) {
		session_compute_json(stdout, &c);
		fputc('\n', stdout);
	} else {
		hdr[0] = _(headers[0]);
		hdr[1] = _(headers[1]);
		t = output_table_new(2, hdr);
/* Labels are machine output in -o tsv: never translated there. */
#define ROW(label, value) add_row(t, g->output, g->output == OUTPUT_TSV ? \
    (label) : _(label), (value))
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
		ROW(N_("TLS"), c.ssl_status);
		ROW(N_("TLS CNAME"), c.ssl_cname);
		ROW(N_("Leaf label"), c.ssl_leaf_label);
		ROW(N_("Cluster FQDN"), c.cluster_fqdn);
		ROW(N_("AKS cluster"), c.resource_id);
		ROW(N_("Created"), c.created_on);
		ROW(N_("Description"), c.description);
		if (c.error_code != NULL || c.error_message != NULL) {
			ROW(N_("Error"), c.error_code);
			ROW(N_("Error message"), c.error_message);
		}
#undef ROW
		output_table_print(stdout, g->output, t);
		output_table_free(t);
	}
	arm_compute_done(&c);
	session_close(&s);
	return status;
}
