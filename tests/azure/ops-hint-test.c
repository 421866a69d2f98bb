/*
 * The hints for failed operations, one row per message the service is
 * known to send (service-behaviour.md, verbatim) and a few it is not.
 */
#include "config.h"

#include <string.h>

#include "azure/ops.h"
#include "tests/tap.h"

struct row {
	const char	*code, *message, *detail;
	const char	*want;		/* a part of the hint; "" = no hint */
};

static const struct row rows[] = {
	{ "OperationNotAllowed", "Operation could not be completed as it "
	  "results in exceeding approved Total Regional Cores quota. "
	  "Additional details - Deployment Model: Resource Manager, Location: "
	  "westeurope, Current Limit: 10, Current Usage: 7, Additional "
	  "Required: 12, (Minimum) New Limit Required: 19. Submit a request "
	  "for Quota increase at https://aka.ms/ProdportalCRP/?#create/"
	  "Microsoft.Support/Parameters/ by specifying parameters listed in "
	  "the \xe2\x80\x98" "Details\xe2\x80\x99 section for deployment to "
	  "succeed.", NULL,
	  "Ask for 9 more vCPU of quota (a new limit of at least 19)" },
	{ "QuotaExceeded", "Quota exceeded for family standardDv2", NULL,
	  "Ask for more vCPU quota in the region" },
	{ "BadRequest", "The request is invalid", "BadRequestFormat: Specified "
	  "kubernetes version 1.12.4 is not supported. Supported versions are "
	  "between 1.8 - 1.11 ", "Supported versions are 1.8 - 1.11: upgrade" },
	{ "BadArgument", "Specified kubernetes version 1.17.0 is not "
	  "supported. Supported versions are between [1.10 - 1.14].", NULL,
	  "Supported versions are 1.10 - 1.14: upgrade" },
	{ "RequestDisallowedByPolicy", "Resource 'aks' was disallowed by "
	  "policy. Reasons: 'Load Balancers should not have public IPs'.",
	  NULL, "use an internal load balancer" },
	{ "BadRequest", "Agent coresCluster should have at least 12 cores to "
	  "operate.", NULL, "Production needs at least 3 nodes and 12 vCPU" },
	{ "BadRequest", "At least 3 machine(s) are required for cluster with "
	  "purpose 'FastProd'. Available machine(s) : 2", NULL,
	  "Production needs at least 3 nodes" },
	{ "BadRequest", "The number of nodes multiplied by the virtual "
	  "machine\xe2\x80\x99s number of cores (vCPUs) must be greater than "
	  "or equal to 12", NULL, "Production needs" },
	{ "UserError", "Compute name is invalid. It can include letters, "
	  "digits and dashes. It must start with a letter, end with a letter "
	  "or digit, and be between 2 and 16 characters in length", NULL,
	  "Use 3 to 24 letters" },
	{ "InternalServerError", "An internal server error occurred. Please "
	  "try again. If the problem persists, contact support", NULL, "" },
	{ NULL, NULL, NULL, "" },
};

int
main(void)
{
	char	hint[512];
	size_t	i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ops_hint(rows[i].code, rows[i].message, rows[i].detail, hint,
		    sizeof hint);
		if (rows[i].want[0] == '\0')
			is_str(hint, "", "row %zu (%s): no hint", i,
			    rows[i].code ? rows[i].code : "null");
		else if (!ok(strstr(hint, rows[i].want) != NULL,
		    "row %zu (%s): %s", i, rows[i].code, rows[i].want))
			tap_diag("hint: %s", hint);
	}
	is_str(ops_result_name(OPS_SUBMITTED), "submitted", "result names");
	return tap_done();
}
