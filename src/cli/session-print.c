/*
 * The commands' side of the session (cli/session.h): exit statuses,
 * errors on stderr, the documented JSON of a compute, option values.
 */
#include "config.h"
#include "cli/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	output_json_member(fp, *first ? "" : ", ", key, value);
	*first = false;
}

/* "key": n, or null when n < 0. */
static void
json_count(FILE *fp, bool *first, const char *key, int n)
{
	output_json_count(fp, *first ? "" : ", ", key, n);
	*first = false;
}

/* A Kubernetes compute's own properties (kubernetes-path.md C.2). */
static void
compute_k8s_members(FILE *fp, bool *first, const struct arm_compute *c)
{
	const char	*p, *e;
	char		 name[256];
	size_t		 n;

	session_json_member(fp, first, "namespace", c->k8s_namespace);
	session_json_member(fp, first, "defaultInstanceType",
	    c->default_instance_type);
	fputs(", \"instanceTypes\": [", fp);
	/* The names as the parser joined them: "a, b". */
	for (p = c->instance_types; p != NULL && *p != '\0'; ) {
		e = strstr(p, ", ");
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		snprintf(name, sizeof name, "%.*s", (int)n, p);
		if (p != c->instance_types)
			fputs(", ", fp);
		output_json_string(fp, name);
		p = e != NULL ? e + 2 : p + n;
	}
	fputc(']', fp);
	session_json_member(fp, first, "releaseTrain", c->release_train);
}

/* The members every compute has, in the documented order. */
static void
compute_members(FILE *fp, bool *first, const struct arm_compute *c)
{
	session_json_member(fp, first, "name", c->name);
	session_json_member(fp, first, "id", c->id);
	session_json_member(fp, first, "computeType", c->compute_type);
	session_json_member(fp, first, "provisioningState",
	    c->provisioning_state);
	session_json_member(fp, first, "origin", session_compute_origin(c));
	session_json_member(fp, first, "location",
	    c->compute_location != NULL ? c->compute_location : c->location);
	session_json_member(fp, first, "clusterPurpose", c->cluster_purpose);
	json_count(fp, first, "agentCount", c->agent_count);
	session_json_member(fp, first, "agentVmSize", c->agent_vm_size);
	session_json_member(fp, first, "loadBalancerType", c->lb_type);
	session_json_member(fp, first, "loadBalancerSubnet", c->lb_subnet);
	session_json_member(fp, first, "sslStatus", c->ssl_status);
	session_json_member(fp, first, "clusterFqdn", c->cluster_fqdn);
	session_json_member(fp, first, "resourceId", c->resource_id);
	session_json_member(fp, first, "createdOn", c->created_on);
	session_json_member(fp, first, "errorCode", c->error_code);
	session_json_member(fp, first, "errorMessage", c->error_message);
	if (c->compute_type != NULL &&
	    strcasecmp(c->compute_type, "Kubernetes") == 0)
		compute_k8s_members(fp, first, c);
}

/* Print a compute as the documented JSON object. */
void
session_compute_json(FILE *fp, const struct arm_compute *c)
{
	bool	first = true;

	fputc('{', fp);
	compute_members(fp, &first, c);
	fputc('}', fp);
}

/* The cluster object of show -o json (A.8, its pools and power). */
static void
cluster_json(FILE *fp, const struct arm_cluster *cl)
{
	bool	first = true, pf;
	size_t	i;

	fputc('{', fp);
	session_json_member(fp, &first, "name", cl->name);
	session_json_member(fp, &first, "id", cl->id);
	session_json_member(fp, &first, "kubernetesVersion", cl->version);
	session_json_member(fp, &first, "provisioningState",
	    cl->provisioning_state);
	session_json_member(fp, &first, "powerState", cl->power_state);
	fputs(", \"pools\": [", fp);
	for (i = 0; i < cl->npools; i++) {
		const struct arm_pool	*p = &cl->pools[i];

		pf = true;
		fputs(i ? ", {" : "{", fp);
		session_json_member(fp, &pf, "name", p->name);
		session_json_member(fp, &pf, "mode", p->mode);
		session_json_member(fp, &pf, "vmSize", p->vm_size);
		json_count(fp, &pf, "count", p->count);
		fprintf(fp, ", \"autoscaler\": {\"enabled\": %s",
		    p->autoscale ? "true" : "false");
		json_count(fp, &pf, "minCount", p->min_count);
		json_count(fp, &pf, "maxCount", p->max_count);
		fputs("}}", fp);
	}
	fputs("]}", fp);
}

/* The extension object of show -o json (B.7): public settings only. */
static void
extension_json(FILE *fp, const struct arm_extension *x)
{
	bool	 first = true;
	char	*problem = arm_extension_problem(x);
	size_t	 i;

	fputc('{', fp);
	session_json_member(fp, &first, "name", x->name);
	session_json_member(fp, &first, "extensionType", x->extension_type);
	session_json_member(fp, &first, "version", x->current_version != NULL ?
	    x->current_version : x->version);
	session_json_member(fp, &first, "releaseTrain", x->release_train);
	fprintf(fp, ", \"autoUpgradeMinorVersion\": %s",
	    x->auto_upgrade ? "true" : "false");
	session_json_member(fp, &first, "provisioningState",
	    x->provisioning_state);
	session_json_member(fp, &first, "problem", problem);
	fputs(", \"settings\": {", fp);
	for (i = 0; i < x->nsettings; i++) {
		if (i > 0)
			fputs(", ", fp);
		output_json_string(fp, x->setting_keys[i]);
		fputs(": ", fp);
		output_json_string(fp, x->setting_values[i]);
	}
	fputs("}}", fp);
	free(problem);
}

/* show -o json of a Kubernetes compute: with its cluster and extension. */
void
session_compute_json_k8s(FILE *fp, const struct arm_compute *c,
    const struct arm_cluster *cl, const struct arm_extension *x)
{
	bool	first = true;

	fputc('{', fp);
	compute_members(fp, &first, c);
	fputs(", \"cluster\": ", fp);
	if (cl != NULL)
		cluster_json(fp, cl);
	else
		fputs("null", fp);
	fputs(", \"extension\": ", fp);
	if (x != NULL)
		extension_json(fp, x);
	else
		fputs("null", fp);
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

