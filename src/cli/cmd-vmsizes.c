/*
 * akswiz vm-sizes [-l LOCATION]: the VM sizes a region offers (the
 * workspace's without -l), with vCPU,
 * memory, the quota family and GPUs (from the built-in catalogue, since
 * the live list has neither), and the family's remaining vCPU quota
 * (limit - usage from Microsoft.Compute usages).  JSON: [{"name", "vcpus",
 * "memoryGB", "family", "gpus", "familyQuotaFree"}]; unknown members are
 * null.
 */
#include "config.h"
#include "cli/cmd.h"

#include <stdio.h>
#include <string.h>

#include "azure/arm.h"
#include "cli/output.h"
#include "cli/session.h"
#include "common/i18n.h"
#include "core/vmcatalogue.h"

/* akswiz vm-sizes [-l LOCATION]. */
int
cmd_vm_sizes(struct app_options *g, int argc, char **argv)
{
	static const char *const headers[] = {
		N_("NAME"), N_("VCPU"), N_("MEMORY GB"), N_("FAMILY"),
		N_("GPU"), N_("FREE VCPU")
	};
	struct session		 s;
	struct arm_vm_size_list	 l = { 0 };
	struct arm_usage_list	 u = { 0 };
	struct output_table	*t;
	struct err		 err;
	char			 region[64];
	const char		*loc = NULL, *hdr[6], *cells[6];
	char			 vcpu[16], mem[24], gpu[16], freeq[24];
	int			 i, r;
	long			 gb100;
	size_t			 k;

	for (i = 1; i < argc; i++) {
		if ((r = session_opt_value(argc, argv, &i, "location", 'l',
		    &loc)) < 0)
			return EXIT_USAGE;
		if (r == 0) {
			cli_error(_("vm-sizes: unexpected argument \"%s\""),
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
	if (!cli_location(&s, "vm-sizes", loc, region, sizeof region, &r)) {
		session_close(&s);
		return r;
	}
	loc = region;
	if (!arm_list_vm_sizes(&s.arm, s.subscription, loc, &l, &err) ||
	    !arm_list_usages(&s.arm, s.subscription, loc, &u, &err)) {
		session_report(&err);
		arm_vm_size_list_free(&l);
		session_close(&s);
		return session_exit_status(&err);
	}
	for (k = 0; k < 6; k++)
		hdr[k] = _(headers[k]);
	t = output_table_new(6, hdr);
	if (g->output == OUTPUT_JSON)
		fputs("[", stdout);
	for (k = 0; k < l.n; k++) {
		const struct vm_size	*cat = vm_catalogue_find(l.v[k].name);
		const struct arm_usage	*fam = cat != NULL ?
		    arm_usage_find(&u, cat->family) : NULL;

		if (g->output == OUTPUT_JSON) {
			fputs(k ? ",\n {\"name\": " : "\n {\"name\": ", stdout);
			output_json_string(stdout, l.v[k].name);
			/* Not %f: JSON wants a '.' in every locale. */
			gb100 = (l.v[k].memory_mb * 100 + 512) / 1024;
			printf(", \"vcpus\": %d, \"memoryGB\": %ld.%02ld, "
			    "\"family\": ", l.v[k].vcpus, gb100 / 100,
			    gb100 % 100);
			if (cat != NULL) {
				output_json_string(stdout, cat->family);
				printf(", \"gpus\": %d", cat->gpus);
			} else
				fputs("null, \"gpus\": null", stdout);
			if (fam != NULL)
				printf(", \"familyQuotaFree\": %ld}",
				    fam->limit - fam->current);
			else
				fputs(", \"familyQuotaFree\": null}", stdout);
			continue;
		}
		snprintf(vcpu, sizeof vcpu, "%d", l.v[k].vcpus);
		snprintf(mem, sizeof mem, "%.1f", l.v[k].memory_mb / 1024.0);
		if (cat != NULL)
			snprintf(gpu, sizeof gpu, "%d", cat->gpus);
		else
			gpu[0] = '\0';
		if (fam != NULL)
			snprintf(freeq, sizeof freeq, "%ld",
			    fam->limit - fam->current);
		else
			freeq[0] = '\0';
		cells[0] = l.v[k].name;
		cells[1] = vcpu;
		cells[2] = mem;
		cells[3] = cat != NULL ? cat->family : "";
		cells[4] = gpu;
		cells[5] = freeq;
		output_table_add(t, cells);
	}
	if (g->output == OUTPUT_JSON)
		fputs(l.n ? "\n]\n" : "]\n", stdout);
	else
		output_table_print(stdout, g->output, t);
	output_table_free(t);
	arm_usage_list_free(&u);
	arm_vm_size_list_free(&l);
	session_close(&s);
	return EXIT_OK;
}
