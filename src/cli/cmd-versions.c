/*
 * akswiz versions [-l LOCATION]: the Kubernetes versions AKS offers in a
 * region (kubernetesVersions, or the legacy orchestrators list), with the
 * default and preview ones marked.  JSON: [{"version", "default",
 * "preview"}].
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>

#include "azure/arm.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"

/* akswiz versions [-l LOCATION]; without -l, the workspace's region. */
int
cmd_versions(struct app_options *g, int argc, char **argv)
{
	static const char *const headers[] = {
		N_("VERSION"), N_("DEFAULT"), N_("PREVIEW")
	};
	struct session			 s;
	struct arm_k8s_version_list	 l = { 0 };
	struct output_table		*t;
	struct err			 err;
	char				 region[64];
	const char			*loc = NULL, *hdr[3], *cells[3];
	int				 i, r;
	size_t				 k;

	for (i = 1; i < argc; i++) {
		if ((r = session_opt_value(argc, argv, &i, "location", 'l',
		    &loc)) < 0)
			return EXIT_USAGE;
		if (r == 0) {
			cli_error(_("versions: unexpected argument \"%s\""),
			    argv[i]);
			return EXIT_USAGE;
		}
	}
	err_clear(&err);
	if (!session_open(&s, g, SESSION_SUBSCRIPTION, &err)) {
		session_report(&err);
		return session_exit_status(&err);
	}
	/* Without -l, the workspace's region (one GET), said on stderr. */
	if (!cli_location(&s, "versions", loc, region, sizeof region, &r)) {
		session_close(&s);
		return r;
	}
	loc = region;
	if (!arm_list_k8s_versions(&s.arm, s.subscription, loc, &l, &err)) {
		session_report(&err);
		session_close(&s);
		return session_exit_status(&err);
	}
	if (g->output == OUTPUT_JSON) {
		fputs("[", stdout);
		for (k = 0; k < l.n; k++) {
			fputs(k ? ",\n {\"version\": " : "\n {\"version\": ",
			    stdout);
			output_json_string(stdout, l.v[k].version);
			printf(", \"default\": %s, \"preview\": %s}",
			    l.v[k].is_default ? "true" : "false",
			    l.v[k].is_preview ? "true" : "false");
		}
		fputs(l.n ? "\n]\n" : "]\n", stdout);
	} else {
		for (k = 0; k < 3; k++)
			hdr[k] = _(headers[k]);
		t = output_table_new(3, hdr);
		for (k = 0; k < l.n; k++) {
			cells[0] = l.v[k].version;
			cells[1] = l.v[k].is_default ? _("yes") : "";
			cells[2] = l.v[k].is_preview ? _("yes") : "";
			if (g->output == OUTPUT_TSV) {
				cells[1] = l.v[k].is_default ? "default" : "";
				cells[2] = l.v[k].is_preview ? "preview" : "";
			}
			output_table_add(t, cells);
		}
		output_table_print(stdout, g->output, t);
		output_table_free(t);
	}
	arm_k8s_version_list_free(&l);
	session_close(&s);
	return EXIT_OK;
}
