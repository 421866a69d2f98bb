/*
 * The commands' side of the session (cli/session.h): exit statuses,
 * errors on stderr, the documented JSON of a compute, option values.
 */
#include "config.h"
#include "cli/session.h"

#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/output.h"
#include "common/i18n.h"

/* The exit status for the kind of an error. */
int
session_exit_status(const struct err *err)
{
	switch (err->kind) {
	case ERR_USAGE:
		return EXIT_USAGE;
	case ERR_AUTH:
		return EXIT_AUTH;
	case ERR_BUSY:
		return EXIT_LOCKED;
	case ERR_NONE:
		return EXIT_OK;
	default:
		return EXIT_SERVICE;
	}
}

/* Print an error and its detail on stderr. */
void
session_report(const struct err *err)
{
	cli_error("%s", err->msg[0] != '\0' ? err->msg : _("unknown error"));
	/* A detail that only repeats the message is not printed twice. */
	if (err->detail[0] != '\0' && (err->msg[0] == '\0' ||
	    strstr(err->detail, err->msg) == NULL))
		fprintf(stderr, "  %s\n", err->detail);
}

/* Whether the compute was created or attached. */
const char *
session_compute_origin(const struct arm_compute *c)
{
	return c->is_attached ? "attached" : "created";
}

/* Print one "key": value member of a JSON object. */
void
session_json_member(FILE *fp, bool *first, const char *key, const char *value)
{
	fprintf(fp, "%s\"%s\": ", *first ? "" : ", ", key);
	*first = false;
	if (value == NULL)
		fputs("null", fp);
	else
		output_json_string(fp, value);
}

/* Print a compute as the documented JSON object. */
void
session_compute_json(FILE *fp, const struct arm_compute *c)
{
	bool	first = true;

	fputc('{', fp);
	session_json_member(fp, &first, "name", c->name);
	session_json_member(fp, &first, "id", c->id);
	session_json_member(fp, &first, "computeType", c->compute_type);
	session_json_member(fp, &first, "provisioningState",
	    c->provisioning_state);
	session_json_member(fp, &first, "origin", session_compute_origin(c));
	session_json_member(fp, &first, "location",
	    c->compute_location != NULL ? c->compute_location : c->location);
	session_json_member(fp, &first, "clusterPurpose", c->cluster_purpose);
	if (c->agent_count >= 0)
		fprintf(fp, ", \"agentCount\": %d", c->agent_count);
	else
		fputs(", \"agentCount\": null", fp);
	session_json_member(fp, &first, "agentVmSize", c->agent_vm_size);
	session_json_member(fp, &first, "loadBalancerType", c->lb_type);
	session_json_member(fp, &first, "loadBalancerSubnet", c->lb_subnet);
	session_json_member(fp, &first, "sslStatus", c->ssl_status);
	session_json_member(fp, &first, "clusterFqdn", c->cluster_fqdn);
	session_json_member(fp, &first, "resourceId", c->resource_id);
	session_json_member(fp, &first, "createdOn", c->created_on);
	session_json_member(fp, &first, "errorCode", c->error_code);
	session_json_member(fp, &first, "errorMessage", c->error_message);
	fputc('}', fp);
}

/* Take an option with a value from argv. */
int
session_opt_value(int argc, char **argv, int *i, const char *name,
    char shortname, const char **value)
{
	const char	*a = argv[*i];
	size_t		 len = strlen(name);

	if (a[0] == '-' && a[1] == '-' && strncmp(a + 2, name, len) == 0) {
		if (a[2 + len] == '=') {
			*value = a + 3 + len;
			return 1;
		}
		if (a[2 + len] != '\0')
			return 0;
	} else if (!(shortname != 0 && a[0] == '-' && a[1] == shortname &&
	    a[2] == '\0'))
		return 0;
	if (*i + 1 >= argc) {
		cli_error(_("option %s needs a value"), a);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

